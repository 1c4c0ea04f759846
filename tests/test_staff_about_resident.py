"""A staff member typing about a resident ("王老伯摔倒了，现在怎么样了", "张阿姨家里没人开门") set off her OWN colleague
call: every colleague and the head alerted that she needed help, about nobody. Now words about a resident never
alarm about her: she is shown that resident's open call with its buttons, or offered one tap to raise a call for the
registered resident she named; an own cry ("我摔倒了 起不来") is still her colleague call, and the one tap
[🆘 是我自己需要帮助] is there in case the words were read wrongly."""
import pytest
from conftest import signed_up


def datas(seen) -> list[str]:
    return [d for _, d in seen.buttons]


def colleague_alerts(person) -> list[str]:
    return [t for t in person.texts() if "同事求助" in t]


async def test_asking_after_a_fallen_resident_with_an_open_call_shows_his_call_and_alarms_nobody_about_her(
        people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘")
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("王老伯摔倒了，现在怎么样了")
    assert await app.svc.store.incident(2) is None
    assert colleague_alerts(wa) == [] and colleague_alerts(chen) == []
    answer = li.last("王老伯")
    assert "#1" in answer.text and "inc:claim:1" in datas(answer) and "stf:own" in datas(answer)
    await li.click(answer, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"


@pytest.mark.parametrize("words, name", [("张阿姨家里没人开门", "张阿姨"), ("3号楼张阿姨说她头晕", "张阿姨"),
                                         ("王老伯晕倒了 快叫救护车", "王老伯")])
async def test_reporting_a_registered_resident_with_no_call_offers_to_raise_one_for_them(people, app, words, name):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send(words)
    assert await app.svc.store.incident(1) is None  # nothing raised by typing alone
    assert colleague_alerts(wa) == [] and colleague_alerts(chen) == []
    offer = li.inbox[-1]
    assert name in offer.text
    rid = await app.svc.store.resident_id_by_phone("13900000001" if name == "张阿姨" else "13900000002")
    assert f"stf:raise:{rid}" in datas(offer) and "stf:own" in datas(offer)
    await li.click(offer, name)
    inc = await app.svc.store.incident(1)
    assert inc["resident"] == rid and inc["kind"] == "emergency" and not inc.get("staff_caller")
    packet = li.last("#1")  # 李社工 is on duty: the packet (address, family, doctor) comes to her, as to anyone
    assert name in packet.text and words in packet.text and "社工报告：李社工" in packet.text
    assert "inc:claim:1" in datas(packet)
    assert "#1" in li.last("已为").text


async def test_her_tap_to_raise_after_the_resident_called_himself_joins_his_call_never_a_second(people, app):
    li = people("李社工")
    await li.send("张阿姨家里没人开门")
    offer = li.inbox[-1]
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("我有点不舒服")  # a request of hers, opened meanwhile
    await li.click(offer, "张阿姨")
    assert await app.svc.store.incident(2) is None
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "emergency"  # raised: a staff member at her door with no answer
    told = li.last("已升级为紧急")  # she reads that her tap raised it (was: "已经开着", as if nothing changed)
    assert "#1" in told.text and "inc:claim:1" in datas(told)


async def test_a_resident_not_on_the_register_gets_her_the_way_to_act_and_alarms_nobody(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("3号楼李阿姨说她头晕")
    assert await app.svc.store.incident(1) is None and colleague_alerts(wa) == []
    told = li.inbox[-1]
    assert "李阿姨" in told.text and "120" in told.text and "stf:own" in datas(told)


async def test_her_tap_that_it_is_her_own_need_after_all_is_her_colleague_call(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("张阿姨家里没人开门")
    await li.click(li.inbox[-1], "是我自己")
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "colleague" and inc["staff_caller"] == "li" and inc["words"] == "张阿姨家里没人开门"
    assert "张阿姨家里没人开门" in wa.last("同事求助").text


@pytest.mark.parametrize("words", ["我摔倒了 起不来", "救命 我被困电梯里了", "救命 我在张阿姨家摔倒了",
                                   "救命 王老伯的儿子要打我", "救命 有人闯进办公室", "救命 她们把我关在屋里了",
                                   "王老伯家有人跟踪我 救命", "我和王老伯都被困在电梯里了"])
async def test_her_own_cry_is_still_her_colleague_call(people, app, words):
    await signed_up(people("王老伯"), "13900000002")
    li, wa = people("李社工"), people("王社工")
    await li.send(words)
    inc = await app.svc.store.incident(1)
    assert inc and inc["kind"] == "colleague" and inc["staff_caller"] == "li"
    assert words in wa.last("同事求助").text


@pytest.mark.parametrize("words", ["叫了120", "已经叫救护车了", "救护车到了", "120马上到"])
async def test_her_news_that_an_ambulance_was_called_is_no_call_about_herself(people, app, words):
    """"叫了120" typed beside a call she holds set off "🆘🆘 同事求助" about her to every colleague and the head."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘")
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.send(words)
    assert await app.svc.store.incident(2) is None
    assert colleague_alerts(wa) == [] and colleague_alerts(chen) == []
    answer = li.inbox[-1]
    assert "#1" in answer.text and "inc:arrive:1" in datas(answer) and "stf:own" in datas(answer)


async def test_a_staff_member_whose_mother_is_registered_is_offered_her_mothers_call(people, app):
    """A staff member's own mother on the register: "我妈摔倒了" alarmed colleagues about the staff member."""
    from bot.residents.register import contacts_index

    store = app.svc.store
    rid = await store.resident_id_by_phone("13900000001")
    zhang = await store.resident(rid)
    zhang["contacts"] = [*zhang["contacts"], {"name": "李社工", "relation": "女儿", "phone": "13800000001"}]
    everyone = [zhang if p["id"] == rid else p for p in await store.residents()]
    await store.replace_residents([zhang], contacts_index(everyone))  # as the register's import does
    li, wa = people("李社工"), people("王社工")
    await li.send("救命 我妈摔倒了")
    assert await app.svc.store.incident(1) is None and colleague_alerts(wa) == []
    offer = li.inbox[-1]
    assert "张阿姨" in offer.text and f"stf:raise:{rid}" in datas(offer)
    await li.click(offer, "张阿姨")
    assert (await app.svc.store.incident(1))["resident"] == rid


async def test_her_mother_not_on_the_register_gets_120_and_her_own_tap(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("救命 我妈摔倒了")
    assert await app.svc.store.incident(1) is None and colleague_alerts(wa) == []
    told = li.inbox[-1]
    assert "120" in told.text and "stf:own" in datas(told)


async def test_what_she_says_of_a_resident_whose_call_a_colleague_holds_reaches_that_colleague(people, app):
    """"张阿姨家里没人开门" typed while 王社工 held 张阿姨's call reached nobody: the answer said who held it, and
    王社工 never heard it."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘")
    li, wa = people("李社工"), people("王社工")
    await wa.press_data(0, "inc:claim:1")
    await li.send("张阿姨家里没人开门")
    heard = wa.last("张阿姨家里没人开门")
    assert "#1" in heard.text and "李社工" in heard.text
    assert "王社工" in li.inbox[-1].text and "转告" in li.inbox[-1].text
    assert any(e.get("words") == "张阿姨家里没人开门" and e.get("by") == "李社工"
               for e in await app.svc.store.timeline(1))


async def test_a_staff_member_off_duty_who_raises_a_call_can_take_it_in_the_same_tap_row(people, app):
    """王社工, off duty, raised 张阿姨's call from her door: the packet went to the one on duty, and he had no button
    to take it himself."""
    wa, li = people("王社工"), people("李社工")
    await wa.send("张阿姨家里没人开门")
    await wa.click(wa.inbox[-1], "张阿姨")
    assert "紧急求助 #1" in li.last("紧急求助 #1").text  # on duty: alerted as ever
    raised = wa.last("已为")
    assert "inc:claim:1" in datas(raised)
    await wa.click(raised, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"
