"""Her words on a 🆘 nobody has taken yet (session 24 probe): "你们什么时候到" read "已经转告正在处理您求助的社工" — a
person handling it, while the on-duty staff had not even tapped 🙋 我来处理. Someone waiting on the floor is told
only what is true: the on-duty staff have her words. Once someone holds it, who does (guard)."""
from conftest import enrolled


async def _on_open_call(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    await zhang.send("对")
    return zhang, people("李社工")


async def test_words_on_a_call_nobody_holds_do_not_say_someone_is_handling_it(people, app):
    zhang, li = await _on_open_call(people, app)
    await zhang.send("你们什么时候到")
    told = zhang.last().text
    assert "正在处理" not in told and "值班社工" in told and "021-64370000" in told, told
    assert "你们什么时候到" in li.last("又说").text


async def test_guard_once_held_she_reads_who_holds_it(people, app):
    zhang, li = await _on_open_call(people, app)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await zhang.send("你们什么时候到")
    assert "李社工" in zhang.last().text and "值班社工" not in zhang.last().text  # (flow14's call_state: by name)
