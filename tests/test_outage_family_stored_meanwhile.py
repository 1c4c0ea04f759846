"""A family member's cry that Redis stored after the bot had given up on it. Redis hung (a frozen process) just as the
call was being stored: the round trip times out and the fallback answers 王丽 with 120 and the committee phone,
alerts every staff member and journals her cry. But the command was already in Redis's socket: when Redis runs again
it stores her father's call. The replay then found his call open and added her cry to it as a repeat, told to
nobody: staff got the call's packet, with its 🙋 claim button, only from the safety net ("first:n") once it was due.
Now the replay takes that call as its own and alerts it at once, once, with her words."""
import os
import signal

from conftest import signed_up
from test_fallback_media import app_own_redis_quick_locks  # noqa: F401 (own redis-server)
from test_outage_journal import replay_tick
from test_outage_stored_meanwhile import OUTAGE_LINE, packets, replayed

from bot.testing.tools import Person

WORDS = "我爸爸摔倒了起不来"


def frozen_while_storing(app, server, method: str) -> None:
    """Redis freezes (SIGSTOP) just as the store's `method` sends its command: the command sits in its socket."""
    store = app.svc.store
    original = getattr(store, method)

    async def freezing(*args, **kw):
        setattr(store, method, original)  # once
        os.kill(server.proc.pid, signal.SIGSTOP)
        return await original(*args, **kw)
    setattr(store, method, freezing)


async def test_a_daughters_cry_redis_stored_after_the_bot_gave_up_reaches_staff_as_a_claimable_call_at_once_and_once(
        app_own_redis_quick_locks, clock):
    app, server = app_own_redis_quick_locks
    daughter = await signed_up(Person(app, 5003, "王丽"), "13911110002")  # 王老伯's daughter
    son = await signed_up(Person(app, 5004, "张明"), "13911110001")  # 张阿姨's son
    li = Person(app, 1001, "李社工")
    await son.send("我妈摔倒了")  # the path warm (its script loaded, connections open), as in a running bot: call #1
    frozen_while_storing(app, server, "open_unless_open")
    try:
        await daughter.send(WORDS)
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    assert "120" in daughter.last().text and "系统故障" in li.last(WORDS).text  # the fallback, as before
    await replayed(app)
    assert sorted(await app.svc.store.open_incident_ids()) == [1, 2]
    (packet,) = packets(li, 2)  # the moment his call is stored, not when its safety net is due
    assert "王老伯" in packet.text and WORDS in packet.text and OUTAGE_LINE in packet.text and packet.buttons
    clock.advance(seconds=15)  # the first alert's safety net would be due now: it has nothing left to send
    await app.engine.tick()
    await replay_tick(app)
    assert len(packets(li, 2)) == 1
