"""/open ended with "发送 /incident 编号 查看详细记录" — a command to remember, on a phone, in a hurry. Typing the number
("1号") already shows the record; the list now says so, with the first call's own number."""
from conftest import signed_up


async def test_the_open_list_says_to_type_the_number_and_that_works(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("🆘 紧急求助")
    await li.send("/open")
    listed = li.last("#1").text
    assert "/incident" not in listed and "“1号”" in listed
    await li.send("1号")
    assert "张阿姨" in li.last().text and "#1" in li.last().text


async def test_typing_hash_and_the_number_shows_the_record_too(people, app):
    zhang, li = await signed_up(people("张阿姨"), "13900000001"), people("李社工")
    await zhang.send("🆘 紧急求助")
    await li.send("#1")
    assert "张阿姨" in li.last().text and "#1" in li.last().text
