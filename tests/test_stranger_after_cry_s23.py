"""Someone the register does not know cried "我爸好像摔了" and was asked where she is (with the 📍 button). What she typed
next ("你们去了吗", "建新路10号") reached the staff on her call, but under the "转告" line she read the sign-up welcome
again — "您好！这里是…的助手。请按下面的按钮，把您的手机号发给我，我来认一认您" — a second question in the middle of her
emergency, and her 📍 button was replaced by the phone button (probe, session 23). Now she reads the "转告" line only,
with the 📍 button still under it."""
import pytest

WELCOME = ("认一认", "把您的手机号发给我")


@pytest.mark.parametrize("then", ["你们去了吗", "建新路10号", "到了没有", "怎么还没人来"])
async def test_what_a_stranger_types_after_her_cry_gets_no_sign_up_welcome(people, app, then):
    x, li = people("路人甲"), people("李社工")
    await x.send("我爸好像摔了")
    n = len(x.texts())
    await x.send(then)
    told = x.texts()[n:]
    assert any(then in t and "#1" in t for t in li.texts()), li.texts()
    assert len(told) == 1 and "转告" in told[0], told
    assert not any(w in t for t in told for w in WELCOME), told
    assert x.last().request == "location", x.last()


async def test_a_stranger_who_shared_her_phone_is_not_told_she_is_pending_after_each_word(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.share_contact("13977770000")
    await x.send("救命 我摔倒了")
    n = len(x.texts())
    await x.send("在建新路10号")
    told = x.texts()[n:]
    assert any("建新路10号" in t and "#1" in t for t in li.texts()), li.texts()
    assert len(told) == 1 and "转告" in told[0], told


async def test_a_strangers_thanks_after_her_call_still_gets_the_sign_up_prompt(people, app):
    """guard: small talk after the cry is no word for staff (the sign-up prompt as before)"""
    x, li = people("路人甲"), people("李社工")
    await x.send("我爸好像摔了")
    before = len(li.texts())
    await x.send("谢谢")
    assert len(li.texts()) == before
    assert x.last().request == "contact"
