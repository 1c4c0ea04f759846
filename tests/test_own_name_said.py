"""A resident who says her own name is speaking of herself: "我是王老伯，我摔倒了", "张阿姨帮我看看…" typed by 张阿姨
(or by 张美华, whom people call 张阿姨) is her own call, never "可能是别人". But her surname said is not always her:
张美华 typing "隔壁张阿姨摔倒了" means 张桂芳 next door, and "我是王老伯，楼下李阿姨摔倒了" is about 李阿姨 — those were
taken as the sender's own fall (no "可能是别人" on the alert), and staff would go to the wrong door."""
import pytest
from conftest import signed_up

MAYBE_ELSE = "可能是别人"


async def registered(app, phone: str, name: str) -> dict:
    store = app.svc.store
    person = await store.resident(await store.resident_id_by_phone(phone))
    person = {**person, "name": name}
    await store.save_resident(person)
    return person


async def next_door(app, of: dict, name: str) -> dict:
    """A resident in her building, the next room along."""
    person = {**of, "id": "r91", "name": name, "phone": "13900000091", "room": str(int(of["room"]) - 1),
              "contacts": [], "tg_id": None, "doctor": None}
    await app.svc.store.save_resident(person)
    return person


def first_alert(app, staff) -> str:
    return next(m.text for m in app.svc.outbox.messenger.log if m.chat_id == staff.id)  # as sent, before edits


@pytest.mark.parametrize("name,phone,words", [
    ("王老伯", "13900000002", "我是王老伯，我摔倒了"),
    ("王建国", "13900000002", "我是王老伯，我摔倒了"),
    ("王建国", "13900000002", "王老伯摔倒了 快来"),
    ("王建国", "13900000002", "王建国摔倒了，起不来"),
    ("张美华", "13900000001", "我是3号楼602的张阿姨 我摔倒了"),
    ("张美华", "13900000001", "张阿姨摔跤了 快来人"),
])
async def test_her_own_name_in_her_cry_is_her_own_call(people, app, name, phone, words):
    await registered(app, phone, name)
    resident, li = await signed_up(people(name), phone), people("李社工")
    await resident.send(words)
    alert = first_alert(app, li)
    assert alert.startswith("🆘🆘 紧急求助 #1") and name in alert
    assert MAYBE_ELSE not in alert


@pytest.mark.parametrize("name,words", [("张阿姨", "张阿姨帮我看看，家里水管漏水了"),
                                        ("张美华", "张阿姨帮我看看，家里水管漏水了"),
                                        ("张美华", "我是张阿姨，帮我叫个人来修水管")])
async def test_her_own_name_in_her_request_is_her_own_request(people, app, name, words):
    await registered(app, "13900000001", name)
    resident, li = await signed_up(people(name), "13900000001"), people("李社工")
    await resident.send(words)
    request = li.last("求助 #1").text
    assert "修水管" in request or "水管漏水" in request
    assert MAYBE_ELSE not in request


async def test_her_surname_with_next_door_is_the_neighbour_not_herself(people, app):
    meihua = await registered(app, "13900000001", "张美华")
    guifang = await next_door(app, meihua, "张桂芳")
    zhang, li = await signed_up(people("张美华"), "13900000001"), people("李社工")
    await zhang.send("隔壁张阿姨摔倒了 快来")
    assert MAYBE_ELSE in first_alert(app, li)
    line = li.last("张桂芳").text  # the neighbour the words mean, with her door and phone, for staff
    assert guifang["phone"] in line
    assert all("张桂芳" not in t and guifang["phone"] not in t for t in zhang.texts())


@pytest.mark.parametrize("name,phone,words", [
    ("王老伯", "13900000002", "我是王老伯，楼下李阿姨摔倒了"),
    ("张阿姨", "13900000001", "我是3号楼602的张阿姨，楼上王老伯摔倒了 快来"),
])
async def test_saying_who_she_is_then_someone_else_s_fall_is_flagged(people, app, name, phone, words):
    resident, li = await signed_up(people(name), phone), people("李社工")
    await resident.send(words)
    assert MAYBE_ELSE in first_alert(app, li)


async def test_after_she_says_who_she_is_staff_are_told_whom_her_words_may_mean(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("我是3号楼602的张阿姨，楼上王老伯摔倒了 快来")
    line = li.last("13900000002").text  # 王老伯 on the register, with his phone: not her own door read back to them
    assert "王老伯" in line and "#1" in line
    assert all("13900000002" not in t for t in zhang.texts())


@pytest.mark.parametrize("words", ["我看到楼下李阿姨摔倒了 快来", "我听到隔壁老太太在喊救命", "我发现对门王阿婆倒在门口"])
async def test_what_she_saw_happen_to_a_neighbour_is_flagged(people, app, words):
    """("我看到…" is about what she saw, not about herself)"""
    wang, li = await signed_up(people("王老伯"), "13900000002"), people("李社工")
    await wang.send(words)
    assert MAYBE_ELSE in first_alert(app, li)


@pytest.mark.parametrize("words", ["我看到地上都是血，我摔倒了", "我发现我站不起来了"])
async def test_what_she_saw_of_herself_is_her_own(people, app, words):
    wang, li = await signed_up(people("王老伯"), "13900000002"), people("李社工")
    await wang.send(words)
    assert MAYBE_ELSE not in first_alert(app, li)


async def test_calling_for_the_young_worker_of_his_surname_is_his_own_call(people, app):
    """("小王快来" from 王老伯: he calls for 小王, as before; not someone else in danger)"""
    wang, li = await signed_up(people("王老伯"), "13900000002"), people("李社工")
    await wang.send("小王快来 救命")
    assert MAYBE_ELSE not in first_alert(app, li)
