"""Operations: a load balancer asks /healthz and /readyz; Prometheus reads /metrics. Ready means Redis answers
and the scheduler runs; the metrics move when a 🆘 is handled and when an alert cannot be delivered."""
import aiohttp
from prometheus_client.parser import text_string_to_metric_families

from bot.redis_server import EmbeddedRedis, free_port
from tests.conftest import signed_up


def _with_ops(settings):
    return settings.model_copy(update={"ops": settings.ops.model_copy(update={"port": free_port()})})


async def _get(app, path: str) -> tuple[int, str]:
    url = f"http://127.0.0.1:{app.settings.ops.port}{path}"
    async with aiohttp.ClientSession() as http, http.get(url) as resp:
        return resp.status, await resp.text()


def sample(text: str, name: str, **labels) -> float:
    """The value of one sample (0 when absent)."""
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            if s.name == name and all(s.labels.get(k) == v for k, v in labels.items()):
                return s.value
    return 0.0


async def test_ready_only_while_redis_answers_and_the_scheduler_runs(make_app, settings, tmp_path):
    own = EmbeddedRedis(tmp_path / "r", appendonly=False).start()
    try:
        app = await make_app(settings_=_with_ops(settings), redis_url=own.url)
        app.start_scheduler(tick_seconds=3600)
        assert await _get(app, "/healthz") == (200, "ok\n")
        assert await _get(app, "/readyz") == (200, "ready\n")
        own.kill()  # Redis gone: the load balancer must stop sending this process traffic
        status, body = await _get(app, "/readyz")
        assert status == 503 and "redis" in body
        assert (await _get(app, "/healthz"))[0] == 200  # alive all the same: not a reason to restart it
    finally:
        own.stop()


async def test_not_ready_without_the_scheduler(make_app, settings):
    app = await make_app(settings_=_with_ops(settings))
    app.start_scheduler(tick_seconds=3600)
    assert (await _get(app, "/readyz"))[0] == 200
    app.scheduler.pause()  # escalations would not fire: not ready
    status, body = await _get(app, "/readyz")
    assert status == 503 and "scheduler" in body


async def test_metrics_move_when_a_call_for_help_is_alerted_and_when_an_alert_fails(make_app, settings):
    from bot.testing.tools import Person

    app = await make_app(settings_=_with_ops(settings))
    app.start_scheduler(tick_seconds=3600)
    committee = settings.community.name
    _, before = await _get(app, "/metrics")
    assert sample(before, "carebot_alerts_total", committee=committee, outcome="sent") == 0
    wang = await signed_up(Person(app, 5002, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    _, after = await _get(app, "/metrics")
    assert sample(after, "carebot_alerts_total", committee=committee, outcome="sent") >= 1
    assert sample(after, "carebot_incidents_opened_total", committee=committee, kind="emergency") == 1
    assert sample(after, "carebot_first_alert_seconds_count", committee=committee) == 1
    assert sample(after, "carebot_incidents_open", committee=committee, level="0") == 1
    assert sample(after, "carebot_updates_total", committee=committee, kind="text") == 1  # the 🆘
    assert sample(after, "carebot_updates_total", committee=committee, kind="contact") == 1  # signing up
    assert sample(after, "carebot_redis_rtt_seconds_count", committee=committee) >= 1
    assert sample(after, "carebot_alerts_total", committee=committee, outcome="failed") == 0

    app.svc.outbox.messenger.blocked.add(1001)  # the on-duty staff member blocked the bot
    zhang = await signed_up(Person(app, 5001, "张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    _, later = await _get(app, "/metrics")
    assert sample(later, "carebot_alerts_total", committee=committee, outcome="failed") >= 1
    assert sample(later, "carebot_incidents_open", committee=committee, level="0") \
        + sample(later, "carebot_incidents_open", committee=committee, level="1") == 2
    assert "13900000001" not in later and "张阿姨" not in later  # no person in any label


async def test_a_throttled_send_is_counted(make_app, settings):
    from bot.types import SendResult

    app = await make_app(settings_=_with_ops(settings))
    app.start_scheduler(tick_seconds=3600)
    app.svc.outbox.backoff = 0
    real = app.svc.outbox.messenger.deliver
    answers = [SendResult(False, error="Too Many Requests", retry_after=0.01)]

    async def flood_once(msg):
        return answers.pop() if answers else await real(msg)

    app.svc.outbox.messenger.deliver = flood_once
    from bot.types import Outbound

    assert (await app.svc.outbox.send(Outbound(1001, "hi"))).ok
    _, text = await _get(app, "/metrics")
    assert sample(text, "carebot_telegram_429_total", committee=settings.community.name) == 1
