"""Who cried for help and was told "暂时没联系上社工" while Telegram failed (5xx) for the staff chats hears once, when a
staff member first has the call (the round sent again 30 s later: tests/test_alert_faults.py), that staff have it
now — not left believing nobody knows, nor told it again with each later round.

王丽 cries for her father at 10:00 ("救命，我爸爸摔倒了"), and 王老伯 presses 🆘 himself on another day: each reads
the same line once Telegram is back.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_alert_faults_more import ticks
from test_incident_followups import SH

NOT_REACHED, NOW_REACHED = "暂时没联系上社工", "现在社工已经收到您的求助"


def told(person, needle: str, since: int = 0) -> int:
    return sum(needle in m.text for m in person.inbox[since:])


async def back_and_told_once(app, clock, person, over: list, since: int = 0, *, then: tuple | None = None,
                             why: str | None = None) -> None:
    """Telegram answers again: `person` reads once that staff have it now — and still once after `then`'s ticks."""
    over.append(True)
    await ticks(app, clock, 4, 15)
    assert told(person, NOW_REACHED, since) == 1, why
    if then:
        await ticks(app, clock, *then)
        assert told(person, NOW_REACHED, since) == 1


async def _cried_while_telegram_failed(app, clock, crier, words: str) -> None:
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    over, since = telegram_down(app), len(crier.inbox)
    await crier.send(words)
    await app.engine.tick()
    await ticks(app, clock, 1, 50)
    assert told(crier, NOT_REACHED, since) == 1
    assert told(crier, NOW_REACHED, since) == 0  # nobody has it yet: no false comfort
    over.append(True)  # Telegram answers again, a minute after the cry
    await ticks(app, clock, 4, 15)
    assert told(crier, NOW_REACHED, since) == 1, "she still believes no staff member has her call"
    await ticks(app, clock, 20, 30)  # its next levels reach the staff again: she is not told again
    assert told(crier, NOW_REACHED, since) == 1


async def test_a_daughter_told_staff_were_not_reached_hears_once_when_they_have_her_call(people, app, clock):
    await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await _cried_while_telegram_failed(app, clock, wangli, "救命，我爸爸摔倒了")
    assert "120" in wangli.last(NOW_REACHED).text


async def test_a_resident_told_staff_were_not_reached_hears_the_same_once_they_have_his_call(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await _cried_while_telegram_failed(app, clock, wang, "🆘 紧急求助")


async def test_a_daughter_whose_news_that_he_says_he_is_fine_telegram_failed_hears_it_once_it_is_back(people, app,
                                                                                                      clock):
    """王丽 cried for her father; he says "我没事" while Telegram fails (502) for her chat: once it is back she reads
    that he says he is all right — once — not left fearing the worst (tests/test_family_said_fine.py)."""
    from bot.types import SendResult

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸爸摔倒了起不来")
    real, over = app.svc.outbox.send, []

    async def her_chat_fails(msg, **kw):
        if msg.chat_id == wangli.id and not over:
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = her_chat_fails
    await wang.send("我没事")
    await ticks(app, clock, 1, 50)
    assert told(wangli, "说自己没事") == 0
    over.append(True)
    await ticks(app, clock, 2, 15)
    assert told(wangli, "说自己没事") == 1, "she still fears the worst"
    await ticks(app, clock, 6, 30)
    assert told(wangli, "说自己没事") == 1


async def test_a_resident_crying_again_on_his_taken_call_told_staff_were_not_reached_hears_once_they_have_it(people,
                                                                                                          app, clock):
    """王社工 took his call; he cries again while Telegram fails for the staff chats and reads "暂时没联系上社工": once
    the new cry reaches a staff member, he reads that they have it — once."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    await people("王社工").press_data(1, "inc:claim:1")
    await _cried_while_telegram_failed(app, clock, wang, "救命，我又摔倒了")
