"""刘强 (刘奶奶's son) cries that 张阿姨 — on the register, 3号楼 602 — has fallen ("3号楼的张阿姨摔倒了"). It reached
staff as about "someone else": no registered address or phone for her, no escalation to her son 张明, and her own
open call (if she had pressed 🆘) not told. Now it opens her call (or joins the one open), marked as reported by 刘强
(刘奶奶's son) with his phone; it escalates as hers does. He is told staff were told and 120 — never her address or
phone. Two residents named alike: staff get his words with both, and neither call is opened on a guess."""
import pytest
from conftest import signed_up

from bot.residents import full_address

WORDS = ["3号楼的张阿姨摔倒了", "张阿姨家里好像出事了"]


async def _zhang(app):
    store = app.svc.store
    return await store.resident(await store.resident_id_by_phone("13900000001"))


def _never_told_her_details(app, reporter, zhang) -> None:
    for text in reporter.texts():
        assert full_address(app.settings.community.address_prefix, zhang) not in text
        assert "602" not in text and zhang["phone"] not in text


@pytest.mark.parametrize("words", WORDS)
async def test_his_cry_about_a_registered_neighbour_opens_her_call(people, app, words):
    store, li = app.svc.store, people("李社工")
    liuqiang, zhang = await signed_up(people("刘强"), "13911110003"), await _zhang(app)
    await liuqiang.send(words)
    assert [(await store.incident(n))["resident"] for n in await store.open_incident_ids()] == [zhang["id"]]
    packet = li.last("紧急求助 #1").text
    assert "张阿姨" in packet and full_address(app.settings.community.address_prefix, zhang) in packet
    assert "刘强" in packet and "刘奶奶的儿子" in packet and "13911110003" in packet and words in packet
    said = liuqiang.last().text
    assert "120" in said and app.settings.community.committee_phone in said
    _never_told_her_details(app, liuqiang, zhang)


async def test_his_cry_joins_her_open_call_and_it_escalates_to_her_son(people, app, clock):
    store, li = app.svc.store, people("李社工")
    zhang_person = await signed_up(people("张阿姨"), "13900000001")
    await zhang_person.send("🆘 紧急求助")
    zhangming = await signed_up(people("张明"), "13911110001")
    liuqiang, zhang = await signed_up(people("刘强"), "13911110003"), await _zhang(app)
    await liuqiang.send("3号楼的张阿姨摔倒了")
    assert await store.open_incident_ids() == [1]
    assert any("3号楼的张阿姨摔倒了" in t and "刘强" in t for t in li.texts()), li.texts()
    _never_told_her_details(app, liuqiang, zhang)
    for _ in range(9):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert any("#1" in t for t in zhangming.texts())  # her son, as her own call's escalation reaches him


async def test_two_residents_named_alike_are_both_shown_to_staff_and_neither_is_guessed(people, app):
    store, li = app.svc.store, people("李社工")
    zhang = await _zhang(app)
    other = {**zhang, "id": "r99", "phone": "13900000099", "building": "9", "room": "901", "contacts": [], "tg_id": None}
    await store.save_resident(other)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("张阿姨摔倒了")
    opened = [await store.incident(n) for n in await store.open_incident_ids()]
    assert [inc["resident"] for inc in opened] == [""]  # nobody's call opened on a guess
    packet = li.last("紧急求助 #").text
    prefix = app.settings.community.address_prefix
    assert full_address(prefix, zhang) in packet and full_address(prefix, other) in packet
    assert "张阿姨摔倒了" in packet and "13911110003" in packet
    _never_told_her_details(app, liuqiang, zhang)
    _never_told_her_details(app, liuqiang, other)


async def test_a_photo_of_her_with_the_cry_reaches_the_staff_on_her_call(people, app):
    li = people("李社工")
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send_kind("photo", caption="张阿姨摔倒了 你们快来")
    assert [(await app.svc.store.incident(n))["resident"] for n in await app.svc.store.open_incident_ids()] == [
        (await _zhang(app))["id"]]
    assert any(s.forwarded for s in li.inbox)


async def test_his_repeats_within_the_minute_join_her_call_without_flooding_staff(people, app, clock):
    store, li = app.svc.store, people("李社工")
    liuqiang = await signed_up(people("刘强"), "13911110003")
    for _ in range(5):
        await liuqiang.send("3号楼的张阿姨摔倒了")
        clock.advance(seconds=5)
    assert await store.open_incident_ids() == [1]
    assert sum("3号楼的张阿姨摔倒了" in t for t in li.texts()) <= 2, li.texts()
    said = [e for e in await store.timeline(1) if "张阿姨摔倒了" in (e.get("words") or "")]
    assert len(said) >= 4  # each on her call's record


async def test_what_he_says_next_reaches_the_staff_on_her_call_not_a_call_about_his_mother(people, app, clock):
    store, li = app.svc.store, people("李社工")
    liuqiang, zhang = await signed_up(people("刘强"), "13911110003"), await _zhang(app)
    await liuqiang.send("3号楼的张阿姨摔倒了")
    for words in ["她在卫生间", "她起不来了 头上有血"]:
        clock.advance(minutes=2)
        await liuqiang.send(words)
        assert any(words in t and "#1" in t for t in li.texts()), li.texts()
    assert await store.open_incident_ids() == [1]  # nothing about 刘奶奶
    _never_told_her_details(app, liuqiang, zhang)


async def test_a_cry_about_another_neighbour_after_hers_is_not_put_on_her_call(people, app, clock):
    store = app.svc.store
    liuqiang, zhang = await signed_up(people("刘强"), "13911110003"), await _zhang(app)
    await liuqiang.send("3号楼的张阿姨摔倒了")
    clock.advance(minutes=1)
    await liuqiang.send("隔壁老太太也晕倒了")
    opened = [await store.incident(n) for n in await store.open_incident_ids()]
    assert [inc["resident"] for inc in opened] == [zhang["id"], ""]
    assert "隔壁老太太也晕倒了" in people("李社工").last("紧急求助 #2").text


async def test_words_naming_her_again_after_his_cry_still_reach_her_call(people, app, clock):
    liuqiang, li = await signed_up(people("刘强"), "13911110003"), people("李社工")
    await liuqiang.send("3号楼的张阿姨摔倒了")
    clock.advance(minutes=1)
    await liuqiang.send("张阿姨在卫生间")
    assert any("张阿姨在卫生间" in t and "#1" in t for t in li.texts()), li.texts()
