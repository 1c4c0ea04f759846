"""Issue 11, points 1, 2, 3 and 8: a cry for help outranks every step, comes in any kind of message, is never
turned into a one-off, and a flood of them stays readable — through the project's own types."""
import asyncio

from conftest import TUESDAY_9, at, enrolled, signed_up

from bot.types import Inbound


async def sos(people, name="王老伯", phone="13900000002"):
    resident = await signed_up(people(name), phone)
    await resident.send("🆘 紧急求助")
    return resident


async def resolve(staff, n: int) -> None:
    await staff.click(staff.last(f"紧急求助 #{n}"), "已解决")
    await staff.click(staff.last("结果是"), "已处理")


# --- 1. no conversation step outranks a cry for help ---------------------------------------------------------

async def test_a_fall_after_the_case_was_closed_mid_address_opens_a_new_call(people, app):
    wang = await sos(people)
    li = people("李社工")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await resolve(li, 1)
    await wang.send("救命，我又摔倒了起不来")
    assert not any("具体一点" in t for t in wang.texts())
    assert "紧急求助 #2" in li.last("紧急求助 #2").text
    assert "已通知值班社工" in wang.last("已通知").text


async def test_a_fall_while_the_address_is_awaited_reaches_staff_as_urgent(people, app):
    wang = await sos(people)
    li = people("李社工")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("救命，我又摔倒了起不来")
    assert "又发来求助" in li.last().text and "我又摔倒了起不来" in li.last().text
    assert not any("具体一点" in t for t in wang.texts())
    assert (await app.svc.store.incident(1))["address_state"] != "unparsed"
    assert app.svc.outbox.messenger.log[-2].urgent or app.svc.outbox.messenger.log[-1].urgent


async def test_an_address_carried_by_a_repeated_cry_is_not_lost(people, app):
    wang = await sos(people)
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("救命 我在建新路27弄7号302室")
    li = people("李社工")
    assert any("又发来求助" in t for t in li.texts())
    assert "居民说：建新路27弄⚠️7号302室" in li.last("紧急求助").text


async def test_a_cry_for_help_answers_the_age_question_of_a_pension_answer_never(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("老年综合津贴多少钱")
    await zhang.send("救命 我起不来了")
    assert "紧急求助 #1" in people("李社工").last().text


async def test_a_step_never_outlives_its_purpose(people, app, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🙋 找居委会帮忙")
    await zhang.click(zhang.last("需要帮什么忙"), "其他")
    clock.advance(hours=6)  # she never answered; hours later she just says thanks
    await zhang.send("谢谢")
    assert people("李社工").inbox == []
    assert await app.svc.store.open_incident_ids() == []


# --- 2. every kind of message can carry a call for help ---------------------------------------------------------

async def test_a_voice_message_alone_reaches_on_duty_staff_with_who_where_and_two_buttons(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send_kind("voice")
    li = people("李社工")
    packet = li.last("语音")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "13900000002" in packet.text
    assert [b[0] for b in packet.buttons] == ["🆘 按紧急处理", "✅ 已听，不紧急"]
    assert any(s.forwarded for s in li.inbox)
    assert "社工" in wang.last().text
    clock.advance(minutes=30.5)  # nobody listens: it escalates like a help request
    await app.engine.tick()
    assert any(s.forwarded for s in people("王社工").inbox)
    assert "王老伯" in people("王社工").last("语音").text


async def test_staff_who_hear_an_emergency_in_a_voice_treat_it_as_one(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send_kind("voice")
    li = people("李社工")
    await li.click(li.last("语音"), "按紧急处理")
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "emergency" and inc["claimed_by"] == "li"
    assert "李社工 已经接手" in wang.last().text
    assert "已到达" in " ".join(b[0] for b in li.last("紧急求助 #1").buttons)


async def test_staff_who_hear_nothing_urgent_close_it_and_it_never_escalates(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send_kind("photo")
    li = people("李社工")
    await li.click(li.last("照片"), "已听，不紧急")
    assert (await app.svc.store.incident(1))["status"] == "resolved"
    await li.send("/incident 1")
    assert "王老伯，发来照片" in li.last().text and "关闭：已听，不紧急" in li.last().text
    clock.advance(hours=3)
    await app.engine.tick()
    assert people("王社工").inbox == []


async def test_a_location_alone_reaches_staff_too(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.share_location()
    li = people("李社工")
    assert "王老伯" in li.last("位置").text and any(s.forwarded for s in li.inbox)


async def test_a_voice_during_the_check_in_window_is_a_sign_of_life_and_staff_hear_it(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=10))
    await zhang.send_kind("voice")
    assert (await app.svc.checkins.state(rid)).phase == "answered"
    li = people("李社工")
    assert any(s.forwarded for s in li.inbox) and "张阿姨" in li.last("语音").text


async def _inbound(person, **kw):
    kw.setdefault("chat_id", person.id)
    return await person.app.engine.handle(Inbound(user_id=person.id, first_name=person.name, language="zh-hans",
                                                  message_id=99, **kw))


async def test_a_photo_captioned_with_a_cry_for_help_is_an_emergency(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await _inbound(wang, kind="photo", text="救命，我摔倒了")
    li = people("李社工")
    assert "紧急求助 #1" in li.last("紧急求助").text and "我摔倒了" in li.last("紧急求助").text
    assert any(s.forwarded for s in li.inbox)  # and the photo itself reaches them


async def test_an_edited_message_is_read_for_urgency(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await _inbound(wang, kind="edited", text="救命 我起不来")
    assert "紧急求助 #1" in people("李社工").last().text
    assert not any("修改过的消息" in t for t in wang.texts())


async def test_an_over_long_cry_for_help_is_still_a_cry_for_help(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命！" + "我" * 1000)
    assert "紧急求助 #1" in people("李社工").last().text
    assert not any("消息太长了" in t for t in wang.texts())


async def test_a_cry_for_help_in_a_group_gets_120_and_the_committee_phone(people, app):
    wang = people("王老伯")
    replies = await _inbound(wang, kind="text", text="救命啊 有人晕倒了", chat_id=-100777, is_group=True)
    told = app.svc.outbox.messenger.to(-100777)
    assert told and "120" in told[-1].text and "021-64370000" in told[-1].text
    assert replies
    assert await _inbound(wang, kind="text", text="今天天气不错", chat_id=-100777, is_group=True) == []


# --- 3. a typed emergency is never turned into a one-off ---------------------------------------------------------

async def test_a_typed_cry_for_help_meeting_a_held_lock_is_stored_and_alerted_with_its_claim_button(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    held = app.svc.store.lock(f"user:{wang.id}", timeout=30)
    assert await held.acquire()  # a slow earlier step (or a crashed process) holds the resident's lock
    try:
        sending = asyncio.ensure_future(wang.send("救命 我摔倒了"))
        li = people("李社工")
        for _ in range(100):
            if li.inbox:
                break
            await asyncio.sleep(0.02)
        alert = li.last("紧急求助 #1")
        assert "建新路27弄5号302室" in alert.text and "我来处理" in alert.buttons[0][0]
        assert not sending.done()  # the alert did not wait for the lock
    finally:
        await held.release()
    await sending
    assert not any("系统故障" in t for t in li.texts())


async def test_a_lock_left_by_a_crashed_process_still_tells_the_resident_staff_know(people, app, monkeypatch):
    import functools

    wang = await signed_up(people("王老伯"), "13900000002")
    assert await app.svc.store.lock(f"user:{wang.id}", timeout=30).acquire()  # never released: the process died
    monkeypatch.setattr(app.svc.store, "lock", functools.partial(app.svc.store.lock, blocking_timeout=0.3))
    await wang.send("救命 我摔倒了")
    li = people("李社工")
    assert "我来处理" in li.last("紧急求助 #1").buttons[0][0]
    assert not any("系统故障" in t for t in li.texts())  # not a second, one-off alert
    assert "已通知值班社工" in wang.last().text and "120" in wang.last().text


async def test_when_the_fallback_is_unavoidable_it_names_the_registered_resident(people, app, monkeypatch):
    from redis.exceptions import ConnectionError

    wang = await signed_up(people("王老伯", ), "13900000002")
    wang.name = "Telegram昵称"

    async def broken(*a, **kw):
        raise ConnectionError("gone")

    monkeypatch.setattr(app.svc.store, "open_emergency", broken)
    monkeypatch.setattr(app.svc.store, "session", broken)
    await wang.send("救命")
    alert = people("李社工").last("系统故障")
    assert "王老伯" in alert.text and "建新路27弄5号302室" in alert.text


# --- 8. floods stay readable and lose nothing ---------------------------------------------------------

async def test_a_hundred_cries_from_one_resident_are_collapsed_and_all_on_the_timeline(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    for _ in range(100):
        await wang.send("救命")
    assert await app.svc.store.open_incident_ids() == [1]
    assert len(li.inbox) <= 4
    clock.advance(minutes=1.1)
    await app.engine.tick()
    assert "又发来" in li.last().text and "次" in li.last().text
    assert len(li.inbox) <= 5
    timeline = await app.svc.store.timeline(1)
    assert sum(e["event"] == "resident_again" for e in timeline) == 99


async def test_a_strangers_flood_is_rate_limited_and_nothing_is_lost(people, app, clock):
    from bot.testing.tools import Person

    stranger = Person(app, 8123, "路人")
    li = people("李社工")
    for i in range(50):
        await stranger.send("救命")
        await stranger.share_contact("13712345678")
    assert len(li.inbox) <= 3
    assert all("120" in t for t in stranger.texts() if "救命" in t)
    clock.advance(minutes=1.1)
    await app.engine.tick()
    assert "又发来" in li.last().text
    assert len(await app.svc.store.stranger_log(8123)) == 100


# --- a wish to die is a call for a person, now; "想死你了" (I miss you so) is not ----------------------------------

async def test_a_resident_who_writes_they_want_to_die_reaches_staff_at_once(people, app):
    for n, (name, phone, words) in enumerate((("王老伯", "13900000002", "我想死"),
                                             ("张阿姨", "13900000001", "一个人太苦了，不想活了")), start=1):
        resident = await signed_up(people(name), phone)
        await resident.send(words)
        assert words in people("李社工").last(f"紧急求助 #{n}").text
        assert "已通知值班社工" in resident.last("已通知").text


async def test_missing_someone_to_death_is_not_a_call_for_help(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("女儿，想死你了，什么时候回来看我")
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_harder_cries_reach_staff_pinyin_a_worded_breath_a_high_fever_and_being_lost(people, app):
    """Typed without the input method's characters (jiuming), 呼吸 with 好 in the way, a fever of 40 at 90, and an
    old man lost outside: each one a call for help."""
    cries = (("王老伯", "13900000002", "jiuming"), ("张阿姨", "13900000001", "我呼吸好困难"),
             ("刘奶奶", "13900000003", "我全身发抖，发烧40度"))
    for n, (name, phone, words) in enumerate(cries, start=1):
        resident = await signed_up(people(name), phone)
        await resident.send(words)
        assert words in people("李社工").last(f"紧急求助 #{n}").text, words


async def test_a_resident_lost_outside_reaches_staff_and_can_send_where_they_are(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我出来买菜，迷路了，找不到回家的路")
    assert "找不到回家的路" in people("李社工").last("紧急求助 #1").text
    need = [m for m in wang.inbox if "需要马上有人来吗" in m.text]
    if need:  # the one-tap check first, when the words only suggest danger
        await wang.click(need[-1], "马上来")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    assert wang.last("请告诉我您现在在哪里").request == "location"


async def test_a_resident_who_writes_they_are_lost_is_never_told_goodbye(people, app):
    """"我走丢了" was read as leaving (goodbye: "再见，保重身体！"); "回不去家了" was not understood at all."""
    for n, (name, phone, words) in enumerate((("王老伯", "13900000002", "我走丢了"),
                                              ("张阿姨", "13900000001", "回不去家了"),
                                              ("刘奶奶", "13900000003", "不知道这是哪里，找不到家了")), start=1):
        resident = await signed_up(people(name), phone)
        await resident.send(words)
        assert words in people("李社工").last(f"紧急求助 #{n}").text, words
        assert not any("再见" in t or "没太明白" in t for t in resident.texts()), words


async def test_asking_the_way_or_a_lost_card_is_not_a_call_for_help(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    for words in ("我的公交卡丢了", "去社区医院怎么走", "孙子玩游戏迷路了哈哈"):
        await zhang.send(words)
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_a_numb_leg_a_bad_heart_a_dog_bite_and_a_bottle_of_sleeping_pills_reach_staff(people, app):
    """Each was answered "没太明白" or taken for small talk, and reached nobody."""
    cries = (("王老伯", "13900000002", "腿没有知觉了"), ("张阿姨", "13900000001", "我心脏不舒服"),
             ("刘奶奶", "13900000003", "被狗咬了，流血"), ("王老伯", "13900000002", "我吃了一瓶安眠药"))
    for n, (name, phone, words) in enumerate(cries, start=1):
        resident = people(name) if n == 4 else await signed_up(people(name), phone)
        if n == 4:
            await people("李社工").click(people("李社工").last("紧急求助 #1"), "已解决")
            await people("李社工").click(people("李社工").last("结果是"), "已处理")
        await resident.send(words)
        assert words in people("李社工").last(f"紧急求助 #{n}").text, words


async def test_a_heart_check_up_question_or_nightly_sleeping_pill_is_not_a_call_for_help(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    for words in ("每天晚上吃一片安眠药才睡得着", "狗咬人的新闻看了吓人"):
        await zhang.send(words)
    assert not any("紧急求助" in t for t in people("李社工").texts())


async def test_a_fall_yesterday_that_still_hurts_reaches_staff_as_feeling_unwell(people, app):
    """"昨天摔倒了今天腿还疼" was answered "没太明白": a past fall is no emergency, but the pain is news for staff."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("昨天摔倒了今天腿还疼")
    assert "昨天摔倒了今天腿还疼" in people("李社工").last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())


async def test_come_to_my_home_it_is_urgent_reaches_staff(people, app):
    """"来我家一趟急" was answered "没太明白"."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("来我家一趟急")
    assert "来我家一趟急" in people("李社工").last("紧急求助 #1").text


async def test_simple_english_too_many_pills_or_come_quickly_reaches_staff(people, app):
    """Residents who write simple English: "I took too many pills" and "please come quickly" reached nobody."""
    for n, (name, phone, words) in enumerate((("王老伯", "13900000002", "I took too many pills"),
                                              ("张阿姨", "13900000001", "please come quickly")), start=1):
        resident = await signed_up(people(name), phone)
        await resident.send(words)
        assert words in people("李社工").last(f"紧急求助 #{n}").text, words


async def test_an_address_in_the_first_cry_is_shown_to_staff_beside_the_register_at_once(people, app):
    """The real case: he could not get up and gave the wrong door number. Staff see it beside the register, loudly,
    without waiting for any answer; and he is not asked to confirm the registered address on top."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命 我摔倒了起不来 我在建新路27弄3号602室")
    packet = people("李社工").last("紧急求助 #1").text
    assert "居民说的地址和登记的不一样" in packet and "⚠️3号" in packet and "5号" in packet
    await wang.click(wang.last("需要马上有人来吗"), "马上来")
    assert not any("请确认您现在的地址" in t for t in wang.texts())
    assert "已把您说的新地址告诉社工" in wang.last().text


async def test_the_registered_door_in_the_first_cry_is_still_read_back(people, app):
    """"我住5号302，现在在菜场摔倒了": the registered door in a cry says nothing of where he is now."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 快来人 我住27弄5号302室 现在在菜场摔倒了起不来")
    assert "正在请居民确认地址" in people("李社工").last("紧急求助 #1").text
    await wang.click(wang.last("需要马上有人来吗"), "马上来")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    assert wang.last("请告诉我您现在在哪里").request == "location"

async def test_a_lost_resident_is_told_to_wait_where_they_are_not_to_unlock_the_door(people, app):
    """"我走丢了" got the fall's advice ("如果能走动，把门锁打开"): no use to someone outside, lost."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我走丢了，不知道这是哪里")
    told = wang.last("已通知值班社工").text
    assert "待在原地" in told and "门锁" not in told and "摔倒" not in told
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("救命 我摔倒了起不来")
    assert "门锁" in zhang.last("已通知值班社工").text  # a fall at home still gets it


async def test_a_cold_home_without_power_in_winter_reaches_staff(people, app):
    """"停电了好冷" was answered "没太明白": a very old person in a cold flat is something staff must hear."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("停电了好冷")
    assert "停电了好冷" in people("李社工").last("求助 #1").text
    assert not any("没太明白" in t for t in wang.texts())
