"""Half a sentence: a slow typer's first message is often a fragment ("我", "那个", "我我"). With nothing open and no
call of hers, it is waited for — "您慢慢说，我在听。", nobody paged — and a person still hears of it: if nothing
follows within WAIT_SECONDS, staff get a gentle request to phone her, and she is told (timer "half", in Redis like
every deadline). Anything she sends next is read as usual and ends the wait (`heard_more`, bot/flows/resident.py);
a second fragment while one waits is read as usual too (a request: a person phones)."""
from __future__ import annotations

import re

from ..incidents.raising import open_call
from ..types import Outbound
from .base import Ctx
from .chat_words import core
from .menu import show_menu

FRAGMENT = re.compile(r"(我|那个|这个){1,4}[。.…,，~～]*")
WAIT_SECONDS = 300
TIMER = "half"


def heard_more(ctx: Ctx) -> bool:
    """Any words of hers end the wait; True: a fragment was waiting."""
    return ctx.session.pop("half", None) is not None


async def waited_for(ctx: Ctx, text: str, waiting: bool) -> bool:
    """A lone fragment from a resident with nothing open: "您慢慢说", the timer set (True). `waiting`: one was."""
    if waiting or ctx.me.role != "resident" or ctx.step != (None, None) or not FRAGMENT.fullmatch(core(text)):
        return False
    if await open_call(ctx.svc.store, ctx.me.resident_id):  # her call's staff read her words as usual
        return False
    at = int(ctx.svc.clock.ts())
    ctx.session.update(half=at, half_said=text.strip()[:20])
    await ctx.svc.store.set_deadline(f"{TIMER}:{ctx.me.resident_id}:{at}", at + WAIT_SECONDS)
    show_menu(ctx, "talk.half_said")
    return True


async def on_deadline(svc, key: str) -> bool:
    """Nothing followed the fragment: staff get a request to phone her, and she is told."""
    _, rid, at = key.split(":")
    person = await svc.store.resident(rid)
    if not person or not person.get("tg_id") or await open_call(svc.store, rid):  # a cry followed: its call has her
        return True
    async with svc.store.lock(f"user:{person['tg_id']}"):  # the engine's own lock for her messages
        session = await svc.store.session(person["tg_id"])
        if str(session.get("half")) != at:
            return True  # she said more meanwhile
        said = session.pop("half_said", "")
        session.pop("half", None)
        await svc.store.save_session(person["tg_id"], session)
    words = svc.cat.t("help.half_said_words", said=said)
    existing, n = await svc.incidents.opened_or_open("help", person, words=words, category="half_said",
                                                     source="text", detail=words, ask_address=False)
    if not existing:
        await svc.incidents.alert_first(n)
    await svc.outbox.send(Outbound(person["tg_id"], svc.cat.t("talk.half_said_passed", person.get("locale"))))
    return True
