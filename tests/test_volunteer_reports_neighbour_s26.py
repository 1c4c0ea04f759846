"""A volunteer or a 楼组长 who is not signed up tells of an old neighbour nobody has seen (session 26):
"我是志愿者 隔壁张阿姨家好像没人", "我是楼组长 302的老人好几天没见了" reached staff as a paced question labelled
"想登记或找居委会" (or "说是物业或服务人员"), as if she wanted to register, while "隔壁老太太好几天没出门了" raises a call.
An old person maybe fallen behind her door is what the committee must go and look at: now it is a call of its own (or
the named resident's), and the one writing reads that staff will go and look, what to do if she hears a cry, and the
committee's phone — never the resident's address or phone."""
import pytest

UNSEEN = ["我是志愿者 隔壁张阿姨家好像没人", "我是楼组长 302的老人好几天没见了", "我是志愿者 302的老人好几天没见了",
          "我是楼组长，楼上李老伯家里好像没人，敲门也没声音", "我是网格员 5号楼那个独居老人好几天没看到了",
          "我是志愿者 刚才去李老伯家送饭 敲门没人应", "送饭的时候敲门没人应"]


@pytest.mark.parametrize("words", UNSEEN)
async def test_a_volunteers_word_of_a_neighbour_not_seen_is_a_call(people, app, words):
    someone, li = people("路人甲"), people("李社工")
    await someone.send(words)
    staff = "\n".join(li.texts())
    assert "紧急求助 #1" in staff and words in staff, li.texts()
    assert "想登记" not in staff and "物业或服务人员" not in staff, li.texts()
    said = "\n".join(someone.texts())
    assert "去看" in said and "021-64370000" in said, said
    assert "想登记的话" not in said and "认一认您" not in said, said


async def test_her_word_of_a_named_resident_gives_staff_her_address_and_the_volunteer_none(people, app):
    store, li, someone = app.svc.store, people("李社工"), people("路人甲")
    zhang = await store.resident(await store.resident_id_by_phone("13900000001"))
    await someone.send("我是志愿者 3号楼张阿姨家好像没人")
    assert [(await store.incident(n))["resident"] for n in await store.open_incident_ids()] == [zhang["id"]]
    assert "602" in li.last("紧急求助 #1").text
    said = "\n".join(someone.texts())
    assert "602" not in said and zhang["phone"] not in said and "021-64370000" in said, said


@pytest.mark.parametrize("words", ["我是志愿者 想帮忙", "我是楼组长 想问问怎么登记", "我是志愿者，今天给张阿姨送饭了，她挺好的"])
async def test_guard_a_volunteer_with_nobody_unseen_raises_no_call(people, app, words):
    someone, li = people("路人甲"), people("李社工")
    await someone.send(words)
    assert not any("紧急求助" in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["我是志愿者 隔壁王老伯最近腿脚不好 一个人住", "我是义工，5号楼有个老人一个人住，没人照顾"])
async def test_a_volunteers_word_of_someone_is_not_read_as_a_wish_to_register(people, app, words):
    someone, li = people("路人甲"), people("李社工")
    await someone.send(words)
    got = [t for t in li.texts() if words in t]
    assert got and "说起别人的情况" in got[0] and "想登记" not in got[0], li.texts()


async def test_guard_a_volunteers_offer_to_keep_old_people_company_is_still_her_wish(people, app):
    someone, li = people("路人甲"), people("李社工")
    await someone.send("我是志愿者 想陪陪老人")
    assert any("想登记或找居委会" in t for t in li.texts()), li.texts()


async def test_a_meal_volunteer_whom_a_resident_does_not_answer_opens_his_call(people, app):
    """"我是志愿者 刚才去王老伯家送饭 敲门没人应" went as a paced question: the knock was read as hers (his name only as
    a place, "王老伯家"). Now his call: staff see his address; she reads none of it."""
    store, li, someone = app.svc.store, people("李社工"), people("路人甲")
    wang = await store.resident(await store.resident_id_by_phone("13900000002"))
    await someone.send("我是志愿者 刚才去王老伯家送饭 敲门没人应")
    assert [(await store.incident(n))["resident"] for n in await store.open_incident_ids()] == [wang["id"]]
    said = "\n".join(someone.texts())
    assert "去看" in said and "302" not in said and wang["phone"] not in said, said


@pytest.mark.parametrize("words", ["I'm a volunteer, the old lady next door hasn't answered her door for two days",
                                   "I'm from the property management, the old man in 302 hasn't been seen for days"])
async def test_in_english_too(people, app, words):
    """"the old lady next door", "the old man in 302" were not read as someone else (only "my neighbour", "he", "she"
    were): the welfare words were taken for the writer's own, and it went as a paced question. Now a call."""
    someone, li = people("路人甲"), people("李社工")
    await someone.send(words)
    staff = "\n".join(li.texts())
    assert "紧急求助 #1" in staff and words in staff, li.texts()
    said = "\n".join(someone.texts())
    assert ("去看" in said or "go and check" in said) and "021-64370000" in said, said
