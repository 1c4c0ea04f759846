"""A Sentinel service whose master stored a 🆘 (and its replica had it), then froze before its answer reached the bot
(its host lost power right after: the reply lost on the way). The client tries again on the new master once the
sentinels have promoted the replica: that try finds her call already there, locked with its own first alert's token.
It must take it as its own — she reads "已通知值班社工" and every staff member's first alert goes out at once, once —
not as a call already open ("社工已经收到您的求助", staff told of it only by the safety net "first:n", 10 s later)."""
import asyncio

from redis.exceptions import ConnectionError as RedisConnectionError
from test_failover import ALERTED, answered_within, sentinel_app
from test_fallback_media import STAFF

import bot.store.base as store_base
from bot.store.emergency import _OPEN_EMERGENCY
from bot.testing.sentinel import SentinelGroup
from bot.testing.tools import Person
from scheduler import Waker
from tests.test_burst import residents


def reply_lost_once(monkeypatch, app, group: SentinelGroup) -> list:
    """The next 🆘's round trip: the master runs it (and its replica has it: the batch WAITs), then freezes, and the
    answer never reaches the bot. Returns the ports frozen (one, once it happened)."""
    sha, frozen = app.svc.store.script(_OPEN_EMERGENCY).sha, []
    original = store_base._send_and_read

    async def losing(conn, cmds):
        replies = await original(conn, cmds)
        if not frozen and any(c[0] == "EVALSHA" and c[1] == sha for c in cmds):
            frozen.append(group.freeze_master())
            raise RedisConnectionError("the master's answer was lost")
        return replies
    monkeypatch.setattr(store_base, "_send_and_read", losing)
    return frozen


def packets(li: Person, name: str) -> list:
    return [m for m in li.inbox if "紧急求助 #" in m.text and name in m.text]


async def test_a_sos_whose_answer_from_the_master_was_lost_is_alerted_once_by_the_retry_on_the_new_master(
        tmp_path, settings, clock, nlu_model, knowledge_base, monkeypatch):
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            neighbour, she = await residents(app, 2)
            await neighbour.send("🆘 紧急求助")  # connections open and the script loaded, as in a running bot
            frozen = reply_lost_once(monkeypatch, app, group)
            await answered_within([asyncio.ensure_future(she.send("🆘 紧急求助"))], 20)
            assert frozen, "the 🆘 never reached the master"
            assert ALERTED in she.last(ALERTED).text
            assert not any("出了点问题" in t for t in she.texts())  # not the fallback's apology
            li = Person(app, 1001, "李社工")  # on duty: the first alert's audience
            assert len(packets(li, "居民1")) == 1
            assert all(len(packets(Person(app, staff_id), "居民1")) <= 1 for staff_id in STAFF)
            clock.advance(seconds=15)  # the first alert's safety net would be due now: nothing is left for it
            await Waker([app.engine]).tick()
            assert len(packets(li, "居民1")) == 1
        finally:
            await app.close()  # (the frozen master is killed with the group)
