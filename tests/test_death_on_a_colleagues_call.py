"""A daughter reports her father's death; 李社工 takes the report to check it with the family. 王社工, whose packet
came from the escalation before 李社工 took it, still had [🕯 确认去世，停止签到] on it, and one tap stopped his
check-ins for good while the colleague checking it knew nothing of it first.

The rule: a death is confirmed in one tap by whoever holds the report, the head, or anyone while nobody holds it. A
colleague on a call someone else holds is asked first — whose it is, with her phone — and confirms with a second
tap; then the holder and the head read who confirmed it. The head reads of every death confirmed."""

from conftest import enrolled, signed_up

async def _li_checking_the_report(people, app, clock):
    """王老伯's daughter reports his death; half an hour on it reached every staff member; 李社工 takes it."""
    wang, rid = await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    for _ in range(7):
        clock.advance(minutes=5)
        await app.engine.tick()
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    assert wa.last("🕯 家属报告").data("确认去世")  # her packet, from the escalation
    await li.click(li.last("🕯 家属报告"), "我来处理")
    return rid, li, wa, chen

async def test_a_colleagues_tap_on_a_report_someone_holds_asks_first_and_confirms_nothing(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await wa.click(wa.last("🕯 家属报告"), "确认去世")
    asked = wa.last()
    assert "李社工" in asked.text and "13800000001" in asked.text  # whose it is, and her phone
    assert not (await app.svc.store.incident(1)).get("death_confirmed")
    assert (await app.svc.checkins.state(rid)).enrolled  # his check-ins go on until it is confirmed
    assert not any("确认去世" in t and "王社工" in t for t in li.texts())

async def test_a_colleague_who_confirms_after_reading_whose_it_is_tells_the_holder_and_the_head(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await wa.click(wa.last("🕯 家属报告"), "确认去世")
    await wa.click(wa.last("李社工"), "确认去世")
    assert (await app.svc.store.incident(1))["death_confirmed"]["by"] == "王社工"
    assert not (await app.svc.checkins.state(rid)).enrolled
    for told in (li, chen):
        line = told.last("王社工").text
        assert "#1" in line and "王老伯" in line and "去世" in line
        assert sum("王社工" in t and "去世" in t for t in told.texts()) == 1  # once, not twice

async def test_forged_data_naming_a_former_holder_asks_again(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await wa.press_data(wa.last("🕯 家属报告").message_id, "dyes:1:wang")  # names herself, not 李社工
    assert "李社工" in wa.last().text
    assert not (await app.svc.store.incident(1)).get("death_confirmed")

async def test_the_holder_confirms_in_one_tap_and_the_head_reads_who(people, app, clock):  # guard for the holder
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await li.click(li.last("🕯 家属报告"), "确认去世")
    assert (await app.svc.store.incident(1))["death_confirmed"]["by"] == "李社工"
    assert "李社工" in chen.last("去世").text

async def test_the_head_confirms_on_a_colleagues_call_in_one_tap_and_the_holder_reads_who(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await chen.press_data(chen.last("🕯 家属报告").message_id, "died:yes:1")
    assert (await app.svc.store.incident(1))["death_confirmed"]["by"] == "陈书记"
    assert "陈书记" in li.last("去世").text

async def test_typed_words_of_a_death_on_a_colleagues_call_close_nothing(people, app, clock):  # guard
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    for words in ("王老伯去世了", "1号确认去世", "1号 人走了", "1号处理好了"):
        await wa.send(words)
    inc = await app.svc.store.incident(1)
    assert inc["status"] != "resolved" and not inc.get("death_confirmed")


async def test_the_head_reads_of_a_death_confirmed_before_the_report_ever_reached_her(people, app, clock):
    await enrolled(people, app, "王老伯", "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸去世了")
    li, chen = people("李社工"), people("陈书记")
    assert not chen.texts()
    await li.click(li.last("🕯 家属报告"), "确认去世")
    line = chen.last("去世").text
    assert "李社工" in line and "王老伯" in line and "13800000001" in line


async def test_a_death_undone_by_a_colleague_is_told_to_whoever_confirmed_it_and_the_head(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await li.click(li.last("🕯 家属报告"), "确认去世")
    await wa.press_data(wa.last("🕯 家属报告").message_id, "died:undo:1")
    assert (await app.svc.checkins.state(rid)).enrolled  # undone: his check-ins are back
    for told in (li, chen):
        line = told.last("撤销").text
        assert "王社工" in line and "王老伯" in line and "#1" in line


async def test_data_made_up_to_name_the_holder_confirms_nothing_until_she_was_asked(people, app, clock):
    rid, li, wa, chen = await _li_checking_the_report(people, app, clock)
    await wa.press_data(wa.last("🕯 家属报告").message_id, "dyes:1:li")  # never asked whose it is
    assert "李社工" in wa.last().text and "13800000001" in wa.last().text
    assert not (await app.svc.store.incident(1)).get("death_confirmed")
