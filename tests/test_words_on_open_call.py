"""Words that answer none of the call's questions, typed while the call is open ("钥匙在门口地垫下面", "邻居在我这",
"我女儿会来"): the bot asked its question again or said "没太明白", and staff never read them. They join the call and
reach the staff who hold it; the question waiting is asked again."""
import pytest
from conftest import signed_up


async def _typed(people, first: str, words: str):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(first)
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("words", ["钥匙在门口地垫下面", "邻居在我这", "我女儿在路上了"])
async def test_words_told_to_need_now_reach_staff_and_the_question_comes_again(people, app, words):
    wang, said, li = await _typed(people, "我摔倒了", words)
    assert any(words in t for t in li.texts() if "#1" in t)
    assert "已经转告" in "".join(said) and "您需要马上有人来吗" in said[-1]
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["钥匙在门口地垫下面", "邻居在我这"])
async def test_words_told_to_the_address_read_back_reach_staff_and_it_is_asked_again(people, app, words):
    wang, said, li = await _typed(people, "🆘 紧急求助", words)
    assert any(words in t for t in li.texts() if "#1" in t)
    assert not any("没太明白" in t for t in said)
    assert "请确认您现在的地址" in said[-1]


async def test_words_told_to_the_unwell_follow_up_reach_staff(people, app):
    wang, said, li = await _typed(people, "我有点不舒服", "我女儿会来")
    assert any("我女儿会来" in t for t in li.texts() if "#1" in t)
    assert not any("没太明白" in t for t in said)
