"""A stranger's cry that a hung Redis stored after the bot had given up on it (frozen just as the call's MULTI was
sent): the fallback told him 120 and alerted staff, and once Redis ran again the call was stored, unalerted. The
replay made a second call of his one cry: staff got its packet, and later, from the safety net ("first:n"), the
first call's too — two calls to claim for one man. Now the replay takes the stored call as its own (its round trip's
token names it) and alerts it at once, once."""
import os
import signal

from test_fallback_media import app_own_redis_quick_locks  # noqa: F401 (own redis-server)
from test_outage_journal import replay_tick
from test_outage_stored_meanwhile import OUTAGE_LINE, replayed

from bot.testing.tools import Person

WORDS = "救命 我摔倒了"


def frozen_at_the_next_multi(app, server) -> None:
    """Redis freezes (SIGSTOP) just as the next call's MULTI is sent: its commands sit in the socket."""
    store, r = app.svc.store, app.svc.store.r
    original_create, real = store.create_incident, r.pipeline

    def pipeline(*a, **kw):
        del r.pipeline
        p = real(*a, **kw)
        execute = p.execute

        async def frozen(*ea, **ekw):
            os.kill(server.proc.pid, signal.SIGSTOP)
            return await execute(*ea, **ekw)
        p.execute = frozen
        return p

    async def create(*a, **kw):
        store.create_incident = original_create
        r.pipeline = pipeline
        return await original_create(*a, **kw)
    store.create_incident = create


async def test_a_strangers_cry_redis_stored_after_the_bot_gave_up_is_one_call_alerted_at_once(
        app_own_redis_quick_locks, clock):
    app, server = app_own_redis_quick_locks
    warm, stranger = Person(app, 7002, "路人乙"), Person(app, 7001, "路人甲")
    li = Person(app, 1001, "李社工")
    await warm.send(WORDS)  # the path warm, as in a running bot: call #1
    frozen_at_the_next_multi(app, server)
    try:
        await stranger.send(WORDS)
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    assert "120" in stranger.last().text and "系统故障" in li.last("路人甲").text  # the fallback, as before
    await replayed(app)
    assert len(await app.svc.store.open_incident_ids()) == 2
    (packet,) = [m for m in li.inbox if "紧急求助 #" in m.text and "路人甲" in m.text]
    assert OUTAGE_LINE in packet.text and WORDS in packet.text and packet.buttons
    clock.advance(seconds=15)  # the first alert's safety net would be due now: it has nothing left to send
    await app.engine.tick()
    await replay_tick(app)
    assert len([m for m in li.inbox if "紧急求助 #" in m.text and "路人甲" in m.text]) == 1
