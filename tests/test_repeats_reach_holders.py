"""Who hears a caller's further cries and a stranger joining a call, before and after someone has claimed it.

The rule (README "Repeated calls stay readable"): they reach the staff holding the call — while nobody has claimed it,
every staff member it alerted (the first of a minute at once, the rest as one count a minute later); once claimed,
the claimer alone (a resident's or stranger's own further cry after a claim is a new urgent call: Incidents.renew);
while a renewal of it waits for an answer, everyone it alerted again.

Before: a second neighbour crying in the building's group about the same fire, after 王社工 had claimed the group's
call, still pinged every staff member the call had ever reached (the head included), not the one holding it; a count
of a resident's repeats ("又发来 2 次") that fell due after the claim went to all of them too; and other neighbours
joining a group's call within the minute were counted as the first caller "又发来 N 次", as if he kept crying.
"""
from conftest import signed_up
from test_group_cry import in_group

from bot.testing.tools import Person

CRY = "着火了 救命"


async def _everyone_alerted(app, clock) -> None:
    clock.advance(minutes=3.1)  # nobody claimed: the next level, every staff member and the head
    await app.engine.tick()


async def test_a_neighbour_joining_a_claimed_group_call_reaches_its_claimer_not_everyone_it_alerted(app, clock):
    li, wa, chen = Person(app, 1001, "李社工"), Person(app, 1002, "王社工"), Person(app, 1003, "陈书记")
    await in_group(Person(app, 9201, "邻居甲"), CRY)
    await _everyone_alerted(app, clock)
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    clock.advance(minutes=2)
    before = {p.id: len(p.inbox) for p in (li, wa, chen)}
    await in_group(Person(app, 9202, "邻居乙"), "救命 烟好大")
    assert any("邻居乙" in m.text and "烟好大" in m.text for m in wa.inbox[before[wa.id]:])
    for other in (li, chen):
        assert not any("邻居乙" in m.text for m in other.inbox[before[other.id]:]), other.texts()


async def test_neighbours_joining_an_unclaimed_group_call_reach_everyone_alerted_then_as_a_count_of_people(
        app, clock):
    li, wa, chen = Person(app, 1001, "李社工"), Person(app, 1002, "王社工"), Person(app, 1003, "陈书记")
    await in_group(Person(app, 9201, "邻居甲"), CRY)
    await _everyone_alerted(app, clock)
    for i, name in enumerate(("邻居乙", "邻居丙", "邻居丁")):
        clock.advance(seconds=5)
        await in_group(Person(app, 9202 + i, name), CRY)
    for staff in (li, wa, chen):  # the first of the minute at once, to everyone alerted
        assert sum("邻居乙" in m.text for m in staff.inbox) >= 1
        assert not any("邻居丙" in m.text or "邻居丁" in m.text for m in staff.inbox if "#1" in m.text
                       and "紧急求助" not in m.text)
    clock.advance(seconds=60)
    await app.engine.tick()
    for staff in (li, wa, chen):  # the rest: how many other people, not "邻居甲 cried again"
        last = staff.inbox[-1].text
        assert "2 位" in last and "又发来" not in last, staff.texts()


async def test_a_count_of_a_residents_repeats_due_after_a_claim_reaches_only_the_claimer(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li, wa, chen = Person(app, 1001, "李社工"), Person(app, 1002, "王社工"), Person(app, 1003, "陈书记")
    await wang.send("🆘 紧急求助")
    await _everyone_alerted(app, clock)
    for _ in range(3):  # the first at once to everyone alerted, two counted
        clock.advance(seconds=5)
        await wang.send("救命")
    assert all("又发来求助" in p.last("又发来").text for p in (li, wa, chen))
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    before = {p.id: len(p.inbox) for p in (li, wa, chen)}
    clock.advance(seconds=60)
    await app.engine.tick()
    assert any("又发来 2 次" in m.text for m in wa.inbox[before[wa.id]:])
    for other in (li, chen):
        assert not any("又发来" in m.text for m in other.inbox[before[other.id]:]), other.texts()


async def test_a_residents_further_cry_while_a_renewal_waits_for_an_answer_reaches_everyone_alerted(
        people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li, wa, chen = Person(app, 1001, "李社工"), Person(app, 1002, "王社工"), Person(app, 1003, "陈书记")
    await wang.send("🆘 紧急求助")
    await _everyone_alerted(app, clock)
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    clock.advance(minutes=5)
    await wang.send("救命 我又摔了")  # claimed: a new urgent call (a second fall)
    assert "又发来紧急求助" in wa.last("又发来紧急求助").text
    clock.advance(seconds=20)
    await wang.send("救命 快来")  # nobody has answered the renewal: whoever it alerted hears
    for staff in (li, wa, chen):
        assert "快来" in staff.last("快来").text
