"""The committee head takes a colleague's call herself (🔁 转交 → herself): 王社工 holds 王老伯's 🆘 and is stuck. Before,
陈书记 tapped "➡️ 陈书记" and read "#1 已转交给 陈书记。" — handed over to herself; 王社工 read "陈书记 把 #1 转交给了
陈书记"; the timeline "陈书记 把王社工接手的求助转交给 陈书记". Now the button says she takes it herself, and everyone
reads that she took it over from 王社工 — in Chinese and in English."""
from test_handover_claimer_only import _claimed_by_wang_after_everyone_was_alerted, labels


async def _head_takes_it(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen = people("陈书记")
    await chen.click(chen.last("紧急求助 #1"), "转交")
    ask = chen.last("转交给谁")
    assert "➡️ 陈书记" not in labels(ask)
    await chen.click(ask, "我自己接手")
    assert (await app.svc.store.incident(1))["claimed_by"] == "chen"
    return chen


async def test_the_head_reads_she_took_it_over_not_that_she_handed_it_to_herself(people, app, clock):
    chen = await _head_takes_it(people, app, clock)
    said = chen.inbox[-1].text if "#1" in chen.inbox[-1].text else chen.last("您").text
    assert not any("转交给 陈书记" in t or "转交给了 陈书记" in t for t in chen.texts()), said
    assert "#1" in said and "王社工" in said and "您" in said, said


async def test_the_one_who_held_it_reads_the_head_took_it_over(people, app, clock):
    await _head_takes_it(people, app, clock)
    told = next(t for t in people("王社工").texts() if t.startswith("🔁"))
    assert "陈书记 接手了 #1" in told and "转交给了 陈书记" not in told, told


async def test_the_timeline_says_the_head_took_it_over_from_whom(people, app, clock):
    chen = await _head_takes_it(people, app, clock)
    await chen.send("/incident 1")
    line = next(ln for ln in chen.inbox[-1].text.splitlines() if "陈书记" in ln and "王社工" in ln and "通知" not in ln)
    assert "接手" in line and "转交给 陈书记" not in line, line


async def test_in_english_too(people, app, clock):
    await _claimed_by_wang_after_everyone_was_alerted(people, app, clock)
    chen, wa = people("陈书记"), people("王社工")
    await chen.send("/lang en")
    await wa.send("/lang en")
    await chen.click(chen.last("#1"), "🔁")
    await chen.click(chen.inbox[-1], "myself")
    said = chen.inbox[-1].text
    assert "#1" in said and "王社工" in said and "handed over to 陈书记" not in said, said
    told = next(t for t in wa.texts() if t.startswith("🔁"))
    assert "陈书记 took #1 over" in told, told
