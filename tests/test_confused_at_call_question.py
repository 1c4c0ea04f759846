"""Not understanding her call's question (session 22's probe of what an 85-year-old types). To "您需要马上有人来吗？"
"你说什么", "听不懂", "啥意思", "我眼睛不好" were answered "好的，已经转告正在处理您求助的社工" and the same question with the
same buttons again — as often as she asked; to the address read back, "听不懂", "啥意思", "我眼睛不好" were answered the
same and the question vanished. Now staff read her words (she may need a phone call) and she reads the question once
more, simpler, in words she can type (打：要 / 不用, 对 / 不对) — never "已经转告" for "你说什么"; asked again, nothing more is
asked: staff phone her. Her yes ("嗯", "好的好的") is still a yes."""
import pytest
from test_cant_press_buttons import ASKS, _asked, _says

CONFUSED = ["你说什么", "听不懂", "看不懂", "啥意思", "什么？", "我眼睛不好", "字太小了看不清", "what?", "I don't understand"]


@pytest.mark.parametrize("cry", ASKS)
@pytest.mark.parametrize("words", CONFUSED)
async def test_not_understanding_gets_the_question_once_more_simpler(people, app, cry, words):
    wang, li = await _asked(people, cry)
    she, staff = await _says(wang, li, words)
    assert any(words in t and "又说" in t for t in staff), staff
    assert "简单" in she[-1].text and f"打：{ASKS[cry][1]}" in she[-1].text, [m.text for m in she]
    assert not any("已经转告" in m.text or m.buttons for m in she), [m.text for m in she]
    inc = await app.svc.store.incident(1)
    assert not inc.get("maybe_false_alarm") and inc["address_state"] == "pending", inc


@pytest.mark.parametrize("cry", ASKS)
async def test_not_understanding_twice_is_no_loop_staff_phone(people, app, cry):
    wang, li = await _asked(people, cry)
    await _says(wang, li, "你说什么")
    she, staff = await _says(wang, li, "听不懂")
    assert "打电话给您" in she[-1].text and not any("打：" in m.text for m in she), [m.text for m in she]


@pytest.mark.parametrize("words", ["嗯", "好的好的"])
async def test_guard_her_yes_is_still_a_yes(people, app, words):
    wang, li = await _asked(people, "🆘")
    she, _ = await _says(wang, li, words)
    assert "请确认您现在的地址" in she[-1].text


@pytest.mark.parametrize("words", ["你说什么", "听不懂", "我眼睛不好", "啥意思"])
async def test_not_understanding_where_she_is_asked_gets_a_phone_call_not_address_parts(people, app, words):
    """To "请告诉我您现在在哪里" (after ❌ 不对) these read "没有看懂地址。请说路名、弄、号、室…": now, as "我也不知道在哪":
    staff read her words and will phone her; she can still send her location."""
    wang, li = await _asked(people, "🆘 紧急求助")
    await _says(wang, li, "不对")
    she, staff = await _says(wang, li, words)
    assert "打电话给您" in she[-1].text and "路名" not in she[-1].text, [m.text for m in she]
    assert words in li.last("紧急求助 #1").text  # her words on the packet, beside the register's door


@pytest.mark.parametrize("words", ["听不懂 我胸口好痛", "你说什么 我又摔倒了"])
async def test_guard_a_danger_beside_it_is_a_cry_first(people, app, words):
    wang, li = await _asked(people, "🆘 紧急求助")
    she, staff = await _says(wang, li, words)
    assert any(t.startswith("🆘") and "#1" in t and words in t for t in staff), staff
    assert not any("简单" in m.text for m in she), [m.text for m in she]


@pytest.mark.parametrize("words", ["我也不明白怎么回事 头很晕", "听不懂 就是腿有点疼"])
async def test_guard_not_understanding_beside_an_ailment_is_still_a_yes(people, app, words):
    wang, li = await _asked(people, "🆘")
    she, _ = await _says(wang, li, words)
    assert "请确认您现在的地址" in she[-1].text and not any("简单" in m.text for m in she), [m.text for m in she]
