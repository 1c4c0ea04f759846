"""Follow-ups to the allowance's answer (session 23 probe): "什么时候发" read the employees' pension (paid monthly to
the social-security card) — the wrong benefit; "没听懂" and "说简单点" read "这个问题我不太确定" as if she had asked
something new. Now "when" is the allowance's own schedule, and not understanding its answer offers a person to
explain it."""
import pytest
from test_qa_band_asked_s22 import _asks_after_allowance


@pytest.mark.parametrize("words", ["什么时候发", "几号发", "哪天发", "啥时候发呀"])
async def test_when_after_the_allowance_is_the_allowances_schedule(people, app, words):
    said = await _asks_after_allowance(people, words)
    assert "季度" in said and "职工养老金" not in said, said


@pytest.mark.parametrize("words", ["没听懂", "我没听懂", "说简单点", "能说简单一点吗"])
async def test_not_understanding_the_answer_offers_a_person_to_explain(people, app, words):
    said = await _asks_after_allowance(people, words)
    assert "讲一讲" in said and "不太确定" not in said, said


def test_when_alone_with_no_topic_before_is_not_guessed(knowledge_base):
    """guard: "养老金什么时候发" still names its topic"""
    assert knowledge_base.answer("养老金什么时候发").topic == "pension.employee"
