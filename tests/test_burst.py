"""Never lose a call for help, and never let a crowd slow the first one down.

200 residents pressing 🆘 in the same instant all become stored, alerted incidents; calls that arrive together
reach the on-duty staff member as digests (a line and a claim button each) before any resident is answered,
then each full packet follows; a claim made from a digest works like one made from the packet.
"""
import asyncio
import re

from bot.testing.tools import Person
from tests.conftest import signed_up

DIGEST = "位居民紧急求助"


async def residents(app, count: int, first_tg: int = 900000) -> list[Person]:
    store = app.svc.store
    people = []
    for i, rid in enumerate(await store.next_resident_ids(count)):
        await store.save_resident({"id": rid, "name": f"居民{i}", "phone": f"1360000{i:04d}", "road": "建新路",
                                   "lane": "1", "building": str(i), "room": "101", "lives_alone": True,
                                   "birth_date": "1940-01-01", "contacts": [], "doctor": None, "notes": "",
                                   "tg_id": first_tg + i})
        people.append(Person(app, first_tg + i, f"居民{i}"))
    return people


def surge_out_of_reach(settings):
    """Settings where no number of calls at once is a surge (tests/test_surge.py): the other staff hear of them only
    when they escalate."""
    esc = settings.escalation
    surge = esc.surge.model_copy(update={"calls": 1_000_000})
    return settings.model_copy(update={"escalation": esc.model_copy(update={"surge": surge})})


def numbers(text: str) -> set[int]:
    return {int(n) for n in re.findall(r"紧急求助 #(\d+)", text)}


async def test_two_hundred_at_once_are_all_stored_alerted_and_each_gets_its_packet(make_app, settings):
    app = await make_app(settings_=surge_out_of_reach(settings))  # the on-duty chat's digests (a surge's: test_surge.py)
    people = await residents(app, 200)
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people))
    store = app.svc.store
    opened = set(await store.open_incident_ids())
    assert len(opened) == 200
    li = Person(app, 1001, "李社工")
    digests = [s for s in li.inbox if DIGEST in s.text]
    packets = [s for s in li.inbox if DIGEST not in s.text and "紧急求助 #" in s.text]
    assert set().union(*(numbers(d.text) for d in digests)) == opened  # every call is in a digest...
    assert all(len(numbers(d.text)) <= 40 and len(d.text) <= 4096 and len(d.buttons) == len(numbers(d.text))
               for d in digests)
    assert set().union(*(numbers(p.text) for p in packets)) == opened  # ...and has its own full packet
    assert len(packets) == 200
    assert all(any("已通知值班社工" in t for t in p.texts()) for p in people)
    for n in (min(opened), max(opened)):
        events = [e["event"] for e in await store.timeline(n)]
        assert events[:3] == ["created", "alerted", "packet_sent"]
        assert len(await store.alert_messages(n)) == 1  # the packet, which later edits keep up to date
        assert (await store.incident(n))["first_alert_sent"] is True


async def test_alerts_of_a_burst_leave_before_any_resident_is_answered(app):
    people = await residents(app, 30)
    asker = await signed_up(Person(app, 5003, "刘奶奶"), "13900000003")
    log = app.svc.outbox.messenger.log
    log.clear()
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people[:15]), asker.send("老年综合津贴怎么领"),
                         *(p.send("🆘 紧急求助") for p in people[15:]))
    kinds = ["alert" if m.chat_id == 1001 and DIGEST in m.text else "other" for m in log]
    assert "alert" in kinds
    last_alert = max(i for i, k in enumerate(kinds) if k == "alert")
    assert all(k == "alert" for k in kinds[:last_alert + 1])  # nothing else slipped in before the digests
    assert asker.last("津贴")  # the pension question was still answered


async def test_a_call_alone_gets_its_packet_and_no_digest(app, people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = Person(app, 1001, "李社工")
    assert not any(DIGEST in t for t in li.texts())
    assert "王老伯" in li.last("紧急求助 #").text


async def test_claiming_from_a_digest_tells_the_claimer_the_resident_and_the_packet(app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await asyncio.gather(zhang.send("🆘 紧急求助"), wang.send("🆘 紧急求助"))
    li = Person(app, 1001, "李社工")
    digest = li.last(DIGEST)
    assert "张阿姨" in digest.text and "王老伯" in digest.text and "+8613900000002" in digest.text
    wang_n = next(int(m) for m in re.findall(r"紧急求助 #(\d+) · 王老伯", digest.text))
    await li.press_data(digest.message_id, f"inc:claim:{wang_n}")
    assert li.last("由您处理").text.startswith(f"✅ #{wang_n} 王老伯")
    assert "李社工" in wang.last("李社工").text  # the resident is told who is coming
    packet = next(s for s in li.inbox if f"紧急求助 #{wang_n}" in s.text and DIGEST not in s.text)
    assert "李社工 已接单" in packet.text  # the full packet was edited to show it
    chen = Person(app, 1003, "陈主任")
    await chen.press_data(digest.message_id, f"inc:claim:{wang_n}")
    assert "已由 李社工 接手" in chen.last("接手").text  # still one winner


async def test_a_digest_never_outgrows_a_telegram_message(app):
    from bot.incidents.rounds import _Call

    long_road = "很长很长的路名" * 12  # 84 characters: long addresses mean fewer calls per message
    items = []
    for n in range(1, 61):
        person = {"id": f"r{n}", "name": f"居民{n}", "phone": f"1360000{n:04d}", "road": long_road, "lane": "1",
                  "building": str(n), "room": "101", "lives_alone": True, "birth_date": "1940-01-01"}
        first = _Call(n, {"id": n, "kind": "emergency"}, person, [], "t", None)
        items.append((first, (1001, "staff", "李社工")))
    digests = app.svc.incidents._digests(items)
    assert sum(len(chunk) for _, chunk, _, _ in digests) == 60  # nobody left out
    assert all(len(text) <= 3800 and len(chunk) <= 40 for _, chunk, text, _ in digests)
    assert len(digests) >= 3  # 60 long entries do not fit in two
    assert [start for start, *_ in digests] == [1] + [1 + sum(len(c) for _, c, _, _ in digests[:i])
                                                     for i in range(1, len(digests))]


ESCALATED = "个求助没有人接手"


async def test_many_calls_unclaimed_escalate_as_digests_then_packets(make_app, settings, clock, monkeypatch):
    from bot.incidents import rounds

    app = await make_app(settings_=surge_out_of_reach(settings))  # the escalation's digests, not a surge's

    # a loaded machine (the suite in two workers) spread the 30 escalations more than 50 ms apart: one went alone
    monkeypatch.setattr(rounds, "LATER_ROUND_SECONDS", 0.5)
    monkeypatch.setattr(rounds, "LATER_ROUND_MAX_SECONDS", 3.0)
    people = await residents(app, 30)
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people))
    store = app.svc.store
    opened = set(await store.open_incident_ids())
    wang = Person(app, 1002, "王社工")  # not on duty: hears nothing until the escalation
    assert not wang.texts()
    clock.advance(minutes=3.1)
    await app.engine.tick()
    for _ in range(100):  # the full packets follow the digests
        if sum("紧急求助 #" in s.text and ESCALATED not in s.text for s in wang.inbox) >= 30:
            break
        await asyncio.sleep(0.1)
    digests = [s for s in wang.inbox if ESCALATED in s.text]
    assert digests and set().union(*(numbers(d.text) for d in digests)) == opened
    assert "还有 30 个求助" in digests[0].text and len(digests[0].buttons) == len(numbers(digests[0].text))
    packets = [s for s in wang.inbox if ESCALATED not in s.text and "紧急求助 #" in s.text]
    assert set().union(*(numbers(p.text) for p in packets)) == opened  # then each call's own packet
    assert len(wang.inbox) == len(digests) + 30  # not 30 separate alerts first
    n = min(opened)
    timeline = await store.timeline(n)
    assert [e["level"] for e in timeline if e["event"] == "alerted"] == [0, 1]
    assert timeline[-1]["event"] == "packet_sent"
    await wang.press_data(digests[0].message_id, f"inc:claim:{n}")  # a claim from the escalation digest
    assert (await store.incident(n))["claimed_by"] == "wang"


async def test_a_slow_escalation_does_not_hold_up_the_next_tick(app, clock, people, monkeypatch):
    import bot.engine

    monkeypatch.setattr(bot.engine, "TICK_WAIT_SECONDS", 0.2)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await zhang.send("🆘 紧急求助")
    store, real = app.svc.store, app.svc.outbox.messenger.deliver
    gate = asyncio.Event()

    async def stuck_for_wang(msg):  # Telegram hangs on one staff chat
        if msg.chat_id == 1002:
            await gate.wait()
        return await real(msg)

    app.svc.outbox.messenger.deliver = stuck_for_wang
    clock.advance(minutes=2)
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=1.1)
    await app.engine.tick()  # 张阿姨's escalation: its alert to 王社工 hangs; the tick does not wait for it
    clock.advance(minutes=2)
    await app.engine.tick()  # 王老伯's escalation is due now and runs, and 张阿姨's is not started twice
    chen = Person(app, 1003, "陈书记")
    for _ in range(30):  # it runs beside the stuck one (which holds the urgent lane for 0.5 s at most)
        if any("紧急求助 #2" in t for t in chen.texts()):
            break
        await asyncio.sleep(0.1)
    assert (await store.incident(2))["level"] == 1
    assert any("紧急求助 #2" in t for t in chen.texts())  # the head was alerted meanwhile
    assert sum(e["event"] == "escalated" for e in await store.timeline(1)) == 1
    gate.set()
    await asyncio.sleep(0.1)
    assert any("紧急求助 #1" in t for t in Person(app, 1002).texts())


async def test_a_claim_does_not_wait_for_an_escalations_slow_edits(app, clock, people, monkeypatch):
    import bot.engine

    monkeypatch.setattr(bot.engine, "TICK_WAIT_SECONDS", 0.2)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    real, gate = app.svc.outbox.messenger.deliver, asyncio.Event()

    async def slow_edits(msg):  # Telegram is slow with edits to the on-duty chat (a busy evening)
        if msg.edit and msg.chat_id == 1001:
            await gate.wait()
        return await real(msg)

    app.svc.outbox.messenger.deliver = slow_edits
    clock.advance(minutes=3.1)
    await app.engine.tick()  # escalates; its edit of 李社工's packet hangs
    wang = Person(app, 1002, "王社工")
    packet = wang.last("紧急求助 #1")
    press = asyncio.create_task(wang.click(packet, "我来处理"))
    for _ in range(20):
        if (await app.svc.store.incident(1))["claimed_by"] == "wang":
            break
        await asyncio.sleep(0.1)
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"  # the claim did not queue behind the edit
    gate.set()
    await press
    assert "已经接手" in zhang.last("已经接手").text
