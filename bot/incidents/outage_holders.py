"""The staff holding a call hear once what was typed about it during an outage (outage_words.py): one message a call
and outage, however many processes replay its words.

Each process, under the lock "outage_told:{n}", first writes the words it replays into the call's record of the
outage ("outage_told": when its message went, how many words, the latest SAID_KEPT) — record, then act. The first
message to a staff chat is then claimed in Redis, once a call, outage and chat (store/leases.py): a second process
whose lock ran out while the first's message was still on its way (a slow chat) finds it claimed and sends nothing
new. Whoever sent it reads the record again once its id is kept and edits the message while words were added
meanwhile; words added after that see the id and edit it themselves. Editing twice shows the same lines: harmless.
"""
from __future__ import annotations

from ..types import MessageRef, Outbound
from .alerting import listeners

EDITS = 3  # a sender's edits for words added while its message was on its way, at most


async def tell_holders_of(svc, n: int, said: list[dict], kept: int) -> None:
    """`said` (new words about call `n`, oldest first) recorded, then its holders told (`kept`: how many lines)."""
    async with svc.store.lock(f"outage_told:{n}"):  # two processes replaying at once add to one record
        if not (inc := await svc.store.incident(n)):
            return
        told = _recorded(svc, inc.get("outage_told") or {}, said, kept)
        await svc.store.update_incident(n, outage_told=told)
        chats = await listeners(svc, inc)
    for _ in range(EDITS):
        if not await _send(svc, n, told, chats, kept):
            return
        latest = ((await svc.store.incident(n)) or {}).get("outage_told") or {}
        if latest.get("sent") != told["sent"] or latest.get("count") == told["count"]:
            return  # nothing added meanwhile (or an outage of its own since: its words are told by whoever adds them)
        told = latest


def _recorded(svc, told: dict, said: list[dict], kept: int) -> dict:
    """The outage's record with `said` in it: the words of one outage, or, said after its message went, a new one."""
    if said[0]["at"] > told.get("sent", 0):
        told = {"sent": svc.clock.ts()}
    shown = sorted({(s["at"], s["by"], s["words"]): s for s in [*told.get("said", []), *said]}.values(),
                   key=lambda s: s["at"])
    return {"sent": told["sent"], "count": told.get("count", 0) + len(said),
            "said": [{k: s[k] for k in ("at", "by", "words")} for s in shown[-kept:]],
            **({"messages": told["messages"]} if told.get("messages") else {})}


async def _send(svc, n: int, told: dict, chats: list[int], kept: int) -> bool:
    """The record as one message to each chat: a new one where this process claimed the chat's first, else the one
    kept edited. Whether any went."""
    store, t, sent = svc.store, svc.cat.t, told["sent"]
    lines = [t("packet.outage_said", time=svc.clock.local(s["at"]).strftime("%H:%M"), by=s["by"], words=s["words"])
             for s in told["said"]]
    if told["count"] > kept:
        lines.insert(0, t("packet.outage_said_more", count=told["count"] - kept, n=n))
    text = f"#{n} " + "\n".join(lines)
    ids = {**(told.get("messages") or {}), **await store.outage_messages(n, sent)}  # (a record written before ids
    msgs = []  # were kept in Redis on their own: its "messages")
    for chat in chats:
        if ids.get(str(chat)):
            msgs.append(Outbound(chat, text, urgent=True, edit=MessageRef(chat, ids[str(chat)])))
        elif await store.claim_outage_message(n, sent, chat):
            msgs.append(Outbound(chat, text, urgent=True))
    for msg, res in zip(msgs, await svc.outbox.send_all(msgs)):
        if not msg.edit:  # its id kept for whoever edits it, or the chat given back (the next replay tries again)
            await store.keep_outage_message(n, sent, msg.chat_id, res.message_id if res.ok else None)
    return bool(msgs)
