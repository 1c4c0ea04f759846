"""A staff member at the scene sends a voice or a photo (the door, the resident): it goes on the record of the call
she holds and to the head and the colleagues on that call; with no call in hand she reads what she can do."""
from conftest import signed_up


def forwarded(person) -> int:
    return sum(1 for s in person.inbox if s.forwarded)


async def _li_holds_wangs_call(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    return wang, li


async def test_a_voice_from_the_staff_holding_a_call_reaches_the_head_and_is_on_its_record(people, app):
    wang, li = await _li_holds_wangs_call(people)
    chen, wa = people("陈书记"), people("王社工")
    told_wang = len(wang.inbox)
    await li.send_kind("voice")
    assert "#1 王老伯：李社工 发来语音" in chen.last("#1").text
    assert forwarded(chen) == 1
    assert "#1" in li.last().text and "陈书记" in li.last().text  # she reads where it went
    assert "听不了" not in li.last().text
    assert li.last().data("是我自己需要帮助")  # were it she who is in trouble there, one tap
    assert len(wang.inbox) == told_wang  # the resident reads nothing of it
    assert forwarded(wa) == 0  # a colleague not on the call is not bothered
    await chen.send("/incident 1")
    assert "李社工（社工）发来语音" in chen.last("#1").text


async def test_a_photo_with_words_from_the_staff_holding_a_call_keeps_the_words(people, app):
    _, li = await _li_holds_wangs_call(people)
    chen = people("陈书记")
    await li.send_kind("photo", "门锁着，敲门没人应")
    assert "李社工 发来照片" in chen.last("#1").text
    assert forwarded(chen) == 1
    await li.send("/incident 1")
    assert "门锁着，敲门没人应" in li.last("#1").text


async def test_a_colleague_who_got_there_too_gets_the_holders_photo(people, app):
    _, li = await _li_holds_wangs_call(people)
    wa, chen = people("王社工"), people("陈书记")
    await wa.press_data(1, "inc:arrive:1")  # 王社工 got there first, on 李社工's call
    await li.send_kind("photo")
    assert forwarded(wa) == 1 and forwarded(chen) == 1


async def test_a_voice_from_staff_holding_no_call_says_what_she_can_do(people, app):
    li = people("李社工")
    await li.send_kind("voice")
    said = li.last().text
    assert "没有转给" in said and "接手" in said  # it went nowhere, and when it would
    assert li.last().data("是我自己需要帮助")  # her own trouble stays one tap away
    assert forwarded(people("陈书记")) == 0


async def test_a_photo_from_staff_holding_two_calls_asks_which(people, app):
    _, li = await _li_holds_wangs_call(people)
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #2"), "我来处理")
    chen = people("陈书记")
    await li.send_kind("photo")
    asked = li.last()
    assert "哪一件" in asked.text and forwarded(chen) == 0
    await li.click(asked, "#2")
    assert "#2 刘奶奶：李社工 发来照片" in chen.last("#2").text
    assert forwarded(chen) == 1


async def test_a_colleague_cannot_file_her_photo_on_a_call_she_does_not_hold(people, app):
    _, li = await _li_holds_wangs_call(people)
    wa, chen = people("王社工"), people("陈书记")
    await wa.send_kind("photo")
    await wa.press_data(wa.inbox[-1].message_id, f"smd:1:photo:{wa.inbox[-1].message_id}")  # forged
    assert forwarded(chen) == 0 and forwarded(li) == 0
    assert "李社工" in wa.last().text  # whose it is


async def test_a_residents_voice_during_his_call_still_reaches_the_holder(people, app):  # guard
    wang, li = await _li_holds_wangs_call(people)
    seen = len(wang.texts())
    await wang.send_kind("voice")
    assert "#1 王老伯 发来" in li.last("#1 王老伯 发来").text
    assert forwarded(li) == 1
    assert "已转给社工" in wang.texts()[seen]  # (then the question it came to, if one waits)


async def test_a_colleague_who_got_there_on_the_holders_call_sends_her_photo_to_the_holder_and_the_head(people, app):
    _, li = await _li_holds_wangs_call(people)
    wa, chen = people("王社工"), people("陈书记")
    await wa.press_data(1, "inc:arrive:1")  # 王社工 is at the door first
    await wa.send_kind("photo")
    assert "#1 王老伯：王社工 发来照片" in li.last("#1 王老伯：王社工").text
    assert forwarded(li) == 1 and forwarded(chen) == 1
    assert "李社工" in wa.last().text and "陈书记" in wa.last().text


async def test_the_heads_photo_on_her_own_call_with_nobody_else_on_it_is_kept_and_she_reads_so(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    chen, li = people("陈书记"), people("李社工")
    await chen.press_data(0, "inc:claim:1")
    await chen.send_kind("photo")
    assert "已记在 #1" in chen.last().text and "没有转发" in chen.last().text
    assert forwarded(li) == 0


async def test_a_voice_that_reaches_none_of_those_on_the_call_says_so(people, app):
    _, li = await _li_holds_wangs_call(people)
    app.svc.outbox.messenger.blocked.add(1003)  # the head blocked the bot since
    await li.send_kind("voice")
    assert "没能转给" in li.last().text and "打电话" in li.last().text
