"""A call for help when Telegram, not Redis, is what fails — and a worker dying at the worst moment.

王老伯 presses 🆘 at 03:00; Telegram's servers answer 502 to every send for a minute. The call is stored and the
resident hears that staff are being told; the alerts to the on-duty staff member, then to everyone, then the short
ones all fail. Telegram is back a minute later: the staff must have the call then, not only at the next level of
the escalation, 8 minutes after the call. (A worker that dies between storing a call and sending its alert leaves it
to the call's safety net, "first:n": tests/test_failover.py.)
"""
from __future__ import annotations

from conftest import signed_up

from bot.testing.tools import Person
from bot.types import SendResult

LI, WANG, CHEN = 1001, 1002, 1003


def telegram_down(app) -> list:
    """Telegram answers 502 to every send to a staff chat until the list returned is given a True."""
    real, over = app.svc.outbox.send, []
    staff = {LI, WANG, CHEN}

    async def bad_gateway(msg, **kw):
        if msg.chat_id in staff and not over:
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = bad_gateway
    return over


def packets(app, tg: int) -> int:
    return sum("#1" in m.text and "王老伯" in m.text for m in Person(app, tg).inbox)


async def test_alerts_telegram_refused_for_a_minute_reach_staff_soon_after_it_is_back(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    over = telegram_down(app)
    await wang.send("🆘 紧急求助")
    await app.engine.tick()  # the next level, brought forward as the first reached nobody: refused too
    assert all(packets(app, tg) == 0 for tg in (LI, WANG, CHEN))
    clock.advance(seconds=50)
    await app.engine.tick()
    over.append(True)  # Telegram answers again, a minute after the call
    for _ in range(4):
        clock.advance(seconds=15)
        await app.engine.tick()
    assert any(packets(app, tg) for tg in (LI, WANG, CHEN)), "nobody has the call two minutes after it"
    for _ in range(4):
        clock.advance(seconds=30)
        await app.engine.tick()
    assert [packets(app, tg) for tg in (LI, WANG, CHEN)] == [1, 1, 1]  # the round once, not again and again
    retried = [e for e in await app.svc.store.timeline(1) if e.get("reason") == "retry"]
    assert retried[-1]["to"] == ["李社工", "王社工", "陈书记"]
