"""A resident's own cry about a neighbour ("隔壁张阿姨摔倒了 快来" typed by 刘奶奶) is her call at once: the fast lane reads
no register, and her packet says loudly it may be someone else (bot/incidents/packet.py). Once that first alert has
gone, the register is read here for whom her words mean (bot/residents/called.py, "隔壁" by her own building): the
staff alerted on her call (its claimer, once claimed) get one line after the packet — the neighbour with address and
phone, or each one it may be, none guessed — also on the call's timeline and in the packets of later rounds
(`neighbours`). Her request naming one ("隔壁张阿姨的插线板很旧了 帮她换一个", bot/incidents/help_request.py) the same,
once it reached staff — a request of its own, or joined to a call of hers already open. Nobody found: nothing is
said. Any failure here is logged and changes nothing else.
"""
from __future__ import annotations

import asyncio
import logging

from .. import roster
from ..residents import residents_called
from .alerting import listeners
from .family_asks import maybe_someone_else
from .own_name import others_named
from .packet import tappable
from .reported import candidates

log = logging.getLogger(__name__)
LISTED = 4  # a surname many share: the first four, and how many more


def after_first_alert(svc, n: int, person: dict, alerting: asyncio.Future | None, words: str) -> None:
    """Looks up the neighbour her words (the cry's, or what she typed on her open call after a 🆘) may mean, once her
    call's first alert is out (`alerting`), in the background: her next question and anyone's reply wait for none of
    it. Words about herself (most cries) start nothing."""
    if words and maybe_someone_else({"words": words}, person):
        svc.incidents.background(_looked_up(svc, n, person, alerting, words))


async def _looked_up(svc, n: int, person: dict, alerting: asyncio.Future | None, words: str) -> None:
    try:
        if alerting is not None:
            await asyncio.wait([alerting])  # the packet first: this line follows it in each chat
        await tell_who_it_may_be(svc, n, person, words)
    except Exception as e:  # the call, its alert and its escalation stand as they are
        log.warning("looking up the neighbour named on incident %s failed: %s", n, type(e).__name__)


async def tell_who_it_may_be(svc, n: int, person: dict, words: str = "") -> int:
    """The registered neighbours her words (the call's own, or `words` said on it) may mean, to the staff holding her
    call, once for the same neighbours. How many chats got it."""
    inc = await svc.store.incident(n)
    if inc is None or inc["status"] == "resolved" or not maybe_someone_else({**inc, "words": words or inc["words"]},
                                                                           person):
        return 0
    said, _ = others_named(words or inc["words"], person)  # "我是张阿姨，楼上王老伯…": not her own name looked up
    called = await residents_called(svc.store, said, near=[person])
    others = [p for p in called.people if p["id"] != person["id"]]
    found = candidates(svc, others)
    if not others or inc.get("neighbours") == found[:LISTED]:  # nobody, or told already
        return 0
    names = "、".join(c["name"] for c in found)
    await svc.store.update_incident(n, neighbours=found[:LISTED])
    await svc.store.add_timeline(n, {"at": svc.clock.ts(), "event": "neighbour_named", "names": names})
    cat, sure = svc.cat, called.one is not None and len(others) == 1
    lines = [cat.t("alert.neighbour_one" if sure else "alert.neighbour_several", n=n, name=person.get("name", ""))]
    lines += [cat.t("packet.candidate", name=c["name"], address=c["address"] or cat.t("packet.no_address"),
                    phone=tappable(c["phone"])) for c in found[:LISTED]]
    if len(found) > LISTED:
        lines.append(cat.t("alert.neighbour_more", count=len(found) - LISTED))
    svc.incidents.background(svc.incidents.refresh(n))  # later rounds' packets (and these) list them too
    return await roster.pass_on(svc, await listeners(svc, inc), "\n".join(lines), None, tag=f"neighbour:{n}",
                                urgent_intro=True)
