"""A call opened in the seconds before Redis went away still keeps its resident's words during the outage.

Who has an open call was read every 15 s while Redis answered. 王老伯 cried at 10:00:05 and 李社工 took his call;
the read had run at 10:00:00 and Redis went away at 10:00:10: his "门开着", typed while she was on her way, was taken
for a stranger's chatter once the crowd's cap was reached, and dropped. Now the process that opened the call knows
him at once, and every process reads the list again within a second of any call being opened (the incident counter rides on the
scheduler's one read a tick).
"""
from test_outage_callers_slow import _words_in_the_outage_reach_his_claimer, chatter_full  # noqa: F401
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.testing.tools import Person
from scheduler import Waker


async def test_a_call_opened_seconds_before_the_outage_keeps_his_words(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    await replay_tick(app)  # who has an open call: nobody yet
    clock.advance(seconds=5)
    wang, li, _ = await claimed_call(app)
    clock.advance(seconds=5)  # Redis goes away before the outage job runs again
    await _words_in_the_outage_reach_his_claimer(app, own_redis, clock, wang, li)


async def test_a_call_another_worker_opened_seconds_before_the_outage_keeps_his_words(make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker, same committee
    await replay_tick(second)
    clock.advance(seconds=5)
    wang, li, _ = await claimed_call(first)  # his cry and her claim reach the first worker
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()  # its scheduler's tick reads the incident counter (one read for all)
    await replay_tick(second)  # its outage job, a second later
    own_redis.stop()
    chatter_full(second, clock)
    li = Person(second, li.id)  # what the second worker sends her
    seen = len(li.inbox)
    await Person(second, wang.id, "王老伯").send("门开着")  # his next text reaches the second worker
    for p in second.svc.outage.journal.folder.glob("other-host-*.jsonl"):
        p.unlink()
    own_redis.start()
    await replay_tick(second)
    await settled(second)
    assert any("门开着" in m.text and "王老伯 又说" in m.text for m in li.inbox[seen:]), li.texts()[seen:]
