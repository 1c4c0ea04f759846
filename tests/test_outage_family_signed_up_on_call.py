"""A daughter who signs up while her father's call is open keeps her words if Redis goes away seconds later.

Every worker reads who may speak about an open call (its resident, the family and doctor the register names, once
signed up) again within a second of any call being opened or named (the counter its scheduler's tick reads); a
daughter signing up while her father's call was open did not move that counter. 王老伯 cried, 李社工 took his call,
his daughter 王丽 signed up (one worker) and Redis went away seconds later: the other worker still took her for
nobody's, and her "我马上过去，门钥匙在我这" — typed to it while 李社工 was on her way — went as chatter, dropped
once the chatter cap was reached; 李社工 never read it.
"""
from conftest import signed_up
from test_outage_callers_slow import chatter_full
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.testing.tools import Person
from scheduler import Waker

WORDS = "我马上过去，门钥匙在我这"


async def test_a_daughter_signing_up_during_her_fathers_call_keeps_her_words_in_an_outage(make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker, same committee
    wang, li, _ = await claimed_call(first)
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()
    await replay_tick(second)  # the second worker knows his call's people: him (his daughter not signed up yet)
    clock.advance(seconds=2)
    await signed_up(Person(first, 5050, "王丽"), "13911110002")  # she signs up (the first worker has her)
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()  # its scheduler's tick reads the counters (one read for all)
    await replay_tick(second)  # its outage job, a second later
    own_redis.stop()
    chatter_full(second, clock)  # only an open call's people's words still go in
    li = Person(second, li.id)  # what the second worker sends her
    seen = len(li.inbox)
    await Person(second, 5050, "王丽").send(WORDS)  # her next text reaches the second worker
    for p in second.svc.outage.journal.folder.glob("other-host-*.jsonl"):
        p.unlink()
    own_redis.start()
    await replay_tick(second)
    await settled(second)
    assert any(WORDS in m.text and "王丽" in m.text for m in li.inbox[seen:]), li.texts()[seen:]
