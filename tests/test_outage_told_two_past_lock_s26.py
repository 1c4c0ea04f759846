"""Two processes replaying words typed about one call during an outage, the first past its "outage_told" lock (its
message to the holder slower than the lock's life): the second found no message sent yet and sent one of its own —
李社工 got two messages about one call's outage, seconds apart. Now the first message of an outage is claimed in Redis
(once a call and outage, whichever process): the second adds its words to it instead (session 26)."""
import asyncio

from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.testing.tools import Person, RecordingMessenger

HIS, HERS = "门开着", "我马上过去"


class HeldChat:
    """Telegram holding the first process's message to one chat until the test lets it go."""

    def __init__(self, inner, chat: int):
        self.inner, self.chat, self.reached, self.go = inner, chat, asyncio.Event(), asyncio.Event()

    def __getattr__(self, name):
        return getattr(self.inner, name)

    async def deliver(self, msg):
        if msg.chat_id == self.chat and HERS in (msg.text or "") and not self.go.is_set():
            self.reached.set()
            await self.go.wait()
        return await self.inner.deliver(msg)


async def test_two_processes_past_the_lock_send_the_holder_one_message(make_app, own_redis, clock):
    telegram = RecordingMessenger()  # both processes talk to the same Telegram
    first = await make_app(redis_url=own_redis.url, messenger=telegram)
    second = await make_app(redis_url=own_redis.url, messenger=telegram)
    wang, li, n = await claimed_call(first)
    daughter = await signed_up(Person(first, 5050, "王丽"), "13911110002")
    for app in (first, second):
        app.svc.store.lock_seconds = 1
    seen = len(li.inbox)
    own_redis.stop()
    clock.advance(seconds=30)
    await daughter.send(HERS)
    clock.advance(seconds=30)
    await Person(second, wang.id, "王老伯").send(HIS)
    clock.advance(minutes=2)
    own_redis.start()
    first.svc.outbox.messenger = held = HeldChat(telegram, li.id)  # its message to 李社工 outlives the lock
    await first.svc.store.take_caller(wang.id, "elsewhere", 30_000)  # the first replays her words only
    her_replay = asyncio.ensure_future(replay_tick(first))
    await asyncio.wait_for(held.reached.wait(), 10)
    await first.svc.store.release_caller(wang.id, "elsewhere")
    await asyncio.sleep(1.1)  # the lock (1 s) has run out; the first's message is still on its way
    await replay_tick(second)  # his words
    held.go.set()
    await her_replay
    for _ in range(3):
        clock.advance(seconds=1)
        await replay_tick(first)
        await replay_tick(second)
    await settled(first)
    await settled(second)
    told = [m for m in Person(first, li.id).inbox[seen:] if "系统故障期间" in m.text]
    assert len(told) == 1, [m.text for m in told]
    assert HIS in told[0].text and HERS in told[0].text, told[0].text
