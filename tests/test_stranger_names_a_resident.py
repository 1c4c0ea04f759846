"""A neighbour who has never signed up writes "3号楼的张阿姨摔倒了": staff got "未登记的用户发来可能的求助" with his words
only — not that 张阿姨 is on the register, her address, her phone, her son; and nobody escalated it. Now it opens her
own call (or joins the one open), marked as reported by someone unregistered, so staff see where to go and her son is
reached if nobody takes it. He reads 120 and that staff were told, never her address or phone. His repeats within
the minute are counted, not new calls."""
from conftest import signed_up

from bot.residents import full_address


async def test_an_unregistered_neighbour_naming_a_resident_opens_her_call(people, app, clock):
    store, li = app.svc.store, people("李社工")
    zhang = await store.resident(await store.resident_id_by_phone("13900000001"))
    zhangming = await signed_up(people("张明"), "13911110001")
    stranger = people("楼下小陈")
    await stranger.send("3号楼的张阿姨摔倒了")
    assert [(await store.incident(n))["resident"] for n in await store.open_incident_ids()] == [zhang["id"]]
    packet = li.last("紧急求助 #1").text
    assert full_address(app.settings.community.address_prefix, zhang) in packet
    assert "楼下小陈" in packet and "未登记" in packet and "3号楼的张阿姨摔倒了" in packet
    said = "\n".join(stranger.texts())
    assert "120" in said and "602" not in said and zhang["phone"] not in said
    await stranger.send("3号楼的张阿姨摔倒了 快来")
    assert await store.open_incident_ids() == [1]
    for _ in range(9):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert any("#1" in t for t in zhangming.texts())  # her son, as her call escalates


async def test_an_unregistered_neighbours_cry_about_nobody_on_the_register_still_reaches_staff(people, app):
    stranger, li = people("楼下小陈"), people("李社工")
    await stranger.send("隔壁老太太摔倒了")
    assert any("隔壁老太太摔倒了" in t for t in li.texts())
    assert "120" in stranger.texts()[0]


async def test_where_an_unregistered_neighbour_says_it_is_after_his_cry_reaches_staff(people, app, clock):
    """"在5号楼302" after "隔壁老太太摔倒了" got only the sign-up prompt: where she lies reached nobody."""
    stranger, li = people("楼下小陈"), people("李社工")
    await stranger.send("隔壁老太太摔倒了")
    clock.advance(seconds=30)
    await stranger.send("在5号楼302")
    told = [t for t in li.texts() if "在5号楼302" in t]
    assert len(told) == 1 and "楼下小陈" in told[0], li.texts()
    assert any("已经转告" in t for t in stranger.texts()[-2:])


async def test_an_unregistered_persons_words_long_after_a_cry_or_without_one_stay_with_them(people, app, clock):
    stranger, li = people("楼下小陈"), people("李社工")
    await stranger.send("在5号楼302")
    await stranger.send("隔壁老太太摔倒了")
    clock.advance(minutes=30)
    await stranger.send("你好")
    await stranger.send("明天天气怎么样")
    assert not any("在5号楼302" in t or "天气" in t for t in li.texts())
