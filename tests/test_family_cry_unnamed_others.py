"""刘强, registered as 刘奶奶's son, cried for help about a neighbour he did not name with an honorific ("隔壁老太太摔倒
了", "我邻居家着火了"): it opened an emergency about 刘奶奶 — staff were sent to his mother's door with her phone,
and nobody went looking for the old lady next door. Only "王老伯", "李阿姨" were known as someone else. Now a cry that
says someone else is in danger (a neighbour, someone in the building, "有个老人") reaches staff as an urgent call
about another person, with his words, who sent them and his phone; he gets 120 and the committee phone."""
import pytest
from conftest import signed_up

from bot.residents import full_address

WORDS = ["隔壁老太太摔倒了", "楼下那个老头倒在楼道里", "我邻居家着火了", "我们楼有个老人晕倒了"]


async def _mother(store):
    return await store.resident(next(p["rid"] for p in await store.contact_links_by_phone("13911110003")))


@pytest.mark.parametrize("words", WORDS)
async def test_a_sons_cry_about_an_unnamed_neighbour_reaches_staff_as_about_someone_else(people, app, words):
    store, li = app.svc.store, people("李社工")
    liuqiang = await signed_up(people("刘强"), "13911110003")
    mother = await _mother(store)
    await liuqiang.send(words)
    told = [t for t in li.texts() if words in t]
    assert len(told) == 1, li.texts()
    alert = told[0]
    assert "刘强" in alert and "儿子" in alert and "13911110003" in alert
    assert full_address(app.settings.community.address_prefix, mother) not in alert
    assert mother["phone"] not in alert
    for n in await store.open_incident_ids():
        assert (await store.incident(n))["resident"] != mother["id"]  # no call about 刘奶奶
    said = liuqiang.last().text
    assert "120" in said and app.settings.community.committee_phone in said and "刘奶奶" not in said


@pytest.mark.parametrize("words", ["我妈摔倒了，隔壁阿姨发现的", "我家老太太摔倒了", "邻居说我妈晕倒了",
                                   "隔壁阿姨打电话说她摔倒了", "楼上着火了", "有人在撬门"])
async def test_his_cry_about_his_mother_with_a_neighbour_in_it_is_still_hers(people, app, words):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    mother = await _mother(app.svc.store)
    await liuqiang.send(words)
    assert [(await app.svc.store.incident(n))["resident"] for n in await app.svc.store.open_incident_ids()] == [
        mother["id"]]


async def test_a_worry_with_a_neighbour_as_its_cause_is_still_about_his_mother(people, app):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("楼上装修太吵了 睡不着")
    assert "刘奶奶" in people("李社工").last("#1").text
