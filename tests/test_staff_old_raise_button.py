"""A question already on a staff phone from before things changed: [🆘 为王老伯发起紧急求助], offered when she wrote
"王老伯家里没人开门", tapped after his daughter reported his death — or after staff confirmed it — turned the death
report into an emergency: the daughter read "王老伯的求助现在转为紧急…请给王老伯打个电话". Now the old tap asks once
more, saying his death report is open (a second tap raises it all the same: the report may be wrong), and once his
death is confirmed it raises nothing and says how to undo a mistaken confirmation."""
from conftest import signed_up


async def raise_offered_then_death_reported(people):
    li = people("李社工")
    await li.send("王老伯家里没人开门")
    offered = li.last("居民的情况")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    return li, wangli, offered


async def test_an_old_raise_tapped_on_an_open_death_report_asks_once_more(people, app):
    li, wangli, offered = await raise_offered_then_death_reported(people)
    await li.click(offered, "为王老伯发起")
    assert (await app.svc.store.incident(1))["kind"] != "emergency"
    assert not any("转为紧急" in t for t in wangli.texts())
    asked = li.last("去世报告")
    assert "#1" in asked.text
    await li.click(asked, "还活着")  # she knows better: he is alive and in trouble
    assert (await app.svc.store.incident(1))["kind"] == "emergency"


async def test_an_old_raise_tapped_after_his_death_was_confirmed_raises_nothing(people, app):
    li, wangli, offered = await raise_offered_then_death_reported(people)
    await li.click(li.last("求助 #1"), "确认去世")
    await li.click(offered, "为王老伯发起")
    assert (await app.svc.store.incident(1))["kind"] != "emergency"
    assert await app.svc.store.open_incident_ids() == [1]
    assert not any("转为紧急" in t for t in wangli.texts())
    told = li.last()
    assert "已确认王老伯去世" in told.text and "恢复签到" in told.text
    assert not any("🆘" in label for label, _ in told.buttons)


async def test_an_old_undo_tapped_after_a_colleague_undid_it_says_so(people, app):
    """An old ↩️ 报错了，恢复签到 on a death already undone read "这个按钮已经过期了。请按下面的大按钮。"."""
    li, wangli, _ = await raise_offered_then_death_reported(people)
    await li.click(li.last("求助 #1"), "确认去世")
    packet = li.last("求助 #1").message_id
    await li.press_data(packet, "died:undo:1")
    await li.press_data(packet, "died:undo:1")  # the same ↩️ again (a colleague's old packet alike)
    told = li.last().text
    assert "过期" not in told and "#1" in told and "李社工" in told and "已经撤销" in told


async def test_an_undo_on_a_death_never_confirmed_says_there_is_nothing_to_undo(people, app):
    li, _, _ = await raise_offered_then_death_reported(people)
    await li.press_data(li.last("求助 #1").message_id, "died:undo:1")
    assert "还没有确认" in li.last().text and "#1" in li.last().text
