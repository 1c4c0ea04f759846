"""A family contact's words the bot is unsure of ("我爸说他肚子胀": no danger named, the model only suspects one).

A resident's unsure words are asked about in one tap; a daughter's raised a full 🆘. Now staff hear them at once as a
request (a person has them, whatever she does next) and she is asked one short question:

family.unsure   "{name}现在需要马上有人去吗？"
                  [🆘 要，马上去]  her call becomes an emergency (family.cry_for_help: the open request is raised)
                  [🙂 不急]        it stays a request; she reads that staff will contact her
                typed: yes, "很急", "不知道" → as 🆘; "不急", "没事" → as 🙂 (need_now's words); anything else is read as
                usual (a cry the engine judged raises the call; other words join it)
                No answer within WAIT_SECONDS while nobody has taken it → an emergency (timer "fun"), as a resident's
                unsure call is one from the start.

Only words that name an ailment are asked about. Anything with a danger in it — a red flag, a weak one too, tears,
"说不清楚怎么了", a sense that something is wrong, no answer from him ("都没回消息", "家门敲不开") — and any other
unsure words are a cry at once, never this question; so are her words when she looks out for several.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.menu import show_menu
from ..flows.understanding import ACHE, is_emergency
from ..types import Outbound
from . import family  # each imports the other: family reads the words, this module asks and hears the answer
from .family_calm import untold
from .need_now import COME, NO_NEED, UNSURE

WAIT_SECONDS = 300
TIMER = "fun"
# something is wrong now, she cannot say what: a person at once ("在电话里哭", "感觉不对", "不对劲", "出事了")
URGENT = re.compile(r"急|快去|去吧|要去|^(?:要|是|对|嗯)")  # (after need_now's "不急", "不用")
WRONG = re.compile(r"哭|不对劲|不对头|感觉不对|出事|不行了|不好了|有人在|死|没回|没接|不接|不回|联系不上|打不通|敲不开|开不开|没人开"
                   r"|没反应|找不到|不见了")
# an ailment named, the only kind of words asked about ("肚子胀", "腿肿了", "便秘了"); any other unsure words stay a cry
AILMENT = re.compile(ACHE.pattern + r"|胀|不消化|没胃口|吃不下|痒|便秘|失眠|睡不着|没力气|没劲|乏力|累")


def unsure(text: str, read: dict) -> bool:
    """The model suspects an emergency but is not sure, and the words name an ailment and no danger at all."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    intent = read["intent"]
    if not is_emergency(read) or intent["name"] == "emergency" and intent["confidence"] >= 0.5:
        return False
    said = normalise(text)
    return bool(AILMENT.search(said)) and not (fired_rules(said) or untold(text) or WRONG.search(said))


async def asked(ctx: Ctx, text: str, read: dict) -> bool:
    """Unsure words about the one resident she looks out for: to staff as a request, then the question."""
    if not unsure(text, read):
        return False
    _, people = await family.linked_people(ctx)
    if len(people) != 1:
        return False  # several: the cry's way (staff hear each at once, she says which)
    n = await family.request(ctx, text, category="unwell", noted="family.unsure_noted")  # 🤒 on him, not ✏️ 其他
    inc = await ctx.svc.store.incident(n) if n else None
    if inc and inc["kind"] != "emergency" and inc["status"] != "resolved":
        when = int(ctx.svc.clock.ts())
        ctx.goto("family", "unsure", incident=n, said=text[:200], asked=when)
        ctx.say(ctx.t("family.unsure_ask", name=people[0]["name"]),
                buttons=[[ctx.button("btn.unsure_yes", f"fun:yes:{n}")], [ctx.button("btn.unsure_no", f"fun:no:{n}")]])
        await ctx.svc.store.set_deadline(f"{TIMER}:{n}:{ctx.ev.user_id}:{when}", when + WAIT_SECONDS)
    return True


async def answered(ctx: Ctx, text: str) -> bool:
    """Her typed answer to the question; False (the question dropped) for words that answer something else, or once
    the call is urgent or over (her words are read as usual then)."""
    inc = await ctx.svc.store.incident(ctx.session.get("incident", 0))
    if not inc or inc["kind"] == "emergency" or inc["status"] == "resolved":
        ctx.goto(None)
        return False
    n = str(ctx.session.get("incident", 0))
    if UNSURE.search(text):  # not knowing is a yes, as a resident's is
        await on_button(ctx, ["yes", n])
    elif NO_NEED.search(text):
        await on_button(ctx, ["no", n])
    elif COME.search(text) or URGENT.search(text):
        await on_button(ctx, ["yes", n])
    else:
        ctx.goto(None)
        return False
    return True


async def on_button(ctx: Ctx, args: list[str]) -> None:
    """fun:yes|no:{n} — urgent now, or it may wait for staff to contact her."""
    choice, n = args[0], int(args[1]) if len(args) > 1 and args[1].isdigit() else 0
    said = ctx.session.get("said", "") if ctx.session.get("incident") == n else ""
    label = ctx.t("btn.unsure_yes" if choice == "yes" else "btn.unsure_no")
    inc = await ctx.svc.store.incident(n) if n else None
    if ctx.ev.kind == "button":
        ctx.edit_pressed(ctx.t("family.unsure_asked") + "\n" + label)
    ctx.goto(None)
    if choice == "yes":  # never stale: a cry on his open call, or a call of its own
        await family.cry_for_help(ctx, ctx.t("family.unsure_words", said=said or "", reply=label).strip(" →"))
    elif inc is None or inc["status"] == "resolved":
        show_menu(ctx, "bad.stale_button")
    else:
        show_menu(ctx, "family.unsure_not_urgent", name=(await ctx.svc.store.resident(inc["resident"]) or {})
                  .get("name", ""), phone=ctx.svc.settings.community.committee_phone)


async def on_deadline(svc, key: str) -> bool:
    """No answer: while nobody has taken the call, it becomes an emergency (her family line tells her so)."""
    _, n, chat, when = key.split(":")
    async with svc.store.lock(f"user:{chat}"):  # the engine's own lock for her messages
        session = await svc.store.session(int(chat))
        if session.get("step") != "unsure" or str(session.get("asked")) != when or session.get("incident") != int(n):
            return True  # answered, or she went on to something else
        await svc.store.save_session(int(chat), {})
    inc = await svc.store.incident(int(n))
    if inc is None or inc["status"] != "open" or inc["kind"] == "emergency":
        return True  # a staff member has it (or it is over, or urgent already)
    words = svc.cat.t("family.unsure_words", said=session.get("said", ""), reply=svc.cat.t("family.unsure_silent"))
    if await svc.incidents.raise_call(int(n), words, "family") == 0:
        await svc.outbox.send(Outbound(int(chat), svc.cat.t("help.not_reached",
                                                            phone=svc.settings.community.committee_phone),
                                       urgent=True))
    return True

