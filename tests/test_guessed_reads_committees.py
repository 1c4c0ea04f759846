"""王老伯's Telegram profile says English (a grandson set the phone up); nothing else says which language he reads.
His welcome, his 🆘's acknowledgement and his daily check-in came in both, Chinese first — but what answered his taps
came in English alone: "Good, we are glad you are well!" after [😊 我很好 / I'm fine], "What do you need help with?"
after [🙋 找居委会帮忙 / Get help], the categories' answers, the news of his call sent later. One screen in Chinese
and the next in English. Now one rule: the language he chose ([中文] [English], offered once at his welcome, or
/lang), else his words', else the committee's — his profile alone never decides; what matters most still comes in
both. (A staff member's "/" menu follows her messages' rule too: tests/test_staff_menu_follows_messages.py.)"""
from conftest import TUESDAY_9, at, signed_up

from bot.testing.tools import Person


async def _by_buttons(app, uid: int = 6101) -> Person:
    return await signed_up(Person(app, uid, "王老伯", language="en"), "13900000002")


async def test_his_check_in_tap_is_answered_in_the_committees_language(app, clock):
    wang = await _by_buttons(app)
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    await at(app, clock, TUESDAY_9)
    asked = wang.last("王老伯")
    assert asked.text.index("早上好") < asked.text.index("Good morning"), asked.text  # what matters most: both
    await wang.click(asked, "我很好")
    assert "知道您平安就放心了" in wang.last().text and "glad" not in wang.last().text, wang.last().text


async def test_his_help_menu_taps_are_answered_in_the_committees_language(app):
    wang = await _by_buttons(app, 6102)
    await wang.send("🙋 找居委会帮忙 / Get help")
    which = wang.last()
    assert "需要帮什么忙" in which.text, which.text
    await wang.click(which, "买东西")
    noted = wang.last().text
    assert "已经告诉" in noted and "All right" not in noted, noted


async def test_the_news_of_his_call_comes_in_the_committees_language(people, app):
    wang = await _by_buttons(app, 6103)
    await wang.send("🆘 Emergency help")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    taken = wang.last("李社工")
    assert "接手" in taken.text, taken.text


async def test_english_once_chosen_or_written_is_his(app, clock):
    tom = Person(app, 6104, "Tom", language="en")
    await tom.send("/start")
    await tom.click(tom.inbox[-1], "English")
    await tom.share_contact("13900000002")
    await tom.send("🙋 找居委会帮忙 / Get help")
    assert tom.last().text.startswith("What do you need help with"), tom.last().text
    ann = await _by_buttons(app, 6105)
    await ann.send("I need some help at home")
    await ann.send("🙋 找居委会帮忙 / Get help")
    assert "What do you need help with" in ann.last().text and "需要帮什么忙" not in ann.last().text
