"""A caller's last cries held back by the fallback's pacing still reach staff, counted, a minute later.

While Redis is away one sender's cries reach staff as one alert, then one short line a minute (a stuck client, a
panicking stranger); those held back were counted into their next alert — so when 张阿姨 pressed 🆘 five times in ten
seconds and then stopped (she fell, the phone slipped away), staff heard nothing of the last ones until Redis was back.
Now the fallback's own timer (it needs no Redis) tells staff "又发来 3 次" as soon as the minute is over.
"""
from conftest import signed_up
from test_outage_journal import own_redis  # noqa: F401  (a fixture)

from bot.testing.tools import Person


async def a_second_later(app) -> None:
    """The scheduler's every-second jobs, as they run (the fallback's, the outage journal's), Redis or not."""
    for job in app.engine.routes.jobs:
        if job["trigger"] == "interval" and job["seconds"] == 1:
            await job["func"](*job.get("args", ()))


def about(li: Person, name: str) -> list[str]:
    return [m.text for m in li.inbox if name in m.text]


async def test_cries_held_back_at_the_end_reach_staff_as_one_counted_line_after_the_minute(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    li = Person(app, 1001)
    own_redis.stop()
    for _ in range(5):
        clock.advance(seconds=2)
        await zhang.send("🆘 紧急求助")
    assert len(about(li, "张阿姨")) == 2  # paced: her alert, and her first repeat as a line
    clock.advance(seconds=30)
    await a_second_later(app)
    assert len(about(li, "张阿姨")) == 2  # the minute is not over
    clock.advance(seconds=30)
    await a_second_later(app)
    *_, again = about(li, "张阿姨")
    assert "又发来 3 次" in again
    clock.advance(seconds=1)
    await a_second_later(app)
    assert len(about(li, "张阿姨")) == 3  # once
    clock.advance(minutes=2)
    await zhang.send("🆘 紧急求助")
    assert "没有转发" not in li.last("张阿姨").text  # counted once, not again in her next alert
