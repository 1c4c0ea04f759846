"""王老伯 asked for a plumber this morning (a request, not urgent). 王社工, passing by, finds him on the floor and types
"王老伯摔倒了 救命". Before, she read his request's line and 李社工 (on duty) got "📝 王社工说…" — the call stayed a
request, with a request's slow escalation, and no button raised it: only [🆘 为…发起紧急求助] does, and it is offered
only when he has no call open. Now his open request offers it too; one tap makes it an emergency, loudly."""
from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH


async def test_a_colleague_finding_him_fallen_raises_his_open_request_in_one_tap(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    li, wa = people("李社工"), people("王社工")
    await wang.send("我家水管坏了 请派人来修")
    assert (await app.svc.store.incident(1))["kind"] == "help"
    clock.advance(seconds=70)
    await wa.send("王老伯摔倒了 救命")
    offer = wa.inbox[-1]
    await wa.click(offer, "为王老伯发起紧急求助")
    inc = await app.svc.store.incident(1)
    assert inc["kind"] == "emergency" and inc["status"] != "resolved"
    assert "升级为紧急" in li.last("#1").text
    assert "升级为紧急" in wa.last("#1").text  # she reads it was raised
    assert await app.svc.store.open_incident_ids() == [1]  # his one call, raised — never a second


async def test_his_call_already_urgent_offers_no_raise(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wa = people("王社工")
    await wang.send("🆘 紧急求助")
    await wa.send("王老伯摔倒了 救命")
    assert not any("发起紧急求助" in label for label, _ in wa.inbox[-1].buttons)
