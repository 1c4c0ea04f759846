"""The register keeps full names (张桂芳, 张秀英); people call them "张阿姨", "老张", "隔壁的张阿婆", "5号楼的张阿姨". A
family contact's or a stranger's "3号楼的张阿姨摔倒了" became a call about "someone else" whenever the register had
her full name: staff lost her address, phone and son. Now the way people call her, with the building or door said
beside it, finds her: one resident → her own call (her address for staff, "📣 报告人"; the reporter never reads it);
several → one call, every one of them listed with an address, none guessed; words the register contradicts → she
is listed, not guessed. Staff typing "3号楼张阿姨说她头晕" get the one she is, each candidate with an address."""
import pytest
from conftest import signed_up

from bot.residents import full_address


async def _register(app) -> tuple[dict, dict]:
    """The sample's 张阿姨 written with her full name (3号602), and a 张秀英 in 5号401 of the same lane."""
    store = app.svc.store
    guifang = {**await store.resident(await store.resident_id_by_phone("13900000001")), "name": "张桂芳"}
    await store.save_resident(guifang)
    xiuying = {**guifang, "id": "r90", "name": "张秀英", "phone": "13900000090", "building": "5", "room": "401",
               "contacts": [], "tg_id": None}
    await store.save_resident(xiuying)
    return guifang, xiuying


def _address(app, person) -> str:
    return full_address(app.settings.community.address_prefix, person)


def _open_residents(store):
    async def get():
        return [(await store.incident(n))["resident"] for n in await store.open_incident_ids()]
    return get()


def _never_told(app, reporter, *people) -> None:
    for text in reporter.texts():
        for p in people:
            assert _address(app, p) not in text and p["phone"] not in text and p["room"] not in text


@pytest.mark.parametrize("words", ["3号楼的张阿姨摔倒了", "3号楼602的张阿婆晕倒了", "3号602张阿姨摔倒了起不来"])
async def test_a_sons_cry_naming_her_as_people_do_with_her_building_opens_her_own_call(people, app, words):
    store, li = app.svc.store, people("李社工")
    guifang, xiuying = await _register(app)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send(words)
    assert await _open_residents(store) == [guifang["id"]]
    packet = li.last("紧急求助 #1").text
    assert "张桂芳" in packet and _address(app, guifang) in packet and guifang["phone"] in packet
    assert "📣 报告人" in packet and "刘强" in packet and words in packet
    assert _address(app, xiuying) not in packet
    _never_told(app, liuqiang, guifang, xiuying)
    assert "120" in liuqiang.last().text


async def test_a_strangers_cry_naming_the_only_resident_of_that_surname_and_title_opens_her_call(people, app):
    store, li = app.svc.store, people("李社工")
    guifang = {**await store.resident(await store.resident_id_by_phone("13900000001")), "name": "张桂芳"}
    await store.save_resident(guifang)
    stranger = people("楼下小陈")
    await stranger.send("张阿姨晕倒了 快来人")
    assert await _open_residents(store) == [guifang["id"]]
    packet = li.last("紧急求助 #1").text
    assert _address(app, guifang) in packet and "楼下小陈" in packet and "未登记" in packet
    _never_told(app, stranger, guifang)


@pytest.mark.parametrize("sender", ["刘强", "楼下小陈"])
async def test_two_residents_called_alike_are_both_listed_with_addresses_on_one_call_neither_guessed(
        people, app, sender):
    store, li = app.svc.store, people("李社工")
    guifang, xiuying = await _register(app)
    reporter = await signed_up(people("刘强"), "13911110003") if sender == "刘强" else people(sender)
    await reporter.send("张阿姨摔倒了")
    assert await _open_residents(store) == [""]  # one call, nobody's on a guess
    packet = li.last("紧急求助 #1").text
    assert _address(app, guifang) in packet and _address(app, xiuying) in packet
    assert "张桂芳" in packet and "张秀英" in packet and "没有替您猜" in packet
    if sender == "楼下小陈":  # no phone to call him back on: staff phone the residents themselves
        assert "直接打" in packet and "回电报告人核实" not in packet
    _never_told(app, reporter, guifang, xiuying)


@pytest.mark.parametrize("words", ["5号楼的张阿姨摔倒了", "5号401张阿婆晕倒了", "老张摔倒了 5号楼401"])
async def test_the_building_or_door_said_picks_the_one_it_is(people, app, words):
    store = app.svc.store
    guifang, xiuying = await _register(app)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send(words)
    assert await _open_residents(store) == [xiuying["id"]]
    assert _address(app, xiuying) in people("李社工").last("紧急求助 #1").text


async def test_next_door_to_his_mother_picks_the_neighbour_in_her_building(people, app):
    store = app.svc.store
    guifang, _ = await _register(app)
    mother = await store.resident(await store.resident_id_by_phone("13900000003"))  # 天平路120弄2号101
    neighbour = {**mother, "id": "r91", "name": "张凤英", "phone": "13900000091", "room": "102", "contacts": [],
                 "tg_id": None}
    await store.save_resident(neighbour)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("隔壁的张阿婆摔倒了")
    assert await _open_residents(store) == [neighbour["id"]]


async def test_a_building_the_register_contradicts_lists_her_and_guesses_nothing(people, app):
    store, li = app.svc.store, people("李社工")
    guifang = {**await store.resident(await store.resident_id_by_phone("13900000001")), "name": "张桂芳"}
    await store.save_resident(guifang)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("9号楼的张阿姨摔倒了")
    assert await _open_residents(store) == [""]
    packet = li.last("紧急求助 #1").text
    assert _address(app, guifang) in packet and "没有替您猜" in packet


async def test_words_that_only_sound_like_a_name_name_nobody(people, app):
    store, li = app.svc.store, people("李社工")
    await _register(app)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("隔壁老太太摔倒了")
    assert await _open_residents(store) == [""]
    assert "没有替您猜" not in li.last("紧急求助 #1").text


async def test_staff_naming_her_with_her_building_are_offered_her_call_only(people, app):
    li = people("李社工")
    guifang, xiuying = await _register(app)
    await li.send("3号楼张阿姨说她头晕")
    offer = li.inbox[-1]
    datas = [d for _, d in offer.buttons]
    assert f"stf:raise:{guifang['id']}" in datas and f"stf:raise:{xiuying['id']}" not in datas
    assert await app.svc.store.incident(1) is None


async def test_staff_naming_two_alike_see_each_with_an_address_and_raise_neither_by_typing(people, app):
    li = people("李社工")
    guifang, xiuying = await _register(app)
    await li.send("张阿姨家里没人开门")
    offer = li.inbox[-1]
    datas = [d for _, d in offer.buttons]
    assert f"stf:raise:{guifang['id']}" in datas and f"stf:raise:{xiuying['id']}" in datas
    assert _address(app, guifang) in offer.text and _address(app, xiuying) in offer.text
    assert await app.svc.store.incident(1) is None


async def test_staff_asking_after_her_as_people_call_her_get_her_check_in_and_her_open_call(people, app):
    from conftest import enrolled

    store, li = app.svc.store, people("李社工")
    guifang = {**await store.resident(await store.resident_id_by_phone("13900000001")), "name": "张桂芳"}
    await store.save_resident(guifang)
    zhang, _ = await enrolled(people, app, name="张桂芳")
    await li.send("张阿姨今天签到了吗")
    assert "张桂芳" in li.inbox[-1].text and "最近7天" in li.inbox[-1].text
    await zhang.send("🆘")
    await li.send("3号楼张阿姨怎么样了")
    assert "#1" in li.inbox[-1].text and "张桂芳" in li.inbox[-1].text


async def test_staff_asking_after_two_alike_hear_of_each_none_picked(people, app):
    li = people("李社工")
    await _register(app)
    await li.send("张阿姨怎么样了")
    told = "\n".join(li.texts())
    assert "张桂芳" in told and "张秀英" in told and "没有未处理" in told


async def test_staff_naming_a_surname_many_share_see_four_and_are_told_how_to_say_which(people, app):
    store, li = app.svc.store, people("李社工")
    guifang, _ = await _register(app)
    for i in range(4):
        await store.save_resident({**guifang, "id": f"r{80 + i}", "name": f"张{'一二三四'[i]}妹", "phone": f"1390000008{i}",
                                   "building": str(10 + i), "contacts": [], "tg_id": None})
    await li.send("张阿姨家里没人开门")
    offer = li.inbox[-1]
    assert sum(d.startswith("stf:raise:") for _, d in offer.buttons) == 4
    assert "还有2位" in offer.text and "楼号" in offer.text
    assert await store.incident(1) is None


async def test_a_strangers_cry_in_a_group_naming_her_by_her_building_opens_her_call_the_group_reads_none_of_it(
        people, app):
    from bot.types import Inbound

    store, li = app.svc.store, people("李社工")
    guifang, xiuying = await _register(app)
    stranger = people("楼下小陈")
    await app.engine.handle(Inbound(user_id=stranger.id, chat_id=-100777, first_name=stranger.name, language="zh-hans",
                                    message_id=99, kind="text", text="5号楼的张阿婆晕倒了", is_group=True))
    assert await _open_residents(store) == [xiuying["id"]]
    assert _address(app, xiuying) in li.last("紧急求助 #1").text
    for s in app.svc.outbox.messenger.to(-100777):
        assert "建新路" not in s.text and xiuying["phone"] not in s.text


async def test_a_record_written_with_her_contacts_first_is_still_found_by_how_she_is_called(people, app):
    """(The register lookup reads a name without decoding the record only where the name comes first.)"""
    store = app.svc.store
    zhang = await store.resident(await store.resident_id_by_phone("13900000001"))
    odd = {"contacts": [{"name": "王小明", "relation": "儿子", "phone": "13911110095"}], "id": "r95", "name": "陈凤英",
           **{k: zhang[k] for k in ("road", "lane")}, "building": "8", "room": "801", "phone": "13900000095"}
    await store.save_resident(odd)
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("8号楼的陈阿姨摔倒了")
    assert await _open_residents(store) == ["r95"]


async def test_a_workers_title_alone_lists_the_only_resident_of_that_surname_never_opens_his_call(people, app):
    """"王师傅" is as often the plumber or the property's man as a neighbour: 王老伯 is listed, not guessed."""
    store, li = app.svc.store, people("李社工")
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send("王师傅摔倒了 起不来")
    wang = await store.resident(await store.resident_id_by_phone("13900000002"))
    assert await _open_residents(store) == [""]
    packet = li.last("紧急求助 #1").text
    assert _address(app, wang) in packet and "没有替您猜" in packet


@pytest.mark.parametrize("words", ["张阿姨在地铁2号线晕倒了", "2号那天张阿姨摔了 今天又摔倒了起不来"])
async def test_a_metro_line_or_a_date_is_no_building(people, app, words):
    store = app.svc.store
    guifang, xiuying = await _register(app)
    await store.save_resident({**xiuying, "building": "2"})
    liuqiang = await signed_up(people("刘强"), "13911110003")
    await liuqiang.send(words)
    assert await _open_residents(store) == [""]  # both listed: 2号 is no building here
    packet = people("李社工").last("紧急求助 #1").text
    assert "张桂芳" in packet and "张秀英" in packet
