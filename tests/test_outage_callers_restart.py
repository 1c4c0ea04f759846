"""A worker started just before Redis went away still knows whose call is open: his words reach staff in the outage.

Who has an open call was kept in memory only (read from Redis every 15 s by the outage job). A worker that started
(or restarted) just before the outage never read it: 王老伯's "门开着", typed while 李社工 was on her way to him,
reached that worker as a stranger's chatter — no staff member read it until Redis was back, and once everyone's
chatter was capped it was dropped. Now whoever reads the open calls also keeps their people's Telegram ids beside
the outage journal (ids only, mode 0600), and a worker that never read them itself takes them from there. Whoever
reported a call (a doctor about one of her patients, not yet said which; a stranger) counts too, and a call given its
resident later is read again by every worker within a second.
"""
from conftest import signed_up
from test_outage_callers_slow import chatter_full
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call, said_on
from test_outage_said import settled

from bot.testing.tools import Person
from scheduler import Waker


async def test_a_worker_started_just_before_the_outage_passes_his_words_on_and_keeps_them(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    await replay_tick(app)  # the first worker's outage job reads who has an open call
    later = await make_app(redis_url=own_redis.url)  # another worker, just started: its outage job never ran
    own_redis.stop()
    chatter_full(later, clock)  # everyone's chatter capped (other workers' lines fill the journal folder)
    li = Person(later, li.id)  # what the new worker sends her
    await Person(later, wang.id, "王老伯").send("门开着")
    assert any("门开着" in m.text for m in li.inbox), li.texts()  # now, not once Redis is back
    for p in later.svc.outage.journal.folder.glob("other-host-*.jsonl"):
        p.unlink()
    own_redis.start()
    await replay_tick(later)
    await settled(later)
    assert said_on(await later.svc.store.timeline(n)) == ["门开着"]


async def test_a_stranger_is_not_taken_for_a_caller_by_a_worker_started_just_before_the_outage(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    await claimed_call(app)
    await replay_tick(app)
    later = await make_app(redis_url=own_redis.url)
    own_redis.stop()
    li = Person(later, 1001)
    await Person(later, 70_001, "路人").send("在吗")
    assert not any("在吗" in m.text for m in li.inbox), li.texts()  # journaled, read once Redis is back: not a call's


async def test_a_call_named_seconds_before_the_outage_keeps_her_words_at_another_worker(make_app, own_redis, clock):
    """赵医生's "我的病人摔倒了" is a call about one of her two patients until she names 王老伯, on the first worker.
    Naming him moved no counter: the second worker read who has an open call only 15 s later, and his "门开着" in
    an outage starting within those seconds was anyone's chatter there."""
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker, same committee
    await signed_up(Person(first, 5001, "王老伯"), "13900000002")
    doctor = await signed_up(Person(first, 5003, "赵医生"), "13922220001")
    await doctor.send("我的病人摔倒了起不来")
    await Waker([second.engine]).tick()
    await replay_tick(second)  # the second worker knows the doctor's call: about whom, not yet said
    clock.advance(seconds=5)
    await doctor.click(doctor.last("哪一位"), "王老伯")
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()  # its scheduler's one read a tick
    await replay_tick(second)  # its outage job, a second later
    own_redis.stop()
    chatter_full(second, clock)
    li = Person(second, 1001)
    await Person(second, 5001, "王老伯").send("门开着")
    assert any("门开着" in m.text for m in li.inbox), li.texts()


async def read_by_staff_in_the_outage(app, own_redis, clock, who: Person, words: str) -> None:
    """The outage job has read who has an open call; Redis goes, everyone's chatter is capped, and `who` types
    `words`: 李社工 reads them now."""
    clock.advance(seconds=20)
    await replay_tick(app)
    own_redis.stop()
    chatter_full(app, clock)
    li = Person(app, 1001)
    seen = len(li.inbox)
    await who.send(words)
    assert any(words in m.text for m in li.inbox[seen:]), li.texts()[seen:]


async def test_a_doctors_words_on_her_call_about_one_of_two_patients_reach_staff_in_the_outage(
        make_app, own_redis, clock):
    """Her call names no resident yet (which patient, she has not said): who has an open call read residents only,
    so her "是王老伯 在5号楼" typed during the outage was anyone's chatter, and dropped once chatter was capped."""
    app = await make_app(redis_url=own_redis.url)
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    doctor = await signed_up(Person(app, 5003, "赵医生"), "13922220001")
    await doctor.send("我的病人摔倒了起不来")
    await read_by_staff_in_the_outage(app, own_redis, clock, doctor, "是王老伯 在5号楼")


async def test_a_strangers_words_on_his_own_call_reach_staff_in_the_outage(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    stranger = Person(app, 70_001, "路人")
    await stranger.send("救命 我摔倒了 起不来")
    assert await app.svc.store.open_incident_ids()
    await read_by_staff_in_the_outage(app, own_redis, clock, stranger, "我在5号楼101")
