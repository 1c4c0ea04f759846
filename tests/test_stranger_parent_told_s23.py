"""Someone not signed up writes about a parent with a greeting or thanks around it ("你好 我妈住在你们小区", "谢谢你们
我妈住院了"): the model read the greeting/thanks and she got only the sign-up welcome; staff never heard (probe, session
23). "我妈最近老是忘事" already reached staff as "说起别人的情况". Now these do too; a bare "谢谢阿姨" troubles nobody."""
import pytest


@pytest.mark.parametrize("words", ["你好 我妈住在你们小区", "谢谢你们 我妈住院了", "我爸在医院了 谢谢你们"])
async def test_a_parent_told_amid_a_greeting_reaches_staff(people, app, words):
    x = people("路人甲")
    await x.send(words)
    assert any("路人甲" in t and "说起别人的情况" in t for t in people("李社工").texts()), people("李社工").texts()
    assert x.last().request == "contact"  # still offered to sign up


@pytest.mark.parametrize("words", ["谢谢阿姨", "阿姨你好", "谢谢", "你好"])
async def test_a_bare_greeting_or_thanks_troubles_nobody(people, app, words):
    x = people("路人甲")
    await x.send(words)
    assert people("李社工").texts() == [] or not any("路人甲" in t for t in people("李社工").texts())
