"""Which open call something a family contact sends belongs to, when she looks out for two residents who both have one.

赵医生 is the family doctor of 张阿姨 and 王老伯; both have called for help and both calls are open. His live location,
or "我十分钟后到" typed while Redis was away, could be about either. The outage's words took the first of his
residents that had a call (a guess: the other call's staff never heard), the live location took none (dropped:
nobody followed him). One rule now, in one place (Incidents.open_calls_of): when nothing says which call, nothing
is guessed — it goes to both calls, each marked as his.
"""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import AGAIN, said_on
from test_outage_said import settled

from bot.testing.tools import Person

LIVE = "📍 实时位置"


async def two_open_calls(app) -> tuple[Person, Person, list[int]]:
    """张阿姨 and 王老伯 have both called for help (李社工 claimed his); their doctor has signed up."""
    doctor = await signed_up(Person(app, 5060, "赵医生"), "13922220001")
    li = Person(app, 1001)
    for name, phone in (("张阿姨", "13900000001"), ("王老伯", "13900000002")):
        person = await signed_up(Person(app, 5001 if name == "王老伯" else 5002, name), phone)
        await person.send("救命")
    calls = sorted(await app.svc.store.open_incident_ids())
    await li.click(li.last(f"#{calls[1]}"), "我来处理")
    return doctor, li, calls


async def test_a_doctors_words_during_an_outage_join_both_his_patients_open_calls(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    doctor, li, calls = await two_open_calls(app)
    seen = len(li.inbox)
    own_redis.stop()
    await doctor.send("我十分钟后到")
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    for n in calls:
        said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
        assert [(e["by"], e["words"]) for e in said] == [("赵医生", "我十分钟后到")]
        assert "我十分钟后到" in li.last(f"紧急求助 #{n}").text
    told = [m.text for m in li.inbox[seen:] if AGAIN in m.text and "赵医生 又说" in m.text]
    assert sorted(t.split()[0] for t in told) == [f"#{n}" for n in calls]


async def test_a_doctors_live_location_during_both_calls_reaches_the_staff_of_each(make_app, clock):
    app = await make_app()
    doctor, li, calls = await two_open_calls(app)
    await doctor._do(kind="moved", latitude=31.21, longitude=121.45)
    for n in calls:
        update = li.last(f"{LIVE} · #{n}")
        assert "31.21000" in update.text and "赵医生" in update.text
        assert (await app.svc.store.incident(n))["live"]["by"] == "赵医生"


async def test_a_residents_own_call_is_his_even_when_his_doctor_has_another_open(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    _, li, calls = await two_open_calls(app)
    wang = Person(app, 5001, "王老伯")
    own_redis.stop()
    await wang.send("门开着")
    own_redis.start()
    await replay_tick(app)
    theirs = {n: said_on(await app.svc.store.timeline(n)) for n in calls}
    assert theirs == {calls[0]: [], calls[1]: ["门开着"]}
