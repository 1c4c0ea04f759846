"""Residents pause, come back and change the time with one tap (or a few words); staff do it for them and see today."""
from bot.testing.tools import Person
from conftest import TUESDAY_9, at, enrolled, signed_up


def asked(person) -> int:
    """Check-ins sent to the person (answered ones are edited, so their text no longer shows the question)."""
    return sum(1 for m in person.m.log if m.chat_id == person.id and m.tag.startswith("checkin:") and not m.edit)


async def test_away_for_three_days_from_the_check_in_itself(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), "我要出门几天")
    choices = zhang.last("您要出门几天")
    assert [b[0] for b in choices.buttons] == ["3天", "1周", "2周", "我回来了再说"]
    await zhang.click(choices, "3天")
    assert "11月27日（周五）前不发每日问候" in choices.text  # the choice message now says what happens
    await at(app, clock, TUESDAY_9.replace(minute=45))
    assert not any("还没收到" in t for t in zhang.texts())  # pressing it was an answer too
    for day in (25, 26):
        await at(app, clock, TUESDAY_9.replace(day=day))
        await at(app, clock, TUESDAY_9.replace(day=day, hour=11))
    assert asked(zhang) == 1 and people("李社工").inbox == []
    await at(app, clock, TUESDAY_9.replace(day=27))
    assert asked(zhang) == 2


async def test_typed_away_until_back_then_typed_back(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await zhang.send("我出门几天")
    await zhang.click(zhang.last("您要出门几天"), "我回来了再说")
    assert "回来后按下面的按钮或者说“我回来了”" in zhang.last().text
    for day in (24, 25, 26):
        await at(app, clock, TUESDAY_9.replace(day=day))
    assert asked(zhang) == 0
    history = await app.svc.store.checkin_log(rid)
    assert [e["outcome"] for e in history] == ["paused"] * 3
    clock.set(TUESDAY_9.replace(day=26, hour=15))
    await zhang.send("我回来了")
    assert zhang.last().text == "欢迎回来！明天09:00继续问候您。"
    await at(app, clock, TUESDAY_9.replace(day=27))
    assert asked(zhang) == 1


async def test_back_early_by_button(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我要去儿子家住几天")
    await zhang.click(zhang.last("您要出门几天"), "2周")
    paused = zhang.last("前不发每日问候")
    await at(app, clock, TUESDAY_9)
    assert asked(zhang) == 0
    clock.set(TUESDAY_9.replace(hour=12))
    await zhang.click(paused, "我回来了")
    await at(app, clock, TUESDAY_9.replace(day=25))
    assert asked(zhang) == 1


async def test_change_the_time_with_one_tap(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await zhang.send("改签到时间")
    choices = zhang.last("几点收到问候")
    assert [b[0] for b in choices.buttons] == ["07:00", "08:00", "09:00", "10:00", "09:00和18:00"]
    await zhang.click(choices, "08:00")
    assert "以后每天08:00问候您" in choices.text
    assert "下次问候：明天08:00" in zhang.last().text
    await at(app, clock, TUESDAY_9.replace(hour=8))
    assert asked(zhang) == 1
    await at(app, clock, TUESDAY_9)
    assert asked(zhang) == 1


async def test_morning_and_evening(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await zhang.send("改问候时间")
    await zhang.click(zhang.last("几点收到问候"), "09:00和18:00")
    await at(app, clock, TUESDAY_9)
    await zhang.click(zhang.last("身体好吗"), "我很好")
    await at(app, clock, TUESDAY_9.replace(hour=18))
    assert asked(zhang) == 2 and zhang.last("身体好吗").text.startswith("🌞 张阿姨，晚上好")


async def test_forged_time_is_refused(people, app, clock):
    zhang, rid = await enrolled(people, app)
    await zhang.press_data(1, "ci:at:0315")
    assert "按钮已经过期" in zhang.last().text
    assert (await app.svc.checkins.state(rid)).times == ["09:00"]


async def test_not_enrolled_residents_are_told_how_to_join(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.press_data(1, "ci:away")
    assert "还没有开通每日问候" in wang.last().text and "021-64370000" in wang.last().text


async def test_staff_enrol_pause_retime_and_stop_for_a_resident(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await li.send("/checkins 王老伯")
    card = li.last("王老伯 · 每日签到：未开通")
    await li.click(card, "开通每日签到")
    assert "已开通，每天09:00" in card.text and "下次问候：明天09:00" in card.text
    assert "居委会李社工为您开通了每日问候" in wang.last().text
    await li.click(card, "1周")
    assert "暂停中" in card.text
    assert "李社工帮您暂停了每日问候，11月30日（周一）起恢复" in wang.last().text
    await at(app, clock, TUESDAY_9)
    assert asked(wang) == 0
    await li.click(card, "恢复")
    await li.click(card, "07:00")
    assert "每天07:00" in card.text and "改到每天07:00" in wang.last().text
    await at(app, clock, TUESDAY_9.replace(day=25, hour=7))
    assert asked(wang) == 1
    await li.click(card, "停止签到")
    assert "未开通" in card.text and "停止了每日问候" in wang.last().text
    await at(app, clock, TUESDAY_9.replace(day=26, hour=7))
    assert asked(wang) == 1


async def test_residents_cannot_press_staff_buttons(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await zhang.press_data(1, "cis:unenrol:r1")
    assert "按钮已经过期" in zhang.last().text
    assert (await app.svc.checkins.state("r1")).enrolled


async def test_todays_status_for_staff(people, app, clock):
    store, cis = app.svc.store, app.svc.checkins
    zhang, _ = await enrolled(people, app)
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    liu, liu_rid = await enrolled(people, app, "刘奶奶", "13900000003")
    extra = {}
    for rid, name, tg, time in (("r91", "孙阿婆", 7091, "09:30"), ("r92", "赵爷叔", 7092, "10:00"),
                                ("r93", "钱阿姨", 7093, "18:00"), ("r94", "周老伯", None, "09:00")):
        await store.save_resident({"id": rid, "name": name, "phone": f"1370000{rid[1:]:0>4}", "tg_id": tg,
                                   "contacts": []})
        await cis.enrol(rid, [time])
        extra[name] = Person(app, tg, name) if tg else None
    await cis.pause(liu_rid, 3)
    await at(app, clock, TUESDAY_9)
    clock.set(TUESDAY_9.replace(minute=5))
    await zhang.click(zhang.last("身体好吗"), "我很好")
    for hm in ((9, 30), (10, 0), (10, 15)):
        await at(app, clock, TUESDAY_9.replace(hour=hm[0], minute=hm[1]))
    li = people("李社工")
    await li.send("✅ 今日签到")  # the staff menu button
    text = li.last("今日签到 11月24日（周二）").text
    assert "共7人" in text
    for line in ("✅ 已回复 1：张阿姨 09:05", "⏳ 等待回复 1：赵爷叔（10:00）", "🔔 已提醒 1：孙阿婆（09:30）",
                 "❗ 未回复 1：王老伯 #1", "⏸ 暂停 1：刘奶奶（11月26日（周四）起恢复）", "🕘 今天稍后 1：钱阿姨",
                 "📵 没有绑定 Telegram 1：周老伯"):
        assert line in text, line
    await li.send("/checkins 王老伯")
    assert "今天：❗ 没有回复，已通知社工" in li.last().text


async def test_no_one_enrolled_yet(people, app):
    li = people("李社工")
    await li.send("/checkins")
    assert "还没有居民开通每日签到" in li.last().text
    await li.send("/checkins 不存在的人")
    assert "没有找到这位居民" in li.last().text


async def test_everyday_sentences_are_not_taken_for_going_away(people, app, clock):
    zhang, rid = await enrolled(people, app)
    for text in ("我出门买菜", "旅游补贴怎么领", "我摔倒了，出门几天"):
        await zhang.send(text)
        assert "您要出门几天" not in zhang.last().text, text
    assert (await app.svc.checkins.state(rid)).paused_until == 0


async def test_staff_pause_stops_a_check_in_already_waiting(people, app, clock):
    zhang, _ = await enrolled(people, app)
    li = people("李社工")
    await at(app, clock, TUESDAY_9)
    await li.send("/checkins 张阿姨")
    await li.click(li.last("张阿姨 · 每日签到"), "暂停到回来")  # taken to hospital, say
    for hm in ((9, 30), (10, 0), (11, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hm[0], minute=hm[1]))
    assert not any("还没收到" in t for t in zhang.texts())
    assert not any("签到无回复" in t for t in li.texts())


async def test_english_phrases_for_away_and_back(app):
    zhang = await signed_up(Person(app, 5099, "张阿姨", language="en"), "13900000001")
    await app.svc.checkins.enrol((await app.svc.store.resident_by_tg(zhang.id))["id"])
    await zhang.send("I'm going away")
    away = zhang.last()
    assert "How long will you be away" in away.text
    await zhang.click(away, away.buttons[0][0])
    await zhang.send("I'm back")
    st = await app.svc.checkins.state((await app.svc.store.resident_by_tg(zhang.id))["id"])
    assert not st.paused_until
    await zhang.send("I'm going away for a week")  # the week said: not asked again (session 26)
    assert "no daily greeting until" in zhang.last().text, zhang.last().text
    await zhang.send("I'm back")
    st = await app.svc.checkins.state((await app.svc.store.resident_by_tg(zhang.id))["id"])
    assert not st.paused_until
