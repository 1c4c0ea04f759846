"""A danger named after the call is open: she pressed 🆘 (and read the fall's advice), then typed what is happening.
"厨房着火了，好多烟" got only "我又提醒了他们一次 … 拨打120" — never "leave, call 119" — and "有人冒充警察让我转账" never
"do not transfer" (console probe, session 16). Now a repeat that names a danger brings that danger's advice; a plain
repeat ("救命" again) does not read the fall's lines to her a second time."""
import pytest
from conftest import signed_up

FALL_LINES = ("侧身", "不要勉强起来")


async def _after_sos(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("请确认您现在的地址"), "对")
    return wang


@pytest.mark.parametrize("words, must", [("厨房着火了，好多烟", ("离开", "119")), ("有煤气味，好臭", ("开关", "119")),
                                         ("有人冒充警察让我转账", ("不要转账",)), ("有人在撬我家的门", ("锁", "110"))])
async def test_a_danger_named_after_the_sos_brings_its_advice(people, app, words, must):
    wang = await _after_sos(people)
    await wang.send(words)
    reply = wang.inbox[-1].text
    assert all(w in reply for w in must), reply
    assert not any(w in reply for w in FALL_LINES)
    assert words in people("李社工").texts()[-1]


async def test_a_plain_repeat_does_not_read_the_fall_advice_again(people, app):
    wang = await _after_sos(people)
    await wang.send("救命")
    reply = wang.inbox[-1].text
    assert "又提醒了他们" in reply and not any(w in reply for w in FALL_LINES)
