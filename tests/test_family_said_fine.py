"""A daughter who raised or joined her father's call heard nothing when he said "我没事" or "按错了" on it: the call
stays open until staff check (never a silent cancel), and she was left fearing the worst. Now she is told once,
kindly, that he says he is all right and that staff will still check; nobody who was not told of the call hears it."""
import pytest
from conftest import signed_up
from test_family_resolved import private_data_in

COMMITTEE = "021-64370000"


def fine_lines(person) -> list[str]:
    return [t for t in person.texts() if "说自己没事" in t]


@pytest.mark.parametrize("words", ["我没事", "按错了"])
async def test_a_daughter_who_raised_the_call_hears_once_that_he_says_he_is_all_right(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    sister = await signed_up(people("王秀英"), "13911110012")  # his contact too, never told of this call
    await wangli.send("我爸爸摔倒了起不来")
    await wang.send(words)
    await wang.send("真的没事，手滑了")  # said again: she is not told twice
    [line] = fine_lines(wangli)
    assert "王老伯" in line and "社工" in line and "确认" in line and COMMITTEE in line
    assert private_data_in(line) == []
    assert fine_lines(sister) == []
    assert (await app.svc.store.incident(1))["status"] == "open"  # staff still check


async def test_a_daughter_who_joined_his_call_hears_it_too(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("🆘 紧急求助")
    await wangli.send("能帮我去看看我爸吗")  # on his open call
    assert "王丽" in people("李社工").last("王丽").text  # she is on his call
    await wang.send("我按错了")
    [line] = fine_lines(wangli)
    assert "王老伯" in line and COMMITTEE in line


async def test_the_resident_saying_he_is_fine_with_no_family_on_the_call_tells_no_family(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("🆘 紧急求助")
    await wang.send("我按错了")
    assert fine_lines(wangli) == []
