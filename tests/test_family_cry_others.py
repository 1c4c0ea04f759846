"""刘强, registered as 刘奶奶's son, cried for help about a neighbour ("隔壁老王这几天老说胸口闷", "楼上的王阿姨摔倒了"):
it opened an emergency about 刘奶奶 — staff read that his mother was in danger, her address and phone as the place
to go. Now such a cry still reaches staff at once (a cry is never dropped), as an urgent call about someone else:
his words, who sent them (刘强, 刘奶奶's son, and his phone to call back), no call about 刘奶奶 and none of her details
as the person in danger. He is told staff were told, and 120."""
import pytest
from conftest import signed_up

from bot.residents import full_address

WORDS = ["隔壁老王这几天老说胸口闷", "楼上的王阿姨摔倒了"]


@pytest.mark.parametrize("words", WORDS)
async def test_a_sons_cry_about_a_neighbour_reaches_staff_as_about_someone_else(people, app, words):
    store, li = app.svc.store, people("李社工")
    liuqiang = await signed_up(people("刘强"), "13911110003")
    mother = await store.resident(next(p["rid"] for p in await store.contact_links_by_phone("13911110003")))
    await liuqiang.send(words)
    for n in await store.open_incident_ids():
        assert (await store.incident(n))["resident"] != mother["id"]  # no call about 刘奶奶
    told = [t for t in li.texts() if words in t]
    assert len(told) == 1, li.texts()
    alert = told[0]
    assert "刘强" in alert and "儿子" in alert and "13911110003" in alert
    assert full_address(app.settings.community.address_prefix, mother) not in alert
    assert mother.get("phone", "-") not in alert
    assert "报告别人出事" in alert and "刘奶奶的儿子" in alert  # a call about someone else, not his mother's
    said = liuqiang.last().text
    assert "120" in said and "社工" in said and "刘奶奶" not in said


async def test_his_cry_about_his_mother_is_still_her_emergency(people, app):
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("我妈摔倒了起不来")
    assert await app.svc.store.open_incident_ids() == [1]
    assert "刘奶奶" in people("李社工").last("紧急求助 #1").text
