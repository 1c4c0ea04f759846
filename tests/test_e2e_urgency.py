"""Issue 11, points 2 and 3 end to end: the real aiogram / python-telegram-bot clients over HTTP, real Redis.
(A cry for help in a group chat: tests/test_e2e_foundation.py.)"""


async def test_a_voice_message_alone_is_forwarded_to_staff_with_who_where_and_listen_buttons(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = telegram.user("李社工")
    await wang.send_voice()
    fwd = await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from[0] == wang.id
    packet = await telegram.said(li, "居民发来语音")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "13900000002" in packet.text
    assert packet.buttons() == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    await li.click(packet, "按紧急处理")
    await telegram.said(wang, "李社工 已经接手")
    assert (await telegram.app.svc.store.incident(1))["kind"] == "emergency"


async def test_a_typed_cry_meeting_the_residents_held_lock_is_stored_and_alerted_at_once(telegram):
    app = telegram.app
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = telegram.user("李社工")
    held = app.svc.store.lock(f"user:{wang.id}", timeout=30)
    assert await held.acquire()  # e.g. left by a crashed process: it would hold for 30 s
    try:
        await wang.send_text("救命 我摔倒了起不来")
        alert = await telegram.said(li, "紧急求助 #1", timeout=3)
        assert "建新路27弄5号302室" in alert.text and "🙋 我来处理" in alert.buttons()
        assert (await app.svc.store.incident(1))["words"] == "救命 我摔倒了起不来"
    finally:
        await held.release()
    await telegram.said(wang, "需要马上有人来吗")
    assert not any("系统故障" in m.text for m in telegram.api.sent_to(li.id))


async def test_an_edited_message_and_a_photo_caption_are_read_for_urgency(telegram):
    zhang = await telegram.signed_up("张阿姨", "13900000001")
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = telegram.user("李社工")
    first = await zhang.send_text("今天天气不错")
    await telegram.said(zhang, "", after=telegram.count(zhang))
    await zhang.edit_text(first, "救命 我起不来了")
    await telegram.api.wait_for_message(li.id, lambda m: "紧急求助" in m.text and "张阿姨" in m.text)
    await wang.send_photo(caption="救命，我摔倒了")
    await telegram.api.wait_for_message(li.id, lambda m: "紧急求助" in m.text and "王老伯" in m.text)



async def test_a_strangers_voice_is_forwarded_to_staff_marked_as_from_someone_unregistered(telegram):
    stranger = telegram.user("隔壁小李")
    li = telegram.user("李社工")
    await stranger.send_voice()
    fwd = await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from[0] == stranger.id
    assert "未登记的用户" in (await telegram.said(li, "发来语音")).text
    told = await telegram.said(stranger, "120")
    assert "021-64370000" in told.text
    await telegram.api.wait_for_message(stranger.id, lambda m: m.has_request_contact())


async def test_a_residents_cry_in_a_group_alerts_staff_and_goes_on_in_private(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    group = telegram.api.group(-100124)
    await group.send_text(wang, "救命 我摔倒了起不来")
    alert = await telegram.said(telegram.user("李社工"), "紧急求助 #1")
    assert "建新路27弄5号302室" in alert.text and "我摔倒了起不来" in alert.text
    told = await telegram.api.wait_for_message(-100124, "120")
    assert "021-64370000" in told.text and "建新路" not in told.text and "13900000002" not in told.text
    await telegram.said(wang, "需要马上有人来吗")


async def test_a_residents_voice_in_a_group_reaches_staff_and_the_group_gets_only_120(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    li = telegram.user("李社工")
    group = telegram.api.group(-100125)
    sent = await group.send_voice(wang)
    fwd = await telegram.api.wait_for_message(li.id, lambda m: m.kind == "forward")
    assert fwd.forwarded_from == (-100125, sent)
    packet = await telegram.said(li, "居民发来语音")
    assert "王老伯" in packet.text and "群里" in packet.text and packet.buttons() == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    told = await telegram.api.wait_for_message(-100125, "120")
    assert "021-64370000" in told.text and "建新路" not in told.text and "13900000002" not in told.text
