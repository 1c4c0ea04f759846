"""A lone emoji or "等一下" to the address read back ("您现在的地址是…对吗？" [✅ 对] [❌ 不对]), session 23's brief. "😢"
paged staff as her cry again ("🆘 #1 张阿姨 又发来求助：“😢”") and she read "我又提醒了他们一次" — as often as she sent it —
and the read-back was gone; "等一下" was taken for a new request ("好的，已经转告…") and the read-back was gone too. Now
either is her words on her call: staff read them (📝 又说), the read-back is asked once more, and never a third time
(tests/test_call_question_not_thrice.py: staff phone to confirm it). Nothing opens a second call or request."""
import pytest
from test_cant_press_buttons import _says
from test_up_again_on_call import zhang_after

READ_BACK = "请确认您现在的地址"
OFF = ["😢", "😭", "😱", "等一下", "等等", "等一等", "稍等"]


async def _asked(people, app, cry):
    return await zhang_after(people, app, list(cry), READ_BACK)


@pytest.mark.parametrize("cry", [("🆘 紧急求助",), ("🆘", "要")])
@pytest.mark.parametrize("words", OFF)
async def test_off_script_to_the_read_back_keeps_it_once_staff_read_it(people, app, cry, words):
    zhang, li = await _asked(people, app, cry)
    she, staff = await _says(zhang, li, words)
    assert any(t.startswith("📝 #1 张阿姨 又说") and words in t for t in staff), staff
    assert not any("又发来求助" in t for t in staff), staff
    assert not any("又提醒了他们一次" in m.text for m in she), [m.text for m in she]
    assert READ_BACK in she[-1].text and she[-1].buttons, [m.text for m in she]
    she, staff = await _says(zhang, li, words)  # again: never a third time
    assert not any(READ_BACK in m.text or "又提醒了他们一次" in m.text for m in she), [m.text for m in she]
    assert "打电话" in she[-1].text and "地址" in she[-1].text, [m.text for m in she]
    inc = await app.svc.store.incident(1)
    assert inc["address_state"] == "pending" and not inc.get("maybe_false_alarm"), inc
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["🙏", "👌"])
async def test_guard_a_thanks_or_ok_emoji_to_the_read_back_is_no_news_or_a_yes(people, app, words):
    zhang, li = await _asked(people, app, ("🆘 紧急求助",))
    she, staff = await _says(zhang, li, words)
    assert not any("又发来求助" in t for t in staff), staff
    assert READ_BACK in she[-1].text or "社工会到这个地址" in she[-1].text, [m.text for m in she]
    assert await app.svc.store.incident(2) is None


async def test_guard_a_cry_to_the_read_back_is_still_a_cry(people, app):
    zhang, li = await _asked(people, app, ("🆘 紧急求助",))
    _, staff = await _says(zhang, li, "等一下 我起不来了")
    assert any(t.startswith("🆘") and "我起不来了" in t for t in staff), staff


@pytest.mark.parametrize("words", ["✔️", "⭕", "✓"])
async def test_a_tick_or_a_circle_to_the_read_back_is_a_yes(people, app, words):
    """"✔️" or "⭕" (a right answer's mark) to "…对吗？" was passed to staff and the read-back asked again."""
    zhang, li = await _asked(people, app, ("🆘 紧急求助",))
    she, _ = await _says(zhang, li, words)
    assert "社工会到这个地址" in she[-1].text, [m.text for m in she]
    assert (await app.svc.store.incident(1))["address_state"] == "confirmed"


@pytest.mark.parametrize("cry, question", [(("🆘 紧急求助",), READ_BACK), (("🆘",), "您需要马上有人来吗")])
async def test_a_sticker_at_her_call_question_reaches_staff_and_keeps_it_once(people, app, cry, question):
    """A sticker (it may be all she can send) went to staff with "已转给社工" — and the question she was asked was gone."""
    zhang, li = await zhang_after(people, app, list(cry), question)
    seen, staff_seen = len(zhang.inbox), len(li.texts())
    await zhang.send_kind("sticker")
    assert any("#1 张阿姨" in t for t in li.texts()[staff_seen:]), li.texts()[staff_seen:]
    assert question in zhang.inbox[-1].text and zhang.inbox[-1].buttons, [m.text for m in zhang.inbox[seen:]]
    seen = len(zhang.inbox)
    await zhang.send_kind("sticker")  # again: never a third time
    assert not any(question in m.text for m in zhang.inbox[seen:]), [m.text for m in zhang.inbox[seen:]]
    assert await app.svc.store.incident(2) is None
