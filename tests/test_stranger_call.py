"""Someone who never signed up types "救命 我摔倒了" (in private, or in a group the bot is in). It was logged and sent to
the on-duty staff once a minute, but it was no call: if the on-duty staff member missed it nobody else was ever told,
there was no claim or resolve button, and a worker dying between the log and the send lost it. Now it is a stored
call: stored first, then sent (a worker dying leaves it to the next), claimable and resolvable, escalating like an
emergency; the sender gets 120 and the committee phone at once; their repeats join it; what they type next reaches
the staff on it."""
from test_family_cry_others_kept import staff_cut_off
from test_group_cry import group_texts, in_group
from test_incident_followups import restarted
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

CRY = "救命 我摔倒了"
COMMITTEE = "021-64370000"


async def test_a_strangers_cry_is_a_call_staff_claim_and_resolve(people, app):
    stranger, li = people("路人甲"), people("李社工")
    await stranger.send(CRY)
    alert = li.last("紧急求助 #1")
    assert "路人甲" in alert.text and "未登记" in alert.text and "我摔倒了" in alert.text
    said = stranger.texts()[0]
    assert "120" in said and COMMITTEE in said
    await li.send("/incident 1")
    assert "未登记的用户求助" in li.last().text  # its record says how it came
    await li.click(alert, "我来处理")
    assert (await app.svc.store.incident(1))["status"] == "claimed"
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"


async def test_a_strangers_cry_nobody_claims_escalates_to_the_head(people, app, clock):
    stranger, chen = people("路人甲"), people("陈书记")
    await stranger.send(CRY)
    assert not any("路人甲" in t for t in chen.texts())
    for _ in range(8):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert any("#1" in t and "路人甲" in t for t in chen.texts()), chen.texts()


async def test_a_strangers_cry_whose_worker_died_before_sending_still_reaches_staff(people, app, clock, make_app):
    stranger = people("路人甲")
    staff_cut_off(app)
    try:
        await stranger.send(CRY)
    except RuntimeError:
        pass
    assert not any("路人甲" in t for t in people("李社工").texts())
    after = await restarted(make_app, app)
    clock.advance(seconds=30)
    await after.engine.tick()
    li = Person(after, people("李社工").id, "李社工")
    told = [t for t in li.texts() if "我摔倒了" in t]
    assert len(told) == 1 and "路人甲" in told[0], li.texts()


async def test_a_strangers_repeats_join_their_call(people, app, clock):
    stranger, li = people("路人甲"), people("李社工")
    for _ in range(5):
        await stranger.send(CRY)
        clock.advance(seconds=5)
    assert len(await app.svc.store.open_incident_ids()) == 1
    assert sum("路人甲" in t for t in li.texts()) <= 2, li.texts()
    assert all("120" in t for t in stranger.texts() if "120" in t) and len(
        [t for t in stranger.texts() if "120" in t]) == 5  # each cry answered with 120
    clock.advance(minutes=1)
    await app.engine.tick()
    assert "#1" in li.last().text and "3" in li.last().text  # the rest, counted, on the call


async def test_what_a_stranger_types_after_the_cry_reaches_the_staff_on_the_call(people, app, clock):
    stranger, li = people("路人甲"), people("李社工")
    await stranger.send(CRY)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    clock.advance(seconds=30)
    await stranger.send("我在5号楼302")
    told = [t for t in li.texts() if "我在5号楼302" in t]
    assert len(told) == 1 and "#1" in told[0] and "路人甲" in told[0], li.texts()
    assert any(e.get("words") == "我在5号楼302" for e in await app.svc.store.timeline(1))
    assert "转告" in stranger.last("转告").text


async def test_a_strangers_cry_in_a_group_is_a_call(people, app, clock):
    stranger, li, chen = people("路人甲"), people("李社工"), people("陈书记")
    await in_group(stranger, CRY)
    assert "120" in group_texts(app)[-1] and COMMITTEE in group_texts(app)[-1]
    alert = li.last("紧急求助 #1")
    assert "路人甲" in alert.text and "群里" in alert.text and "我摔倒了" in alert.text
    for _ in range(8):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert any("#1" in t for t in chen.texts())


async def test_many_strangers_crying_at_once_do_not_flood_staff_and_nothing_is_dropped(people, app, clock):
    """A storm, a spammer with many accounts, a busy group: each stranger's cry was one more message in every on-duty
    chat. Now at most `escalation.strangers_per_10_minutes` (default 5) open calls of their own; beyond that each cry
    is kept on one summary call whose one packet counts them (and escalates like any call)."""
    li = people("李社工")
    crowd = [Person(app, 8300 + i, f"路人{i:02d}") for i in range(12)]
    for s in crowd:
        await s.send(CRY)
        clock.advance(seconds=2)
    assert all(any("120" in t and COMMITTEE in t for t in s.texts()) for s in crowd)  # each sender, at once
    alerts = [t for t in li.texts() if "紧急求助" in t]
    assert len(alerts) <= 6, alerts  # five calls and one summary
    assert len(li.texts()) <= 7, li.texts()
    summary = li.last("紧急求助 #6").text
    assert "6" in summary and "并入" in summary  # the other six, counted on it
    said = "\n".join(e.get("by", "") for e in await app.svc.store.timeline(6))
    assert all(f"路人{i:02d}" in said for i in range(5, 12))  # nobody dropped: each on its record
    assert len(await app.svc.store.open_incident_ids()) == 6
    clock.advance(minutes=1)
    await app.engine.tick()
    assert len(li.texts()) <= 7, li.texts()


async def test_five_people_in_a_group_crying_about_one_fire_make_one_call(people, app, clock):
    """One fire, five unregistered neighbours typing "着火了" in the building's group: one call, each of them on its
    record, staff told at once and then once a minute — not five calls in every on-duty chat."""
    li = people("李社工")
    crowd = [people(f"邻居{i}") for i in range(5)]
    for p in crowd:
        await in_group(p, "着火了 救命")
        clock.advance(seconds=3)
    assert await app.svc.store.open_incident_ids() == [1]
    assert len(li.texts()) <= 2, li.texts()
    assert "邻居0" in li.last("紧急求助 #1").text and "4" in li.last("紧急求助 #1").text  # the others, counted
    said = "\n".join(e.get("by", "") for e in await app.svc.store.timeline(1))
    assert all(f"邻居{i}" in said for i in range(5))
    assert len(group_texts(app)) == 5 and all("120" in t for t in group_texts(app))


async def test_a_stranger_who_signs_up_during_their_call_is_that_call(people, app, clock):
    """王老伯 had not signed up when he typed "救命 我摔倒了"; he then pressed the button and shared his phone. His call
    stayed an unknown person's (no address for staff) and his next 救命 opened a second call beside it. Now the call
    becomes his: staff see his registered address and phone, and his next cry joins it."""
    wang, li = people("王老伯"), people("李社工")
    await wang.send(CRY)
    clock.advance(seconds=20)
    await wang.share_contact("13900000002")
    packet = li.last("紧急求助 #1").text
    assert "建新路27弄5号302室" in packet and "13900000002" in packet, packet
    clock.advance(seconds=20)
    await wang.send("救命")
    assert await app.svc.store.open_incident_ids() == [1]


async def test_a_strangers_cry_while_redis_is_away_is_a_call_once_it_is_back(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    stranger, li = Person(app, 7001, "路人甲"), Person(app, 1001)
    own_redis.stop()
    await stranger.send(CRY)
    assert "120" in stranger.last().text and COMMITTEE in stranger.last().text  # at once, Redis or not
    assert any("路人甲" in t for t in li.texts())  # staff's one-off alert
    own_redis.start()
    await replay_tick(app)
    alert = li.last("紧急求助 #1")
    assert "路人甲" in alert.text and "我摔倒了" in alert.text
    await li.click(alert, "我来处理")
    assert (await app.svc.store.incident(1))["status"] == "claimed"


async def test_a_stranger_hears_who_took_their_call_and_is_asked_where_they_are(people, app, clock):
    """Staff claimed a stranger's call and the stranger heard nothing: they could not tell anyone was coming, nor that
    staff need to know where they are (the register has no address for them)."""
    stranger, li = people("路人甲"), people("李社工")
    await stranger.send(CRY)
    clock.advance(minutes=15)  # long after the cry: their answer to "在哪里" still reaches her
    await li.click(li.last("紧急求助 #1"), "我来处理")
    told = stranger.last("李社工").text
    assert "接手" in told and "在哪里" in told
    await stranger.send("5号楼302")
    assert "5号楼302" in li.last("5号楼302").text and "#1" in li.last("5号楼302").text


async def test_where_a_stranger_who_cried_in_a_group_then_writes_in_private_reaches_the_staff_on_the_call(people, app,
                                                                                                          clock):
    stranger, li = people("路人甲"), people("李社工")
    await in_group(stranger, CRY)
    clock.advance(seconds=30)
    await stranger.send("我在5号楼302")
    told = [t for t in li.texts() if "我在5号楼302" in t]
    assert len(told) == 1 and "#1" in told[0], li.texts()


async def test_the_strangers_cap_is_the_committees_setting(make_app, settings):
    escalation = settings.escalation.model_copy(update={"strangers_per_10_minutes": 2})
    app = await make_app(settings_=settings.model_copy(update={"escalation": escalation}))
    li = Person(app, 1001, "李社工")
    for i in range(4):
        await Person(app, 8400 + i, f"路人{i}").send(CRY)
    assert len(await app.svc.store.open_incident_ids()) == 3  # two calls, and the summary the other two joined
    assert "1" in li.last("紧急求助 #3").text and "并入" in li.last("紧急求助 #3").text


async def test_a_stranger_naming_a_resident_in_a_group_opens_her_call(people, app):
    """In private, "3号楼的张阿姨摔倒了" from someone unregistered opens 张阿姨's own call (her address, her family); typed
    in the building's group it was a call about nobody: staff had no address, her son was never reached."""
    store, li, stranger = app.svc.store, people("李社工"), people("楼下小陈")
    zhang = await store.resident(await store.resident_id_by_phone("13900000001"))
    await in_group(stranger, "3号楼的张阿姨摔倒了")
    assert [(await store.incident(n))["resident"] for n in await store.open_incident_ids()] == [zhang["id"]]
    packet = li.last("紧急求助 #1").text
    assert "楼下小陈" in packet and "未登记" in packet
    assert "602" not in "".join(group_texts(app)) and stranger.inbox == []  # nothing personal, nothing private



async def test_five_neighbours_crying_in_a_group_at_the_same_moment_still_make_one_call(make_app):
    """Their messages arrive together and two worker processes handle them side by side: each found no call of the
    group's yet and opened one — several calls for one fire."""
    import asyncio

    workers = [await make_app(), await make_app()]  # one Redis, one committee
    await asyncio.gather(*(in_group(Person(workers[i % 2], 9100 + i, f"邻居{i}"), "着火了 救命") for i in range(6)))
    assert len(await workers[0].svc.store.open_incident_ids()) == 1


async def test_a_strangers_photo_captioned_with_a_cry_in_a_group_goes_with_their_call(people, app, clock):
    """A photo of the smoke captioned "救命 着火了" by someone unregistered in the group: staff read the words, never saw
    the photo. Now it goes with the call's alert, and with each escalation round."""
    import test_group_media as gm

    stranger, li, chen = people("路人甲"), people("李社工"), people("陈书记")
    await gm.in_group(stranger, "photo", caption="救命 着火了")
    assert "紧急求助 #1" in li.last("紧急求助").text
    assert gm.forwarded_from_group(app, li.id) == 1
    for _ in range(8):
        clock.advance(minutes=1)
        await app.engine.tick()
    assert gm.forwarded_from_group(app, chen.id) >= 1  # the head, as it escalates
