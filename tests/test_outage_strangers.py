"""Strangers' cries while Redis is away: one sender's repeats are one line, and nobody else is ever held back.

With Redis up, all strangers together open at most `escalation.strangers_per_10_minutes` calls (the rest join one
summary call), and one person's repeats reach staff once at once, then as one line a minute. While Redis is away the
fallback cannot read the register, so it cannot tell a stranger from a resident who signed up a minute ago in another
worker process: a cap on how many different people reach staff would one day hold back a resident. So nothing caps
different senders then. What it can tell is that the same chat cried again: a stranger (or anyone) crying 救命 once a
minute for ten minutes used to send every staff chat ten full "未能记录" alerts; now the first is the alert and the
rest join it as short lines, each with their latest words, at most one a minute. Once Redis is back the strangers'
journaled cries are capped as ever (the rest in the summary call), and a resident's is his own call.
"""
from conftest import signed_up
from test_outage_cries_held import a_second_later
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

ALERT = "未能记录"


def alerts_about(staff: Person, name: str) -> list[str]:
    return [m.text for m in staff.inbox if name in m.text and ALERT in m.text]


def lines_about(staff: Person, name: str) -> list[str]:
    return [m.text for m in staff.inbox if name in m.text and "又发来" in m.text]


async def test_a_stranger_crying_once_a_minute_during_an_outage_gets_one_alert_then_short_lines_with_his_words(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    stranger, li, chen = Person(app, 7001, "路人甲"), Person(app, 1001), Person(app, 1003)
    own_redis.stop()
    for minute in range(10):
        clock.advance(seconds=60)
        await stranger.send("救命" if minute != 6 else "救命 着火了")
        await a_second_later(app)
        assert "120" in stranger.last().text and COMMITTEE in stranger.last().text  # every time, at once
    for staff in (li, chen):
        assert len(alerts_about(staff, "路人甲")) == 1
        again = lines_about(staff, "路人甲")
        assert len(again) == 9 and "着火了" in again[5]  # one line a minute, with what he said
        assert all(len(line) < 80 for line in again)


async def test_a_strangers_quick_repeats_during_an_outage_come_as_one_counted_line_after_the_minute(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    stranger, li = Person(app, 7001, "路人甲"), Person(app, 1001)
    own_redis.stop()
    for _ in range(6):
        clock.advance(seconds=2)
        await stranger.send("救命")
    assert len(alerts_about(li, "路人甲")) == 1 and len(lines_about(li, "路人甲")) == 1  # the first repeat at once
    clock.advance(seconds=60)
    await a_second_later(app)
    assert "又发来 4 次" in lines_about(li, "路人甲")[-1]
    await a_second_later(app)
    assert len(lines_about(li, "路人甲")) == 2  # told once


async def test_many_strangers_during_an_outage_never_hold_back_a_residents_cry(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li, wa, chen = Person(app, 1001), Person(app, 1002), Person(app, 1003)
    own_redis.stop()
    cap = app.settings.escalation.strangers_per_10_minutes
    for i in range(cap + 3):  # more strangers than their cap in ten minutes
        clock.advance(seconds=5)
        await Person(app, 70_000 + i, f"路人{i}").send("救命")
    clock.advance(seconds=5)
    await wang.send("救命 我摔倒了")  # the register cannot be read: he is one more sender, and reaches everyone
    for staff in (li, wa, chen):
        assert len([m for m in staff.inbox if ALERT in m.text]) == cap + 4
        assert "我摔倒了" in staff.last().text and ALERT in staff.last().text
    own_redis.start()
    await replay_tick(app)
    opened = [await app.svc.store.incident(n) for n in await app.svc.store.open_incident_ids()]
    (his,) = [inc for inc in opened if inc.get("resident")]
    strangers = [inc for inc in opened if not inc.get("resident")]
    assert len(strangers) == cap + 1  # the cap, and one summary call counting the other three
    assert sum(int(inc.get("joined") or 0) for inc in strangers) == 2
    assert any(f"紧急求助 #{his['id']}" in m.text and "王老伯" in m.text for m in li.inbox)
