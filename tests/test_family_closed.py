"""A daughter told "your father asked for help" heard how it ended only when staff pressed ✅ 已解决: a voice of hers
staff listened to (✅ 已听，不紧急), in private or in a group, closed without a word to her; a missed check-in she
was alerted about, closed by her mother's late answer, reached her in the staff's words ("#1 … 谢谢大家", "请看新的
求助") or not at all. Now whatever closes a call, each family contact told of it hears once, in her own words, how
it ended, with the committee's phone and nobody's personal data."""
import asyncio

from bot.testing.tools import Person
from conftest import TUESDAY_9, at, enrolled, signed_up
from test_family_join_race import meet
from test_family_resolved import private_data_in
from test_group_media import in_group

COMMITTEE = "021-64370000"
STAFF_WORDS = ("#1", "谢谢大家", "请看新的求助", "自动关闭")


def closes_heard(person, marker: str) -> list[str]:
    return [t for t in person.texts() if marker in t]


async def test_a_daughter_whose_voice_staff_listened_to_hears_it_was_heard(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send_kind("voice")
    li = people("李社工")
    await li.click(li.last("紧急联系人发来语音"), "已听")
    [line] = closes_heard(wangli, "听过")
    assert "李社工" in line and "王老伯" in line and "不紧急" in line and COMMITTEE in line
    assert private_data_in(line) == []


async def test_a_daughters_voice_in_a_group_marked_heard_is_told_to_her_in_private(people, app):
    wangli = await signed_up(people("王丽"), "13911110002")
    await in_group(wangli, "voice")
    li = people("李社工")
    await li.click(li.last("紧急联系人发来语音"), "已听")
    [line] = closes_heard(wangli, "听过")
    assert "李社工" in line and COMMITTEE in line and private_data_in(line) == []


async def missed_and_told_to_her_son(people, app, clock, son=None):
    """张阿姨 enrolled, silent on Tuesday's check-in; the missed check-in (#1) escalated to her son 张明 at 11:00."""
    zhangming = await signed_up(son or people("张明"), "13911110001")
    zhang, _ = await enrolled(people, app)
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    for hour, minute in ((10, 21), (11, 1)):
        clock.set(TUESDAY_9.replace(hour=hour, minute=minute))
        await app.engine.tick()
    assert any("张阿姨" in t for t in zhangming.texts())  # the escalation reached him
    return zhang, zhangming, len(zhangming.inbox)


async def what_he_hears_when_she_answers(people, app, clock, answer: str) -> str:
    """She answers the missed check-in late (11:12); the one message her son gets then."""
    zhang, zhangming, before = await missed_and_told_to_her_son(people, app, clock)
    clock.set(TUESDAY_9.replace(hour=11, minute=12))
    await zhang.click(zhang.last("身体好吗"), answer)
    said = [s.text for s in zhangming.inbox[before:]]
    assert len(said) == 1, said
    assert not any(w in said[0] for w in STAFF_WORDS) and private_data_in(said[0]) == []
    return said[0]


async def test_a_son_alerted_of_a_missed_check_in_hears_in_his_words_that_his_mother_answered(people, app, clock):
    said = await what_he_hears_when_she_answers(people, app, clock, "我很好")
    assert "张阿姨" in said and "11:12" in said and "我很好" in said and COMMITTEE in said


async def test_a_son_whose_mother_answers_late_that_she_needs_help_is_told_staff_will_contact_her(people, app, clock):
    said = await what_he_hears_when_she_answers(people, app, clock, "不太舒服")
    assert "不太舒服" in said and "社工" in said and "平安" not in said


async def test_a_daughter_who_sent_a_voice_on_her_fathers_missed_check_in_hears_when_he_answers(people, app, clock):
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    await wangli.send_kind("voice")  # on his open call (#1): staff hear it with it
    assert await app.svc.store.open_incident_ids() == [1]
    clock.set(TUESDAY_9.replace(hour=10, minute=5))
    await wang.click(wang.last("身体好吗"), "我很好")
    [line] = closes_heard(wangli, "10:05")
    assert "王老伯" in line and "我很好" in line and COMMITTEE in line


async def test_a_late_answer_and_staffs_resolve_at_the_same_moment_tell_the_son_once(people, app, clock, monkeypatch):
    zhang, zhangming, before = await missed_and_told_to_her_son(people, app, clock)
    li = people("李社工")
    await li.click(li.last("签到无回复 #1"), "我来处理")
    await li.click(li.last("签到无回复 #1"), "已解决")
    clock.set(TUESDAY_9.replace(hour=11, minute=12))
    meet(monkeypatch, app.svc.store, "close_incident")  # the two closes reach Redis at the same moment
    await asyncio.gather(zhang.click(zhang.last("身体好吗"), "我很好"), li.click(li.last("结果是"), "已处理"))
    taken, *said = [s.text for s in zhangming.inbox[before:]]
    assert "李社工已经接手" in taken  # he hears who took it (family_news.py), then how it ended, once
    assert len(said) == 1, said


async def test_a_call_he_says_was_pressed_by_mistake_is_closed_to_her_once_staff_have_checked(people, app):
    """"我按错了" never closes a call (staff still phone him): she hears once, when staff close it as a false alarm."""
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸爸摔倒了起不来")
    await wang.send("我按错了")
    inc = await app.svc.store.incident(1)
    assert inc.get("maybe_false_alarm") and inc["status"] != "resolved" and not closes_heard(wangli, "王老伯的求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "误报")
    [line] = closes_heard(wangli, "王老伯的求助")
    assert "误报" in line and "李社工" in line and COMMITTEE in line


async def test_a_son_who_reads_english_hears_in_english_that_his_mother_answered(people, app, clock):
    son = Person(app, 5123, "张明", language="en")
    await son.send("/start")
    await son.click(son.inbox[-1], "English")  # his profile alone would not say it (the committee's, then)
    zhang, zhangming, _ = await missed_and_told_to_her_son(people, app, clock, son)
    clock.set(TUESDAY_9.replace(hour=11, minute=12))
    await zhang.click(zhang.last("身体好吗"), "我很好")
    line = zhangming.last("11:12").text
    assert "answered the check-in" in line and COMMITTEE in line and "平安" not in line
