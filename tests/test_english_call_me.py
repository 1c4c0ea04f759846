""""can someone call me" from an English speaker reached staff as "✏️ 其他" (a request of no kind) where "能不能让社工给
我打个电话" is "☎️ 请回电话": staff did not see at a glance that she only wants a phone call."""
import pytest
from conftest import signed_up
from bot.testing.tools import Person


@pytest.mark.parametrize("words", ["could someone phone me please", "can a social worker ring me",
                                   "call me back please"])
async def test_asking_for_a_call_in_english_is_a_call_back_request(people, app, words):
    mary = await signed_up(Person(app, 4242, "Mary", language="en"), "13900000002")
    await mary.send(words)
    assert "☎️ 请回电话" in people("李社工").last("#1").text
