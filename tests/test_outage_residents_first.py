"""During an outage a registered resident's cry reaches staff ahead of a crowd of strangers' (issue: a spam wave).

While Redis is away the fallback alerts every staff chat once per sender, and Telegram lets about one message a
second into a chat: ten strangers crying in a group flood or a spam wave put ten alerts in each staff chat's queue,
and a resident who fell just after them waited behind all of them (about ten seconds, more with more strangers).
The register cannot be read then, but its Telegram ids can be known: while Redis answers, the bot keeps a snapshot of
them on local disk, next to the outage journal (ids only, mode 0600). During an outage it only gives a known
resident's alert the front of each staff chat's queue: every stranger's alert still goes, right after. Someone who
signed up after the last snapshot, a missing or broken file: every alert in arrival order, as before.
"""
import asyncio
import json
import logging
import stat

from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.incidents import journal_folder
from bot.incidents.outage_known import SNAPSHOT
from bot.ratelimit import TelegramLimiter
from bot.testing.quick_time import QuickTime
from bot.testing.tools import Person

ALERT = "未能记录"
STRANGERS = 10
STAFF_CHATS = (1001, 1002, 1003)


class Paced(TelegramLimiter):
    """Telegram's real limits (one message a second into a chat after a burst of three) on a clock ten times faster
    than the wall clock, which the test can stop; it counts the messages that asked for a slot, per chat."""

    def __init__(self) -> None:
        self.time = QuickTime(speed=10)
        super().__init__(clock=self.time.clock, sleep=self.time.sleep)
        self.asked: dict[int, int] = {}

    async def acquire(self, chat_id, urgent=False, *, again=False, **kw):
        if not again:
            self.asked[chat_id] = self.asked.get(chat_id, 0) + 1
        return await super().acquire(chat_id, urgent, again=again, **kw)


def alerts_to(app, chat: int) -> list[str]:
    """The fallback's alerts delivered to a staff chat, in the order they arrived."""
    return [m.text for m in app.svc.outbox.messenger.log if m.chat_id == chat and m.text and ALERT in m.text]


async def until(check, seconds: float = 20) -> None:
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while not check() and loop.time() < end:
        await asyncio.sleep(0.05)


async def flood_then(app, resident: Person) -> list[asyncio.Task]:
    """Ten strangers cry at once; once their alerts have started reaching staff, the resident cries. Telegram's
    second stands still from the first alert until every stranger's alert, then hers, waits for each staff chat."""
    paced: Paced = app.svc.outbox.limiter
    before = dict(paced.asked)

    def asked(n: int) -> bool:
        return all(paced.asked.get(c, 0) - before.get(c, 0) >= n for c in STAFF_CHATS)

    cries = [asyncio.create_task(Person(app, 70_000 + i, f"路人{i}").send("救命")) for i in range(STRANGERS)]
    await until(lambda: len(alerts_to(app, 1001)) >= 1)
    paced.time.stop()
    await until(lambda: asked(STRANGERS))
    assert asked(STRANGERS) and not asked(STRANGERS + 1), paced.asked  # every stranger's alert is waiting now
    cries.append(asyncio.create_task(resident.send("救命 我摔倒了")))
    await until(lambda: asked(STRANGERS + 1))
    paced.time.go()
    return cries


def strangers_before_her(app, chat: int, name: str) -> int:
    alerts = alerts_to(app, chat)
    mine = next(i for i, text in enumerate(alerts) if name in text)
    return len(alerts[:mine])


async def test_a_residents_cry_during_an_outage_reaches_staff_before_a_flood_of_strangers_cries(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url, limiter=Paced())
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)  # Redis answers: the register's Telegram ids are kept on disk
    own_redis.stop()
    cries = await flood_then(app, wang)
    await until(lambda: any("王老伯" in t for t in alerts_to(app, 1001)))
    for chat in (1001, 1002, 1003):  # every staff chat: his alert at the front of what still waited
        await until(lambda: any("王老伯" in t for t in alerts_to(app, chat)))
        assert strangers_before_her(app, chat, "王老伯") <= 4, alerts_to(app, chat)
    await until(lambda: all(len(alerts_to(app, c)) == STRANGERS + 1 for c in (1001, 1002, 1003)))
    for chat in (1001, 1002, 1003):  # and not one stranger's alert held back for good
        assert len(alerts_to(app, chat)) == STRANGERS + 1
    await asyncio.gather(*cries)
    assert "120" in wang.last().text


async def test_the_snapshot_on_disk_holds_only_ids_readable_by_the_bot_alone_and_serves_a_restart(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url, limiter=Paced())
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)
    snapshot = journal_folder(app.settings) / SNAPSHOT  # the known senders' (outage_family.py keeps its own)
    assert stat.S_IMODE(snapshot.stat().st_mode) == 0o600
    text = snapshot.read_text()
    assert "5001" in text and "13900000002" not in text and "王老伯" not in text
    assert all(isinstance(i, int) for i in json.loads(text)["ids"])
    later = await make_app(redis_url=own_redis.url, limiter=Paced())  # another worker, just started:
    own_redis.stop()  # Redis goes before it has read the register itself; it has the snapshot on disk
    cries = await flood_then(later, wang := Person(later, 5001, "王老伯"))
    await until(lambda: any("王老伯" in t for t in alerts_to(later, 1001)))
    assert strangers_before_her(later, 1001, "王老伯") <= 4, alerts_to(later, 1001)
    await asyncio.gather(*cries)
    assert "120" in wang.last().text


async def test_a_broken_snapshot_leaves_every_alert_in_arrival_order_and_says_so_once_without_ids(
        make_app, own_redis, clock, caplog):
    app = await make_app(redis_url=own_redis.url)
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await replay_tick(app)
    snapshot = journal_folder(app.settings) / SNAPSHOT  # the known senders' (outage_family.py keeps its own)
    snapshot.write_text('{"v": 1, "ids": [50')  # broken by hand, or by a disk fault
    later = await make_app(redis_url=own_redis.url)  # another worker, just started
    own_redis.stop()
    with caplog.at_level(logging.INFO):
        wang = Person(later, 5001, "王老伯")
        await wang.send("救命 我摔倒了")
    assert "120" in wang.last().text
    assert all("王老伯" in alerts_to(later, chat)[-1] for chat in (1001, 1002, 1003))  # reached, as before
    lines = [r.getMessage() for r in caplog.records if "snapshot" in r.getMessage()]
    assert len(lines) == 1 and "5001" not in lines[0]


async def test_a_resident_who_signed_up_a_moment_before_the_outage_goes_first_too(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url, limiter=Paced())
    await replay_tick(app)  # the snapshot at start, before she signed up
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    clock.advance(seconds=2)
    await replay_tick(app)  # the next second's run, well within the snapshot's minute
    own_redis.stop()
    cries = await flood_then(app, zhang)
    await until(lambda: any("张阿姨" in t for t in alerts_to(app, 1001)))
    assert strangers_before_her(app, 1001, "张阿姨") <= 4, alerts_to(app, 1001)
    await asyncio.gather(*cries)
