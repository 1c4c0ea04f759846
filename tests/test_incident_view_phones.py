"""/incident N read by a colleague showed the timeline, but no number to reach the one it is about when that is a
colleague (李社工 who pressed 🆘 herself, fallen on a visit), nor the colleague holding a call: the head had to look
the number up elsewhere (probe, session 20). Now the view carries both, each tappable."""
from conftest import signed_up

CRY = "救命 我在5号楼楼梯摔倒了起不来"


async def test_a_colleagues_own_call_shows_her_phone(people):
    li, wa = people("李社工"), people("王社工")
    await li.send(CRY)
    await wa.send("/incident 1")
    told = wa.last().text
    assert "#1" in told and "+8613800000001" in told, told


async def test_a_call_a_colleague_holds_shows_whom_to_call(people):
    li, chen = people("李社工"), people("陈书记")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await chen.send("/incident 1")
    told = chen.last().text
    assert "李社工" in told and "+8613800000001" in told, told


async def test_the_one_holding_the_call_is_not_given_her_own_number(people):
    li = people("李社工")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.send("/incident 1")
    assert "13800000001" not in li.last("#1").text
