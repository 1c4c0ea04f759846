"""A cry for help from someone the register does not know ("救命 我摔倒了" from someone who never signed up, in private
or in a group the bot is in): a call of its own, as a family member's report about someone else is
(bot/incidents/family_other.py) — stored before anything is sent (a worker dying mid-way leaves it to the "first:n"
safety net), alerted, claimable and resolvable, escalating like an emergency. Staff read their Telegram name, that
they are not on the register, their words (and, when they shared their phone for sign-up, that phone); never an
address the bot does not have.

- Their further cries join it (staff hear the first at once, then a count: bot/incidents/repeats.py); one that reached
  nobody is alerted again at their next cry.
- What they type next ("我在5号楼302") reaches the staff holding it, on its record: `said_after`; so does their answer
  when staff take it (they are asked where they are: bot/incidents/staff.py); lost while Telegram fails, it is sent
  again soon (notes_owed.py).
- Signing up during it as a resident makes it that resident's call: `signed_up`.
- In a group, other unregistered people's cries about the same moment ("着火了" typed by five) join the group's open
  call (one call, each name and words on its record, the staff holding it told the first of a minute at once, then
  how many more), not five calls.
- All strangers together open at most `escalation.strangers_per_10_minutes` calls a 10 minutes (a spammer, a busy
  group, a storm): beyond that each cry joins one summary call (opened by the first of them), whose one packet staff
  read counts the others, edited in place, and which escalates like any call; nothing is dropped. Once someone has
  claimed it, she hears each one joining (the first of a minute at once, then a count: `_summary_joined`).
The sender gets 120 and the committee phone at once, whatever staff are told (the callers say it).
"""
from __future__ import annotations

import re
from functools import partial

from .. import roster, staff_langs
from ..flows.base import Ctx
from ..services import Services
from ..residents import door_said, residents_at
from ..types import MEDIA, Identity, Inbound
from .alerting import listeners
from .outage import called_at
from .packet import someone_else, tappable
from .repeats import REPEAT_INTERVAL_SECONDS
from .reported import (candidates, cried_again_on_hers, last_report, named_by_stranger, named_in, recent_call, remember, reported_at,
                       reported_resident, stranger_reporter)

WINDOW_SECONDS = 600  # the strangers' cap counts new calls in windows of 10 minutes
GROUP_SECONDS = 600  # another stranger's cry in the same group this soon after its call joins it
FOLLOW_UPS = 5  # what a stranger types after the cry: at most five to staff a 10 minutes (all on the record)
LOCK_SECONDS = 15  # a group's (or the summary's) calls opened one at a time (kept while alerted); a dead
# worker's lock lapses
SUMMARY = 0  # no Telegram account has id 0: its prefs keep which call is the strangers' summary now


def reporter_of(svc: Services, ev: Inbound, phone: str = "", claims: str = "") -> dict:
    """Who cried, as staff read it (reported.stranger_reporter)."""
    return stranger_reporter(svc, ev.first_name, claims, phone)


async def own_call(svc: Services, uid: int) -> dict | None:
    """This stranger's open call (their own cry's, the group's they joined, or the summary's), while recent."""
    inc = await last_report(svc, uid)
    return inc if inc and inc.get("stranger") else None


async def cried(svc: Services, ev: Inbound, words: str) -> int:
    """Their cry: their open call joined, the group's joined, or a new call stored then alerted (the summary's beyond
    the cap). How many staff chats have it (a cry joining a call they hold counts as heard). In private, told it
    reached nobody (onboarding.py), they hear once when a staff member has the call (reached_late.py)."""
    reached = await _cried(svc, ev, words)
    if not reached and not ev.is_group and (inc := await last_report(svc, ev.user_id)):
        await svc.incidents.caller_unreached(inc["id"], [ev.chat])  # (theirs, or the resident's they reported)
    return reached


async def _cried(svc: Services, ev: Inbound, words: str) -> int:
    uid, now, group = ev.user_id, svc.clock.ts(), ev.chat if ev.is_group else None
    reporter = reporter_of(svc, ev, ((await svc.store.pending(uid)) or {}).get("phone", ""))
    if inc := await own_call(svc, uid):
        return await _joined(svc, inc, uid, words, reporter, again=True)
    if (inc := await last_report(svc, uid)) and inc.get("resident"):
        return await cried_again_on_hers(svc, inc, uid, words, reporter)  # (in a group: in private, stranger_named)
    if group and (inc := await _group_call(svc, group)):
        return await _joined(svc, inc, uid, words, reporter, again=False)
    cap = svc.settings.escalation.strangers_per_10_minutes
    if not await svc.store.within_quota("stranger_calls", now, WINDOW_SECONDS, cap):
        return await _beyond_cap(svc, uid, words, reporter)
    more = {"group": group} if group else {}
    if named := (await named_by_stranger(svc, words))[0].people:  # "张阿姨", a door: several listed, none guessed
        more["candidates"] = candidates(svc, named)
    if group and ev.kind in MEDIA:  # the photo the cry came with goes with each alert round (in private: paced alone)
        more["media"] = [ev.chat, ev.message_id]
    n = await _open(svc, words, reporter, stranger=uid, **more)
    await remember(svc, uid, n)
    if group:
        await svc.store.set_pref(group, "group_call", f"{n}:{now}")
    return await _alerted(svc, n)


async def in_group(svc: Services, ev: Inbound, words: str) -> None:
    """A stranger's cry in a group (the group has 120 and the committee phone already): one naming a resident on the
    register is her own call, as in private (bot/incidents/reported.py; nothing said to them in private); else theirs,
    or the group's."""
    called, claims = await named_by_stranger(svc, words)
    if (person := called.one) is None:
        async with svc.store.kept_lock(f"stranger_group:{ev.chat}", timeout=LOCK_SECONDS,
                                       blocking_timeout=LOCK_SECONDS):  # kept while its alert goes out
            await cried(svc, ev, words)  # one at a time: five crying at once find the first one's call
        return
    ctx = Ctx(ev, Identity(ev.user_id, "stranger", svc.cat.locale_for(ev.language)), {}, svc)
    await reported_resident(ctx, person, words, reporter_of(svc, ev, claims=claims), forward=False)  # (not sent)


async def _open(svc: Services, words: str, reporter: dict, **fields) -> int:
    return await svc.incidents.open("emergency", someone_else(svc, {"reporter": reporter, "stranger": 1}),
                                    words=words, source="stranger", ask_address=False, reporter=reporter,
                                    about_other=True, **fields)


async def _joined(svc: Services, inc: dict, uid: int, words: str, reporter: dict, again: bool) -> int:
    """Their cry on a call already open: their own again (paced as a resident's repeats), or someone else's in the
    same group or beyond the cap (on its record; staff told once a minute, the rest counted)."""
    n = inc["id"]
    if again:
        await remember(svc, uid, n)  # (what they say next is about it: `said_after`)
        reached = await svc.repeats.called_again(n, words, called_at(svc.clock.ts()), event="stranger_again")
        if not inc.get("heard"):  # its alert reached nobody yet: tried again now, not only at the next level
            return await _alerted(svc, n)
        return 0 if reached == 0 else 1  # (0: the staff holding it were not reached: Telegram failing)
    await remember(svc, uid, n)
    k = await svc.store.add_timeline(n, {"at": svc.clock.ts(), "event": "stranger_joined", "by": reporter["name"],
                                         "words": words[:300]})
    await svc.store.update_incident(n, joined=int(inc.get("joined") or 0) + 1)
    await svc.incidents.refresh(n)  # the packet counts them
    await _joined_told(svc, inc, reporter["name"], words, k)
    return 1


async def _joined_told(svc: Services, inc: dict, who: str, words: str, k: int) -> None:
    """One more person on the call: the staff holding it (everyone alerted until it is claimed, then its claimer)
    hear the first of a minute at once and the rest as one count of people (`joined_many`, at the "rep:j{n}"
    deadline), as a resident's repeats reach whoever holds his call; the line lost while Telegram fails is sent again
    soon (timeline entry `k`: notes_owed.py). The summary call, unclaimed: its packet's count only (edited in place: a
    spam wave pings nobody each time)."""
    n = inc["id"]
    if inc.get("summary") is not None and inc["status"] not in ("claimed", "arrived") or not await svc.store.repeat(
            f"j{n}", svc.clock.ts(), REPEAT_INTERVAL_SECONDS, f"rep:j{n}"):
        return
    await svc.incidents.notify_alerted(n, "alert.stranger_joined", who=who, words=words[:200], urgent=True,
                                       holders=True, owe=k)


async def joined_many(svc: Services, n: int, count: int) -> None:
    """The strangers counted onto the call in the last minute: one line to the staff holding it."""
    inc = await svc.store.incident(n)
    if inc and inc["status"] != "resolved":  # lost while Telegram fails: owed, as the last one's note (notes_owed.py)
        timeline = await svc.store.timeline(n)
        k = max((i for i, e in enumerate(timeline) if e.get("event") == "stranger_joined"), default=None)
        await (await svc.incidents.notify_alerted(n, "alert.strangers_joined_many", count=count, urgent=True,
                                                  holders=True, owe=k))


async def _group_call(svc: Services, group: int) -> dict | None:
    """The group's stranger call, while open and its last cry recent (this one makes it recent again)."""
    if inc := await recent_call(svc, group, "group_call", GROUP_SECONDS):
        await svc.store.set_pref(group, "group_call", f"{inc['id']}:{svc.clock.ts()}")
    return inc


async def _beyond_cap(svc: Services, uid: int, words: str, reporter: dict) -> int:
    """Over the cap: the summary call of this window joined (opened by the first one over it)."""
    async with svc.store.kept_lock("strangers_summary", timeout=LOCK_SECONDS, blocking_timeout=LOCK_SECONDS):
        return await _summary(svc, uid, words, reporter)  # two over the cap at once: still one summary


async def _summary(svc: Services, uid: int, words: str, reporter: dict) -> int:
    window = int(svc.clock.ts() // WINDOW_SECONDS)
    if (last := await svc.store.pref(SUMMARY, "strangers_summary")) and (inc := await svc.store.incident(int(last))) \
            and inc["status"] != "resolved":
        return await _joined(svc, inc, uid, words, reporter, again=False)
    n = await _open(svc, words, reporter, stranger=uid, summary=window)
    await svc.store.set_pref(SUMMARY, "strangers_summary", str(n))
    await remember(svc, uid, n)
    return await _alerted(svc, n)


async def said_after(svc: Services, ev: Inbound, text: str, recent: bool) -> int | None:
    """Words a stranger types soon after their cry (`recent`) or after staff took their call (and asked where they
    are), while it is open: on its record, and to the staff holding it (FOLLOW_UPS a 10 minutes). None: no such call;
    else how many staff chats got them (0: on the record only)."""
    now = svc.clock.ts()
    if (inc := await own_call(svc, ev.user_id)) is None:
        return None
    cried_at = await reported_at(svc, ev.user_id)  # their last cry on it, in private or in a group
    if not (recent or now - max(cried_at, float(inc.get("claimed_at") or 0)) <= WINDOW_SECONDS):
        return None
    n = inc["id"]
    reporter = reporter_of(svc, ev)
    k = await svc.store.add_timeline(n, {"at": now, "event": "family_added", "by": reporter["name"],
                                         "words": text[:300]})
    if not await svc.store.within_quota(f"stranger_said:{ev.user_id}:{n}", now, WINDOW_SECONDS, FOLLOW_UPS):
        return 0
    at_door, how = await _at_door(svc, n, text)  # "我住3号楼602", "他说他叫王老伯": who the register has, to phone

    def told(chat: int) -> str:  # in her language; the stranger's words as written
        t = partial(staff_langs.t, svc, chat)
        return "\n".join([t("alert.reporter_added", n=n, reporter=reporter["name"], relation=reporter["relation"],
                            words=text[:300])]
                         + ([t(how, who=reporter["name"], name="、".join(c["name"] for c in at_door))]
                            + [t("packet.candidate", **c) for c in at_door] if at_door else []))
    where, failed = ev.origin if ev.kind == "location" else None, []  # her pin, forwarded under the line
    reached = await roster.pass_on(svc, await listeners(svc, inc), told, where, tag=f"added:{n}", urgent_intro=True,
                                   failed=failed)
    if not reached and where is None:  # lost while Telegram fails: sent again soon to those holding it (notes_owed.py)
        await svc.incidents.owe_note(n, k, {chat: told(chat) for chat in failed}, urgent=True)
    return reached


NAME_HEARD = re.compile(r"叫|姓|名字|\b(?:name|called)\b", re.I)  # a name she heard: "他说他叫王老伯"


async def _at_door(svc: Services, n: int, text: str) -> tuple[list[dict], str]:
    """The residents registered at the door a stranger's words give, or called by the name they give ("他说他叫王老
    伯": the old man she is with), name, address and phone, kept on their call for its later packets; [] when the
    words give neither. With the catalogue key of the line staff read above them."""
    door, how = door_said(text), "packet.claims_door"
    people = (await residents_at(svc.store, door)).people if door else []
    if not people and NAME_HEARD.search(text):
        people, how = (await named_in(svc, text)).people, "packet.name_heard"
    found = candidates(svc, people)
    if found:
        await svc.store.update_incident(n, candidates=found)
        svc.incidents.background(svc.incidents.refresh(n))
    return [{"name": c["name"], "address": c["address"], "phone": tappable(c["phone"])} for c in found], how


async def _alerted(svc: Services, n: int) -> int:
    """The alert of their call; whether anyone got it is kept (a further cry tries again until someone has)."""
    if reached := await svc.incidents.alert_first(n):
        await svc.store.update_incident(n, heard=True)
    return reached


async def signed_up(svc: Services, uid: int, person: dict) -> None:
    """They shared their phone and are this resident now, their own call still open: it is hers (the register's
    address, phone, family and doctor for staff, who are told), or joins the one of hers already open."""
    inc = await own_call(svc, uid)
    if inc is None or inc.get("stranger") != uid or inc.get("group") or inc.get("summary") is not None:
        return
    if await svc.incidents.name_resident(inc["id"], person, svc.cat.t("stranger.now_registered")):
        await svc.incidents.notify_alerted(inc["id"], "alert.stranger_registered", resident=person["name"],
                                           urgent=True)
