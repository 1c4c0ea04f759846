"""李社工 reads Chinese, but her phone's Telegram is in English (Telegram has no official Chinese) and nobody wrote
a `language` for her in config: every alert reached her in English only ("🆘🆘 EMERGENCY #1 … Waiting for someone to
take it"), at the moment she must read it fast. Now a staff member whose language only her profile says, unlike the
committee's, reads alerts in the committee's language, and is asked at her first message (her Start) which she reads —
one tap on [English] and her alerts are English from then on (as typing English, or /lang en, always did)."""
from conftest import signed_up

from bot.testing.tools import Person


def _choices(person) -> list:
    return [m for m in person.inbox if [label for label, _ in m.buttons] == ["中文", "English"]]


async def _li_starts(app) -> Person:
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    return li


async def test_her_alert_comes_in_the_committees_language_and_she_is_asked_once(app):
    li = await _li_starts(app)
    [choice] = _choices(li)
    assert "您看哪种文字" in choice.text and "Which language do you read?" in choice.text, choice.text
    zhang = await signed_up(Person(app, 5601, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    alert = li.last("#1")
    assert alert.text.splitlines()[0] == "🆘🆘 紧急求助 #1", alert.text


async def test_one_tap_on_english_and_her_alerts_are_english(app):
    li = await _li_starts(app)
    await li.click(_choices(li)[0], "English")
    zhang = await signed_up(Person(app, 5602, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert li.last("#1").text.splitlines()[0] == "🆘🆘 EMERGENCY #1", li.last("#1").text


async def test_english_she_types_is_hers_without_a_question(app):
    li = Person(app, 1001, "李社工", language="en")
    await li.send("who is on duty today")
    assert _choices(li) == []
    zhang = await signed_up(Person(app, 5603, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert li.last("#1").text.splitlines()[0] == "🆘🆘 EMERGENCY #1", li.last("#1").text
