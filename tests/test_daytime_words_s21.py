"""Everyday things a resident asks for by day that read "没太明白" (session 21's probes): glasses, a lost cat, a phone
out of data, mice at home, the activity room; red eyes; a dog barking next door. Each now reaches staff as a request
(or her health, or the neighbour line) in her words."""
import pytest
from conftest import signed_up

NOT_UNDERSTOOD = "没太明白"


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return " ".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我要配眼镜", "我家猫不见了", "我手机没流量了", "家里有老鼠", "我想去老年活动室",
                                   "老花镜坏了 想配一副", "我养的猫跑丢了", "手机流量用完了", "厨房里有老鼠"])
async def test_an_everyday_need_reaches_staff_in_her_words(people, app, words):
    she, staff = await _says(people, words)
    assert NOT_UNDERSTOOD not in she, she
    got = [t for t in staff if "求助 #1" in t]
    assert got and words in got[0], staff
    assert not any("紧急求助" in t for t in staff)


@pytest.mark.parametrize("words", ["我眼睛红了", "眼睛又红又痒"])
async def test_red_eyes_are_her_health(people, app, words):
    she, staff = await _says(people, words)
    assert NOT_UNDERSTOOD not in she, she
    assert any("身体不舒服" in t for t in staff), staff


@pytest.mark.parametrize("words", ["邻居家的狗一直叫", "楼下的狗天天叫 吵死了"])
async def test_a_barking_dog_is_the_neighbour_line(people, app, words):
    she, staff = await _says(people, words)
    assert "跟邻居或物业说一说" in she, she


@pytest.mark.parametrize("words", ["狗咬了我一口", "被狗咬了 流了好多血"])
async def test_guard_a_dog_bite_is_no_noise_complaint(people, app, words):
    she, staff = await _says(people, words)
    assert "跟邻居或物业说一说" not in she
    assert any("求助 #1" in t for t in staff), staff
