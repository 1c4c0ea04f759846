""""不知道" to the morning's "今天身体好吗？" (session 24's brief). It paged staff as unwell ("🙋 求助 #1 · 🤒 身体不舒服")
and she read "听到您不舒服…要不要请社工来看看您？"; "我也不知道" was read as fine ("知道您平安就放心了"). Not knowing is
neither: she is asked once more, more simply (as "啊?" is: tests/test_checkin_off_script.py), nobody paged; a second
"不知道" reaches staff as a gentle "not sure" (a request to phone her, never 🤒 unwell nor an emergency)."""
import pytest
from conftest import TUESDAY_9, at, enrolled
from test_cant_press_buttons import _says

UNSURE = ["不知道", "我也不知道", "说不清", "不晓得", "不清楚", "I don't know"]


async def _greeted(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    assert "今天身体好吗" in zhang.last().text
    return zhang, rid, people("李社工")


@pytest.mark.parametrize("words", UNSURE)
async def test_not_knowing_is_asked_again_simply_nobody_paged(people, app, clock, words):
    zhang, rid, li = await _greeted(people, app, clock)
    she, staff = await _says(zhang, li, words)
    assert staff == [] and await app.svc.store.incident(1) is None, staff
    texts = [m.text for m in she]
    assert not any("不舒服" in t or "平安" in t or "真高兴" in t for t in texts), texts
    assert "打：好" in she[-1].text and she[-1].buttons, texts
    assert (await app.svc.checkins.state(rid)).answer not in ("unwell", "help", "ok")


@pytest.mark.parametrize("words", ["不知道", "说不清"])
async def test_not_knowing_twice_reaches_staff_gently(people, app, clock, words):
    zhang, rid, li = await _greeted(people, app, clock)
    await _says(zhang, li, words)
    she, staff = await _says(zhang, li, words)
    packet = next((t for t in staff if "求助 #1" in t), "")
    assert packet and words in packet, staff
    assert "🤒" not in packet and "紧急" not in packet, packet
    assert "不知道" in packet.split("\n")[0] or "说不清" in packet.split("\n")[0], packet  # the headline says what
    texts = [m.text for m in she]
    assert not any("不舒服" in t or "要不要请社工来看看" in t for t in texts), texts
    assert "社工" in texts[-1] and "电话" in texts[-1], texts
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "help", inc
    assert (await app.svc.checkins.state(rid)).answer not in ("unwell", "help", "ok")


@pytest.mark.parametrize("second, answer", [("好", "ok"), ("不好", "unwell")])
async def test_the_simple_answer_after_not_knowing_is_read(people, app, clock, second, answer):
    zhang, rid, li = await _greeted(people, app, clock)
    await _says(zhang, li, "不知道")
    await _says(zhang, li, second)
    assert (await app.svc.checkins.state(rid)).answer == answer


@pytest.mark.parametrize("words", ["不知道 头好晕", "不知道怎么了 胸口好痛"])
async def test_guard_not_knowing_beside_an_ailment_is_read_as_usual(people, app, clock, words):
    zhang, rid, li = await _greeted(people, app, clock)
    _, staff = await _says(zhang, li, words)
    assert any("#1" in t for t in staff), staff
