""""我八十岁了有没有补贴" — the commonest question an old resident asks — was handed off ("这个问题我不太确定"), as were
"我能领什么补贴" and "我七十岁了 有什么钱可以领"; "政府给老人发钱吗" read the employees' pension (how to check it).
Now they get the senior allowance (老年综合津贴) with her amount; asked how much the residents' pension pays, she
reads the district figure the knowledge base has (probe, session 26)."""
import pytest
from conftest import signed_up


async def _asks(people, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")  # 75 by the register
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    return liu.last().text


@pytest.mark.parametrize("words, amount", [
    ("我八十岁了有没有补贴", "180元"), ("我80岁有没有补贴", "180元"), ("我八十了有补贴吗", "180元"),
    ("我能领什么补贴", "150元"), ("我七十岁了 有什么钱可以领", "150元"), ("政府给老人发钱吗", "150元"),
])
async def test_asking_whether_an_old_person_gets_anything_answers_the_senior_allowance(people, app, words, amount):
    answer = await _asks(people, words)
    assert "老年综合津贴" in answer and amount in answer, answer
    assert "不太确定" not in answer, answer


@pytest.mark.parametrize("words", ["城乡居保一个月多少钱", "居保能领多少", "城乡居保每月发多少"])
async def test_how_much_the_residents_pension_pays_names_the_figure(people, app, words):
    answer = await _asks(people, words)
    assert "1735元" in answer and "12333" in answer, answer


async def test_when_the_residents_pension_starts_still_gets_her_own_line(people, app):
    """Guard: a question about when she can draw it keeps the age line."""
    answer = await _asks(people, "城乡居保几岁开始领")
    assert "60岁" in answer, answer
