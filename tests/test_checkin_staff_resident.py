"""A social worker of 65 living alone is on the register too, enrolled in the daily check-in. Her role is staff, so
her presses of [😊 我很好] were "按钮已过期" and her typed "我很好" the staff menu hint: her check-in went missed and
escalated every day, to her colleagues and her family. Now she answers it as any resident does, and stays staff for
everything else."""
import pytest
from conftest import TUESDAY_9, at


async def _wang_on_the_register(people, app):
    """王社工 (not on duty on a Tuesday morning) in the register with her own Telegram, enrolled."""
    store = app.svc.store
    rid = await store.resident_id_by_phone("13900000003")
    person = await store.resident(rid)
    person.update(name="王红", phone="13800000002", tg_id=1002)
    await store.save_resident(person)
    await app.svc.checkins.enrol(rid)
    return people("王社工"), rid, people("李社工")


async def test_her_press_of_fine_answers_her_check_in(people, app, clock):
    wang, rid, li = await _wang_on_the_register(people, app)
    await at(app, clock, TUESDAY_9)
    await wang.click(wang.last("身体好吗"), "我很好")
    assert "放心" in wang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    await at(app, clock, TUESDAY_9.replace(minute=30))
    await at(app, clock, TUESDAY_9.replace(hour=10))
    assert not any("签到无回复" in t for t in li.texts())
    assert not any("还没收到" in t for t in wang.texts())


@pytest.mark.parametrize("words", ["我很好", "我很好 谢谢", "挺好的"])
async def test_her_typed_fine_answers_her_check_in(people, app, clock, words):
    wang, rid, li = await _wang_on_the_register(people, app)
    await at(app, clock, TUESDAY_9)
    await wang.send(words)
    assert "放心" in wang.last().text
    assert (await app.svc.checkins.state(rid)).answer == "ok"
    await at(app, clock, TUESDAY_9.replace(hour=10))
    assert not any("签到无回复" in t for t in li.texts())


async def test_her_press_of_help_is_her_own_call_to_colleagues(people, app, clock):
    wang, rid, li = await _wang_on_the_register(people, app)
    await at(app, clock, TUESDAY_9)
    await wang.click(wang.last("身体好吗"), "需要帮助")
    assert "同事求助 #1" in li.last("#1").text
    assert not any("#1" in t and "我来处理" in t for t in wang.texts())


async def test_her_staff_words_still_work_while_her_check_in_waits(people, app, clock):
    wang, rid, li = await _wang_on_the_register(people, app)
    await at(app, clock, TUESDAY_9)
    await wang.send("谁在值班")
    assert "李社工" in wang.last().text and "放心" not in wang.last().text
    assert (await app.svc.checkins.state(rid)).answered_at  # she wrote: alive


async def test_her_press_of_unwell_reaches_the_staff_on_duty_as_a_residents_would(people, app, clock):
    wang, rid, li = await _wang_on_the_register(people, app)
    await at(app, clock, TUESDAY_9)
    await wang.click(wang.last("身体好吗"), "不太舒服")
    assert "王红" in li.last("求助 #1").text
    assert (await app.svc.checkins.state(rid)).answer == "unwell"
    assert "过期" not in wang.last().text
