"""What the bot does not understand is one tap from a person: "没太明白" was a dead end for whatever its model
did not know (a blocked toilet, the meal that did not come, "想我女儿了")."""
from conftest import signed_up


async def test_words_the_bot_did_not_understand_reach_staff_with_one_tap(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("那个那个，就是那个")
    await wang.send("格个事体哪能讲")
    unclear = wang.last("转给社工")
    await wang.click(unclear, "转给社工")
    packet = people("李社工").last("求助 #1").text
    assert "那个那个，就是那个" in packet and "格个事体哪能讲" in packet
    assert "已经告诉居委会社工" in wang.last().text


async def test_pressing_pass_on_twice_tells_staff_once(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("那个那个，就是那个")
    unclear = wang.last("转给社工")
    data = unclear.data("转给社工")
    await wang.click(unclear, "转给社工")
    await wang.press_data(unclear.message_id, data)  # delivered again, or a quick second tap
    assert sum("求助 #" in t for t in people("李社工").texts()) == 1
    assert not any("求助 #2" in t for t in people("李社工").texts())


async def test_an_old_pass_on_button_after_the_words_expired_still_reaches_a_person(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("那个那个，就是那个")
    unclear = wang.last("转给社工")
    clock.advance(2 * 86400)
    await wang.send("你好")
    await wang.click(unclear, "转给社工")
    assert "请回电话" in people("李社工").last("求助 #1").text
