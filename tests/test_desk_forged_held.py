"""The desk's ✅ form carries `held`, whom the page showed holding the call, so a colleague's call closes only once
she has read whose it is. The server took the field at its word: a staff member who edits the form (or posts it
by hand) to name the holder closed a colleague's call the desk never showed her as taken. Now the server keeps
whom it showed each signed-in staff member holding each call; a `held` it never showed her changes nothing, and
the reply says why and whose call it is. Claim and arrive read nothing from the form: the record decides."""
from test_desk_pages import _call, desk  # noqa: F401  (the fixture)

HX = {"HX-Request": "true"}


async def test_a_forged_held_on_a_colleagues_call_closes_nothing_and_says_why(desk, app, people):  # noqa: F811
    _, n = await _call(people, app)
    await desk.get("/")  # the page shows it nobody's
    await people("王社工").press_data(0, f"inc:claim:{n}")
    resp = await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "handled", "held": "wang"},
                           headers=HX)
    said = await resp.text()
    assert (await app.svc.store.incident(n))["status"] == "claimed"
    assert "王社工" in said and "13800000002" in said  # whose it is
    assert "页面没有显示" in said  # and why the field was not taken


async def test_a_forged_held_posted_without_ever_opening_the_page_closes_nothing(desk, app, people):  # noqa: F811
    _, n = await _call(people, app)
    await people("王社工").press_data(0, f"inc:claim:{n}")
    await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "false_alarm", "held": "wang"},
                    headers=HX)
    assert (await app.svc.store.incident(n))["status"] == "claimed"


async def test_the_held_the_page_showed_still_closes_a_colleagues_call(desk, app, people):  # noqa: F811  guard
    _, n = await _call(people, app)
    await people("王社工").press_data(0, f"inc:claim:{n}")
    await desk.get(f"/incident/{n}")  # her page names 王社工
    await desk.post(f"/incident/{n}/resolve", data={"csrf": desk.csrf, "outcome": "handled", "held": "wang"},
                    headers=HX)
    assert (await app.svc.store.incident(n))["status"] == "resolved"


async def test_a_claim_posted_for_a_colleagues_call_changes_nothing_whatever_the_form_says(desk, app, people):  # noqa: F811
    _, n = await _call(people, app)
    await people("王社工").press_data(0, f"inc:claim:{n}")
    resp = await desk.post(f"/incident/{n}/claim", data={"csrf": desk.csrf, "held": "", "claimed_by": "li"},
                           headers=HX)
    assert "王社工" in await resp.text()
    assert (await app.svc.store.incident(n))["claimed_by"] == "wang"
