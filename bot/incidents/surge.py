"""Many calls at once in one committee (a fire, a gas leak in one block, a lift stuck with people inside, a heat wave
with a power cut): one on-duty phone cannot take twenty calls, and her chat is the bottleneck.

Once `escalation.surge.calls` calls nobody has claimed were made within `escalation.surge.window_minutes`, every staff
member of the committee and the head get one line saying so — with the building, 119 and the property manager when
the calls share one — then each call with its own claim button (a digest, each packet following: rounds.py), not
waiting for the escalation timers. While calls keep coming (each within the window of the one before) the surge goes
on: each new call reaches everyone at once, with no second line. A claim is as ever (one wins, the other hears who
has it); family and doctors keep each call's timers. Calls made during a Redis outage count once they are stored
(the fallback alerted everyone, but with no claim button). Each call told so is marked (the desk shows it) and its
timeline says so. What counts is people in trouble, not calls: a doctor's cry about "my patient" before she said
which, when each patient it may be has a call of her own, is no one more.

A failover must not lose the line: a round trip that fails still looks, a look that fails is tried again
(LOOK_TRIES, in this process; so is a call's look at who has it already, before it goes to everyone), and a surge starting records its line as owed to each staff chat before it is sent;
a timer ("srg:<id>", any worker's) sends it again to the chats Telegram did not take it from (a 502, a crash just
after the step), every LINE_RETRY_SECONDS for LINE_RETRY_FOR.
"""
from __future__ import annotations

import asyncio
import contextvars
import json
import logging
from collections import Counter

from . import on_leave
from ..residents import format_parts
from ..types import Outbound

log = logging.getLogger(__name__)
EVERYONE = ["all_staff", "head"]
# what a look reads and marks must come within this: a look Redis cannot answer (a failover under way) gives up, and
# the calls' escalation timers reach everyone as ever (a call marked but not sent on gets them too)
LOOK_SECONDS = 10
GATE_SECONDS = 1  # the one round trip after each call's first alert (bounded: a resident's reassurance waits for it)
LOOK_TRIES = 3  # looks at a burst's calls before the escalation timers are left to reach everyone
LOOK_RETRY_SECONDS = 2  # (times the tries so far) between them: a Sentinel failover takes seconds
LINE_RETRY_SECONDS = 15  # the surge line sent again to the chats that did not get it, this often ...
LINE_RETRY_FOR = 1800  # ... for this long
LEAVE_PAGED = "leave_paged"  # (in the kept line: the chats on leave it pages, each told why)


def counts(inc: dict) -> bool:
    """A call for help that one person must take on now: an emergency nobody has claimed (a colleague's own cry
    reaches everyone anyway). One made during a Redis outage too, once stored: the fallback's alert to everyone
    had no claim button. Not an unregistered stranger's: anyone can open three Telegram accounts, and their crowd
    is capped to spare staff (stranger_call.py); one naming a resident is that resident's call, and counts."""
    return (inc.get("kind") == "emergency" and inc.get("status") == "open" and not inc.get("claimed_by")
            and inc.get("source") != "stranger")


def people_in_trouble(calls: list[dict]) -> int:
    """How many people the calls are about: each resident once; a call not yet said about whom (a doctor's "my
    patient") only when someone it may be has no call of their own; one about someone unnamed, one each."""
    sure = {inc["resident"] for inc in calls if inc.get("resident")}
    maybe = [{c.get("rid") for c in inc.get("candidates") or ()} for inc in calls if not inc.get("resident")]
    return len(sure) + sum(1 for rids in maybe if not rids or not rids <= sure)


def shared_building(calls: list[dict], people: dict[str, dict]) -> tuple[int, str] | None:
    """(how many, which) of the calls are from the one building most of them are in, if two or more are."""
    where = Counter()
    for inc in calls:
        person = people.get(inc.get("resident")) or {}
        if person.get("building"):
            where[format_parts({k: person.get(k) for k in ("road", "lane", "building")})] += 1
    if not where:
        return None
    building, count = where.most_common(1)[0]
    return (count, building) if count >= 2 else None


class Surges:
    """A surge started, gone on with or none, after each new call's first alert (part of `Incidents`)."""

    async def surge_check(self, n: int) -> None:
        """After call `n`'s first alert is recorded: one round trip (at most GATE_SECONDS, so a failover under way
        holds up nobody's reassurance) says whether a surge may be on or start; only then are the calls read, in the
        background. A burst's calls are looked at together: one look at a time in this process, the calls alerted
        meanwhile in the next (each reads every call of the window, so one that found no answer is caught up)."""
        cfg = self.svc.settings.escalation.surge
        now = self.svc.clock.ts()
        try:
            async with asyncio.timeout(GATE_SECONDS):
                if not await self.store.surge_maybe(now, now - cfg.window_minutes * 60, cfg.calls):
                    return
        except Exception:  # never at the cost of the call's own alert: the look, in the background, reads them
            log.warning("incident %s: could not ask whether many calls came at once; looking", n)
        self._surge_new.add(n)
        if self._surge_looking is None or self._surge_looking.done():  # its own work, not that of the event (a call
            # replayed after an outage, whose messages to its caller are kept back) that happened to start it
            self._surge_looking = contextvars.Context().run(self.background, self._surge_looks())

    async def _surge_looks(self) -> None:
        tries = 0
        while self._surge_new:
            new, self._surge_new = self._surge_new, set()
            try:
                await self._surge_look(new)
                tries = 0
            except Exception as e:  # a Redis failover outlasting LOOK_SECONDS: looked at again
                tries += 1
                if tries >= LOOK_TRIES:  # the escalation timers still reach everyone
                    log.exception("could not look for a surge of calls")
                    tries = 0
                    continue
                log.warning("could not look for a surge of calls (%s); trying again", type(e).__name__)
                self._surge_new |= new
                await asyncio.sleep(LOOK_RETRY_SECONDS * tries)

    async def _surge_look(self, new: set[int]) -> None:
        """With enough calls nobody has claimed lately (one of them among `new`), or a surge on, each of them not yet
        told to everyone is (by one worker: the store marks each once); a surge starting says so first. What is read
        and marked must come within LOOK_SECONDS; each call then goes as alert work of its own."""
        cfg = self.svc.settings.escalation.surge
        now, window = self.svc.clock.ts(), cfg.window_minutes * 60
        async with asyncio.timeout(LOOK_SECONDS):
            calls = [i for i in await self.store.incidents(await self.store.open_since(now - window)) if counts(i)]
            if not new & {inc["id"] for inc in calls}:
                return  # no such call new, or claimed already
            people = await self.store.residents_by_ids(sorted({i["resident"] for i in calls if i.get("resident")}))
            whom = {}  # (notes those on leave it pages all the same: on_leave.py)
            chats = [chat for chat, role, _ in await self.recipients(whom, EVERYONE) if role == "staff"]
            sid = str(round(now * 1000))
            text = self._surge_text(calls, people, f"{cfg.window_minutes:g}", whom.get("leave_paged") or [])
            started, marked = await self.store.surge_step(now, window, cfg.calls, [inc["id"] for inc in calls],
                                                          people_in_trouble(calls),
                                                          (sid, text, chats, now + LINE_RETRY_SECONDS))
        if started:
            log.warning("surge: %s calls nobody has claimed within %s minutes; every staff member told",
                        len(calls), cfg.window_minutes)
            # on its way, not waited for: in each chat it goes ahead of the calls that follow it, and a busy on-duty
            # chat (waiting for its next second) holds up nobody else's
            self.background(self._surge_told(sid, text, chats))
        for inc in calls:
            if inc["id"] in marked:
                self.background(self._to_everyone(inc, people.get(inc.get("resident")), len(calls)))

    def _surge_text(self, calls: list[dict], people: dict[str, dict], minutes: str, leave_paged: list[int]) -> str:
        """The one line every staff member and the head get as a surge starts, ahead of its calls: in each language
        a staff member reads (JSON, locale -> text, and the chats on leave it pages: kept so as to be sent again)."""
        cat, shared = self.svc.cat, shared_building(calls, people)
        texts = {}
        for loc in {self.svc.settings.locale, *self.svc.staff_langs.values()}:
            lines = [cat.t("surge.staff", loc, minutes=minutes, count=len(calls))]
            if shared:
                lines.append(cat.t("surge.one_building" if shared[0] == len(calls) else "surge.some_in_building",
                                   loc, count=shared[0], building=shared[1]))
            texts[loc] = "\n".join(lines)
        return json.dumps({**texts, LEAVE_PAGED: leave_paged} if leave_paged else texts, ensure_ascii=False)

    async def _surge_told(self, sid: str, text: str, chats: list[int]) -> bool:
        """The line to the chats still owed it, each in her language; whether some still are (its timer sends it to
        them again)."""
        texts = json.loads(text) if text.startswith("{") else {}  # (a line kept as plain text: as it was)
        def said(chat: int) -> str:
            loc = self.svc.staff_locale(chat)
            line = texts.get(loc) or texts.get(self.svc.settings.locale) or text
            why = on_leave.surge_line(self.svc, texts.get(LEAVE_PAGED) or [], chat, loc)
            return f"{line}\n{why}" if why else line
        results = await self.svc.outbox.send_all([Outbound(chat, said(chat), urgent=True, tag="alert:surge")
                                                  for chat in chats])
        return await self.store.surge_reached(sid, [chat for chat, res in zip(chats, results) if res.ok])

    async def on_surge_deadline(self, key: str) -> bool:
        """"srg:<id>": the surge line sent again to the chats that did not get it; True once none is owed it."""
        sid = key.split(":")[1]
        text, chats = await self.store.surge_owed(sid)
        if chats and self.svc.clock.ts() - int(sid) / 1000 > LINE_RETRY_FOR:
            log.error("surge line: %s staff chat(s) never got it; their calls' escalations reach them", len(chats))
            chats = []
        if not (text and chats and await self._surge_told(sid, text, chats)):
            await self.store.surge_reached(sid, chats)  # (none left: the line and its timer are gone)
            return True
        await self.store.renew_deadline(key, self.svc.clock.ts() + LINE_RETRY_SECONDS)
        return False

    async def _to_everyone(self, inc: dict, person: dict | None, count: int) -> None:
        """The call, with its claim button, to each staff member and the head who has not had it yet (who has it is
        read again after a failover, LOOK_TRIES in all; then its escalation timer reaches everyone)."""
        n = inc["id"]
        for attempt in range(1, LOOK_TRIES + 1):
            try:
                async with asyncio.timeout(LOOK_SECONDS):
                    had = {chat for chat, _, _ in await self.store.alert_messages(n)}
                    had |= {chat for chat, _, _ in await self.store.packets_owed(n)}
                    if not inc.get("first_alert_sent"):  # on its way to its first level now (a burst's): not twice
                        first = self.policy(inc).levels[0].to
                        had |= {chat for chat, _, _ in await self.recipients(inc, first)}
                    targets = [t for t in await self.recipients(inc, EVERYONE) if t[0] not in had]
                    await self.store.add_timeline(n, {"at": self.svc.clock.ts(), "event": "surge", "count": count})
                break
            except Exception as e:
                if attempt == LOOK_TRIES:
                    log.exception("incident %s: could not send it to every staff member in a surge", n)
                    return
                log.warning("incident %s: who has it could not be read in a surge (%s); again", n, type(e).__name__)
                await asyncio.sleep(LOOK_RETRY_SECONDS * attempt)
        try:
            if targets:
                await self._round_alert(n, inc.get("level", 0), inc, person, targets, "surge.staff")
        except Exception:  # its escalation timer reaches everyone
            log.exception("incident %s: could not send it to every staff member in a surge", n)
