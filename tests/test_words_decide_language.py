"""Telegram has no official Chinese interface, so many Chinese users' profiles say English ("en"). 王老伯, Telegram in
English, typed "我摔倒了 起不来" and read "Staff on duty have been alerted…" — English to an 89-year-old who wrote
Chinese. Now the language of his own words decides once he writes some (Chinese characters: Chinese), before the
profile's; a language chosen with /language still decides above all, and English words still get English."""
from conftest import signed_up

from bot.testing.tools import Person


async def _english_profile(app, uid=5201):
    return await signed_up(Person(app, uid, "王老伯", language="en"), "13900000002")


async def test_chinese_words_from_an_english_profile_get_chinese(app):
    wang = await _english_profile(app)
    await wang.send("我摔倒了 起不来")
    said = "\n".join(wang.texts()[-2:])
    assert "已通知值班社工" in said and "Staff" not in said, said


async def test_his_button_press_after_chinese_words_stays_chinese(app):
    wang = await _english_profile(app)
    await wang.send("我头有点晕")
    await wang.click(wang.last("社工"), "来看看")
    assert any("\u4e00" <= ch <= "\u9fff" for ch in wang.last().text), wang.last().text


async def test_english_words_from_an_english_profile_still_get_english(app):
    wang = await _english_profile(app)
    await wang.send("I fell and can't get up")
    assert "120" in "\n".join(wang.texts()[-2:]) and "值班社工" not in "\n".join(wang.texts()[-2:])


async def test_in_an_english_speaking_committee_chinese_words_still_get_chinese(make_app, settings):
    """words7's reading took Chinese characters for "the committee's language": in a committee whose assistant speaks
    English, "我摔倒了" from a Chinese profile would have turned her to English."""
    app = await make_app(settings_=settings.model_copy(update={"locale": "en"}))
    wang = await signed_up(Person(app, 5202, "王老伯"), "13900000002")  # Telegram in Chinese
    await wang.send("我摔倒了 起不来")
    said = "\n".join(wang.texts()[-2:])
    assert "已通知值班社工" in said and "Staff" not in said, said


async def test_chinese_he_wrote_before_this_version_kept_his_words_language_still_decides(app):
    """Kept from before the words' language was kept apart: his prefs say Chinese (his words made it so) beside an
    English profile, and nothing else; he presses buttons only and reads Chinese alone."""
    await app.svc.store.set_pref(5203, "locale", "zh")  # as the earlier version left it after "我摔倒了"
    wang = await _english_profile(app, uid=5203)
    for _ in range(2):  # the second: "社工已经收到您的求助…"
        await wang.send("🆘 Emergency help")
        said = wang.last("120").text
        assert "社工" in said and "social worker" not in said, said
