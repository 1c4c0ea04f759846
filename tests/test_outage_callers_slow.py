"""A busy server's slow answer about who has an open call does not cost a resident his words during the outage.

While Redis answers, the outage job reads every open call's people (his, his family's, his doctor's Telegram ids)
so that, during an outage, their texts are journaled even once everyone's chatter is capped (a crowd of strangers,
a journal folder full of other workers' lines). That read was cut off after one second of wall time and then not
tried again for 15 s: on a loaded server (many callers, several workers) it came back empty, and 王老伯's "门开着",
typed while 李社工 was on her way, was taken for a stranger's chatter and dropped. Now the read takes as long as
Redis takes (its own time-outs bound it), and one that failed is tried again the next second.
"""
import asyncio
import json

from redis.exceptions import ConnectionError as RedisConnectionError
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.incidents.outage_pace import CHATTER_BYTES

WORDS = "门开着"


def slowed_once(app, method: str, seconds: float = 0, fails: bool = False) -> None:
    """The store's next `method` call takes `seconds` (a server busy with a crowd), or fails (Redis dropped it)."""
    store = app.svc.store
    original = getattr(store, method)

    async def slow(*a, **kw):
        setattr(store, method, original)
        if fails:
            raise RedisConnectionError("dropped")
        await asyncio.sleep(seconds)
        return await original(*a, **kw)
    setattr(store, method, slow)


def chatter_full(app, clock) -> None:
    """Other workers' chatter fills the journal folder: no more texts with no call behind them are kept."""
    folder = app.svc.outage.journal.folder
    folder.mkdir(parents=True, exist_ok=True)
    line = json.dumps({"v": 1, "id": "x", "at": clock.ts(), "cried": "", "held": False, "loose": True,
                       "ev": {"chat_id": 1, "user_id": 1, "kind": "text", "text": "在吗" * 1000}}) + "\n"
    (folder / "other-host-1-0000.jsonl").write_text(line * (CHATTER_BYTES // len(line) + 1))


async def _words_in_the_outage_reach_his_claimer(app, own_redis, clock, wang, li) -> None:
    own_redis.stop()
    chatter_full(app, clock)  # only an open call's words still go in
    seen = len(li.inbox)
    await wang.send(WORDS)
    for p in app.svc.outage.journal.folder.glob("other-host-*.jsonl"):
        p.unlink()  # the other workers' chatter, stored by them meanwhile
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    assert any(WORDS in m.text and "王老伯 又说" in m.text for m in li.inbox[seen:]), li.texts()[seen:]


async def test_a_slow_read_of_open_calls_before_an_outage_still_keeps_the_residents_words(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, _ = await claimed_call(app)
    slowed_once(app, "open_incident_ids", seconds=1.2)  # a server busy with a crowd of callers
    await replay_tick(app)
    await _words_in_the_outage_reach_his_claimer(app, own_redis, clock, wang, li)


async def test_a_failed_read_of_open_calls_is_tried_again_the_next_second_not_15_s_later(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, _ = await claimed_call(app)
    slowed_once(app, "open_incident_ids", fails=True)
    await replay_tick(app)
    clock.advance(seconds=1)
    await replay_tick(app)
    await _words_in_the_outage_reach_his_claimer(app, own_redis, clock, wang, li)
