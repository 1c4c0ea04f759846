"""After a notice ("明天上午停水"), an old woman asks about it — "停水到几点", "什么意思". She read "这个我答不上来…按这里，
我帮您问问社工", and a tap gave staff her words with no idea which notice she meant (lead's probe, session 18). Now,
while the notice awaits her answer, a question about it reaches the notice's sender, naming the notice, and she reads
that they will answer her. A pension question still goes to the pension answers."""
import pytest
from test_notice_typed_reply import _noticed


@pytest.mark.parametrize("words", ["停水到几点", "什么意思", "停水要停多久？"])
async def test_a_question_about_the_notice_reaches_its_sender_naming_it(app, people, words):
    zhang, li = await _noticed(app, people)
    before = len(li.texts())
    await zhang.send(words)
    told = [t for t in li.texts()[before:] if words in t]
    assert told and "通知 #1" in told[-1] and "明天上午停水" in told[-1], li.texts()[before:]
    reply = " ".join(zhang.texts()[-3:])
    assert "答不上来" not in reply and "通知" in reply and "回复您" in reply, reply


async def test_a_pension_question_after_a_notice_is_still_answered(app, people):
    zhang, li = await _noticed(app, people)
    before = len(li.texts())
    await zhang.send("老年综合津贴每个月多少钱")
    assert "津贴" in zhang.last().text and "通知" not in zhang.last().text
    assert not [t for t in li.texts()[before:] if "多少钱" in t]


async def test_after_the_window_closed_a_question_is_no_longer_about_the_notice(app, people, clock):
    zhang, li = await _noticed(app, people)
    clock.advance(hours=24.2)
    await app.engine.tick()
    before = len(li.texts())
    await zhang.send("什么意思")
    assert not [t for t in li.texts()[before:] if "什么意思" in t and "通知 #1" in t]


async def test_the_senders_answer_reaches_her(app, people):
    zhang, li = await _noticed(app, people)
    await zhang.send("停水到几点")
    await li.click(li.last("通知 #1"), "回答")
    await li.send("中午12点来水")
    answer = zhang.last("回答您的问题")
    assert "停水到几点" in answer.text and "中午12点来水" in answer.text
