"""🙋 找居委会帮忙 → "需要帮什么忙？" → "不用了" (or "算了", "没事了"): she read "没太明白您的意思…也可以按这里，把您的话转给
社工" with a [📨 转给社工] button — a puzzle for someone who only changed her mind (probe, session 26). Now the question
is dropped kindly, as "算了" to "请用一句话说说需要什么帮助。" already was, and nobody is paged."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["不用了", "算了", "没事了", "不要了 谢谢"])
async def test_never_mind_at_the_help_menu_is_taken_kindly(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    assert "需要帮什么忙" in zhang.last().text
    await zhang.send(words)
    reply = zhang.last()
    assert "没太明白" not in reply.text and "转给社工" not in reply.text, reply.text
    assert any("紧急求助" in label for label in reply.keyboard), reply  # the big buttons again
    assert people("李社工").texts() == []


async def test_an_ache_at_the_help_menu_is_still_heard(people, app):
    """Guard: "不用了 就是腿疼" names an ache: staff hear it."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    await zhang.send("算了 腿好疼")
    assert people("李社工").texts(), zhang.texts()[-2:]
