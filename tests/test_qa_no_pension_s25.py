""""我没有退休金怎么办" — she has no pension at all — read the employees' pension: how to check what it pays each
month (probe, session 25). Now the residents' pension (城乡居保), which is for people outside the employees' scheme;
the employees' pension's own questions still get it."""
import pytest
from conftest import signed_up


async def _asks(people, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    return liu.last().text


@pytest.mark.parametrize("words", ["我没有退休金怎么办", "我没退休金", "我没有养老金 能领什么"])
async def test_no_pension_at_all_gets_the_residents_pension_not_how_to_check_the_employees(people, app, words):
    answer = await _asks(people, words)
    assert "城乡居保" in answer, answer
    assert "想查每月发多少" not in answer, answer


async def test_the_employees_pension_questions_still_get_it(people, app):
    """Guard."""
    assert "职工养老金" in await _asks(people, "退休金怎么查")
