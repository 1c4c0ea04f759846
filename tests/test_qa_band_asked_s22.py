"""A band asked about after the allowance's answer (session 22 probe): 刘奶奶's register says 82; she read 180 元, then
asked "九十岁以上有多少" and read her own 180 again — the wrong figure for what she asked (90 and up: 350). "X岁以上"
was read as a rule, never an age, so her register's age answered. Now the band she names is answered."""
import pytest
from conftest import signed_up


async def _asks_after_allowance(people, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("老年津贴多少")
    n = len(liu.texts())
    await liu.send(words)
    return "\n".join(liu.texts()[n:])


@pytest.mark.parametrize("words, yuan", [("九十岁以上有多少", "350元"), ("90岁以上多少", "350元"),
                                         ("一百岁以上呢", "600元"), ("八十岁以上的呢", "180元")])
async def test_the_band_she_names_is_answered(people, app, words, yuan):
    said = await _asks_after_allowance(people, words)
    assert yuan in said, said


def test_a_rule_of_age_is_still_no_ones_age(knowledge_base):
    ans = knowledge_base.answer("65岁以上的老人都能领老年津贴吗")
    assert not ans.handoff and "65到69岁" in ans.answer, ans.answer  # the whole table, no one's age
