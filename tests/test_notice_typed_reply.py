"""After a notice ("明天上午停水"), an old woman types "收到" or "好的 知道了" — or asks "停水到几点" — instead of tapping
[👌 收到了]. She was still listed to the sender a day later as "⏳ 没回复，请打电话或上门看看" (lead's probe, session 18):
a social worker phones or climbs the stairs to check on someone who answered at once. Now a message she writes back
while the notice awaits her answer counts as heard; one who wrote nothing is still listed, and words written before
the notice came are no answer to it."""
import pytest
from conftest import signed_up
from test_notices import compose, sent


async def _noticed(app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    li = people("李社工")
    await li.click(await compose(li, "80岁以上"), "24小时")
    await sent(app)
    assert zhang.last("📢 居委会通知")
    return zhang, li


async def _follow_up(app, clock, li):
    clock.advance(hours=24.2)
    await app.engine.tick()
    return li.last("📋 通知 #1").text


@pytest.mark.parametrize("words", ["收到", "好的 知道了", "👌", "停水到几点", "晓得了 谢谢侬"])
async def test_a_typed_reply_counts_as_heard(app, people, clock, words):
    zhang, li = await _noticed(app, people)
    await zhang.send(words)
    follow = await _follow_up(app, clock, li)
    assert "👌 已收到 1 人" in follow and "张阿姨 13900000001" not in follow, follow


async def test_one_who_wrote_nothing_is_still_listed(app, people, clock):
    zhang, li = await _noticed(app, people)
    follow = await _follow_up(app, clock, li)
    assert "⏳ 没回复 1 人" in follow and "张阿姨 13900000001" in follow


async def test_words_before_the_notice_are_no_answer_to_it(app, people, clock):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("你好")
    li = people("李社工")
    await li.click(await compose(li, "80岁以上"), "24小时")
    await sent(app)
    follow = await _follow_up(app, clock, li)
    assert "张阿姨 13900000001" in follow


async def test_a_reply_after_the_window_closed_changes_nothing_told(app, people, clock):
    zhang, li = await _noticed(app, people)
    follow = await _follow_up(app, clock, li)
    await zhang.send("收到")
    assert (await app.svc.store.notice_states(1))[await _rid(app, zhang)] == "sent"


async def _rid(app, person):
    return (await app.svc.store.resident_by_tg(person.id))["id"]
