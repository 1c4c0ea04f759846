"""A resident presses 🆘 again while Telegram hangs on the staff's chats (a request answered only after a minute —
4 tries of it): she must not wait minutes for any reply. Within a few seconds she reads the committee's phone
and 120 (it is not known that staff were reminded); and once the reminder does reach a staff member, that they
have it now."""
import asyncio

from bot.incidents import reached_late
from bot.types import SendResult
from tests.test_alert_faults import CHEN, LI, WANG, signed_up


def telegram_hangs(app, seconds: float, answer_ok: bool) -> None:
    real = app.svc.outbox.send

    async def slow(msg, **kw):
        if msg.chat_id in {LI, WANG, CHEN}:
            await asyncio.sleep(seconds)
            if not answer_ok:
                return SendResult(False, error="Request timeout error", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = slow


async def cry_again_while_telegram_hangs(people, app, clock, monkeypatch, answer_ok: bool, words: str = "🆘 紧急求助",
                                        claimed: bool = False) -> tuple[str, str]:
    """王老伯's call reached 李社工 (and she took it, if `claimed`); a minute on he cries again while Telegram hangs.
    What he reads in the first second, and in all once the alerts' tries are over."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    if claimed:
        await people("李社工").press_data(1, "inc:claim:1")
    clock.advance(seconds=70)
    telegram_hangs(app, 2.0, answer_ok)
    seen = len(wang.inbox)
    first, _ = await _first_words(wang, wang.send(words), monkeypatch)
    await asyncio.sleep(2.5)
    await asyncio.gather(*app.svc.incidents.pending())
    return first, "\n".join(m.text for m in wang.inbox[seen:])


async def test_pressing_again_while_telegram_hangs_gets_the_numbers_at_once(people, app, clock, monkeypatch):
    first, later = await cry_again_while_telegram_hangs(people, app, clock, monkeypatch, answer_ok=False)
    assert "021-64370000" in first and "120" in first  # not minutes of silence
    assert "我又提醒了他们一次" not in later
    assert "现在社工已经收到" not in later


async def test_a_reminder_that_gets_through_late_is_told(people, app, clock, monkeypatch):
    first, later = await cry_again_while_telegram_hangs(people, app, clock, monkeypatch, answer_ok=True)
    assert "021-64370000" in first
    assert later.count("现在社工已经收到") == 1


async def test_a_new_cry_on_a_claimed_call_while_telegram_hangs_gets_the_numbers_at_once(people, app, clock,
                                                                                        monkeypatch):
    """李社工 has his call; he falls again and cries while Telegram hangs: the renewed call's round is still trying."""
    first, later = await cry_again_while_telegram_hangs(people, app, clock, monkeypatch, answer_ok=True,
                                                        words="救命 我又摔倒了", claimed=True)
    assert "021-64370000" in first and "120" in first
    assert later.count("现在社工已经收到") == 1


async def _first_words(person, send, monkeypatch) -> tuple[str, str]:
    """What `person` reads in the first second of sending while Telegram hangs, and in all."""
    monkeypatch.setattr(reached_late, "TOLD_WITHIN_SECONDS", 0.3)
    seen = len(person.inbox)
    pressed = asyncio.ensure_future(send)
    await asyncio.sleep(1.0)
    first = "\n".join(m.text for m in person.inbox[seen:])
    await pressed
    return first, "\n".join(m.text for m in person.inbox[seen:])


async def test_a_daughters_cry_while_telegram_hangs_gets_the_numbers_at_once(people, app, clock, monkeypatch):
    await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    telegram_hangs(app, 2.0, answer_ok=True)
    first, _ = await _first_words(wangli, wangli.send("救命，我爸爸摔倒了"), monkeypatch)
    assert "021-64370000" in first and "120" in first
    await asyncio.sleep(1.5)
    await asyncio.gather(*app.svc.incidents.pending())
    assert sum("现在社工已经收到" in m.text for m in wangli.inbox) == 1


async def test_a_strangers_cry_while_telegram_hangs_gets_the_numbers_at_once(people, app, clock, monkeypatch):
    passer_by = people("路人")
    telegram_hangs(app, 2.0, answer_ok=False)
    first, _ = await _first_words(passer_by, passer_by.send("救命 有人晕倒了"), monkeypatch)
    assert "021-64370000" in first and "120" in first


async def test_a_late_check_in_answer_while_telegram_hangs_is_thanked_at_once(people, app, clock, monkeypatch):
    """Her missed check-in became a call; she answers "我很好" while Telegram hangs on the staff's chats: she is
    thanked at once, truthfully (her all-clear is not with staff yet), not after the all-clear's minutes of tries."""
    from test_checkin_late_told_truly import TUESDAY_9, _missed
    zhang, _ = await _missed(people, app, clock)
    clock.set(TUESDAY_9.replace(hour=10, minute=12))
    telegram_hangs(app, 2.0, answer_ok=False)
    first, _ = await _first_words(zhang, zhang.send("我很好"), monkeypatch)
    assert "谢谢您回复" in first and "还没送到社工那里" in first
