"""Words that are a call for help only in what Redis would say, typed while Redis is away.

"还没人来啊" ten minutes after his emergency was closed is his emergency going on (bot/incidents/not_came.py); "他又打
来了" after her scam call is the scam again (scam_back.py); "我进不去家门了" at night leaves her outside in the cold
(night_pace.py); "我爸说他肚子胀" from a daughter is a request staff hear at once (family_unsure.py). Each needs Redis
to read what came before. While Redis was away the fallback saw no danger word in them: the resident read
"系统暂时出了点问题" and nobody else heard of it — ever, when the call before was closed (the words were dropped at
replay with no open call to join). Now the fallback takes them as a cry: she still gets 120 and the committee's
phone, every staff member gets the fallback's alert with her words at once; and once Redis is back they are read in
their context as if just typed — a new emergency, a scam call raised, a night lock-out at the stuck pace."""
from datetime import datetime

import pytest

from conftest import signed_up
from test_nobody_came_after_close import _closed
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_said import settled
from test_scam_called_back import HUNG_UP

from bot.testing.tools import Person
from test_incident_followups import SH

STAFF = (1001, 1002)  # 李社工, 王社工
ALERT = "系统故障，未能记录"


def alerted_everyone(app, words: str, seen: dict) -> None:
    for tg in STAFF:
        new = Person(app, tg).texts()[seen[tg]:]
        assert any(ALERT in t and words in t for t in new), (tg, new)


async def _outage(app, server, person, words: str) -> dict:
    seen = {tg: len(Person(app, tg).texts()) for tg in STAFF}
    heard = len(person.texts())
    server.stop()
    await person.send(words)
    told = "\n".join(person.texts()[heard:])
    assert "120" in told and COMMITTEE in told, told
    return seen


async def _back(app, server, clock) -> None:
    clock.advance(minutes=2)
    server.start()
    await replay_tick(app)
    await settled(app)


async def _wang(app) -> Person:
    return await signed_up(Person(app, 5001, "王老伯"), "13900000002")


async def test_nobody_came_after_his_emergency_was_closed_reaches_staff_during_an_outage_and_is_a_new_emergency(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li = await _wang(app), Person(app, 1001)
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    await _closed(wang, li, clock, "✅ 已处理")
    clock.advance(seconds=600)
    seen = await _outage(app, own_redis, wang, "还没人来啊")
    alerted_everyone(app, "还没人来啊", seen)
    await _back(app, own_redis, clock)
    inc = await app.svc.store.incident(2)
    assert inc and inc["kind"] == "emergency" and inc["status"] != "resolved", inc
    assert any("紧急求助 #2" in t for t in li.texts()[seen[1001]:])


async def test_nobody_came_on_his_open_emergency_during_an_outage_reaches_staff_at_once_and_stays_one_call(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li = await _wang(app), Person(app, 1001)
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    await li.click(li.last("#1"), "我来处理")
    clock.advance(seconds=900)
    seen = await _outage(app, own_redis, wang, "怎么还没人来")
    alerted_everyone(app, "怎么还没人来", seen)
    await _back(app, own_redis, clock)
    assert await app.svc.store.incident(2) is None
    assert any("怎么还没人来" in e.get("words", "") for e in await app.svc.store.timeline(1))


async def test_the_scammer_calling_back_during_an_outage_reaches_staff_at_once_and_raises_her_call(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await _wang(app)
    await wang.send(HUNG_UP)
    clock.advance(seconds=600)
    seen = await _outage(app, own_redis, wang, "他又打来了")
    alerted_everyone(app, "他又打来了", seen)
    await _back(app, own_redis, clock)
    assert (await app.svc.store.incident(1))["kind"] == "emergency"
    assert await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words, category", [("我进不去家门了 钥匙丢了", "locked_out_night"),
                                             ("停电了 家里黑乎乎的", "dark_night")])
async def test_shut_out_or_in_the_dark_at_night_during_an_outage_reaches_staff_at_once_and_is_stored_at_the_stuck_pace(
        make_app, own_redis, clock, words, category):
    clock.set(datetime(2026, 11, 23, 23, 0, tzinfo=SH))
    app = await make_app(redis_url=own_redis.url)
    wang = await _wang(app)
    seen = await _outage(app, own_redis, wang, words)
    alerted_everyone(app, words, seen)
    await _back(app, own_redis, clock)
    assert (await app.svc.store.incident(1))["category"] == category


async def test_a_daughters_unsure_words_during_an_outage_reach_staff_at_once_and_are_stored(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    await _wang(app)
    wangli = await signed_up(Person(app, 5002, "王丽"), "13911110002")
    seen = await _outage(app, own_redis, wangli, "我爸说他肚子胀")
    alerted_everyone(app, "我爸说他肚子胀", seen)
    await _back(app, own_redis, clock)
    assert (await app.svc.store.incident(1))["resident"]


async def test_a_staff_member_asking_why_nobody_came_during_an_outage_is_no_colleague_in_danger(
        make_app, own_redis, clock):
    """The context words are a resident's: 李社工's "怎么还没人来" (about the repairman) never alerts her colleagues
    as her own cry."""
    app = await make_app(redis_url=own_redis.url)
    li = Person(app, 1001)
    seen = len(Person(app, 1002).texts())
    own_redis.stop()
    await li.send("怎么还没人来")
    assert not any("求助" in t for t in Person(app, 1002).texts()[seen:])
