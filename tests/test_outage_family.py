"""A resident's family hears of her cry when Redis stays away past the emergency escalation's family level.

At 02:00 王老伯 cries 救命 while Redis is down for an hour. The fallback alerts every staff member once and journals the
call; the escalation that would reach his daughter at 8 minutes lives in Redis, so nobody but the (sleeping) staff was
ever told. Now, once the family level's minutes have passed with Redis still away, his own signed-up family contacts
get one message: that he asked for help at HH:MM, staff were alerted but the system is partly down, phone him now or
call 120, and the committee's phone. Never another resident's family; a stranger's cry reaches no family. If Redis is
back before then, the replayed call's own escalation tells the family, once.
"""
import stat

from conftest import signed_up
from test_outage_cries_held import a_second_later
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.incidents import journal_folder
from bot.testing.tools import Person

COMMITTEE = "021-64370000"
TOLD = "系统部分故障"  # the outage family message
INTRO = "您的家人发出求助"  # the escalation's family alert, with Redis up


async def wang_and_zhang_with_family(app):
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    daughter = await signed_up(Person(app, 6001, "王丽"), "13911110002")
    await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    son = await signed_up(Person(app, 6002, "张明"), "13911110001")  # another resident's family
    await replay_tick(app)  # Redis answers: the snapshot is written
    return wang, daughter, son


async def he_cried_in_an_outage(make_app, own_redis, clock, minutes_ago: float):
    """王老伯 cried 救命 while Redis was away, `minutes_ago` (the fallback's jobs ran then)."""
    app = await make_app(redis_url=own_redis.url)
    wang, daughter, _ = await wang_and_zhang_with_family(app)
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    await minutes_later(app, clock, minutes_ago)
    return app, wang, daughter


async def minutes_later(app, clock, minutes: float) -> None:
    clock.advance(minutes=minutes)
    await a_second_later(app)


async def test_an_hour_long_outage_tells_her_own_family_once_after_the_family_level(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, daughter, son = await wang_and_zhang_with_family(app)
    before = len(daughter.inbox), len(son.inbox)
    own_redis.stop()
    cried_at = clock.local(clock.ts()).strftime("%H:%M")
    await wang.send("救命 我摔倒了")
    await minutes_later(app, clock, 7.5)
    assert len(daughter.inbox) == before[0]  # not yet: staff have the first minutes
    await minutes_later(app, clock, 0.6)
    told = [m.text for m in daughter.inbox[before[0]:]]
    assert len(told) == 1 and TOLD in told[0], told
    assert "王老伯" in told[0] and cried_at in told[0] and "120" in told[0] and COMMITTEE in told[0]
    assert len(son.inbox) == before[1]  # never another resident's family
    for _ in range(3):
        await minutes_later(app, clock, 5)
    await wang.send("救命")  # he cries again: still one message to her
    await minutes_later(app, clock, 9)
    assert sum(TOLD in m.text for m in daughter.inbox) == 1


async def test_a_strangers_cry_reaches_no_family(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    _, daughter, son = await wang_and_zhang_with_family(app)
    before = len(daughter.inbox), len(son.inbox)
    own_redis.stop()
    await Person(app, 70_001, "路人").send("救命")
    await daughter.send("救命 我爸爸摔倒了")  # a contact's own cry: hers is not a resident's
    await minutes_later(app, clock, 9)
    assert sum(TOLD in m.text for m in daughter.inbox) == 0 and len(son.inbox) == before[1]


async def test_redis_back_before_the_family_level_leaves_the_family_to_the_escalation_once(
        make_app, own_redis, clock):
    app, wang, daughter = await he_cried_in_an_outage(make_app, own_redis, clock, minutes_ago=5)
    own_redis.start()
    await replay_tick(app)  # the journaled call is stored and escalates from when he cried
    assert len(await app.svc.store.open_incident_ids()) == 1
    await minutes_later(app, clock, 3.2)
    await app.engine.tick()
    await app.engine.tick()
    await a_second_later(app)
    assert sum(INTRO in m.text for m in daughter.inbox) == 1  # the escalation's family level reached her
    await minutes_later(app, clock, 1)
    assert sum(TOLD in m.text for m in daughter.inbox) == 0  # and the fallback did not tell her again


async def test_the_family_snapshot_holds_no_phone_and_is_readable_by_the_bot_alone(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    await wang_and_zhang_with_family(app)
    (snapshot,) = [p for p in journal_folder(app.settings).iterdir() if "family" in p.name]
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600
    text = snapshot.read_text()
    assert "6001" in text and "王老伯" in text
    assert "139" not in text and "建新路" not in text and "王丽" not in text


async def test_redis_back_after_the_family_was_told_does_not_tell_her_the_outage_message_again(
        make_app, own_redis, clock):
    app, wang, daughter = await he_cried_in_an_outage(make_app, own_redis, clock, minutes_ago=8.1)
    assert sum(TOLD in m.text for m in daughter.inbox) == 1
    own_redis.start()
    await replay_tick(app)  # the journaled call is stored; its overdue levels fire, one a tick
    for _ in range(4):
        await app.engine.tick()
        await minutes_later(app, clock, 0.1)
    assert len(await app.svc.store.open_incident_ids()) == 1
    assert sum(TOLD in m.text for m in daughter.inbox) == 1
    assert sum(INTRO in m.text for m in daughter.inbox) == 1  # the stored call's packet, which she can follow
    own_redis.stop()  # and a second outage later: he cries again, she is told again
    clock.advance(minutes=30)
    await wang.send("救命")
    await minutes_later(app, clock, 8.1)
    assert sum(TOLD in m.text for m in daughter.inbox) == 2


async def test_a_restart_during_the_outage_tells_the_family_once_and_the_replayed_call_reaches_her_too(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, daughter, _ = await wang_and_zhang_with_family(app)
    later = await make_app(redis_url=own_redis.url)  # the process that takes over: same journal folder
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    await app.svc.outage.close()  # the first process dies: its timer is gone, its journal file is let go
    daughter = Person(later, 6001, "王丽")
    await minutes_later(later, clock, 20)
    assert sum(TOLD in m.text for m in daughter.inbox) == 1  # the new process armed it from the journal
    own_redis.start()
    await replay_tick(later)  # the journal replayed: its overdue levels fire, one a tick, the family's too
    for _ in range(4):
        await later.engine.tick()
    assert sum(INTRO in m.text for m in daughter.inbox) == 1


async def family_job(app) -> None:
    (job,) = [job for job in app.engine.routes.jobs if job["id"] == "outage_family"]
    await job["func"](*job.get("args", ()))


async def test_redis_answering_for_a_moment_before_his_call_is_stored_still_leaves_the_family_to_be_told(
        make_app, own_redis, clock):
    app, wang, daughter = await he_cried_in_an_outage(make_app, own_redis, clock, minutes_ago=5)
    own_redis.start()
    await family_job(app)  # Redis answers for a second (a flapping server) ...
    own_redis.stop()  # ... and is gone again before the journal was replayed: his call is only on disk
    await minutes_later(app, clock, 3.2)
    assert sum(TOLD in m.text for m in daughter.inbox) == 1
