"""How a call ended, told to the family contacts and family doctors who were told of it — whatever closed it.

Told of it: the one who made it or spoke on it (`family_chats`), and those its escalation reached. Each hears one
short line in their own language, once (a call is closed once: `close_incident`), chosen by how it ended:

- staff resolved it (✅ 已解决): how, and by whom;
- staff listened to a voice, photo or location and found it not urgent (✅ 已听，不紧急): who listened;
- the resident answered the missed check-in late: when, and what they answered (fine, or staff will contact them);
- closed any other way: that it is over.

Never a staff note, nobody's phone or address; always the committee's phone. A contact never told of it hears
nothing, and staff's own words ("#1 … 谢谢大家") are for staff only (`Alerting.notify_alerted`).

Before it ends: the resident says he is all right on it ("我没事", "按错了", 🙂 不用; bot/incidents/need_now.py
`on_need`). The call stays open until staff check, so those told of it hear once that he says so and that staff will
still check (`tell_said_fine`; said again, the call is marked `maybe_false_alarm` already and nobody hears it twice).
"""
from __future__ import annotations

import asyncio
import logging

from .. import roster
from ..types import Outbound

log = logging.getLogger(__name__)
FAMILY_NEWS_GRACE_SECONDS = 10  # the closing worker's time to tell them, before another takes it over
FAMILY_NEWS_SEND_LEASE = 120  # a chat being told is left to its worker this long (then it is taken as having died)
FAMILY_NEWS_RETRY_SECONDS = 30  # a chat Telegram failed for a moment is tried again this much later
RESOLVED = ("hospital", "handled", "false_alarm", "other")  # staff's ✅ 已解决 outcomes (bot/incidents/staff.py)
CALM = ("ok", "activity")  # check-in answers that say the resident is all right


async def family_told(svc, inc: dict) -> set[int]:
    """The family contacts and doctors told of this call: the one who made it, and those its escalation reached."""
    alerted = {chat for chat, _, role in await svc.store.alert_messages(inc["id"]) if role == "family"}
    return alerted | set(inc.get("family_chats") or [])


async def whose(svc, inc: dict) -> str:
    """The name the family's line gives the call: its resident's, or those it may be about."""
    if inc.get("about_other") and not inc.get("resident"):  # never a name from the register to the one who told
        return svc.cat.t("family.other_person")
    return may_be(inc, await svc.store.resident(inc.get("resident")) or {})


def may_be(inc: dict, person: dict) -> str:
    """The call's resident's name, or (one of several not named yet) those it may be about: "张阿姨/王老伯"."""
    return person.get("name") or "/".join(c["name"] for c in inc.get("candidates") or [])


async def tell_family(svc, inc: dict, line, owe: int | None = None) -> None:
    """The one line (`line(name, loc)`) each family contact told of the call reads (`owe`: its timeline entry, to
    send it again soon to those Telegram failed for: notes_owed.py)."""
    if chats := await family_told(svc, inc):
        name, msgs = await whose(svc, inc), []
        for chat in sorted(chats):
            loc = await svc.store.pref(chat, "locale") or svc.settings.locale
            msgs.append(Outbound(chat, line(name, loc), tag=f"family:{inc['id']}"))
        if owe is None:
            await svc.outbox.send_all(msgs)
        else:
            await svc.incidents.sent_owing(inc["id"], owe, msgs, family=True)


async def tell_said_fine(svc, inc: dict, k: int | None = None) -> None:
    """`inc` as it was before he said he is fine: those told of it hear it the first time only (`k`: the timeline
    entry saying so: sent again to those Telegram failed for)."""
    if not inc.get("maybe_false_alarm"):
        await tell_family(svc, inc, lambda name, loc: svc.cat.t(
            "family.says_fine", loc, name=name, phone=svc.settings.community.committee_phone), owe=k)


def family_news_owed(n: int, now: float) -> tuple[str, float]:
    """The deadline a close stores with it (`close_incident`): "fam:n", the family's news, owed until it went."""
    return f"fam:{n}", now + FAMILY_NEWS_GRACE_SECONDS


class ClosedNews:
    """The family's news of a closed call, crash-safe (part of `Incidents`): the close stores "fam:n" with it; the
    closing worker tells each chat at once and the store marks each chat told (`bot/store/told.py`); if that worker
    dies first, the deadline falls due a few seconds later and another tells the chats not yet told. A chat Telegram
    failed for a moment (5xx, timeout) is tried again; one being told by another worker (a slow send) is left to it.
    Each chat hears it once when nothing fails for good."""

    async def on_family_deadline(self, key: str, blocking_timeout: float = 0.5) -> bool:
        """Under the call's lock, and only while "fam:n" stands; crossed off once every chat was told."""
        n = int(key.split(":")[1])
        async with self.lock(n, blocking_timeout=blocking_timeout):
            if await self.store.deadline(key) is None:
                return True  # told already
            if (inc := await self.store.incident(n)) and not await tell_each(self.svc, inc):
                await self.store.set_deadline(key, self.svc.clock.ts() + FAMILY_NEWS_RETRY_SECONDS)
                return False  # some chat not told yet: tried again then
            await self.store.cancel_deadline(key)
        return True

    async def tell_family_now(self, n: int) -> None:
        try:
            await self.on_family_deadline(f"fam:{n}", blocking_timeout=FAMILY_NEWS_GRACE_SECONDS)
        except Exception as e:  # owed still: the deadline sends it
            log.warning("family news of incident %s not sent now (%s); its deadline sends it", n, type(e).__name__)


async def tell_each(svc, inc: dict) -> bool:
    """Tells each family chat told of the closed call how it ended, each chat once (taken in the store first).
    Whether every chat is told now (or refused it for good)."""
    chats, name = await family_told(svc, inc), await whose(svc, inc)
    return all(await asyncio.gather(*(tell_one(svc, inc, chat, name) for chat in sorted(chats))))


async def tell_one(svc, inc: dict, chat: int, name: str) -> bool:
    n, now = inc["id"], svc.clock.ts()
    hold = await svc.store.take_news_chat(n, chat, now, now + FAMILY_NEWS_SEND_LEASE)
    if hold in ("told", "busy"):
        return hold == "told"  # busy: another worker is telling it (if it dies, the chat is tried again)
    try:
        loc = await svc.store.pref(chat, "locale") or svc.settings.locale
        res = await svc.outbox.send(Outbound(chat, how_it_ended(svc, inc, name, loc), tag=f"family:{n}"))
    except BaseException:
        await svc.store.give_back_news_chat(n, chat, hold)
        raise
    if res.ok or res.permanent:  # reached, or refused for good (blocked): trying again will not help
        await svc.store.news_told(n, chat)
        return True
    await svc.store.give_back_news_chat(n, chat, hold)
    return False


def how_it_ended(svc, inc: dict, name: str, loc: str) -> str:
    def t(key: str, **kw) -> str:
        return svc.cat.t(key, loc, name=name, phone=svc.settings.community.committee_phone, **kw)

    outcome, staff = inc.get("outcome", ""), roster.staff_by_id(svc.settings, inc.get("resolved_by"))
    if staff and (inc.get("category") == "death" or outcome == "died"):  # his death: no "求助已处理完毕"
        return t("family.closed_death", who=staff.name)
    if outcome == "answered_checkin":
        answer = inc.get("answer") if inc.get("answer") in (*CALM, "unwell", "help") else "activity"
        return t("family.closed_checkin" if answer in CALM else "family.closed_checkin_needs",
                 time=svc.clock.local(inc.get("resolved_at") or svc.clock.ts()).strftime("%H:%M"),
                 answer=svc.cat.t(f"checkin.answer_{answer}", loc))
    if staff and outcome == "not_urgent":
        return t("family.closed_heard", who=staff.name)
    if staff and outcome in RESOLVED:
        return t("family.resolved", who=staff.name, outcome=svc.cat.t(f"outcome.{outcome}", loc))
    return t("family.closed")


# --- a new call soon after: its alert names the close (packet.py) ---------------------------------------

RECENT_CLOSE_SECONDS = 3600  # a call opened this soon after the resident's last was closed says so


def after_closed_line(svc, inc: dict, last: dict, t) -> str:
    """"⚠️ 10分钟前刚处理完 #3（李社工）": her last call, closed within the hour before this one came, and by whom
    ("" when longer ago: the key's own expiry runs on Redis's clock, not the bot's)."""
    seconds = max(0.0, inc["created"] - (last.get("at") or inc["created"]))
    if seconds > RECENT_CLOSE_SECONDS:
        return ""
    ago = t("alert.ago_just") if seconds < 60 else t("alert.ago_minutes", minutes=int(seconds // 60))
    who = roster.staff_by_id(svc.settings, last.get("by"))
    if who:
        return t("alert.after_closed", ago=ago, n=last.get("n", "?"), by=who.name)
    outcome = last.get("outcome") or ""
    return t("alert.after_closed_other", ago=ago, n=last.get("n", "?"),
             outcome=t(f"outcome.{outcome}") if outcome in OUTCOMES_SAID else outcome or "-")


OUTCOMES_SAID = ("hospital", "handled", "false_alarm", "other", "not_urgent", "answered_checkin")
