"""A staff member's own cry for help ("我摔倒了" typed on a visit) went to colleagues and the head as a plain line,
paced like a stranger's: no claim button, nobody escalated when nobody answered, nothing written down. Now it is a
call colleagues claim and resolve, escalating (again to colleagues and the head) while nobody claims it, with its
timeline, at alert priority, and kept apart from the residents' register."""
import pytest
from conftest import signed_up
from test_staff_words_more import held

CRY = "救命 我在5号楼楼梯摔倒了起不来"


async def _cried(people):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send(CRY)
    return li, wa, chen


async def test_a_colleague_claims_a_staff_members_cry_and_she_hears_who_is_coming(people, app):
    li, wa, chen = await _cried(people)
    alert = wa.last("李社工")
    assert "我在5号楼楼梯摔倒了起不来" in alert.text and "#1" in alert.text
    await wa.click(alert, "我来处理")
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "claimed" and inc["claimed_by"] == "wang"
    assert "王社工" in li.last("王社工").text and "接手" in li.last("王社工").text
    assert "王社工" in chen.last("#1").text  # the head's packet shows who has it
    assert [e["event"] for e in await app.svc.store.timeline(1)][:3] == ["created", "alerted", "claimed"]


async def test_a_staff_members_cry_is_resolved_and_everyone_alerted_hears_it(people, app):
    li, wa, chen = await _cried(people)
    await wa.click(wa.last("李社工"), "我来处理")
    await wa.click(wa.last("#1"), "已解决")
    await wa.click(wa.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"
    assert "已解决" in chen.last("#1").text
    assert "李社工" not in [m.text for m in li.inbox if "我来处理" in str(m.buttons)]


async def test_a_staff_members_cry_nobody_claims_escalates(people, app, clock):
    li, wa, chen = await _cried(people)
    before_wa, before_chen = len(wa.inbox), len(chen.inbox)
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert any("#1" in m.text and "没人接单" in m.text for m in wa.inbox[before_wa:])
    assert any("#1" in m.text and "没人接单" in m.text for m in chen.inbox[before_chen:])
    assert not any("没人接单" in m.text for m in li.inbox)  # never alerted about her own call
    clock.advance(minutes=10)
    await wa.click(wa.last("#1"), "我来处理")
    n = len(wa.inbox)
    clock.advance(minutes=10)
    await app.engine.tick()
    assert not any("没人接单" in m.text for m in wa.inbox[n:])


async def test_a_staff_members_cry_reaches_colleagues_at_alert_priority(people, app):
    li, wa, chen = await _cried(people)
    sent = [m for m in app.svc.outbox.messenger.log if m.chat_id in (wa.id, chen.id) and "李社工" in m.text]
    assert sent and all(m.urgent for m in sent)


async def test_a_staff_members_second_cry_joins_her_open_call(people, app):
    li, wa, chen = await _cried(people)
    await li.send("救命 快来人")
    assert await app.svc.store.incident(2) is None
    assert any(e.get("words") == "救命 快来人" and e["event"] == "colleague_again" for e in await app.svc.store.timeline(1))
    assert "救命 快来人" in wa.last("救命 快来人").text


async def test_a_staff_members_call_is_no_residents_call(people, app):
    li, wa, chen = await _cried(people)
    inc = await app.svc.store.incident(1)
    assert not inc.get("resident") and inc["kind"] != "emergency"
    assert await app.svc.store.resident_by_tg(li.id) is None
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命")  # a resident's call beside it is his own, numbered on
    assert (await app.svc.store.incident(2))["resident"]
    assert "王老伯" in li.last("#2").text  # to whoever is on duty, as ever (李社工)
    assert "李社工" not in li.last("#2").text


async def test_her_call_is_listed_and_its_timeline_read_by_staff(people, app):
    li, wa, chen = await _cried(people)
    await wa.send("/open")
    listed = wa.texts()[-1]
    assert "#1" in listed and "李社工" in listed and "同事" in listed
    await wa.send("/incident 1")
    told = "\n".join(wa.texts()[-2:])
    assert "#1" in told and "李社工" in told and "我在5号楼楼梯摔倒了起不来" in told


async def test_a_config_without_a_colleague_policy_still_escalates_her_call(make_app, settings, clock):
    from bot.testing.tools import Person

    esc = settings.escalation.model_copy(update={"colleague": None})
    app = await make_app(settings_=settings.model_copy(update={"escalation": esc}))
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    await li.send(CRY)
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "没人接单" in wa.last("#1").text


async def test_the_heads_own_cry_that_reaches_nobody_is_never_sent_back_to_her(people, app):
    chen = people("陈书记")
    app.svc.outbox.messenger.blocked.update((1001, 1002))  # both colleagues blocked the bot
    await chen.send("救命 有人闯进办公室")
    assert not any("#1" in t for t in chen.texts())
    assert "暂时没联系上其他同事" in chen.last().text


async def _holding_wangs_call(people):
    """李社工 holds 王老伯's call #1."""
    return (await held(people))[1]


async def test_her_cry_on_a_visit_tells_colleagues_where_she_is(people, app):
    """She fell at the door of the call she holds: colleagues read only "救命 我摔倒了", not where."""
    li = await _holding_wangs_call(people)
    await li.send("救命 我摔倒了")
    alert = people("王社工").last("同事求助")
    assert "#1" in alert.text and "王老伯" in alert.text and "建新路27弄5号302室" in alert.text


@pytest.mark.parametrize("words", ["需要支援", "来个人帮忙", "这里需要人手"])
async def test_asking_for_backup_reaches_every_colleague_with_where_she_is(people, app, words):
    """"需要支援" got "请用下面的按钮": backup asked for reached nobody."""
    li = await _holding_wangs_call(people)
    await li.send(words)
    inc = await app.svc.store.incident(2)
    assert inc and inc["kind"] == "colleague" and inc["staff_caller"] == "li"
    alert = people("陈书记").last("同事求助")
    assert words in alert.text and "建新路27弄5号302室" in alert.text
    assert "120" in li.last().text


async def test_her_cry_while_the_bot_waits_for_an_outcome_note_is_her_call_not_the_note(people, app):
    """After ✅ 已解决 → 其他 the bot waits for a note: "救命 我被困电梯里了" closed #1 with it as the note, and no
    colleague heard her."""
    li = await _holding_wangs_call(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "其他")
    await li.send("救命 我被困电梯里了")
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    assert (await app.svc.store.incident(2))["kind"] == "colleague"
    assert "我被困电梯里了" in people("王社工").last("同事求助").text


async def test_her_cry_while_answering_a_residents_question_is_never_sent_to_the_resident(people, app):
    sun, li = people("孙阿婆"), people("李社工")
    await sun.send("我是新搬来的 怎么登记")
    await li.click(li.last("孙阿婆"), "回答")
    await li.send("救命 我摔倒了 起不来")
    assert not any("摔倒" in t for t in sun.texts())
    assert (await app.svc.store.incident(1))["kind"] == "colleague"
    await li.send("两天后再来居委会登记")  # the question waits for her answer again
    assert not any("两天后" in t for t in sun.texts())


async def test_an_outcome_note_about_the_resident_is_still_the_note(people, app):
    li = await _holding_wangs_call(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "其他")
    await li.send("老人摔倒了，家属已接去医院")
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "resolved" and await app.svc.store.incident(2) is None


@pytest.mark.parametrize("words, advice", [("救命 王老伯家着火了", "119"), ("救命 我被困电梯里了", "电梯"),
                                           ("煤气泄漏了 快来人", "开关")])
async def test_her_cry_from_a_fire_a_lift_or_gas_tells_her_what_to_do_meanwhile(people, app, words, advice):
    """She was told only 120 and 110, even at a fire."""
    li = people("李社工")
    await li.send(words)
    assert (await app.svc.store.incident(1))["kind"] == "colleague"
    assert any(advice in t for t in li.texts())


async def test_her_cry_in_a_photo_caption_or_an_edited_message_is_her_call(people, app):
    """A resident's cry counts in any form; hers, in a photo's caption or an edit, got "请用下面的按钮" and
    "消息修改后我看不到"."""
    li, wa = people("李社工"), people("王社工")
    await li.send_kind("photo", caption="救命 我摔倒了 起不来")
    assert (await app.svc.store.incident(1))["kind"] == "colleague"
    chen = people("陈书记")
    await chen._do(kind="edited", text="救命 我被困电梯里了")
    inc = await app.svc.store.incident(2)
    assert inc["kind"] == "colleague" and inc["staff_caller"] == "chen"
    assert "我被困电梯里了" in wa.last("同事求助 #2").text


async def test_a_voice_from_her_is_no_dead_end(people, app):
    """The bot cannot listen: a voice from a staff member (maybe fallen, talking) got only the menu hint."""
    li, wa = people("李社工"), people("王社工")
    await li.send_kind("voice")
    told = li.inbox[-1]
    assert "语音" in told.text and "stf:own" in [d for _, d in told.buttons]
    await li.click(told, "是我自己")
    assert (await app.svc.store.incident(1))["kind"] == "colleague"
    assert "同事求助" in wa.last("同事求助").text


async def test_her_own_call_resolved_tells_her_in_staff_words_not_a_residents(people, app):
    """She read the resident's "社工已经处理好了。祝您平安！有事随时找我们。" about her own call."""
    li, wa, chen = await _cried(people)
    await wa.click(wa.last("李社工"), "我来处理")
    await wa.click(wa.last("#1"), "已解决")
    await wa.click(wa.last("结果是"), "已处理")
    told = li.last("#1").text
    assert "王社工" in told and "已处理" in told and "同事" in told, told
    assert not any("有事随时找我们" in t for t in li.texts())


async def test_her_own_call_resolved_in_english_is_in_staff_words_too(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("/lang en")
    await li.send(CRY)
    await wa.click(wa.last("李社工"), "我来处理")
    await wa.click(wa.last("#1"), "已解决")
    await wa.click(wa.last("结果是"), "已处理")
    told = li.last("#1").text
    assert "王社工" in told and "colleague" in told, told
    assert not any("Come to us any time" in t for t in li.texts())
