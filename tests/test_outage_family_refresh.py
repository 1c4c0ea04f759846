"""The family snapshot for a long outage (outage_family.py) read the whole register every minute in every committee
of a worker: with 50 committees of 1,000 residents, a worker's idle CPU before the morning's check-ins went from
about 7 % to 40–146 % of a core (bench_scale.py, 2026-12-01) and its loop stalled long enough to hold up staff
alerts. The register is now read for it when someone signs up (the snapshot is then as fresh as before) and
otherwise every FAMILY_REFRESH_SECONDS."""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def counted_register_reads(app, monkeypatch) -> list:
    reads, real = [], app.svc.store.residents

    async def residents(*args, **kwargs):
        reads.append(1)
        return await real(*args, **kwargs)

    monkeypatch.setattr(app.svc.store, "residents", residents)
    return reads


async def test_the_register_is_not_read_every_minute_for_the_family_snapshot(make_app, own_redis, clock,
                                                                             monkeypatch):
    app = await make_app(redis_url=own_redis.url)
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)
    reads = await counted_register_reads(app, monkeypatch)
    for _ in range(10):  # ten quiet minutes: nobody signs up
        clock.advance(minutes=1)
        await replay_tick(app)
    assert len(reads) == 0


async def test_a_daughter_signing_up_is_in_the_snapshot_at_the_next_run(make_app, own_redis, clock, monkeypatch):
    app = await make_app(redis_url=own_redis.url)
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)
    clock.advance(minutes=1)
    await replay_tick(app)
    await signed_up(Person(app, 6001, "王丽"), "13911110002")  # his daughter signs up as his contact
    await replay_tick(app)
    assert app.svc.outage.known.family.families[5001]["to"] == [6001]
