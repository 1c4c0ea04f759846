"""Cancel words typed when the bot asks where she is (session 25): after ❌ 不对 to the address read back she is asked
"请告诉我您现在在哪里"; "取消" there was taken for an address — staff read "⚠️ 居民说地址不对" with "取消" as where she is, and
she was asked to say it more exactly ("能说得再具体一点吗？"), as if she were lost somewhere. Now it is read as "取消" to
the read-back itself: a possible false alarm, staff still phone her (never a silent cancel)."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

WHERE = "请告诉我您现在在哪里"


@pytest.mark.parametrize("no", ["不对", "❌"])
@pytest.mark.parametrize("words", ["取消", "退出", "cancel", "我要取消"])
async def test_cancel_when_asked_where_she_is_is_a_possible_false_alarm(people, app, no, words):
    zhang, li = await zhang_after(people, app, ["🆘", "要"], "请确认您现在的地址")
    if no == "❌":
        await zhang.click(zhang.last("请确认您现在的地址"), "不对")
    else:
        await zhang.send(no)
    assert WHERE in zhang.last().text, zhang.last().text
    she, staff = await _says(zhang, li, words)
    texts = [m.text for m in she]
    assert "社工还是会联系您" in texts[-1] and not any("具体" in t or WHERE in t for t in texts), texts
    inc = await app.svc.store.incident(1)
    assert inc["maybe_false_alarm"] and inc["status"] != "resolved", inc  # staff still phone her
    packet = li.last("紧急求助 #1").text
    assert words not in packet and "可能是误报" in packet, packet


async def test_guard_a_place_when_asked_where_she_is_still_reaches_staff(people, app):
    zhang, li = await zhang_after(people, app, ["🆘", "要"], "请确认您现在的地址")
    await zhang.send("不对")
    await zhang.send("我在女儿家 建新路30弄2号101")
    assert "30弄" in li.last("紧急求助 #1").text
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")
