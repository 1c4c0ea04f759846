"""王老伯 missed his check-in; it reached staff and his daughter. He sends a voice message (staff hear it; the case
stays open, as a voice may be a cry), then presses 🆘 or types 救命. The check-in was closed as "发来了消息，平安":
staff read "平安 … 谢谢大家" and his daughter "平安 … 请放心" while he was calling for help. A cry is never a sign
that all is well: they are told he asked for help, and his new call reaches staff."""
import pytest
from conftest import TUESDAY_9, at, enrolled, signed_up


async def missed_to_family(people, app, clock):
    """王老伯's check-in missed until its alert reached his daughter 王丽 and his sister 王秀英. Him, her, his sister."""
    wangli = await signed_up(people("王丽"), "13911110002")
    sister = await signed_up(people("王秀英"), "13911110012")
    wang, _ = await enrolled(people, app, "王老伯", "13900000002")
    for hour, minute in ((9, 0), (9, 30), (10, 0)):
        await at(app, clock, TUESDAY_9.replace(hour=hour, minute=minute))
    for _ in range(7):  # to his family's level of the missed check-in's alert
        clock.advance(minutes=10)
        await app.engine.tick()
    told = "王老伯今天没有回复签到问候（#1）"  # in the family's words, not the staff's title (test_e2e_blocked_family_words.py)
    assert told in wangli.last("#1").text and told in sister.last("#1").text
    return wang, wangli, sister


async def missed_then_voice(people, app, clock):
    wang, wangli, _ = await missed_to_family(people, app, clock)
    await wang.send_kind("voice")
    return wang, wangli


@pytest.mark.parametrize("cry", ["🆘 紧急求助", "救命", "我摔倒了起不来"])
async def test_a_cry_after_his_voice_message_is_never_told_as_all_clear(people, app, clock, cry):
    wang, wangli = await missed_then_voice(people, app, clock)
    seen_li, seen_daughter = len(people("李社工").inbox), len(wangli.inbox)
    await wang.send(cry)
    li = people("李社工")
    told_staff = [m.text for m in li.inbox[seen_li:]]
    told_daughter = [m.text for m in wangli.inbox[seen_daughter:]]
    assert not any("平安" in t for t in told_staff + told_daughter), (told_staff, told_daughter)
    assert any("需要帮助" in t for t in told_daughter), told_daughter
    assert "紧急求助 #2" in li.last("紧急求助 #2").text


async def test_plain_words_after_his_voice_message_still_close_it_as_all_clear(people, app, clock):
    """(any other sign of life, as before)"""
    wang, wangli = await missed_then_voice(people, app, clock)
    await wang.send("我刚才在洗澡")
    assert "平安" in wangli.last().text
