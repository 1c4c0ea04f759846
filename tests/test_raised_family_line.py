"""王老伯 missed his check-in; its alert reached his daughter 王丽 and his sister 王秀英 with the whole family message.
Then 王丽 writes "我爸摔倒了 快去看看": the call is raised to an emergency — and both got the whole family message
again (the daughter right after crying herself), the same missed-check-in packet with nothing saying what changed. Now
the family told of the call get one short line that it became urgent, in their words; the one who raised it gets her
own confirmation only; staff still get the loud "升级为紧急" packet."""
from conftest import signed_up
from test_missed_then_cry import missed_to_family


async def test_raised_by_his_daughter_the_family_get_one_short_line_not_the_packet_again(people, app, clock):
    wang, wangli, sister = await missed_to_family(people, app, clock)
    d, s = len(wangli.inbox), len(sister.inbox)
    await wangli.send("我爸摔倒了 快去看看")
    to_daughter, to_sister = [m.text for m in wangli.inbox[d:]], [m.text for m in sister.inbox[s:]]
    assert len(to_daughter) == 1 and "已通知值班社工" in to_daughter[0], to_daughter  # her own confirmation
    assert len(to_sister) == 1, to_sister
    line = to_sister[0]
    assert "紧急" in line and "王老伯" in line and "我爸摔倒了" in line and "#1" not in line
    assert "登记地址" not in line and "签到无回复" not in line  # not the whole message again
    assert "升级为紧急" in people("李社工").last("升级为紧急").text


async def test_his_cry_on_the_request_his_daughter_made_tells_her_it_became_urgent(people, app):
    """(she asked for his medicine; he then cries 救命: she heard nothing of it)"""
    wangli = await signed_up(people("王丽"), "13911110002")
    wang = await signed_up(people("王老伯"), "13900000002")
    await wangli.send("我爸的药吃完了，麻烦帮他配一下")
    d = len(wangli.inbox)
    await wang.send("救命")
    to_daughter = [m.text for m in wangli.inbox[d:]]
    assert len(to_daughter) == 1 and "紧急" in to_daughter[0] and "救命" in to_daughter[0], to_daughter
    assert "登记地址" not in to_daughter[0]
