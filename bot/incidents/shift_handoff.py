"""The staff member on duty says she cannot do it ("我今天请假", "我发烧了，今天值不了班", "谁帮我顶一下班"): every other
staff member the bot can reach, the head too, is asked with one tap [🙋 我来值班] (`cover:<ask>`,
bot/flows/staff_views.py) — and she is told so; until someone takes it, calls still reach her first. Whoever takes a
duty over, from here or from /duty, is on duty at once INSTEAD of them — the one who asked (from here), everyone on
duty (from /duty); never one more phone beside hers, and never her shift partner too (store/cover.py take_duty) — and
those it was taken from are told (`taken_from`): their alerts stop, and they should know. ↩️ 交还值班 gives a duty
taken back to the roster, never to someone on leave (`hand_back`): with nobody else on duty then, she keeps it and
reads why, with one tap to ask her colleagues.
The ask has one taker (bot/store/cover.py): once taken, the others' asks say who
took it (no button left), and a tap on an old one says who has it and takes nothing. Words about another day
("明天我休息") ask nobody: the duty view, as before.
"""
from __future__ import annotations

import re
from functools import partial

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..types import Button, MessageRef, Outbound
from .held_calls import held_by
from .packet import called_name, tappable

CANNOT = re.compile(r"请假|值不了|来不了|(顶|代|替|换)(一下|个)?班|我(今天|今晚|下午|上午|现在)?(要)?休息"
                    r"|(今天|今晚|下午|上午|现在)我(要)?休息|\bday off\b|\bcan'?t (do|take) (the |my |this )?(shift|duty)\b",
                    re.I)
ANOTHER_DAY = re.compile(r"明天|后天|下(个)?(周|礼拜|星期)|(周|星期|礼拜)[一二三四五六日天]|\btomorrow\b|\bnext\b", re.I)


async def ask_cover(ctx: Ctx, text: str) -> bool:
    """Her colleagues asked to take her duty over; False when she is not on duty now or the words are not that."""
    if not CANNOT.search(text) or ANOTHER_DAY.search(text):
        return False
    return await _ask(ctx, "shift.ask_cover", name=ctx.me.name, words=text.strip()[:100])


async def ask_cover_tapped(ctx: Ctx) -> None:
    """[🕒 请同事接班] under "值班还在您这里": her colleagues asked as her words would have."""
    if not await _ask(ctx, "shift.ask_cover_back", name=ctx.me.name):
        ctx.say(ctx.t("shift.not_on_duty"))


async def _ask(ctx: Ctx, key: str, **kw) -> bool:
    """The ask (`key`) with [🙋 我来值班] to every colleague the bot can reach and who is not on leave, the head too,
    each in her language."""
    svc = ctx.svc
    me = roster.staff_by_id(svc.settings, ctx.me.staff_id)
    if me is None or me.id not in {st.id for st in await roster.reachable_on_duty(svc)}:
        return False
    gone = roster.away(await svc.store.duty_overrides(), svc.clock.ts())
    cannot, rid = await roster.unreachable(svc), await svc.store.open_cover(me.id)
    sent = []
    for st in svc.settings.staff:
        if st.id != me.id and st.id not in cannot and gone.get(st.id) != "leave" and st.telegram_id:
            take = Button(staff_langs.t(svc, st.telegram_id, "btn.duty_take"), f"cover:{rid}")
            res = await svc.outbox.send(Outbound(st.telegram_id, staff_langs.t(svc, st.telegram_id, key, **kw),
                                                 buttons=((take,),), tag=f"shift:{me.id}"))
            sent += [(st.telegram_id, res.message_id)] if res.ok and res.message_id else []
    await svc.store.cover_sent(rid, sent)
    if sent:
        ctx.say(ctx.t("shift.asked"))
    else:  # nobody could be asked: never "已经请同事接班" — she would wait for a taker who never comes
        ctx.say(ctx.t("shift.asked_nobody", phones="\n".join(f"☎️ {st.name}：{tappable(st.phone)}" for st in
                                                            svc.settings.staff
                                                            if st.id != me.id and gone.get(st.id) != "leave")))
    return True


async def take_over(svc, me, rid: int | None) -> None:
    """`me` on duty for 12 hours instead of the one who asked (`rid`: her ask), or of everyone on duty (from /duty);
    those it was taken from hear it."""
    before, now = await roster.reachable_on_duty(svc), svc.clock.now()
    asker = (await svc.store.cover(rid)).get("asker") if rid is not None else None  # "我今天请假": hers alone
    replaced = [asker] if asker else [st.id for st in roster.on_duty(svc.settings, now, await svc.store.duty_overrides())]
    await svc.store.take_duty(me.id, now.timestamp() + 12 * 3600, replaced, leave=bool(asker))
    await taken_from(svc, me, [st for st in before if st.id in replaced], rid)  # their alerts stop: they are told
    if who := roster.staff_by_id(svc.settings, asker):
        await still_held(svc, who, me)


async def still_held(svc, asker, taker, theirs: str = "shift.held_theirs", held: list[dict] | None = None) -> None:
    """The calls the one going on leave (or off at her shift's end: `theirs`, what the taker reads) still holds stay
    hers (taking a duty moves no call): she reads each (`held`: those, if not all she holds), with 🔁 转交, and the
    taker that she holds them — never a call that waits, unknown, for the no-arrival alarm."""
    held = await held_by(svc, asker.id) if held is None else held
    if not held or taker.id == asker.id:
        return
    people = {inc["id"]: called_name(svc, inc, await svc.store.resident(inc.get("resident"))) for inc in held}
    calls = "、".join(f"#{n} {name}" for n, name in people.items())
    mine = partial(staff_langs.t, svc, asker.telegram_id)
    await svc.outbox.send_all([
        Outbound(asker.telegram_id, mine("shift.held_yours", calls=calls, name=taker.name), tag="shift",
                 buttons=tuple((Button(mine("shift.btn_hand_over", n=n), f"inc:handover:{n}"),) for n in people)),
        Outbound(taker.telegram_id, staff_langs.t(svc, taker.telegram_id, theirs, calls=calls,
                                                  name=asker.name), tag="shift")])


async def hand_back(svc, me) -> tuple[str, bool]:
    """↩️ 交还值班: the duty `me` took over goes back to the roster — never to someone on leave — and whoever is on duty
    again is told (she read her alerts had stopped). (who is on leave, given):
    given False when she stays on duty — nobody else would be on it then, or the roster itself puts her on it ("" on
    leave) — ("", True) when she is not on duty at all."""
    overrides, now = await svc.store.duty_overrides(), svc.clock.now()
    ts = now.timestamp()
    if overrides.get(me.id, 0) <= ts:  # on duty by the roster (or not at all): nothing taken to give back
        return "", me.id not in {st.id for st in roster.scheduled(svc.settings, now, overrides)}
    after = {k: v for k, v in overrides.items() if k != me.id}
    relieved_back = not any(":" not in k and v > ts for k, v in after.items())  # nobody else took it: the roster's
    if relieved_back:
        after = {k: v for k, v in after.items() if not k.startswith("off:")}
    gone = roster.away(after, ts)
    on_leave = "、".join(st.name for st in roster.rostered(svc.settings, now) if gone.get(st.id) == "leave")
    duty = roster.scheduled(svc.settings, now, after)
    if on_leave and not duty:
        return on_leave, False
    await svc.store.give_back_duty(me.id, relieved_back=relieved_back)
    before = {st.id for st in roster.scheduled(svc.settings, now, overrides)}
    cannot = await roster.unreachable(svc)
    await svc.outbox.send_all([Outbound(st.telegram_id, staff_langs.t(svc, st.telegram_id, "shift.back_to_you",
                                                                      name=me.name), tag="shift")
                               for st in duty if st.id not in before and st.id not in cannot and st.telegram_id])
    return on_leave, True


async def took_first(svc, rid: int, taker) -> str | None:
    """None when `taker` is the one who takes ask `rid`; else the name of whoever took it first ("" if nobody
    knows: an ask not kept)."""
    first = await svc.store.take_cover(rid, taker.id)
    if first is None:
        return None
    return getattr(roster.staff_by_id(svc.settings, first), "name", "")


async def taken_from(svc, taker, before: list, rid: int | None = None) -> None:
    """`taker` took the duty over (`rid`: by tapping that ask): those on duty `before` (but the taker) hear who has
    it now, and each ask of theirs still open says who took it, to everyone it went to (the taker's own: her tap's
    answer)."""
    for st in before:
        if st.id != taker.id and st.telegram_id:
            await svc.outbox.send(Outbound(st.telegram_id, staff_langs.t(svc, st.telegram_id, "shift.taken",
                                                                         name=taker.name), tag="shift"))
        ask = await svc.store.open_cover_of(st.id) if st.id != taker.id else None
        if ask and await took_first(svc, ask, taker) is None:
            await _asks_closed(svc, ask, taker)
    if rid is not None:
        await _asks_closed(svc, rid, taker)


async def _asks_closed(svc, rid: int, taker) -> None:
    ask = await svc.store.cover(rid)
    asker = roster.staff_by_id(svc.settings, ask.get("asker"))
    kw = dict(taker=taker.name, name=getattr(asker, "name", ""))
    await svc.outbox.send_all([Outbound(chat, staff_langs.t(svc, chat, "shift.covered", **kw), edit=MessageRef(chat, msg),
                                        tag="shift")
                               for chat, msg in ask["messages"] if chat != taker.telegram_id])
