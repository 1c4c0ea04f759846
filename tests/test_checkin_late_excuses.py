"""Her check-in missed and sent to staff, 张阿姨 answers late with why (session 20's probes): "对不起忘了" raised a full
🆘 and "情况危急请马上拨打120"; "没听见" read "再见，保重身体！"; "手机没电了", "社工来了" opened a new request on top of the
all-clear. Each is an all-clear: she reads that staff know she is safe, and nothing new is opened."""
import pytest
from conftest import TUESDAY_9
from test_checkin_late_told_truly import _missed


async def _late(people, app, clock, words):
    zhang, li = await _missed(people, app, clock)
    rid = (await app.svc.store.resident_by_tg(zhang.id))["id"]
    seen = len(zhang.texts())
    clock.set(TUESDAY_9.replace(hour=10, minute=12))
    await zhang.send(words)
    return zhang.texts()[seen:], li, (await app.svc.checkins.state(rid)).answer


@pytest.mark.parametrize("words", ["对不起忘了", "不好意思 忘记回了", "没听见", "刚才没听到手机响", "手机没电了",
                                   "手机刚才没电了 刚充上", "社工来过了", "刚才睡着了"])
async def test_a_late_answer_with_an_excuse_is_an_all_clear(people, app, clock, words):
    she, li, answer = await _late(people, app, clock, words)
    assert answer == "ok", (answer, she)
    assert any("平安" in t for t in she), she
    assert not any("120" in t or "再见" in t for t in she), she
    assert await app.svc.store.incident(2) is None, li.texts()[-1]


@pytest.mark.parametrize("words", ["对不起 我摔倒了起不来", "刚才睡着了 现在头好晕"])
async def test_guard_an_excuse_with_a_danger_or_ailment_is_not_an_all_clear(people, app, clock, words):
    she, li, answer = await _late(people, app, clock, words)
    assert answer in ("help", "unwell"), (answer, she)


async def test_sorry_i_forgot_at_the_front_door_pages_nobody(people, app):
    from conftest import signed_up
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("对不起忘了")
    assert not any("紧急求助" in t for t in people("李社工").texts())
    assert not any("120" in t for t in wang.texts()[-2:])
