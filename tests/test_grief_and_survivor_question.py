"""A widow asking what to do about her late husband's pension ("我老伴走了 他的养老金怎么办", "老伴上个月走了 丧葬费
怎么领") got only the kind words for grief — her question went unanswered, though the knowledge base has the survivor's
entry (lead's probe, session 18). Now she gets both: the kind words (staff still told, to visit) and the short, sourced
answer. Grief told without a question gets no pension answer."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我老伴走了 他的养老金怎么办", "我老伴上个月走了 丧葬费怎么领", "老伴去世了养老金怎么办",
                                   "我老头子过世了 他的退休金要去哪里办"])
async def test_her_question_about_his_pension_is_answered_beside_the_kind_words(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    n = len(zhang.texts())
    await zhang.send(words)
    said = "\n".join(zhang.texts()[n:])
    assert "12333" in said and "来源" in said and "丧葬补助金" in said, said
    assert "心里" in said, said  # the kind words too
    assert any("过世的老伴" in t for t in people("李社工").texts())


@pytest.mark.parametrize("words", ["老伴走了三年了 我一个人", "老伴走了 我好难过"])
async def test_grief_without_a_question_gets_no_pension_answer(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    n = len(zhang.texts())
    await zhang.send(words)
    said = "\n".join(zhang.texts()[n:])
    assert "12333" not in said and "来源" not in said, said
