"""Where she is differs from the register — staff's phone must buzz with it (session 25; the real case was a wrong
door number). A location pin or a typed door only EDITED the staff packet (⚠️⚠️ line): no new message, so a staff
phone might never ring with it. Now, on each path, the staff holding the call (or all alerted staff while nobody holds
it) get a NEW message with what she said or pinned beside the register — once per new place, not again for the
same one."""
import pytest
from conftest import enrolled, signed_up

PIN = dict(lat=31.2301, lon=121.4702)
PIN_SHOWN = "31.23010, 121.47020"


def _new(person, before: int) -> list[str]:
    return [s.text for s in person.inbox[before:]]


async def _asked(people, app):
    """张阿姨's 🆘 is open and the bot reads her registered address back."""
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    await zhang.send("要")
    return zhang, people("李社工")


async def _at_step(people, app, when: str):
    """张阿姨's 🆘 open: asked what she needs now ("need_now"), her address read back ("read_back"), or answered ✅ 对."""
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘")
    if when != "need_now":
        await zhang.send("要")
    if when == "after_yes":
        await zhang.send("对的")
    return zhang, people("李社工")


async def test_a_typed_door_after_no_buzzes_staff_with_the_difference(people, app):
    zhang, li = await _asked(people, app)
    await zhang.click(zhang.last(), "不对")
    before = len(li.inbox)
    await zhang.send("5号602")
    new = [t for t in _new(li, before) if "5号602" in t]
    assert new and any("不一样" in t for t in new), _new(li, before)


async def test_a_typed_door_after_yes_says_it_differs(people, app):
    zhang, li = await _asked(people, app)
    await zhang.send("对的")
    before = len(li.inbox)
    await zhang.send("不对 我在5号602")
    new = [t for t in _new(li, before) if "5号602" in t]
    assert new and any("不一样" in t for t in new), _new(li, before)


@pytest.mark.parametrize("when", ["need_now", "read_back", "after_yes"])
async def test_a_pin_buzzes_staff_once_beside_the_register(people, app, when):
    zhang, li = await _at_step(people, app, when)
    before = len(li.inbox)
    await zhang.share_location(**PIN)
    new = [t for t in _new(li, before) if PIN_SHOWN in t]
    assert new and "登记" in new[0], _new(li, before)
    before = len(li.inbox)
    await zhang.share_location(**PIN)  # the same place again: no second buzz
    assert not [t for t in _new(li, before) if PIN_SHOWN in t], _new(li, before)


async def test_the_same_typed_door_twice_buzzes_once(people, app):
    zhang, li = await _asked(people, app)
    await zhang.click(zhang.last(), "不对")
    await zhang.send("5号602")
    before = len(li.inbox)
    await zhang.send("5号602")
    assert not [t for t in _new(li, before) if "5号602" in t and "不一样" in t], _new(li, before)


async def test_a_daughter_naming_his_door_buzzes_staff(people, app):
    wangli, li = await signed_up(people("王丽"), "13911110002"), people("李社工")
    await wangli.send("我爸摔倒了 起不来")
    before = len(li.inbox)
    await wangli.send("他在5号楼101")
    new = [t for t in _new(li, before) if "5号楼101" in t and "不一样" in t]
    assert new and "王丽" in new[0], _new(li, before)


@pytest.mark.parametrize("door", ["3号楼602", "5号楼101"])
async def test_a_stranger_naming_the_flat_after_her_cry_buzzes_staff(people, app, door):
    stranger, li = people("陌生人小李"), people("李社工")
    await stranger.send("救命 我摔倒了")
    before = len(li.inbox)
    await stranger.send(f"我在{door}")
    assert [t for t in _new(li, before) if door in t], (_new(li, before), stranger.texts())


async def test_guard_once_a_staff_member_holds_the_call_only_she_is_buzzed(people, app, clock):
    zhang, li = await _asked(people, app)
    chen = people("陈书记")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    assert "紧急求助 #1" in chen.last("紧急求助 #1").text  # alerted too, while nobody held it
    await li.press_data(li.last("紧急求助 #1").message_id, "inc:claim:1")
    li_before, chen_before = len(li.inbox), len(chen.inbox)
    await zhang.share_location(**PIN)
    assert [t for t in _new(li, li_before) if PIN_SHOWN in t], _new(li, li_before)
    assert not [t for t in _new(chen, chen_before) if PIN_SHOWN in t], _new(chen, chen_before)


async def test_while_nobody_holds_it_every_alerted_staff_member_is_buzzed(people, app, clock):
    zhang, li = await _asked(people, app)
    chen = people("陈书记")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    chen_before = len(chen.inbox)
    await zhang.click(zhang.last("建新路"), "不对")
    await zhang.send("5号602")
    assert [t for t in _new(chen, chen_before) if "5号602" in t and "不一样" in t], _new(chen, chen_before)


@pytest.mark.parametrize("when", ["need_now", "read_back", "after_yes"])
async def test_her_pin_itself_reaches_staff_to_open_on_the_map(people, app, when):
    zhang, li = await _at_step(people, app, when)
    before = len(li.inbox)
    await zhang.share_location(**PIN)
    assert [s for s in li.inbox[before:] if s.forwarded], _new(li, before)
