"""✅ 已解决 → ✏️ 其他 while the bot waits for her note (session 25): the call stays open, and nothing on it said so —
/incident 1 showed "李社工 接单" and nothing after, to her colleagues and the head alike, so a colleague could go again,
or chase her, not knowing she had closed it in all but the note; if she never wrote it, nobody could tell why it
stayed open. Now its timeline says she pressed ✅ 已解决 and that her note is still to come."""
from test_staff_words_more import held


async def _note_waits(people):
    wang, li = await held(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "其他")
    assert "写下结果" in li.last().text
    return wang, li


async def test_her_colleagues_read_on_the_call_that_she_closed_it_but_for_the_note(people, app):
    wang, li = await _note_waits(people)
    wa = people("王社工")
    await wa.send("/incident 1")
    shown = wa.last("#1").text
    assert "李社工" in shown and "已解决" in shown and "还没写" in shown, shown
    assert (await app.svc.store.incident(1))["status"] != "resolved"


async def test_guard_once_her_note_is_written_the_call_is_closed_with_it(people, app):
    wang, li = await _note_waits(people)
    await li.send("老人已经好了，邻居陪着")
    wa = people("王社工")
    await wa.send("/incident 1")
    shown = wa.last("#1").text
    assert "老人已经好了，邻居陪着" in shown or "关闭" in shown, shown
    assert (await app.svc.store.incident(1))["status"] == "resolved"
