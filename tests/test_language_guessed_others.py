"""Only the Telegram profile says English (Telegram has no official Chinese): a resident already read what matters
most in both languages, Chinese first. 王丽, 王老伯's daughter, signed up by buttons with an English profile, pressed
🆘 and read "The social worker on duty has been told…" in English alone; a stranger whose profile says English sent
a voice ("收到，已转给值班社工…" in English alone). Now they read it in both, the committee's first, as residents do."""
from conftest import signed_up

from bot.testing.tools import Person

PHONE = "021-64370000"


def _chinese_then_english(text: str, zh: str, en: str) -> None:
    assert zh in text and en in text, text
    assert text.index(zh) < text.index(en), text


async def test_a_daughter_whose_profile_says_english_reads_her_sos_acknowledged_in_both(app):
    wangli = await signed_up(Person(app, 5401, "王丽", language="en"), "13911110002")
    await wangli.send(wangli.inbox[-1].keyboard[0][0])  # the 🆘 on her keyboard, whatever it says
    said = wangli.last("120").text
    _chinese_then_english(said, "已通知值班社工", "The social worker on duty has been told")
    assert said.count(PHONE) == 2, said


async def test_a_stranger_whose_profile_says_english_reads_his_voice_was_passed_on_in_both(app):
    stranger = Person(app, 5402, "Li", language="en")
    await stranger.send_kind("voice")
    said = stranger.last("120").text
    _chinese_then_english(said, "已转给值班社工", "sent to the social worker")
    assert said.count(PHONE) == 2, said


async def test_a_daughter_who_types_english_reads_english_alone(app):
    wangli = await signed_up(Person(app, 5403, "Wang Li", language="en"), "13911110002")
    await wangli.send("my father fell down please help")
    said = wangli.last("120").text
    assert "值班社工" not in said and "social worker" in said, said


def _choices(person: Person) -> list:
    return [m for m in person.inbox if [label for label, _ in m.buttons] == ["中文", "English"]]


async def test_signing_up_offers_the_language_choice_once(app):
    """王老伯 (profile English) was asked "您看哪种文字？" at the welcome, again after "OK", and again once recognised:
    the same question three times in a minute. Now once, at the first welcome."""
    wang = Person(app, 5404, "王老伯", language="en")
    await wang.send("/start")
    await wang.send("OK")
    await wang.share_contact("13900000002")
    assert len(_choices(wang)) == 1, [m.text for m in _choices(wang)]
    assert "认出您了" in wang.last().text and "I know who you are now" in wang.last().text  # still in both


async def test_start_typed_again_later_offers_it_again(app):
    wang = await signed_up(Person(app, 5405, "王老伯", language="en"), "13900000002")
    await wang.send("/start")
    assert len(_choices(wang)) == 2 and _choices(wang)[-1] is wang.inbox[-1]


async def test_his_big_buttons_read_in_both_and_each_still_works(people, app):
    """王老伯's text came in both, but his big buttons said "🆘 Emergency help", "❓ Pensions & subsidies" alone: he
    could not tell which to press. Now each names itself in Chinese first, a short English word after, one a row."""
    wang = await signed_up(Person(app, 5406, "王老伯", language="en"), "13900000002")
    sent = next(m for m in reversed(app.svc.outbox.messenger.log) if m.chat_id == wang.id and m.keyboard)
    assert all(len(row) == 1 for row in sent.keyboard), sent.keyboard  # one a row: never cut short on a phone
    labels = wang.last("认出您了").keyboard
    assert labels[0].startswith("🆘 紧急求助 / "), labels
    for label in labels:
        zh, _, en = label.partition(" / ")
        assert zh and en.isascii() and len(label) <= 22, labels
    await wang.send(labels[2])  # ❓ 养老金/补贴 / …
    assert "养老金" in wang.last().text or "pension" in wang.last().text.lower(), wang.last().text
    await wang.send(labels[0])  # 🆘
    _chinese_then_english(wang.last("120").text, "已通知值班社工", "The social worker on duty has been told")
    li = people("李社工")
    assert li.last("#1"), li.texts()


async def test_what_each_big_button_asks_next_reads_in_both(app):
    """His big buttons named themselves in both, but what each asked next was English alone ("What do you need help
    with?" over [🛒 Shopping] …, "☎️ Committee phone …  Shall I ask a social worker to call you?")."""
    wang = await signed_up(Person(app, 5407, "王老伯", language="en"), "13900000002")
    labels = wang.last("认出您了").keyboard
    await wang.send(labels[1])  # 🙋
    _chinese_then_english(wang.last().text, "需要帮什么忙", "What do you need help with?")
    assert all(" / " in label for label, _ in wang.last().buttons), wang.last().buttons
    await wang.send(labels[2])  # ❓
    _chinese_then_english(wang.last().text, "请问您想了解什么", "What would you like to know?")
    await wang.send(labels[3])  # ☎️
    _chinese_then_english(wang.last().text, "居委会电话", "Committee phone")
    assert all(" / " in label for label, _ in wang.last().buttons), wang.last().buttons


async def test_a_daughters_call_button_reads_the_committees_phone_in_both(app):
    wangli = await signed_up(Person(app, 5408, "王丽", language="en"), "13911110002")
    await wangli.send(wangli.last("").keyboard[-1])  # ☎️ on her keyboard
    _chinese_then_english(wangli.last(PHONE).text, "居委会", "Committee phone")
