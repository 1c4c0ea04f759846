"""No incident lives forever: an arrived incident is followed up, and a new 🆘 on a claimed or arrived incident
is a new urgent call (buttons, escalation) — never a plain line."""
from conftest import signed_up


async def claimed_by_wang(people, app, *, arrive: bool):
    """王老伯 calls; 王社工 (not on duty on Monday morning) takes it over and, if asked, arrives."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    await wa.press_data(1, "inc:claim:1")
    if arrive:
        await wa.press_data(1, "inc:arrive:1")
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"
    return wang, li, wa


async def heard_later(app, clock, person, needle: str, minutes: float) -> bool:
    """Whether `person` gets a message containing `needle` while `minutes` pass."""
    seen = len(person.inbox)
    clock.advance(minutes=minutes)
    await app.engine.tick()
    return any(needle in m.text for m in person.inbox[seen:])


async def test_an_arrived_incident_never_resolved_is_followed_up_claimer_first_then_all_staff(people, app, clock):
    wang, li, wa = await claimed_by_wang(people, app, arrive=True)
    chen = people("陈书记")
    before_li, before_wa = len(li.inbox), len(wa.inbox)
    clock.advance(minutes=59)
    await app.engine.tick()
    assert len(wa.inbox) == before_wa and len(li.inbox) == before_li
    clock.advance(minutes=1.1)
    await app.engine.tick()
    ask = wa.last("还没有结案")
    assert "✅ 已解决" in [b[0] for b in ask.buttons]
    assert len(li.inbox) == before_li and chen.inbox == []  # the claimer is asked first
    clock.advance(minutes=60.1)
    await app.engine.tick()
    assert "还没有结案" in li.last("紧急求助").text and "还没有结案" in chen.last("紧急求助").text
    await wa.click(wa.last("紧急求助"), "已解决")
    await wa.click(wa.last("结果是"), "已处理")
    assert not await heard_later(app, clock, li, "还没有结案", 300)


async def test_a_new_sos_26_hours_after_arrival_is_an_urgent_call_that_escalates(people, app, clock):
    wang, li, wa = await claimed_by_wang(people, app, arrive=True)
    clock.advance(hours=26)
    await app.engine.tick()  # the follow-ups of the day
    chen = people("陈书记")
    seen_chen = len(chen.inbox)
    await wang.send("🆘 紧急求助")
    for staff in (wa, li):  # the claimer and the on-duty staff (Tuesday noon: 李社工)
        alert = staff.last("又发来紧急求助")
        assert "建新路27弄5号302室" in alert.text and "13900000002" in alert.text
        assert "🙋 我来处理" in [b[0] for b in alert.buttons]
    assert len(chen.inbox) == seen_chen  # not the head yet
    assert "已经收到您的求助" in wang.last().text
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "又发来紧急求助" in chen.last("紧急求助").text  # nobody answered: the next level
    await li.click(li.last("又发来紧急求助"), "我来处理")
    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "li" and inc["status"] == "claimed"
    assert "李社工 已经接手" in wang.last().text
    assert not await heard_later(app, clock, chen, "又发来紧急求助", 10)


async def test_a_new_sos_on_a_claimed_incident_reaches_the_claimer_with_buttons(people, app, clock):
    wang, li, wa = await claimed_by_wang(people, app, arrive=False)
    await wang.send("救命，我又摔倒了")
    alert = wa.last("又发来紧急求助")
    assert "我又摔倒了" in alert.text
    assert {"🙋 我来处理", "📍 已到达/已联系"} <= {b[0] for b in alert.buttons}
    assert "又发来紧急求助" in li.last("紧急求助").text
    await wa.click(alert, "已到达")  # the claimer answers: no escalation follows
    assert not await heard_later(app, clock, people("陈书记"), "又发来紧急求助", 10)
    assert (await app.svc.store.incident(1))["status"] == "arrived"
