"""What a caller types after their cry while Redis is away is not lost.

王老伯 cries "救命 我摔倒了" during an outage: the fallback gives him 120 and the committee's phone, staff get a
short alert, the call is journaled. Then he types where he is — "我在建新路27弄3号602室", not the door on the
register (the real case: a man who could not get up gave the wrong door number) — or "门开着", or "我没事了".
Those words were answered "系统暂时出了点问题" and went nowhere: not to staff, not into the journal. Now they reach the
staff who got his alert at once ("（求助人又说）"), are journaled, and once Redis is back they sit on the replayed
incident's timeline and in its packet (an address beside the register, loudly when it differs) — never replayed
through the conversation (they answered nothing it asked), never closing the call, never a message more to him.
"""
import asyncio

from conftest import signed_up
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

SAID = "求助人又说"


async def settled(app) -> None:
    """What the replay set going in the background (packet edits) has gone, as staff see it a moment later."""
    while pending := [t for t in app.engine.incidents.pending() if not t.done()]:
        await asyncio.gather(*pending, return_exceptions=True)


async def cried_in_an_outage(app, server, cry: str = "救命") -> tuple[Person, Person, int]:
    """王老伯 cries for help while Redis is away: him, 李社工 (whom the fallback's alert reached) and how many
    messages she had then."""
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    server.stop()
    await wang.send(cry)
    return wang, li, len(li.inbox)


async def test_a_door_typed_after_the_cry_reaches_staff_at_once_and_stands_beside_the_register_after(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, alerted = await cried_in_an_outage(app, own_redis, "救命 我摔倒了")
    clock.advance(seconds=20)
    await wang.send("我在建新路27弄3号602室")
    (line,) = li.inbox[alerted:]  # during the outage, at once: to whoever got his alert
    assert SAID in line.text and "建新路27弄3号602室" in line.text and "王老伯" in line.text
    assert "120" in wang.last().text and COMMITTEE in wang.last().text
    told = len(wang.inbox)
    said_at = clock.ts()
    clock.advance(minutes=5)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    packet = li.last(f"紧急求助 #{n}").text
    assert "居民说的地址和登记的不一样" in packet and "⚠️3号" in packet and "5号" in packet
    assert "建新路27弄3号602室" in packet
    said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert [(e["at"], e["words"]) for e in said] == [(said_at, "我在建新路27弄3号602室")]
    await li.send(f"/incident {n}")  # in the order it happened: said before it could be recorded
    view = li.last("系统故障后补记").text
    assert view.index("王老伯 又说") < view.index("系统故障后补记")
    (new,) = wang.inbox[told:]  # recovery's one message, and not the read-back of the register he contradicted
    assert "系统已恢复" in new.text and "对吗" not in new.text and not new.buttons
    await wang.send("谢谢")  # no step left waiting for an address: not read as one
    assert "地址" not in wang.last().text and wang.last().request is None
    assert (await app.svc.store.incident(n))["address_state"] == "corrected"


async def test_i_am_fine_typed_during_the_outage_is_on_the_timeline_and_the_call_stays_open(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, _ = await cried_in_an_outage(app, own_redis)
    clock.advance(seconds=30)
    await wang.send("我没事了")
    assert SAID in li.last().text and "我没事了" in li.last().text
    told = len(wang.inbox)
    clock.advance(minutes=3)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()  # staff decide: never closed by it
    inc = await app.svc.store.incident(n)
    assert inc["status"] == "open" and inc["address_state"] == "pending"  # no answer to a question never asked
    assert [e["words"] for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"] == ["我没事了"]
    assert "我没事了" in li.last(f"紧急求助 #{n}").text
    assert len(wang.inbox) == told + 1  # recovery's one message only


async def test_a_flood_of_words_after_the_cry_reaches_staff_as_a_few_lines_and_everything_is_kept(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, alerted = await cried_in_an_outage(app, own_redis)
    for i in range(8):
        await wang.send(f"钥匙在垫子下{i}")
    lines = li.inbox[alerted:]
    assert 1 <= len(lines) <= 3 and all(SAID in s.text for s in lines)
    clock.advance(minutes=2)
    await wang.send("门开着")  # a minute on: it goes, saying how many were held back
    assert "门开着" in li.last().text and SAID in li.last().text and "条" in li.last().text
    own_redis.start()
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    said = [e["words"] for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert said == [f"钥匙在垫子下{i}" for i in range(8)] + ["门开着"]


async def test_words_from_someone_who_did_not_cry_during_the_outage_are_answered_as_before(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    _, li, alerted = await cried_in_an_outage(app, own_redis)
    await zhang.send("我在建新路27弄3号602室")
    assert li.inbox[alerted:] == []
    assert "系统暂时出了点问题" in zhang.last().text and "120" in zhang.last().text
    own_redis.start()  # she had no open call: her words join nothing (tests/test_outage_open_call.py)
    await replay_tick(app)
    assert not any("602" in m.text for m in li.inbox[alerted:])
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_words_that_reach_another_worker_are_passed_on_and_join_the_call(make_app, own_redis, clock):
    """Several worker processes share the journal folder: his cry went to one, his next words to another."""
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)
    wang, _, _ = await cried_in_an_outage(first, own_redis)
    clock.advance(seconds=10)
    await Person(second, wang.id, "王老伯").send("门开着")
    assert SAID in Person(second, 1001).last().text
    own_redis.start()
    await replay_tick(first)
    await replay_tick(second)
    (n,) = await first.svc.store.open_incident_ids()
    assert [e["words"] for e in await first.svc.store.timeline(n) if e["event"] == "outage_said"] == ["门开着"]
    assert list(first.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_a_daughters_words_after_her_cry_join_her_fathers_call_without_moving_his_address(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    li = Person(app, 1001)
    own_redis.stop()
    await daughter.send("我爸爸摔倒了起不来")
    clock.advance(seconds=15)
    await daughter.send("我在虹桥路3号楼602，马上过去")
    assert SAID in li.last().text and "马上过去" in li.last().text
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert [(e["by"], e["words"]) for e in said] == [("王丽", "我在虹桥路3号楼602，马上过去")]
    assert (await app.svc.store.incident(n))["address_state"] != "corrected"  # where she is, not where he is
    assert "马上过去" in li.last(f"#{n}").text


async def test_a_strangers_words_after_their_cry_reach_staff_then_and_are_written_down_after(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    stranger, li = Person(app, 7001, "路人"), Person(app, 1001)
    own_redis.stop()
    await stranger.send("救命 有人摔倒了")
    clock.advance(seconds=10)
    await stranger.send("在3号楼门口，是个老太太")
    assert SAID in li.last().text and "路人" in li.last().text and "3号楼门口" in li.last().text
    told = len(stranger.inbox)
    own_redis.start()
    await replay_tick(app)
    # their cry is a call now (bot/incidents/stranger_call.py): the words are on it, for whoever takes it
    assert await app.svc.store.open_incident_ids() == [1]
    assert "在3号楼门口，是个老太太" in [e.get("words") for e in await app.svc.store.timeline(1)]
    assert "3号楼门口" in li.last("紧急求助 #1").text and "路人" in li.last("紧急求助 #1").text
    assert len(stranger.inbox) == told + 1  # recovery's one message
