"""What someone types during an outage about a call that was open BEFORE Redis went away is not lost.

王老伯's call was stored and claimed: 李社工 is on her way. Then Redis goes away, and he types "门开着", or where he
really is ("我在建新路27弄3号602室", not the door on the register). The fallback cannot ask Redis who he is, and had no
cry of his in the journal, so his words were answered "系统暂时出了点问题" and went nowhere. Now every text typed during
an outage is journaled; once Redis is back, the words of someone with an open call join it (timeline, packet, his
address beside the register) and the staff holding it are told once; anyone else's are read as if just typed
(tests/test_outage_requests.py).
"""
from conftest import signed_up
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_said import settled

from bot.incidents import replaying
from bot.testing.tools import Person

AGAIN = "系统故障期间"


def said_on(timeline: list[dict]) -> list[str]:
    return [e["words"] for e in timeline if e["event"] == "outage_said"]


def replay_breaks_once(app, kind: str = "") -> None:
    """The next replay (of a `kind` of message, if given) breaks (a bug, a lock): it stays journaled, tried again."""
    outage, handle = app.svc.outage, app.svc.outage.handle

    async def broken_once(ev, **kw):
        if kind and ev.kind != kind:
            return await handle(ev, **kw)
        outage.handle = handle
        replaying()["failed"] = True
        return []

    outage.handle = broken_once


async def claimed_call(app) -> tuple[Person, Person, int]:
    """王老伯 cries while Redis is up and 李社工 claims his call: him, her, the incident."""
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    await wang.send("救命 我摔倒了")
    (n,) = await app.svc.store.open_incident_ids()
    await li.click(li.last(f"#{n}"), "我来处理")
    return wang, li, n


async def test_words_typed_during_an_outage_about_a_call_claimed_before_it_join_the_call_and_reach_its_claimer(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    zhou = Person(app, 1002)
    seen_li, seen_zhou = len(li.inbox), len(zhou.inbox)
    own_redis.stop()
    clock.advance(seconds=30)
    await wang.send("门开着")
    clock.advance(seconds=30)
    await wang.send("我在建新路27弄3号602室")
    assert "120" in wang.last().text and COMMITTEE in wang.last().text  # his reply, as before
    told = len(wang.inbox)
    clock.advance(minutes=2)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    assert said_on(await app.svc.store.timeline(n)) == ["门开着", "我在建新路27弄3号602室"]
    inc = await app.svc.store.incident(n)
    assert inc["address_state"] == "corrected" and inc["status"] != "resolved"
    live = [m for m in li.inbox[seen_li:] if "系统故障中" in m.text]  # his words while Redis was away (fallback.py)
    differs = [m for m in li.inbox[seen_li:] if "说的地址和登记的不一样" in m.text]  # a door not the register's: loud
    assert len(differs) == 1 and "建新路27弄3号602室" in differs[0].text
    (line,) = [m for m in li.inbox[seen_li:] if m not in live and m not in differs]  # his words once, both lines in it
    assert f"{AGAIN}" in line.text and "王老伯 又说" in line.text and f"#{n}" in line.text
    assert "门开着" in line.text and "建新路27弄3号602室" in line.text
    assert [m for m in zhou.inbox[seen_zhou:] if "系统故障中" not in m.text] == []  # not those who did not take it
    assert "建新路27弄3号602室" in li.last(f"紧急求助 #{n}").text  # in the packet too
    assert len(wang.inbox) == told  # nothing more to him
    await replay_tick(app)
    assert len(li.inbox) == seen_li + len(live) + 2 and list(app.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_words_after_redis_failed_right_behind_the_fast_lane_join_the_stored_call(
        make_app, own_redis, clock, monkeypatch):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    session = app.svc.store.save_session

    async def stored_alerted_then_redis_away(*args, **kw):  # the call is stored and alerted, then Redis goes
        own_redis.stop()
        return await session(*args, **kw)

    monkeypatch.setattr(app.svc.store, "save_session", stored_alerted_then_redis_away)
    await wang.send("🆘 紧急求助")
    assert "已通知值班社工" in wang.last().text
    monkeypatch.undo()
    seen = len(li.inbox)
    clock.advance(seconds=20)
    await wang.send("门开着，我在卫生间")
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert said_on(await app.svc.store.timeline(n)) == ["门开着，我在卫生间"]
    assert "门开着，我在卫生间" in li.last(f"{AGAIN}").text
    assert len([m for m in li.inbox[seen:] if AGAIN in m.text and "又说" in m.text]) == 1


async def test_a_flood_typed_during_an_outage_about_an_open_call_is_kept_whole_and_told_in_one_message(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    seen = len(li.inbox)
    own_redis.stop()
    for i in range(8):
        clock.advance(seconds=5)
        await wang.send(f"钥匙在垫子下{i}")
    own_redis.start()
    await replay_tick(app)
    assert said_on(await app.svc.store.timeline(n)) == [f"钥匙在垫子下{i}" for i in range(8)]
    (line,) = [m for m in li.inbox[seen:] if "系统故障中" not in m.text]  # (not the live lines: fallback.py)
    assert "还说了 3 条" in line.text and all(f"钥匙在垫子下{i}" in line.text for i in range(3, 8))


async def test_a_daughters_words_during_an_outage_join_her_fathers_open_call_without_moving_his_address(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    _, li, n = await claimed_call(app)
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    own_redis.stop()
    await daughter.send("我在虹桥路3号楼602，马上过去")
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert [(e["by"], e["words"]) for e in said] == [("王丽", "我在虹桥路3号楼602，马上过去")]
    assert (await app.svc.store.incident(n))["address_state"] != "corrected"  # where she is, not where he is
    assert "王丽 又说" in li.last(AGAIN).text


async def test_words_of_people_with_no_open_call_are_read_as_if_just_typed_and_the_journal_emptied(
        make_app, own_redis, caplog):
    """No call to join: read once Redis is back as with Redis up (tests/test_outage_requests.py: a request reaches
    staff); an address said to nobody and a stranger's greeting ask nothing of staff, and nobody is told "recorded"."""
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    stranger, li = Person(app, 7001, "路人"), Person(app, 1001)
    seen = len(li.inbox)
    own_redis.stop()
    await zhang.send("我在建新路27弄3号602室")
    await stranger.send("你好")
    assert "系统暂时出了点问题" in zhang.last().text and "120" in zhang.last().text
    told = len(zhang.inbox), len(stranger.inbox)
    own_redis.start()
    with caplog.at_level("INFO"):
        await replay_tick(app)
    assert li.inbox[seen:] == [] and await app.svc.store.open_incident_ids() == []
    assert [e["text"] for e in await app.svc.store.stranger_log(stranger.id)] == ["你好"]  # as with Redis up
    assert (len(zhang.inbox), len(stranger.inbox)) == told
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []
    assert "602" not in caplog.text and "你好" not in caplog.text


async def test_words_typed_after_a_voice_wait_while_the_voices_replay_is_tried_again(make_app, own_redis, clock):
    """A voice note during the outage becomes his call once replayed; what he typed after it waits for that call."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send_kind("voice")
    clock.advance(seconds=10)
    await wang.send("门开着")
    own_redis.start()
    replay_breaks_once(app)
    await replay_tick(app)
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert said_on(await app.svc.store.timeline(n)) == ["门开着"]
    assert "门开着" in Person(app, 1001).last(AGAIN).text


async def test_a_new_fall_typed_during_an_outage_about_a_claimed_call_raises_it_as_with_redis_up(
        make_app, own_redis, clock):
    """"我又摔了" while 李社工 is on her way: with Redis up her call is renewed (a new urgent call to her and the first
    level, escalating). Typed during an outage it was only a line among his words, and nobody hurried."""
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    seen = len(li.inbox)
    own_redis.stop()
    clock.advance(minutes=1)
    await wang.send("我又摔了")
    said_at = clock.ts()
    clock.advance(minutes=2)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    inc = await app.svc.store.incident(n)
    assert inc.get("renewed") and inc["renewed_words"] == "我又摔了"
    timeline = await app.svc.store.timeline(n)
    assert [(e["at"], e["words"]) for e in timeline if e["event"] == "resident_again"] == [(said_at, "我又摔了")]
    assert any("又发来紧急求助" in m.text and "我又摔了" in m.text and m.buttons for m in li.inbox[seen:])
    assert not any("又说" in m.text and "我又摔了" in m.text for m in li.inbox[seen:])  # raised, not a line among others
