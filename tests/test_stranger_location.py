"""Someone the register does not know cries for help ("救命 我在小区门口摔倒了"): staff were alerted with "不知道地址和电话",
but the bot then only asked for her phone number, and the location she shared next was dropped — staff never saw it,
she got the sign-up welcome again (probe, session 16). Now she is asked where she is, with the 📍 button, and her
location reaches the staff on her call beside the words."""
from conftest import signed_up


async def test_a_stranger_who_cried_is_asked_where_she_is_with_the_location_button(people, app):
    x = people("路人甲")
    await x.send("救命 我在小区门口摔倒了")
    assert "在哪里" in x.last().text and x.last().request == "location"


async def test_a_strangers_location_after_her_cry_reaches_the_staff_on_her_call(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.send("救命 我在小区门口摔倒了")
    await x.share_location(31.20640, 121.44520)
    assert any("#1" in t and "31.20640, 121.44520" in t for t in li.texts())
    assert li.m.to(li.id)[-1].forwarded or any(s.forwarded for s in li.inbox)
    assert "转告" in x.inbox[-2].text  # then one question more: her phone, for the social worker to call
    assert "打电话给您" in x.last().text and x.last().request == "contact"


async def test_a_strangers_location_with_no_cry_is_no_call(people, app):
    x, li = people("路人甲"), people("李社工")
    await x.share_location()
    assert not any("#1" in t for t in li.texts())


async def test_a_registered_residents_cry_is_still_read_back_her_address(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("救命 我摔倒了起不来")
    assert any("请确认您现在的地址" in t or "需要马上有人来" in t for t in wang.texts())
