"""A daughter's question about her father's pension or subsidies ("我爸的养老金到账了吗", "我爸的敬老卡什么时候发钱") was
answered "已经告诉居委会社工，他们会联系您，也会去看王老伯" (console-style probe, session 16): nobody goes to see him
about a pension. Now she reads that her question went to the social workers, who will answer her; staff still get it
about him, marked as a question."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我爸的养老金到账了吗", "我爸的敬老卡什么时候发钱", "我爸的高龄津贴怎么申请"])
async def test_a_daughters_pension_or_subsidy_question_is_a_question_not_a_visit(people, app, words):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    said = wangli.last("居委会社工").text
    assert "去看" not in said and "问题" in said
    packet = people("李社工").last("#1").text
    assert words in packet and "王老伯" in packet and "问题" in packet


async def test_a_daughter_asking_for_a_visit_still_gets_one(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("帮我去看看我爸")
    assert "去看王老伯" in wangli.last("居委会社工").text
