"""李社工 took 张阿姨's 🆘, then said "我今天请假"; 王社工 took her duty. She read "王社工接班了，求助现在先发给王社工"
and he "现在值班：王社工" — nothing said that #1 was still hers: she went off thinking it passed on, he never knew it
was there, and the call waited for the 30-minute no-arrival alarm (probe, session 20). Now, as the duty is taken, she
reads the calls still in her hands, each with 🔁 转交, and he reads that she holds them."""
from conftest import signed_up


async def test_the_calls_she_still_holds_are_named_to_her_and_to_whoever_takes_her_duty(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li, wa = people("李社工"), people("王社工")
    await li.click(li.last("#1"), "我来处理")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    hers = li.last("还在您手上")
    assert "#1" in hers.text and "张阿姨" in hers.text, hers.text
    await li.click(hers, "转交")
    await li.click(li.last(), "王社工")
    assert "紧急求助 #1" in wa.last("紧急求助 #1").text
    told = [t for t in wa.texts() if "李社工手上" in t]
    assert told and "#1" in told[0] and "张阿姨" in told[0], wa.texts()


async def test_with_no_call_in_hand_nothing_more_is_said(people, app):
    li, wa = people("李社工"), people("王社工")
    await li.send("我今天请假")
    await wa.click(wa.last("谁来接班"), "我来值班")
    assert not any("手上" in t for t in li.texts() + wa.texts())
