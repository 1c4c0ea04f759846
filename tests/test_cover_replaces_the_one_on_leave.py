"""Taking the duty replaces the one who asked to be covered. 李社工 said "我今天请假" and 陈书记 took it; later 陈书记 has
to leave too ("我下午请假") and 王社工 taps 🙋 我来值班. 陈书记 read "王社工接班了，求助现在先发给王社工" — yet the next
🆘 still rang her phone first, beside 王社工's: the take ADDED 王社工 to the duty instead of replacing her (probe,
session 17). The same when a duty taken from /duty is taken from /duty again."""
from conftest import signed_up


async def _zhang_cries(people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")


async def test_who_takes_a_covering_colleagues_duty_is_on_duty_instead_of_her(people, app):
    li, wa, chen = people("李社工"), people("王社工"), people("陈书记")
    await li.send("我今天请假")
    await chen.click(chen.last("谁来接班"), "我来值班")
    await chen.send("我下午请假")
    assert "陈书记" in wa.last("谁来接班").text
    await wa.click(wa.last("谁来接班"), "我来值班")
    assert "王社工" in chen.last("接班了").text

    await _zhang_cries(people)
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in chen.texts() + li.texts())  # she is on leave: not at its first level
    await wa.send("🕒 值班")
    assert wa.last("现在值班").text.splitlines()[0] == "🕒 现在值班：王社工"


async def test_a_duty_taken_from_the_duty_view_again_leaves_the_one_before_off_duty(people, app):
    wa, chen = people("王社工"), people("陈书记")
    await chen.send("🕒 值班")
    await chen.click(chen.last("现在值班"), "我来值班")
    await wa.send("🕒 值班")
    await wa.click(wa.last("现在值班"), "我来值班")
    assert "王社工" in chen.last("接班了").text  # she was told her alerts stop: they do

    await _zhang_cries(people)
    assert "紧急求助 #1" in wa.last("紧急求助").text
    assert not any("紧急求助 #1" in t for t in chen.texts())
