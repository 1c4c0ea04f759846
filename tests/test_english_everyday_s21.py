"""Everyday English from a resident that was misread (session 21's probes): a caller asking her for money was
"没太明白" (so was the same in Chinese, "有人一直打电话问我要钱"); high blood pressure and weak legs were not understood;
a leaking ceiling was not understood; "nobody has come yet" was taken for a "no" and not understood; "I'm hungry" read
"听到您很好，真高兴！"."""
import pytest
from conftest import signed_up

NOT_UNDERSTOOD = ("没太明白", "did not quite understand")


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return " ".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["someone keeps calling me asking for money", "a stranger phoned and asked me for money",
                                   "有人一直打电话问我要钱", "陌生人打电话跟我借钱"])
async def test_a_caller_asking_for_money_is_a_scam_staff_hear_at_once(people, app, words):
    she, staff = await _says(people, words)
    assert any("紧急求助 #1" in t for t in staff), staff
    assert "110" in she, she


@pytest.mark.parametrize("words", ["my blood pressure is high", "my legs are weak", "my knee hurts a lot"])
async def test_an_ailment_in_english_is_unwell(people, app, words):
    she, staff = await _says(people, words)
    assert not any(w in she for w in NOT_UNDERSTOOD), she
    assert any("求助 #1" in t and "身体不舒服" in t for t in staff), staff


@pytest.mark.parametrize("words", ["there's water leaking from the ceiling", "the ceiling is leaking"])
async def test_a_leak_is_a_request(people, app, words):
    she, staff = await _says(people, words)
    assert not any(w in she for w in NOT_UNDERSTOOD), she
    assert any("求助 #1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["nobody has come yet", "why has nobody come"])
async def test_waiting_in_english_reaches_a_person(people, app, words):
    she, staff = await _says(people, words)
    assert not any(w in she for w in NOT_UNDERSTOOD), she
    assert any("求助 #1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["I'm hungry", "I am so hungry"])
async def test_hungry_is_no_good_morning(people, app, words):
    she, staff = await _says(people, words)
    assert "听到您很好" not in she and "glad" not in she, she
    assert any("求助 #1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我儿子问我要钱", "my son asked me for money for his rent"])
async def test_guard_family_asking_for_money_is_no_scam_alarm(people, app, words):
    she, staff = await _says(people, words)
    assert not any("紧急求助" in t for t in staff), staff
