"""王社工 has taken 张阿姨's 🆘 and is on her way; 李社工's packet still carries ✅ 已解决, and her tap asked only
"#1 结果是？" — one more tap closed the call a colleague holds, and 张阿姨 read "已解决" while help was still coming
(probe, session 21). Now the question first says whose call it is, with her phone, so a tap on the wrong packet is
caught; the holder still hears who closed it."""
from conftest import signed_up


async def test_resolving_a_call_a_colleague_holds_says_whose_it_is_first(people, app, clock):
    li, wa = people("李社工"), people("王社工")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    clock.advance(minutes=3.1)  # nobody took it: all staff alerted
    await app.engine.tick()
    await app.engine.tick()
    await wa.click(wa.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    asked = li.last("结果是")
    assert "王社工" in asked.text and "+8613800000002" in asked.text, asked.text
    await li.click(asked, "已处理")
    assert any("已解决" in t and "李社工" in t for t in wa.texts()[-2:]), wa.texts()[-2:]


async def test_her_own_call_asks_only_the_outcome(people, app):
    li = people("李社工")
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    assert li.last("结果是").text == "#1 结果是？"
