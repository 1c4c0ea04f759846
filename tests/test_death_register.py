"""Staff confirmed 王老伯's death on his daughter's report ([🕯 确认去世，停止签到]): his check-ins stopped, but
nothing else knew. A committee notice still went to his chat (where his daughter, holding his phone, read "📢 居委会通知
… 👌 收到了"), and when it did not come back he was listed for staff as "没送到" — a visit task to a dead man's door;
his 90th birthday's allowance news greeted him by name; the desk listed him as any other resident; and his old
/checkins card still sent "居委会李社工为您停止了每日问候" to his chat. Now a confirmed death is a mark on the register
(undone by [↩️ 报错了，恢复签到]): notices skip him and count him for staff as "已故，未发送", the desk shows 🕯 已故,
and nothing from his card reaches his chat."""
from datetime import datetime
from zoneinfo import ZoneInfo

from aiohttp.test_utils import TestClient, TestServer
from conftest import enrolled, signed_up

from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in

LI = 1001
AUGUST_2027 = datetime(2027, 8, 2, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai"))  # 王老伯 (born 1937-08-02) turns 90


async def _confirmed(people, app, *, enrol: bool = False):
    """王老伯 signed up (enrolled if asked), 张阿姨 too; his daughter 王丽 reports his death and 李社工 confirms it."""
    if enrol:
        wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    else:
        wang = await signed_up(people("王老伯"), "13900000002")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    li = people("李社工")
    await li.click(li.last("🕯"), "确认去世")
    return wang, zhang, wangli, li


async def _notice(app, li, who="所有居民", text="明天上午停水，请提前储水。"):
    await li.send("/notice")
    await li.click(li.last("发通知给谁"), who)
    await li.send(text)
    preview = li.last("预览")
    shown = preview.text  # (the preview is edited into "正在发给" once sent)
    await li.click(preview, "24小时")
    await app.svc.notices.running[max(app.svc.notices.running)]
    return shown


async def test_a_notice_never_reaches_his_chat_and_staff_read_deceased_not_a_failed_delivery(people, app, clock):
    wang, zhang, wangli, li = await _confirmed(people, app)
    before = len(wang.inbox)
    preview = await _notice(app, li)
    assert "1 人已故，不会发送" in preview
    assert len(wang.inbox) == before and not any("居委会通知" in t for t in wangli.texts())
    assert "居委会通知" in zhang.last("居委会通知").text
    done = li.last("发完了").text
    assert "没送到 1 人" in done and "🕯 已故，未发送 1 人" in done  # 刘奶奶 never started the bot; he is no failure
    clock.advance(hours=24.1)
    await app.engine.tick()
    follow = li.last("📋 通知 #1")
    assert "王老伯" not in follow.text and "🕯 已故，未发送 1 人" in follow.text
    await li.click(follow, "走访任务")
    assert "已做成 2 个走访任务" in li.last("走访任务").text  # 张阿姨 (silent) and 刘奶奶, never him
    await li.send("/visits")
    assert not any("王老伯" in t for t in li.texts()[-3:])


async def test_undone_by_mistake_he_gets_notices_again(people, app, clock):
    wang, zhang, wangli, li = await _confirmed(people, app)
    await li.click(li.last("#1"), "恢复签到")
    preview = await _notice(app, li)
    assert "已故" not in preview
    assert "明天上午停水" in wang.last("居委会通知").text


async def test_his_allowance_birthday_greets_nobody_and_staff_are_not_asked_to_tell_him(people, app, clock):
    wang, zhang, wangli, li = await _confirmed(people, app)
    before = len(wang.inbox)
    clock.set(AUGUST_2027)
    await app.svc.agebands.run()
    assert len(wang.inbox) == before
    assert not any("王老伯，90岁" in t for t in li.texts())


async def test_the_desk_lists_and_shows_him_as_deceased_until_undone(people, app, clock):
    wang, zhang, wangli, li = await _confirmed(people, app)
    rid = await app.svc.store.resident_id_by_phone("13900000002")
    async with TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN))) as desk:
        csrf = await sign_in(desk, LI, clock.ts())
        listing = await (await desk.get("/residents")).text()
        found = await (await desk.post("/residents/search", data={"csrf": csrf, "q": "王老伯"})).text()
        page = await (await desk.get(f"/residents/{rid}")).text()
        for html in (listing, found, page):
            assert "🕯 已故" in html
        assert "李社工" in page  # who confirmed it
        for path in ("/", "/incident/1"):  # his family's report, still open: the call's name says it too
            assert "王老伯 🕯 已故" in await (await desk.get(path)).text(), path
        assert listing.count("🕯 已故") == 1  # 张阿姨 is no more deceased than before
        await li.click(li.last("#1"), "恢复签到")
        assert "🕯 已故" not in await (await desk.get("/residents")).text()
        assert "🕯 已故" not in await (await desk.get(f"/residents/{rid}")).text()


async def test_his_old_check_in_card_sends_nothing_to_his_chat(people, app, clock):
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    await li.send("/checkins 王老伯")
    card = li.last("王老伯 · 每日签到")  # opened before the report, still on her screen
    pressed = [card.data(label) for label in ("停止签到", "1周", "07:00", "恢复")]
    await wangli.send("我爸去世了")
    await li.click(li.last("🕯"), "确认去世")
    before = len(wang.inbox)
    for data in pressed:
        await li.press_data(card.message_id, data)
        assert "🕯 已故" in card.text and card.buttons == []
    assert len(wang.inbox) == before
    assert not (await app.svc.checkins.state(rid)).enrolled


async def test_enrolling_him_again_from_his_card_is_refused_and_points_to_the_report(people, app, clock):
    wang, zhang, wangli, li = await _confirmed(people, app, enrol=True)
    rid = await app.svc.store.resident_id_by_phone("13900000002")
    before = len(wang.inbox)
    await li.send("/checkins 王老伯")
    card = li.last("王老伯 · 每日签到")
    assert "🕯" in card.text and "开通每日签到" not in str(card.buttons)
    await li.press_data(card.message_id, f"cis:enrol:{rid}")  # an older card's button
    assert "恢复签到" in li.last().text and "#1" in li.last().text
    assert len(wang.inbox) == before and not (await app.svc.checkins.state(rid)).enrolled


async def test_a_living_resident_stopped_from_the_card_is_told_kindly_once_with_the_committee_phone(people, app, clock):
    zhang, rid = await enrolled(people, app)
    li = people("李社工")
    await li.send("/checkins 张阿姨")
    card = li.last("张阿姨 · 每日签到")
    await li.click(card, "停止签到")
    told = zhang.last("每日问候")
    assert "停止了每日问候" in told.text and "021-64370000" in told.text
    assert "🆘 紧急求助" in told.keyboard  # the big button the words point to is there
    before = len(zhang.inbox)
    await li.press_data(card.message_id, f"cis:unenrol:{rid}")  # a double tap, or a colleague's old card
    assert len(zhang.inbox) == before


async def test_his_chat_writing_after_the_confirmation_tells_staff_to_check_once_a_day(people, app, clock):
    """His check-ins and notices stopped: if the confirmation was a mistake, a living man would have written and
    nobody would have known. (Or his family uses his phone: staff should know that too.)"""
    wang, zhang, wangli, li = await _confirmed(people, app, enrol=True)
    await li.click(li.last("求助 #1"), "我来处理")  # the report is done with: nothing he writes joins it now
    await li.click(li.last("求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    clock.advance(minutes=65)
    await wang.send("今天怎么没人问我")
    told = li.last("已确认去世").text
    assert "王老伯" in told and "11:05" in told and "核实" in told and "恢复签到" in told
    await wang.send("喂")
    assert sum("账号" in t and "核实" in t for t in li.texts()) == 1  # once a day, not at every word
    assert not any("核实" in t for t in wangli.texts())


async def test_his_daughter_asking_after_him_later_is_answered_kindly_not_offered_a_visit(people, app, clock):
    """She asked "我爸今天签到了吗" (grief, habit, or to be sure) and read that he has no check-ins, so the bot cannot see
    how he is today, and "想请社工去看看" — a visit to her dead father."""
    wang, zhang, wangli, li = await _confirmed(people, app, enrol=True)
    before = len(wangli.inbox)
    await wangli.send("我爸今天签到了吗")
    said = " ".join(wangli.texts()[before:])
    assert "节哀" in said and "021-64370000" in said
    assert "没有开通" not in said and "去看看" not in said
    await li.send("王老伯今天签到了吗")  # staff asking get the register's mark, not "没有开通"
    assert "🕯" in li.last().text and "已故" in li.last().text


async def test_staff_handling_his_familys_report_sends_nothing_to_his_chat(people, app, clock):
    """Claiming the report told "his" chat "李社工 已经接手您的求助"; closing it "社工已经处理好了。祝您平安！" — read by the
    family holding his phone. The report is theirs, not his call."""
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    before = len(wang.inbox)
    await wangli.send("我爸去世了")
    li = people("李社工")
    await li.click(li.last("求助 #1"), "我来处理")
    await li.click(li.last("求助 #1"), "确认去世")
    await li.click(li.last("求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"
    assert wang.texts()[before:] == []
    ended = wangli.last("李社工").text  # she, who told us, hears how it ended: in words for a death, not "求助已处理完毕"
    assert "王老伯" in ended and "节哀" in ended and "求助" not in ended and "021-64370000" in ended


async def test_a_visit_task_made_before_his_death_says_so_on_the_visit_list(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await _notice(app, li)
    clock.advance(hours=24.1)
    await app.engine.tick()
    await li.click(li.last("📋 通知 #1"), "走访任务")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    await li.click(li.last("🕯"), "确认去世")
    before = len(li.inbox)
    await li.send("/visits")
    [row] = [t for t in li.texts()[before:] if "王老伯" in t]
    assert "🕯 已故" in row
