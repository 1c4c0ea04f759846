"""Sending a notice to many residents at the lowest priority, the 👌 acknowledgements, and the follow-up list.

Record, then act: the notice and the residents still to send to live in Redis before anything is sent; each
resident leaves that list once their outcome (sent, blocked, failed, not started) is recorded. The drain starts at
once and holds a deadline ("notice:n<n>") as its lease, renewed with each resident it sends to and every
RENEW_SECONDS, so no other worker takes over a long drain: after a crash the engine's tick (in any worker) finds it
run out and the drain resumes where it stopped, under a new drainer; a drain taken over that way (its worker stalled
past the lease) stops before its next send. Every message goes out as `bulk`: the outbox's limiter serves it after
every alert, reply and other message, inside Telegram's limits, so a notice to 10,000 never holds up an alert.
"""
from __future__ import annotations

import asyncio
import logging
import uuid
from collections import deque

from .. import roster
from ..renewing import Renewing
from ..residents import full_address
from ..types import Button, Outbound

log = logging.getLogger(__name__)
IN_FLIGHT = 30      # sends waiting for the limiter at once: about one second of Telegram's overall budget
LEASE_SECONDS = 60  # a drain that stops (a crash) is resumed by the tick after this
RENEW_SECONDS = 15  # a drain renews its lease this often (real time) even while no send ends (bulk waits behind alerts)
LISTED = 40         # people named in a follow-up message; the rest are counted (all of them become visit tasks)
NOT_REACHED = ("blocked", "failed", "not_started")
DECEASED = "deceased"  # a death staff confirmed (the register's mark): never sent, and no failure either


class Notices:
    def __init__(self, svc) -> None:
        self.svc, self.store = svc, svc.store
        self.running: dict[int, asyncio.Task] = {}

    async def start(self, *, by: str, by_chat: int, audience: str, rids: list[str], text: str = "",
                    template: str = "", photo: str | None = None, hours: float = 24) -> int:
        """Stores the notice and whom it goes to, then starts sending. Returns its number."""
        now = self.svc.clock.ts()
        n = await self.store.create_notice({"by": by, "by_chat": by_chat, "audience": audience, "text": text,
                                            "template": template, "photo": photo, "hours": hours, "created": now,
                                            "count": len(rids)}, rids)
        await self.store.set_deadline(f"notice:n{n}", now + LEASE_SECONDS)
        self._drain_soon(n)
        log.info("notice %s started for %s residents", n, len(rids))
        return n

    def _drain_soon(self, n: int) -> None:
        if n not in self.running or self.running[n].done():
            self.running[n] = asyncio.ensure_future(self.drain(n))

    async def on_deadline(self, key: str) -> bool:
        """The tick: a drain's lease ran out (resume it unless it is running) or a follow-up is due."""
        kind, _, arg = key.partition(":")
        n = int(arg.lstrip("n"))
        if kind == "noticefu":
            await self.follow_up(n)
            return True
        self._drain_soon(n)
        return False  # the drain cancels its lease when it is done

    async def drain(self, n: int) -> None:
        notice = await self.store.notice(n)
        if notice is None:
            return
        me, lease = uuid.uuid4().hex, f"notice:n{n}"
        await self.store.drain_notice(n, me, lease, self.svc.clock.ts() + LEASE_SECONDS)
        todo = deque(await self.store.notice_todo(n))
        ours = asyncio.Event()
        ours.set()

        async def held(rid: str = "") -> int:
            """Renews the lease (0: another drainer has the notice now); with `rid`, whether to send it them."""
            got = await self.store.notice_drained(n, me, lease, self.svc.clock.ts() + LEASE_SECONDS, rid)
            if not got:
                ours.clear()
            return got

        async def sender() -> None:
            while todo and ours.is_set():
                rid = todo.popleft()
                if await held(rid) == 2:
                    await self.send_one(n, notice, rid)

        async def renew() -> bool:
            """Even while no send ends (every one waiting behind alerts)."""
            return bool(await held())

        async with Renewing(RENEW_SECONDS, renew, f"notice {n}"):
            await asyncio.gather(*(sender() for _ in range(IN_FLIGHT)))
        if not ours.is_set() or not await held():
            log.warning("notice %s: another worker took the drain over", n)
            return
        states = await self.store.notice_states(n)
        done = await self.store.notice(n) or {}
        if not done.get("finished"):
            await self.store.update_notice(n, finished=self.svc.clock.ts())
            await self.store.set_deadline(f"noticefu:n{n}", notice["created"] + notice["hours"] * 3600)
        if not done.get("finished_told"):  # else a resumed drain that found the work done (and its sender told)
            missed = sum(1 for s in states.values() if s in NOT_REACHED)
            dead = sum(1 for s in states.values() if s == DECEASED)
            def text(chat: int) -> str:  # in the sender's language
                loc = self.svc.staff_locale(chat)
                return self.svc.cat.t("notice.finished", loc, n=n, reached=len(states) - missed - dead, missed=missed,
                                      hours=_hours(notice["hours"])) + _deceased_line(self.svc.cat, dead, loc)
            await self.svc.outbox.send_all([roster.staff_line(self.svc, chat, text(chat))
                                            for chat in await self.senders(notice)])
            await self.store.update_notice(n, finished_told=True)
        await self.store.cancel_deadline(lease)  # the lease goes only now: a crash before leaves it to the tick

    async def send_one(self, n: int, notice: dict, rid: str) -> None:
        if await self.store.died(rid):  # confirmed since the notice was composed, too: his family reads his chat
            await self.store.notice_done(n, rid, DECEASED)
            return
        person = await self.store.resident(rid) or {}
        tg = person.get("tg_id")
        if not tg:
            await self.store.notice_done(n, rid, "not_started")
            return
        loc = await self.store.pref(tg, "locale") or self.svc.settings.locale
        result = await self.svc.outbox.send(resident_message(self.svc.cat, loc, n, notice, tg))
        state = "sent" if result.ok else "blocked" if result.permanent else "failed"
        await self.store.notice_done(n, rid, state)
        if result.ok:  # what she writes back until the follow-up counts as heard (compose.on_activity)
            hours = float(notice.get("hours") or 24) * 3600
            await self.store.notice_awaits(rid, n, float(notice.get("created") or self.svc.clock.ts()) + hours, hours)

    async def follow_up(self, n: int) -> None:
        """To the sender: who has not said 👌, and whom the bot could not reach, to phone or visit."""
        notice, states = await self.store.notice(n), await self.store.notice_states(n)
        if notice is None:
            return
        order = sorted(states, key=lambda rid: int(rid.lstrip("r")) if rid.lstrip("r").isdigit() else 0)
        silent = [rid for rid in order if states[rid] == "sent"]
        missed = [rid for rid in order if states[rid] in NOT_REACHED]
        people = {rid: await self.store.resident(rid) or {} for rid in (silent[:LISTED] + missed[:LISTED])}

        def said(chat: int) -> Outbound:  # in the sender's language
            loc = self.svc.staff_locale(chat)
            t = lambda key, **kw: self.svc.cat.t(key, loc, **kw)  # noqa: E731
            lines = [t("notice.followup", n=n, hours=_hours(notice["hours"]),
                       acked=sum(s == "ack" for s in states.values()), silent=len(silent), missed=len(missed))
                     + _deceased_line(self.svc.cat, sum(1 for s in states.values() if s == DECEASED), loc)]
            for title, rids in (("notice.followup_silent", silent), ("notice.followup_missed", missed)):
                lines += [t(title)] if rids else []
                lines += [t("notice.followup_row", name=people[rid].get("name", "?"),
                            phone=people[rid].get("phone", ""), address=full_address("", people[rid]),
                            why=t(f"notice.state_{states[rid]}"))
                          for rid in rids[:LISTED]]
                lines += [t("notice.followup_more", more=len(rids) - LISTED)] if len(rids) > LISTED else []
            buttons = ((Button(t("notice.btn_visits"), f"nt:v:{n}"),),) if silent or missed else ()
            return roster.staff_line(self.svc, chat, "\n".join(lines), buttons=buttons, tag=f"noticefu:{n}")
        await self.svc.outbox.send_all([said(chat) for chat in await self.senders(notice)])

    async def senders(self, notice: dict) -> list[int]:
        """Who hears how the notice went: its sender, unless they have left the staff list since (the list names
        residents and their phones) or are on leave now (its doors to phone or visit are work for the duty); then the
        staff on duty."""
        s, overrides = self.svc.settings, await self.store.duty_overrides()
        st = roster.staff_by_tg(s, notice["by_chat"])
        if st and roster.away(overrides, self.svc.clock.ts()).get(st.id) != "leave":
            return [notice["by_chat"]]
        return [st.telegram_id for st in roster.on_duty(s, self.svc.clock.now(), overrides)]

    async def not_acknowledged(self, n: int) -> list[str]:
        return sorted(rid for rid, s in (await self.store.notice_states(n)).items() if s not in ("ack", DECEASED))

    async def close(self) -> None:
        tasks = [t for t in self.running.values() if not t.done()]
        for t in tasks:
            t.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


def resident_message(cat, loc: str, n: int, notice: dict, chat: int) -> Outbound:
    text = cat.t(f"notice.tpl_{notice['template']}", loc) if notice.get("template") else notice["text"]
    return Outbound(chat, cat.t("notice.to_resident", loc, text=text),
                    buttons=((Button(cat.t("notice.btn_ack", loc), f"ntk:{n}"),),),
                    photo=notice.get("photo"), bulk=True, tag=f"notice:{n}")


def _deceased_line(cat, count: int, locale: str | None = None) -> str:
    return "\n" + cat.t("notice.deceased", locale, count=count) if count else ""


def _hours(h: float) -> str:
    return f"{h:g}"
