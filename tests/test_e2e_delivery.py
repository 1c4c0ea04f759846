"""Issue 11, points 6, 10, 11 end to end: an alert always fits and leaves, staff replies never wait for the
bot's own bookkeeping, and a responder who cannot be reached is known before a call comes."""
from __future__ import annotations

import asyncio

import pytest
from conftest import LIBRARIES, running_telegram

from bot.ratelimit import Limits, TelegramLimiter

NOTES = "".join(f"第{i:04d}条记录：高血压，独居，钥匙在邻居家。" for i in range(500))  # about 10,000 characters


async def sos(telegram, name="王老伯", phone="13900000002"):
    wang = await telegram.signed_up(name, phone)
    await wang.press("🆘 紧急求助")
    return wang


async def with_notes(telegram, notes: str, phone="13900000002") -> None:
    store = telegram.app.svc.store
    person = await store.resident(await store.resident_id_by_phone(phone))
    await store.save_resident({**person, "notes": notes})


async def test_a_register_note_of_10000_characters_still_reaches_staff_with_a_claim_button(telegram):
    assert len(NOTES) >= 10000
    await with_notes(telegram, NOTES)
    wang = await sos(telegram)
    li = telegram.user("李社工")
    packet = await telegram.said(li, "紧急求助 #1")
    assert "🙋 我来处理" in packet.buttons()
    assert len(packet.text) <= 4096 and "…" in packet.text
    assert "建新路27弄5号302室" in packet.text and "13900000002" in packet.text
    await telegram.said(wang, "已通知值班社工")
    alerted = [e for e in await telegram.app.svc.store.timeline(1) if e["event"] == "alerted"]
    assert alerted[0]["to"] == ["李社工"] and alerted[0]["failed"] == []
    # the whole note is one command away, in as many parts as it takes
    n = telegram.count(li)
    await li.send_command("/incident", "1")
    await telegram.said(li, "第0499条记录", after=n)
    parts = telegram.api.sent_to(li.id)[n:]
    assert len(parts) >= 3 and all(len(p.text) <= 4096 for p in parts)
    assert NOTES in "".join(p.text for p in parts)


async def test_a_bad_request_is_not_retried_and_a_minimal_alert_follows(telegram):
    api, app = telegram.api, telegram.app
    wang = await telegram.signed_up("王老伯", "13900000002")
    before = len(api.calls)
    api.fail_next("sendMessage", 400, "Bad Request: message is too long")  # the packet, whatever the cause
    await wang.press("🆘 紧急求助")
    li, chen = telegram.user("李社工"), telegram.user("陈书记")
    minimal = await telegram.said(li, "#1")
    assert "王老伯" in minimal.text and "13900000002" in minimal.text and "/incident 1" in minimal.text
    assert "🙋 我来处理" in " ".join(minimal.buttons())
    told = await telegram.said(chen, "没有送到")
    assert "#1" in told.text and "李社工" in told.text
    failed = [c for c in api.calls[before:] if c.method.lower() == "sendmessage" and not c.result_ok]
    assert len(failed) == 1  # a 400 is answered once: retrying the same request cannot help
    await telegram.said(wang, "已通知值班社工")


async def test_nobody_reachable_the_resident_is_told_the_truth_and_escalation_keeps_its_pace(telegram):
    api, app = telegram.api, telegram.app
    for st in app.settings.staff:
        api.block_chat(st.telegram_id)
    wang = await sos(telegram)
    truth = await telegram.said(wang, "暂时没联系上社工")
    assert "021-64370000" in truth.text and "120" in truth.text
    assert not any("已通知值班社工" in m.text for m in api.sent_to(wang.id))
    for _ in range(20):  # twenty minutes, a tick each minute
        app.svc.clock.advance(minutes=1)
        await app.engine.tick()
    level = (await app.svc.store.incident(1))["level"]
    assert level <= 5  # 3 min, 8 min, then every 5 minutes: not a new level on every tick


@pytest.fixture(params=LIBRARIES)
async def paced(request, make_app, settings):
    """The bot keeping a Telegram-like pace: a few messages a second into each chat, one at a time."""
    limiter = TelegramLimiter(Limits(per_chat_per_second=2, chat_burst=1))
    async with running_telegram(request.param, make_app, settings, limiter=limiter) as tg:
        yield tg


def _edits_to(api, chat_id: int, calls) -> int:
    return sum(c.method == "editMessageText" and c.params.get("chat_id") == chat_id for c in calls)


async def test_after_many_escalation_rounds_a_staff_reply_goes_before_the_packet_edits(paced):
    telegram = paced
    api, app = telegram.api, telegram.app
    await sos(telegram)
    li = telegram.user("李社工")
    await telegram.said(li, "紧急求助 #1")
    for minutes in (3.1, 5, 5, 5, 5, 5):  # round 2, round 3, then the repeats: nobody claims
        app.svc.clock.advance(minutes=minutes)
        await app.engine.tick()
    assert sum("紧急求助 #1" in m.text for m in api.sent_to(li.id)) >= 7
    # one more round: while its edits of every earlier packet are on their way, 李社工 presses ✅ twice
    app.svc.clock.advance(minutes=5)
    n = telegram.count(li)
    tick = asyncio.ensure_future(app.engine.tick())
    packet = await telegram.said(li, "紧急求助 #1", after=n)
    await api.wait_for_call("editMessageText", lambda c: c.params.get("chat_id") == li.id, after=len(api.calls))
    pressed_at, n = len(api.calls), telegram.count(li)
    await asyncio.gather(li.click(packet, "已解决"), li.click(packet, "已解决"))
    first = await telegram.said(li, "结果是", after=n)
    answered_at = next(i for i, c in enumerate(api.calls) if c.method == "sendMessage" and c.result_ok
                       and c.result["message_id"] == first.message_id and c.result["chat"]["id"] == li.id)
    received_at = next(i for i, c in enumerate(api.calls[pressed_at:], pressed_at)
                       if c.method == "answerCallbackQuery")  # the bot has the press in hand
    assert _edits_to(api, li.id, api.calls[received_at:answered_at]) <= 2  # the answer did not queue behind them
    await tick
    await api.wait_until(lambda: sum("结果是" in m.text for m in api.sent_to(li.id)[n:]) == 2, 5)
    assert sum("结果是" in m.text for m in api.sent_to(li.id)[n:]) == 2
    assert not any("系统暂时出了点问题" in m.text for m in api.sent_to(li.id))
    # the bookkeeping still goes, after the answer
    await api.wait_for_call("editMessageText", lambda c: c.params.get("chat_id") == li.id, after=answered_at)


async def test_a_responder_who_cannot_be_reached_is_known_before_a_call_comes(telegram):
    api, app = telegram.api, telegram.app
    li, wa, chen = telegram.user("李社工"), telegram.user("王社工"), telegram.user("陈书记")
    api.never_started(li.id)  # 李社工 is on duty and never pressed Start
    await app.engine.tick()  # the first tick, at start
    told = await telegram.said(chen, "收不到机器人的提醒")
    assert "李社工" in told.text and "王社工" in told.text
    await wa.send_command("/duty")
    duty = await telegram.said(wa, "现在值班")
    assert "收不到提醒：李社工" in duty.text and "改发给：王社工" in duty.text
    wang = await sos(telegram)
    await telegram.said(wa, "紧急求助 #1")
    await telegram.said(wang, "已通知值班社工")
    alerted = [e for e in await app.svc.store.timeline(1) if e["event"] == "alerted"]
    assert alerted[0]["to"] == ["王社工"] and alerted[0]["failed"] == []  # the first alert went where it is heard
