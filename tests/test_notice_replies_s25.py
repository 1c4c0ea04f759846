"""What a resident writes back to a notice (session 25): after "明天上午停水，请提前储水。", "我腿不好 提不动水" reached
staff as "🤒 身体不舒服" and she was asked whether someone should come and see her — she is not ill, she cannot carry
the water the notice asks her to store; staff read nothing of the notice. "好的 我知道了 谢谢" read "听到您很好，真高兴！".
Now the first is a request naming the notice (someone to help her with it) and the second a short acknowledgement that
she has the notice; words of a danger still call, and without a notice nothing changes."""
import pytest
from conftest import signed_up
from test_notice_typed_reply import _noticed

NEEDS = ["我腿不好 提不动水", "我一个人 提不动水 能不能帮我送点水", "我腰不好 拎不动",
         "我家里没有桶 储不了水", "我眼睛不好 看不清 写的什么"]  # (probe) were "其他", and 🤒 with "来看看您？"
THANKS = ["好的 我知道了 谢谢", "知道了 谢谢你们", "收到了 谢谢", "晓得了",
          "知道了，谢谢居委会的通知", "收到 我会提前储水的"]  # (probe) read "不客气", "真高兴"


@pytest.mark.parametrize("words", NEEDS)
async def test_a_need_the_notice_leaves_her_is_a_request_naming_it(app, people, clock, words):
    zhang, li = await _noticed(app, people)
    await zhang.send(words)
    got = [t for t in li.texts() if "求助 #1" in t]
    assert got and words in got[-1] and "明天上午停水" in got[-1] and "🤒" not in got[-1], li.texts()
    told = zhang.last().text
    assert "社工" in told and "来看看您" not in told and "通知" in told, told


@pytest.mark.parametrize("words", THANKS)
async def test_thanks_for_the_notice_read_as_its_acknowledgement(app, people, clock, words):
    zhang, li = await _noticed(app, people)
    n = len(li.texts())
    await zhang.send(words)
    told = zhang.last().text
    assert "真高兴" not in told and "通知" in told, told
    assert li.texts()[n:] == []


async def test_guard_a_fall_after_the_notice_still_calls(app, people, clock):
    zhang, li = await _noticed(app, people)
    await zhang.send("我提水摔倒了 起不来")
    assert li.last("紧急求助 #1")


async def test_guard_without_a_notice_her_leg_is_still_her_health(app, people, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("我腿不好 提不动水")
    assert "🤒" in people("李社工").last("求助 #1").text


async def test_guard_her_checkin_answer_stays_the_checkins_while_a_notice_awaits(app, people, clock):
    from conftest import TUESDAY_9, at, enrolled
    from test_notices import compose, sent
    zhang, rid = await enrolled(people, app)
    li = people("李社工")
    await li.click(await compose(li, "80岁以上"), "24小时")
    await sent(app)
    await at(app, clock, TUESDAY_9)
    await zhang.send("好的 知道了")
    assert (await app.svc.checkins.state(rid)).answer == "ok"


async def test_a_question_about_what_the_notice_says_goes_to_its_sender(app, people, clock):
    """"停水几点来水" reached staff as a request ("✏️ 其他") with nothing of the notice; it asks about the notice."""
    zhang, li = await _noticed(app, people)
    await zhang.send("停水几点来水")
    assert any("居民问通知 #1" in t and "停水几点来水" in t for t in li.texts()), li.texts()
    assert not any("求助 #1" in t for t in li.texts()), li.texts()


async def test_guard_a_pension_question_sharing_a_word_with_the_notice_is_still_answered(app, people, clock):
    zhang, li = await _noticed(app, people)
    await zhang.send("明天养老金发吗")
    assert not any("居民问通知" in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["我突然走不动了 腿没力气", "我眼睛看不清了 头好晕"])
async def test_guard_being_taken_ill_after_the_notice_is_no_notice_matter(app, people, clock, words):
    zhang, li = await _noticed(app, people)
    await zhang.send(words)
    got = [t for t in li.texts() if "#1" in t]
    assert got and "📢" not in got[-1] and ("紧急求助" in got[-1] or "🤒" in got[-1]), li.texts()
