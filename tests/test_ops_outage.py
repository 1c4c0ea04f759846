"""What an operator reads on /metrics while Redis is away: the fallback answers and alerts staff, and /metrics says so.

During an outage every cry reaches staff through the fallback (bot/fallback.py). A known resident's alert was counted
as a staff alert, a stranger's was not; an alert the fallback could not deliver went uncounted for strangers; time to
first alert saw no outage alert at all; and nothing said Redis was down or that calls waited in the outage journal.
"""
from conftest import signed_up
from test_ops import _get, _with_ops, sample
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def test_during_an_outage_metrics_count_every_fallback_alert_and_say_redis_is_down(make_app, settings, own_redis):
    app = await make_app(settings_=_with_ops(settings), redis_url=own_redis.url)
    app.start_scheduler(tick_seconds=3600)
    committee = settings.community.name
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)  # Redis answers: the register's ids are kept on disk (his alert goes first)
    _, before = await _get(app, "/metrics")
    assert sample(before, "carebot_redis_up", committee=committee) == 1
    assert sample(before, "carebot_outage_calls_waiting", committee=committee) == 0
    sent0 = sample(before, "carebot_alerts_total", committee=committee, outcome="sent")

    app.svc.outbox.messenger.blocked.add(1003)  # one staff member blocked the bot
    own_redis.stop()
    await wang.send("救命 我摔倒了")  # a known resident
    await Person(app, 7001, "路人甲").send("救命")  # someone the register's snapshot does not know
    staff = len([st for st in settings.staff if st.telegram_id])
    _, during = await _get(app, "/metrics")
    assert sample(during, "carebot_redis_up", committee=committee) == 0
    assert sample(during, "carebot_fallback_handled_total", committee=committee) == 2
    assert sample(during, "carebot_outage_calls_waiting", committee=committee) == 1
    # both cries' alerts, the stranger's too, sent and failed alike
    assert sample(during, "carebot_alerts_total", committee=committee, outcome="sent") - sent0 == 2 * (staff - 1)
    assert sample(during, "carebot_alerts_total", committee=committee, outcome="failed") == 2
    assert sample(during, "carebot_fallback_alerts_total", committee=committee, outcome="sent") == 2 * (staff - 1)
    assert sample(during, "carebot_fallback_alerts_total", committee=committee, outcome="failed") == 2
    assert sample(during, "carebot_first_alert_seconds_count", committee=committee) == 2  # his and the stranger's
    assert "王老伯" not in during and "路人甲" not in during and "13900000002" not in during

    own_redis.start()
    await replay_tick(app)  # the journaled calls become incidents; their first alert was the fallback's
    _, after = await _get(app, "/metrics")
    assert sample(after, "carebot_redis_up", committee=committee) == 1
    assert sample(after, "carebot_outage_calls_waiting", committee=committee) == 0
    assert sample(after, "carebot_first_alert_seconds_count", committee=committee) == 2  # not counted twice


async def test_a_strangers_repeated_cries_during_an_outage_are_counted_as_alerts_not_as_first_alerts(
        make_app, settings, own_redis, clock):
    app = await make_app(settings_=_with_ops(settings), redis_url=own_redis.url)
    app.start_scheduler(tick_seconds=3600)
    committee = settings.community.name
    own_redis.stop()
    stranger = Person(app, 7001, "路人甲")
    for _ in range(3):
        clock.advance(seconds=61)
        await stranger.send("救命")  # one alert, then a short line each minute
    staff = len([st for st in settings.staff if st.telegram_id])
    _, during = await _get(app, "/metrics")
    assert sample(during, "carebot_fallback_alerts_total", committee=committee, outcome="sent") == 3 * staff
    assert sample(during, "carebot_first_alert_seconds_count", committee=committee) == 1
