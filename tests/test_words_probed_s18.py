"""Session 18's probes of what residents type. A standing condition told as why a task is hard ("我眼睛不好 刷脸刷不
出来") was heard as an illness as well: a "身体不舒服" request to staff and "听到您不舒服" beside the answer; now it is
the face-recognition answer alone (which says who helps when she cannot do it). "随申办" beside 认证 ("随申办怎么认证")
answered how to look up a pension in 随申办, not how to do the yearly certification."""
import pytest
from conftest import signed_up

CERTIFICATION = "资格认证"


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang.texts()[n:], people("李社工")


@pytest.mark.parametrize("words", [
    "我眼睛不好 刷脸刷不出来", "我眼睛看不清 养老金认证哪能弄", "眼睛不好使 刷脸总是失败",  # were 🤒 requests too
    "我耳朵不好 电话听不清 养老金认证怎么办",                                         # was a 🤒 request too
    "我手抖 刷脸刷不了", "我年纪大了 不会用手机认证",                                  # were right
])
async def test_eyes_or_hands_that_make_face_recognition_hard_get_its_answer_not_an_illness(people, words):
    told, li = await _says(people, words)
    said = "\n".join(told)
    assert CERTIFICATION in said and "来源" in said and "居委会" in said, told
    assert "不舒服" not in said, told
    assert not any("身体不舒服" in t or "紧急求助" in t for t in li.texts()), li.texts()


async def test_she_can_ask_a_person_from_the_face_recognition_answer(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我眼睛不好 刷脸刷不出来")
    answer = wang.last(CERTIFICATION)
    assert any("问社工" in label for label, _ in answer.buttons), answer.buttons


@pytest.mark.parametrize("words", ["我眼睛不好 今天头很痛", "我眼睛突然看不见了", "我眼睛不好 刷脸刷不出来 还有我腿疼"])
async def test_an_illness_told_beside_a_standing_condition_still_reaches_staff(people, words):
    told, li = await _says(people, words)
    assert any(words in t for t in li.texts() if "#1" in t), li.texts()


@pytest.mark.parametrize("words", [
    "随申办怎么认证", "养老金认证在随申办上哪里弄", "随申办认证怎么搞", "认证随申办咋弄", "随申办上面怎么认证",
    "随申办刷脸", "在随申办认证",                                               # were the pension look-up
    "认证用随申办怎么做", "随身办认证怎么做", "用随申办认证养老金怎么弄",              # were right, the first only at 0.63
])
async def test_certification_in_suishenban_is_answered_as_certification(people, words):
    told, li = await _says(people, words)
    said = "\n".join(told)
    assert CERTIFICATION in said and "12333" in said, told
    assert "发放记录" not in said, told


@pytest.mark.parametrize("words", ["随申办上能查养老金吗", "随申办上查退休金"])
async def test_a_pension_look_up_in_suishenban_stays_the_look_up(people, words):
    told, li = await _says(people, words)
    assert "随申办" in "\n".join(told) and CERTIFICATION not in "\n".join(told), told


# To the morning's "今天身体好吗？" a bare "我要去医院" (no time, no check-up) read "路上慢点！" and counted as fine: said to
# a question about her health, with nothing planned in it, she may be going because she is unwell now. It is the
# unwell answer: staff hear her words as 🤒, and she is asked whether someone should come; a visit she plans ("我今天
# 要去医院", "明天去医院复查") stays fine, and one told with an ailment ("我要去医院，头很晕") is never fine.
async def _checkin_answer(people, app, clock, words):
    from conftest import TUESDAY_9, at, enrolled
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return zhang.texts()[n:], (await app.svc.checkins.state(rid)).answer, people("李社工")


@pytest.mark.parametrize("words", ["我要去医院", "我想去医院", "我得去医院了", "要去医院了", "我要去医院看病",
                                   "我要去医院，头很晕", "我要去医院 头晕得厉害"])
async def test_going_to_hospital_now_at_the_check_in_is_not_fine(people, app, clock, words):
    told, answer, li = await _checkin_answer(people, app, clock, words)
    assert answer in ("unwell", "help"), answer
    assert any(words in t for t in li.texts() if "#1" in t), li.texts()
    assert not any("路上慢点" in t or "平安" in t for t in told), told


@pytest.mark.parametrize("words", ["我今天要去医院", "明天去医院复查", "下午要去医院看看", "等一歇去医院配药"])
async def test_a_hospital_visit_she_plans_is_still_fine(people, app, clock, words):
    told, answer, li = await _checkin_answer(people, app, clock, words)
    assert answer == "ok" and any("路上慢点" in t for t in told), told


# (probe) A scam under way in words no red flag knew, a husband suddenly not knowing her, a burning smell or sparks at
# the socket: were "没太明白", or an alarm with a fall's advice; a scam call she did not fall for was "真高兴".
@pytest.mark.parametrize("words, advice", [
    ("有人打电话讲我医保卡出问题了", "转账"), ("有人让我去银行取钱", "转账"),       # were "没太明白"
    ("我老伴今天不认得我了", ""),                                                # was "没太明白"
    ("我屋里厢有股焦味", "119"), ("我家插线板冒火星了", "119"),                     # were a fall's advice
])
async def test_a_scam_a_sudden_confusion_or_a_burning_smell_is_an_emergency_with_its_advice(people, words, advice):
    told, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text
    said = "\n".join(told)
    assert advice in said and "如果摔倒了" not in said, told


@pytest.mark.parametrize("words", ["我刚刚差点被骗", "骗子打电话给我 我没理伊", "有人打电话叫我转账 我没转 我把电话挂了",
                                   "有骗子打电话来 我勿睬伊", "骗子电话 我挂脱了"])
async def test_a_scam_call_she_did_not_fall_for_reaches_staff_without_alarm(people, words):
    told, li = await _says(people, words)  # the first was "听到您很好，真高兴！"
    assert any(words in t and "诈骗" in t for t in li.texts() if "求助 #1" in t), li.texts()
    assert not any("紧急求助" in t for t in li.texts())
    said = "\n".join(told)
    assert "社工" in said and "真高兴" not in said, told


@pytest.mark.parametrize("words", ["我的医保卡出问题了 刷不了", "我妈老年痴呆 不认得我了", "有人打电话说我医保卡冻结了 我挂了"])
async def test_a_card_that_will_not_work_dementia_or_a_scam_hung_up_on_alarm_nobody(people, words):
    told, li = await _says(people, words)
    assert not any("紧急求助" in t for t in li.texts()), li.texts()


@pytest.mark.parametrize("words", ["我眼睛一下子看勿见了", "我嘴巴有点歪", "我脸好像歪了",  # were "没太明白", a 🤒 request
                                   "我眼睛不好 今天看东西都是重影"])                        # was a 🤒 request
async def test_a_stroke_sign_in_dialect_or_told_as_slight_is_an_emergency(people, words):
    told, li = await _says(people, words)
    assert words in li.last("紧急求助 #1").text


async def test_a_prize_that_wants_a_fee_first_is_a_scam_under_way(people):
    told, li = await _says(people, "有人说我中奖了 要我先交钱")  # was "没太明白"
    assert "有人说我中奖了 要我先交钱" in li.last("紧急求助 #1").text
    assert "转账" in "\n".join(told), told


async def test_a_bill_she_cannot_pay_reaches_staff_without_alarm(people):
    told, li = await _says(people, "我交不起电费")  # was an emergency ("需要马上有人来吗？")
    assert "我交不起电费" in li.last("求助 #1").text
    assert not any("紧急求助" in t for t in li.texts())
    assert not any("需要马上有人来吗" in t for t in told), told


async def test_a_husband_who_has_not_eaten_all_day_reaches_a_person(people):
    told, li = await _says(people, "阿拉老头子今朝一日勿吃饭")  # was "没太明白"
    assert any("阿拉老头子今朝一日勿吃饭" in t for t in li.texts() if "求助 #1" in t), li.texts()
    assert not any("没太明白" in t for t in told), told
