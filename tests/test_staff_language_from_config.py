"""A staff member's language as the committee configures it (`language` on her line in config.yaml) decides above her
Telegram profile: 李社工 reads Chinese, but her phone's Telegram is in English, and every alert reached her in
English until she wrote some Chinese; 王社工, configured English, who never wrote to the bot, got Chinese. Only a
language she chooses with /lang stands above the config's."""
from conftest import signed_up

from bot.testing.tools import Person


async def _with_languages(make_app, settings, **languages):
    staff = [st.model_copy(update={"language": languages.get(st.id, st.language)}) for st in settings.staff]
    return await make_app(settings_=settings.model_copy(update={"staff": staff}))


async def test_configured_chinese_with_an_english_profile_reads_the_alert_in_chinese(make_app, settings):
    app = await _with_languages(make_app, settings, li="zh")
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    zhang = await signed_up(Person(app, 5501, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    alert = li.last("#1")
    assert alert.text.splitlines()[0] == "🆘🆘 紧急求助 #1", alert.text
    assert any("我来处理" in label for label, _ in alert.buttons), alert.buttons


async def test_configured_english_reads_english_before_she_ever_wrote(make_app, settings):
    app = await _with_languages(make_app, settings, li="en")
    zhang = await signed_up(Person(app, 5502, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    alert = Person(app, 1001, "李社工").last("#1")
    assert alert.text.splitlines()[0] == "🆘🆘 EMERGENCY #1", alert.text


async def test_chinese_typed_by_a_configured_english_colleague_leaves_her_english(make_app, settings):
    app = await _with_languages(make_app, settings, li="en")
    li = Person(app, 1001, "李社工")
    await li.send("我今天请假")  # a colleague's name and Chinese words: the config still says English
    zhang = await signed_up(Person(app, 5503, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert li.last("#1").text.splitlines()[0] == "🆘🆘 EMERGENCY #1", li.last("#1").text


async def test_lang_stands_above_the_config(make_app, settings):
    app = await _with_languages(make_app, settings, li="zh")
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/lang en")
    assert "English" in li.last().text, li.last().text
    zhang = await signed_up(Person(app, 5504, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert li.last("#1").text.splitlines()[0] == "🆘🆘 EMERGENCY #1", li.last("#1").text


def test_the_config_reads_the_usual_ways_of_writing_it_and_names_a_bad_one(settings):
    import pytest

    from bot.config import ConfigError, validate

    raw = settings.model_dump(by_alias=True)
    for said, locale in (("zh-Hans", "zh"), ("中文", "zh"), ("English", "en"), ("en", "en")):
        raw["staff"][0]["language"] = said
        assert validate(raw).staff[0].language == locale
    raw["staff"][0]["language"] = "Klingon"
    with pytest.raises(ConfigError, match=r"staff\.0\.language"):
        validate(raw)
