"""A location sent in a group the bot is in, by a registered resident or a family contact, is heard as their voice
there is: on to staff as if sent in private (the map pin beside the registered address, marked as sent in a group),
paced per person, and the group gets only 120 and the committee phone (nothing personal)."""
from conftest import signed_up

from test_group_media import forwarded_from_group, group_texts, in_group, nothing_personal_in_the_group

COMMITTEE = "021-64370000"


async def location_in_group(person, lat: float = 31.21001, lon: float = 121.44002):
    return await in_group(person, "location", latitude=lat, longitude=lon)


def the_group_got_only_120(app, times: int = 1) -> None:
    assert len(group_texts(app)) == times
    assert all("120" in t and COMMITTEE in t for t in group_texts(app))
    nothing_personal_in_the_group(app)


async def test_a_residents_location_in_a_group_reaches_staff_beside_his_registered_address(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await location_in_group(wang)
    assert forwarded_from_group(app, li.id) == 1  # the map pin itself
    packet = li.last("居民发来位置")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "群里" in packet.text
    assert await app.svc.store.open_incident_ids() == [1]
    the_group_got_only_120(app)


async def test_a_residents_location_in_a_group_during_his_call_goes_to_the_call_beside_the_address(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    await location_in_group(wang)
    assert forwarded_from_group(app, li.id) == 1
    intro = li.last("31.21001, 121.44002")
    assert "#1" in intro.text and "建新路27弄5号302室" in intro.text and "群里" in intro.text
    assert await app.svc.store.open_incident_ids() == [1]
    the_group_got_only_120(app)


async def test_a_daughters_location_in_a_group_reaches_staff_beside_her_fathers_address(people, app):
    daughter = await signed_up(people("王丽"), "13911110002")
    li = people("李社工")
    await location_in_group(daughter)
    assert forwarded_from_group(app, li.id) == 1
    packet = li.last("紧急联系人发来位置")
    assert "王老伯" in packet.text and "建新路27弄5号302室" in packet.text and "31.21001, 121.44002" in packet.text
    assert "群里" in packet.text
    the_group_got_only_120(app)


async def test_locations_in_a_group_are_paced_and_the_held_back_one_is_named_a_location(people, app, clock):
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    for _ in range(3):
        await location_in_group(wang)
    assert forwarded_from_group(app, li.id) == 1
    the_group_got_only_120(app)
    clock.advance(minutes=10.1)
    await app.engine.tick()
    again = li.last("又发来").text
    assert "又发来 2 条位置" in again and "语音" not in again
    assert forwarded_from_group(app, li.id) == 2  # the latest of them


async def test_a_removed_contacts_held_back_location_is_named_a_location(people, app, tmp_path, clock):
    from test_family import reimport

    daughter = await signed_up(people("王丽"), "13911110002")
    await reimport(app, tmp_path, ("王丽,女儿,13911110002", "王强,儿子,13911110022"))
    await daughter.send_kind("voice")
    await daughter.share_location(31.21001, 121.44002)
    clock.advance(minutes=10.1)
    await app.engine.tick()
    again = people("李社工").last("又发来").text
    assert "又发来 1 条位置" in again and "语音" not in again


async def test_a_location_in_a_group_while_his_address_is_asked_is_not_taken_as_where_he_is(people, app):
    """A pin dropped in the neighbours' group (a shop, a meeting place) is not his answer to "请确认您现在的地址":
    it goes to staff as a location sent in a group, and the question stays open in private."""
    wang = await signed_up(people("王老伯"), "13900000002")
    li = people("李社工")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await location_in_group(wang)
    assert forwarded_from_group(app, li.id) == 1
    assert "群里" in li.last("31.21001, 121.44002").text
    assert not any("收到您的位置" in t for t in wang.texts())
    assert "居民发来位置" not in li.last("紧急求助").text  # the call's address is still his to give
    await wang.share_location(31.2, 121.44)  # in private: his answer
    assert "居民发来位置：31.20000, 121.44000" in li.last("紧急求助").text
