"""Getting up in the night, said as she goes: "我起来上厕所", "半夜起夜" paged the duty worker with 🆘 and "需要马上有人
来吗？" (the model read 起来 as a fall's "起不来"); "我去上个厕所" was "没太明白". Now a kind word with the light on and
slowly (a night trip to the toilet is when old people fall), and nobody is paged; a fall on the way still alerts."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我起来上厕所", "半夜起夜", "我去上个厕所", "起来小便", "我要去洗澡了"])
async def test_getting_up_for_the_toilet_gets_a_kind_word_and_pages_nobody(people, words):
    said, staff = await _says(people, words)
    assert "慢" in said and "需要马上有人来吗" not in said and "没太明白" not in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words", ["我起来上厕所摔倒了", "上厕所的时候摔了一跤 起不来"])
async def test_a_fall_on_the_way_still_alerts(people, words):
    said, staff = await _says(people, words)
    assert any(words in t for t in staff if "紧急求助 #1" in t), staff
