""""侬帮我看看 我的敬老卡钞票到了伐" got the allowance's answer AND "已经告诉居委会社工，他们会尽快联系您" with a 求助 for
staff: "帮我看看/帮我查查" only asks the bot to look the answer up. She gets the answer (with its usual way to a
person), nobody bothered. A cry or a repair after "帮我看看" is still heard."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["侬帮我看看 我的敬老卡钞票到了伐", "帮我查查 养老金到了吗", "帮我看一下 老年卡的钱到账了没有",
                                   "麻烦帮我查一下，这个月养老金发了吗"])
async def test_look_it_up_for_me_gets_the_answer_not_a_help_request(people, app, words):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send(words)
    assert "来源" in liu.last("来源").text
    assert not any("已经告诉居委会社工" in t for t in liu.texts())
    assert not any("求助" in t for t in people("李社工").texts())


async def test_look_at_me_i_cannot_get_up_is_still_a_cry(people, app):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("帮我看看 我起不来了")
    assert "起不来" in people("李社工").last("紧急求助 #1").text


async def test_look_at_my_door_lock_is_still_a_request(people, app):
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("帮我看看门锁")
    assert "门锁" in people("李社工").last("求助 #1").text
