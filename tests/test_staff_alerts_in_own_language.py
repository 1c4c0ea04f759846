"""Each staff member reads alerts in her own language. 李社工 reads English (she tapped [English] when asked, or
chose it with /lang); 王社工 Chinese. Before, every alert came in the committee's language: 李社工, on duty, got
"🆘🆘 紧急求助 #1 … 等待接单" while everything else the bot told her was English. Now her packet, its buttons, its edits (claimed,
resolved) and the escalation's are in English, 王社工's in Chinese; what the resident said stays as said."""
from conftest import signed_up

from bot.testing.tools import Person


async def _li_in_english(app) -> Person:
    li = Person(app, 1001, "李社工", language="en")
    await li.send("/start")
    await li.click(li.inbox[-1], "English")  # asked which she reads: her profile alone no longer decides
    return li


async def _li_holds_zhangs_call(people, app) -> tuple[Person, Person]:
    """李社工 (in English) took 张阿姨's 🆘 #1."""
    li = await _li_in_english(app)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("#1"), "take")
    return li, zhang


async def test_the_on_duty_staff_member_reads_the_alert_in_her_own_language(people, app):
    li = await _li_in_english(app)
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("救命 我摔倒了")
    alert = li.last("#1")
    assert alert.text.splitlines()[0] == "🆘🆘 EMERGENCY #1", alert.text
    assert "Waiting for someone to take it" in alert.text
    assert "救命 我摔倒了" in alert.text  # her words as she said them
    assert any("take it" in label.lower() for label, _ in alert.buttons), alert.buttons

    await li.click(alert, "take")
    assert "紧急求助" not in li.last("#1").text  # the packet's edit too


async def test_an_escalation_reaches_each_in_their_own_language(people, app, clock):
    li = await _li_in_english(app)
    wa = people("王社工")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3, seconds=5)
    await app.engine.tick()
    assert "EMERGENCY #1" in li.last("#1").text
    assert "紧急求助 #1" in wa.last("#1").text


async def test_a_staff_member_who_chose_english_with_lang_gets_english_alerts(people, app):
    li = people("李社工")
    await li.send("/lang en")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    assert "EMERGENCY #1" in li.last("#1").text


async def test_a_colleagues_ask_to_cover_reaches_each_in_her_language(people, app):
    chen, wa, li = people("陈书记"), people("王社工"), people("李社工")
    await chen.send("/lang en")
    await li.send("我今天请假")
    ask = chen.inbox[-1]
    assert "Who will take it over?" in ask.text and "我今天请假" in ask.text, ask.text  # her words as she wrote them
    assert "谁来接班" in wa.last("谁来接班").text
    await chen.click(ask, "take")
    assert chen.inbox[-1].text.startswith("🕒 On duty now: 陈书记"), chen.inbox[-1].text


async def test_the_surge_line_reaches_each_in_her_language(app, clock):
    from test_surge import cry_a_minute_apart, neighbours

    wang = Person(app, 1002, "王社工", language="en")
    await wang.send("/start")
    await wang.click(wang.inbox[-1], "English")  # asked which she reads: her profile alone no longer decides
    await cry_a_minute_apart(clock, await neighbours(app, 3, building="5"))
    line = next(t for t in wang.texts() if t.startswith("⚠️ Many calls at once"))
    assert "3 emergency calls within 5 minutes" in line, line
    assert any("5分钟内有3个紧急求助" in t for t in Person(app, 1003, "陈书记").texts())


async def test_a_colleague_who_blocked_the_bot_is_told_of_in_each_ones_language(people, app):
    from bot.types import Inbound

    wang = Person(app, 1002, "王社工", language="en")
    await wang.send("/start")
    await wang.click(wang.inbox[-1], "English")  # asked which she reads: her profile alone no longer decides
    await app.engine.handle(Inbound(user_id=1001, chat_id=1001, kind="blocked"))  # 李社工, on duty, blocks it
    told = wang.inbox[-1].text
    assert "李社工" in told and "屏蔽" not in told, told
    assert any("屏蔽" in t for t in people("陈书记").texts())


async def test_what_the_resident_adds_reaches_the_holder_in_her_language_in_his_words(people, app):
    li, zhang = await _li_holds_zhangs_call(people, app)
    await zhang.send("钥匙在门口地垫下面")
    added = li.last("钥匙在门口地垫下面").text
    assert "#1" in added and "又说" not in added and "补充" not in added, added


async def test_a_voice_on_an_open_call_reaches_the_holder_with_her_language_s_line(people, app):
    li, zhang = await _li_holds_zhangs_call(people, app)
    await zhang.send_kind("voice")
    intro = li.inbox[-2].text
    assert "#1" in intro and "张阿姨" in intro and "发来" not in intro, intro
    assert li.inbox[-1].forwarded


async def test_a_live_location_reaches_the_holder_in_her_language(people, app):
    li, zhang = await _li_holds_zhangs_call(people, app)
    await zhang._do(kind="moved", latitude=31.21, longitude=121.45)
    live = li.last("31.21000").text
    assert "实时位置" not in live and "#1" in live, live
