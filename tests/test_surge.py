"""Many calls into one committee at once (a fire, a gas leak in one block, a lift stuck, a heat wave with a power
cut): the on-duty phone alone cannot take twenty calls. Once `escalation.surge.calls` (3) calls nobody has claimed
came within `escalation.surge.window_minutes` (5), every staff member and the head get one line saying it is a surge
(and, when the calls share a building, which one, with 119 and the property manager) and each call with its own claim
button; further calls then reach everyone at once, with no second surge line. Family and doctors keep their timers;
another committee in the same process hears nothing."""
from __future__ import annotations

import asyncio

import pytest
import yaml
from aiohttp.test_utils import TestClient, TestServer
from conftest import ROOT, signed_up

from bot.committees import load_committees
from bot.config import ConfigError, load_settings
from bot.desk import make_web_app
from bot.district import District
from bot.testing.desk import BOT_TOKEN, sign_in
from bot.testing.tools import Person, RecordingMessenger
from tests.test_committees import A_HEAD, B_HEAD, B_STAFF, env_for, two_committee_config

LI, WANG, CHEN = 1001, 1002, 1003
SURGE = "个紧急求助"  # "⚠️ 多人同时求助：5分钟内有3个紧急求助！…"


async def neighbours(app, count: int, building: str | None = None, first_tg: int = 910000) -> list[Person]:
    """Residents signed up in the register: all in one building (建新路1弄5号) or each in a building of their own."""
    store = app.svc.store
    people = []
    for i, rid in enumerate(await store.next_resident_ids(count)):
        await store.save_resident({"id": rid, "name": f"邻居{i}", "phone": f"1361111{i:04d}", "road": "建新路",
                                   "lane": "1", "building": building or str(10 + i), "room": f"{i + 1}01",
                                   "lives_alone": True, "birth_date": "1940-01-01", "contacts": [], "doctor": None,
                                   "notes": "", "tg_id": first_tg + i})
        people.append(Person(app, first_tg + i, f"邻居{i}"))
    return people


async def cry_a_minute_apart(clock, people: list[Person]) -> None:
    for p in people:
        await p.send("🆘 紧急求助")
        clock.advance(minutes=1)


def surge_lines(person: Person) -> list[str]:
    return [t for t in person.texts() if SURGE in t and "分钟内" in t]


def claimable(person: Person) -> set[int]:
    """The calls this staff member has a claim button for."""
    return {int(data.split(":")[2]) for s in person.inbox for _, data in s.buttons if data.startswith("inc:claim:")}


async def test_three_calls_within_minutes_reach_every_staff_member_and_the_head_at_once(app, clock):
    first, second, third = await neighbours(app, 3)
    await cry_a_minute_apart(clock, [first, second])
    wang, chen, li = Person(app, WANG, "王社工"), Person(app, CHEN, "陈书记"), Person(app, LI, "李社工")
    assert wang.inbox == [] and chen.inbox == []  # two calls: the on-duty staff member alone, as ever
    await third.send("🆘 紧急求助")
    opened = set(await app.svc.store.open_incident_ids())
    assert len(opened) == 3
    for colleague in (wang, chen):  # not three minutes later: now, each call with its own claim button
        assert len(surge_lines(colleague)) == 1, colleague.texts()
        assert "5分钟内有3个紧急求助" in surge_lines(colleague)[0]
        assert claimable(colleague) == opened
    assert len(surge_lines(li)) == 1  # the on-duty staff member knows her colleagues have them too
    assert "楼" not in surge_lines(li)[0] and "119" not in surge_lines(li)[0]  # three buildings: no building named


async def test_calls_from_one_building_say_so_and_suggest_119_and_the_property_manager(app, clock):
    await cry_a_minute_apart(clock, await neighbours(app, 3, building="5"))
    line = surge_lines(Person(app, WANG, "王社工"))[0]
    assert "都在建新路1弄5号" in line and "119" in line and "物业" in line


async def test_the_surge_line_comes_once_and_a_further_call_reaches_everyone_at_once(app, clock):
    people = await neighbours(app, 5)
    await cry_a_minute_apart(clock, people[:3])
    wang, chen, li = Person(app, WANG, "王社工"), Person(app, CHEN, "陈书记"), Person(app, LI, "李社工")
    await people[3].send("🆘 紧急求助")
    clock.advance(minutes=2)
    await people[4].send("🆘 紧急求助")
    opened = set(await app.svc.store.open_incident_ids())
    for staff in (wang, chen, li):
        assert len(surge_lines(staff)) == 1, staff.texts()
    assert claimable(wang) == claimable(chen) == opened  # the 4th and 5th at once, not at the 3-minute timer


async def test_two_staff_tapping_the_same_call_one_wins_and_the_other_hears_who_has_it(app, clock):
    await cry_a_minute_apart(clock, await neighbours(app, 3))
    wang, li = Person(app, WANG, "王社工"), Person(app, LI, "李社工")
    taps = [next(s.message_id for s in p.inbox for _, data in s.buttons if data == "inc:claim:2") for p in (wang, li)]
    await asyncio.gather(wang.press_data(taps[0], "inc:claim:2"), li.press_data(taps[1], "inc:claim:2"))
    holder = (await app.svc.store.incident(2))["claimed_by"]
    winner, loser, name = (wang, li, "王社工") if holder == "wang" else (li, wang, "李社工")
    assert any(f"#2 已由 {name} 接手" in t for t in loser.texts()), loser.texts()  # told who has it
    assert not any("#2 已由" in t for t in winner.texts())
    assert any("#2" in t and ("由您处理" in t or f"{name} 已接单" in t) for t in winner.texts())  # hers


async def test_calls_claimed_already_or_older_than_the_window_make_no_surge(app, clock):
    people = await neighbours(app, 4)
    li, chen = Person(app, LI, "李社工"), Person(app, CHEN, "陈书记")
    await people[0].send("🆘 紧急求助")
    await li.press_data(1, "inc:claim:1")  # taken: one call less for the on-duty phone
    await cry_a_minute_apart(clock, people[1:3])
    assert surge_lines(chen) == [] and surge_lines(li) == []
    clock.advance(minutes=5)
    await people[3].send("🆘 紧急求助")  # the other two are six minutes old
    assert surge_lines(chen) == [] and surge_lines(li) == []


async def test_family_and_doctor_keep_their_timers_during_a_surge(app, people, clock):
    cries = [await signed_up(people(name), phone) for name, phone in
             (("张阿姨", "13900000001"), ("王老伯", "13900000002"), ("刘奶奶", "13900000003"))]
    son = await signed_up(Person(app, 6101, "张明"), "13911110001")
    seen = len(son.inbox)
    await cry_a_minute_apart(clock, cries)
    assert len(surge_lines(Person(app, WANG, "王社工"))) == 1
    assert son.inbox[seen:] == []  # the surge is for staff: her son hears at his timer, not now
    clock.advance(minutes=6)  # eight minutes after her call: her call reaches all staff, then her family
    await app.engine.tick()
    await app.engine.tick()
    assert any("张阿姨" in s.text for s in son.inbox[seen:]), son.texts()


async def test_a_surge_is_marked_on_the_desk_now_list_and_the_calls_timeline(app, clock):
    await cry_a_minute_apart(clock, await neighbours(app, 3))
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    try:
        await sign_in(client, LI, clock.ts())
        page = await (await client.get("/")).text()
        assert page.count("多人同时求助") == 3, page
        assert "多人同时求助" in await (await client.get("/incident/1")).text()
    finally:
        await client.close()


@pytest.mark.parametrize("surge, expected", [
    ({"calls": 1}, "config error at escalation.surge.calls: Input should be greater than or equal to 2"),
    ({"calls": "many"}, "config error at escalation.surge.calls: Input should be a valid integer, unable to parse string as an integer"),
    ({"window_minutes": 0}, "config error at escalation.surge.window_minutes: Input should be greater than 0"),
    ({"minutes": 5}, "config error at escalation.surge.minutes: Extra inputs are not permitted"),
])
def test_a_bad_surge_setting_is_one_line_naming_the_key(tmp_path, surge, expected):
    cfg = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    assert cfg["escalation"]["surge"] == {"calls": 3, "window_minutes": 5}  # the defaults, written out to edit
    cfg["escalation"]["surge"] = surge
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        load_settings(path)
    assert str(err.value).splitlines() == [expected]


async def test_a_surge_in_one_committee_reaches_only_its_own_staff(tmp_path, redis_server, clock, nlu_model,
                                                                    knowledge_base):
    committees = load_committees(two_committee_config(tmp_path), env_for(redis_server))
    district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base,
                                   messengers={"a": RecordingMessenger(), "b": RecordingMessenger()})
    try:
        a, b = district.apps["a"], district.apps["b"]
        in_b = await neighbours(b, 2, first_tg=920000)
        await cry_a_minute_apart(clock, [*await neighbours(a, 2), in_b[0]])  # four calls, two in each committee
        await in_b[1].send("🆘 紧急求助")
        assert all(surge_lines(Person(app, tg)) == [] for app, tg in ((a, A_HEAD), (b, B_HEAD), (b, B_STAFF)))
        await (await neighbours(a, 1, first_tg=930000))[0].send("🆘 紧急求助")  # a's third
        assert len(surge_lines(Person(a, A_HEAD))) == 1 and claimable(Person(a, A_HEAD)) == {1, 2, 3}
        assert surge_lines(Person(b, B_HEAD)) == [] and surge_lines(Person(b, B_STAFF)) == []
        assert claimable(Person(b, B_HEAD)) == set()  # b's two calls: its on-duty staff member, as ever
    finally:
        await district.close()


async def test_thirty_at_the_same_instant_give_one_surge_line_and_each_call_once_to_each_colleague(app):
    people = await neighbours(app, 30)
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people))
    opened = set(await app.svc.store.open_incident_ids())
    assert len(opened) == 30
    for tg in (WANG, CHEN):
        colleague = Person(app, tg)
        for _ in range(200):  # each call's full packet follows the digest
            packets = [s for s in colleague.inbox if len(s.buttons) == 3 and "紧急求助 #" in s.text]
            if len(packets) >= 30:
                break
            await asyncio.sleep(0.05)
        assert len(surge_lines(colleague)) == 1
        assert claimable(colleague) == opened
        assert sorted(int(s.buttons[0][1].split(":")[2]) for s in packets) == sorted(opened)  # each once, none twice
    assert len(surge_lines(Person(app, LI))) == 1


async def test_unregistered_strangers_crying_make_no_surge(app, clock):
    """Anyone can open three Telegram accounts: strangers' cries reach the on-duty staff member, capped
    (tests/test_stranger_call.py), and never wake every staff member and the head by themselves."""
    residents_ = await neighbours(app, 2)
    strangers = [Person(app, 8400 + i, f"路人{i}") for i in range(3)]
    for p in (strangers[0], residents_[0], strangers[1], residents_[1], strangers[2]):
        await p.send("救命 我摔倒了")
        clock.advance(minutes=1)
    assert len(await app.svc.store.open_incident_ids()) == 5
    assert all(surge_lines(Person(app, tg)) == [] for tg in (LI, WANG, CHEN))


async def test_once_calls_stop_coming_the_surge_ends_and_a_new_call_goes_to_the_on_duty_phone_again(app, clock):
    people = await neighbours(app, 7)
    await cry_a_minute_apart(clock, people[:3])
    wang = Person(app, WANG, "王社工")
    clock.advance(minutes=5)  # five quiet minutes since the last call
    await people[3].send("🆘 紧急求助")
    assert 4 not in claimable(wang)  # the on-duty staff member's, as on any day
    await cry_a_minute_apart(clock, people[4:6])  # three new ones within minutes: a surge again, said again
    assert len(surge_lines(wang)) == 2 and {4, 5, 6} <= claimable(wang)


async def test_a_call_alerted_before_a_shift_change_reaches_the_new_on_duty_staff_member_in_the_surge(app, clock):
    """李社工's shift ends at 20:00; 王社工's starts. A call at 19:59 reached her alone: when it is part of a surge
    a minute later, he gets it too (he never had it), not passed over as "the on-duty staff member had it"."""
    people = await neighbours(app, 3)
    clock.set(clock.now().replace(hour=19, minute=59))
    await people[0].send("🆘 紧急求助")
    assert claimable(Person(app, WANG)) == set()
    clock.advance(minutes=1.5)
    await cry_a_minute_apart(clock, people[1:])
    assert claimable(Person(app, WANG)) == {1, 2, 3}
