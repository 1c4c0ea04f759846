"""王老伯's request ("能不能请社工给我回个电话") that a hung Redis stored after the bot gave up on it: the fallback
answered him and journaled it, and once Redis ran again his request was stored, unalerted. The replay found it open
and added his words to it as said on his call, told to nobody: staff got the request's packet only from its safety
net ("first:n") once due. Now the replay takes it as its own call and it reaches staff at once, once."""
import os
import signal

from conftest import signed_up
from test_fallback_media import app_own_redis_quick_locks  # noqa: F401 (own redis-server)
from test_outage_family_stored_meanwhile import frozen_while_storing
from test_outage_journal import replay_tick
from test_outage_stored_meanwhile import replayed

from bot.testing.tools import Person

WORDS = "能不能请社工给我回个电话"


def requests(li: Person) -> list:
    return [m for m in li.inbox if "求助 #2" in m.text and "王老伯" in m.text]


async def test_a_request_redis_stored_after_the_bot_gave_up_reaches_staff_at_once_and_once(
        app_own_redis_quick_locks, clock):
    app, server = app_own_redis_quick_locks
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    son = await signed_up(Person(app, 5004, "张明"), "13911110001")  # 张阿姨's son
    li = Person(app, 1001, "李社工")
    await son.send("我妈摔倒了")  # the path warm (its script loaded, connections open), as in a running bot: call #1
    frozen_while_storing(app, server, "open_unless_open")
    try:
        await wang.send(WORDS)
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    await replayed(app)
    assert sorted(await app.svc.store.open_incident_ids()) == [1, 2]
    assert len(requests(li)) == 1  # the moment his request is stored, not when its safety net is due
    clock.advance(seconds=15)  # its safety net would be due now: it has nothing left to send
    await app.engine.tick()
    await replay_tick(app)
    assert len(requests(li)) == 1
