"""Someone not signed up who offers to help (session 22 probe): "我是志愿者 想帮忙", "我想当义工" got only the sign-up
prompt and nobody heard — a committee short of hands lost a volunteer. Now staff get it as a wish, as "想登记" does."""
import pytest


@pytest.mark.parametrize("words", ["我是志愿者 想帮忙", "我想当义工", "我想做志愿者 陪陪老人", "I'd like to volunteer"])
async def test_a_volunteer_reaches_staff(people, app, words):
    someone = people("路人甲")
    await someone.send(words)
    staff = people("李社工").texts()
    assert any("路人甲" in t and words in t for t in staff), staff
    assert "021-64370000" in "\n".join(someone.texts())
