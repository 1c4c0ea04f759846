"""↩️ 交还值班 never hands the duty back to someone on leave. 李社工 (on the roster) said "我今天请假", 王社工 took it;
later 王社工 pressed ↩️ 交还值班 in 🕒 值班. Before, the duty went straight back to 李社工 — on leave — and the next 🆘
rang her phone alone, while 王社工 believed the duty was in good hands. Now 王社工 reads plainly that 李社工 is on leave
and the duty stays with her (with one tap to ask a colleague instead); no alert goes to the one on leave."""
from conftest import signed_up


async def _in_duty_view(person, label: str) -> None:
    """She opens 🕒 值班 and presses `label` there."""
    await person.send("🕒 值班")
    await person.click(person.last("现在值班"), label)


async def _li_on_leave_and_wang_covers(people):
    li, wa = people("李社工"), people("王社工")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    return li, wa


async def test_handing_back_a_duty_whose_rostered_one_is_on_leave_keeps_it_and_says_why(people, app):
    li, wa = await _li_on_leave_and_wang_covers(people)
    await _in_duty_view(wa, "交还值班")
    said = wa.inbox[-1]
    assert "李社工" in said.text and "请假" in said.text, said.text
    assert "还在您这里" in said.text, said.text
    assert any("请同事接班" in label for label, _ in said.buttons)  # no dead end: one tap to ask a colleague

    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in li.texts())


async def test_the_one_who_keeps_the_duty_can_ask_a_colleague_in_one_tap(people, app):
    li, wa = await _li_on_leave_and_wang_covers(people)
    chen = people("陈书记")
    await _in_duty_view(wa, "交还值班")
    await wa.click(wa.inbox[-1], "请同事接班")
    ask = chen.last("谁来接班")
    assert "王社工" in ask.text
    assert not any("谁来接班" in t and "王社工" in t for t in li.texts())  # not asked of the one on leave
    await chen.click(ask, "我来值班")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "紧急求助 #1" in chen.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in li.texts() + wa.texts())


async def test_a_duty_taken_from_the_duty_view_goes_back_to_the_roster_when_nobody_is_on_leave(people, app):
    li, wa = people("李社工"), people("王社工")
    await _in_duty_view(wa, "我来值班")
    await _in_duty_view(wa, "交还值班")
    assert "现在值班：李社工" in wa.inbox[-1].text
    assert "请假" not in wa.inbox[-1].text
    assert "王社工把值班交还了" in li.inbox[-1].text  # she read her alerts had stopped: now she reads they are back


async def test_the_rostered_one_pressing_hand_back_is_told_how_to_hand_it_on(people, app):
    """李社工 is on duty by the roster and presses ↩️ 交还值班: before, the duty view came back unchanged, saying
    nothing. Now she reads she is on the roster, with one tap to ask a colleague."""
    li, chen = people("李社工"), people("陈书记")
    await _in_duty_view(li, "交还值班")
    said = li.inbox[-1]
    assert "排班" in said.text and "还在您这里" in said.text, said.text
    await li.click(said, "请同事接班")
    assert "李社工" in chen.last("谁来接班").text


async def test_asking_for_cover_when_no_colleague_can_be_asked_says_so_and_whom_to_phone(people, app):
    """李社工 says "我今天请假" while 王社工 and 陈书记 have both blocked the bot. Before, she read "已经请同事接班" — yet
    nobody had been asked, and she would wait for a taker who never came. Now she reads nobody could be asked, that
    calls still reach her, and her colleagues' numbers to phone."""
    from bot.types import Inbound

    li = people("李社工")
    for tg in (1002, 1003):
        await app.engine.handle(Inbound(user_id=tg, chat_id=tg, kind="blocked"))
    await li.send("我今天请假")
    said = li.inbox[-1].text
    assert "已经请同事接班" not in said, said
    assert "13800000002" in said and "13800000003" in said and "先发给您" in said, said
