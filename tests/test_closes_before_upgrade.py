"""A resident's last closed calls are kept in lists the close writes (`resident:{rid}:closes`, and her last close for
an hour): "还没人来啊" after his emergency was closed, "他又打来了" after her scam call, and "⚠️ 10分钟前刚处理完 #1" on
a new call read them. A call closed by the version before those lists existed wrote neither, so after the upgrade
his "还没人来啊" twenty minutes after staff closed his 🆘 was no cry, and a 🆘 then said nothing of the call just
closed. Now the first start of the new version fills them once from the incident records closed lately."""
from __future__ import annotations

from test_family_cry_named_to_staff import his_confirmed_call
from test_past_calls_read_cheaply import HUNG_UP, _closed, _people_of

from bot.testing.tools import Person
from conftest import signed_up


async def _as_before_the_lists(app, phone: str) -> None:
    """What the version before wrote at a close: the incident record only (and it never filled the lists)."""
    store = app.svc.store
    rid = await store.resident_id_by_phone(phone)
    await store.r.delete(store.keys.recent_closes(rid), store.keys.last_closed(rid), store.keys.closes_filled())


async def test_nobody_came_after_a_call_closed_before_the_upgrade_is_still_his_emergency(make_app, clock):
    old = await make_app()
    li = Person(old, 1001, "李社工")
    await his_confirmed_call(_people_of(old), clock)
    await _closed(li, 1, "✅ 已处理")
    await _as_before_the_lists(old, "13900000002")
    clock.advance(minutes=20)
    new = await make_app(prefix_=old.settings.redis.prefix, messenger=old.svc.outbox.messenger)  # the upgrade
    wang, li = _people_of(new)("王老伯"), Person(new, 1001, "李社工")
    seen = len(li.texts())
    await wang.send("还没人来啊")
    told = li.texts()[seen:]
    assert any("紧急求助 #2" in t and "还没人来啊" in t for t in told), told
    assert any("刚处理完 #1" in t for t in told), told


async def test_the_scammer_ringing_again_after_a_call_closed_before_the_upgrade(make_app, clock):
    old = await make_app()
    wang = await signed_up(_people_of(old)("王老伯"), "13900000002")
    await wang.send(HUNG_UP)
    await _closed(Person(old, 1001, "李社工"), 1, "✅ 已处理")
    await _as_before_the_lists(old, "13900000002")
    clock.advance(hours=3)
    new = await make_app(prefix_=old.settings.redis.prefix, messenger=old.svc.outbox.messenger)
    wang = _people_of(new)("王老伯")
    seen = len(wang.texts())
    await wang.send("他又打来了")
    said = "\n".join(wang.texts()[seen:])
    assert "不要转账" in said and "挂掉电话" in said, said
