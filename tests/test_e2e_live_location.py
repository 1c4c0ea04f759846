"""A live location shared in Telegram while a call is open (an old man lost outside, someone fallen in the street):
each move Telegram sends as an edit of the location message reaches the staff holding the call, paced."""
import asyncio

LIVE = "实时位置"


async def sos(telegram, name="王老伯", phone="13900000002"):
    wang = await telegram.signed_up(name, phone)
    await wang.press("🆘 紧急求助")
    await telegram.said(wang, "请确认您现在的地址")
    return wang


async def shares_live_location(telegram, wang):
    """The resident answers the address question with a live location; staff see its first position."""
    await wang.click(await telegram.said(wang, "请确认您现在的地址"), "不对")
    await telegram.said(wang, "请告诉我您现在在哪里")
    shared = await wang.send_location(31.20640, 121.44520, live_period=3600)
    await telegram.said(telegram.user("李社工"), "居民发来位置：31.20640")
    return shared


def live_messages(telegram, user):
    return [m for m in telegram.api.sent_to(user.id) if LIVE in m.text]


async def stored(app, lat: str, n: int = 1) -> None:
    """Waits until the call keeps this position (Telegram sends moves seconds apart; here they are handled in order)."""
    for _ in range(100):
        if f"{((await app.svc.store.incident(n)).get('live') or {}).get('lat', 0):.5f}" == lat:
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"the call never kept {lat}")


def in_flight(telegram) -> bool:
    """Whether the bot has work under way: an update Telegram has not handed over (or the library not yet handled),
    one being handled, or the alerts and edits it started."""
    api, adapter, engine = telegram.api, telegram.adapter, telegram.app.engine
    queue = getattr(getattr(adapter, "application", None), "update_queue", None)  # python-telegram-bot's, between
    return bool(api.updates or adapter.in_hand.tasks or (queue is not None and not queue.empty())  # poll and handler
                or any(not t.done() for t in engine.incidents.pending()))


async def settled(telegram, user):
    """Waits until the moves in flight were handled (the bot's work under way done: `in_flight`) and nothing new has
    reached `user` meanwhile (before: 0.5 s of quiet, 12 times in a test)."""
    before = None
    while True:
        now = [(m.message_id, m.text) for m in telegram.api.sent_to(user.id)]
        if now == before and not in_flight(telegram):
            return
        before = None if in_flight(telegram) else now
        await telegram.app.engine.settle(5)
        await asyncio.sleep(0.02)


async def test_a_live_location_moving_reaches_the_staff_holding_the_call(telegram):
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    await wang.move_live_location(shared, 31.20700, 121.44600)  # he is walking away
    update = await telegram.api.wait_for_message(li.id, lambda m: LIVE in m.text and "31.20700" in m.text)
    assert "#1" in update.text and "王老伯" in update.text and "更新于 10:00" in update.text
    assert "建新路27弄5号302室" in update.text  # beside where he is registered
    app.svc.clock.advance(seconds=70)
    await wang.move_live_location(shared, 31.20800, 121.44700)
    await telegram.api.wait_for_message(li.id, lambda m: m.message_id == update.message_id and "31.20800" in m.text)
    assert "更新于 10:01" in update.text
    assert len(live_messages(telegram, li)) == 1  # one message, kept up to date
    assert not any(LIVE in m.text or "修改过的消息" in m.text for m in telegram.api.sent_to(wang.id))
    # the call keeps it: the packet's 📍 line shows the latest position, the timeline each update
    await li.click(await telegram.said(li, "紧急求助 #1"), "我来处理")
    packet = await telegram.api.wait_for_message(li.id, lambda m: "李社工 已接单" in m.text and "紧急求助 #1" in m.text)
    assert "实时位置：31.20800, 121.44700（更新于 10:01）" in packet.text
    assert [(e["lat"], e["lon"]) for e in await app.svc.store.timeline(1) if e["event"] == "live_location"] == [
        ("31.20700", "121.44600"), ("31.20800", "121.44700")]


async def moved_with_two_alerted(telegram):
    """Nobody claims, so 王社工 is alerted after 李社工; then 王老伯 moves: whoever got the alert, while nobody holds
    it, gets his position. Returns him, his shared location, and 李社工's and 王社工's live messages."""
    app, li, wa = telegram.app, telegram.user("李社工"), telegram.user("王社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    app.svc.clock.advance(minutes=3.1)
    await app.engine.tick()
    await wang.move_live_location(shared, 31.20700, 121.44600)
    return wang, shared, *[await telegram.api.wait_for_message(p.id, lambda m: LIVE in m.text and "31.20700" in m.text)
                           for p in (li, wa)]


async def test_once_claimed_moves_reach_only_the_claimer(telegram):
    app, li, wa = telegram.app, telegram.user("李社工"), telegram.user("王社工")
    wang, shared, _, _ = await moved_with_two_alerted(telegram)
    await wa.click(await telegram.said(wa, "紧急求助 #1"), "我来处理")
    await telegram.said(wa, "王社工 已接单")
    app.svc.clock.advance(seconds=40)
    await wang.move_live_location(shared, 31.20800, 121.44700)
    await telegram.api.wait_for_message(wa.id, lambda m: LIVE in m.text and "31.20800" in m.text)
    await settled(telegram, li)
    assert not any("31.20800" in m.text for m in live_messages(telegram, li))


async def test_ten_quick_moves_give_staff_a_paced_few_updates(telegram):
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    for step in range(1, 11):  # ten moves within a few seconds
        await wang.move_live_location(shared, 31.20640 + step * 1e-4, 121.44520)
        await stored(app, f"{31.20640 + step * 1e-4:.5f}")
        app.svc.clock.advance(seconds=0.5)
    await settled(telegram, li)
    (live,) = live_messages(telegram, li)
    assert len(live.edits) == 0  # the first went at once; the rest wait for the interval to end
    app.svc.clock.advance(seconds=30)
    await app.engine.tick()
    await telegram.api.wait_for_message(li.id, lambda m: m.message_id == live.message_id and "31.20740" in m.text)
    await settled(telegram, li)
    assert len(live_messages(telegram, li)) == 1 and len(live.edits) == 1  # two updates in all, the latest last
    sends = [c for c in telegram.api.calls if c.params.get("chat_id") == li.id and LIVE in str(c.params.get("text"))]
    assert len(sends) == 2


async def test_moves_after_the_call_is_resolved_reach_nobody(telegram):
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    await li.click(await telegram.said(li, "紧急求助 #1"), "我来处理")
    n = telegram.count(li)
    await li.click(await telegram.said(li, "紧急求助 #1"), "已解决")
    await li.click(await telegram.said(li, "结果是", after=n), "已处理")
    await telegram.said(wang, "处理好了")
    await settled(telegram, li)
    app.svc.clock.advance(seconds=40)
    seen = {st.telegram_id: len(telegram.api.sent_to(st.telegram_id)) for st in app.settings.staff if st.telegram_id}
    resident_seen = telegram.count(wang)
    for step in range(1, 4):
        await wang.move_live_location(shared, 31.20700 + step * 1e-4, 121.44600)
    await wang.send_text("谢谢")
    await telegram.said(wang, "不客气", after=resident_seen)
    app.svc.clock.advance(seconds=40)
    await app.engine.tick()
    await settled(telegram, li)
    for chat, count in seen.items():
        assert len(telegram.api.sent_to(chat)) == count, chat
    assert "live" not in await app.svc.store.incident(1)
    assert not any(e["event"] == "live_location" for e in await app.svc.store.timeline(1))


async def test_a_strangers_live_location_moves_reach_no_one(telegram):
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)  # a resident's call is open meanwhile
    stranger = telegram.user("路人甲")
    shared = await stranger.send_location(31.20640, 121.44520, live_period=900)
    await telegram.api.wait_for_message(stranger.id, lambda m: m.has_request_contact())  # asked who they are
    await settled(telegram, li)
    n, told, resident_seen = telegram.count(li), telegram.count(stranger), telegram.count(wang)
    for step in range(1, 4):
        await stranger.move_live_location(shared, 31.20700 + step * 1e-4, 121.44600)
        app.svc.clock.advance(seconds=10)
    await app.engine.tick()
    await settled(telegram, li)
    assert telegram.api.sent_to(li.id)[n:] == []
    assert telegram.count(stranger) == told and telegram.count(wang) == resident_seen
    assert "live" not in await app.svc.store.incident(1)  # nobody's call takes a stranger's position


async def test_a_daughters_live_location_reaches_staff_as_hers(telegram):
    app, li = telegram.app, telegram.user("李社工")
    await sos(telegram)
    daughter = telegram.user("王丽")
    await daughter.send_command("/start")
    await telegram.api.wait_for_message(daughter.id, lambda m: m.has_request_contact())
    await daughter.send_contact("13911110002")
    await telegram.said(daughter, "紧急联系人")
    shared = await daughter.send_location(31.21000, 121.45000, live_period=900)
    await telegram.said(li, "王丽（女儿）发来位置")
    await daughter.move_live_location(shared, 31.21100, 121.45100)
    update = await telegram.api.wait_for_message(li.id, lambda m: LIVE in m.text and "31.21100" in m.text)
    assert "王丽（女儿）" in update.text and "王老伯" in update.text


async def test_a_stopped_live_location_is_not_a_move(telegram):
    """When the sharing ends Telegram edits the message once more, without live_period: nothing to pass on."""
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    await settled(telegram, li)
    n, resident_seen = telegram.count(li), telegram.count(wang)
    telegram.api.incoming_edit(wang.id, shared, location={"latitude": 31.20900, "longitude": 121.44900})
    await wang.send_text("谢谢")
    await telegram.said(wang, "不客气", after=resident_seen)
    await settled(telegram, li)
    assert telegram.api.sent_to(li.id)[n:] == [] and "live" not in await app.svc.store.incident(1)


async def test_a_move_while_the_paced_update_is_on_its_way_still_follows(telegram):
    """A slow Telegram: the interval's update is still being sent when he moves again. That move must not be left
    behind (he may stop there: a fall), it follows when the next interval ends."""
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    await wang.move_live_location(shared, 31.20700, 121.44600)
    live = await telegram.api.wait_for_message(li.id, lambda m: LIVE in m.text)
    await wang.move_live_location(shared, 31.20710, 121.44600)
    await stored(app, "31.20710")
    app.svc.clock.advance(seconds=31)
    telegram.api.hold_next("editMessageText", 1.5)
    tick = asyncio.ensure_future(app.engine.tick())
    await telegram.api.wait_until(lambda: "editMessageText" in telegram.api.held, 5)  # the update is on its way
    await wang.move_live_location(shared, 31.20720, 121.44600)  # he moves on, then stays there
    await stored(app, "31.20720")
    await tick
    await telegram.api.wait_for_message(li.id, lambda m: m is live and "31.20710" in m.text)
    app.svc.clock.advance(seconds=31)
    await app.engine.tick()
    await telegram.api.wait_for_message(li.id, lambda m: m is live and "31.20720" in m.text)


async def test_an_earlier_move_handled_late_does_not_replace_a_later_one(telegram):
    """After a restart Telegram hands over the moves that waited in one batch, and they are handled side by side:
    the one Telegram saw last is where he is, whichever is handled last."""
    import time

    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    later = int(time.time()) + 60
    await wang.move_live_location(shared, 31.20900, 121.44900, at=later)
    live = await telegram.api.wait_for_message(li.id, lambda m: LIVE in m.text and "31.20900" in m.text)
    await wang.move_live_location(shared, 31.20800, 121.44800, at=later - 20)  # earlier, handled after
    for _ in range(40):  # until it is counted for the interval's update (as it would be if it were kept)
        if await app.svc.store.deadline("live:1") is not None:
            break
        await asyncio.sleep(0.05)
    app.svc.clock.advance(seconds=31)
    await app.engine.tick()
    await settled(telegram, li)
    assert "31.20900" in live.text and (await app.svc.store.incident(1))["live"]["lat"] == 31.20900


async def test_a_live_message_no_longer_updated_says_so(telegram):
    """Once someone else holds the call, or it is resolved, a "📍 实时位置" message left in a chat kept its last
    position as if it were current: staff walking to an old position is what a live location is meant to prevent."""
    li, wa = telegram.user("李社工"), telegram.user("王社工")
    _, _, li_live, wa_live = await moved_with_two_alerted(telegram)
    await wa.click(await telegram.said(wa, "紧急求助 #1"), "我来处理")
    await telegram.api.wait_for_message(li.id, lambda m: m.message_id == li_live.message_id and "不再更新" in m.text)
    assert "王社工" in li_live.text and "不再更新" not in wa_live.text
    n = telegram.count(wa)
    await wa.click(await telegram.said(wa, "紧急求助 #1"), "已解决")
    await wa.click(await telegram.said(wa, "结果是", after=n), "已处理")
    await telegram.api.wait_for_message(wa.id, lambda m: m.message_id == wa_live.message_id and "不再更新" in m.text)
    assert "已结束" in wa_live.text


def map_link(message) -> str:
    """Where the message's 🗺 button opens (a map at a position), or ""."""
    rows = (message.reply_markup or {}).get("inline_keyboard") or []
    return next((b.get("url", "") for row in rows for b in row if "地图" in b["text"]), "")


async def test_staff_open_a_shared_position_in_a_map_with_one_tap(telegram):
    """Coordinates alone mean nothing to someone running out of the door: the packet, once the resident answered
    the address question with a location, and the "📍 实时位置" message carry a 🗺 button opening a map there; the
    live message's button follows each move as the message is edited in place."""
    app, li = telegram.app, telegram.user("李社工")
    wang = await sos(telegram)
    shared = await shares_live_location(telegram, wang)
    packet = await telegram.said(li, "居民发来位置：31.20640")
    assert "121.4452" in map_link(packet) and "31.2064" in map_link(packet)
    await wang.move_live_location(shared, 31.20700, 121.44600)
    live = await telegram.api.wait_for_message(li.id, lambda m: LIVE in m.text and "31.20700" in m.text)
    assert map_link(live).startswith("https://") and "121.446" in map_link(live) and "31.207" in map_link(live)
    app.svc.clock.advance(seconds=70)
    await wang.move_live_location(shared, 31.20800, 121.44700)
    await telegram.api.wait_for_message(li.id, lambda m: m.message_id == live.message_id and "31.20800" in m.text)
    assert "121.447" in map_link(live) and "31.208" in map_link(live)
    assert len(live_messages(telegram, li)) == 1


async def test_a_location_sent_on_its_own_reaches_staff_as_a_map(telegram):
    """With nothing open, a location is forwarded as it is: Telegram shows it as a map, one tap to open."""
    li = telegram.user("李社工")
    wang = await telegram.signed_up("王老伯", "13900000002")
    await wang.send_location(31.20640, 121.44520)
    fwd = await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from[0] == wang.id and fwd.raw["location"]["latitude"] == 31.20640
    packet = await telegram.said(li, "#1")
    assert packet.at >= fwd.at  # the map first, then who sent it and the buttons
