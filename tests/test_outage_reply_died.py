"""The bot's process dies during a Redis outage while 王老伯's own reply (120 and the committee's phone) is on its way.

At 02:00 Redis is away; he cries 救命. The fallback journals his cry, alerts staff, and sends him 120 and the
committee's phone — and the process dies (the OOM killer, a power blip) with his reply still in flight: Telegram may
or may not have it. Whether it got there was written only after the send, so the restarted process found nothing
owed and he read nothing: a frightened man who cried and was answered by silence. Now the reply is written into his
journaled call before it is sent, as owed until it got there: the restarted process sends it within 30 s. Reading it
twice is fine; never zero.
"""
from conftest import signed_up
from test_outage_cries_held import a_second_later
from test_outage_died_before_alert import EVERYONE, he_cried_and_the_process_died_before_alerting
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

WANG = 5001


async def test_his_reply_whose_process_died_while_sending_it_is_sent_by_the_restarted_process(
        make_app, own_redis, clock):
    first = await make_app(redis_url=own_redis.url)
    await signed_up(Person(first, WANG, "王老伯"), "13900000002")
    second = await make_app(redis_url=own_redis.url)  # systemd's restart (same journal folder)
    own_redis.stop()
    await he_cried_and_the_process_died_before_alerting(first, chats={WANG})  # his reply on its way
    assert not any("120" in t for t in Person(first, WANG).texts())
    for _ in range(8):  # the restarted process's every-second jobs, Redis still away
        clock.advance(seconds=5)
        await a_second_later(second)
    wang = Person(second, WANG)
    replies = [t for t in wang.texts() if "120" in t]
    assert len(replies) == 1 and COMMITTEE in replies[0], wang.texts()
    assert all(any("救命 我摔倒了" in t for t in Person(second, tg).texts() + Person(first, tg).texts())
               for tg in EVERYONE)  # staff heard of him, as before
    own_redis.start()
    await replay_tick(second)
    assert len(await second.svc.store.open_incident_ids()) == 1


async def test_his_reply_whose_process_died_while_sending_it_is_the_recovery_message_once_redis_is_back_first(
        make_app, own_redis, clock):
    """Restarted only once Redis is back: his call is stored and alerted, and he reads that it is recorded, with the
    committee's phone, once — not silence, and not the outage's reply after the outage."""
    first = await make_app(redis_url=own_redis.url)
    await signed_up(Person(first, WANG, "王老伯"), "13900000002")
    own_redis.stop()
    await he_cried_and_the_process_died_before_alerting(first, chats={WANG})  # his reply on its way
    own_redis.start()
    second = await make_app(redis_url=own_redis.url)  # systemd's restart (same journal folder)
    for _ in range(3):
        clock.advance(seconds=31)
        await a_second_later(second)
    (told,) = Person(second, WANG).texts()
    assert "系统已恢复" in told and COMMITTEE in told
    assert len(await second.svc.store.open_incident_ids()) == 1
