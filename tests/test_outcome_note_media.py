"""After ✅ 已解决 → ✏️ 其他 the bot waits for a one-line note. A voice sent then was filed on the call and the note
kept waiting, unsaid: she read that the voice was passed on, and her next words — whatever they were about — closed
the call as its note. Now she reads that the note is still waiting (type it, or tap to close without one)."""
from test_staff_words_more import held


async def other_asked(people):
    _, li = await held(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "其他")
    return li


async def test_a_voice_while_the_note_waits_says_the_note_still_waits(people, app):
    li = await other_asked(people)
    await li.send_kind("voice")
    told = li.last()
    assert "#1" in told.text and "打字" in told.text
    assert any("不写" in label for label, _ in told.buttons)
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    await li.click(told, "不写")
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "resolved" and inc.get("outcome") == "other"


async def test_the_note_typed_after_a_voice_still_closes_the_call(people, app):
    """Guard: the voice changes nothing of the typed note."""
    li = await other_asked(people)
    await li.send_kind("photo")
    await li.send("老人摔倒了，家属已接去医院")
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "resolved" and "家属已接去医院" in str(inc.get("note") or inc)


async def test_the_skip_tapped_after_the_note_closed_the_call_says_who_closed_it(people, app):
    """An old skip: the call closed meanwhile (her note typed) is not closed twice; she reads who closed it."""
    li = await other_asked(people)
    await li.send_kind("voice")
    skip = li.last("还在等")
    await li.send("已送医院")
    await li.click(skip, "不写")
    assert (await app.svc.store.incident(1)).get("note") == "已送医院" or "已送医院" in str(await app.svc.store.incident(1))
    assert "李社工" in li.last().text and "不写" not in li.last().text
