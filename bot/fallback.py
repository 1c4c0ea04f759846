"""When handling an event breaks (Redis down, a bug): the person still gets the committee's phone and 120, and a
cry for help still reaches staff, with whatever of the register can still be read.

A voice, photo or location cannot be read for a cry, and a resident who can only speak sends a voice note: while
storage is away each one goes to every staff member the config names, forwarded under a line saying who may have
sent it. Nothing here needs Redis: a flood is held back in this process (`MediaCap`), one a sender a minute and
MEDIA_PER_WINDOW from everyone; the next one of theirs that goes on says how many were held back. One sender's cries
are paced (one alert, then their repeats as short lines, one a minute, every one journaled; those counted told once
the minute allows, even if no cry of theirs follows: incidents/outage_pace.CryPace), never anyone else's: who is a
resident cannot be read now, so no cap on different senders could be sure to spare one. The register's Telegram ids
as last snapshotted (incidents/outage_known.py) only put a known sender's alert first in each staff chat's queue.

A staff member's cry (the config knows her, Redis or not) is a colleague's: every other staff member and the head
are told with her phone, never she herself; she gets 120, 110 and the committee phone (told so if no colleague could
be reached), and once Redis is back it becomes her colleague call (bot/incidents/colleague.py).

Before anything is sent, a cry and a voice, photo or location (forwarded or held back) are written to the outage
journal (bot/incidents/outage.py), then whom the staff alert reached: once Redis is back each becomes a stored
incident that escalates, and what was held back reaches staff then. What someone types after their cry (where they
are, "我没事了") reaches the staff their cry reached, and joins the call once it is stored (bot/incidents/outage_words.py);
what they typed just before it goes with its alert, and joins the call alike.
Anyone else's text is journaled too (who they are cannot be asked now): it joins their call open since before the
outage, if there is one, once Redis is back; else it is read then as if just typed ("帮我买点菜": a request). A flood of texts from one sender is answered but not all journaled
(outage_words.TextCap); a cry always is.
"""
from __future__ import annotations

import asyncio
import math
from collections import deque

from . import roster
from .residents import full_address
from .flows.both import BETWEEN
from .flows.understanding import keyword_parse
from .incidents import replaying, said_after_cry
from .incidents.outage_words import said_on_open_call
from .incidents.colleague import meanwhile_keys
from .incidents.outage_context import asks_staff, cry_in_context
from .incidents.outage_replies import reply_fields
from .incidents.outage_words import said_before
from .incidents.unanswered import taken
from .incidents.urgency import WORDED
from .services import Services
from .types import MEDIA, Inbound, Outbound

FALLBACK_READ_SECONDS = 1
MEDIA_SECONDS = 60  # one a sender goes on to staff in this time; the rest are counted into their next one
MEDIA_PER_WINDOW = 12  # and at most this many from everyone in that time
MEDIA_SENDERS_KEPT = 1000  # senders remembered at most (those whose minute has passed are forgotten first)


class MediaCap:
    """Which voices, photos and locations go on to staff while storage is away, counted in this process and on
    `svc.clock` (Redis, where the usual pacing lives, is what failed)."""

    def __init__(self, clock) -> None:
        self.clock = clock
        self._senders: dict[int, tuple[float, int]] = {}  # sender: (when their last one went on, held back since)
        self._recent: deque[float] = deque()  # when those from everyone went on, within the last MEDIA_SECONDS

    def take(self, sender: int) -> int | None:
        """None when this one is held back (counted); else how many of theirs were held back before it."""
        now = self.clock.ts()
        while self._recent and self._recent[0] <= now - MEDIA_SECONDS:
            self._recent.popleft()
        last, held = self._senders.get(sender, (-math.inf, 0))
        if now - last < MEDIA_SECONDS or len(self._recent) >= MEDIA_PER_WINDOW:
            self._senders[sender] = (last, held + 1)
            return None
        if len(self._senders) >= MEDIA_SENDERS_KEPT:
            self._senders = {k: v for k, v in self._senders.items() if now - v[0] < MEDIA_SECONDS}
        self._senders[sender] = (now, 0)
        self._recent.append(now)
        return held


async def fallback(svc: Services, ev: Inbound, *, sos: bool, alerted: bool = False, cried: bool = False,
                   cap: MediaCap | None = None) -> list[Outbound]:
    """Whatever broke, the person still gets the committee's phone and 120; a cry for help (`cried`: judged so
    before it broke; `sos`: the 🆘 itself) still reaches staff, unless its alert has already gone out; a voice,
    photo or location goes to staff as it is (`cap`: how many may)."""
    s, cat = svc.settings, svc.cat
    if (late := replaying()) is not None:  # a journaled call whose replay broke: it stays journaled, tried again
        late["failed"] = True
        return []
    loc = cat.locale_for(ev.language, ev.text)
    urgent = not alerted and (cried or ev.kind in ("text", "button", *WORDED) and (
        sos or keyword_parse(ev.text)["emergency_suspected"] or "sos" in ev.data))
    me = roster.staff_by_tg(s, ev.user_id)  # a staff member's cry is a colleague's: to the others, never to her
    media = ev.kind in MEDIA and me is None
    # "还没人来啊", "他又打来了": a cry in what came before, which Redis keeps: taken as one (read in it once it is back)
    context = not (urgent or alerted or me or ev.is_group) and ev.kind in ("text", *WORDED) and \
        await cry_in_context(svc, ev.text)
    urgent = urgent or context
    if words := not (urgent or alerted or media or ev.is_group) and ev.kind == "text" and svc.outage and (
            not (ev.text or "/").startswith("/")
            and svc.outage.texts.take(ev.user_id)):  # a flood of texts is answered, not journaled
        if cry := await svc.outage.cry_of(ev.user_id):  # "我在3号楼302" after their cry: to staff, not lost
            return [await said_after_cry(svc, ev, cry, lambda: _who_if_readable(svc, ev))]
        if me is None and await svc.outage.chatter.has_call(ev.user_id):  # on a call open before it: to staff now
            return [await said_on_open_call(svc, ev, lambda: _who_if_readable(svc, ev))]
        # no call behind it, maybe: everyone's are bounded together (a staff member's belong to no call: not kept)
        words = me is None and svc.outage.chatter.keeps(ev.user_id)
    # "帮我买点菜": every staff member hears it now, if the register (as last snapshotted) knows the sender; a stranger's
    # (anyone can open accounts) waits for Redis, read then as if just typed
    asked = bool(words) and await svc.outage.known.knows(ev.user_id) and await asks_staff(svc, ev.text)
    words_of = (ev.text or "🆘")[:200]
    pace, held = svc.outage.cries.take(ev.user_id, words_of) if urgent and svc.outage else (
        "alert", cap.take(ev.user_id) if media and cap else 0)
    forwarding = media and held is not None
    quiet = urgent and pace is None  # a repeat of theirs reached staff just now: journaled, counted into a line
    colleague = urgent and me is not None  # she gets 110 too, and what to do at a fire or gas
    # a call whose alert went out before the failure: the person hears that staff know, not only "error"
    key = "help.alerted" if alerted else "fallback.media_sent" if forwarding else \
        "fallback.colleague_told" if colleague else "fallback.staff_tap" if me and ev.kind == "button" and \
        ev.data.startswith(("inc:", "out:")) else "fallback.error"  # her 接单/已解决: not recorded, she must know
    told = [key, *(meanwhile_keys(ev.text or "") if colleague else ())]
    said = lambda locale: "\n".join(cat.t(k, locale, phone=s.community.committee_phone) for k in told)  # noqa: E731
    # only her profile says her language, and not the committee's: both, the committee's first (bot/flows/both.py)
    guessed = loc != cat.default and ev.language and not cat.written_in(ev.text)
    msg = Outbound(ev.chat, said(cat.default) + BETWEEN + said(loc) if guessed else said(loc), urgent=True)
    replying = not (ev.is_group and media and not forwarding)  # held back: a chatty group is not answered each time
    owed = msg if replying else None  # journaled as owed until it got there: a process dying meanwhile leaves it
    noted = None  # to be sent again (outage_replies.py)
    if words:  # joins their call open since before the outage once Redis is back, else is read then as if just typed
        loose = await svc.outage.note(ev, cried="", held=False, loose=True, asked=asked, token=taken(),
                                      reply=owed if asked else None)
        noted = loose if asked else None  # whom the line reached: the stored request's packet says so
    elif (urgent or media) and svc.outage:  # written down before anything is sent: stored once Redis is back
        noted = await svc.outage.note(ev, held=quiet or held is None, context=context, token=taken(), reply=owed,
                                      cried=("button" if sos else "group" if ev.is_group else "text") if urgent else "")
        if urgent and me is None:  # a resident's family hears if Redis stays away (incidents/outage_family.py)
            svc.outage.known.family.cried(ev.user_id)
    if not replying:
        return []
    sends = [asyncio.ensure_future(svc.outbox.send(msg))]  # on its way while the register is read for staff
    staff, alerts = [st for st in s.staff if st.telegram_id and st is not me], []
    if urgent and not quiet or forwarding or asked:
        # a signed-up sender's (as of the last snapshot) or a colleague's goes to the front of each staff chat's
        # queue, ahead of a crowd of strangers' (who still all go, right after: outage_known.py)
        # the tag also tells /metrics what it is (bot/ops.py): a cry's alert, a repeat's line, a forwarded voice
        again = pace == "again" and bool(svc.outage.cries.name_of(ev.user_id))
        tag = ("alert:" if not asked and (me or svc.outage and await svc.outage.known.knows(ev.user_id)) else "") + \
            ("fallback:again" if again else "fallback:cry" if urgent else "fallback:request" if asked else
             "fallback:media")
        read = None if again else await _read_register(svc, ev)  # once: each language's alert is made from it
        langs = dict.fromkeys([s.locale, *(svc.staff_locale(st.telegram_id) for st in staff)])  # the committee's first
        texts = {lang: await _staff_text(svc, ev, lang, read, again=again, words=words_of, held=held,
                                         colleague=me if colleague else None, urgent=urgent, journaled=bool(noted))
                 for lang in langs}
        if forwarding:  # side by side: each staff member's line is followed by what it is about
            alerts = [svc.outbox.forward_to([st.telegram_id], texts[svc.staff_locale(st.telegram_id)], ev.origin,
                                            tag=tag) for st in staff]
        else:
            alerts = [svc.outbox.send(Outbound(st.telegram_id, texts[svc.staff_locale(st.telegram_id)],
                                               urgent=not asked, tag=tag)) for st in staff]
    results = await asyncio.gather(*sends, *alerts, return_exceptions=True)
    reached = [st.name for st, res in zip(staff, results[len(sends):]) if _reached(res)]
    answer = reply_fields(msg, results[0], svc.clock.ts())  # hers, if it failed, is sent again (outage_replies.py)
    if noted:  # whom it reached (the stored incident's packet will say so), and whether her reply got there
        await svc.outage.reached(noted, None if quiet else reached, answer)
    if colleague and not quiet and not reached:  # she was told colleagues are being told: the truth, and whom to phone
        msg = Outbound(ev.chat, cat.t("staff.colleague_not_reached", loc, phone=s.community.committee_phone),
                       urgent=True)
        await svc.outbox.send(msg)
    return [msg]


async def _staff_text(svc: Services, ev: Inbound, loc: str, read, *, again: bool, words: str, held, colleague,
                      urgent: bool, journaled: bool) -> str:
    """The fallback's line to staff in language `loc` (each reads her own: bot/staff_langs.py): a repeat's short line,
    or the alert, and what it says of what was held back, the group and the journal."""
    if again:  # a repeat: one short line
        text = svc.cat.t("fallback.cry_again", loc, name=svc.outage.cries.name_of(ev.user_id), words=words)
    else:
        text = await _alert_text(svc, ev, words, colleague, urgent=urgent, loc=loc, read=read)
    if held:
        text += "\n" + svc.cat.t("fallback.media_held", loc, count=held)
    if ev.is_group:
        text += "\n" + svc.cat.t("alert.media_in_group", loc)
    if journaled and not again:
        text += "\n" + svc.cat.t("fallback.journaled", loc)
    return text


async def _alert_text(svc: Services, ev: Inbound, words: str, colleague, *, urgent: bool, loc: str | None = None,
                      read=None) -> str:
    """The fallback's alert: a cry (a colleague's, with her phone), or a voice, photo or location, with who sent it
    as far as the register can still be read (`read`: as `_read_register` found it)."""
    def t(key: str, **kw) -> str:
        return svc.cat.t(key, loc, **kw)

    name, address = _who(svc, ev, read, loc)
    if urgent and svc.outage and loc in (None, svc.settings.locale):  # their repeats are told under this name
        svc.outage.cries.named(ev.user_id, name)  # (outage_pace.CryPace)
    if colleague:
        return t("fallback.colleague_alert", name=name, phone=colleague.phone, words=words)
    if not urgent:
        return t("fallback.staff_request" if ev.kind == "text" else f"fallback.staff_{ev.kind}", name=name,
                 address=address, words=words)
    text = t("fallback.staff_alert", name=name, address=address, words=words)
    if svc.outage and (before := await said_before(svc, ev.user_id)):  # "我在3号楼602", then "救命"
        text += "\n" + t("fallback.said_before", words=before)
    return text


def _reached(res) -> bool:
    """A send's result (SendResult) or a forward's count: whether it got there."""
    if isinstance(res, BaseException):
        return False
    return bool(res.ok) if hasattr(res, "ok") else bool(res)


async def _who_if_readable(svc: Services, ev: Inbound) -> tuple[str, str]:
    """The registered name and address for a fallback alert (a family contact's: who they are, for whom, and
    where that resident lives), if the register can still be read (briefly); else the sender's Telegram name and
    id, which is all there is."""
    return _who(svc, ev, await _read_register(svc, ev), None)


async def _read_register(svc: Services, ev: Inbound) -> tuple[dict | None, dict | None, list[dict]]:
    """The sender as the register has them, if it can still be read (briefly): (resident, contact, their residents)."""
    store = svc.store
    if roster.staff_by_tg(svc.settings, ev.user_id):  # a colleague: named by the config, nothing to read
        return None, None, []
    try:
        async with asyncio.timeout(FALLBACK_READ_SECONDS):
            person = await store.resident_by_tg(ev.user_id)
            contact = None if person else await store.contact_account(ev.user_id)
            cared = [p for link in (contact or {}).get("links", []) if (p := await store.resident(link["rid"]))]
    except Exception:  # the store is what failed
        return None, None, []
    return person, contact, cared


def _who(svc: Services, ev: Inbound, read, loc: str | None) -> tuple[str, str]:
    """`_who_if_readable` in language `loc`, from what `_read_register` found."""
    def t(key: str, **kw) -> str:
        return svc.cat.t(key, loc, **kw)

    if me := roster.staff_by_tg(svc.settings, ev.user_id):
        return me.name, ""
    person, contact, cared = read or (None, None, [])
    if contact and cared:
        link = contact["links"][0]
        name = t("fallback.contact", name=link.get("name") or contact.get("name") or ev.first_name,
                 relation=link.get("relation", ""), of="、".join(p["name"] for p in cared))
        person = {**cared[0], "name": name}
    if not person:
        return t("fallback.telegram_user", name=ev.first_name or "?", id=ev.user_id), ""
    address = full_address(svc.settings.community.address_prefix, person)
    return person["name"], t("fallback.address", address=address) if address else ""
