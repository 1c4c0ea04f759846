"""李社工 holds two calls (#1 王老伯, #2 张阿姨) and types what is happening: "#2 她说腿疼 我陪她去医院". She read the menu
hint ("请用下面的按钮…") and her words were lost — on neither call's record. Now words that name one call (its #number,
its resident's name) go onto that call; words that name none are asked about once, with a big button per call, and
go onto the one she taps — never dropped."""
import pytest
from conftest import enrolled, signed_up

HINT = "请用下面的按钮"


async def _li_holds_two(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    await li.click(li.last("紧急求助 #2"), "我来处理")
    return li


@pytest.mark.parametrize("words,n,name", [("#2 她说腿疼 我陪她去医院", 2, "张阿姨"),
                                          ("2号 门卫帮忙开的门", 2, "张阿姨"),
                                          ("王老伯情绪不太好 我多陪一会", 1, "王老伯")])
async def test_words_naming_one_of_her_calls_go_on_that_call(people, app, words, n, name):
    li = await _li_holds_two(people, app)
    await li.send(words)
    assert HINT not in li.last().text
    assert f"已记在 #{n} {name}" in li.last().text, li.last().text
    await li.send(f"/incident {n}")
    assert words in li.last(f"#{n}").text
    await li.send(f"/incident {3 - n}")
    assert words not in li.last(f"#{3 - n}").text


async def test_words_naming_no_call_ask_which_and_go_on_the_one_tapped(people, app):
    li = await _li_holds_two(people, app)
    words = "老人情绪不太好 我多陪一会"
    await li.send(words)
    asked = li.last()
    assert HINT not in asked.text and "哪一件" in asked.text, asked.text
    assert asked.data("#1 王老伯") and asked.data("#2 张阿姨"), asked.buttons
    await li.click(asked, "#2 张阿姨")
    assert "已记在 #2 张阿姨" in li.last().text, li.last().text
    await li.send("/incident 2")
    assert words in li.last("#2").text
    await li.send("/incident 1")
    assert words not in li.last("#1").text


async def test_two_questions_each_file_their_own_words(people, app):
    li = await _li_holds_two(people, app)
    await li.send("老人情绪不太好 我多陪一会")
    first = li.last()
    await li.send("门卫帮忙开的门")
    await li.click(first, "#1 王老伯")
    await li.press_data(first.message_id, "hnt:2:1")  # tapped again (an old copy): filed already, nothing moved
    assert li.last("已经记过")
    await li.send("/incident 1")
    record = li.last("#1").text
    assert "老人情绪不太好" in record and "门卫帮忙开的门" not in record, record
    await li.send("/incident 2")
    assert "老人情绪不太好" not in li.last("#2").text
