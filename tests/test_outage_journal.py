"""Calls for help that arrive while Redis is away survive into storage.

At 03:00 a resident presses 🆘 during a two-minute Redis outage: the fallback gives her 120 and the committee's
phone and sends every staff member one alert, which may reach a sleeping phone. Nothing was stored, so nothing
escalated: she was silently dropped. Now the fallback first writes the call to a local journal (fsync'd), and once
Redis answers again (the outage job, every second, and at start-up) each journaled call becomes a normal incident —
alerted with claim buttons, saying it arrived during the outage and whom the fallback alert reached, escalating
until claimed — exactly once however many processes replay it. Voices held back during the outage follow then.
"""
import asyncio
import logging

import pytest
from conftest import signed_up

from bot.redis_server import EmbeddedRedis
from bot.testing.tools import Person

COMMITTEE = "021-64370000"
OUTAGE_LINE = "系统故障期间"


@pytest.fixture
def own_redis(tmp_path):
    server = EmbeddedRedis(tmp_path / "redis").start()  # a real redis-server process the test stops and starts
    try:
        yield server
    finally:
        server.stop()


async def replay_tick(app) -> None:
    """One run of the outage job, as the scheduler runs it every second."""
    (job,) = [job for job in app.engine.routes.jobs if job["id"] == "outage"]
    await job["func"](*job.get("args", ()))


def forwarded(app, chat_id: int, origin_chat: int) -> int:
    return sum(1 for m in app.svc.outbox.messenger.log if m.chat_id == chat_id and m.forward
               and m.forward.chat_id == origin_chat)


async def two_calls_during_an_outage(app, server):
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    server.stop()
    await wang.send("救命")
    await zhang.send("🆘 紧急求助")
    for person in (wang, zhang):
        assert "120" in person.last().text and COMMITTEE in person.last().text  # the fallback, as before
    li = Person(app, 1001)
    assert "王老伯" in li.last("救命").text and "张阿姨" in li.last("张阿姨").text  # the fallback's one-off alerts
    return wang, zhang


async def test_calls_made_while_redis_was_down_become_incidents_that_staff_can_claim_and_that_escalate(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, zhang = await two_calls_during_an_outage(app, own_redis)
    li, wa = Person(app, 1001), Person(app, 1002)
    await replay_tick(app)  # Redis still away: the calls stay journaled
    own_redis.start()
    assert await app.svc.store.open_incident_ids() == []  # nothing was stored during the outage
    await replay_tick(app)
    assert len(await app.svc.store.open_incident_ids()) == 2
    packets = [s for s in li.inbox if "紧急求助 #" in s.text and OUTAGE_LINE in s.text]
    assert {"王老伯", "张阿姨"} <= {name for s in packets for name in ("王老伯", "张阿姨") if name in s.text}
    assert all(s.buttons for s in packets)  # 🙋 claim buttons, as any alert
    assert "李社工" in packets[0].text  # whom the outage alert already reached
    waiting = sum("紧急求助 #" in s.text for s in wa.inbox)
    clock.advance(minutes=3.1)  # nobody claims: the next level (all staff and the head)
    await app.engine.tick()
    assert sum("紧急求助 #" in s.text for s in wa.inbox) > waiting
    await replay_tick(app)  # replayed once: a second run adds nothing
    assert len(await app.svc.store.open_incident_ids()) == 2


async def test_a_voice_held_back_during_the_outage_reaches_staff_when_redis_is_back(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    own_redis.stop()
    await wang.send("今天天气怎么样")  # ordinary chatter: the fallback answers it; no call open then, so dropped
    await wang.send_kind("voice")
    await wang.send_kind("voice")  # within the minute: held back, staff never heard it
    journaled = b"".join(p.read_bytes() for p in app.svc.outage.journal.folder.glob("*.jsonl")).decode()
    assert journaled.count('"kind":"voice"') == 2
    assert forwarded(app, li.id, wang.id) == 1
    told = len(wang.inbox)
    own_redis.start()
    await replay_tick(app)
    assert forwarded(app, li.id, wang.id) >= 3  # the first again (now with claim buttons), and the one held back
    (n,) = await app.svc.store.open_incident_ids()
    timeline = [e["event"] for e in await app.svc.store.timeline(n)]
    assert timeline.count("resident_voice") == 2 and "outage_said" not in timeline
    assert len(wang.inbox) > told  # told it reached staff, as a voice is


async def test_two_processes_replaying_the_same_journal_make_one_incident_each(make_app, own_redis):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker on this machine: same journal folder
    await two_calls_during_an_outage(first, own_redis)
    own_redis.start()
    await asyncio.gather(replay_tick(first), replay_tick(second), replay_tick(first))
    assert len(await first.svc.store.open_incident_ids()) == 2
    li = Person(first, 1001)
    alerts = [m for app in (first, second) for m in app.svc.outbox.messenger.log
              if m.chat_id == li.id and OUTAGE_LINE in m.text and not m.edit]
    assert len(alerts) == 2


async def test_a_corrupt_journal_line_is_skipped_with_one_log_line_and_the_rest_are_replayed(
        make_app, own_redis, caplog, tmp_path):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    own_redis.stop()
    await wang.send("救命 我在建新路27弄5号")
    (path,) = list(app.svc.outage.journal.folder.glob("*.jsonl"))
    with open(path, "ab") as f:
        f.write(b'{"v": 1, "id": "cut off by a power fai')  # a write torn by a crash, then the next line
        f.write(b"\n\xff\xfe not json at all\n")
    await zhang.send("🆘 紧急求助")
    own_redis.start()
    with caplog.at_level(logging.INFO):
        await replay_tick(app)
    assert len(await app.svc.store.open_incident_ids()) == 2
    complaints = [r.getMessage() for r in caplog.records if "journal" in r.getMessage() and "skipped" in r.getMessage()]
    assert len(complaints) == 1 and "2 unreadable" in complaints[0]
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "13900000002" not in text and "建新路" not in text and "救命" not in text
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []  # compacted once Redis has every call


async def test_a_bot_killed_during_the_outage_stores_the_call_after_its_restart(tmp_path):
    """The process that answered the cry during the outage is killed before Redis is back: the call lives in its
    journal, and the restarted process stores it (one incident) and alerts staff with claim buttons."""
    import os
    import signal

    import yaml
    from test_e2e_restart import start_bot, stopped, write_config

    from bot.testing.botapi_server import BotAPIServer

    server = EmbeddedRedis(tmp_path / "redis").start()
    bot = None
    try:
        async with BotAPIServer() as api:
            li = api.user(1001, "李社工")
            config = write_config(tmp_path, api.base_url, "aiogram")
            cfg = yaml.safe_load(config.read_text(encoding="utf-8"))
            cfg["redis"]["journal_dir"] = str(tmp_path / "outage")
            for level, minutes in zip(cfg["escalation"]["emergency"]["levels"][1:], (30, 60)):
                level["after_minutes"] = minutes  # only the first alert within this test
            config.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
            bot = start_bot(config, server.url, api.token)
            wang = api.user(5001, "王老伯")
            await wang.send_command("/start")
            await api.wait_for_message(wang.id, lambda m: m.has_request_contact(), timeout=120)
            await wang.send_contact("13900000002")
            await api.wait_for_message(wang.id, "已经认出您了")
            server.stop()
            await wang.send_text("救命")
            await api.wait_for_message(wang.id, "120", timeout=30)  # the fallback, as before
            await api.wait_for_message(li.id, "系统故障", timeout=30)
            journal = tmp_path / "outage"
            for _ in range(100):  # whom the alert reached is written just after the sends
                if any(b'"to"' in p.read_bytes() for p in journal.rglob("*.jsonl")):
                    break
                await asyncio.sleep(0.1)
            os.kill(bot.pid, signal.SIGKILL)  # before Redis is back: nothing of the call is stored
            bot.wait()
            bot.stderr.close()
            server.start()
            bot = start_bot(config, server.url, api.token)
            packet = await api.wait_for_message(li.id, "紧急求助 #1", timeout=120)
            assert OUTAGE_LINE in packet.text and "李社工" in packet.text and packet.reply_markup
            # the file goes once the replay has handled the call to its end (the resident's replies too, paced at
            # Telegram's one a second into their chat: seconds on a loaded machine)
            for _ in range(300):
                if not list(journal.rglob("*.jsonl")):
                    break
                await asyncio.sleep(0.1)
            assert list(journal.rglob("*.jsonl")) == []
            await asyncio.sleep(3)  # time for any duplicate to show up
            assert sum("紧急求助 #" in m.text and OUTAGE_LINE in m.text for m in api.sent_to(li.id)) == 1
    finally:
        if bot is not None:
            await stopped(bot)
            bot.stderr.close()
        server.stop()


async def test_a_daughters_cry_and_a_voice_in_a_group_during_the_outage_are_stored_when_redis_is_back(
        make_app, own_redis):
    """Not only a resident's own call: a family contact's cry goes the family path (an incident about her father,
    escalating), and a resident's voice sent in a group reaches staff as sent there — each marked as from the outage."""
    from bot.testing.tools import _ids
    from bot.types import Inbound

    app = await make_app(redis_url=own_redis.url)
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    own_redis.stop()
    await daughter.send("我爸爸摔倒了起不来")
    assert "120" in daughter.last().text
    await app.engine.handle(Inbound(user_id=zhang.id, chat_id=-100779, first_name="张阿姨", language="zh-hans",
                                    message_id=next(_ids), kind="voice", is_group=True))
    own_redis.start()
    await replay_tick(app)
    incidents = [await app.svc.store.incident(n) for n in await app.svc.store.open_incident_ids()]
    assert len(incidents) == 2 and all(inc.get("outage") for inc in incidents)
    assert any(inc.get("reporter", {}).get("name") == "王丽" for inc in incidents)
    li = Person(app, 1001)
    assert any("王老伯" in s.text and OUTAGE_LINE in s.text and s.buttons for s in li.inbox)
    assert any("张阿姨" in s.text and OUTAGE_LINE in s.text and "群" in s.text for s in li.inbox)
    assert forwarded(app, li.id, -100779) >= 2  # the voice itself: once by the fallback, once with the incident


async def test_a_replay_cut_off_halfway_stores_the_rest_later_and_nothing_twice(make_app, own_redis, monkeypatch):
    app = await make_app(redis_url=own_redis.url)
    await two_calls_during_an_outage(app, own_redis)
    own_redis.start()
    outage, handle, calls = app.svc.outage, app.svc.outage.handle, []

    async def cut_off_at_the_second(ev, **kw):
        calls.append(ev.user_id)
        if len(calls) == 2:
            raise asyncio.CancelledError  # the process is stopped in the middle of the replay
        return await handle(ev, **kw)

    monkeypatch.setattr("bot.incidents.outage.HANDLING_MS", 300)  # the cut-off entry's mark lapses soon
    outage.handle = cut_off_at_the_second
    with pytest.raises(asyncio.CancelledError):
        await replay_tick(app)
    assert len(await app.svc.store.open_incident_ids()) == 1
    assert list(outage.journal.folder.glob("*.jsonl"))  # kept: Redis does not have every call yet
    outage.handle = handle
    await replay_tick(app)  # the second's mark still holds: not yet
    await asyncio.sleep(0.4)
    await replay_tick(app)
    assert len(await app.svc.store.open_incident_ids()) == 2
    alerts = [m for m in app.svc.outbox.messenger.log if m.chat_id == 1001 and OUTAGE_LINE in m.text and not m.edit]
    assert len(alerts) == 2
    assert list(outage.journal.folder.glob("*.jsonl")) == []


async def test_staffs_outage_alert_says_the_call_will_be_recorded_only_when_the_journal_has_it(make_app, own_redis):
    from pathlib import Path

    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    li = Person(app, 1001)
    own_redis.stop()
    await wang.send("救命")
    assert "恢复后会自动补上记录" in li.last("王老伯").text  # journaled: it becomes an incident later
    app.svc.outage.journal.folder = Path("/dev/null/outage")  # the disk fails too
    app.svc.outage.journal._fd = None
    await zhang.send("救命")
    alert = li.last("张阿姨").text
    assert "系统故障" in alert and "恢复后会自动补上记录" not in alert  # no promise the bot cannot keep


async def test_a_call_made_during_the_outage_escalates_from_when_it_was_made_not_from_when_redis_came_back(
        make_app, own_redis, clock):
    """王老伯 cries for help at 10:00 during an outage; nobody acts on the fallback's one-off alert; Redis is back at
    10:05. All staff and the head (due 3 minutes after the call) hear at once, and his family (8 minutes) at 10:08 —
    not 3 and 8 minutes after 10:05. The incident says 10:00, and that it was recorded at 10:05."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    wa = Person(app, 1002)  # not on duty: the first alert is not hers
    called = clock.ts()
    own_redis.stop()
    await wang.send("救命")
    clock.advance(minutes=5)
    own_redis.start()
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert not any(f"#{n}" in s.text for s in wa.inbox + daughter.inbox)
    await app.engine.tick()  # the next second's tick: level 1 is 2 minutes overdue
    assert any(f"紧急求助 #{n}" in s.text for s in wa.inbox)
    assert "已经5分钟没人接单" in wa.last(f"#{n}").text  # waiting since the call, not since Redis came back
    await app.engine.tick()
    assert not any(f"#{n}" in s.text for s in daughter.inbox)  # the family's level is due at 10:08, not yet
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert any(f"#{n}" in s.text for s in daughter.inbox)
    inc = await app.svc.store.incident(n)
    assert inc["created"] == called
    timeline = await app.svc.store.timeline(n)
    assert (timeline[0]["event"], timeline[0]["at"]) == ("created", called)
    assert [e["at"] for e in timeline if e["event"] == "outage_recorded"] == [called + 300]


async def test_when_redis_is_back_the_resident_hears_once_that_the_call_is_recorded_with_the_address_question(
        make_app, own_redis, clock):
    """She heard 120 and the committee's phone during the outage. Minutes later she gets one short message, not the
    whole conversation again ("staff told", "do you need someone now?"): recorded, staff will call — and, as nobody
    has claimed it yet, the read-back of her address, which works as it always does."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    own_redis.stop()
    await wang.send("救命")
    told = len(wang.inbox)
    clock.advance(minutes=5)
    own_redis.start()
    await replay_tick(app)
    new = wang.inbox[told:]
    assert len(new) == 1, [s.text for s in new]
    assert "系统已恢复" in new[0].text and "建新路27弄5号302室" in new[0].text and COMMITTEE in new[0].text
    (n,) = await app.svc.store.open_incident_ids()
    await wang.click(new[0], "对")
    assert (await app.svc.store.incident(n))["address_state"] == "confirmed"


async def test_a_replay_never_asks_what_the_resident_said_during_the_outage(make_app, own_redis, clock):
    """王老伯 sent his location after his cry; 张阿姨 said where she is in her cry. Neither is asked again."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    own_redis.stop()
    await wang.send("救命")
    clock.advance(seconds=2)
    await wang._do(kind="location", latitude=31.2, longitude=121.44)
    await zhang.send("救命 我在建新路27弄3号")
    told = {p.id: len(p.inbox) for p in (wang, zhang)}
    clock.advance(minutes=5)
    own_redis.start()
    await replay_tick(app)
    for person in (wang, zhang):
        (new,) = person.inbox[told[person.id]:]
        assert "系统已恢复" in new.text and "对吗" not in new.text and not new.buttons and not new.request
        assert "🆘 紧急求助" in new.keyboard  # no dead end: the menu, with the 🆘
    states = {(await app.svc.store.incident(n))["resident"]: (await app.svc.store.incident(n))["address_state"]
              for n in await app.svc.store.open_incident_ids()}
    assert sorted(states.values()) == ["confirmed", "location"]  # her words matched the register


async def test_after_the_outage_each_caller_gets_one_true_message_however_many_calls_and_whoever_they_are(
        make_app, own_redis, clock):
    """王老伯 cried twice; a stranger cried once; when Redis is back nobody on the staff can be reached. Each caller
    gets one message: the resident that no staff member could be told yet (120, the phone), the stranger that it was
    passed on — not the sign-up question."""
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    stranger = Person(app, 7001, "路人")
    own_redis.stop()
    await wang.send("救命")
    clock.advance(seconds=30)
    await wang.send("🆘 紧急求助")
    await stranger.send("救命 有人摔倒了")
    told = {p.id: len(p.inbox) for p in (wang, stranger)}
    clock.advance(minutes=5)
    app.svc.outbox.messenger.blocked.update(st.telegram_id for st in app.settings.staff)
    own_redis.start()
    await replay_tick(app)
    (mine,) = wang.inbox[told[wang.id]:]
    assert "系统已恢复" in mine.text and "还没联系上社工" in mine.text and "120" in mine.text
    assert "建新路27弄5号302室" in mine.text  # still unclaimed: the read-back is worth asking
    (theirs,) = stranger.inbox[told[stranger.id]:]
    assert "系统已恢复" in theirs.text and "120" in theirs.text and theirs.request is None


async def test_a_doctor_of_two_residents_who_cried_in_the_outage_is_asked_once_which_one_it_is(make_app, own_redis):
    """The one question the replay leaves open travels with the one message: which of his patients he means."""
    app = await make_app(redis_url=own_redis.url)
    doctor = await signed_up(Person(app, 5060, "赵医生"), "13922220001")
    own_redis.stop()
    await doctor.send("我的病人摔倒了起不来")
    told = len(doctor.inbox)
    own_redis.start()
    await replay_tick(app)
    (ask,) = doctor.inbox[told:]
    assert "系统已恢复" in ask.text and "哪一位" in ask.text
    await doctor.click(ask, "王老伯")
    (n,) = await app.svc.store.open_incident_ids()
    assert (await app.svc.store.incident(n))["resident"] == await app.svc.store.resident_id_by_phone("13900000002")
