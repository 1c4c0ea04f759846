"""What a daughter reads once her father's call has reached her (escalation) and he keeps pressing 🆘.

Before: the staff lines went to her as they were — "🆘 #1 王老伯 又发来求助：“🆘”", a line each minute, with the
call's number, and nothing new when a staff member took it (only her first message, edited silently). Now she hears, in her words and paced, that he is still calling and that staff know; and once someone
has taken it, a new line saying who — never a #number, a /command or anyone else's data.
"""
import re

from conftest import signed_up

from bot.testing.tools import Person

STAFF_JARGON = re.compile(r"#\d|/\w|又发来|接单|求助单")


async def called_and_reached_family(people, app, clock):
    daughter = await signed_up(people("王丽"), "13911110002")
    doctor = await signed_up(people("赵医生"), "13922220001")
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=8.1)  # nobody claimed: the family and doctor level
    await app.engine.tick()
    await app.engine.tick()
    assert "您的家人发出求助" in daughter.last().text
    return wang, daughter, doctor


async def test_a_daughter_reached_by_the_escalation_hears_his_repeated_sos_kindly_and_paced(people, app, clock):
    wang, daughter, doctor = await called_and_reached_family(people, app, clock)
    before = {p.id: len(p.inbox) for p in (daughter, doctor)}
    for _ in range(8):  # he keeps pressing, every 30 seconds for four minutes
        clock.advance(seconds=30)
        await wang.send("🆘 紧急求助")
        await app.engine.tick()
    for person in (daughter, doctor):
        new = [m.text for m in person.inbox[before[person.id]:]]
        assert 1 <= len(new) <= 2, new  # she knows he is still calling; not a line a minute
        assert "王老伯" in new[0] and "社工" in new[0], new
        assert not any(STAFF_JARGON.search(text) for text in new), new
        assert all(len(text) < 120 for text in new)


async def test_a_daughter_reached_by_the_escalation_hears_when_a_staff_member_has_taken_it(people, app, clock):
    wang, daughter, doctor = await called_and_reached_family(people, app, clock)
    wa = Person(app, 1002, "王社工")
    before = {p.id: len(p.inbox) for p in (daughter, doctor)}
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    for person in (daughter, doctor):
        new = [m.text for m in person.inbox[before[person.id]:]]
        assert len(new) == 1 and "王社工" in new[0] and "王老伯" in new[0], new
        assert not STAFF_JARGON.search(new[0]), new
    clock.advance(minutes=2)
    before = len(daughter.inbox)
    await wang.send("🆘 紧急求助")  # claimed: a new urgent call to the one holding it
    new = [m.text for m in daughter.inbox[before:]]
    assert len(new) == 1 and "王社工" in new[0] and "王老伯" in new[0], new  # who has it, not a bare alarm
    assert not STAFF_JARGON.search(new[0]), new


async def test_a_daughter_hears_who_has_her_fathers_call_after_it_is_handed_over(people, app, clock):
    wang, daughter, doctor = await called_and_reached_family(people, app, clock)
    wa, li = Person(app, 1002, "王社工"), Person(app, 1001, "李社工")
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    await wa.click(wa.last("紧急求助 #1"), "转交")
    before = len(daughter.inbox)
    await wa.click(wa.last("转交给谁"), "李社工")
    new = [m.text for m in daughter.inbox[before:]]
    assert len(new) == 1 and "李社工" in new[0] and "王老伯" in new[0], new  # not still "王社工" in her mind
    assert not STAFF_JARGON.search(new[0]), new
