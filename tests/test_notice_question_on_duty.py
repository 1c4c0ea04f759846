"""李社工 sent "明天上午停水" to every door, then her shift ended (or she went on leave). A resident's question about it
("停水到几点") still went to her alone: at home, or at a wedding, while 王社工 on duty never saw it (probe, session
20). Now a question about a notice reaches its sender while she is on duty, else whoever is on duty."""
from test_notice_typed_reply import _noticed


async def test_after_her_shift_the_question_reaches_the_one_on_duty(app, people, clock):
    zhang, li = await _noticed(app, people)
    wa = people("王社工")
    clock.advance(hours=10.5)  # Monday 20:30: 王社工's night shift
    await zhang.send("停水到几点")
    assert "通知 #1" in wa.last("停水到几点").text
    assert not any("停水到几点" in t for t in li.texts())
    await wa.click(wa.last("停水到几点"), "回答")
    await wa.send("中午12点来水")
    assert "中午12点来水" in zhang.last("回答您的问题").text


async def test_on_leave_the_question_reaches_whoever_took_her_duty(app, people):
    zhang, li = await _noticed(app, people)
    wa = people("王社工")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    await zhang.send("什么意思")
    assert "通知 #1" in wa.last("什么意思").text
    assert not any("什么意思" in t for t in li.texts())


async def test_while_she_is_on_duty_it_is_still_hers(app, people):
    zhang, li = await _noticed(app, people)
    await zhang.send("停水到几点")
    assert "通知 #1" in li.last("停水到几点").text
    assert not any("停水到几点" in t for t in people("王社工").texts())


async def test_on_leave_the_list_of_doors_to_visit_reaches_whoever_took_her_duty(app, people, clock):
    """The follow-up names those who did not answer, to phone or visit: work for whoever is on duty, not for her at a
    wedding."""
    from test_notices import compose, residents, sent

    await residents(app, people)
    li, wa = people("李社工"), people("王社工")
    await li.click(await compose(li, "独居老人"), "（4小时")
    await sent(app)
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    clock.advance(hours=4.1)
    await app.engine.tick()
    assert "张阿姨 13900000001" in wa.last("📋 通知 #1").text
    assert not any(t.startswith("📋 通知 #1") for t in li.texts())
