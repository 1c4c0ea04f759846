"""One open call per resident, when two calls come at the same moment, against the real Redis. A request read "is a
call of his open?" (no), and only then stored its own: a 🆘 stored in between (the fast lane runs before the
resident's lock), or his daughter's cry at the same moment, left two calls about one man — two packets, two staff
who could each claim one. Now the store opens a call only if none of his is open, in one step; the one that comes
second joins the call that is open (raised to an emergency, or on its timeline), and no cry is lost."""
import asyncio
import contextlib

from conftest import signed_up


def stale_check(monkeypatch, store, rid: str, meanwhile) -> list:
    """The first "is a call of his open?" that finds none answers only once `meanwhile()` (another call, stored at
    that moment) has run: as if the other call came just after the check."""
    active, hooked = store.active_incident, []

    async def looked(who):
        n = await active(who)
        if who == rid and n is None and not hooked:
            hooked.append(asyncio.current_task())
            await meanwhile()
        return n

    monkeypatch.setattr(store, "active_incident", looked)
    return hooked


async def stored(store, rid: str) -> None:
    """Waits (up to 2 s) until a call of the resident is stored."""
    with contextlib.suppress(TimeoutError):
        async with asyncio.timeout(2):
            while not await store.r.get(store.keys.active_incident(rid)):
                await asyncio.sleep(0.01)


async def at_once(people, app, monkeypatch, first: tuple[str, str], meanwhile: tuple[str, str]) -> dict:
    """王老伯 (and his daughter 王丽) signed up; `first` (who, words) is sent, and `meanwhile` stored just after its
    "is a call of his open?" found none. Both answered; then his only call (#1), asserted to be the only one."""
    store = app.svc.store
    them = {"王老伯": await signed_up(people("王老伯"), "13900000002"),
            "王丽": await signed_up(people("王丽"), "13911110002")}
    rid, other = await store.resident_id_by_phone("13900000002"), []

    async def sent_meanwhile():  # stored at once (a 🆘's fast lane, another person's lock); its replies may wait
        other.append(asyncio.create_task(them[meanwhile[0]].send(meanwhile[1])))
        await stored(store, rid)

    hooked = stale_check(monkeypatch, store, rid, sent_meanwhile)
    await them[first[0]].send(first[1])
    await other[0]
    assert hooked
    assert await store.incident(2) is None  # one call, not two
    inc = await store.incident(1)
    assert inc["kind"] == "emergency" and inc["status"] == "open"
    return inc


async def test_sos_pressed_while_his_request_is_being_stored_makes_one_call(people, app, monkeypatch):
    await at_once(people, app, monkeypatch, ("王老伯", "马桶堵了"), ("王老伯", "🆘 紧急求助"))
    assert any("马桶堵了" in (e.get("words") or "") for e in await app.svc.store.timeline(1))  # the request not lost
    li = people("李社工")
    assert "马桶堵了" in li.last("马桶堵了").text and "#1" in li.last("马桶堵了").text
    assert "#2" not in "".join(li.texts())


async def test_his_daughters_cry_and_his_own_request_at_once_make_one_emergency(people, app, monkeypatch):
    inc = await at_once(people, app, monkeypatch, ("王老伯", "马桶堵了"), ("王丽", "救命 我爸爸摔倒了"))
    assert "摔倒" in inc["words"]  # her cry opened it
    assert any("马桶堵了" in (e.get("words") or "") for e in await app.svc.store.timeline(1))  # his request joined


async def test_his_request_stored_while_his_daughters_cry_is_being_stored_is_raised_not_doubled(people, app,
                                                                                                 monkeypatch):
    inc = await at_once(people, app, monkeypatch, ("王丽", "救命 我爸爸摔倒了"), ("王老伯", "马桶堵了"))
    assert "升级为紧急" in people("李社工").last("升级为紧急").text  # his request, raised by her cry
    wangli = people("王丽")
    assert "王老伯" in wangli.last("王老伯").text and wangli.id in inc["family_chats"]  # told, and hears how it ends


async def test_his_sos_stored_while_his_daughters_cry_is_being_stored_takes_her_cry_on(people, app, monkeypatch):
    await at_once(people, app, monkeypatch, ("王丽", "救命 我爸爸摔倒了"), ("王老伯", "🆘 紧急求助"))
    assert any("摔倒" in (e.get("words") or "") for e in await app.svc.store.timeline(1))  # her cry, on his call
    assert "#2" not in "".join(people("李社工").texts())
