""""3号楼602的老太太摔倒了" names nobody, but says a door the register knows. From 刘奶奶's son it opened a call
about his own mother (天平路120弄2号101: staff sent to the wrong door); from a stranger it was a call about nobody, no
address for staff. Now a building and room said beside a person ("602的老太太", "602有人") find whoever lives at that
door: one → her own call, as a named report is (her address and phone for staff, "📣 报告人"; the reporter reads
none of it); several at one door → one call listing each, none guessed. A building alone ("3号楼的老太太") is too
vague to list (a building holds dozens): a call about someone else, never the son's mother."""
import pytest
from conftest import signed_up

from bot.residents import full_address


def _address(app, person) -> str:
    return full_address(app.settings.community.address_prefix, person)


async def _open_residents(store) -> list[str]:
    return [(await store.incident(n))["resident"] for n in await store.open_incident_ids()]


async def _reporter(people, who: str):
    return await signed_up(people("刘强"), "13911110003") if who == "son" else people("楼下小陈")


async def _zhang(app) -> dict:
    return await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000001"))  # 建新路27弄3号602


@pytest.mark.parametrize("who", ["son", "stranger"])
@pytest.mark.parametrize("words", ["3号楼602的老太太摔倒了", "3号602那个老人晕倒了 快来", "27弄3号602室有人摔倒了起不来"])
async def test_a_door_said_opens_the_call_of_whoever_lives_there(people, app, who, words):
    store, li = app.svc.store, people("李社工")
    zhang = await _zhang(app)
    reporter = await _reporter(people, who)
    await reporter.send(words)
    assert await _open_residents(store) == [zhang["id"]]
    packet = li.last("紧急求助 #1").text
    assert _address(app, zhang) in packet and zhang["phone"] in packet and "📣 报告" in packet
    assert "天平路120弄2号101" not in packet.split("📣")[0]  # never his mother as the one in danger
    for text in reporter.texts():
        assert _address(app, zhang) not in text and zhang["phone"] not in text
    assert any("120" in t for t in reporter.texts())


@pytest.mark.parametrize("who", ["son", "stranger"])
async def test_two_living_at_that_door_are_both_listed_none_guessed(people, app, who):
    store, li = app.svc.store, people("李社工")
    zhang = await _zhang(app)
    husband = {**zhang, "id": "r90", "name": "李国强", "phone": "13900000090", "contacts": [], "tg_id": None}
    await store.save_resident(husband)
    reporter = await _reporter(people, who)
    await reporter.send("3号楼602的老人摔倒了")
    assert await _open_residents(store) == [""]
    packet = li.last("紧急求助 #1").text
    assert "张阿姨" in packet and "李国强" in packet and "没有替您猜" in packet
    assert husband["phone"] in packet


async def test_a_building_alone_is_a_call_about_someone_else_never_his_mothers(people, app):
    store, li = app.svc.store, people("李社工")
    son = await signed_up(people("刘强"), "13911110003")
    await son.send("3号楼的老太太摔倒了")
    assert await _open_residents(store) == [""]
    packet = li.last("紧急求助 #1").text
    assert "天平路120弄2号101" not in packet and "刘强" in packet
    assert "张阿姨" not in packet  # not listed: a building is too many doors


async def test_a_door_nobody_on_the_register_lives_at_is_someone_else_too(people, app):
    store = app.svc.store
    son = await signed_up(people("刘强"), "13911110003")
    await son.send("8号楼801的老太太摔倒了")
    assert await _open_residents(store) == [""]


@pytest.mark.parametrize("words", ["2号101的老太太摔倒了", "我妈摔倒了 3号602", "救命 快来人 3号602"])
async def test_his_own_mothers_door_or_his_mother_stays_her_call(people, app, words):
    store = app.svc.store
    son = await signed_up(people("刘强"), "13911110003")
    await son.send(words)
    assert await _open_residents(store) == ["r3"]


async def test_a_residents_own_cry_placing_someone_at_a_door_tells_staff_who_lives_there_after_her_alert(people, app):
    li = people("李社工")
    zhang = await _zhang(app)
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("3号楼602的老太太摔倒了 快来")
    assert await _open_residents(app.svc.store) == ["r3"]  # her call at once, as before
    assert "可能是别人" in li.last("紧急求助 #1").text
    line = li.last("🏠 #1").text
    assert _address(app, zhang) in line and zhang["phone"] in line
