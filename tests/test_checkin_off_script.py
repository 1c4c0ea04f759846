"""Off-script words to the morning's "今天身体好吗？" and at the front door (session 23's probe). "啊?" was read as being
unwell: staff paged with "🤒 身体不舒服" and she read "听到您不舒服…要不要请社工来看看您？"; "等一下" was a request for staff
("✏️ 其他：等一下", "已经告诉居委会社工，他们会尽快联系您"), to the check-in and with nothing asked alike. Now "啊?" is
not understanding it (the question again, simpler, nobody paged) and "等一下" pages nobody: the check-in is asked again
with its buttons, and with nothing asked she reads a short kind line."""
import pytest
from conftest import TUESDAY_9, at, enrolled
from test_cant_press_buttons import _says


async def _greeted(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    assert "今天身体好吗" in zhang.last().text
    return zhang, rid, people("李社工")


@pytest.mark.parametrize("words", ["啊?", "啊？", "嗯?", "哈？"])
async def test_a_bare_what_to_the_check_in_is_not_understanding_it(people, app, clock, words):
    zhang, rid, li = await _greeted(people, app, clock)
    she, staff = await _says(zhang, li, words)
    assert staff == [], staff
    assert not any("不舒服" in m.text for m in she), [m.text for m in she]
    assert "简单" in she[-1].text and "打：好" in she[-1].text and she[-1].buttons, [m.text for m in she]
    assert (await app.svc.checkins.state(rid)).answer not in ("unwell", "help")
    assert await app.svc.store.incident(1) is None


@pytest.mark.parametrize("words", ["等一下", "等等", "稍等", "等一会儿"])
async def test_wait_to_the_check_in_is_asked_again_nobody_paged(people, app, clock, words):
    zhang, rid, li = await _greeted(people, app, clock)
    she, staff = await _says(zhang, li, words)
    assert staff == [] and await app.svc.store.incident(1) is None, staff
    assert "今天身体好吗" in she[-1].text and she[-1].buttons, [m.text for m in she]
    assert (await app.svc.checkins.state(rid)).answer not in ("unwell", "help")


@pytest.mark.parametrize("words", ["等一下", "等等", "稍等"])
async def test_wait_with_nothing_asked_pages_nobody(people, app, words):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    she, staff = await _says(zhang, li, words)
    assert staff == [] and await app.svc.store.incident(1) is None, staff
    assert not any("已经告诉" in m.text or "没太明白" in m.text for m in she), [m.text for m in she]


@pytest.mark.parametrize("words", ["啊!", "啊啊啊"])
async def test_guard_a_bare_cry_out_is_not_taken_for_what(people, app, clock, words):
    """"啊!" is no question: read as before (never the simpler question)."""
    zhang, rid, li = await _greeted(people, app, clock)
    she, _ = await _says(zhang, li, words)
    assert not any("简单" in m.text for m in she), [m.text for m in she]
