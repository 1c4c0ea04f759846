"""A crowd of senders during a long outage cannot grow the journal without end; cries and open calls' words go in.

Each sender's texts were capped (ten, then one every 20 s), but a thousand strangers each sending one or two — a
link shared in a big group, a spam wave — or several worker processes each journaling their share, still wrote a
line and an fsync each, and every later text and cry read the whole journal again. Now texts with no call behind
them are journaled together at most a couple of hundred at once, then one a second, and none once the journal folder
holds a few megabytes; a cry, and the words of someone whose call is open, always are.
"""
from conftest import signed_up
from test_outage_callers_slow import chatter_full
from test_outage_flood import journaled
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call, said_on

from bot.testing.tools import Person

CROWD = range(70_000, 71_000)


def strangers_journaled(app) -> int:
    return sum(len(journaled(app, uid)) for uid in CROWD)


async def test_a_thousand_strangers_keep_the_journal_short_and_an_open_calls_words_and_a_cry_are_kept(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    await replay_tick(app)  # the outage job, every second while Redis answers
    own_redis.stop()
    for uid in CROWD:  # a thousand strangers in under two minutes
        clock.advance(seconds=0.1)
        stranger = Person(app, uid, "路人")
        await stranger.send("在吗？")
        assert "120" in stranger.last().text and COMMITTEE in stranger.last().text  # each still answered
    await wang.send("门开着")
    await zhang.send("救命 我摔倒了")
    assert strangers_journaled(app) <= 320
    assert len(journaled(app, wang.id)) == 1 and len(journaled(app, zhang.id)) == 1
    assert "张阿姨" in li.last("救命").text
    own_redis.start()
    await replay_tick(app)
    assert said_on(await app.svc.store.timeline(n)) == ["门开着"]
    assert len(await app.svc.store.open_incident_ids()) == 2  # his, and her new call
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_a_journal_folder_filled_by_other_workers_takes_no_more_chatter_but_a_cry_and_an_open_calls_words(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    await replay_tick(app)
    own_redis.stop()
    chatter_full(app, clock)  # other workers' chatter
    stranger = Person(app, 70_001, "路人")
    await stranger.send("你好")
    await wang.send("门开着")
    await zhang.send("救命 我摔倒了")
    assert journaled(app, stranger.id) == [] and "120" in stranger.last().text
    assert len(journaled(app, wang.id)) == 1 and len(journaled(app, zhang.id)) == 1
