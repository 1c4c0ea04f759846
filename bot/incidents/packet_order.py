"""The full packets after a digest come in the digest's order. Each call's packets follow its own record, and
records finish in whatever order Redis answers (#2, #4, #3, #1): a staff member scrolling down from a digest that
listed #1 #2 #3 #4 read them shuffled. So each call's packet to a chat waits until the packet of the call listed above
it in that chat's digest has been sent (or given up); the first listed waits for nothing. A packet never waits
longer than TURN_SECONDS for another: order is a courtesy, the packet is not."""
from __future__ import annotations

import asyncio

TURN_SECONDS = 30.0


def chain(sends: list) -> None:
    """A digest's sends (`rounds._Send`), in the order it lists them: each one's packet after the one before."""
    loop, before = asyncio.get_running_loop(), None
    for send in sends:
        send.after, send.turn = before, loop.create_future()
        before = send.turn


async def wait_turn(call) -> None:
    """Until the packets listed above this call's, in each digest it was in, have gone."""
    before = [s.after for s in call.sends if s.after is not None and not s.after.done()]
    if before:
        await asyncio.wait(before, timeout=TURN_SECONDS)


def done(call) -> None:
    """This call's packets have gone (or will not): the calls listed below it go next."""
    for send in call.sends:
        if send.turn is not None and not send.turn.done():
            send.turn.set_result(None)
