"""A lone number typed to the address read back (session 24's brief). To "请确认您现在的地址：…602室 对吗？" 张阿姨 typed
"3" (as on a phone line's menu): she was asked "能说得再具体一点吗？比如路名、门牌…" as if "3" were an address, and her
call was marked "新地址没看懂" for staff. A number of one or two digits is no address: she is asked the yes/no again,
simply, with its buttons (once; a second gets staff to phone her, as any answer that answers nothing twice)."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

READ_BACK = "请确认您现在的地址"
ADDRESS = "建新路27弄3号602室"


@pytest.mark.parametrize("words", ["3", "1", "27", "0", "１"])
async def test_a_lone_number_to_the_read_back_asks_the_yes_or_no_again_simply(people, app, words):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    she, staff = await _says(zhang, li, words)
    texts = [m.text for m in she]
    assert not any("具体一点" in t or "现在在哪里" in t for t in texts), texts
    last = she[-1]
    assert ADDRESS in last.text and "✅" in last.text, texts  # which button says yes, in the question
    assert [b[0] for b in last.buttons] == ["✅ 对", "❌ 不对"], last.buttons
    assert staff == [], staff
    assert (await app.svc.store.incident(1))["address_state"] == "pending"
    await zhang.click(last, "对")
    assert (await app.svc.store.incident(1))["address_state"] == "confirmed"


async def test_a_second_lone_number_is_not_met_by_a_third_asking(people, app):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    await _says(zhang, li, "3")
    she, _ = await _says(zhang, li, "3")
    texts = [m.text for m in she]
    assert not any(READ_BACK in t or ADDRESS in t for t in texts), texts
    assert "打电话" in texts[-1] and "地址" in texts[-1], texts


@pytest.mark.parametrize("words, state", [("502", "corrected"), ("602", "confirmed"), ("3号602", "confirmed")])
async def test_guard_a_door_to_the_read_back_is_still_a_door(people, app, words, state):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    await _says(zhang, li, words)
    assert (await app.svc.store.incident(1))["address_state"] == state
