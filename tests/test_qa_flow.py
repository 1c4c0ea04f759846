"""The Q&A in conversation: an age the register does not know is asked for, then the amount is worked out."""
from conftest import asked_allowance_age_unknown, signed_up


async def test_allowance_amount_after_asking_the_age(people, app):
    liu = await asked_allowance_age_unknown(app, people)
    answer = liu.last("来源")
    assert "150" in answer.text and "72" in answer.text


async def test_known_age_from_the_register_needs_no_question(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("老年综合津贴每个月多少钱")
    assert "180" in zhang.last("来源").text
    assert "多大年纪" not in zhang.last().text


async def test_after_an_answer_the_conversation_can_move_on(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("长护险怎么申请")
    assert "来源" in zhang.last().text
    await zhang.send("能帮我修一下门锁吗")
    assert "已经告诉居委会社工" in zhang.last("已经告诉").text
    assert "求助 #1" in people("李社工").last().text


async def test_going_away_is_understood_right_after_a_pension_answer(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(zhang.id))["id"])
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("老年津贴有多少")
    await zhang.send("我出门几天")
    assert "出门" in zhang.last().text and "不太确定" not in zhang.last().text


async def test_a_birth_year_in_the_question_is_counted_on_the_bots_clock_not_the_machines(people, app, clock):
    """Born 1951: 80 in 2031 (180 元 a month), 75 by this machine's calendar (150 元). The bot's clock says 2031."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    clock.set(datetime(2031, 6, 3, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("我1951年生的，老年综合津贴每个月多少钱")
    answer = liu.last("来源").text
    assert "180" in answer and "150" not in answer
