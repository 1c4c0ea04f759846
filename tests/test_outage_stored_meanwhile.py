"""A 🆘 that Redis stored after the bot had given up on it. Redis hung (a frozen process, a Sentinel master's host
without power): the 🆘's round trip times out and the fallback answers her with 120 and the committee phone, alerts
every staff member and journals the cry. But the command was already in Redis's socket: when Redis runs again it
stores the incident — with its first alert's lock, held for a process that is no longer sending anything. The replay
then found her call open and added her cry to it as a repeat, told to nobody: staff got the call's packet, with its
🙋 claim button, only from the safety net ("first:n") once that lock had lapsed, 10 s later. Now the replay knows
the call as its own and alerts it at once, once."""
import asyncio

from conftest import signed_up
from test_fallback_media import app_own_redis  # noqa: F401 (own redis-server)
from test_outage_journal import replay_tick
from test_redis_stalled import stalled

from bot.testing.tools import Person

OUTAGE_LINE = "系统故障期间"


async def replayed(app) -> None:
    """The outage job, every second, until the journal is stored (no clock moves: no deadline is due, no safety net
    fires)."""
    for _ in range(12):
        await asyncio.sleep(0.25)
        await replay_tick(app)
        if not app.svc.outage.journal.waiting():
            break


def packets(li: Person, n: int) -> list:
    return [m for m in li.inbox if f"紧急求助 #{n}" in m.text]


async def test_a_sos_redis_stored_after_the_bot_gave_up_reaches_staff_as_a_claimable_call_at_once_and_once(
        app_own_redis, clock):
    app, server = app_own_redis
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    li = Person(app, 1001, "李社工")
    await zhang.send("🆘 紧急求助")  # connections open and idle, as in a running bot (the 🆘 path's too): call #1
    with stalled(server):
        await wang.send("🆘 紧急求助")
    assert "120" in wang.last().text and "系统故障" in li.last("王老伯").text  # the fallback, as before
    await replayed(app)
    assert sorted(await app.svc.store.open_incident_ids()) == [1, 2]
    (packet,) = packets(li, 2)  # the moment her call is stored, not 10 s later
    assert "王老伯" in packet.text and OUTAGE_LINE in packet.text and packet.buttons
    clock.advance(seconds=15)  # the first alert's safety net would be due now: it has nothing left to send
    await app.engine.tick()
    await replay_tick(app)
    assert len(packets(li, 2)) == 1
