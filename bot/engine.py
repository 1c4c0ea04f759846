"""The one door every event goes through: lock the person, load their state, take one step, save, reply.

Scheduled events (escalations, check-ins) come through `tick`, under the same lock. Which code answers a button,
command or timer, and who may press it, each feature declares in its routes.py (bot/routes.py), not this module.
"""
from __future__ import annotations

import asyncio
import logging

from redis.exceptions import LockError, RedisError

from nlu.pinyin_typed import as_typed

from . import roster
from .fallback import MediaCap, fallback
from .flows import both, chat, resident
from .flows.base import Ctx
from .flows.menu import RESIDENT_MENU, STAFF_MENU, keyboard, menu_action, show_menu
from .flows.refused import refused_button
from .residents import ask_for_contact, on_stranger
from .incidents import address_steps, call_questions, family, help_request, staff, urgency
from .people import identify
from .routes import STAFF, Routes
from .services import Services
from .stopping import cancel_all
from .types import Inbound, Outbound

log = logging.getLogger(__name__)
STAFF_COMMANDS = {"open", "incident", "duty", "checkins", "questions"}  # staff's even where a feature is off
UNSUPPORTED = {"sticker", "file", "unsupported"}
LOCKED_RETRY_SECONDS = 2
TICK_WAIT_SECONDS = 5
CLOSE_SECONDS = 3  # at shutdown, what is under way gets this long to stop (a SIGTERM's grace is short)


class Engine:
    def __init__(self, svc: Services, routes: Routes) -> None:
        self.svc = svc
        self.routes = routes  # every feature's buttons, commands, timers and hooks (bot/app.py merges them)
        self.incidents = svc.incidents
        self._sos_labels = frozenset(svc.cat.all_values("menu.sos"))
        self._menu_labels = frozenset(label for row in (*RESIDENT_MENU, *STAFF_MENU) for key in row
                                      for label in svc.cat.all_values(key))
        self._ticking: set[str] = set()  # deadlines being handled (a slow one is not started twice)
        self._tick_tasks: set[asyncio.Task] = set()
        self._media_cap = MediaCap(svc.clock)  # a flood of voices while storage is away (in this process)

    async def settle(self, timeout: float) -> None:
        """At shutdown, before the channel closes: alerts and deadlines under way get up to `timeout` s to finish."""
        pending = [t for t in (*self._tick_tasks, *self.incidents.pending()) if not t.done()]
        if pending:
            await asyncio.wait(pending, timeout=timeout)

    async def close(self) -> None:
        """At shutdown: deadlines still running stop here (their lease brings them back after a restart),
        and so do alerts still on their way (the "first:n" safety net sends those)."""
        await cancel_all([*self._tick_tasks, *self.incidents.pending()], CLOSE_SECONDS)

    # --- the front door ------------------------------------------------------------------------
    async def handle(self, ev: Inbound, cried: str = "") -> list[Outbound]:
        """`cried`: the source of a cry already judged (a group's, handled here as if written in private)."""
        if ev.kind == "moved":  # a live location's move: no step and no reply (bot/incidents/live.py)
            return await self.incidents.live_moved(ev)
        if ev.kind in ("blocked", "unblocked"):  # the private chat blocked or taken back: nothing to reply to
            return await self.routes.on_member(self.svc, ev)
        ev = urgency.pinyin_as_words(ev)  # "wo shuai dao le": 我摔倒了, for every reader after this
        if ev.is_group:
            try:
                replies, private = await urgency.in_group(self.svc, ev)
            except Exception as e:  # storage or a bug: the group still gets 120, and a cry still reaches staff
                log.error("handling a group message failed: %s", type(e).__name__)
                return await self.fallback(ev)
            return replies + (await self.handle(private, cried="group" if private.text else "") if private else [])
        opened, alerting, source = None, None, ""
        ev = urgency.command_as_words(ev, self.routes, STAFF_COMMANDS)  # "/救命": her words, not "没有这个功能"
        try:
            source = cried or await self.cry_source(ev)
            if source:  # the fast lane: stored and alerted before this person's lock, session or replies
                words = (as_typed(ev.text.strip(), ev.typed) or "🆘") if source != "button" else "🆘"
                opened, alerting = await self.incidents.sos(ev.user_id, words=words, source=source)
                if opened.outcome == "redelivered":  # its update is another delivery's (bot/once.py): not twice
                    return []
            await self.svc.outbox.lanes.wait_turn()  # alerts in flight leave first (a 🆘's own is on its way)
            async with self.svc.store.kept_lock(f"user:{ev.user_id}"):
                me = await identify(self.svc, ev)
                ctx = Ctx(ev, me, await self.svc.store.session(ev.user_id), self.svc, cried=source)
                await urgency.drop_stale_step(ctx)
                if opened and opened.outcome != "not_resident" and me.role == "resident":
                    for hook in self.routes.activity:  # a sign of life, whatever else it is
                        await hook(ctx)
                    await urgency.after_cry(ctx, opened, alerting, source)
                else:
                    await self.step(ctx)
                await both.ask_if_unsure(ctx)  # after her reply (and a cry's alert): [中文] [English], once
                urgency.stamp(ctx)
                await self.svc.store.save_session(ev.user_id, ctx.session)
            # after the lock: a reply waiting for Telegram's pace keeps nobody's next press waiting
            for reply in ctx.replies:  # in order: they read as one conversation
                await self.svc.outbox.send(reply)
            return ctx.replies
        except (RedisError, LockError, OSError) as e:
            log.error("storage failed while handling an event: %s", type(e).__name__)
            return await self.fallback(ev, alerted=_went_out(alerting), cried=bool(source))
        except Exception:
            log.exception("unexpected error while handling an event")
            return await self.fallback(ev, alerted=_went_out(alerting), cried=bool(source))

    async def cry_source(self, ev: Inbound) -> str:
        """"button" for the 🆘, "text" for words that call for help (any step, any kind of message), else "".
        Staff are never a resident calling."""
        if self.is_sos(ev):
            return "button"
        if roster.staff_by_tg(self.svc.settings, ev.user_id) is None and await urgency.typed_cry(
                self.svc, ev, self._menu_labels):
            return "text"
        return ""

    def is_sos(self, ev: Inbound) -> bool:
        """The 🆘 menu button (any language) or the inline 🆘: no reading needed, it goes the fast lane."""
        if ev.kind == "text":
            if ev.text.strip() not in self._sos_labels:
                return False
        elif not (ev.kind == "button" and ev.data == "sos:go"):
            return False
        return roster.staff_by_tg(self.svc.settings, ev.user_id) is None

    async def fallback(self, ev: Inbound, alerted: bool = False, cried: bool = False) -> list[Outbound]:
        return await fallback(self.svc, ev, sos=self.is_sos(ev), alerted=alerted, cried=cried, cap=self._media_cap)

    # --- one step ------------------------------------------------------------------------------
    async def step(self, ctx: Ctx) -> None:
        ev, me = ctx.ev, ctx.me
        if me.role == "staff" and await staff.cried(ctx):
            return  # her cry, in any form, before any step: never a note, an answer or a notice
        ctx.on_call = await urgency.open_emergency(ctx)  # her words on her open 🆘: the call's, before any hook's
        if me.role in ("resident", "staff") and any([await hook(ctx) for hook in self.routes.activity]):
            return  # every hook sees every event; one answered it (a typed reply to today's check-in; staff: her own)
        if me.role == "staff" and await self.on_staff_input(ctx):
            return
        if me.role in ("contact", "stranger") and ctx.cried and ev.kind in ("text", "edited"):  # edited, over-long:
            await (family.on_message(ctx) if me.role == "contact" else on_stranger(ctx))  # still a cry
            return
        if ev.kind in UNSUPPORTED or ev.kind == "edited":
            if not await help_request.sticker_on_call(ctx):  # a sticker on her open emergency: to staff
                show_menu(ctx, "bad.edited" if ev.kind == "edited" else f"bad.{ev.kind}")
            return
        if ev.kind in ("text", "command") and len(ev.text) > self.svc.settings.telegram.max_text_length:
            await chat.too_long(ctx)  # a resident's minutes of voice input reach a person; the rest hear the limit
            return
        if ev.kind == "command":
            await self.on_command(ctx)
        elif ev.kind == "button":
            await self.on_button(ctx)
        elif me.role == "stranger":
            await on_stranger(ctx)  # written down, then sign-up; a cry, a voice or a photo reaches staff too
        elif ev.kind == "contact":  # theirs again: signed up already; a resident's of someone else: to staff
            await help_request.card_shared(ctx)
        elif me.role == "resident":
            await self.on_resident(ctx)
        elif me.role == "staff":
            await self.on_staff(ctx)
        else:
            await family.on_message(ctx)  # a family contact or doctor: the committee's phone, or a cry for help

    async def on_resident(self, ctx: Ctx) -> None:
        ev = ctx.ev
        flow, step = ctx.step
        n = ctx.session.get("incident")
        if ev.kind == "text":
            await resident.on_text(ctx)
        elif ev.kind == "location" and flow == "help" and n and not ev.group_id:  # a group's pin is no answer
            await address_steps.on_address_location(ctx, n)
        elif ev.kind in ("voice", "photo", "location"):
            active = await self.svc.store.active_incident(ctx.me.resident_id or "")
            if active:  # to whoever holds it, and the question it came to again
                await call_questions.media_on_call(ctx, active)
            else:
                await help_request.report_media(ctx)

    async def on_staff(self, ctx: Ctx) -> None:
        if ctx.ev.kind == "text":
            key = menu_action(ctx, ctx.ev.text)
            if key:
                await self.run_staff_command(ctx, key.split(".")[1], "")
                return
            if route := self.routes.step(*ctx.step):  # the answer to what a step asked (an outcome's note …)
                await route.handler(ctx, ctx.ev.text.strip())
                return
        await staff.on_free_text(ctx)  # a colleague's own cry for help, or the menu hint

    async def on_staff_input(self, ctx: Ctx) -> bool:
        """A staff member's document, or their next answer in a flow a feature module owns (composing a notice).
        A menu button always wins over the flow."""
        ev = ctx.ev
        key = "file" if ev.kind == "file" else ctx.step[0] if ev.kind in ("text", "photo") else None
        route = self.routes.staff_input(key)
        if route is None or (ev.kind == "text" and menu_action(ctx, ev.text)):
            return False
        await route.handler(ctx)
        return True

    # --- commands ------------------------------------------------------------------------------
    async def on_command(self, ctx: Ctx) -> None:
        name, _, arg = ctx.ev.text.lstrip("/").partition(" ")
        name = name.split("@")[0].lower()
        if name in ("start", "menu", "cancel"):
            ctx.goto(None)
            if ctx.me.role == "stranger":
                await (on_stranger(ctx) if name != "start" else ask_for_contact(ctx))
            else:  # in both, and [中文] [English], when only her profile says her language (flows/both.py)
                ctx.say(both.t_both(ctx, "menu.welcome_back", name=ctx.me.name), keyboard=keyboard(ctx))
                await both.offer_choice(ctx, again=name == "start")
        elif name == "help":
            show_menu(ctx, f"help_text.{ctx.me.role}")
        elif name in ("lang", "language"):
            await both.on_command(ctx, arg)  # [中文] [English], or the one named: hers, nothing else changes it
        elif (route := self.routes.command(name)) or name in STAFF_COMMANDS:
            if ctx.me.role not in (route.roles if route else STAFF):
                show_menu(ctx, "bad.staff_only") if ctx.me.role != "stranger" else await ask_for_contact(ctx)
                return
            await self.run_staff_command(ctx, name, arg)
        else:
            show_menu(ctx, "bad.unknown_command") if ctx.me.role != "stranger" else await ask_for_contact(ctx)

    async def run_staff_command(self, ctx: Ctx, name: str, arg: str) -> None:
        ctx.goto(None)
        if route := self.routes.command(name):
            await route.handler(ctx, arg)
        else:
            show_menu(ctx, "staff.not_enabled")

    # --- buttons: the feature whose table claims the prefix answers, if the presser's role may press it -------
    async def on_button(self, ctx: Ctx) -> None:
        prefix, *args = ctx.ev.data.split(":")
        route = self.routes.button(prefix)
        try:
            if route and ctx.me.role in route.roles and (given := route.arguments(args)) is not None \
                    and await route.handler(ctx, *given) is not False:
                return
        except LockError:  # (a ValueError too) the call's lock held past its wait: "may not be recorded", never stale
            raise
        except ValueError:
            pass  # forged numbers
        await refused_button(ctx, route)

    # --- timers ----------------------------------------------------------------------------------
    async def tick(self, limit: int = 200) -> int:
        """Runs every due deadline once. Called when one is due (the scheduler's wake-up job reads the earliest).

        Deadlines of different incidents (or residents) run side by side, each one's in turn (owed packets last),
        and the tick waits for them at most TICK_WAIT_SECONDS: when Telegram's pace holds their messages back (a
        mass event), the next tick still finds what has come due since."""
        due = [key for key in await self.svc.store.take_due(self.svc.clock.ts(), limit=limit)
               if key not in self._ticking]
        if not due:
            return 0
        self._ticking.update(due)
        before = set(self.incidents.pending())
        by_subject: dict[str, list[str]] = {}
        for key in due:  # "esc:42:1", "addr:42": the part after the kind names whose deadline it is
            by_subject.setdefault(key.split(":")[1] if ":" in key else key, []).append(key)
        running = [asyncio.ensure_future(self._deadlines(keys)) for keys in by_subject.values()]
        self._tick_tasks.update(running)
        for task in running:
            task.add_done_callback(self._tick_tasks.discard)
        until = asyncio.get_running_loop().time() + TICK_WAIT_SECONDS
        await asyncio.wait(running, timeout=TICK_WAIT_SECONDS)
        started = [t for t in self.incidents.pending() if t not in before]  # e.g. the edits that followed
        if started and (left := until - asyncio.get_running_loop().time()) > 0:
            await asyncio.wait(started, timeout=left)
        return len(due)

    async def _deadlines(self, keys: list[str]) -> None:
        # in turn, alerts first: owed packets waiting on a slow chat never hold back a call's escalation
        for key in sorted(keys, key=lambda k: getattr(self.routes.timer(k.split(":", 1)[0]), "catch_up", False)):
            await self._deadline(key)

    async def _deadline(self, key: str) -> None:
        store = self.svc.store
        kind = key.split(":", 1)[0]
        try:
            route = self.routes.timer(kind)
            if route is None:
                raise LookupError(f"no feature declares the timer {kind!r}")
            if await route.handler(key):
                await store.cancel_deadline(key)
        except LockError:
            # someone else is working on it (or a crashed process left its lock): try again shortly
            await store.set_deadline(key, self.svc.clock.ts() + LOCKED_RETRY_SECONDS)
        except Exception:
            log.exception("deadline %s failed; %s", kind, await store.fires_again(key, self.svc.clock.ts()))
        finally:
            self._ticking.discard(key)


def _went_out(alerting: asyncio.Future | None) -> bool:
    """Whether a fast-lane alert has reached staff (then the fallback need not alert them again)."""
    return bool(alerting and alerting.done() and not alerting.cancelled() and alerting.exception() is None)
