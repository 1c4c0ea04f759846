"""A doctor's cry about one of her several residents, and a staff member's own cry, that Redis stored after the bot
had given up on them (frozen just as the call's MULTI was sent): the fallback answered and alerted every staff member,
and once Redis ran again the call was stored, unalerted. Staff must then get its packet, with its 🙋 claim button, at
once and once — not a second call beside it, and not only from the safety net ("first:n") 10 s later.
"""
import os
import signal

from conftest import signed_up
from test_fallback_media import app_own_redis_quick_locks  # noqa: F401 (own redis-server)
from test_outage_journal import replay_tick
from test_outage_stored_meanwhile import OUTAGE_LINE, packets, replayed
from test_outage_stranger_stored_meanwhile import frozen_at_the_next_multi

from bot.testing.tools import Person


async def _cried_while_redis_froze(app, server, person: Person, words: str) -> None:
    frozen_at_the_next_multi(app, server)
    try:
        await person.send(words)
    finally:
        os.kill(server.proc.pid, signal.SIGCONT)
    assert "120" in person.last().text  # the fallback, as before


async def _safety_net_due(app, clock) -> None:
    clock.advance(seconds=15)  # the first alert's safety net would be due now: it has nothing left to send
    await app.engine.tick()
    await replay_tick(app)


async def test_a_doctors_cry_about_one_of_her_residents_redis_stored_meanwhile_is_one_call_alerted_at_once(
        app_own_redis_quick_locks, clock):
    app, server = app_own_redis_quick_locks
    words = "我的病人摔倒了起不来"
    li = Person(app, 1001, "李社工")
    await Person(app, 7002, "路人乙").send("救命 我摔倒了")  # the path warm, as in a running bot: call #1
    doctor = await signed_up(Person(app, 5005, "赵医生"), "13922220001")  # 张阿姨's and 王老伯's doctor
    await _cried_while_redis_froze(app, server, doctor, words)
    assert "系统故障" in li.last(words).text
    await replayed(app)
    assert sorted(await app.svc.store.open_incident_ids()) == [1, 2]  # one call of her one cry
    (packet,) = packets(li, 2)  # the moment it is stored, not when its safety net is due
    assert words in packet.text and OUTAGE_LINE in packet.text and packet.buttons
    assert "哪一位" in doctor.last().text or "张阿姨" in str(doctor.last().buttons)  # she is asked which
    await _safety_net_due(app, clock)
    assert len(packets(li, 2)) == 1 and sorted(await app.svc.store.open_incident_ids()) == [1, 2]
    await li.click(packets(li, 2)[0], "我来处理")
    assert OUTAGE_LINE in packets(li, 2)[0].text  # the packet, edited, still says when it came


async def test_a_staff_members_own_cry_redis_stored_meanwhile_is_one_colleague_call_alerted_at_once(
        app_own_redis_quick_locks, clock):
    app, server = app_own_redis_quick_locks
    words = "救命 我在5号楼楼梯摔倒了起不来"
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    await Person(app, 7002, "路人乙").send("救命 我摔倒了")  # the path warm, as in a running bot: call #1
    await _cried_while_redis_froze(app, server, li, words)
    assert "同事" in wa.last("李社工").text
    await replayed(app)
    assert sorted(await app.svc.store.open_incident_ids()) == [1, 2]  # one call of her one cry
    colleague_packets = lambda: [m for m in wa.inbox if "同事求助 #2" in m.text]  # noqa: E731
    (packet,) = colleague_packets()  # the moment it is stored, not when its safety net is due
    assert "我来处理" in str(packet.buttons) and OUTAGE_LINE in packet.text
    await _safety_net_due(app, clock)
    assert len(colleague_packets()) == 1 and sorted(await app.svc.store.open_incident_ids()) == [1, 2]
    await wa.click(colleague_packets()[0], "我来处理")
    assert OUTAGE_LINE in colleague_packets()[0].text and "王社工" in li.last("王社工").text  # she hears who comes
