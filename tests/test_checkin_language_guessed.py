"""王老伯's Telegram profile says English (a grandson set the phone up); nothing else says which language he reads.
His welcome and his 🆘's acknowledgement came in both, but his daily check-in, sent unasked, came in English alone:
"🌞 Good morning, 王老伯! How are you feeling today?" with [😊 I'm fine] [🆘 I need help] — unanswered, it becomes
a visit task, and its 🆘 is one he could not find. Now it comes in both, Chinese first, each button in both."""
from conftest import TUESDAY_9, at, signed_up

from bot.testing.tools import Person


async def _wang_enrolled(app, uid: int, language: str = "en") -> Person:
    wang = await signed_up(Person(app, uid, "王老伯", language=language), "13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(wang.id))["id"])
    return wang


async def test_his_check_in_comes_in_both_and_his_tap_is_taken(app, clock):
    wang = await _wang_enrolled(app, 6001)
    await at(app, clock, TUESDAY_9)
    asked = wang.last("王老伯")
    zh, en = asked.text.index("早上好"), asked.text.index("Good morning")
    assert zh < en, asked.text
    labels = [label for label, _ in asked.buttons]
    assert "😊 我很好 / I'm fine" in labels and any(label.startswith("🆘 需要帮助 / ") for label in labels), labels
    await wang.click(asked, "我很好")
    reply = wang.last().text
    assert "知道您平安" in reply, reply  # his tap is his answer, told in the committee's language (one rule:
    # tests/test_guessed_reads_committees.py)


async def test_one_who_chose_english_gets_it_in_english_alone(app, clock):
    tom = Person(app, 6002, "Tom", language="en")
    await tom.send("/start")
    await tom.click(tom.inbox[-1], "English")
    await tom.share_contact("13900000002")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(tom.id))["id"])
    await at(app, clock, TUESDAY_9)
    asked = tom.last("王老伯")
    assert "Good morning" in asked.text and "早上好" not in asked.text, asked.text
    assert "😊 I'm fine" in [label for label, _ in asked.buttons]


async def test_a_chinese_profile_gets_it_in_chinese_alone(app, clock):
    wang = await _wang_enrolled(app, 6003, language="zh-hans")
    await at(app, clock, TUESDAY_9)
    asked = wang.last("王老伯")
    assert "早上好" in asked.text and "Good morning" not in asked.text, asked.text
