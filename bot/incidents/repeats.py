"""Repeated calls, collapsed: while a call is being handled, the same person's further cries for help reach staff
as one line per short interval ("又发来 5 次"). Each one is still written down (the incident's timeline) by the
caller; only the staff messages are collapsed. (An unregistered person's cry is a call too: bot/incidents/stranger_call.py.)

The first repeat of an interval is passed on at once; the rest are counted in Redis, and a deadline
("rep:i42" for incident 42) passes the count on when the interval ends.

An unregistered person's voices and photos ("rep:m5001") are paced harder, so they cannot flood staff: one
forwarded per STRANGER_MEDIA_SECONDS each, and the latest held back follows when that ends; and at most
STRANGERS_MEDIA_PER_WINDOW of everyone's a STRANGER_MEDIA_SECONDS (beyond that they are only written down, in the
stranger's log; the sender is always given 120 and the committee's phone). A registered person's voices and photos
in a group ("rep:g5001") are paced alike: bot/incidents/group_media.py.
"""
from __future__ import annotations

from .. import roster, staff_langs
from ..services import Services
from ..types import MessageRef, Outbound
from .family_news import tell_still_calling
from .repeat_authors import again_keys, author, who_cried
from .retries import ALERT_RETRY_SECONDS

REPEAT_INTERVAL_SECONDS = 60
STRANGER_MEDIA_SECONDS = 600  # a stranger's voice or photo: one forwarded per person per 10 minutes
STRANGERS_MEDIA_PER_WINDOW = 6  # and at most six of all strangers' in those 10 minutes


def renews(inc: dict) -> bool:
    """Whether another call of the resident's now is a new urgent call: someone has the call (claimed, arrived) and
    has not been told of a renewal they have not answered yet."""
    return inc.get("status") in ("claimed", "arrived") and not inc.get("renewed")


class Repeats:
    def __init__(self, svc: Services, incidents) -> None:
        self.svc, self.incidents = svc, incidents

    async def _first_of_interval(self, subject: str, by: dict | None = None) -> bool:
        return await self.svc.store.repeat(subject, self.svc.clock.ts(), REPEAT_INTERVAL_SECONDS, f"rep:{subject}",
                                           author(by))

    async def called_again(self, n: int, words: str, at: float, event: str = "resident_again",
                           by: dict | None = None) -> int | None:
        """A resident's call (made at `at`) while their incident is open: on the timeline every time. A request
        (or missed check-in) is raised to an emergency (Incidents.raise_call: how many it reached is returned).
        Claimed or arrived, it is a new urgent call (it may be a second fall: Incidents.renew); otherwise staff hear
        it, collapsed. None: it was an emergency already (0: a new urgent call, or the reminder, that reached
        nobody — or nobody has the call yet: its caller is told the truth, and once when someone has it). `by`: a
        family contact who cried for him (name, relation): staff read that she wrote it."""
        k = await self.svc.store.add_timeline(n, {"at": at, "event": event, "words": words[:300],
                                                  **({"by": by.get("name", "")} if by else {})})
        inc = await self.svc.store.incident(n) or {}
        raising = inc.get("kind") in ("help", "checkin")
        if raising and (reached := await self.incidents.within(
                n, self.incidents.raise_call(n, words[:200] or "🆘", "again"))) >= 0:
            return reached
        reached, inc = None, await self.svc.store.incident(n) or {}
        if renews(inc):
            key, who = again_keys(by)[1], {"reporter": by.get("name", ""), "relation": by.get("relation", "")} \
                if by else None
            if not await self.incidents.within(n, self.incidents.renew(n, words[:200] or "🆘", key, who)):
                reached = 0  # nobody has the new cry yet (Telegram failing): its caller is told the truth
        # still unclaimed, or a renewal not answered yet: one line per interval; nobody got this one, or nobody has
        elif await self.resident_again(n, words, k, by) or inc.get("caller_unreached"):  # the call yet: the truth too
            reached = 0
        if event == "resident_again":  # he himself: the family and doctors told of it hear so, their way, paced
            await tell_still_calling(self.svc, n)
        return reached

    async def resident_again(self, n: int, words: str, k: int | None = None, by: dict | None = None) -> bool:
        """A resident's call while their incident is open: the staff holding it hear the first at once, then a
        count (the family and doctors it reached hear in their own words: family_news.py). The first, lost while
        Telegram fails, is sent again soon (`k`: its timeline entry; notes_owed.py). True: it was sent now and no
        staff chat got it (its caller must not read that staff were reminded) — or Telegram has not answered soon
        enough (Incidents.within: she is not left in silence; told once if it does get through). `by`: the family
        contact who wrote it ("👪 女儿 王丽：…"), never read as his."""
        if not await self._first_of_interval(f"i{n}", by):  # counted as whoever wrote it (repeat_authors.py)
            return False
        who = {"reporter": by.get("name", ""), "relation": by.get("relation", "")} if by else {}
        sending = await self.incidents.notify_alerted(n, again_keys(by)[0],
                                                      words=words[:200] or "🆘", urgent=True, holders=True, owe=k,
                                                      **who)
        results = await self.incidents.within(n, sending, None)
        return results is None or bool(results) and not any(res.ok for res in results)

    async def stranger_media(self, uid: int) -> bool:
        """Whether an unregistered person's voice or photo is forwarded to staff now (else it is held back)."""
        store, now = self.svc.store, self.svc.clock.ts()
        return (await store.repeat(f"m{uid}", now, STRANGER_MEDIA_SECONDS, f"rep:m{uid}")
                and await store.within_quota("stranger_media", now, STRANGER_MEDIA_SECONDS, STRANGERS_MEDIA_PER_WINDOW))

    async def on_deadline(self, key: str) -> bool:
        """Passes the count on; it is forgotten only once sent (a worker dying first leaves it to this deadline's
        next run, after its lease: at least once, as an escalation)."""
        subject = key.split(":", 1)[1]
        count = await self.svc.store.take_repeats(subject, self.svc.clock.ts())
        if not count:
            return True
        if subject.startswith("m"):
            await self._stranger_media_held(int(subject[1:]), count)
        elif subject.startswith("g"):  # a registered person's voices in a group (bot/incidents/group_media.py)
            from .group_media import held

            await held(self.svc, int(subject[1:]), count)
        elif subject.startswith("j"):  # strangers who joined the claimed summary call (bot/incidents/stranger_call.py)
            from .stranger_call import joined_many

            await joined_many(self.svc, int(subject[1:]), count)
        elif subject.startswith("i"):  # lost while Telegram fails: owed, as its last cry's note (notes_owed.py)
            n = int(subject[1:])
            timeline = await self.svc.store.timeline(n)
            k = max((i for i, e in enumerate(timeline) if str(e.get("event", "")).endswith("_again")), default=None)
            by = await self.svc.store.repeat_authors(subject)  # not all his: each writer's count (his daughter's)
            more = {"who": who_cried(self.svc.cat, count, by)} if by else {}
            await (await self.incidents.notify_alerted(n, "alert.again_many_by" if by else "alert.resident_again_many",
                                                       count=count, urgent=True, holders=True, owe=k, **more))
        elif not await self._stranger_count(subject, count, key):  # "rep:s5001": below
            return False  # some staff chats are still owed it: its timer comes back to them
        await self.svc.store.repeats_sent(subject)
        return True

    async def _stranger_count(self, subject: str, count: int, key: str) -> bool:
        """A stranger's cries counted before they became calls (stranger_call.py), left by an earlier version: to the
        staff on duty; those Telegram failed for (5xx, time-outs) are owed it (with the count, in Redis), sent again
        ALERT_RETRY_SECONDS later until each has it or refused it for good. True once none is owed it."""
        store = self.svc.store
        if (owed := await store.repeats_owed(subject)) is None:
            seen = await store.stranger_log(int(subject[1:]))
            name = seen[-1].get("name", "") if seen else ""
            owed = {str(st.telegram_id): staff_langs.t(self.svc, st.telegram_id, "stranger.again_many",
                                                       name=name or "?", count=count) for st in await on_duty(self.svc)}
        msgs = [Outbound(int(chat), text, urgent=True, tag="stranger") for chat, text in owed.items()]
        results = await self.svc.outbox.send_all(msgs)
        if not (left := {str(m.chat_id): m.text for m, res in zip(msgs, results) if not res.ok and not res.permanent}):
            return True
        await store.owe_repeats(subject, left)
        await store.renew_deadline(key, self.svc.clock.ts() + ALERT_RETRY_SECONDS)
        return False

    async def _stranger_media_held(self, uid: int, count: int) -> None:
        """The voices, photos and locations a stranger sent after the one forwarded: how many, what, and the latest."""
        seen = await self.svc.store.stranger_log(uid)
        name = (seen[-1].get("name", "") if seen else "") or "?"
        latest = next((e for e in reversed(seen) if e.get("media")), None)
        forward = latest and await self.svc.store.within_quota("stranger_media", self.svc.clock.ts(),
                                                                 STRANGER_MEDIA_SECONDS, STRANGERS_MEDIA_PER_WINDOW)
        kinds = [e["kind"] for e in seen if e.get("media")][-count:]
        text = self.svc.cat.t("stranger.media_again", name=name, count=count, what=kinds_named(self.svc, kinds))
        await self.svc.outbox.forward_to([st.telegram_id for st in await on_duty(self.svc)], text,
                                         MessageRef(*latest["media"]) if forward else None, tag="stranger")


def kinds_named(svc: Services, kinds: list[str], loc: str | None = None) -> str:
    """What was held back, by name ("语音或位置"); "语音或照片" when the kinds are not known."""
    names = [svc.cat.t(f"held.{k}", loc) for k in ("voice", "photo", "location") if k in kinds]
    names = names or [svc.cat.t("held.voice", loc), svc.cat.t("held.photo", loc)]
    if len(names) == 1:
        return names[0]
    return svc.cat.t("held.or", loc, first=svc.cat.t("held.and", loc).join(names[:-1]), last=names[-1])


async def on_duty(svc: Services) -> list:
    return await roster.reachable_on_duty(svc)


async def said_again(store, now: float, inc: dict, said: str) -> bool:
    """The same words a resident's call last told its staff, again within REPEAT_INTERVAL_SECONDS (a shaky hand, a
    double send, words sent again because no answer came fast enough): True, on the timeline only. (Cries never
    come here: they are paced above.)"""
    last = (inc.get("words") or "", float(inc.get("created") or 0))
    for entry in reversed(await store.timeline(inc["id"])):
        if entry.get("event") == "resident_added":
            last = (entry.get("words") or "", float(entry.get("at") or 0))
            break
    if last[0] != said or now - last[1] >= REPEAT_INTERVAL_SECONDS:
        return False
    await store.add_timeline(inc["id"], {"at": now, "event": "resident_said_again", "words": said})
    return True
