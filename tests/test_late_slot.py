"""A send that misses its slot must not land on top of the slots booked after it (issue 16: zero 429s on check-ins
with 2 and 4 worker processes).

Each send reserves the token's next slot (bot/sharedlimit.py), a little under 30 a second, and goes when it comes.
But between the slot and the request a check-in can be held back: a staff alert in flight holds every other send of
its process for up to half a second (bot/outbox.py URGENT_HOLD_SECONDS, bot/lanes.py), and a worker starved of CPU
wakes late. If the held sends then all go at once, they land at the server together with the sends on time for the
slots booked meanwhile (by this process or another one on the token), and the strict test server (30 in any second)
answers 429. Through the real aiogram client, two worker-like outboxes on one token (tests/test_alert_slot.py's).
"""
import asyncio

from test_alert_slot import checkins, storm


async def test_check_ins_held_back_by_an_alert_in_flight_do_not_go_all_at_once_past_thirty_a_second(redis_server):
    async def body(api, workers):
        a, b = workers

        async def alert_in_flight() -> None:
            await asyncio.sleep(1.0)  # the token is full: both processes send at their slots
            leave = a.outbox.lanes.hold()  # what a staff alert does from its slot to Telegram's answer, 0.5 s at most
            await asyncio.sleep(0.5)
            leave()

        *sent, _ = await asyncio.gather(*checkins(api, a, 26000, 50), *checkins(api, b, 27000, 50), alert_in_flight())
        assert all(r.ok for r in sent)
        assert api.stats.throttled == 0, api.stats  # the held ones went in slots of their own, not on top of others
        assert a.limiter.rebooked >= 5  # they took new slots (about one in every two of the half second's)
        assert a.limiter.fallbacks == b.limiter.fallbacks == 0  # in Redis, shared: not each on its own limits

    await storm(redis_server, body)
