"""Loneliness is the committee's work too (四百: 暖百家心): "想我女儿了" was "没太明白", "一个人在家好闷" was taken for
feeling ill ("听到您不舒服…"). Now staff hear it as someone who would like company, and the resident is told so."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["想我女儿了", "一个人在家好闷", "好几天没人跟我说话了", "我好孤单"])
async def test_a_lonely_resident_is_heard_as_wanting_company_not_as_ill(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    request = people("李社工").last("求助 #1").text
    assert words in request and "说说话" in request
    told = wang.last().text
    assert "陪" in told and "不舒服" not in told
    assert not any("没太明白" in t for t in wang.texts())


async def test_missing_a_daughter_while_ill_is_still_heard_as_ill(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我好难受，想我女儿了")
    assert "身体不舒服" in people("李社工").last("求助 #1").text


@pytest.mark.parametrize("words", ["家里就我一个人", "家里只有我一个人", "我独居", "现在家里就我一个"])
async def test_living_alone_said_in_passing_is_heard_as_company(people, app, words):
    """Living alone, said in passing, is someone who would like company: it reached staff as a plain request with
    nothing to say why (or, before the short-words table, as an emergency)."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    request = people("李社工").last("求助 #1").text
    assert words in request and "说说话" in request
    assert "陪" in wang.last().text
