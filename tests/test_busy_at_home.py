""""我在厨房烧饭": she says what she is doing at home. Before, the model's borderline on "厨房" asked "您需要马上有人来吗？"
and paged staff; now a short, warm answer and nobody bothered. The same words with a danger stay a cry."""
import pytest
from conftest import signed_up

BUSY = ["我在厨房烧饭", "我在做饭呢", "正在洗碗", "我在家看电视", "我在拖地", "我在吃饭呢"]


@pytest.mark.parametrize("words", BUSY)
async def test_what_she_is_doing_at_home_gets_a_warm_word_and_pages_nobody(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    told = "\n".join(wang.texts())
    assert "您忙" in told and "需要马上有人来吗" not in told and "没太明白" not in told, told
    assert not [t for t in people("李社工").texts() if "#1" in t]


@pytest.mark.parametrize("words", ["我在厨房烧饭 锅着火了", "我在拖地 摔倒了起不来"])
async def test_the_same_words_with_a_danger_still_alert(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "紧急求助 #1" in people("李社工").last("#1").text
