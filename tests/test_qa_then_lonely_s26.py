"""Just after a pension answer, "我想找人聊聊天" (or "一个人好闷", "I feel lonely") was read as one more pension question:
she got the home-care service's description and no person heard she wanted company (probe, session 26). Loneliness
told is the conversation moving on: staff hear it, as it is at any other moment."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我想找人聊聊天", "一个人好闷", "没人陪我说话"])
async def test_loneliness_after_a_pension_answer_reaches_staff(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("高龄津贴有多少")
    assert "老年综合津贴" in zhang.last().text
    await zhang.send(words)
    assert any("想找人说说话" in t for t in people("李社工").texts()), people("李社工").texts()
    assert "居家养老服务" not in zhang.last().text, zhang.last().text


async def test_asking_about_home_visits_after_an_answer_is_still_the_qa(people, app):
    """Guard: a question about the service that sends someone stays a question."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("高龄津贴有多少")
    await zhang.send("有没有人上门陪老人聊天的服务")
    assert "居家养老" in zhang.last().text, zhang.last().text
