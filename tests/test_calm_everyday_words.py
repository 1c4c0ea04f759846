"""Everyday words a resident types that alarmed everyone (session 19's probe): the quilt taken in from the balcony,
the cat shut out there, someone waiting at the door for a parcel — each a full 🆘 (staff paged, "情况危急请马上拨打120",
a fall's "能安全走到门口…", "您需要马上有人来吗？"), as were "我怕打雷" and "一个人在家也不害怕" (the model leant on
阳台, 快(递), 门口, 把…关在, 打, 怕). A false alarm frightens her and wears out the staff on duty. Now each gets a calm
line and nobody is paged — near variants too; the same places and fears said as a danger still alert at once."""
import pytest
from conftest import signed_up

from bot.testing.tools import Person

CALM = [
    # the balcony, for chores
    "阳台上晒的被子收进来了", "阳台上的衣服收进来了", "被子晒好了 收进来了", "我把被子拿到阳台上去晒了", "阳台上晾的衣服干了",
    # the cat (or dog) on the balcony
    "我把猫关在阳台上了", "我把狗关在阳台上了", "猫在阳台上睡觉", "猫跑到阳台上去了",
    # a parcel at the door
    "有人在门口等快递", "我在门口等快递", "快递放在门口了", "快递员在楼下等我", "门口有个快递", "门口有人在发传单",
    "阳台上好多灰",
    # thunder
    "我怕打雷", "我最怕打雷了", "我有点怕打雷",
    # not afraid alone
    "一个人在家也不害怕", "我一个人在家不害怕", "一个人住也不怕",
]

URGENT = ["我在阳台上摔倒了", "有人在门口撬锁", "我被关在阳台上了 进不去屋", "有个陌生人在门口一直敲门 我好怕",
          "我一个人在家好怕", "打雷的时候我摔倒了 起不来", "阳台上着火了", "收被子的时候摔了一跤 起不来",
          # someone there, nothing more said: asked (were so before by chance of the model, now by a red flag)
          "有人在门口", "阳台上有人", "门口有个人 好怕", "门口站着一个人 不走", "晚上有人在阳台上",
          # the calm rows above made the model alone miss these: red flags now
          "收衣服的时候从凳子上掉下来了", "我把自己关在阳台上了", "门口有个人拿着刀", "我老伴在阳台上倒下了",
          "有人在门口 一直不走 我好怕"]


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", CALM)
async def test_everyday_words_about_home_get_a_calm_line_and_page_nobody(people, app, words):
    told, staff = await _says(people, words)
    assert not any("紧急" in t for t in staff), staff
    assert "需要马上有人来吗" not in told and "120" not in told and "🆘 已通知" not in told, told


@pytest.mark.parametrize("words", ["我怕打雷", "我最怕打雷了", "我有点怕打雷"])
async def test_afraid_of_thunder_hears_it_is_safe_indoors(people, app, words):
    told, staff = await _says(people, words)
    assert "打雷" in told and "没太明白" not in told, told
    assert staff == [], staff


@pytest.mark.parametrize("words", ["一个人在家也不害怕", "我一个人在家不害怕", "一个人住也不怕"])
async def test_not_afraid_alone_is_glad_news(people, app, words):
    told, staff = await _says(people, words)
    assert "真高兴" in told, told
    assert staff == [], staff


@pytest.mark.parametrize("words", URGENT)
async def test_the_same_places_and_fears_said_as_a_danger_still_alert(people, app, words):
    told, staff = await _says(people, words)
    assert any("紧急求助 #1" in t and words in t for t in staff), staff


# (an English profile that writes "我怕打雷" reads Chinese: Chinese words decide above a profile's English)
@pytest.mark.parametrize("language, words", [("en", "I'm scared of thunder"), (None, "I'm scared of thunder")])
async def test_thunder_in_english_is_answered_in_english(app, people, language, words):
    wang = await signed_up(Person(app, 5091, "王老伯", language=language), "13900000002")
    await wang.send(words)
    assert "thunder" in wang.last().text
    assert people("李社工").texts() == []
