"""The committee head hands over a colleague's call: 王社工 took 王老伯's 🆘 and is stuck (gone home, phone silent);
陈书记, the head, passes it to 李社工 from her own packet. Before, her packet had no 🔁 转交 and an old one's tap read
"已由 王社工 接手" — the head could not move the call. An ordinary colleague still cannot (test_handover_claimer_only)."""
from test_handover_claimer_only import _claimed_by_wang_after_everyone_was_alerted, labels


async def test_the_head_hands_a_colleagues_call_to_another_and_everyone_hears_who_has_it(people, app, clock):
    wang = await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen, li, wa = people("陈书记"), people("李社工"), people("王社工")
    packet = chen.last("紧急求助 #1")
    assert any("转交" in b for b in labels(packet))

    await chen.click(packet, "转交")
    ask = chen.last("转交给谁")
    assert "王社工" not in " ".join(labels(ask))  # it is hers already
    assert any("李社工" in b for b in labels(ask))
    await chen.click(ask, "李社工")

    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "li" and inc["status"] == "claimed"
    assert "李社工" in chen.last("已转交").text
    assert any("陈书记" in t and "#1" in t and "转交给您" in t for t in li.texts())
    told = wa.last("转交给")  # 王社工 reads it is no longer hers, and who has it now
    assert "陈书记" in told.text and "李社工" in told.text and "#1" in told.text
    assert "李社工" in wang.last("已经接手").text  # the resident hears who is coming now
    # the 🔁 follows the call: on 李社工's packet now, gone from 王社工's, still on the head's
    assert any("转交" in b for b in labels(li.last("紧急求助 #1")))
    assert not any("转交" in b for b in labels(wa.last("紧急求助 #1")))
    assert any("转交" in b for b in labels(chen.last("紧急求助 #1")))


async def test_the_heads_hand_over_is_on_the_timeline_with_whose_call_it_was(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen = people("陈书记")
    await chen.click(chen.last("紧急求助 #1"), "转交")
    await chen.click(chen.last("转交给谁"), "李社工")
    await chen.send("/incident 1")
    timeline = chen.inbox[-1].text
    line = next(ln for ln in timeline.splitlines() if "转交给" in ln)
    assert "陈书记" in line and "王社工" in line and "李社工" in line, timeline


async def test_the_head_takes_a_colleagues_call_herself(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen, wa = people("陈书记"), people("王社工")
    await chen.click(chen.last("紧急求助 #1"), "转交")
    await chen.click(chen.last("转交给谁"), "我自己接手")
    assert (await app.svc.store.incident(1))["claimed_by"] == "chen"
    assert not any("转交给您" in t for t in chen.texts())  # she is not told of her own tap as news
    assert "陈书记" in wa.last("接手了").text


async def test_the_head_typing_which_call_to_pass_to_whom_gets_its_hand_over_in_one_tap(people, app, clock):
    """"1号转给李社工" from the head: before, "您手上没有…" (she holds none); now #1's 🔁 to 李社工, one tap."""
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen, li = people("陈书记"), people("李社工")
    await chen.send("1号转给李社工")
    offer = chen.last("转交")
    assert "#1" in offer.text and "王老伯" in offer.text, offer.text
    await chen.click(offer, "李社工")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    assert any("陈书记" in t and "转交给您" in t for t in li.texts())


async def test_a_colleague_typing_to_pass_on_a_call_she_does_not_hold_still_gets_none(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    li = people("李社工")
    await li.send("1号转给陈书记")
    assert not any("inc:handto:1" in data for _, data in li.inbox[-1].buttons)
    assert (await app.svc.store.incident(1))["claimed_by"] == "wang"
