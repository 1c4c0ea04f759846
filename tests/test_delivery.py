"""Issue 11, points 6 and 10 through the project's own types: what leaves the Outbox, and who waits for it."""
from __future__ import annotations

import asyncio

from conftest import signed_up

from bot.ratelimit import Limits, TelegramLimiter
from bot.testing.tools import Person, RecordingMessenger
from bot.types import MessageRef, Outbound


class GatedMessenger(RecordingMessenger):
    """New messages to gated chats wait until the gate opens: Telegram's pace, stretched."""

    def __init__(self) -> None:
        super().__init__()
        self.gated: set[int] = set()
        self.opened = asyncio.Event()

    async def deliver(self, msg):
        if msg.chat_id in self.gated and not msg.edit:
            await self.opened.wait()
        return await super().deliver(msg)


async def test_edits_of_one_message_waiting_their_turn_send_only_its_latest_state(make_app):
    app = await make_app(limiter=TelegramLimiter(Limits(per_chat_per_second=10, chat_burst=1)))
    outbox, m = app.svc.outbox, app.svc.outbox.messenger
    packet = await outbox.send(Outbound(1001, "🆘 #1 等待接单"))
    ref = MessageRef(1001, packet.message_id)
    results = await asyncio.gather(*(outbox.send(Outbound(1001, f"🆘 #1 第{i}轮", edit=ref, tag="edit:1"))
                                     for i in range(2, 8)))
    assert all(r.ok for r in results)
    edits = [msg for msg in m.log if msg.edit]
    assert [e.text for e in edits] == ["🆘 #1 第7轮"]  # one edit, the latest state
    assert m.to(1001)[0].text == "🆘 #1 第7轮"


async def test_every_message_fits_telegram_s_limit(app):
    await app.svc.outbox.send(Outbound(1001, "长" * 5000))
    shown = app.svc.outbox.messenger.to(1001)[0].text
    assert len(shown) == 4096 and shown.endswith("…")


async def test_a_reply_waiting_for_telegram_holds_no_one_s_lock(make_app, people):
    gate = GatedMessenger()
    app = await make_app(messenger=gate)
    wang = await signed_up(Person(app, 5101, "王老伯"), "13900000002")
    li = Person(app, 1001, "李社工")
    await wang.send("🆘 紧急求助")
    packet = li.last("紧急求助 #1")
    gate.gated.add(li.id)  # from now on, every new message to 李社工 waits
    slow = asyncio.ensure_future(li.send("/open"))  # its answer is stuck on its way
    await asyncio.sleep(0)
    claim = asyncio.ensure_future(li.click(packet, "我来处理"))
    try:
        for _ in range(100):  # her press is taken at once (before: it waited 10 s for her lock, then failed)
            if (await app.svc.store.incident(1))["status"] == "claimed":
                break
            await asyncio.sleep(0.05)
        assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    finally:
        gate.opened.set()
        await asyncio.gather(slow, claim)
    assert not any("系统暂时出了点问题" in t for t in li.texts())


async def test_at_a_shift_change_an_unreachable_responder_is_passed_over_and_the_head_told(app, clock):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    m = app.svc.outbox.messenger
    m.blocked.add(1002)  # 王社工 blocked the bot; 李社工 is on duty now (Monday 10:00)
    await app.engine.tick()
    assert m.to(1003) == []  # the head hears nothing while everyone on duty can be reached
    clock.set(datetime(2026, 11, 23, 20, 0, 30, tzinfo=ZoneInfo("Asia/Shanghai")))  # 王社工's night shift
    await app.engine.tick()
    told = Person(app, 1003, "陈书记").last("收不到机器人的提醒")
    assert "王社工" in told.text and "李社工" in told.text
    wang = await signed_up(Person(app, 5101, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    assert "紧急求助 #1" in Person(app, 1001, "李社工").last("紧急求助").text
    assert [e["to"] for e in await app.svc.store.timeline(1) if e["event"] == "alerted"][0] == ["李社工"]


async def test_a_responder_whose_alert_was_refused_is_passed_over_for_the_next_call(app):
    m = app.svc.outbox.messenger
    m.blocked.add(1001)  # 李社工, on duty, blocks the bot during the shift
    zhang = await signed_up(Person(app, 5102, "张阿姨"), "13900000001")
    wang = await signed_up(Person(app, 5101, "王老伯"), "13900000002")
    await zhang.send("🆘 紧急求助")
    await wang.send("🆘 紧急求助")
    firsts = [[e for e in await app.svc.store.timeline(n) if e["event"] == "alerted"][0] for n in (1, 2)]
    assert firsts[0]["failed"] == ["李社工"]
    assert firsts[1]["to"] == ["王社工"] and firsts[1]["failed"] == []
