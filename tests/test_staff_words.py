"""A staff member on her phone types instead of pressing: "我来", "已经到了", "处理好了", "谁在值班" got only "请用下面的按钮".
Now her words about an alert she can act on bring that alert's buttons, named (#n, resident), never acting by
themselves; her questions get what /open, /duty and /incident N show; residents asking the same get none of it."""
import pytest
from conftest import signed_up


async def sos(people, name="王老伯", phone="13900000002"):
    resident = await signed_up(people(name), phone)
    await resident.send("🆘")
    return resident


def datas(seen) -> list[str]:
    return [d for _, d in seen.buttons]


@pytest.mark.parametrize("words", ["收到", "我来", "我去", "我马上去", "1号我来处理", "#1 我去看看"])
async def test_her_words_to_take_it_bring_the_claim_button_and_claim_nothing_by_themselves(people, app, words):
    wang = await sos(people)
    li = people("李社工")
    await li.send(words)
    answer = li.last()
    assert "#1" in answer.text and "王老伯" in answer.text and "请用下面的按钮" not in answer.text
    assert "inc:claim:1" in datas(answer)
    assert (await app.svc.store.incident(1))["status"] == "open"
    assert not any("已经接手" in t for t in wang.texts())
    await li.click(answer, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    assert any("李社工 已经接手" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["已经到了", "我到5号楼了"])  # 5号楼 is a building, not call #5
async def test_her_words_that_she_is_there_bring_the_arrived_button(people, app, words):
    await sos(people)
    li = people("李社工")
    await li.press_data(li.last("紧急求助 #1").message_id, "inc:claim:1")
    await li.send(words)
    answer = li.last()
    assert "#1" in answer.text and "王老伯" in answer.text and "inc:arrive:1" in datas(answer)
    assert (await app.svc.store.incident(1))["status"] == "claimed"


@pytest.mark.parametrize("words", ["处理好了", "1号解决了", "是误报"])
async def test_her_words_that_it_is_done_bring_the_outcome_buttons(people, app, words):
    await sos(people)
    li = people("李社工")
    await li.send(words)
    answer = li.last()
    assert "#1" in answer.text and "王老伯" in answer.text
    assert {"out:1:hospital", "out:1:handled", "out:1:false_alarm", "out:1:other"} <= set(datas(answer))
    assert (await app.svc.store.incident(1))["status"] == "open"
    await li.click(answer, "误报")
    assert (await app.svc.store.incident(1))["outcome"] == "false_alarm"


async def test_with_two_calls_open_she_is_offered_each(people, app):
    await sos(people)
    await sos(people, "张阿姨", "13900000001")
    li = people("李社工")
    await li.send("我来")
    answer = li.last()
    assert "王老伯" in answer.text and "张阿姨" in answer.text
    assert {"inc:claim:1", "inc:claim:2"} <= set(datas(answer))
    await li.send("2号我来")
    assert datas(li.last()) == ["inc:claim:2"]


async def test_with_nothing_she_can_act_on_she_is_told_so_and_shown_what_is_open(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("我来")
    assert "您能接手" in li.last().text and "没有待处理" in li.last().text
    await sos(people)
    await wa.press_data(0, "inc:claim:1")  # 王社工 took it from the digest: not hers to take
    await li.send("1号我来处理")
    told = li.last().text
    assert "您能接手" in told and "#1" in told and "王社工" in told and datas(li.last()) == []
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"


async def test_her_own_call_is_not_offered_to_her(people, app):
    li = people("李社工")
    await li.send("救命 我在5号楼楼梯摔倒了")
    await li.send("我来")
    assert "inc:claim:1" not in datas(li.last()) and "您能接手" in li.last().text


@pytest.mark.parametrize("words, shows", [("有哪些没处理的", "待处理 1 件"), ("谁在值班", "现在值班：李社工"),
                                          ("王老伯怎么样了", "#1 🆘紧急 王老伯")])
async def test_her_questions_get_what_the_staff_commands_show(people, app, words, shows):
    await sos(people)
    li = people("李社工")
    await li.send(words)
    assert shows in li.last().text


async def test_asking_after_a_resident_with_no_open_call_says_so(people, app):
    li = people("李社工")
    await li.send("张阿姨怎么样了")
    assert "张阿姨" in li.last().text and "没有未处理" in li.last().text


@pytest.mark.parametrize("words", ["有哪些没处理的", "王老伯怎么样了", "谁在值班"])
async def test_a_resident_asking_the_same_gets_nothing_of_staffs(people, app, words):
    await sos(people)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send(words)
    seen = "\n".join(zhang.texts())
    assert "#1" not in seen and "王老伯" not in seen and "待处理" not in seen
    # who is on duty she may read by name (session 26: test_who_is_on_duty_s26.py), never a staff phone nor the calls
    assert ("李社工" not in seen or words == "谁在值班") and "13800000001" not in seen


@pytest.mark.parametrize("words", ["今天天气不错", "下午三点开会", "辛苦了"])
async def test_other_words_keep_the_menu_hint(people, app, words):
    await sos(people)
    li = people("李社工")
    await li.send(words)
    assert "请用下面的按钮" in li.last().text


async def test_her_cry_that_says_come_still_reaches_her_colleagues(people, app):
    await sos(people)
    li, wa = people("李社工"), people("王社工")
    await li.send("救命 快来 我摔倒了")
    assert "同事求助" in wa.last("同事求助").text and "120" in li.last().text


async def test_for_a_voice_nobody_has_heard_yet_she_is_offered_what_its_alert_offers(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send_kind("voice")
    li = people("李社工")
    await li.send("收到 我来")
    assert datas(li.last()) == ["inc:urgent:1", "inc:heard:1"] and "王老伯" in li.last().text
    assert (await app.svc.store.incident(1))["status"] == "open"
