""""我在楼下摔倒了 起不来", "我在菜场摔了一跤 站不起来": she is outside, yet read "如果能走动，把门锁打开" — her own door is
floors away (noticed in session 25, left; fixed in session 26). A fall outside her home asks those around her to
help instead; a fall at home keeps the door line."""
import pytest
from conftest import signed_up

DOOR = "把门锁打开"
NEARBY = "身边的人"


@pytest.mark.parametrize("words", ["我在楼下摔倒了 起不来", "我在菜场摔了一跤 站不起来", "我在小区里跌倒了 爬不起来",
                                   "I fell in the street and can't get up"])
async def test_a_fall_outside_her_home_asks_those_around_her_not_to_open_her_door(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send(words)
    told = "\n".join(zhang.texts()[-3:])
    assert DOOR not in told and "unlock your door" not in told, told
    assert NEARBY in told or "people around you" in told, told
    assert "120" in told


async def test_a_fall_in_her_kitchen_keeps_the_door_line(people, app):
    """Guard."""
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("我在厨房摔倒了 起不来")
    assert DOOR in "\n".join(zhang.texts()[-3:])


async def test_staff_read_she_is_not_at_home(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("我在楼下摔倒了 起不来")
    packet = people("李社工").last("紧急求助").text
    assert "不在家里" in packet and "问清楚她在哪里" in packet, packet


def test_every_danger_told_together_has_its_line_for_staff():
    """A danger told together with no line of its own would fail the staff packet's rendering."""
    from bot.i18n import Catalogue
    from bot.incidents.advice import BY_DANGER, TOGETHER

    cat = Catalogue()
    for danger in TOGETHER:
        assert danger in BY_DANGER, danger
        for locale in ("zh", "en"):
            assert f"packet.together_{danger}" in cat.texts[locale], (danger, locale)
