"""An incident's due timers run one after another within a tick. After a crash (the worker died after a digest, before
the full packets), the packets owed ("pkt:n", due a minute after the digest) and the call's escalation ("esc:n:1",
three minutes after the call) are both due when the next worker ticks: the packets went first, and while a slow
staff chat held them back, nobody new heard of a call nobody had claimed. Escalations and alerts go first now."""
import asyncio
from datetime import datetime

from test_burst import DIGEST, numbers
from test_digest_crash import crashed_after_a_digest
from test_incident_followups import SH

from bot.testing.tools import Person, RecordingMessenger


class SlowChat(RecordingMessenger):
    """Delivers as ever, except the full packets to one chat: those wait (a chat Telegram paces) until released."""

    def __init__(self, chat_id: int) -> None:
        super().__init__()
        self.chat_id, self.released = chat_id, asyncio.Event()

    async def deliver(self, msg):
        if msg.chat_id == self.chat_id and msg.tag.startswith("packet:"):
            await self.released.wait()
        return await super().deliver(msg)


def heard_of(person) -> set[int]:
    return set().union(set(), *map(numbers, person.texts()))


async def test_an_escalation_due_with_packets_owed_after_a_crash_is_not_held_behind_them(app, clock, make_app):
    await crashed_after_a_digest(app, clock, 2)
    slow = SlowChat(1001)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=slow)
    li, wa, chen = (Person(after, uid, name) for uid, name in ((1001, "李社工"), (1002, "王社工"), (1003, "陈书记")))
    clock.set(datetime(2026, 11, 23, 10, 3, 5, tzinfo=SH))  # the worker is back: packets and escalations both due
    ticking = asyncio.ensure_future(after.engine.tick())
    try:
        for _ in range(150):  # up to 3 s of real time, while 李社工's packets wait their turn
            if heard_of(wa) == heard_of(chen) == {1, 2}:
                break
            await asyncio.sleep(0.02)
        assert heard_of(wa) == {1, 2} and heard_of(chen) == {1, 2}, (wa.texts(), chen.texts())
        assert not any(m.tag.startswith("packet:") for m in slow.log if m.chat_id == li.id)  # still on their way
    finally:
        slow.released.set()
        await ticking
        for task in list(after.engine.incidents.pending()):
            await task
    owed = [m for m in slow.log if m.chat_id == li.id and m.tag.startswith("packet:")]
    assert sorted(int(m.tag.split(":")[1]) for m in owed) == [1, 2]  # the packets still reach him, each once
    for n in (1, 2):
        assert await after.svc.store.packets_owed(n) == []


async def test_an_escalations_full_packet_pays_the_one_owed_after_the_digest(app, clock, make_app):
    """李社工 had #1 and #2 in a digest and claimed #2 from it; the worker died before the full packets. #1 escalates
    alone at 10:03: its packet reaches her whole, so the packet of #1 owed since the digest is not sent again."""
    await crashed_after_a_digest(app, clock, 2)
    await Person(app, 1001, "李社工").press_data(1, "inc:claim:2")
    assert (await app.svc.store.incident(2))["claimed_by"] == "li"
    after = await make_app(prefix_=app.settings.redis.prefix)
    clock.set(datetime(2026, 11, 23, 10, 3, 5, tzinfo=SH))
    await after.engine.tick()
    for task in list(after.engine.incidents.pending()):
        await task
    li = Person(after, 1001, "李社工")
    ones = [t for t in li.texts() if "紧急求助 #1" in t and DIGEST not in t]
    assert len(ones) == 1 and "没人接单" in ones[0], li.texts()
    assert await after.svc.store.packets_owed(1) == []
