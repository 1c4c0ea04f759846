"""Typed answers to "听到您不舒服…要不要请社工来看看您？" (session 20's probes): "下午来" read "您好！有什么可以帮您？";
"明天来吧" was a yes but staff never read when she wants them; "麻烦你们了" was words on the call and no answer;
"越来越难受了" was met with the same question again."""
import pytest
from conftest import enrolled


async def _asked(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我今天有点不舒服")
    assert "要不要请社工来看看您" in zhang.last().text
    return zhang, len(zhang.texts()), people("李社工")


@pytest.mark.parametrize("words", ["下午来", "明天来吧", "明天上午来看看我"])
async def test_a_visit_wanted_at_a_time_is_a_yes_and_staff_read_when(people, app, words):
    zhang, seen, li = await _asked(people, app)
    await zhang.send(words)
    after = zhang.texts()[seen:]
    assert any("已请社工来看您" in t for t in after), after
    assert any(words in t for t in li.texts() if "#1" in t), li.texts()


async def test_please_trouble_yourselves_is_a_yes(people, app):
    zhang, seen, li = await _asked(people, app)
    await zhang.send("麻烦你们了")
    assert any("已请社工来看您" in t for t in zhang.texts()[seen:])


@pytest.mark.parametrize("words", ["越来越难受了", "比刚才更不舒服了"])
async def test_getting_worse_is_never_the_same_question_again(people, app, words):
    zhang, seen, li = await _asked(people, app)
    await zhang.send(words)
    after = zhang.texts()[seen:]
    assert not any("要不要请社工来看看您" in t for t in after), after
    assert any("120" in t for t in after), after
    assert any(words in t for t in li.texts() if "#1" in t), li.texts()


@pytest.mark.parametrize("words", ["不用", "我想休息"])
async def test_guard_rest_is_still_rest(people, app, words):
    zhang, seen, li = await _asked(people, app)
    await zhang.send(words)
    assert any("您先好好休息" in t for t in zhang.texts()[seen:])
