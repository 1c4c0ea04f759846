"""A daughter's words the bot is unsure of ("我爸说他肚子胀": no danger named, the model only suspects one) raised a
full 🆘 for her father — staff ran, she read "🆘 已通知值班社工… 情况危急请马上拨打120" — with no question, where a
resident's unsure words are asked about in one tap. Now staff hear it at once as a request, with her words, and she is
asked one short question: [🆘 要，马上去] raises it to an emergency, [🙂 不急] leaves it with staff. Nothing waits on
her answer: a cry she sends next, or five minutes of silence while nobody has taken it, make it an emergency; a real
red flag ("胸口疼", "摔倒了", "电话一直没人接") still alerts at once, no question."""
import pytest
from conftest import signed_up

SOS, REQ = "紧急求助 #1", "求助 #1"
UNSURE = ["我爸说他肚子胀", "我爸腿肿了", "我爸便秘了"]


async def _asked(people, words="我爸说他肚子胀"):
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send(words)
    return wangli, people("李社工")


@pytest.mark.parametrize("words", UNSURE)
async def test_unsure_words_reach_staff_at_once_and_she_is_asked_one_question(people, app, words):
    wangli, li = await _asked(people, words)
    got = [t for t in li.texts() if REQ in t]
    assert got and words in got[0] and "王老伯" in got[0], li.texts()
    assert not any(SOS in t for t in li.texts()), li.texts()
    question = wangli.last("王老伯")
    assert "马上" in question.text and len(question.buttons) == 2, wangli.texts()
    assert not any("🆘 已通知值班社工" in t for t in wangli.texts()), wangli.texts()


async def test_her_tap_on_urgent_raises_it_to_an_emergency_at_once(people, app):
    wangli, li = await _asked(people)
    await wangli.click(wangli.last("马上"), "🆘")
    assert any(SOS in t and "我爸说他肚子胀" in t for t in li.texts()), li.texts()
    assert "已通知值班社工" in wangli.last("已通知").text


async def test_her_tap_on_not_urgent_leaves_it_with_staff(people, app, clock):
    wangli, li = await _asked(people)
    await wangli.click(wangli.last("马上"), "不急")
    assert "社工" in wangli.last().text and "021-64370000" in wangli.last().text, wangli.texts()
    clock.advance(minutes=6)
    await app.engine.tick()
    assert not any(SOS in t for t in li.texts()), li.texts()
    assert (await app.svc.store.incident(1))["status"] == "open"


@pytest.mark.parametrize("reply", ["很急 快去", "不知道"])
async def test_her_typed_yes_or_not_knowing_raises_it(people, app, reply):
    wangli, li = await _asked(people)
    await wangli.send(reply)
    assert any(SOS in t for t in li.texts()), li.texts()


async def test_her_typed_no_leaves_it_a_request(people, app):
    wangli, li = await _asked(people)
    await wangli.send("不急")
    assert not any(SOS in t for t in li.texts()), li.texts()
    assert "没太明白" not in wangli.last().text


async def test_a_cry_sent_next_is_an_emergency_at_once(people, app):
    wangli, li = await _asked(people)
    await wangli.send("他现在摔倒了起不来")
    assert any(SOS in t for t in li.texts()), li.texts()
    assert "已通知值班社工" in wangli.last("已通知").text


async def test_silence_while_nobody_has_it_makes_it_an_emergency(people, app, clock):
    wangli, li = await _asked(people)
    clock.advance(minutes=4)
    await app.engine.tick()
    assert not any(SOS in t for t in li.texts()), li.texts()
    clock.advance(minutes=2)
    await app.engine.tick()
    assert any(SOS in t for t in li.texts()) or any("紧急" in t and "#1" in t for t in li.texts()), li.texts()
    assert (await app.svc.store.incident(1))["kind"] == "emergency"


async def test_silence_once_a_staff_member_has_it_changes_nothing(people, app, clock):
    wangli, li = await _asked(people)
    await li.click(li.last(REQ), "我来处理")
    clock.advance(minutes=6)
    await app.engine.tick()
    assert (await app.svc.store.incident(1))["kind"] != "emergency"


@pytest.mark.parametrize("words", ["我爸说他胸口疼", "我爸摔倒了", "我爸电话一直没人接", "我爸在电话里哭 说不清楚怎么了",
                                   "我爸疼死了", "我爸从早上到现在都没回消息", "我爸家门敲不开", "我爸在阳台上"])
async def test_a_red_flag_still_alerts_at_once_with_no_question(people, app, words):
    wangli, li = await _asked(people, words)
    assert any(SOS in t for t in li.texts()), li.texts()
    assert "已通知值班社工" in wangli.last("已通知").text
    assert not any("不急" in str(s.buttons) for s in wangli.inbox), wangli.texts()
