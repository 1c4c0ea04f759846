"""Words for the buttons themselves on her open call (session 24's brief). "按钮不见了" typed while the address read back
("请确认您现在的地址…对吗？") waited paged staff as her cry again ("🆘 #1 张阿姨 又发来求助：“按钮不见了”") and she read
"我又提醒了他们一次"; "菜单" reached staff as her words ("📝 #1 张阿姨 又说：“菜单”") with "已经转告…"; "返回" after the
questions read "再见，保重身体！". The menu words were answered only with no call open (tests/test_menu_words_s23.py).
Now she gets the big buttons back, and the question still waiting; staff are not paged (her call's timeline notes it).
A cry on the same call still pages."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

READ_BACK = "请确认您现在的地址"
NEED = "您需要马上有人来吗"
WORDS = ["按钮不见了", "菜单", "返回", "找不到按钮", "主菜单", "menu"]


def _buttons_back(she):
    return any(m.keyboard and any("🆘" in k for k in m.keyboard) for m in she)


@pytest.mark.parametrize("cry, question", [(["🆘 紧急求助"], READ_BACK), (["🆘"], NEED)])
@pytest.mark.parametrize("words", WORDS)
async def test_asking_for_the_buttons_on_her_call_gets_them_and_the_question(people, app, cry, question, words):
    zhang, li = await zhang_after(people, app, cry, question)
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    texts = [m.text for m in she]
    assert _buttons_back(she), texts
    assert not any(w in t for t in texts for w in ("又提醒了他们一次", "已经转告", "再见", "没太明白")), texts
    assert question in she[-1].text and she[-1].buttons, texts
    inc = await app.svc.store.incident(1)
    assert inc["status"] != "resolved" and not inc.get("maybe_false_alarm"), inc
    assert await app.svc.store.incident(2) is None
    she, staff = await _says(zhang, li, "😢")  # the buttons asked for are no unanswered question: the usual once more
    assert question in she[-1].text and she[-1].buttons, [m.text for m in she]


@pytest.mark.parametrize("words", ["按钮不见了", "菜单", "返回"])
async def test_asking_for_the_buttons_after_the_questions_pages_nobody(people, app, words):
    zhang, li = await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    texts = [m.text for m in she]
    assert _buttons_back(she) and "社工" in she[-1].text, texts
    assert not any(w in t for t in texts for w in ("又提醒了他们一次", "已经转告", "再见")), texts
    assert await app.svc.store.incident(2) is None
    await li.send("/incident 1")  # the call's record says so, quietly
    assert "居民找按钮" in li.texts()[-1] and words in li.texts()[-1], li.texts()[-1]


async def test_asking_for_the_buttons_when_asked_where_she_is_keeps_that_question_in_sight(people, app):
    """"按钮不见了" to "请告诉我您现在在哪里" (after ❌ 不对): the buttons came back, the question she still had to answer
    was gone from sight (her next words were still read as where she is)."""
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助", "不对"], "现在在哪里")
    she, staff = await _says(zhang, li, "按钮不见了")
    assert staff == [], staff
    assert _buttons_back(she), [m.text for m in she]
    assert "在哪里" in she[-1].text, [m.text for m in she]
    await _says(zhang, li, "建新路27弄5号302")
    assert (await app.svc.store.incident(1))["address_state"] == "corrected"


@pytest.mark.parametrize("cry", ["救命", "快来", "快来人啊"])
async def test_guard_a_cry_after_asking_for_the_buttons_still_pages(people, app, cry):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    await _says(zhang, li, "按钮不见了")
    _, staff = await _says(zhang, li, cry)
    assert any(t.startswith("🆘 #1 张阿姨 又发来求助") and cry in t for t in staff), staff


async def test_guard_buttons_and_a_cry_in_one_message_is_a_cry(people, app):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    _, staff = await _says(zhang, li, "按钮不见了 救命")
    assert any(t.startswith("🆘 #1 张阿姨 又发来求助") for t in staff), staff
