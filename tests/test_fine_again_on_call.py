""""我没事了" a second time on her call (session 24's brief). Once "我没事了" (or the one tap "🙂 不用，我没事") marked
her 🆘 a possible false alarm, a second "我没事了", "我很好", "I'm fine now" read "听到您很好，真高兴！" — the check-in's
line in the middle of her call — and the staff about to phone her never read it. Now staff read her words on the call
("📝 #1 张阿姨 又说：…", no new cry), and she reads one short kind line: staff will still check. The call stays open."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

AGAIN = ["我没事了", "真的没事", "我很好", "I'm fine now", "没事了 刚才按错了"]


async def _said_fine(people, app, how):
    zhang, li = await zhang_after(people, app, ["🆘"], "您需要马上有人来吗")
    if how == "tap":
        await zhang.click(zhang.last("马上有人来"), "不用，我没事")
    else:
        await zhang.send("我没事了")
    assert (await app.svc.store.incident(1)).get("maybe_false_alarm")
    return zhang, li


def _kind_line(she):
    texts = [m.text for m in she]
    assert not any("真高兴" in t or "听到您很好" in t for t in texts), texts
    assert len(she) == 1 and "社工" in she[0].text and len(she[0].text) <= 60, texts


@pytest.mark.parametrize("how", ["tap", "typed"])
@pytest.mark.parametrize("words", AGAIN)
async def test_fine_again_after_a_possible_false_alarm_reaches_staff_and_reads_kindly(people, app, how, words):
    zhang, li = await _said_fine(people, app, how)
    she, staff = await _says(zhang, li, words)
    assert any(t.startswith("📝 #1 张阿姨 又说") and words in t for t in staff), staff
    assert not any("又发来求助" in t for t in staff), staff
    _kind_line(she)
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "open" and inc.get("maybe_false_alarm"), inc
    assert await app.svc.store.incident(2) is None


async def test_fine_on_her_answered_call_reads_kindly_never_the_checkin_line(people, app):
    """"我很好" after 要 and ✅ (no false alarm said yet) read "听到您很好，真高兴！" and reached nobody."""
    zhang, li = await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")
    she, staff = await _says(zhang, li, "我很好")
    assert any(t.startswith("📝 #1 张阿姨 又说") and "我很好" in t for t in staff), staff
    _kind_line(she)


async def test_guard_the_same_words_again_at_once_page_staff_once(people, app):
    zhang, li = await _said_fine(people, app, "tap")
    await _says(zhang, li, "我没事了")
    she, staff = await _says(zhang, li, "我没事了")
    assert staff == [], staff
    _kind_line(she)


async def test_guard_a_cry_after_a_possible_false_alarm_still_pages(people, app):
    zhang, li = await _said_fine(people, app, "typed")
    _, staff = await _says(zhang, li, "救命 我又摔倒了")
    assert any(t.startswith("🆘 #1 张阿姨 又发来求助") for t in staff), staff
