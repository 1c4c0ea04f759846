"""A staff alert waiting for its staff chat's pace holds nobody else up (issue 16, mass calls).

Telegram lets about one message a second into one chat after a short burst. When many residents call at once, the
on-duty staff member's chat is the bottleneck: her fourth alert in a second waits about a second for its place.
While a staff alert is on its way the urgent lane holds every other send of the process (`bot/lanes.py`), so that
alerts go first; but that hold is for the alert's token slot and its send, not for the chat's pace: a resident's reply,
another staff member's alert or a check-in can go meanwhile, and must not wait behind an alert that cannot go yet.
"""
import asyncio

from bot.clock import FakeClock
from bot.outbox import Outbox
from bot.ratelimit import TelegramLimiter
from bot.types import Outbound, SendResult

STAFF, RESIDENT = 1001, 2002


class Recorder:
    def __init__(self) -> None:
        self.sent: list[tuple[float, int, str]] = []

    async def deliver(self, msg: Outbound) -> SendResult:
        await asyncio.sleep(0.01)  # like an HTTP round trip
        self.sent.append((asyncio.get_running_loop().time(), msg.chat_id, msg.text))
        return SendResult(True, len(self.sent))


async def test_a_reply_does_not_wait_for_an_alert_that_waits_for_its_staff_chats_pace():
    rec = Recorder()
    outbox = Outbox(rec, None, FakeClock(), limiter=TelegramLimiter())
    loop = asyncio.get_running_loop()
    for i in range(3):  # the staff chat's burst is spent by three alerts
        await outbox.send(Outbound(STAFF, f"alert {i}", urgent=True, tag="alert:first:1"))
    fourth = asyncio.ensure_future(outbox.send(Outbound(STAFF, "alert 4", urgent=True, tag="alert:first:4")))
    await asyncio.sleep(0.05)  # the fourth now waits about a second for the staff chat's next place
    began = loop.time()
    await outbox.send(Outbound(RESIDENT, "请稍等，社工马上联系您", tag="reply"))
    waited = loop.time() - began
    assert waited < 0.3, f"the resident's reply waited {waited:.2f} s behind an alert that could not go yet"
    await fourth
    assert [text for _, chat, text in rec.sent if chat == STAFF][-1] == "alert 4"
    times = {text: at for at, _, text in rec.sent}
    assert times["alert 4"] - times["alert 0"] > 0.9  # the staff chat's pace was kept


async def test_an_alert_whose_chat_is_ready_still_goes_before_replies():
    rec = Recorder()
    outbox = Outbox(rec, None, FakeClock(), limiter=TelegramLimiter())
    alert = asyncio.ensure_future(outbox.send(Outbound(STAFF, "alert", urgent=True, tag="alert:first:1")))
    await asyncio.sleep(0)  # the alert has started
    await asyncio.gather(alert, outbox.send(Outbound(RESIDENT, "reply", tag="reply")))
    assert [text for _, _, text in rec.sent] == ["alert", "reply"]
