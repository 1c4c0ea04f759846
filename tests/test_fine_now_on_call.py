""""我没事了" / "I'm fine now" on her answered call (session 23's brief). After a 🆘 whose questions were all answered
(要, then ✅ to the read-back), 张阿姨 typed "我没事了": it went the "按错了" way (the call marked a possible false
alarm, she read "社工还是会联系您确认一下") — and the staff holding or about to take her call only saw its packet
change, silently (an edit does not ring). Now they also read her words ("📝 #1 张阿姨 又说：…"), as any other words on
her open call; the packet still says "可能是误报", she reads what she read before, and the call stays open."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

FINE = ["我没事了", "I'm fine now", "我没事 不用来了", "没事了 刚才按错了"]


@pytest.mark.parametrize("words", FINE)
async def test_fine_now_on_her_answered_call_reaches_staff_in_her_words(people, app, words):
    zhang, li = await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")
    she, staff = await _says(zhang, li, words)
    assert any(t.startswith("📝 #1 张阿姨 又说") and words in t for t in staff), staff
    assert "可能是误报" in li.last("紧急求助 #1").text
    assert she and "社工还是会联系您" in she[-1].text, [m.text for m in she]
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "open" and inc.get("maybe_false_alarm"), inc
    assert await app.svc.store.incident(2) is None


async def test_guard_the_one_tap_no_at_the_need_question_is_still_only_the_packet(people, app):
    zhang, li = await zhang_after(people, app, ["🆘"], "")
    seen = len(li.texts())
    await zhang.click(zhang.last("马上有人来"), "不用，我没事")
    assert not any(t.startswith("📝") for t in li.texts()[seen:]), li.texts()[seen:]
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")


async def test_fine_now_while_her_address_is_read_back_reaches_staff_in_her_words(people, app):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], "请确认您现在的地址")
    she, staff = await _says(zhang, li, "我没事了")
    assert any(t.startswith("📝 #1 张阿姨 又说") and "我没事了" in t for t in staff), staff
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")


async def test_guard_pressed_by_mistake_typed_to_the_need_question_is_its_answer(people, app):
    zhang, li = await zhang_after(people, app, ["🆘"], "")
    she, staff = await _says(zhang, li, "我按错了")
    assert not any(t.startswith("📝") for t in staff), staff
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
