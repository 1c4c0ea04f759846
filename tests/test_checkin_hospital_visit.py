"""To the morning's "今天身体好吗？" "今天要去医院复查" (a routine check-up) opened a request to staff ("✏️ 其他") and she read
"已经告诉居委会社工，他们会尽快联系您" — for a woman who is fine and on her way out. It is her check-in: 平安, a kind line,
nobody bothered. Unwell ("我不舒服要去医院") still reaches staff as unwell, and no one to go with her ("要去医院，没人陪我")
as a request for company."""
import pytest
from conftest import TUESDAY_9, at, enrolled


async def _answer(people, app, clock, words):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    n = len(zhang.texts())
    await zhang.send(words)
    return zhang, zhang.texts()[n:], (await app.svc.checkins.state(rid)).answer, people("李社工")


@pytest.mark.parametrize("words", ["今天要去医院复查", "今天去医院配药", "等一下要去医院复诊", "下午去地段医院量血压",
                                   "今朝要去医院复查", "好的 我今天去医院拿药", "今天去社区医院体检", "今天要复查",
                                   "在医院排队 量血压", "女儿陪我去医院复查"])
async def test_a_routine_hospital_visit_is_her_check_in_with_a_kind_line(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert answer == "ok" and li.texts() == []
    assert any("路上慢点" in t for t in told), told
    assert not any("告诉居委会社工" in t or "没太明白" in t for t in told)


@pytest.mark.parametrize("words", ["我不舒服要去医院", "头疼得厉害 要去医院", "今天要去医院复查 腿疼得走不动",
                                   "去医院复查 血压有点高"])
async def test_unwell_and_going_to_hospital_still_reaches_staff_as_unwell(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert answer in ("unwell", "help") and any(words in t for t in li.texts() if "求助 #1" in t)
    assert not any("路上慢点" in t for t in told)


@pytest.mark.parametrize("words", ["要去医院，没人陪我", "今天要去医院复查 没人陪我去", "明天去医院复查 谁能陪我去一下",
                                   "要去医院配药 能不能帮我叫个车"])
async def test_going_to_hospital_with_nobody_to_go_with_her_reaches_staff(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert any(words in t for t in li.texts() if "求助 #1" in t)
    assert not any("路上慢点" in t for t in told)


# Seeing a doctor, or going without saying why (session 17):
# To the morning's "今天身体好吗？" "今天去医院" or "今天去医院看病" read "没太明白". She answered: she is well enough to go
# out, so she reads a kind line and her check-in counts. But seeing a doctor (or going without saying why) is not a
# routine check-up: a social worker wants to know, to ring her later and ask how it went — so staff get a quiet
# request with her words, and she is told they know. Unwell ("我不舒服要去医院") still reaches staff as unwell.
@pytest.mark.parametrize("words", ["今天去医院", "今天去医院看病", "今天要去看病", "下午去看医生", "等一下去医院",
                                   "我今天要去医院", "今朝去医院看毛病", "今天去门诊看看"])
async def test_going_to_the_doctor_is_her_check_in_and_staff_hear_it_quietly(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert answer == "ok"
    assert any("路上慢点" in t and "社工" in t for t in told), told
    assert not any("没太明白" in t for t in told), told
    assert any(words in t for t in li.texts() if "求助 #1" in t), li.texts()
    assert not any("🆘" in t for t in li.texts())


@pytest.mark.parametrize("words", ["我不舒服要去医院", "头疼得厉害 要去医院看病", "今天去医院看病 腿疼得走不动"])
async def test_unwell_and_going_to_the_doctor_still_reaches_staff_as_unwell(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert answer in ("unwell", "help") and any(words in t for t in li.texts() if "求助 #1" in t)
    assert not any("路上慢点" in t for t in told)


@pytest.mark.parametrize("words", ["今天去医院复查", "今天去医院配药"])
async def test_a_routine_check_up_still_bothers_nobody(people, app, clock, words):
    zhang, told, answer, li = await _answer(people, app, clock, words)
    assert answer == "ok" and li.texts() == []
    assert any("路上慢点" in t for t in told), told
