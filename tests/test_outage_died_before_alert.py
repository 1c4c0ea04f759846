"""The bot's process dies during a Redis outage between writing a cry down and alerting staff about it.

At 02:00 Redis is away; 王老伯 cries 救命. The fallback writes his call to the journal (fsync'd) and has told him 120
and the committee's phone — and the process dies (the OOM killer, a power blip) before its alert to staff leaves.
systemd starts it again at once, Redis still away. Before, nobody among the staff heard of him until Redis came back,
maybe an hour later. Now the new process finds the cry in the dead process's journal file with no record of whom
its alert reached, and alerts every staff member with it, once; once Redis is back it is stored as any journaled
call.
"""
import asyncio

from conftest import signed_up
from test_outage_cries_held import a_second_later
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person
from bot.types import Inbound

EVERYONE = (1001, 1002, 1003)
FALLBACK_ALERT = "未能记录"


def one_alert_each(app, words: str) -> None:
    """Every staff member and the head got the fallback alert of his cry, with `words`, exactly once."""
    for tg in EVERYONE:
        alerts = [t for t in Person(app, tg).texts() if FALLBACK_ALERT in t]
        assert len(alerts) == 1 and words in alerts[0], Person(app, tg).texts()


async def he_cried_and_the_process_died_before_alerting(first, chats=EVERYONE):
    """His cry handled by `first` until a message to one of `chats` (its staff alerts) would leave; then `first`
    dies, that message on its way (Telegram may or may not have it)."""
    sending, real = asyncio.Event(), first.svc.outbox.send

    async def dying(msg, **kw):
        if msg.chat_id in chats:
            sending.set()
            await asyncio.Event().wait()  # never answered: the process is about to die
        return await real(msg, **kw)

    first.svc.outbox.send = dying
    handling = asyncio.ensure_future(first.engine.handle(
        Inbound(user_id=5001, chat_id=5001, kind="text", text="救命 我摔倒了", first_name="王老伯", message_id=77)))
    await sending.wait()
    handling.cancel()  # killed
    await asyncio.gather(handling, return_exceptions=True)
    await first.svc.outage.close()


async def test_a_cry_whose_process_died_before_alerting_staff_reaches_them_from_the_journal_once(
        make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    await signed_up(Person(first, 5001, "王老伯"), "13900000002")
    second = await make_app(redis_url=own_redis.url)  # systemd's restart (same journal folder)
    own_redis.stop()
    await he_cried_and_the_process_died_before_alerting(first)
    assert all(Person(first, tg).texts() == [] or FALLBACK_ALERT not in "".join(Person(first, tg).texts())
               for tg in EVERYONE)
    for _ in range(3):
        clock.advance(seconds=5)
        await a_second_later(second)
    one_alert_each(second, "救命 我摔倒了")
    own_redis.start()
    await replay_tick(second)
    assert len(await second.svc.store.open_incident_ids()) == 1


async def test_a_cry_whose_fallback_alert_telegram_refused_is_alerted_again_once_telegram_answers(
        make_app, own_redis, clock):
    """Redis and Telegram both failing at 02:00 (the server's network flapping): his cry is journaled but its alert
    reaches nobody. Telegram answers again a minute later, Redis still away: staff hear of him then, once."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    real, over = app.svc.outbox.send, []

    async def bad_gateway(msg, **kw):
        if msg.chat_id in EVERYONE and not over:
            from bot.types import SendResult
            return SendResult(False, error="Bad Gateway", permanent=False)
        return await real(msg, **kw)

    app.svc.outbox.send = bad_gateway
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    assert all(FALLBACK_ALERT not in "".join(Person(app, tg).texts()) for tg in EVERYONE)
    clock.advance(seconds=30)
    await a_second_later(app)  # still refused
    over.append(True)  # Telegram answers again
    for _ in range(4):
        clock.advance(seconds=10)
        await a_second_later(app)
    one_alert_each(app, "王老伯")
