""""I'm up now" on her open call (session 23's brief). After a 🆘 whose questions were all answered (要, then ✅ to the
read-back), 张阿姨 typed "起来了", "我起来了", "I'm up now": she read "听到您很好，真高兴！" as if it were a check-in, and
the staff holding or about to take her call never heard it; "没事了 我自己起来了" was taken for "按错了": staff saw
"可能是误报" on a real fall and never read her words. Now staff read them ("📝 #1 张阿姨 又说：…"), the call stays open
and is no false alarm, and she reads a short kind line: staff still come, sit and rest. "谢谢" and "好的" still page
nobody — "好的" did ("📝 #1 张阿姨 又说：“好的”")."""
import pytest
from conftest import enrolled
from test_cant_press_buttons import _says

UP = ["起来了", "我起来了", "没事了 我自己起来了", "I'm up now", "我自己爬起来了", "I got up"]


async def zhang_after(people, app, said: list[str], expect: str):
    """张阿姨 enrolled, having typed `said`; the last thing she read says `expect`. Returns her and 李社工."""
    zhang, _ = await enrolled(people, app)
    for words in said:
        await zhang.send(words)
    assert expect in zhang.last().text, zhang.last().text
    return zhang, people("李社工")


async def _answered(people, app):
    return await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")


@pytest.mark.parametrize("words", UP)
async def test_up_again_after_the_questions_reaches_staff_in_her_words(people, app, words):
    zhang, li = await _answered(people, app)
    she, staff = await _says(zhang, li, words)
    assert any(t.startswith("📝 #1 张阿姨 又说") and words in t for t in staff), staff
    assert not any("听到您很好" in m.text or "可能是误报" in m.text for m in she), [m.text for m in she]
    assert "起来了就好" in she[-1].text and "社工" in she[-1].text and "歇" in she[-1].text, she[-1].text
    inc = await app.svc.store.incident(1)
    assert inc["status"] != "resolved" and not inc.get("maybe_false_alarm"), inc
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words", ["谢谢", "好的", "嗯", "OK"])
async def test_guard_thanks_or_ok_after_the_questions_pages_nobody(people, app, words):
    zhang, li = await _answered(people, app)
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    assert not any("已经转告" in m.text or "听到您很好" in m.text for m in she), [m.text for m in she]
    assert she and "社工" in she[-1].text, [m.text for m in she]
    assert await app.svc.store.incident(2) is None


async def test_up_again_to_the_read_back_reaches_staff_and_keeps_the_question(people, app):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], "请确认您现在的地址")
    she, staff = await _says(zhang, li, "我起来了")
    assert any(t.startswith("📝 #1 张阿姨 又说") and "我起来了" in t for t in staff), staff
    assert "请确认您现在的地址" in she[-1].text and she[-1].buttons, [m.text for m in she]
    assert not any("听到您很好" in m.text for m in she)


@pytest.mark.parametrize("words", ["嗯嗯", "好的", "OK"])
async def test_an_ok_on_her_open_request_pages_nobody(people, app, words):
    """After "我好难受" and "要" (someone will come), "嗯嗯" reached staff as "📝 #1 张阿姨 又说：“嗯嗯”"."""
    zhang, li = await zhang_after(people, app, ["我好难受", "要"], "已请社工来看您")
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    assert she and "社工" in she[-1].text and "已经转告" not in she[-1].text, [m.text for m in she]


@pytest.mark.parametrize("words", ["我自己起来不了", "我不能走了", "我已经起来不了了", "I couldn't get myself up",
                                   "I tried to get up", "我想起来了 钥匙在门口地垫下面"])
async def test_guard_not_up_is_never_read_as_up(people, app, words):
    zhang, li = await _answered(people, app)
    she, staff = await _says(zhang, li, words)
    assert not any("起来了就好" in m.text for m in she), [m.text for m in she]
    assert any(words in t for t in staff), staff
