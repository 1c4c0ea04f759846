"""A staff member's cry while Redis is away is a colleague's cry, during the outage and after it.

李社工 falls on a stairwell during a visit and types "救命" while Redis is down. The fallback took her for an
unregistered Telegram user ("未能核实身份"): every staff chat got a stranger's alert, her own included, she got the
residents' "120 and the committee phone" without 110, and once Redis was back the journaled cry went through the
residents' fast lane. Now her colleagues and the head hear at once that a colleague calls for help, with her phone from
the config, she never gets her own alert, she is told 120 and 110 and the committee phone, and once Redis is back her
cry becomes her colleague call ("🆘🆘 同事求助 #N"), once.
"""
from conftest import signed_up
from test_outage_cries_held import a_second_later
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)

from bot.testing.tools import Person

CRY = "救命 我在5号楼楼梯摔倒了起不来"
LI_PHONE = "13800000001"


async def _cried_in_an_outage(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    li, wa, chen = Person(app, 1001, "李社工"), Person(app, 1002, "王社工"), Person(app, 1003, "陈书记")
    own_redis.stop()
    await li.send(CRY)
    return app, li, wa, chen


async def test_a_staff_members_cry_during_an_outage_reaches_colleagues_and_the_head_as_hers_not_herself(
        make_app, own_redis):
    app, li, wa, chen = await _cried_in_an_outage(make_app, own_redis)
    for colleague in (wa, chen):
        alert = colleague.last("李社工").text
        assert "同事" in alert and LI_PHONE in alert and "摔倒了起不来" in alert
        assert "未能核实身份" not in alert
    assert not any(CRY in m.text or "同事求助" in m.text for m in li.inbox)  # never her own alert
    told = li.last().text
    assert "120" in told and "110" in told and COMMITTEE in told


async def test_a_staff_members_cry_during_an_outage_becomes_her_colleague_call_once_redis_is_back(
        make_app, own_redis):
    app, li, wa, chen = await _cried_in_an_outage(make_app, own_redis)
    own_redis.start()
    await replay_tick(app)
    await replay_tick(app)  # a second run stores nothing again
    (n,) = await app.svc.store.open_incident_ids()
    inc = await app.svc.store.incident(n)
    assert inc["staff_caller"] == "li" and not inc.get("resident")
    for colleague in (wa, chen):
        packets = [m for m in colleague.inbox if f"同事求助 #{n}" in m.text]
        assert len(packets) == 1 and "我来处理" in str(packets[0].buttons)
        assert not any("紧急求助 #" in m.text for m in colleague.inbox)  # no resident's or stranger's call
        reached = next(line for line in packets[0].text.splitlines() if "当时已发简短提醒给" in line)
        assert "王社工" in reached and "李社工" not in reached  # the outage alert never went to herself
    assert not any(f"#{n}" in m.text for m in li.inbox if "我来处理" in str(m.buttons))
    await wa.click(wa.last(f"同事求助 #{n}"), "我来处理")
    assert "王社工" in li.last("王社工").text  # she hears who is coming, as with Redis up


async def test_a_staff_members_cries_held_back_during_an_outage_are_counted_to_colleagues_never_to_herself(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    own_redis.stop()
    for _ in range(5):  # she presses on, panicking: her alert, then one line a minute, the rest counted
        clock.advance(seconds=2)
        await li.send("救命")
    clock.advance(seconds=60)
    await a_second_later(app)
    assert "又发来 3 次" in wa.last("又发来").text
    assert not any("又发来" in m.text or "未能记录" in m.text for m in li.inbox)
    assert all("110" in m.text for m in li.inbox)  # each cry of hers answered as a colleague's


async def test_what_a_staff_member_types_after_her_cry_during_an_outage_reaches_her_colleagues(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    own_redis.stop()
    await li.send("救命 我摔倒了")
    await li.send("在5号楼2单元楼梯口")
    said = wa.last("5号楼2单元").text
    assert "李社工" in said and "未能核实身份" not in said
    assert not any("5号楼2单元" in m.text for m in li.inbox)
    assert "120" in li.last().text
    own_redis.start()
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert any(e.get("words") == "在5号楼2单元楼梯口" for e in await app.svc.store.timeline(n))


async def test_a_staff_members_words_about_a_resident_during_an_outage_bring_her_his_buttons_once_redis_is_back(
        make_app, own_redis):
    """"王老伯摔倒了" is no cry of her own: with Redis up she gets one tap to raise his call. Typed in an outage, her
    colleagues read it then; once Redis is back the replay's answer to her — the tap — was kept back like a
    resident's replies, and nobody ever raised his call."""
    app = await make_app(redis_url=own_redis.url)
    await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li, wa = Person(app, 1001, "李社工"), Person(app, 1002, "王社工")
    own_redis.stop()
    await li.send("王老伯摔倒了 救命")
    assert "王老伯摔倒了" in wa.last("李社工").text  # her colleagues read it at once
    own_redis.start()
    await replay_tick(app)
    assert await app.svc.store.open_incident_ids() == []  # typing never raises a call by itself
    offer = li.last("系统已恢复")
    await li.click(offer, "为王老伯发起紧急求助")
    (n,) = await app.svc.store.open_incident_ids()
    assert (await app.svc.store.incident(n))["resident"]


async def test_a_staff_members_cry_during_an_outage_that_reaches_no_colleague_tells_her_so(make_app, own_redis):
    app = await make_app(redis_url=own_redis.url)
    li = Person(app, 1001, "李社工")
    app.svc.outbox.messenger.blocked.update((1002, 1003))  # 王社工 and 陈书记 blocked the bot
    own_redis.stop()
    await li.send(CRY)
    told = li.last().text
    assert "没联系上" in told and "120" in told and COMMITTEE in told


async def test_a_staff_members_outage_cry_that_reaches_no_colleague_once_stored_tells_her_so_after_recovery(
        make_app, own_redis):
    """Her cry reached her colleagues during the outage ("正在直接通知其他同事"); by the time Redis is back both have
    blocked the bot (a new phone, a lost one): her stored call reaches nobody. The replay's "暂时没联系上其他同事"
    was kept back like every reply to a replayed call, and only a message with buttons went after recovery: she
    believed colleagues were coming."""
    app, li, wa, chen = await _cried_in_an_outage(make_app, own_redis)
    assert "同事" in wa.last("李社工").text  # the fallback reached them then
    app.svc.outbox.messenger.blocked.update((1002, 1003))
    own_redis.start()
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    told = li.last().text
    assert "系统已恢复" in told and "没联系上" in told and COMMITTEE in told and "110" in told
    await replay_tick(app)
    assert sum("没联系上" in m.text for m in li.inbox) == 1  # told once
