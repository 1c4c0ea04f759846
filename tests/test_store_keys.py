"""The Redis key names are the deployment's data: a running committee's register, open calls and check-ins must
stay readable after any change to the store's code. These lists were taken from the store before it was split
into a package (issue 14); any renamed key shows up here as one missing and one new name."""
from __future__ import annotations

import asyncio
import re

import pytest

from aiohttp.test_utils import TestClient, TestServer
from conftest import TUESDAY_9, at, enrolled, signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in

# A week of a committee's life, as the keys it leaves behind (numbers as #, console tokens as *).
SCENARIO_KEYS = {
    "checkin:r#", "checkins:enrolled", "checkins:due", "checkins:log:r#",
    "console:session:*", "console:signin:*",
    "contacts:phone", "deadlines",
    "incident:#", "incident:#:alerts", "incident:#:timeline", "incident:seq", "incidents:open",
    "notice:#", "notice:#:state", "notice:seq", "notice:awaits:r#",
    "pending", "prefs:#", "questions", "questions:seq",
    "quota:stranger_calls:#", "repeats:i#", "resident:r#:incident",
    "residents", "residents:phone", "residents:seq", "residents:tg",
    "sendlog", "session:#", "stranger:#:log",
    "tally:checkins:#", "tally:questions:#",
    "staff:langs",  # new (session 20): counts staff language changes, so every worker reads them again
    "closes:filled",  # new (session 22): each resident's closes were filled once from the calls closed before
    "incidents:named",  # (session 25) every register write moves it: workers re-read who may speak on an open call
}


def pattern(key: str) -> str:
    key = re.sub(r"^(console:\w+:).*", r"\1*", key)
    return re.sub(r"\d+", "#", key)


async def key_names(app) -> set[str]:
    prefix = app.settings.redis.prefix
    return {k.decode()[len(prefix):] async for k in app.svc.store.r.scan_iter(match=prefix + "*")}


async def test_a_committees_week_leaves_the_same_key_names_as_before(app, people, clock):
    zhang, rid = await enrolled(people, app)                           # registered, enrolled in check-ins
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), "我很好")                  # and answered
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")                                        # a call opened
    await wang.send("救命")                                              # and repeated
    li = people("李社工")
    await li.press_data(1, "inc:claim:1")                                # claimed
    await zhang.send("❓ 养老金/补贴")
    await zhang.send("公积金可以取出来装修吗")
    await zhang.click(zhang.last("不太确定"), "问社工")                    # a question for staff
    stranger = people("路人甲")
    await stranger.send("救命")                                          # someone not in the register
    await signed_up(people("新居民"), "13911112222")                      # a sign-up waiting for staff
    await li.send("/notice")                                             # a notice, sent
    await li.click(li.last("发通知给谁"), "80岁以上")
    await li.send("明天上午停水，请提前储水。")
    await li.click(li.last("预览"), "24小时")
    for _ in range(1000):  # the notice goes out in the background, behind everything else
        if await app.svc.store.notice_left(1) == 0 and await app.svc.store.notice_states(1):
            break
        await asyncio.sleep(0.02)
    await li.send("/web")                                                # a sign-in link, and a console session
    client = TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN)))
    await client.start_server()
    try:
        await sign_in(client, li.id, clock.ts())
    finally:
        await client.close()
    assert {pattern(k) for k in await key_names(app)} == SCENARIO_KEYS


# Every writing method of the Store called once, and the exact names it leaves (under the prefix).
EVERY_KEY = {
    "ageband:listed", "ageband:told", "audit:r1", "checkin:r1", "checkins:enrolled", "checkins:ladder",
    "checkins:log:r1", "console:session:tok", "contact-check", "contacts:phone", "contacts:tg", "deadlines",
    "duty:override", "incident:1", "incident:1:alerts", "incident:1:timeline", "incident:2", "incident:2:timeline",
    "incident:seq", "incidents:open", "lock:user:7", "notice:1", "notice:1:state", "notice:1:todo", "notice:seq",
    "pending", "prefs:7", "questions", "questions:seq", "quota:stranger_media:1", "register:audit",
    "register:draft:7", "repeats:i1",
    "resident:r1:incident", "resident:r2:closed", "resident:r2:closes", "residents", "residents:phone", "residents:seq", "residents:tg",
    "sendlog", "session:7",
    "staff:tg", "stranger:9:log", "tally:checkins:20424", "tally:questions:0", "tally:questions:20424", "visits",
    "visits:seq",
    "incidents:named",  # (session 25) moved by every register write and contact sign-up, in the same transaction
}


@pytest.mark.parametrize("prefix", ["keys-test:", "keys-test:{c042}:"])  # today's kind, and one a cluster can shard
async def test_every_store_method_reads_and_writes_the_same_key_names_as_before(redis_server, prefix):
    from redis.asyncio import Redis

    from bot.store import Store

    redis = Redis.from_url(redis_server.url)
    store = Store(redis, prefix)
    try:
        [rid] = await store.next_resident_ids(1)
        person = {"id": rid, "name": "张阿姨", "phone": "13900000001", "tg_id": 7, "road": "建新路", "lane": "27",
                  "building": "5", "room": "302"}
        await store.replace_residents([person], {"13800000000": [{"rid": rid}]}, audit={"file": "a.xlsx"})
        await store.save_resident(person)
        await store.save_contact_account(8, {"phone": "13800000000"})
        await store.r.set(store.k("contact-check"), 1)                  # k() itself: parts joined under the prefix
        await store.save_session(7, {"flow": "x"})
        await store.set_pref(7, "locale", "zh-hans")
        await store.add_pending(9, {"phone": "1"})
        opened = await store.open_emergency(7, {"kind": "emergency", "status": "open"}, {"what": "sos"}, created=1,
                                            first_due=2, esc_due=3, addr_due=4, lock_token="t", lock_seconds=30)
        assert opened.outcome == "opened" and opened.address_state == "pending" and opened.n == 1
        assert await store.unlock(f"incident:{opened.n}", "t")
        n2 = await store.create_incident({"kind": "checkin", "resident": "r2", "created": 5}, {"what": "x"},
                                         {"esc:{n}:1": 6})
        assert await store.claim_incident(opened.n, "li", 7)
        await store.add_timeline(opened.n, {"what": "claim"})
        await store.update_incident(opened.n, note="x")
        await store.record_alerts(opened.n, [(100, 1, "duty")], {"what": "alerted"}, cancel=("first:1",))
        await store.close_incident(n2, {"status": "resolved"}, "r2")
        assert await store.repeat("i1", 10, 60, "rep:i1") and not await store.repeat("i1", 11, 60, "rep:i1")
        assert await store.take_repeats("i1", 70) == 1
        await store.log_stranger(9, {"text": "救命"})
        assert await store.within_quota("stranger_media", 610, 600, 1) and not await store.within_quota(
            "stranger_media", 620, 600, 1)
        await store.set_deadline("x:1", 100)
        await store.set_duty_override("li", 1000)
        await store.add_question({"text": "?"})
        await store.add_question({"text": "?", "topic": "", "status": "unanswered"})  # no time: day 0
        await store.count_question({"topic": "pension", "status": "unhelpful", "at": 20424 * 86400 + 60})
        await store.log_send({"ok": True})
        await store.enrol_checkins([(rid, {"enabled": True}, 50)])
        await store.schedule_checkin(rid, 60, ladder=True)
        await store.log_checkin(rid, {"slot": 1})
        await store.log_checkin(rid, {"slot": 20424 * 86400 + 3600, "outcome": "ok"})
        await store.bind_staff("li", {"tg": 1001})
        await store.save_register_draft(7, {"rows": []}, 60)
        notice = await store.create_notice({"text": "停水"}, [rid, "r5"])
        await store.notice_done(notice, "r5", "sent")
        assert await store.ack_notice(notice, "r5")
        await store.add_visit_tasks([{"rid": rid}])
        assert await store.mark_told(f"{rid}:80") and await store.mark_told("2026-11", "listed")
        await store.put_console("session", "tok", {"staff": "li"}, 60)
        await store.put_console("signin", "once", {"staff": "li"}, 60)
        assert await store.take_console("signin", "once") == {"staff": "li"}
        await store.add_audit(rid, {"by": "li"})
        async with store.lock("user:7", timeout=60):
            names = {k.decode()[len(prefix):] async for k in redis.scan_iter(match=prefix + "*")}
        assert names == EVERY_KEY
        # and what the scripts read back from those keys
        assert await store.resident_incident_ids(rid) == [1]
        assert await store.tallies("checkins", 20424 * 86400, 20425 * 86400) == [
            (20424 * 86400 + 3600, "asked", 1), (20424 * 86400 + 3600, "answered", 1)]
        assert (await store.search_residents("建新路27弄"))[0] == 1 and (await store.search_residents("0001"))[0] == 1
        assert await store.take_due(4) == ["esc:1:1", "addr:1"]  # "first:1" went with the alert
        assert await store.take_checkins_due("ladder", 60) == [rid]
        assert (await store.open_emergency(7, {}, {}, created=1, first_due=2, esc_due=3, addr_due=4, lock_token="t",
                                           lock_seconds=30)).outcome == "already_open"
    finally:
        async for k in redis.scan_iter(match=prefix + "*"):
            await redis.delete(k)
        await redis.aclose()
