"""What a staff member types after ✅ 已解决 → ✏️ 其他 ("#1 请用一句话写下结果") was always the note that closes the
call (probe, session 26): "取消", "算了", "不用了", "等会再写" closed it with that for its outcome, and "王老伯又摔倒了" —
news of a fresh fall — closed it as well. Now a word that takes the close back leaves the call open in her hands, and a
fresh danger about the resident gets his call's buttons (her words to whoever holds it), the note still waiting; "老人
摔倒了，已送医" is still the note."""
import pytest
from conftest import signed_up


async def _note_asked(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "其他")
    return li


@pytest.mark.parametrize("words", ["取消", "算了", "不用了", "等会再写", "先不结案", "cancel"])
async def test_a_word_taking_the_close_back_leaves_the_call_open(people, app, words):
    li = await _note_asked(people)
    await li.send(words)
    inc = await app.svc.store.incident(1)
    assert inc["status"] != "resolved", inc.get("note")
    assert "没有结案" in li.last().text, li.last().text
    assert "正在写处理结果" not in li.last("紧急求助 #1").text


async def test_a_fresh_fall_typed_as_the_note_does_not_close_the_call(people, app):
    li = await _note_asked(people)
    await li.send("王老伯又摔倒了")
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    assert "还在等您写一句话" in li.last().text, li.last().text
    await li.send("陪他去医院看过了 没大事")
    assert (await app.svc.store.incident(1))["status"] == "resolved"


@pytest.mark.parametrize("words", ["老人摔倒了，已送医", "老人摔倒了，家属已接去医院", "已处理好了", "ok"])
async def test_guard_a_note_still_closes_the_call(people, app, words):
    li = await _note_asked(people)
    await li.send(words)
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "resolved" and inc["note"] == words


async def test_words_about_another_call_are_not_this_ones_note(people, app):
    """Holding #1 and #2, she pressed ✏️ 其他 on #1 and typed "#2 已送医": #1 closed with "#2 已送医" for its note."""
    from conftest import enrolled

    li = await _note_asked(people)
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #2"), "我来处理")
    await li.send("#2 已送医")
    assert (await app.svc.store.incident(1))["status"] != "resolved"
    assert "还在等您写一句话" in li.last().text, li.last().text
    await li.send("老人没事了")
    assert (await app.svc.store.incident(1))["note"] == "老人没事了"
