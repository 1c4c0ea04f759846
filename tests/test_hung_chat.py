"""Telegram hanging on one person's chat (no answer at all) costs the rest of the call's chain seconds, not minutes.

王老伯 presses 🆘 on a Monday at 10:00 and nobody takes it; 王社工's chat hangs (Telegram answers nothing for it).
His alert at 3 minutes hangs with it. aiogram waits 60 s a try and the outbox tried 4 times: the round holding the
call's lock was not written down for minutes, so the family at 8 minutes, or the head's 🙋 我来处理, waited behind
it. An urgent message now gets `telegram.urgent_send_seconds` (10 s; 2 s here, to keep the suite quick) and is then
given up as a time-out: its round is written down (王社工 not reached, sent again by the round's retries).
"""
from __future__ import annotations

import asyncio
import time

import pytest
from conftest import running_telegram
from test_e2e_chain_faults import at_minute, heard, signed_up_doctor
from test_e2e_family import signed_up_daughter

from bot.outbox import Outbox
from bot.types import Outbound

URGENT_SECONDS = 2
WITHIN = 12  # real seconds: a hung chat costs the others at most about this


def quick(settings):
    return settings.model_copy(update={"telegram": settings.telegram.model_copy(
        update={"urgent_send_seconds": URGENT_SECONDS})})


async def ticking_until(telegram, check, seconds: float):
    """The scheduler's ticks (each half second) until `check()` holds or `seconds` of real time passed."""
    app, end = telegram.app, time.monotonic() + seconds
    while not (done := check()) and time.monotonic() < end:
        await app.engine.tick()
        await telegram.api.wait_until(check, 0.5)
    return done


async def hung_at_three_minutes(telegram):
    """王老伯's 🆘, 王社工's chat hanging; at 3 minutes the head hears of it (王社工's alert hangs)."""
    api, wa, head = telegram.api, telegram.user("王社工"), telegram.user("陈书记")
    wang = await telegram.signed_up("王老伯", "13900000002")
    api.hanging_chats[wa.id] = 600
    await wang.press("🆘 紧急求助")
    await telegram.said(telegram.user("李社工"), "紧急求助 #1")
    await at_minute(telegram, 3.1)
    assert await ticking_until(telegram, lambda: heard(telegram, head), WITHIN)
    assert api.held, "王社工's alert never reached the hanging chat"


async def test_the_family_hears_on_time_while_a_colleagues_chat_hangs(make_app, settings):
    async with running_telegram("aiogram", make_app, quick(settings)) as telegram:
        daughter, doctor = await signed_up_daughter(telegram), await signed_up_doctor(telegram)
        await hung_at_three_minutes(telegram)
        started = time.monotonic()
        await at_minute(telegram, 8.1)
        assert await ticking_until(telegram, lambda: heard(telegram, daughter) and heard(telegram, doctor), WITHIN), \
            "the family heard nothing while 王社工's chat hung"
        assert time.monotonic() - started <= WITHIN


async def test_the_heads_claim_is_answered_while_a_colleagues_chat_hangs(make_app, settings):
    async with running_telegram("aiogram", make_app, quick(settings)) as telegram:
        head = telegram.user("陈书记")
        await hung_at_three_minutes(telegram)
        started = time.monotonic()
        await head.click(await telegram.said(head, "#1"), "我来处理")
        await telegram.said(head, "陈书记 已接单", timeout=WITHIN)
        assert time.monotonic() - started <= WITHIN


async def test_the_head_hears_at_once_when_the_on_duty_chat_hangs(make_app, settings):
    """李社工, the only one on duty, cannot be reached: a round that reaches nobody tells the head at once — also when
    Telegram hangs on her chat rather than refusing it."""
    async with running_telegram("aiogram", make_app, quick(settings)) as telegram:
        api, li, head = telegram.api, telegram.user("李社工"), telegram.user("陈书记")
        wang = await telegram.signed_up("王老伯", "13900000002")
        api.hanging_chats[li.id] = 600
        started = time.monotonic()
        await wang.press("🆘 紧急求助")
        assert await ticking_until(telegram, lambda: heard(telegram, head), WITHIN), api.sent_to(head.id)
        assert time.monotonic() - started <= WITHIN and api.held


class Hanging:
    """A channel that never answers (Telegram hanging on every chat)."""

    def __init__(self) -> None:
        self.tries = 0

    async def deliver(self, msg):
        self.tries += 1
        await asyncio.sleep(3600)


async def test_an_urgent_send_that_gets_no_answer_is_given_up_once_its_time_is_over(clock):
    channel = Hanging()
    outbox = Outbox(channel, None, clock, urgent_seconds=0.2, backoff=0)
    started = time.monotonic()
    result = await outbox.send(Outbound(1001, "🆘 #1", urgent=True, tag="alert:1"))
    assert not result.ok and not result.permanent and channel.tries == 1  # the round's retries send it again
    assert time.monotonic() - started < 1
    with pytest.raises(TimeoutError):  # anything else waits as long as the channel does
        await asyncio.wait_for(outbox.send(Outbound(1001, "今天身体好吗？")), 0.5)
