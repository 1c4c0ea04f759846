"""A staff member's own call for help (fallen on a visit, threatened at a door, typed "我摔倒了"): a call as a resident's
emergency is — every colleague and the head at alert priority, a claim button, escalating while nobody claims it
(`escalation.colleague`), its timeline, the caller told who took it — but about no resident. The incident names the
staff member (`staff_caller`, shown from the staff list) and nothing of the register: no resident, no address, no
family or doctor. Her further cries join her open call, as a resident's do (bot/incidents/repeats.py).
"""
from __future__ import annotations

import logging

from ..config import Level, Policy
from ..flows.base import Ctx
from ..flows.menu import keyboard
from ..residents import full_address
from .advice import advice_keys, named_dangers
from .outage import called_at
from .unanswered import call_token, replayed_token, unanswered

log = logging.getLogger(__name__)
SCENE = ("fire_smoke", "gas", "water_electric", "sparking", "intruder", "abuse", "trapped",  # what to do meanwhile,
         "stair_smoke", "fire_fallen", "gas_fallen")  # told her too (a fall beside a fire: advice.py's _together)


def colleague_policy(settings) -> Policy:
    """`escalation.colleague` when config.yaml leaves it out: every colleague and the head at once, again at the
    emergency's next level and pace while nobody has claimed it."""
    em, everyone = settings.escalation.emergency, ["all_staff", "head"]
    return Policy(levels=[Level(after_minutes=0, to=everyone),
                          Level(after_minutes=em.levels[min(1, len(em.levels) - 1)].after_minutes or 3, to=everyone)],
                  repeat_every_minutes=em.repeat_every_minutes, arrival_timeout_minutes=em.arrival_timeout_minutes)


async def open_call_of(svc, staff_id: str) -> int | None:
    """The staff member's own call still open, if any (the newest open calls first: hers is rarely old). Not the
    call a hung Redis stored from the very cry being replayed now (unanswered.py): that one is opened, not joined."""
    token = replayed_token()
    for n in reversed(await svc.store.open_incident_ids()):
        inc = await svc.store.incident(n)
        if inc and inc.get("staff_caller") == staff_id and inc["status"] != "resolved" \
                and not (token and inc.get("call_token") == token):
            return n
    return None


class ColleagueCalls:
    """Opening a staff member's own call (part of `Incidents`)."""

    async def open_colleague(self, staff, words: str) -> int:
        """Stored first (with its first deadlines: the alert's safety net, the next level); the caller alerts. Where
        she is, if she holds a resident's call (`at`: fallen at his door, colleagues know which door)."""
        at = await self._where_she_works(staff.id)
        fields, deadlines, entry = self._new("colleague", self.svc.clock.ts(), resident="", staff_caller=staff.id,
                                             words=words, category=None, detail="", address_state="not_asked",
                                             source="colleague", **({"at": at} if at else {}))
        del deadlines["addr:{n}"]
        entry["by"] = staff.name
        token, replayed = call_token()  # a call a hung Redis stored after this round trip broke is this one
        if not (replayed and (n := await self.store.call_of_token(token))):
            try:
                n = await self.store.create_incident({**fields, "call_token": token}, entry, deadlines)
            except Exception:  # it may have been stored all the same: its journaled cry keeps the token
                unanswered(token)
                raise
        await self._note_recorded_late(n)  # replayed from the outage journal: said so, and her words then join it
        log.info("incident %s opened (colleague)", n)
        return n

    async def _where_she_works(self, staff_id: str) -> dict | None:
        """The resident's call she holds (the latest she took), with his registered address."""
        for n in reversed(await self.store.open_incident_ids()):
            inc = await self.store.incident(n)
            if inc and inc.get("claimed_by") == staff_id and inc["status"] in ("claimed", "arrived") \
                    and inc.get("resident"):
                person = await self.store.resident(inc["resident"]) or {}
                return {"n": n, "name": person.get("name", ""),
                        "address": full_address(self.svc.settings.community.address_prefix, person)}
        return None


async def on_cry(ctx: Ctx, words: str) -> None:
    """Her cry: a new call of her own, or on the one she has open (renewed if claimed, else told collapsed). She gets
    120 and 110, and the truth if no colleague could be reached."""
    svc = ctx.svc
    me = next(st for st in svc.settings.staff if st.id == ctx.me.staff_id)
    reached = 1
    if n := await open_call_of(svc, me.id):
        await svc.repeats.called_again(n, words, called_at(svc.clock.ts()), event="colleague_again")
    else:
        n = await svc.incidents.open_colleague(me, words)
        reached = await svc.incidents.alert_first(n)
    told = ctx.t("staff.colleague_told" if reached else "staff.colleague_not_reached",
                 phone=svc.settings.community.committee_phone)
    ctx.say("\n".join([told, *_meanwhile(ctx, words)]), keyboard=keyboard(ctx))


def _meanwhile(ctx: Ctx, words: str) -> list[str]:
    phone = ctx.svc.settings.community.committee_phone
    return [ctx.t(k, phone=phone) for k in meanwhile_keys(words)]


def meanwhile_keys(words: str) -> list[str]:
    """A fire, gas, a live wire, an intruder, being trapped: the advice a resident reads for it (bot/incidents/
    advice.py); a fall or a plain 救命 gets none (she knows what to do, and colleagues are coming)."""
    dangers = [d for d in named_dangers(words) if d in SCENE]  # as her advice reads them: sparks, not a fire
    return advice_keys(dangers) if dangers else []
