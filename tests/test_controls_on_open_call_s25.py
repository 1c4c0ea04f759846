"""The check-in's controls said while her 🆘 is open (session 25): her words on the call are the call's, read by the
staff on their way, before any check-in control reads them — "我明天去女儿家住几天" is where she will be (the staff
phoning her need it), never "您要出门几天？这段时间不发每日问候。" with her call still open; "不要再问我了", "晚点再问我"
likewise. The engine routes them to the call; the check-in's controls wait for a day without an open emergency."""
import pytest
from conftest import enrolled

CONTROLS = ["我明天去女儿家住几天", "我要出去旅游几天", "不要再问我了", "晚点再问我", "签到时间改一下"]


async def _on_call(people, app):
    zhang, rid = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.send("对的")
    return zhang, rid, people("李社工")


@pytest.mark.parametrize("words", CONTROLS)
async def test_a_control_said_on_her_open_emergency_is_her_words_on_the_call(people, app, clock, words):
    zhang, rid, li = await _on_call(people, app)
    n = len(zhang.texts())
    await zhang.send(words)
    told = "\n".join(zhang.texts()[n:])
    assert words in li.last("又说").text  # the staff on their way read it
    assert "出门几天" not in told and "不发每日问候" not in told and "几点" not in told, told
    assert "没太明白" not in told and "答不上来" not in told, told
    st = await app.svc.checkins.state(rid)
    assert not st.paused(clock.ts())  # nothing paused by itself while her call is open


@pytest.mark.parametrize("words", ["再见", "谢谢 拜拜", "88"])
async def test_guard_a_bare_goodbye_on_her_open_emergency_pages_nobody(people, app, words):
    zhang, rid, li = await _on_call(people, app)
    seen = len(li.texts())
    await zhang.send(words)
    assert li.texts()[seen:] == [], li.texts()[seen:]
