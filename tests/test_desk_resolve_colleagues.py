"""The desk's ✅ 已解决 goes through the chat's own outcome step (bot/incidents/outcome_ask.py): the Now page names who
holds each call, so its form says whom it showed, and closes a colleague's call as before; a form from a page
shown before the colleague took it (or one without that field) closes nothing and says whose call it is."""
from test_desk_pages import _call, desk  # noqa: F401  (the fixture)


async def test_the_desk_closes_a_colleagues_call_it_showed_and_asks_when_it_showed_nobodys(desk, app, people):  # noqa: F811
    _, n = await _call(people, app)
    stale = await (await desk.get("/")).text()  # nobody's yet
    assert 'name="held" value=""' in stale
    await people("王社工").press_data(0, f"inc:claim:{n}")
    assert (await app.svc.store.incident(n))["claimed_by"] == "wang"
    resp = await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "handled", "held": ""},
                           headers={"HX-Request": "true"})
    said = await resp.text()
    assert "王社工" in said and "13800000002" in said and (await app.svc.store.incident(n))["status"] == "claimed"
    page = await (await desk.get("/")).text()
    assert 'name="held" value="wang"' in page
    await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "handled", "held": "wang"},
                    headers={"HX-Request": "true"})
    assert (await app.svc.store.incident(n))["status"] == "resolved"
