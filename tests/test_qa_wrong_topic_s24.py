"""Questions the knowledge base answered with a different benefit (session 24 probe): "津贴怎么没到账" read the
employees' pension (its "到账" is a pension word); "有没有钟点工" read the flexible-employment social-insurance
subsidy (a 钟点工 is a home help she wants to hire, not a job she wants to take); "社保卡坏了" read how the pension
is paid; "我搬到外地了养老金怎么办" read how a pension from another province moves INTO Shanghai. A wrong benefit is
worse than "I am not sure": now the allowance's own schedule, or a person."""
import pytest
from conftest import signed_up


async def _asks(people, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send(words)
    return liu.last().text


@pytest.mark.parametrize("words", ["津贴怎么没到账", "老年津贴怎么还没到账", "敬老卡的钱没到账"])
async def test_the_allowance_not_arrived_gets_the_allowance_schedule_not_the_pension(people, app, words):
    answer = await _asks(people, words)
    assert "职工养老金" not in answer and "退休金" not in answer, answer
    assert "老年综合津贴" in answer and "1月、4月、7月、10月" in answer, answer
    assert "怎么申请" not in answer, answer  # "怎么没到" asks why, not how to apply


async def test_the_allowance_grown_smaller_is_not_told_how_to_apply(people, app):
    answer = await _asks(people, "敬老卡的钱怎么少了")
    assert "怎么申请" not in answer and "150元" in answer, answer


@pytest.mark.parametrize("words", ["有没有钟点工", "我想找个钟点工", "能介绍个保姆吗", "家政多少钱一个小时"])
async def test_a_home_help_to_hire_is_not_the_job_seekers_subsidy(people, app, words):
    answer = await _asks(people, words)
    assert "灵活就业" not in answer and "失业" not in answer, answer
    assert "社工" in answer or "养老服务" in answer, answer


@pytest.mark.parametrize("words", ["社保卡坏了", "社保卡丢了怎么补办", "敬老卡坏了", "老年卡掉了"])
async def test_a_lost_or_broken_card_goes_to_a_person_not_the_pension_or_allowance_rules(people, app, words):
    answer = await _asks(people, words)
    assert "元" not in answer and "每个月发到" not in answer, answer
    assert "社工" in answer, answer


@pytest.mark.parametrize("words", ["我搬到外地了养老金怎么办", "我要搬去外地住 退休金还能拿吗"])
async def test_moving_away_is_not_told_how_a_pension_moves_into_shanghai(people, app, words):
    answer = await _asks(people, words)
    assert "转到上海" not in answer and "转移接续" not in answer, answer
    assert "社工" in answer, answer


@pytest.mark.parametrize("words", ["退休金每个月几号到账", "外地交的养老保险能转到上海吗", "老年津贴多少"])
async def test_guard_the_pension_and_transfer_and_allowance_still_answered(people, app, words):
    answer = await _asks(people, words)
    assert "不太确定" not in answer and "告诉居委会社工" not in answer, answer
