"""The social worker on duty says she cannot do it today ("我今天请假", "我发烧了，今天值不了班"): she was shown the duty
view — herself on duty, a [🙋 我来值班] only she could see — and nobody else was asked, so every call for help still
went to her phone first (probe, session 16). Now the other staff and the head are asked, one tap to take it over;
whoever takes it is on duty at once, and she is told who. Taking the duty over from /duty tells the one it is taken
from too: her alerts stop, and she should know."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我今天请假", "我发烧了，今天值不了班", "今天我有事，谁帮我顶一下班"])
async def test_the_one_on_duty_who_cannot_do_it_gets_a_colleague_asked(people, app, words):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send(words)
    asked = wa.last("谁来接班")
    assert "李社工" in asked.text and words in asked.text and any("我来值班" in b[0] for b in asked.buttons)
    assert "谁来接班" in chen.last("谁来接班").text
    assert "已经请同事接班" in li.last().text


async def test_a_colleague_who_takes_it_is_on_duty_and_she_is_told(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    assert "王社工" in li.last("接班了").text
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助" in t for t in li.texts())


async def test_taking_the_duty_from_the_duty_view_tells_the_one_it_was_taken_from(people, app):
    li, wa = people("李社工"), people("王社工")
    await wa.send("🕒 值班")
    await wa.click(wa.last("现在值班"), "我来值班")
    assert "王社工" in li.last("接班了").text


async def test_someone_not_on_duty_resting_tomorrow_asks_nobody(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await wa.send("明天我休息")
    assert not any("谁来接班" in t for t in li.texts() + chen.texts())
    assert "现在值班" in wa.last().text


async def test_once_a_colleague_takes_it_the_others_read_who_did_and_a_late_tap_changes_nothing(people, app):
    """王社工 takes it: 陈书记's ask is edited to say so, no button left. Her old button (a phone that had not caught
    up yet) pressed later says 王社工 has it — it takes nothing from him, and nobody hears "陈书记接班了"."""
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("我今天请假")
    asked, stale = chen.last("谁来接班"), chen.last("谁来接班").data("我来值班")
    await wa.click(wa.last("谁来接班"), "我来值班")
    assert "王社工" in asked.text and "接班" in asked.text and "谁来接班" not in asked.text
    assert not asked.buttons
    await chen.press_data(asked.message_id, stale)
    assert "王社工已经接" in chen.last().text
    assert not any("陈书记接班了" in t for t in li.texts() + wa.texts())
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in chen.texts())


async def test_a_duty_taken_from_the_duty_view_closes_the_ask_too(people, app):
    """李社工 asked; 陈书记 takes the duty from /duty instead: 王社工's ask says 陈书记 has it, and his tap on it
    later takes nothing."""
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("我今天请假")
    asked, stale = wa.last("谁来接班"), wa.last("谁来接班").data("我来值班")
    await chen.send("🕒 值班")
    await chen.click(chen.last("现在值班"), "我来值班")
    assert "陈书记" in asked.text and not asked.buttons
    await wa.press_data(asked.message_id, stale)
    assert "陈书记已经接" in wa.last().text
    assert not any("王社工接班了" in t for t in li.texts() + chen.texts())
