""""还没人来啊" after his emergency was closed (bot/incidents/not_came.py) and "他又打来了" after her scam call
(bot/incidents/scam_back.py) look back at the resident's last calls. They used to read the committee's newest
incidents one by one until enough of theirs turned up: up to 200, or 5000, records on each such message, a cost that
grew with every call anyone ever made — and "还没人来啊" after a busy day missed his emergency behind 200 others'
calls. Now they read only the resident's last closed calls: the same answers, whatever the history."""
from __future__ import annotations

from redis.asyncio import Redis
from test_family_cry_named_to_staff import his_confirmed_call

from bot.store.base import dumps_fields
from bot.testing.tools import Person
from conftest import signed_up

HUNG_UP = "骗子打电话来 我没理 挂掉了"


async def _others_calls(app, count: int) -> None:
    """`count` other residents' calls, made and closed since (a busy day: check-ins missed, voices, strangers)."""
    store, now = app.svc.store, app.svc.clock.ts()
    top = await store.r.incrby(store.keys.incident_seq(), count)
    async with store.r.pipeline(transaction=False) as p:
        for n in range(top - count + 1, top + 1):
            p.hset(store.keys.incident(n), mapping=dumps_fields({
                "id": n, "resident": f"r{900 + n}", "kind": "help", "status": "resolved", "created": now,
                "resolved_at": now, "outcome": "handled"}))
        await p.execute()


async def _closed(li, n: int, outcome: str) -> None:
    await li.click(li.last(f"#{n}"), "我来处理")
    await li.click(li.last(f"#{n}"), "已解决")
    await li.click(li.last("结果是"), outcome)


async def _commands(url: str) -> int:
    """Commands Redis has run so far, those inside scripts included."""
    async with Redis.from_url(url) as r:
        return sum(v["calls"] for k, v in (await r.info("commandstats")).items() if k.startswith("cmdstat_"))


async def _nobody_came(make_app, people_of, clock, redis_server, others: int) -> tuple[list[str], int]:
    app = await make_app(prefix_=f"nc{others}:")
    li = Person(app, 1001, "李社工")
    wang = await his_confirmed_call(people_of(app), clock)
    await _closed(li, 1, "✅ 已处理")
    await _others_calls(app, others)
    clock.advance(seconds=600)
    seen, before = len(li.texts()), await _commands(redis_server.url)
    await wang.send("还没人来啊")
    return li.texts()[seen:], await _commands(redis_server.url) - before


def _people_of(app):
    """As the `people` fixture, for an app of the test's own (one Redis prefix each)."""
    return lambda name: Person(app, 5000 + len(name) * 7 + sum(map(ord, name)) % 1000, name)


async def test_nobody_came_after_a_busy_day_is_still_his_emergency_at_the_same_cost(make_app, clock, redis_server):
    calm, calm_cost = await _nobody_came(make_app, _people_of, clock, redis_server, 3)
    busy, busy_cost = await _nobody_came(make_app, _people_of, clock, redis_server, 400)
    for told in (calm, busy):
        assert any("紧急求助 #" in t and "还没人来啊" in t for t in told), told
    assert busy_cost <= calm_cost + 10, (calm_cost, busy_cost)


async def _scam_back(make_app, clock, redis_server, others: int) -> tuple[list[str], int]:
    app = await make_app(prefix_=f"sb{others}:")
    li = Person(app, 1001, "李社工")
    wang = await signed_up(_people_of(app)("王老伯"), "13900000002")
    await wang.send(HUNG_UP)
    await _closed(li, 1, "✅ 已处理")
    await _others_calls(app, others)
    clock.advance(hours=2)
    seen, before = len(wang.texts()), await _commands(redis_server.url)
    await wang.send("他又打来了")
    return wang.texts()[seen:], await _commands(redis_server.url) - before


async def test_the_scammer_ringing_again_reads_her_last_calls_only(make_app, clock, redis_server):
    calm, calm_cost = await _scam_back(make_app, clock, redis_server, 3)
    busy, busy_cost = await _scam_back(make_app, clock, redis_server, 400)
    for told in (calm, busy):
        said = "\n".join(told)
        assert "不要转账" in said and "挂掉电话" in said and "门锁" not in said, said
    assert busy_cost <= calm_cost + 10, (calm_cost, busy_cost)
