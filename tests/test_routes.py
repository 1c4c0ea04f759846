"""Who may press what: every button is answered by the one feature whose table claims its prefix, and only for the
roles that table names. A forged press from anyone else gets the kind refusal and changes nothing."""
from conftest import signed_up


async def claimed_by_li(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助"), "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"
    return zhang, li


async def test_a_resident_forging_the_hand_over_button_is_refused_and_nothing_moves(people, app):
    zhang, li = await claimed_by_li(people, app)
    for data in ("inc:handover:1", "inc:handto:1:wang"):
        await zhang.press_data(1, data)
        assert "按钮已经过期" in zhang.last().text
        assert "转交给谁" not in zhang.last().text
    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "li" and inc["status"] == "claimed"
    assert not any("转交给您" in t for t in people("王社工").texts())


async def test_a_family_member_forging_staff_and_resident_buttons_is_refused(people, app):
    zhang, li = await claimed_by_li(people, app)
    daughter = await signed_up(people("王丽"), "13911110002")
    for data in ("inc:handto:1:wang", "out:1:false_alarm", "addr:no:1", "ci:ok", "nt:x"):
        await daughter.press_data(1, data)
        assert "按钮已经过期" in daughter.last().text, data
    inc = await app.svc.store.incident(1)
    assert inc["claimed_by"] == "li" and inc["status"] == "claimed"


async def test_a_stranger_pressing_any_button_is_asked_who_they_are(people, app):
    stranger = people("路人甲")
    await stranger.send("/start")
    asked = stranger.last().text
    for data in ("inc:claim:1", "ci:ok", "fam:1:r1", "reg:ok"):
        await stranger.press_data(1, data)
        assert stranger.last().text == asked, data
    assert await app.svc.store.incident(1) is None


async def test_staff_pressing_a_residents_button_get_the_refusal_too(people, app):
    zhang, li = await claimed_by_li(people, app)
    await li.press_data(1, "addr:no:1")
    assert "按钮已经过期" in li.last().text
    assert (await app.svc.store.incident(1)).get("address_state") != "corrected"
