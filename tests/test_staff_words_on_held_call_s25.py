"""李社工 holds 王老伯's call and types what is happening, as people do on the move: "她说腿疼 我陪她去医院". She read
"请用下面的按钮：📋 待处理…" and the words were lost — nowhere on the call's record. After ✅ 已解决 ("#1 结果是？") her
typed "已帮他买了菜" was lost the same way. Now words no button means, typed while she holds one call, go on its record
and she reads where; the outcome buttons still close it (probe, session 25)."""
import pytest
from conftest import signed_up

HINT = "请用下面的按钮"


async def _li_holds_wangs_call(people):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    return wang, li


@pytest.mark.parametrize("words", ["他说腿疼 我陪他去医院", "老人情绪不太好 我多陪一会", "门卫帮忙开的门"])
async def test_her_words_on_the_call_she_holds_go_on_its_record(people, app, words):
    _, li = await _li_holds_wangs_call(people)
    await li.send(words)
    assert HINT not in li.last().text
    assert "已记在 #1 王老伯" in li.last().text, li.last().text
    await li.send("/incident 1")
    assert words in li.last("#1").text


async def test_words_after_the_outcome_was_asked_are_kept_and_the_outcome_still_closes_it(people, app):
    wang, li = await _li_holds_wangs_call(people)
    await li.click(li.last("紧急求助 #1"), "已解决")
    asked = li.last("结果是")
    await li.send("已帮他买了菜")
    assert "已记在 #1 王老伯" in li.last().text, li.last().text
    await li.click(asked, "已处理")
    assert "已解决" in li.last().text
    await li.send("/incident 1")
    assert "已帮他买了菜" in li.last("#1").text


async def test_words_holding_no_call_still_get_the_hint(people, app):
    """Guard: nothing to put them on."""
    await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await li.send("老人情绪不太好 我多陪一会")
    assert "已记在" not in li.last().text
