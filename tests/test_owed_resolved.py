"""After a digest, each call's full packet is owed to the staff who got the digest. A call a colleague closed
meanwhile still reached them as a full alert packet — 🆘🆘 at alert priority, as if someone should go — because
the packet owed was sent whatever had become of its call. Now a call that is over by the time its packet goes
reaches them as one plain line saying it is over and who closed it, never as an alert to act on."""
from datetime import datetime

from test_burst import numbers
from test_digest_crash import crashed_after_a_digest, packets
from test_incident_followups import SH, until

from bot.testing.tools import Person


async def test_a_packet_owed_for_a_call_closed_meanwhile_says_it_is_over_and_is_no_alert(app, clock, make_app):
    li = await crashed_after_a_digest(app, clock, 3)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    wa = Person(after, 1002, "王社工")
    await wa.press_data(0, "inc:claim:2")  # a colleague took #2 from the desk and closed it
    await wa.send("#2 误报")
    await wa.click(wa.inbox[-1], "误报")
    assert (await after.svc.store.incident(2))["status"] == "resolved"
    li = Person(after, li.id, li.name)
    n = len(li.inbox)
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 2, 30, tzinfo=SH), [li], every=0.25)
    assert sorted(x for t in packets(heard[0]) for x in numbers(t)) == [1, 3]  # the open ones as alerts
    over = [m for m in li.inbox[n:] if "#2" in m.text]
    assert len(over) == 1 and "已解决" in over[0].text and "王社工" in over[0].text and over[0].buttons == []
    sent = [m for m in after.svc.outbox.messenger.log if m.chat_id == li.id and "#2" in m.text]
    assert sent and not any(m.urgent for m in sent[-1:])


async def test_a_packet_that_waited_its_turn_while_a_colleague_closed_its_call_is_shown_closed(app, clock):
    """No crash: the packet is drawn, then waits its turn behind Telegram's pace; the call is closed meanwhile. The
    packet that went out is brought up to date (closed, no buttons), not left saying "等待接单"."""
    import asyncio

    from test_burst import residents

    from bot.types import Inbound
    from bot.testing.tools import _ids

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    crowd = await residents(app, 3)
    real = app.svc.outbox.send_all
    wa = 1002

    async def closed_meanwhile(msgs, *args, **kwargs):
        if any(m.tag == "packet:2" for m in msgs):  # a colleague closes #2 just before its packet goes
            app.svc.outbox.send_all = real
            for data in ("inc:claim:2", "out:2:false_alarm"):
                await app.engine.handle(Inbound(user_id=wa, chat_id=wa, kind="button", data=data,
                                                message_id=next(_ids), callback_id=str(next(_ids))))
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = closed_meanwhile
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in crowd))
    for _ in range(5):
        for task in list(app.engine.incidents.pending()):
            await task
    assert (await app.svc.store.incident(2))["status"] == "resolved"
    li = Person(app, 1001, "李社工")
    packet = li.last("紧急求助 #2")
    assert "已解决" in packet.text and packet.buttons == []
    assert "不用再去了" in li.last("#2").text  # told, not only an edit she may never look at


async def test_a_packet_owed_for_a_call_a_colleague_took_meanwhile_says_so_first_and_is_no_alert(app, clock, make_app):
    """A call taken since the digest still reached her as a full 🆘🆘 packet at alert priority, its claimer named
    only on its last line."""
    li = await crashed_after_a_digest(app, clock, 3)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await Person(after, 1002, "王社工").press_data(0, "inc:claim:2")
    li = Person(after, li.id, li.name)
    await until(after, clock, datetime(2026, 11, 23, 10, 2, 30, tzinfo=SH), [li], every=0.25)
    packet = li.last("紧急求助 #2")
    assert packet.text.splitlines()[0].startswith("🙋") and "王社工" in packet.text.splitlines()[0]
    sent = [m for m in after.svc.outbox.messenger.log if m.chat_id == li.id and "紧急求助 #2" in m.text and not m.edit]
    assert sent and not sent[-1].urgent
