"""王丽 (his daughter) tells staff her father moved ("我爸的地址改了 搬到5号楼101了"). The packet showed her door beside
the register's as "居民说：5号⚠️101室" — as if he said it, so staff would trust it as his own word (lead's probe,
session 18). Now it names who said it: his daughter 王丽. A resident's own new door still reads "居民说"."""
from conftest import signed_up


def _said_lines(packet: str) -> list[str]:
    return [line for line in packet.splitlines() if "说" in line and "⚠️" in line]


async def test_a_daughters_words_about_his_door_are_named_as_hers(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸的地址改了 搬到5号楼101了")
    packet = li.last("#1").text
    stated = [line for line in packet.splitlines() if "⚠️101室" in line]
    assert stated and "女儿" in stated[0] and "王丽" in stated[0], packet
    assert "居民说" not in packet, packet


async def test_a_residents_own_new_door_still_reads_as_hers(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("我搬到6号楼201了，以后找我去那里")
    packet = li.last("#1").text
    stated = [line for line in packet.splitlines() if "⚠️6号" in line]
    assert stated and "居民说" in stated[0], packet
