"""Redis that survives a failover: a master, a replica and three sentinels (real redis-server processes on
127.0.0.1). The master is killed with SIGKILL in the middle of a burst of 🆘; every resident who was told staff
are alerted must have exactly one incident on the new master, alerted and with its escalation due."""
import asyncio
import time

from redis.asyncio import Redis

from bot.app import build_app
from bot.config import Secrets
from bot.store import Store
from bot.testing.sentinel import SERVICE, SentinelGroup
from bot.testing.tools import Person, RecordingMessenger
from tests.test_burst import numbers, residents

ALERTED = "已通知值班社工"  # help.alerted
ALREADY = "社工已经收到您的求助"  # help.already_alerted: the call was stored before the master died (the client retried)


async def answered_within(calls: list, seconds: float) -> None:
    """Every call answered within `seconds` (a 🆘 that hangs fails the test here, with what it waits on: it once
    hung a run of the whole suite, which had no bound but the run's own)."""
    done, pending = await asyncio.wait(calls, timeout=seconds)
    for task in pending:
        task.print_stack()
        task.cancel()
    assert not pending, f"{len(pending)} of {len(calls)} calls for help not answered within {seconds} s"
    for task in done:
        task.result()


async def sentinel_app(group: SentinelGroup, settings, clock, nlu_model, knowledge_base):
    """The bot on the group's sentinels, keys under their own prefix."""
    s = settings.model_copy(update={"redis": settings.redis.model_copy(update={"prefix": "fo:"})})
    return await build_app(s, Secrets(redis_sentinels=group.sentinels, redis_sentinel_service=SERVICE),
                           clock=clock, messenger=RecordingMessenger(), nlu=nlu_model, kb=knowledge_base)


async def test_sos_burst_survives_the_master_being_killed(tmp_path, settings, clock, nlu_model, knowledge_base):
    started = time.monotonic()
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            assert app.svc.store.wait_replicas == 1  # with a replica, an incident is acknowledged once it has it
            people = await residents(app, 60)
            calls = []
            for i, person in enumerate(people):
                calls.append(asyncio.ensure_future(person.send("🆘 紧急求助")))
                if i == 20:
                    old = group.kill_master()  # a power cut on the master, calls in flight
                await asyncio.sleep(0.03)
            await answered_within(calls, 40)
            new = await asyncio.get_running_loop().run_in_executor(None, group.wait_failover, old)

            told = [p for p in people if any(ALERTED in t or ALREADY in t for t in p.texts())]
            assert len(told) == len(people)  # nobody was left with only the error reply
            direct = Redis(port=new)  # the new master, read past the client under test
            try:
                store = Store(direct, "fo:")
                mine: dict[str, list[int]] = {}
                for n in await store.open_incident_ids():
                    mine.setdefault((await store.incident(n))["resident"], []).append(n)
                li = Person(app, 1001, "李社工")
                seen_by_staff = set().union(*(numbers(m.text) for m in li.inbox))
                for person in told:
                    rid = (await store.resident_by_tg(person.id))["id"]
                    assert len(mine.get(rid, [])) == 1, f"{person.name}: {mine.get(rid)}"  # stored, once
                    n = mine[rid][0]
                    assert await store.active_incident(rid) == n
                    if ALERTED in " ".join(person.texts()):
                        assert (await store.incident(n))["first_alert_sent"] is True  # alerted...
                        assert n in seen_by_staff
                    else:  # stored just before the crash: its safety net ("first:n") alerts staff
                        assert await store.deadline(f"first:{n}") is not None
                    assert await store.deadline(f"esc:{n}:1") is not None  # ...and escalating
            finally:
                await direct.aclose()
        finally:
            await app.close()
    assert time.monotonic() - started < 40


async def test_a_call_on_its_way_when_the_master_dies_is_answered_from_the_new_master(tmp_path, settings, clock,
                                                                                    nlu_model, knowledge_base):
    """Her 🆘's command is already sent when the master dies (it had stopped answering a moment before): the call
    is retried on the master the sentinels name now, not on the dead one's address (redis-py reconnects a dropped
    connection where it was: redis/redis-py#3874), and she hears within seconds that staff are alerted."""
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            neighbour, she = await residents(app, 2)
            await neighbour.send("🆘 紧急求助")  # the 🆘 path's connections are open
            group.freeze_master()
            call = asyncio.ensure_future(she.send("🆘 紧急求助"))
            await asyncio.sleep(0.3)  # her first command waits on the frozen master
            group.kill_master()
            await answered_within([call], 15)
            assert ALERTED in she.last("120").text and "021-64370000" in she.last("120").text
            li = Person(app, 1001, "李社工")
            assert any("居民1" in m.text and numbers(m.text) for m in li.inbox)  # the on-duty staff member has it
        finally:
            await app.close()


async def test_a_call_when_the_masters_host_loses_power_is_answered_within_seconds(tmp_path, settings, clock,
                                                                                  nlu_model, knowledge_base):
    """The master's host loses power: nothing closes its connections, they only go quiet. Her 🆘 waits on one no
    longer than a live Redis could take to answer (then it is tried on the master the sentinels name now); it waited
    10 s, then the failover."""
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        try:
            neighbour, she = await residents(app, 2)
            await neighbour.send("🆘 紧急求助")  # the 🆘 path's connections are open
            group.freeze_master()
            await answered_within([asyncio.ensure_future(she.send("🆘 紧急求助"))], 8)
            assert ALERTED in she.last("120").text
        finally:
            await app.close()


async def test_without_a_replica_nothing_waits_and_sentinels_parse(app):
    assert app.svc.store.wait_replicas == 0  # a lone Redis: WAIT would only hold every 🆘 back
    secrets = Secrets.from_env({"REDIS_SENTINELS": "10.0.0.1:26380, sentinel-b ,10.0.0.3:26379",
                                "REDIS_SENTINEL_SERVICE": "carebot"})
    assert secrets.sentinels() == [("10.0.0.1", 26380), ("sentinel-b", 26379), ("10.0.0.3", 26379)]
    assert secrets.redis_sentinel_service == "carebot"
