"""李社工 took 王老伯's 🆘 (🙋 我来处理) and then blocked the assistant's chat (by mistake, or her phone's "clean up"
deleted it). Before: the call stayed hers. The head and 王社工 were asked to phone her, but not told she held a call;
nobody else had a claim button on it; his further words and voice were tried on her dead chat first, and the
"claimed but nobody arrived" alert came only after its timer. Now, through the real clients: the "phone her" line
names her open call, the call is offered again at once — the on-duty staff get its packet with 🙋 我来处理, the
packets others got show the button again — his words reach them, and a colleague's tap takes it over (he hears who
is coming)."""
from test_e2e_delivery import sos


async def _claimed_by_li(telegram):
    li = telegram.user("李社工")
    wang = await sos(telegram)
    packet = await telegram.said(li, "紧急求助 #1")
    await li.click(packet, "我来处理")
    await telegram.said(wang, "李社工")
    await wang.click(await telegram.said(wang, "对吗"), "对")  # the address: his next words are words, not it
    await telegram.said(wang, "社工会到这个地址")
    return wang, li


async def test_a_claimer_who_blocks_the_bot_gives_her_call_back_to_the_others(telegram):
    api = telegram.api
    wa, chen = telegram.user("王社工"), telegram.user("陈书记")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id)
    told = await telegram.said(chen, "屏蔽了助手")
    assert "#1" in told.text and "王老伯" in told.text and "13800000001" in told.text
    offered = await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    assert "李社工" in offered.text and "联系不上" in offered.text
    await wang.send_text("我在卫生间 门锁着")
    assert "门锁着" in (await telegram.said(wa, "门锁着")).text
    await wa.click(offered, "我来处理")
    assert "王社工" in (await telegram.said(wang, "王社工")).text
    inc = await telegram.app.svc.store.incident(1)
    assert inc["claimed_by"] == "wang" and inc["status"] == "claimed"


async def test_a_claimer_whose_chat_refuses_his_words_gives_her_call_back_to_the_others(telegram):
    """Her phone went silent for the bot without Telegram saying so (no my_chat_member): found out when his words
    to her are refused (403). Before: his words reached 王社工 as a forward, the call stayed hers with no button, and
    nobody was asked to phone her until the "nobody arrived" timer."""
    api = telegram.api
    wa, chen = telegram.user("王社工"), telegram.user("陈书记")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id, tell_bot=False)
    await wang.send_text("我在卫生间 门锁着")
    assert "门锁着" in (await telegram.said(wa, "门锁着")).text
    offered = await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    assert "李社工" in offered.text and "联系不上" in offered.text
    told = await telegram.said(chen, "13800000001")
    assert "李社工" in told.text and "#1" in told.text and "王老伯" in told.text
    await wa.click(offered, "我来处理")
    assert "王社工" in (await telegram.said(wang, "王社工")).text


async def test_a_call_handed_to_a_colleague_the_bot_cannot_reach_comes_back(telegram):
    """李社工 hands the call over (🔁 转交) to 王社工, whose chat refuses the bot without Telegram having said so.
    Before: the call became 王社工's all the same, and nobody was told she never heard of it."""
    api, wa, chen = telegram.api, telegram.user("王社工"), telegram.user("陈书记")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(wa.id, tell_bot=False)
    await li.click(await telegram.said(li, lambda m: "转交" in " ".join(m.buttons())), "转交")
    await li.click(await telegram.said(li, "转交给谁"), "王社工")
    told = await telegram.said(chen, "13800000002")
    assert "王社工" in told.text and "#1" in told.text
    back = await telegram.said(li, lambda m: "#1" in m.text and "联系不上王社工" in m.text and "我来处理" in " ".join(
        m.buttons()))
    seen = telegram.count(wang)
    await li.click(back, "我来处理")
    assert "李社工" in (await telegram.said(wang, "李社工", after=seen)).text
    assert (await telegram.app.svc.store.incident(1))["claimed_by"] == "li"


async def test_a_hand_over_to_a_colleague_known_to_have_blocked_the_bot_is_refused_and_says_why(telegram):
    api, wa, chen = telegram.api, telegram.user("王社工"), telegram.user("陈书记")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(wa.id)
    await telegram.said(chen, "屏蔽了助手")
    await li.click(await telegram.said(li, lambda m: "转交" in " ".join(m.buttons())), "转交")
    await li.click(await telegram.said(li, "转交给谁"), "王社工")
    said = await telegram.said(li, "转交没有成功")
    assert "联系不上王社工" in said.text and "13800000002" in said.text
    assert (await telegram.app.svc.store.incident(1))["claimed_by"] == "li"


async def test_a_claimer_found_unreachable_by_the_shift_change_check_gives_her_call_back(telegram):
    """At 20:00 the duty passes to 王社工 and the bot checks it can reach every staff member: 李社工's chat, silently
    gone, refuses. Before: she was off duty, so nobody heard, and the call she still held stayed hers."""
    api, app, wa = telegram.api, telegram.app, telegram.user("王社工")
    app.svc.clock.advance(hours=9, minutes=58)  # Monday 19:58: 李社工 on duty
    await app.engine.tick()
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id, tell_bot=False)
    app.svc.clock.advance(minutes=2)  # 20:00
    await app.engine.tick()
    offered = await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    assert "联系不上李社工" in offered.text
    assert "13800000001" in (await telegram.said(wa, "请打电话给李社工")).text


async def test_a_claimer_who_arrived_then_blocked_the_bot_gives_her_call_back_too(telegram):
    api, wa = telegram.api, telegram.user("王社工")
    wang, li = await _claimed_by_li(telegram)
    await li.click(await telegram.said(li, lambda m: "已到达" in " ".join(m.buttons())), "已到达")
    await telegram.said(li, lambda m: "已到达" not in " ".join(m.buttons()) and "#1" in m.text)
    api.block_chat(li.id)
    offered = await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    assert "联系不上李社工" in offered.text
    seen = telegram.count(wang)
    await wa.click(offered, "我来处理")
    assert "王社工" in (await telegram.said(wang, "王社工", after=seen)).text


async def test_a_claimer_who_takes_the_block_back_hears_what_became_of_her_calls(telegram):
    """Before: she unblocked and heard nothing; her old packet still said the call was hers."""
    api = telegram.api
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id)
    await telegram.said(telegram.user("陈书记"), "屏蔽了助手")
    seen = telegram.count(li)
    api.unblock_chat(li.id)
    back = await telegram.said(li, "#1", after=seen)
    assert "王老伯" in back.text and "我来处理" in " ".join(back.buttons())
    await li.click(back, "我来处理")
    await telegram.said(li, lambda m: "我来处理" not in " ".join(m.buttons()) and "#1" in m.text, after=seen + 1)
    assert (await telegram.app.svc.store.incident(1))["claimed_by"] == "li"


async def test_a_colleague_typing_that_she_will_take_a_given_back_call_gets_its_button(telegram):
    """Before: typing "我来" offered nothing for a call given back — in name still 李社工's."""
    api, wa = telegram.api, telegram.user("王社工")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id)
    await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    seen = telegram.count(wa)
    await wa.send_text("我来")
    offer = await telegram.said(wa, lambda m: any("#1" in b for b in m.buttons()), after=seen)
    await wa.click(offer, "#1")
    assert "王社工" in (await telegram.said(wang, "王社工")).text


async def test_the_family_told_of_a_call_given_back_is_not_told_the_unreachable_holder_is_on_it(telegram):
    """Before: his daughter, told of his call, read "李社工已经在处理了" when he pressed again — after 李社工 had
    blocked the bot; now she reads staff know, and is asked to phone him if she can."""
    from test_e2e_family import signed_up_daughter
    api, app, li = telegram.api, telegram.app, telegram.user("李社工")
    daughter = await signed_up_daughter(telegram)
    wang = await sos(telegram)
    packet = await telegram.said(li, "紧急求助 #1")
    app.svc.clock.advance(minutes=8.1)  # the level that tells the family
    await app.engine.tick()
    await app.engine.tick()
    await telegram.said(daughter, "王老伯")
    await li.click(packet, "我来处理")
    await telegram.said(daughter, "李社工")
    api.block_chat(li.id)
    await telegram.said(telegram.user("王社工"), "屏蔽了助手")
    seen = telegram.count(daughter)
    await wang.press("🆘 紧急求助")
    again = await telegram.said(daughter, "还在按求助按钮", after=seen)
    assert "李社工" not in again.text and "打个电话" in again.text


async def test_a_claimer_whose_chat_refused_and_who_writes_again_hears_what_became_of_her_call(telegram):
    """Her chat refused silently (no my_chat_member), the call went back; her Telegram works again and she writes.
    Before: reachable again, she heard nothing of it; now, once, the unblock path's line with 🙋 我来处理."""
    api, wa = telegram.api, telegram.user("王社工")
    wang, li = await _claimed_by_li(telegram)
    api.block_chat(li.id, tell_bot=False)
    await wang.send_text("我在卫生间 门锁着")
    await telegram.said(wa, lambda m: "#1" in m.text and "我来处理" in " ".join(m.buttons()))
    api.unblock_chat(li.id, tell_bot=False)
    seen = telegram.count(li)
    await li.send_text("你好")
    back = await telegram.said(li, "期间", after=seen)
    assert "#1" in back.text and "王老伯" in back.text and "我来处理" in " ".join(back.buttons())
    later = telegram.count(li)
    await li.send_text("有哪些没处理的")
    await telegram.said(li, "#1", after=later)  # her next message: answered, not told again
    assert sum("期间" in m.text for m in api.sent_to(li.id)[seen:]) == 1
