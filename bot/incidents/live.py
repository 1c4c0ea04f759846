"""A live location shared while a call is open (an old man with dementia lost outside, someone fallen in the
street): Telegram sends each move as an edit of the location message (the core's "moved" event). The staff holding
the call (its claimer, or everyone alerted while nobody has claimed it) get one "📍 实时位置" message per chat,
edited in place as the position changes.

At most one update every LIVE_UPDATE_SECONDS per call, so a walk never floods a staff chat: the first move of an
interval goes at once, the later ones are only kept, and a deadline ("live:<n>") sends the latest when the interval
ends. The call keeps the latest position (the packet's 📍 line, with its time) and each update sent on its
timeline. With no open call (none, or resolved), from staff, a stranger or in a group, a move is dropped: nothing
stored, nobody told, no reply (a stopped live location never reaches here: bot/handlers/telegram_common.py).
"""
from __future__ import annotations

import logging

from .. import roster
from ..residents import full_address
from ..types import Inbound, MessageRef, Outbound
from .alerting import listeners
from .packet import NAME_CHARS, map_button
from ..textfit import clip

log = logging.getLogger(__name__)
LIVE_UPDATE_SECONDS = 30  # Telegram's pace for one chat, and more than enough to follow someone walking


def where(lat: float, lon: float) -> dict:
    return {"lat": f"{lat:.5f}", "lon": f"{lon:.5f}"}


class LiveLocation:
    """Incidents' part that follows a live location (a mixin of Incidents: self.svc, self.store)."""

    async def live_moved(self, ev: Inbound) -> list[Outbound]:
        """A live location's new position: kept on the sender's open call, and passed on now if this interval has
        not had its update yet. Never answered, never raised: a move lost is followed by the next one."""
        try:
            if ev.is_group or ev.latitude is None or ev.longitude is None:
                return []
            now = self.svc.clock.ts()
            for n, by in await self.open_calls_of(ev.user_id):  # a contact's, about two calls: both follow it
                live = {"lat": ev.latitude, "lon": ev.longitude, "at": now, "sent_at": ev.sent_at, **by}
                if not await self.store.keep_newest(n, "live", live):
                    continue  # an earlier move, handled after a later one (a backlog after a restart)
                if await self.store.repeat(f"l{n}", now, LIVE_UPDATE_SECONDS, f"live:{n}"):
                    await self._live_update(n)
        except Exception as e:  # storage away or a bug: nobody is waiting for an answer to a move
            log.warning("a live location's move was not passed on: %s", type(e).__name__)
        return []

    async def on_live_deadline(self, key: str) -> bool:
        """The interval ended: the latest position kept since its update goes, if there was a move (else done). A
        new interval starts with it, and its deadline is set here: a move while this update is on its way (a slow
        Telegram) finds the deadline still taken, and would otherwise be left behind."""
        n, now = int(key.split(":")[1]), self.svc.clock.ts()
        if not await self.store.take_repeats(f"l{n}", now):
            return True
        await self.store.set_deadline(key, now + LIVE_UPDATE_SECONDS)
        await self._live_update(n)
        await self.store.repeats_sent(f"l{n}")  # (a worker dying first: the next run sends the latest position)
        return False

    async def open_calls_of(self, tg: int) -> list[tuple[int, dict]]:
        """The open calls what a person sends belongs to (a live position, words typed during an outage), each with
        who sends it: a resident's own call; else the open calls of the residents a family contact (or doctor)
        looks out for, marked as hers — all of them when there are several: nothing says which, and a guess would
        leave the other call's staff unaware. Staff and strangers have none."""
        if roster.staff_by_tg(self.svc.settings, tg) is not None:
            return []
        if person := await self.store.resident_by_tg(tg):
            return [(n, {})] if (n := await self._open_call(person["id"])) else []
        account = await self.store.contact_account(tg)
        if not account:
            return []
        links = {link["rid"]: link for link in await self.store.contact_links_by_phone(account.get("phone", ""))}
        return [(n, {"by": link["name"] or account.get("name", ""), "relation": link["relation"]})
                for rid, link in links.items() if (n := await self._open_call(rid))]

    async def _open_call(self, rid: str) -> int | None:
        n = await self.store.active_incident(rid)
        inc = await self.store.incident(n) if n else None
        return n if inc and inc["status"] != "resolved" else None

    async def _live_update(self, n: int) -> None:
        """Each staff chat holding the call gets the latest position: its "📍 实时位置" message edited, or sent the
        first time (its id kept on the call); a message that cannot be edited any more is sent anew next time."""
        inc = await self.store.incident(n)
        live = inc and inc.get("live")
        if not live or inc["status"] == "resolved":
            return
        person = await self.store.resident(inc["resident"]) or {}
        kept: dict = inc.get("live_messages") or {}
        msgs = [Outbound(chat, live_text(self.svc, n, person, live, self.svc.staff_locale(chat)), tag=f"live:{n}",
                         buttons=((map_button(self.svc, (live["lat"], live["lon"]), self.svc.staff_locale(chat)),),),
                         edit=MessageRef(chat, kept[str(chat)]) if str(chat) in kept else None)
                for chat in await listeners(self.svc, inc)]
        results = await self.svc.outbox.send_all(msgs)
        for msg, res in zip(msgs, results):
            if res.ok and res.message_id:
                kept[str(msg.chat_id)] = res.message_id
            elif res.permanent:
                kept.pop(str(msg.chat_id), None)
        names = [st.name for msg, res in zip(msgs, results) if res.ok
                 for st in [roster.staff_by_tg(self.svc.settings, msg.chat_id)] if st]
        await self.store.step_incident(n, {"live_messages": kept}, {
            "at": self.svc.clock.ts(), "event": "live_location", **where(live["lat"], live["lon"]), "to": names})


    async def live_left(self, inc: dict, person: dict) -> list[Outbound]:
        """The "📍 实时位置" messages in chats that no longer hold the call (someone else claimed it, or it is
        resolved): their last position, marked as no longer updated, and not edited again (part of a refresh)."""
        kept: dict = inc.get("live_messages") or {}
        if not kept or not inc.get("live"):
            return []
        holding = set() if inc["status"] == "resolved" else set(await listeners(self.svc, inc))
        left = {chat: msg for chat, msg in kept.items() if int(chat) not in holding}
        if not left:
            return []
        await self.store.update_incident(inc["id"], live_messages={c: m for c, m in kept.items() if c not in left})
        claimer = roster.staff_by_id(self.svc.settings, inc.get("claimed_by") or "")
        where_last = (inc["live"]["lat"], inc["live"]["lon"])

        def text(chat: int) -> str:  # in her language
            loc = self.svc.staff_locale(chat)
            why = (self.svc.cat.t("live.stopped_resolved", loc) if inc["status"] == "resolved"
                   else self.svc.cat.t("live.stopped_claimed", loc, name=claimer.name if claimer else "?"))
            return live_text(self.svc, inc["id"], person, inc["live"], loc) + "\n" + why
        return [Outbound(int(chat), text(int(chat)), buttons=((map_button(self.svc, where_last, self.svc.staff_locale(
            int(chat))),),), edit=MessageRef(int(chat), msg), tag=f"live:{inc['id']}")  # where it was last
                for chat, msg in left.items()]


def live_text(svc, n: int, person: dict, live: dict, loc: str | None = None) -> str:
    """The "📍 实时位置" message (in `loc`): whose position, where, since when, beside the registered address."""
    t = lambda key, **kw: svc.cat.t(key, loc, **kw)  # noqa: E731
    address = full_address(svc.settings.community.address_prefix, person) or t("packet.no_address")
    name = clip(person.get("name", "?"), NAME_CHARS)
    lines = [t("live.title", n=n, name=name)]
    if live.get("by"):
        lines.append(t("live.shared_by", by=live["by"], relation=live.get("relation", "")))
    lines += [t("live.where", **where(live["lat"], live["lon"])),
              t("live.updated", time=svc.clock.local(live["at"]).strftime("%H:%M")),
              t("live.registered", address=address)]
    return "\n".join(lines)
