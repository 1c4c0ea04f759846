"""Two things at once on one call, against the real Redis: a daughter and an aunt each sending a voice on 王老伯's
open call, or a daughter's voice arriving as staff resolve it. Each was added to the call's list of family to tell
by reading the list and writing it back whole, without the call's lock: one of the two was lost, and never heard
how the call ended; a voice that came as the call closed was put on the closed call and heard of no more. Now the
store adds her in one step (Lua), and a call closed meanwhile takes nobody: her voice opens a call of its own."""
import asyncio
import contextlib

from conftest import signed_up

CLOSED = "王老伯的求助已处理完毕"


async def his_open_call(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wangli = await signed_up(people("王丽"), "13911110002")
    aunt = await signed_up(people("王秀英"), "13911110012")
    return wangli, aunt


async def resolved(li, title="紧急求助 #1"):
    await li.click(li.last(title), "我来处理")
    await li.click(li.last(title), "已解决")
    await li.click(li.last("结果是"), "已处理")


def meet(monkeypatch, store, name: str, which=lambda *args, **kw: True) -> None:
    """Two calls of `store.<name>` (those `which` picks) reach Redis at the same moment: the first waits, up to 2 s,
    for the second."""
    write, arrived, both = getattr(store, name), [], asyncio.Event()

    async def met(*args, **kw):
        if which(*args, **kw):
            arrived.append(args)
            if len(arrived) == 2:
                both.set()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(both.wait(), 2)
        return await write(*args, **kw)

    monkeypatch.setattr(store, name, met)


def joins_meet(store, monkeypatch) -> None:
    """The two joins meet, whether each writes the list whole (`update_incident(family_chats=…)`) or asks the store
    to add her (`join_family`)."""
    meet(monkeypatch, store, "update_incident", lambda *args, **kw: "family_chats" in kw)
    if hasattr(store, "join_family"):
        meet(monkeypatch, store, "join_family")


async def test_a_daughter_and_an_aunt_speaking_on_his_call_at_once_both_hear_how_it_ended(people, app, monkeypatch):
    wangli, aunt = await his_open_call(people, app)
    joins_meet(app.svc.store, monkeypatch)
    await asyncio.gather(wangli.send_kind("voice"), aunt.send_kind("voice"))
    assert sorted((await app.svc.store.incident(1))["family_chats"]) == sorted([wangli.id, aunt.id])
    await resolved(people("李社工"))
    for person in (wangli, aunt):
        assert sum(CLOSED in t for t in person.texts()) == 1, person.name


async def test_a_daughters_voice_arriving_as_staff_resolve_the_call_is_not_lost(people, app, monkeypatch):
    wangli, _ = await his_open_call(people, app)
    li, store = people("李社工"), app.svc.store
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    rid, active, hooked = await store.resident_id_by_phone("13900000002"), store.active_incident, []

    async def resolved_meanwhile(who):  # her voice found his call open; staff close it at that very moment
        n = await active(who)
        if who == rid and not hooked:
            hooked.append(n)
            await li.click(li.last("结果是"), "已处理")
        return n

    monkeypatch.setattr(store, "active_incident", resolved_meanwhile)
    await wangli.send_kind("voice")
    assert hooked == [1] and (await store.incident(1))["status"] == "resolved"
    # her voice is on an open call staff are alerted to, and she hears how that one ends
    [n] = await store.open_incident_ids()
    assert wangli.id in (await store.incident(n))["family_chats"]
    await li.click(li.last("紧急联系人发来语音"), "已听")
    assert any("李社工" in t and "听过" in t for t in wangli.texts())
