"""She cannot press the buttons (session 22's probe). "我不会按" typed to "您需要马上有人来吗？" or to her address read back
went to staff (right), then she read "已经转告…" and the same question with the same buttons again, as if she had not
answered; "按不了" was read as a "no": to "您需要马上有人来吗？" she read "好的。社工还是会联系您确认一下" and her call was
marked a possible false alarm, to the read-back she was asked to type an address as if hers were wrong; "看不清按钮", "I
can't press it" to the read-back left her with no question at all. Now staff read her words, and she reads the question
in a form she can answer by typing (打：要 / 不用, 对 / 不对); told twice, she is asked nothing more: staff will phone."""
import pytest
from conftest import signed_up

CANT = ["我不会按", "按不了", "看不清按钮", "手抖按不准", "I can't press it", "按钮太小了 点不到"]
ASKS = {"🆘": ("您需要马上有人来吗", "要"), "🆘 紧急求助": ("请确认您现在的地址", "对")}


async def _asked(people, cry):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(cry)
    assert ASKS[cry][0] in wang.last().text
    return wang, people("李社工")


async def _says(wang, li, words):
    seen, staff_seen = len(wang.texts()), len(li.texts())
    await wang.send(words)
    return wang.inbox[seen:], li.texts()[staff_seen:]


@pytest.mark.parametrize("cry", ASKS)
@pytest.mark.parametrize("words", CANT)
async def test_she_who_cannot_press_is_asked_in_words_she_can_type(people, app, cry, words):
    wang, li = await _asked(people, cry)
    she, staff = await _says(wang, li, words)
    assert any(words in t and "又说" in t for t in staff), staff
    last = she[-1]
    assert "不用按按钮" in last.text and f"打：{ASKS[cry][1]}" in last.text, [m.text for m in she]
    assert not last.buttons, last.buttons  # nothing she must press
    assert not any(m.buttons for m in she), [m.text for m in she]
    inc = await app.svc.store.incident(1)
    assert not inc.get("maybe_false_alarm") and inc["address_state"] == "pending", inc
    assert await app.svc.store.incident(2) is None


async def test_her_typed_yes_to_the_typed_need_then_the_address_in_words_too(people, app):
    wang, li = await _asked(people, "🆘")
    await _says(wang, li, "我不会按")
    she, _ = await _says(wang, li, "要")
    assert "请确认您现在的地址" in she[-1].text or "您现在是在这个地址吗" in she[-1].text, she[-1].text
    assert "打：对" in she[-1].text and not she[-1].buttons, she[-1]  # she said she cannot press: not asked to
    she, _ = await _says(wang, li, "对")
    assert "社工会到这个地址" in she[-1].text
    assert (await app.svc.store.incident(1))["address_state"] == "confirmed"


async def test_told_twice_she_is_asked_nothing_more_staff_will_phone(people, app):
    wang, li = await _asked(people, "🆘 紧急求助")
    await _says(wang, li, "我不会按")
    she, staff = await _says(wang, li, "还是不会")
    assert any("还是不会" in t for t in staff), staff
    assert "打电话给您" in she[-1].text, she[-1].text
    assert not any("打：" in m.text or "请确认您现在的地址" in m.text for m in she), [m.text for m in she]


async def test_guard_a_danger_told_with_it_is_still_a_cry_first(people, app):
    wang, li = await _asked(people, "🆘")
    _, staff = await _says(wang, li, "按不了 我起不来")
    assert any(t.startswith("🆘") and "#1" in t and "按不了 我起不来" in t for t in staff), staff


@pytest.mark.parametrize("cry,other", [("🆘", "等一下"), ("🆘 紧急求助", "钥匙在门口地垫下面")])
async def test_other_words_after_it_ask_again_in_words_never_the_buttons(people, app, cry, other):
    wang, li = await _asked(people, cry)
    await _says(wang, li, "我不会按")
    she, staff = await _says(wang, li, other)
    assert any(other in t for t in staff), staff
    assert f"打：{ASKS[cry][1]}" in she[-1].text and not any(m.buttons for m in she), [m.text for m in she]


@pytest.mark.parametrize("answer", ["对", "不对"])
async def test_her_typed_answer_to_the_read_back_edits_no_message_of_hers(people, app, answer):
    """A typed 对 / 不对 (as the typed form asks) was answered with an edit of the message she typed — "✅" or "❌"
    under the read-back, sent as an edit of her own message id, which Telegram refuses (the console showed it)."""
    wang, li = await _asked(people, "🆘 紧急求助")
    replies = await wang.send(answer)
    assert not any(r.edit for r in replies), [r.text for r in replies if r.edit]
