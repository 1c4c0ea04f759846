"""Timers whose worker dies between recording a step and sending the message it owes (the way
tests/test_renew_crash.py stages it: the sending raises, then a new process on the same Redis ticks on). The message
must still arrive, once."""
from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH, restarted, until

from bot.testing.tools import Person

MANY = "又发来 2 次求助"


def power_cut_on(app, words: str) -> None:
    """The worker dies the moment it sends staff a message containing `words`."""
    real = app.svc.outbox.send_all

    async def dies(msgs, *args, **kwargs):
        if any(words in m.text for m in msgs):
            raise RuntimeError("power cut")
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = dies


async def moving(people, clock, moves: int):
    """王老伯 calls at 10:00 and shares his live location: `moves` moves 5 s apart, 0.001° north each."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    for k in range(moves):
        clock.advance(seconds=5)
        await wang._do(kind="moved", latitude=31.2 + k / 1000, longitude=121.45)


async def test_repeated_cries_counted_before_a_worker_died_still_reach_staff_once(people, app, clock, make_app):
    """王老伯 calls, then three more times within the minute: staff hear the first repeat at once and "又发来 2 次"
    when the minute ends. The worker took the count and died before sending it: the count was gone for good."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    for _ in range(3):
        clock.advance(seconds=5)
        await wang.send("🆘 紧急求助")
    power_cut_on(app, "又发来")
    await until(app, clock, datetime(2026, 11, 23, 10, 1, 10, tzinfo=SH), (), every=0.25)
    after = await restarted(make_app, app)
    li = people("李社工")  # on duty: she had the call and the first repeat
    assert "又发来求助" in li.last("又发来").text
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 4, tzinfo=SH), [Person(after, li.id, li.name)],
                        every=0.25)
    assert sum(MANY in t for t in heard[0]) == 1


async def test_a_live_location_is_followed_until_it_stops_moving_and_its_timer_then_ends(people, app, clock):
    """王老伯 shares his live location during a call: staff's "📍 实时位置" follows his last move, and once he stops
    moving nothing more is sent and no timer is left running."""
    await moving(people, clock, 3)  # the first move goes at once, the others wait for the interval's end
    li = people("李社工")
    live = li.last("实时位置")
    await until(app, clock, datetime(2026, 11, 23, 10, 1, tzinfo=SH), (), every=0.25)
    assert "31.202" in live.text and live.edits == 1
    await until(app, clock, datetime(2026, 11, 23, 10, 3, tzinfo=SH), (), every=0.25)
    assert live.edits == 1 and await app.svc.store.deadline("live:1") is None


async def test_a_failed_timer_is_logged_with_when_it_really_fires_again(people, app, clock, caplog):
    """The live-location update moves its timer on 30 s before sending; when the sending fails the log said "it
    will fire again after its lease" (60 s). It names the kind and the real wait, and nothing personal."""
    await moving(people, clock, 2)
    power_cut_on(app, "实时位置")
    await until(app, clock, datetime(2026, 11, 23, 10, 0, 40, tzinfo=SH), (), every=0.25)
    failed = [r.getMessage() for r in caplog.records if r.getMessage().startswith("deadline live failed")]
    assert failed == ["deadline live failed; it fires again in 30 s"]


async def test_a_head_whose_warning_failed_at_a_shift_change_is_warned_when_the_timer_comes_back(app, clock):
    """王社工 blocked the bot and his night shift starts: 陈书记 must hear it. Sending her the warning failed once (the
    outbox raised); the shift was taken as checked already, and she never heard until the next shift change."""
    m = app.svc.outbox.messenger
    m.blocked.add(1002)
    await app.engine.tick()
    real = app.svc.outbox.send_all
    power_cut_on(app, "收不到机器人")
    clock.set(datetime(2026, 11, 23, 20, 0, 30, tzinfo=SH))
    await app.engine.tick()
    app.svc.outbox.send_all = real
    assert m.to(1003) == []
    await until(app, clock, datetime(2026, 11, 23, 20, 3, tzinfo=SH), (), every=0.5)
    assert sum("收不到机器人" in s.text for s in m.to(1003)) == 1


async def test_an_address_time_out_whose_worker_died_before_the_packets_changed_still_shows_it(people, app, clock,
                                                                                               make_app):
    """王老伯 never confirms his address: after 3 minutes the packets must say "居民没有确认地址，请打电话核实". The worker
    recorded it and died before the edits went, and the deadline was gone: 李社工's packet kept saying the
    resident was being asked."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    clock.set(datetime(2026, 11, 23, 10, 1, tzinfo=SH))
    await li.click(li.last("紧急求助 #1"), "我来处理")
    power_cut_on(app, "居民没有确认地址")
    await until(app, clock, datetime(2026, 11, 23, 10, 3, 30, tzinfo=SH), (), every=0.25)
    packet = li.last("紧急求助 #1")
    assert "正在请居民确认地址" in packet.text
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await until(after, clock, datetime(2026, 11, 23, 10, 6, tzinfo=SH), (), every=0.25)
    assert "居民没有确认地址，请打电话核实" in packet.text


async def test_a_live_position_whose_update_died_on_the_way_reaches_staff_from_the_next_worker(people, app, clock,
                                                                                              make_app):
    """The interval's update took the held moves and moved its timer on, then the worker died: staff's "📍 实时位置"
    kept the first position until he moved again."""
    await moving(people, clock, 3)
    live = people("李社工").last("实时位置")
    power_cut_on(app, "实时位置")
    await until(app, clock, datetime(2026, 11, 23, 10, 0, 40, tzinfo=SH), (), every=0.25)
    assert "31.200" in live.text
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await until(after, clock, datetime(2026, 11, 23, 10, 1, 30, tzinfo=SH), (), every=0.25)
    assert "31.202" in live.text and live.edits == 1



async def group_voices_then_a_power_cut(people, app, clock):
    """王老伯 sends three voices in a group from 10:00; the worker dies sending "又发来" at 10:10 (the end of his ten
    minutes), after taking the count and the latest voice."""
    from test_group_media import forwarded_from_group, in_group

    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    for _ in range(3):
        await in_group(wang)
    li = people("李社工")
    real = app.svc.outbox.send

    async def dies(msg, *args, **kwargs):
        if "又发来" in (msg.text or ""):
            raise RuntimeError("power cut")
        return await real(msg, *args, **kwargs)

    app.svc.outbox.send = dies
    await until(app, clock, datetime(2026, 11, 23, 10, 10, 30, tzinfo=SH), (), every=0.25)
    assert forwarded_from_group(app, li.id) == 1
    return wang, li


async def test_held_voices_in_a_group_whose_worker_died_before_sending_still_reach_staff_with_the_voice(people, app,
                                                                                                       clock, make_app):
    """The first voice reaches staff at once, the others as "又发来 2 条语音" with the latest voice when the ten minutes
    end. The worker took the latest voice out of Redis and died before sending: the next worker told staff the count,
    and the voice itself was gone."""
    from test_group_media import forwarded_from_group

    wang, li = await group_voices_then_a_power_cut(people, app, clock)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 14, tzinfo=SH), [Person(after, li.id, li.name)],
                        every=0.25)
    assert sum("又发来 2 条语音" in t for t in heard[0]) == 1
    assert forwarded_from_group(after, li.id) == 2  # the latest voice, once


async def test_a_photo_sent_after_the_worker_died_goes_with_the_voices_it_had_taken(people, app, clock, make_app):
    """Before the next worker passes the held voices on, 王老伯 sends a photo in the group too: staff hear of all three
    as voices or photos, with the photo (the latest), once."""
    from test_group_media import GROUP, in_group

    wang, li = await group_voices_then_a_power_cut(people, app, clock)
    after = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    await in_group(Person(after, wang.id, wang.name), "photo")
    heard = await until(after, clock, datetime(2026, 11, 23, 10, 14, tzinfo=SH), [Person(after, li.id, li.name)],
                        every=0.25)
    told = [t for t in heard[0] if "又发来" in t]
    assert len(told) == 1 and "3 条语音或照片" in told[0]
    forwards = [m for m in after.svc.outbox.messenger.log if m.chat_id == li.id and m.forward]
    assert len(forwards) == 2 and forwards[-1].forward.chat_id == GROUP
