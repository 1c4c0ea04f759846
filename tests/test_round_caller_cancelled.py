"""When the bot stops while an escalation round is on its way, the task that waited for the round is cancelled, and
the round's own work then failed on setting its result ("InvalidStateError", logged as "Task exception was never
retrieved" at every shutdown under load). The round's work now finishes quietly: its messages still went out."""
import asyncio

from conftest import signed_up


async def test_a_round_whose_caller_was_cancelled_finishes_without_an_error(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    incidents, started = app.svc.incidents, []
    background = incidents.background

    def kept(coro):  # every piece of the round's own work, kept to look at once it ended
        started.append(background(coro))
        return started[-1]

    incidents.background = kept
    person = await app.svc.store.resident_by_tg(wang.id)
    n = await incidents.open("emergency", person, words="🆘")
    inc = await app.svc.store.incident(n)
    targets = await incidents.recipients(inc, ["all_staff", "head"])
    waiting = asyncio.ensure_future(incidents._round_alert(n, 1, inc, person, targets, "alert.escalated"))
    await asyncio.sleep(0)  # it has joined the round
    waiting.cancel()  # the bot stopping
    await asyncio.sleep(0.3)  # the round leaves and its sends end
    ended = await asyncio.gather(*started, return_exceptions=True)
    assert started
    assert [type(e).__name__ for e in ended if isinstance(e, BaseException)] == []
    assert any(f"#{n}" in t for t in people("王社工").texts())  # the round's messages still went out
