"""李社工 reads the bot in English ([English] tapped when asked, or /lang). Her alerts were English, yet other lines for
staff came in the committee's Chinese — a stranger's sign-up to approve, how her notice went, a resident's question
about it — and their buttons in the language of whoever wrote (probe, session 20). Now every one of them, and its
buttons, is in her language; what residents wrote stays as written."""
from conftest import signed_up
from test_notice_typed_reply import _noticed

from bot.testing.tools import Person


async def test_a_sign_up_to_approve_reaches_her_in_english_with_english_buttons(people, app):
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    await li.click(li.inbox[-1], "English")  # asked which she reads: her profile alone no longer decides
    stranger = Person(app, 7777, "小周", language="zh-hans")
    await stranger.send("/start")
    await stranger.share_contact("13712345678")
    ask = li.last("13712345678")
    assert "New request" in ask.text, ask.text
    assert [label for label, _ in ask.buttons] == ["✅ Approve", "❌ Reject"], ask.buttons


async def test_her_notices_report_and_a_residents_question_about_it_come_in_english(people, app, clock):
    zhang, li = await _noticed(app, people)
    await li.send("/lang en")  # English from now on
    await zhang.send("停水到几点")
    question = li.last("停水到几点")
    assert "asks about notice #1" in question.text, question.text
    assert [label for label, _ in question.buttons] == ["✍️ Answer"], question.buttons
    clock.advance(hours=24.2)
    await app.engine.tick()
    follow = li.last("#1 (after")
    assert "📋 Notice #1" in follow.text and "1 got it" in follow.text, follow.text
