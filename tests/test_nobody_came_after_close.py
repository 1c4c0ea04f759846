"""王老伯's 🆘 was marked resolved (by mistake, or for the wrong man), and ten minutes later he writes "还没人来啊".
Before, that was a call-back request at a request's pace ("🙋 求助 #2 · ☎️ 请回电话"), and nobody was told his
emergency had been closed. Now, within a few hours of an emergency of his being closed, "nobody came" is his
emergency still going: a new 🆘 call at once, its words naming the closed one. A closed request, or hours later,
stays a request."""
from __future__ import annotations

from test_family_cry_named_to_staff import his_confirmed_call

from bot.testing.tools import Person
from conftest import signed_up


async def _closed(wang, li, clock, outcome: str, n: int = 1):
    await li.click(li.last(f"#{n}"), "我来处理")
    clock.advance(seconds=300)
    await li.click(li.last(f"#{n}"), "已解决")
    await li.click(li.last("结果是"), outcome)


async def test_nobody_came_ten_minutes_after_his_emergency_was_resolved_is_a_new_emergency(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "✅ 已处理")
    seen, heard = len(li.texts()), len(wang.texts())
    clock.advance(seconds=600)
    await wang.send("还没人来啊")
    new = li.texts()[seen:]
    assert any("紧急求助 #2" in t for t in new), new
    assert not any("🙋 求助 #2" in t for t in new)
    assert any("还没人来啊" in t and "#1" in t for t in li.texts()[seen:]), new  # the closed call named
    told = "\n".join(wang.texts()[heard:])
    assert "已通知值班社工" in told and "120" in told


async def test_where_are_you_after_his_call_was_marked_a_false_alarm_is_a_new_emergency(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "🙂 误报")
    seen = len(li.texts())
    clock.advance(seconds=1800)
    await wang.send("人呢 怎么还不来")
    assert any("紧急求助 #2" in t for t in li.texts()[seen:]), li.texts()[seen:]


async def test_nobody_came_after_a_closed_errand_stays_a_request(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "✅ 已处理")
    await wang.send("帮我买点菜")
    await _closed(wang, li, clock, "✅ 已处理", n=2)
    seen = len(li.texts())
    clock.advance(seconds=600)
    await wang.send("怎么还没人来")
    new = li.texts()[seen:]
    assert any("求助 #3" in t for t in new) and not any("紧急求助 #3" in t for t in new), new


async def test_nobody_came_hours_later_stays_a_request(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "✅ 已处理")
    seen = len(li.texts())
    clock.advance(seconds=7 * 3600)  # 17:05, a working hour
    await wang.send("怎么还没人来")
    new = li.texts()[seen:]
    assert any("求助 #2" in t for t in new) and not any("紧急求助 #2" in t for t in new), new


async def test_nobody_came_while_his_emergency_is_still_open_reminds_staff_as_a_cry_does(people, app, clock):
    """Before: "📝 #1 王老伯 又说" and "急事请打居委会电话" without 120; now what 🆘 pressed again gives."""
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    clock.advance(seconds=200)
    seen, heard = len(li.texts()), len(wang.texts())
    await wang.send("怎么还没人来")
    assert any("🆘 #1 王老伯 又发来求助" in t and "怎么还没人来" in t for t in li.texts()[seen:]), li.texts()[seen:]
    assert any("120" in t for t in wang.texts()[heard:]), wang.texts()[heard:]
    assert not any("紧急求助 #2" in t for t in li.texts())  # one call, never a second


async def test_nobody_came_on_an_open_errand_is_added_to_it(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "✅ 已处理")
    clock.advance(seconds=7 * 3600)
    await wang.send("帮我买点菜")
    seen = len(li.texts())
    clock.advance(seconds=600)
    await wang.send("怎么还没人来")
    assert any("#2 王老伯 又说" in t for t in li.texts()[seen:]), li.texts()[seen:]


async def _cried_and_closed(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = Person(app, 1001, "李社工")
    await wang.send("救命")
    need = wang.last("需要马上有人来")
    await _closed(wang, li, clock, "✅ 已处理")
    clock.advance(seconds=3600)
    return wang, li, need


async def test_yes_someone_now_pressed_on_the_old_question_after_the_call_closed_is_a_new_emergency(
        people, app, clock):
    """Before: "这个按钮已经过期了" and nobody told."""
    wang, li, need = await _cried_and_closed(people, app, clock)
    seen, heard = len(li.texts()), len(wang.texts())
    await wang.click(need, "是，马上来")
    assert any("紧急求助 #2" in t and "#1" in t for t in li.texts()[seen:]), li.texts()[seen:]
    told = "\n".join(wang.texts()[heard:])
    assert "已通知值班社工" in told and "过期" not in told


async def test_no_pressed_on_the_old_question_after_the_call_closed_tells_nobody(people, app, clock):
    wang, li, need = await _cried_and_closed(people, app, clock)
    seen = len(li.texts())
    await wang.click(need, "不用，我没事")
    assert li.texts()[seen:] == []


async def test_nobody_came_two_hours_after_the_close_names_it_in_his_words(people, app, clock):
    """Past the hour in which the alert's own first line names the closed call, his words carry it."""
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await _closed(wang, li, clock, "✅ 已处理")
    seen = len(li.texts())
    clock.advance(seconds=2 * 3600)
    await wang.send("还没人来啊")
    assert any("紧急求助 #2" in t and "#1 120分钟前已标为解决" in t for t in li.texts()[seen:]), li.texts()[seen:]
