"""A voice message (or a photo) while her call's question waits (session 24's brief). After the 🆘 she was asked
"请确认您现在的地址…对吗？" or "您需要马上有人来吗？"; she sent a voice: staff got it, she read "已转给社工" — and the
question was gone from sight, its buttons far up the chat. Now, after the voice's reply, she reads the question again
with its buttons (once: a second voice is not met by a third asking — tests/test_call_question_not_thrice.py's rule)."""
import pytest
from test_up_again_on_call import zhang_after

READ_BACK = "请确认您现在的地址"
NEED = "您需要马上有人来吗"


@pytest.mark.parametrize("kind", ["voice", "photo"])
@pytest.mark.parametrize("cry, question", [(["🆘 紧急求助"], READ_BACK), (["🆘"], NEED)])
async def test_a_voice_at_her_call_question_reaches_staff_and_the_question_comes_back(people, app, kind, cry,
                                                                                        question):
    zhang, li = await zhang_after(people, app, cry, question)
    seen, staff_seen = len(zhang.inbox), len(li.texts())
    await zhang.send_kind(kind)
    assert any("#1 张阿姨" in t for t in li.texts()[staff_seen:]), li.texts()[staff_seen:]
    she = zhang.inbox[seen:]
    assert len(she) >= 2 and "社工" in she[0].text, [m.text for m in she]  # the voice's reply first
    assert question in she[-1].text and she[-1].buttons, [m.text for m in she]
    assert await app.svc.store.incident(2) is None


async def test_a_second_voice_is_not_met_by_a_third_asking(people, app):
    zhang, li = await zhang_after(people, app, ["🆘 紧急求助"], READ_BACK)
    await zhang.send_kind("voice")
    seen = len(zhang.inbox)
    await zhang.send_kind("voice")
    she = [m.text for m in zhang.inbox[seen:]]
    assert not any(READ_BACK in t for t in she), she
    assert "打电话" in she[-1] and "地址" in she[-1], she


async def test_guard_a_voice_after_the_questions_asks_nothing_more(people, app):
    zhang, li = await zhang_after(people, app, ["🆘", "要", "对"], "社工会到这个地址")
    seen = len(zhang.inbox)
    await zhang.send_kind("voice")
    she = zhang.inbox[seen:]
    assert len(she) == 1 and not she[0].buttons, [m.text for m in she]
