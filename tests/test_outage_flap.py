"""Redis answering for a moment while the fallback is still alerting staff about a cry (a flapping server, a failover
under way): the outage job's replay began — the journal file holding the cry sealed — and broke, and then the
fallback wrote whom its alert reached, into a new file. Once Redis is back for good the cry must still become a
stored call that escalates: the line saying whom the alert reached is no call of its own, and must not stand in for
the cry it is about.
"""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def test_redis_flapping_while_the_fallback_alerts_a_cry_still_stores_the_cry(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    journal, real, began = app.svc.outage.journal, app.svc.outbox.send, []

    async def flapping(msg, **kw):
        if msg.chat_id == 1001 and msg.tag.endswith("fallback:cry") and not began:
            began.append(True)  # Redis answered a moment: a replay read (sealed) the journal, then broke
            journal.let_go(journal.read_all())
        return await real(msg, **kw)

    app.svc.outbox.send = flapping
    own_redis.stop()
    await wang.send("救命 我摔倒了")
    assert began and "120" in wang.last().text
    own_redis.start()
    await replay_tick(app)
    await replay_tick(app)
    ids = await app.svc.store.open_incident_ids()
    assert len(ids) == 1, "his cry was never stored"
    li = Person(app, 1001, "李社工")
    assert any("紧急求助 #" in t and "王老伯" in t and "李社工" in t for t in li.texts())  # whom the alert reached
