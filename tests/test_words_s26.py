"""Harder words read wrong (session 26, words16). "我今年88岁了" was told "再见，保重身体！" ("88" is chat slang for
bye-bye); "我被骗了 转了五万块钱" (the money gone) read "先不要转账"; the family doctor's "张阿姨血压180 要注意" raised a
🆘 and read "情况危急请马上拨打120" back to the doctor; a fire's and an intruder's 🆘 put 120 above 119 and 110; pinyin
typed by a resident who cannot type characters ("wo ba zou diu le") was not understood."""
import pytest
from conftest import enrolled, signed_up

SOS = "紧急求助 #1"


async def _says(people, words, name="王老伯", phone="13900000002"):
    who = await signed_up(people(name), phone)
    n = len(who.texts())
    await who.send(words)
    return who, "\n".join(who.texts()[n:]), people("李社工").texts()


# 1. an age is never a goodbye
@pytest.mark.parametrize("words", ["88岁", "他88岁", "我今年88岁了", "我88岁了", "老头子今年88岁"])
async def test_an_age_of_88_is_no_goodbye(people, app, words):
    _, said, _ = await _says(people, words)
    assert "再见" not in said, said


async def test_a_daughter_telling_her_mother_is_88_and_alone_gets_no_goodbye(people, app):
    _, said, _ = await _says(people, "我妈88岁 一个人住", "王丽", "13911110002")
    assert "再见" not in said, said


@pytest.mark.parametrize("words", ["886", "拜拜", "好的 88"])
async def test_guard_bye_bye_in_chat_slang_is_still_a_goodbye(people, app, words):
    _, said, _ = await _says(people, words)
    assert "再见" in said, said


@pytest.mark.parametrize("words", ["88", "88岁", "我今年88岁了", "他88岁", "我妈88岁 一个人住", "我88了"])
def test_a_bare_88_is_read_as_bye_bye_and_an_age_never(nlu_model, words):
    """(A bare "88" typed to the bot is answered as a number typed by mistake, before its reading counts.)"""
    read = nlu_model.parse(words)["intent"]["name"]
    assert (read == "goodbye") == (words == "88"), read
