"""李社工 said "我今天请假" (at a wedding) and 王社工 took her duty; 🕒 值班 told everyone "请假（不收求助）". Yet when
nobody took 张阿姨's 🆘, the escalation at 3 and 8 minutes rang 李社工's phone too, and so did a surge of calls
(probe, session 20). Now those on leave are left out of a round while a colleague not on leave, or the head, can be
reached in it; only when nobody else can is she paged, and her alert says why."""
from conftest import signed_up

from bot.types import Inbound


async def _li_on_leave(people):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    return li, wa, chen


async def test_escalations_pass_over_the_one_on_leave_while_colleagues_can_be_reached(people, app, clock):
    li, wa, chen = await _li_on_leave(people)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    for minutes in (3.1, 5, 5):  # all staff and the head, then the family level, then a repeat
        clock.advance(minutes=minutes)
        await app.engine.tick()
        await app.engine.tick()
    assert any("紧急求助 #1" in t for t in chen.texts())  # the head has it: nobody needs her on leave
    assert any("紧急求助 #1" in t for t in wa.texts())
    assert not any("#1" in t for t in li.texts()), li.texts()


async def test_with_everyone_else_unreachable_the_one_on_leave_is_paged_and_told_why(people, app, clock):
    li, wa, chen = await _li_on_leave(people)
    for st in (wa, chen):  # both blocked the bot: nobody else can hear it
        app.svc.outbox.messenger.blocked.add(st.id)
        await app.engine.handle(Inbound(user_id=st.id, chat_id=st.id, kind="blocked"))
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    await app.engine.tick()
    alert = li.last("紧急求助 #1")
    assert "请假" in alert.text and "联系不上" in alert.text, alert.text
    await li.click(alert, "我来处理")
    assert "已接单" in li.last("紧急求助 #1").text or "接手" in li.last().text


async def test_a_surge_passes_over_the_one_on_leave(people, app, clock):
    li, wa, chen = await _li_on_leave(people)
    for name, phone in (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003")):
        await (await signed_up(people(name), phone)).send("🆘 紧急求助")
    assert any("多人同时求助" in t for t in chen.texts())
    assert not any("多人同时求助" in t or "紧急求助 #" in t for t in li.texts()), li.texts()


async def test_a_surge_line_tells_the_one_on_leave_why_it_reaches_her_when_nobody_else_can(people, app):
    """Staff on leave who is paged by a surge because everyone else blocked the bot reads, on the surge's own first
    line, why it comes to her: not only on each call's packet that follows."""
    li, wa, chen = await _li_on_leave(people)
    for st in (wa, chen):
        app.svc.outbox.messenger.blocked.add(st.id)
        await app.engine.handle(Inbound(user_id=st.id, chat_id=st.id, kind="blocked"))
    for name, phone in (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003")):
        await (await signed_up(people(name), phone)).send("🆘 紧急求助")
    line = li.last("多人同时求助")
    assert "请假" in line.text and "联系不上" in line.text, line.text
