"""Cancel words typed to the address read back (session 24's brief). To "请确认您现在的地址：…602室 对吗？" 张阿姨
typed "取消": she was asked "请告诉我您现在在哪里" as if her door were wrong; "退出" read "这个问题我不太确定，不想说错"
(a pension question); "cancel" reached staff as her words and the read-back came again. To "您需要马上有人来吗？" the
same "取消" is a "no": a possible false alarm, staff still phone her. Now the read-back reads them the same way;
"不对", "不是" still say the door is wrong."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

READ_BACK = "请确认您现在的地址"
NEED = "您需要马上有人来吗"


@pytest.mark.parametrize("question, cry", [(READ_BACK, ["🆘 紧急求助"]), (NEED, ["🆘"])])
@pytest.mark.parametrize("words", ["取消", "退出", "cancel", "取消吧", "我要取消", "Cancel."])
async def test_cancel_to_her_calls_question_is_a_possible_false_alarm_not_a_wrong_door(people, app, question, cry,
                                                                                       words):
    zhang, li = await zhang_after(people, app, cry, question)
    she, staff = await _says(zhang, li, words)
    texts = [m.text for m in she]
    assert not any(w in t for t in texts for w in ("在哪里", "不太确定", READ_BACK, NEED)), texts
    assert "社工还是会联系您" in texts[-1], texts
    inc = await app.svc.store.incident(1)
    assert inc["maybe_false_alarm"] and inc["status"] != "resolved", inc  # staff still phone her: never a silent cancel
    assert inc["address_state"] == "pending", inc
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["不对", "不是"])
async def test_guard_no_to_the_read_back_is_still_a_wrong_door(people, app, words):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    she, _ = await _says(zhang, li, words)
    assert "在哪里" in she[-1].text, [m.text for m in she]
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")


@pytest.mark.parametrize("words", ["取消 我摔倒了", "cancel 救命"])
async def test_guard_cancel_with_a_cry_is_a_cry(people, app, words):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    she, staff = await _says(zhang, li, words)
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm"), ([m.text for m in she], staff)
