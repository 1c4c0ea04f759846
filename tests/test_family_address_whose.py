"""A daughter tells staff her father's door ("我爸的地址改了 搬到5号楼101了", or "他在5号楼101" while his call is
open). The packet named her, but the call's history (/incident N, the desk's timeline) and the desk's Now list and
call page said "⚠️ 居民说的地址不同：room" — as if he had said it, and with a part name in English code. Staff must
see who gave the door, and which part differs, in words."""
from aiohttp.test_utils import TestClient, TestServer
from conftest import signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in

LI = 1001


async def _history(li) -> str:
    await li.send("/incident 1")
    return li.last("#1 ").text


async def test_the_history_says_his_daughter_gave_the_door_not_he(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸的地址改了 搬到5号楼101了")
    history = await _history(li)
    line = next(line for line in history.splitlines() if "地址不同" in line)
    assert "王丽" in line and "女儿" in line, history
    assert "居民说" not in history and "room" not in line, history
    assert "室" in line, history


async def test_the_history_in_english_names_her_too(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await li.send("/lang en")  # she reads English (her English profile alone no longer decides: she chose it)
    await wangli.send("我爸的地址改了 搬到5号楼101了")
    history = await _history(li)
    line = next(line for line in history.splitlines() if "different address" in line)
    assert "王丽" in line and "resident gave" not in line and "room" in line, history


async def test_a_residents_own_door_still_reads_as_his(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("我搬到6号楼201了，以后找我去那里")
    history = await _history(li)
    line = next(line for line in history.splitlines() if "地址不同" in line)
    assert "居民说的地址不同" in line and "楼号" in line, history


async def test_the_desk_says_the_family_gave_the_door(people, app, clock):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸的地址改了 搬到5号楼101了")
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    try:
        await sign_in(client, LI, clock.ts())
        for page in (await (await client.get("/")).text(), await (await client.get("/incident/1")).text()):
            assert "家属说的地址不同" in page and "居民说的地址不同" not in page
    finally:
        await client.close()


async def test_his_door_told_after_her_cry_reaches_the_staff_on_his_call(people, app):
    """"他在5号楼101" a moment after "我爸摔倒了起不来": she read "没太明白" and a button to tap; staff never heard."""
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸摔倒了起不来")
    await wangli.send("他在5号楼101")
    told = wangli.last().text
    assert "没太明白" not in told and "王老伯" in told and "社工" in told, wangli.texts()
    assert any("他在5号楼101" in t for t in li.texts()), li.texts()
    packet = li.last("紧急求助 #1").text
    stated = [line for line in packet.splitlines() if "⚠️101室" in line]
    assert stated and "女儿 王丽" in stated[0], packet
    assert "（未询问地址）" not in packet, packet


async def test_a_door_in_her_cry_is_shown_beside_the_register_as_hers(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸摔倒了 在5号楼101")
    packet = li.last("紧急求助 #1").text
    stated = [line for line in packet.splitlines() if "⚠️101室" in line]
    assert stated and "女儿 王丽" in stated[0], packet
    assert "居民说" not in packet and "居民已确认" not in packet, packet


async def test_his_registered_door_told_by_her_is_never_his_confirmation(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸摔倒了起不来")
    await wangli.send("他在家 5号楼302")
    packet = li.last("紧急求助 #1").text
    assert "居民已确认地址" not in packet and "王丽" in packet, packet
    assert any("5号楼302" in t for t in li.texts()), li.texts()
