"""A danger told as over, probed in session 25 (words15). Before: "刚才救名 现在好了" (救命 mistyped), "刚才闻到煤气味，
现在已经关好了", "刚才着火了 已经扑灭了" were "听到您很好，真高兴！" and nobody was told (a gas smell wants its stove and
pipe checked, a fire what burnt, a cry for help a phone call); from his daughter, "没太明白"."""
import pytest
from test_family_words_s18 import wangli_says
from test_words_probed_s21 import _answer as _checkin_answer  # the morning check-in answered: (answer, she, staff)
from test_words_s24_harder import NEED_NOW, NOT_UNDERSTOOD, _request, _sos, _zhang_says

GLAD = "真高兴"

# what she typed, what staff read on the request's title, what she reads
DANGER_OVER = [
    ("刚才救名 现在好了", "喊了救命", "打电话"),
    ("刚才喊救命 现在好了", "喊了救命", "打电话"),
    ("刚才闻到煤气味，现在已经关好了", "煤气灶", "119"),
    ("刚才有煤气味 已经关掉了 现在没事了", "煤气灶", "119"),
    ("刚才着火了 已经扑灭了", "着火", "119"),
]


@pytest.mark.parametrize("words,staff_line,her_line", DANGER_OVER)
async def test_a_danger_told_as_over_still_reaches_a_person_gently(people, app, words, staff_line, her_line):
    said, staff = await _zhang_says(people, app, words)
    assert _request(staff, words) and any(staff_line in t for t in staff if "求助 #1" in t), staff
    assert her_line in said and "社工" in said, said
    assert GLAD not in said and NEED_NOW not in said, said


async def test_a_danger_told_as_over_at_the_check_in_is_not_fine(people, app, clock):
    answer, said, staff = await _checkin_answer(people, app, clock, "刚才闻到煤气味，现在已经关好了")
    assert answer != "ok" and GLAD not in said and any("煤气" in t for t in staff), (answer, said, staff)


async def test_a_gas_smell_told_as_over_by_his_daughter_reaches_staff(people, app, clock):
    told, staff = await wangli_says(people, app, clock, "我爸说刚才闻到煤气味 现在关好了")
    assert any("求助 #1" in t and "煤气灶" in t and "王老伯" in t for t in staff), staff
    assert "119" in told and NOT_UNDERSTOOD not in told, told


@pytest.mark.parametrize("words", ["煤气味刚才有 现在没了", "闻到煤气味", "刚才着火了 现在还在冒烟", "救命 刚才摔倒了"])
async def test_guard_a_danger_not_over_is_still_asked_at_once(people, app, words):
    said, staff = await _zhang_says(people, app, words)
    assert _sos(staff, words), staff
