"""More calls for help whose alerts reach nobody because Telegram fails (5xx, time-outs), not refuses
(tests/test_alert_faults.py: an unclaimed call's round is sent again 30 s later).

王老伯's call was claimed by 王社工; at 10:00 he cries again ("救命，我又摔倒了") while Telegram answers 502 to every
staff chat for a minute. The new round and its escalations, brought forward one after the other, reach no staff
member (his daughter, at level 2, has it): when Telegram is back, the staff must hear the new cry then, once each,
not only at the renewal's next level five minutes later.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_alert_faults import telegram_down
from test_incident_followups import SH

LI, WANG, CHEN = 1001, 1002, 1003
RENEWED = "又发来紧急求助"


STAFF = ("李社工", "王社工", "陈书记")


def seen(people) -> list[int]:
    return [len(people(name).inbox) for name in STAFF]


def heard(people, since: list[int], words: str = RENEWED) -> list[int]:
    """How many new messages (not the earlier packets, edited to show it) each staff member got saying `words`."""
    return [sum(words in m.text for m in people(name).inbox[k:]) for name, k in zip(STAFF, since)]


async def ticks(app, clock, n: int, seconds: float) -> None:
    for _ in range(n):
        clock.advance(seconds=seconds)
        await app.engine.tick()


async def test_a_renewed_cry_telegram_failed_for_a_minute_reaches_staff_soon_after_it_is_back(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await signed_up(people("王丽"), "13911110002")  # his daughter: the renewal's level 2 reaches her
    await wang.send("🆘 紧急求助")
    await people("王社工").press_data(1, "inc:claim:1")
    over, before = telegram_down(app), seen(people)
    await wang.send("救命，我又摔倒了")
    await app.engine.tick()
    assert heard(people, before) == [0, 0, 0]
    await ticks(app, clock, 1, 50)
    over.append(True)  # Telegram answers again, a minute after the new cry
    await ticks(app, clock, 4, 15)
    assert any(heard(people, before)), "nobody has the new cry two minutes after it"
    await ticks(app, clock, 4, 30)
    assert heard(people, before) == [1, 1, 1]  # the round once each, not again and again
