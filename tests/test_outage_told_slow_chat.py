"""Words typed during an outage about a claimed call reach its holder once, even when her chat is slow.

Once Redis is back, the words join the call and its holders get one message with them, sent under a lock
("outage_told:{n}": two processes replaying at once add to the same message). A chat slower than that lock's
lifetime (30 s; 1 s here, with a chat taking 1.5 s) let it run out: its end raised, the replay was taken for
failed and ran again the next second — safely: her words reach 李社工 once, and are on the call once (a guard)."""
import asyncio

from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.testing.tools import Person
from scheduler import Waker

WORDS = "门开着，我在厨房"


class SlowChat:
    def __init__(self, inner, chat: int, seconds: float):
        self.inner, self.chat, self.seconds = inner, chat, seconds

    def __getattr__(self, name):
        return getattr(self.inner, name)

    async def deliver(self, msg):
        if msg.chat_id == self.chat and WORDS in (msg.text or ""):
            await asyncio.sleep(self.seconds)
        return await self.inner.deliver(msg)


async def test_words_in_an_outage_reach_a_slow_holder_once(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    _, li, n = await claimed_call(app)
    clock.advance(seconds=1)
    await Waker([app.engine]).tick()
    await replay_tick(app)  # the worker knows his call's people: him, his daughter
    app.svc.store.lock_seconds = 1
    own_redis.stop()
    clock.advance(seconds=30)
    await daughter.send(WORDS)
    own_redis.start()
    seen = len(li.inbox)
    app.svc.outbox.messenger = SlowChat(app.svc.outbox.messenger, li.id, 1.5)
    for _ in range(3):
        clock.advance(seconds=1)
        await replay_tick(app)
    await settled(app)
    li = Person(app, li.id)
    got = [m.text for m in li.inbox[seen:] if WORDS in (m.text or "")]
    assert len(got) == 1, got
    timeline = [e for e in await app.svc.store.timeline(n) if e.get("event") == "outage_said"]
    assert len(timeline) == 1, timeline
