"""The strangers' summary call pings whoever claimed it when more strangers join.

Beyond `escalation.strangers_per_10_minutes`, strangers' cries join one summary call whose packet counts them, edited
in place — an edit makes no sound. So once 李社工 had claimed the summary and was phoning the first of them, the next
strangers who cried for help reached nobody's ear: only a number changed in a message she was not looking at. Now the
staff member holding it gets the first of a minute at once, as a short line with who and what they said, and the rest
of that minute as one count, as a resident's repeats reach whoever holds his call. Before anyone claims it, it stays
one packet edited in place (everyone alerted would be pinged for each stranger of a spam wave).
"""
from bot.testing.tools import Person

CRY = "救命 我摔倒了"


async def _claimed_summary(make_app, settings):
    escalation = settings.escalation.model_copy(update={"strangers_per_10_minutes": 2})
    app = await make_app(settings_=settings.model_copy(update={"escalation": escalation}))
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    for i in range(3):
        await Person(app, 8400 + i, f"路人{i}").send(CRY)
    await li.click(li.last("紧急求助 #3"), "我来处理")
    return app, li, wa


async def test_a_stranger_joining_a_claimed_summary_call_reaches_its_claimer_at_once(make_app, settings):
    app, li, wa = await _claimed_summary(make_app, settings)
    before, before_wa = len(li.inbox), len(wa.inbox)
    await Person(app, 8410, "路人甲").send("救命 我家着火了")
    new = li.inbox[before:]
    assert len(new) == 1 and "#3" in new[0].text and "路人甲" in new[0].text and "我家着火了" in new[0].text
    assert "我家着火了" not in "".join(m.text for m in wa.inbox[before_wa:])  # only whoever holds it


async def test_more_strangers_joining_a_claimed_summary_within_a_minute_reach_its_claimer_as_one_count(
        make_app, settings, clock):
    app, li, wa = await _claimed_summary(make_app, settings)
    for i in range(4):
        clock.advance(seconds=5)
        await Person(app, 8420 + i, f"路人{i + 10}").send(CRY)
    before = len(li.inbox)
    assert sum("#3" in m.text and "路人1" in m.text for m in li.inbox) >= 1  # the first, at once
    clock.advance(seconds=60)
    await app.engine.tick()
    new = [m.text for m in li.inbox[before:]]
    assert len(new) == 1 and "#3" in new[0] and "又有 3 位" in new[0] and "陌生人" in new[0], new


async def test_strangers_joining_an_unclaimed_summary_call_are_counted_on_its_packet_without_a_ping(
        make_app, settings):
    escalation = settings.escalation.model_copy(update={"strangers_per_10_minutes": 2})
    app = await make_app(settings_=settings.model_copy(update={"escalation": escalation}))
    li = Person(app, 1001, "李社工")
    for i in range(6):
        await Person(app, 8400 + i, f"路人{i}").send(CRY)
    assert len(li.inbox) == 3  # two calls and the summary, its count edited in place
    assert "并入" in li.last("紧急求助 #3").text
