"""Issue 17 (3): notices that reach every door — audiences, count and preview, 👌, follow-up, visit tasks."""
import asyncio

from conftest import signed_up

from bot.testing.tools import Person

ZHAO = {"name": "赵阿婆", "phone": "13900000009", "road": "建新路", "lane": "27", "building": "7", "room": "101",
        "lives_alone": True, "birth_date": "1940-05-06", "contacts": [], "doctor": None, "notes": ""}


async def residents(app, people):
    """张阿姨 (82) and 王老伯 (89) are 80+, 刘奶奶 is 75; 赵阿婆 (86) never started the bot; 王老伯 blocked it."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wang = await signed_up(people("王老伯"), "13900000002")
    liu = await signed_up(people("刘奶奶"), "13900000003")
    [rid] = await app.svc.store.next_resident_ids(1)
    await app.svc.store.save_resident({**ZHAO, "id": rid})
    app.svc.outbox.messenger.blocked.add(wang.id)
    return zhang, wang, liu


async def compose(li, who: str, text: str = "明天上午停水，请提前储水。"):
    await li.send("/notice")
    await li.click(li.last("发通知给谁"), who)
    await li.send(text)
    return li.last("预览")


async def sent(app):
    await app.svc.notices.running[max(app.svc.notices.running)]


async def test_aged_80_plus_reaches_exactly_them_and_the_follow_up_names_the_rest(app, people, clock):
    zhang, wang, liu = await residents(app, people)
    li = people("李社工")
    preview = await compose(li, "80岁以上")
    assert "共 3 人（其中 1 人还没开始用助手" in preview.text and "明天上午停水" in preview.text
    assert not any("居委会通知" in t for t in zhang.texts())  # nothing goes out before ✅
    await li.click(preview, "24小时")
    await sent(app)
    notice = zhang.last("📢 居委会通知")
    assert "明天上午停水" in notice.text and [b[0] for b in notice.buttons] == ["👌 收到了"]
    assert not any("居委会通知" in t for t in liu.texts())
    assert "送到 1 人，没送到 2 人" in li.last("发完了").text
    await zhang.click(notice, "收到了")
    assert "谢谢" in zhang.last().text
    clock.advance(hours=23.9)
    await app.engine.tick()
    assert not any("没回复" in t for t in li.texts() if "📋" in t)
    clock.advance(hours=0.2)
    await app.engine.tick()
    follow = li.last("📋 通知 #1")
    assert "👌 已收到 1 人 · ⏳ 没回复 0 人 · 🚫 没送到 2 人" in follow.text
    assert "王老伯 13900000002" in follow.text and "拉黑了助手" in follow.text
    assert "赵阿婆 13900000009" in follow.text and "还没开始用助手" in follow.text
    assert "张阿姨" not in follow.text and "刘奶奶" not in follow.text
    await li.click(follow, "走访任务")
    assert "已做成 2 个走访任务" in li.last("走访任务").text
    visit = li.last("走访 #1")
    await li.click(visit, "已走访")
    assert "走访 #1 已完成：王老伯（李社工）" in li.last("已完成").text
    before = len(li.texts())
    await li.send("/visits")
    assert [t for t in li.texts()[before:]] == ["📋 走访 #2：赵阿婆 13900000009（通知 #1，还没开始用助手）"]


async def test_silent_residents_are_named_for_a_call_or_visit(app, people, clock):
    zhang, wang, liu = await residents(app, people)
    li = people("李社工")
    await li.click(await compose(li, "独居老人"), "（4小时")
    await sent(app)
    clock.advance(hours=4.1)
    await app.engine.tick()
    follow = li.last("📋 通知 #1")
    assert "⏳ 没回复 1 人" in follow.text and "张阿姨 13900000001" in follow.text  # lives alone, did not answer


async def test_cancel_sends_nothing_and_a_stale_ack_is_harmless(app, people):
    zhang, _, _ = await residents(app, people)
    li = people("李社工")
    await li.click(await compose(li, "所有居民"), "取消")
    assert "没有发出" in li.last().text and not any("居委会通知" in t for t in zhang.texts())
    await zhang.press_data(1, "ntk:99")
    assert "过期" in zhang.last().text or "按钮" in zhang.last().text


async def test_a_road_lane_building_and_a_template(app, people):
    zhang, wang, liu = await residents(app, people)
    app.svc.outbox.messenger.blocked.clear()
    li = people("李社工")
    await li.send("/notice")
    await li.click(li.last("发通知给谁"), "某条路")
    await li.send("到处都是")
    assert "没有找到这个地址的居民" in li.last().text
    await li.send("建新路 27弄 5号")
    await li.click(li.last("请输入通知内容"), "消防安全")
    preview = li.last("预览")
    assert "共 1 人" in preview.text and "插线板" in preview.text
    await li.click(preview, "24小时")
    await sent(app)
    assert "插线板以旧换新" in wang.last("居委会通知").text
    assert not any("居委会通知" in t for t in zhang.texts() + liu.texts())


class Hanging:
    """A network that stops answering for some chats (the process is killed while they wait)."""

    def __init__(self, inner, chats):
        self.inner, self.chats = inner, chats

    async def deliver(self, msg):
        if msg.bulk and msg.chat_id in self.chats:
            await asyncio.Event().wait()
        return await self.inner.deliver(msg)


async def test_a_notice_cut_short_by_a_crash_resumes_and_nobody_gets_it_twice(make_app, people, clock, app):
    zhang, wang, liu = await residents(app, people)
    recording = app.svc.outbox.messenger
    recording.blocked.clear()
    li = people("李社工")
    app.svc.outbox.messenger = Hanging(recording, {wang.id, liu.id})
    await li.click(await compose(li, "所有居民"), "24小时")
    for _ in range(200):  # 张阿姨's has gone out and been recorded
        if len(await app.svc.store.notice_states(1)) == 1:
            break
        await asyncio.sleep(0.02)
    await app.svc.notices.close()  # the process dies with two sends in the air
    assert not any("居委会通知" in t for t in wang.texts() + liu.texts())
    again = await make_app(messenger=recording)
    await again.engine.tick()
    assert not any("居委会通知" in t for t in wang.texts())  # the lease has not run out yet
    clock.advance(seconds=61)
    await again.engine.tick()
    await sent(again)
    for person in (zhang, wang, liu):
        assert sum("居委会通知" in t for t in person.texts()) == 1
    assert "送到 3 人" in li.last("发完了").text


async def test_a_notice_with_a_photo(app, people):
    zhang, _, _ = await residents(app, people)
    li = people("李社工")
    await li.send("/notice")
    await li.click(li.last("发通知给谁"), "独居老人")
    await li.send_file("poster.jpg", b"\xff\xd8 poster", kind="photo")  # a photo without words: asked for them
    assert "请输入通知内容" in li.last().text
    await li.send("周六上午社区食堂试吃，欢迎来。")
    preview = li.last("预览")
    assert "附一张照片" in preview.text
    await li.click(preview, "24小时")
    await sent(app)
    notice = zhang.last("居委会通知")
    assert notice.photo and "社区食堂" in notice.text


async def test_a_sender_who_left_the_staff_list_does_not_get_the_follow_up(app, people, clock):
    from bot.residents import staff_join

    zhang, wang, liu = await residents(app, people)
    li, chen = people("李社工"), people("陈书记")
    await li.click(await compose(li, "80岁以上"), "24小时")
    await sent(app)
    s = app.settings
    roster = [sh.model_copy(update={"staff": [x for x in sh.staff if x != "li"]}) for sh in s.roster]
    await staff_join.refresh(app.svc, s.model_copy(update={"staff": [st for st in s.staff if st.id != "li"],
                                                           "roster": [sh for sh in roster if sh.staff]}))
    clock.advance(hours=24.1)
    await app.engine.tick()
    assert "王老伯 13900000002" in chen.last("📋 通知 #1").text  # nobody rostered now: all staff
    assert not any("📋 通知 #1" in t for t in li.texts())


async def test_a_thumbs_up_pressed_before_the_send_is_written_down_counts(app, people, monkeypatch):
    """A quick resident presses 👌 the moment the notice arrives, before the bot has recorded sending it."""
    zhang, _, _ = await residents(app, people)
    li = people("李社工")
    preview = await compose(li, "80岁以上")
    store, release = app.svc.store, asyncio.Event()
    real_done = store.notice_done

    async def recorded_late(n, rid, state):
        await release.wait()
        await real_done(n, rid, state)

    monkeypatch.setattr(store, "notice_done", recorded_late)
    await li.click(preview, "24小时")
    for _ in range(200):
        if any("居委会通知" in t for t in zhang.texts()):
            break
        await asyncio.sleep(0.01)
    await zhang.click(zhang.last("📢 居委会通知"), "收到了")
    assert "谢谢" in zhang.last().text
    release.set()
    await sent(app)
    rid = (await store.resident_by_tg(zhang.id))["id"]
    assert (await store.notice_states(1))[rid] == "ack"


async def test_a_thumbs_up_pressed_while_the_send_is_being_written_down_counts(app, people, monkeypatch):
    """The 👌 arrives in the instant the bot records the send: the resident has just left the to-do list and the
    outcome is being stored. However the two land, the 👌 counts."""
    zhang, _, _ = await residents(app, people)
    li = people("李社工")
    await li.click(await compose(li, "80岁以上"), "24小时")
    await sent(app)
    store = app.svc.store
    rid = (await store.resident_by_tg(zhang.id))["id"]
    # put the resident back where they were just before the send was recorded, and record it between the ack's reads
    await store.r.delete(store.k("notice", 1, "state"))
    await store.r.rpush(store.k("notice", 1, "todo"), rid)
    real_hexists, real_lpos = store.r.hexists, store.r.lpos

    async def done_in_between(*args, **kwargs):
        got = await real_hexists(*args, **kwargs)
        await store.notice_done(1, rid, "sent")
        return got

    async def done_before(*args, **kwargs):
        await store.notice_done(1, rid, "sent")
        return await real_lpos(*args, **kwargs)

    monkeypatch.setattr(store.r, "hexists", done_in_between)
    monkeypatch.setattr(store.r, "lpos", done_before)
    await zhang.click(zhang.last("📢 居委会通知"), "收到了")
    assert "谢谢" in zhang.last().text
    assert (await store.notice_states(1))[rid] == "ack"


async def test_a_notice_whose_worker_died_before_saying_it_had_finished_still_tells_its_sender_once(app, people,
                                                                                                   clock, make_app):
    """Every resident got the notice; the worker recorded it finished and died before telling 李社工 "发完了": she
    never heard how it went until the follow-up a day later."""
    await residents(app, people)
    li = people("李社工")
    real = app.svc.outbox.send_all

    async def dies(msgs, *args, **kwargs):
        if any("发完了" in m.text for m in msgs):
            raise RuntimeError("power cut")
        return await real(msgs, *args, **kwargs)

    app.svc.outbox.send_all = dies
    await li.click(await compose(li, "80岁以上"), "24小时")
    try:
        await sent(app)
    except RuntimeError:
        pass
    assert not any("发完了" in t for t in li.texts())
    again = await make_app(prefix_=app.settings.redis.prefix, messenger=app.svc.outbox.messenger)
    for _ in range(3):  # the tick runs on, past the drain's lease
        clock.advance(seconds=61)
        await again.engine.tick()
        if again.svc.notices.running:
            await sent(again)
    assert sum("发完了" in t for t in li.texts()) == 1 and "送到 1 人，没送到 2 人" in li.last("发完了").text
