"""A staff member's words about a resident ("王老伯摔倒了，现在怎么样了", "张阿姨家里没人开门", "3号楼李阿姨说她头晕"):
never her own call for help (colleague.py is for "我摔倒了 起不来"), never a dead end.

her words name                          she gets (one message)
a registered resident with a call open  its line (#n, state, who holds it) and the buttons she can press on it
(or the call's number: "3号 要叫120")
                                        (not urgent yet — a request, a missed check-in —: [🆘 为…发起紧急求助] raises it)
a registered resident with none         [🆘 为张阿姨发起紧急求助]: one tap raises his call, reported by her (stf:raise)
  (her words tell of his death)         [🕯 为张阿姨登记去世报告] instead (stf:death: staff_death.py)
someone not on the register, or nobody  120 first, how to name a resident, the calls she can take
always, last                            [🆘 是我自己需要帮助] (stf:own): her colleague call, if the words were hers

Typing never acts by itself here either (staff_words.py): a staff member may be passing on what a neighbour said.
A raised call is a resident's emergency as any other (the on-duty staff alerted — maybe herself —, escalating, the
family and doctor on its packet), with her as its reporter. Whose words are whose: `about_someone` (her own hurt or a
threat at the scene stays her call, whoever else is named: "救命 王老伯的儿子要打我").
"""
from __future__ import annotations

import re

from .. import roster, staff_langs
from ..flows import staff_views
from ..flows.base import Ctx
from ..residents import GONE_FROM_HOME, full_address, residents_called
from ..textfit import clip
from ..types import Outbound
from . import family  # noqa: F401  (first: family and family_asks import each other, family's way round)
from . import staff_death
from .alerting import listeners
from .colleague import on_cry
from .family_asks import OWN as HER_FAMILY, worried
from .raising import open_call
from .staff_words import NUMBER, offer_rows
from .whom_to_call import UNREACHABLE, numbers

# her own hurt: "我摔倒了", "我被困", "救我", "打我", "我在张阿姨家摔倒了" (a place on the way, no pause, nobody else)
OWN = re.compile(r"救救?我|帮帮?我|(打|砍|捅|抢|追|咬|推|掐|拉住)我|我(自己|也|又|刚才?|已经|现在)?(摔|跌|倒|受伤|伤|被|头|胸|心"
                 r"|晕|动不了|起不来|流血|出事|不行|困|疼|痛|喘|肚子|腿|脚|腰)"
                 r"|我在[^，,。！!？?\s他她]{0,12}?(摔|跌|被困|困住|受伤|晕倒|动不了|起不来)"
                 r"|\b(i|i'?m|me)\b", re.I)
# "我" as a reporter ("我发现…", "我到王老伯家了", "我妈…", "我们这里…"): any other "我" ("把我关起来", "跟踪我",
# "我和王老伯都被困了") may be her in danger, and her call is the safer reading
REPORTER_I = re.compile(r"我(已经|刚才?|正在|现在)?(到|在|来|去|发现|看到|看见|听说|联系|打|叫|拨|报|给|问|通知|找|敲|过去"
                        r"|上门|们|妈|爸|母亲|父亲|家|这边|这里|那边)")
# danger to whoever is there, her too: her call, whoever else is named
AT_SCENE = re.compile(r"刀|打人|砍人|闯进|抢劫|威胁|着火|起火|失火|火灾|煤气|燃气|爆炸")
CRY_FIRST = re.compile(r"\s*(救命|救救|快来人|help\b|sos\b)", re.I)
OTHERS = re.compile(r"老人家?|居民|老伯|阿姨|奶奶|爷爷|大爷|大妈|阿婆|老太|爷叔|老先生|伯伯|婆婆|他|她")
# what she did or sees for someone at the scene: "叫了120", "救护车到了" (not "快叫救护车": that may be her own need)
REPORTED = re.compile(r"(叫|打|拨)(了|过)\s*(120|救护车)|已经?(叫|打|拨)\s*(120|救护车)|(120|救护车)(已经|马上|快)?(来|到)了?")
# worrying words about a resident that are no cry: reach the same answer instead of "请用下面的按钮"
NO_ANSWER = re.compile(r"没人开门|不开门|敲门没人|没人应|没有动静|没动静|没人在家|家里没人")
# a resident lost ("王老伯找不到了", "王老伯不见了", "出门到现在没回来"): a cry for him (110), as his fall is — but not
# a thing of his mislaid ("王老伯的表格找不到了")
THING_MISLAID = re.compile(r"的[^，,。！!？?\s他她人说]{1,6}(?:找不到|不见)")
CANDIDATES = 4


async def named(ctx: Ctx, text: str) -> tuple[list[dict], list[str]]:
    """The registered residents the words name, as people call them ("张阿姨" for 张桂芳, "3号楼张阿姨" the one of 3号:
    bot/residents/called.py; several alike: each), and the names said that match nobody on the register."""
    store = ctx.svc.store
    called = await residents_called(store, text)
    people = list(called.people)
    if not people and (m := NUMBER.search(text)):  # "3号情况严重 要叫120": the resident of the open call numbered
        inc = await store.incident(int(m.group(1) or m.group(2)))
        person = await store.resident(inc["resident"]) if inc and inc["status"] != "resolved" and \
            inc.get("resident") and not inc.get("staff_caller") else None
        people = [person] if person else []
    if not people and HER_FAMILY.search(text):  # "我妈摔倒了": hers, if the register has her as their contact
        me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
        rids = dict.fromkeys(link["rid"] for link in await store.contact_links_by_phone(me.phone))
        people = [p for rid in rids if (p := await store.resident(rid))]
    return people, [] if people else list(called.said)


def lost(text: str) -> bool:
    """Words that someone is lost ("王老伯找不到了"), not a thing of theirs ("王老伯的表格找不到了")."""
    return bool(GONE_FROM_HOME.search(text)) and not THING_MISLAID.search(text)


def hers(text: str) -> bool:
    """Words plainly about her own danger: her hurt, or a cry for help that opens them (a fire named in a notice she
    is writing is no call)."""
    return bool(OWN.search(text) or CRY_FIRST.match(text))


def media(ctx: Ctx) -> None:
    """A voice, photo or location from her, no words: the bot cannot listen, so one tap to her own call."""
    ctx.session["said"] = ctx.t(f"staffabout.sent_{ctx.ev.kind}")
    ctx.say(ctx.t("staffabout.media"), buttons=[[ctx.button("staffabout.own", "stf:own")]])


async def about_someone(ctx: Ctx, text: str, cried: bool) -> bool:
    """Whether her words are about someone else, not herself: a cry that names a resident (or 老人, 她 …) and no hurt
    or threat of her own; words that are no cry only when they are a worry about a named resident."""
    if OWN.search(text) or AT_SCENE.search(text) or "我" in REPORTER_I.sub("", text):
        return False
    if REPORTED.search(text) or cried and (OTHERS.search(text) or HER_FAMILY.search(text)):
        return True
    if not cried and not (worried(text) or NO_ANSWER.search(text) or lost(text)):
        return False  # ("好的", "收到": no look in the register for every word she types)
    people, unknown = await named(ctx, text)
    return bool(people or unknown)


async def answer(ctx: Ctx, text: str, cried: bool = True) -> None:
    """Her words about a resident: each one's open call with its buttons, or one tap to raise one; her own tap last.
    `cried`: her words were read as a cry (she is told it was not taken as hers)."""
    people, unknown = await named(ctx, text)
    ctx.session["said"] = clip(text, 300)  # for [🆘 为…发起] and [是我自己需要帮助]
    lines, rows = [ctx.t("staffabout.not_yours" if cried else "staffabout.about")], []
    unreachable = bool(UNREACHABLE.search(text))  # "王老伯电话没人接": whom else to call, too
    prefix, reported_dead = ctx.svc.settings.community.address_prefix, 0
    for person in people[:CANDIDATES]:
        inc = await open_call(ctx.svc.store, person["id"])
        where = [ctx.t("staffabout.where", address=full_address(prefix, person) or ctx.t("packet.no_address"))] \
            if len(people) > 1 else []  # several the words may mean: where each lives, to tell them apart
        if inc is None:
            lines += [ctx.t("staffwords.no_call", name=person["name"])] + where
            lines += numbers(ctx, person) if unreachable else []
            if staff_death.told(text):  # "王老伯去世了", no report of it open: a death report, never an ambulance
                rows.append(staff_death.offer(ctx, person))
                reported_dead += 1
                continue
            rows.append([ctx.button("staffabout.raise", f"stf:raise:{person['id']}", name=person["name"])])
            continue
        lines += [await staff_views.open_line(ctx, inc)] + where
        lines += numbers(ctx, person) if unreachable else []
        if holders := await _told_holders(ctx, inc, person, text):
            lines.append(ctx.t("staffabout.passed", names="、".join(holders)))
        rows += _rows_if_hers(ctx, inc, person["name"])
        if _death_reported(inc, text):  # "王老伯去世了" on his open death report: that report, never an ambulance round
            lines.append(ctx.t("staffabout.death_open", n=inc["id"], name=person["name"]))
            reported_dead += 1
        elif staff_death.told(text):  # "王老伯去世了" on his request or cry: 🕯 marked on it (on_tap), never a 🆘 tap
            rows.append(staff_death.offer(ctx, person))
            reported_dead += 1
        elif inc["kind"] != "emergency":  # his request (or a missed check-in) open: one tap makes it urgent (on_button)
            rows.append([ctx.button("staffabout.raise", f"stf:raise:{person['id']}", name=person["name"])])
    if len(people) > CANDIDATES:  # never a guess among many: the rest counted, and how to say which
        lines.append(ctx.t("staffabout.more", count=len(people) - CANDIDATES))
    if not people:
        calls = await _takeable(ctx)
        lines.append(ctx.t("staffabout.unknown", names="、".join(dict.fromkeys(unknown))) if unknown
                     else ctx.t("staffabout.reported") if calls and REPORTED.search(text) else ctx.t("staffabout.who"))
        for inc, name in calls:
            lines.append(await staff_views.open_line(ctx, inc))
            rows += offer_rows(ctx, inc, name, "there")
    if not people or reported_dead < len(people[:CANDIDATES]):
        rows.append([ctx.button("staffabout.own", "stf:own")])
    ctx.say("\n".join(lines), buttons=rows)


async def _death_first(ctx: Ctx, person: dict, sure: bool) -> bool:
    """A tap to raise his call (often from before) after his death was reported: once confirmed, nothing is raised
    (a mistake is undone on the report first); while the report is open she is asked once more (`sure`: she was)."""
    if died := await ctx.svc.store.died(person["id"]):
        ctx.edit_pressed(ctx.t("staffabout.died", n=died.get("incident") or "?", name=person["name"]))
        return True
    inc = await open_call(ctx.svc.store, person["id"])
    if sure or inc is None or not (inc.get("category") == "death" or inc.get("death_told")):
        return False
    ctx.edit_pressed(ctx.t("staffabout.death_open", n=inc["id"], name=person["name"]), [
        [ctx.button("staffabout.raise_alive", f"stf:raise:{person['id']}:alive", name=person["name"])],
        *_rows_if_hers(ctx, inc, person["name"])])
    return True


def _death_reported(inc: dict, text: str) -> bool:
    """Her words tell of his death while his family's report of it is open (its own request, or told on his call)."""
    return (inc.get("category") == "death" or bool(inc.get("death_told"))) and staff_death.told(text)


def _rows_if_hers(ctx: Ctx, inc: dict, name: str) -> list[list]:
    """The call's buttons if it is hers to press: nobody's yet, hers, or left by its claimer (never a colleague's)."""
    mine = inc.get("claimed_by") in (None, "", ctx.me.staff_id) or inc.get("reopened")
    return offer_rows(ctx, inc, name) if mine else []


async def _told_holders(ctx: Ctx, inc: dict, person: dict, text: str) -> list[str]:
    """Her words on the resident's open call's timeline, and to the colleagues holding it (never back to her): the
    names of those who got them."""
    svc, me = ctx.svc, roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    await svc.store.add_timeline(inc["id"], {"at": svc.clock.ts(), "event": "staff_added", "by": me.name,
                                             "words": clip(text, 300)})
    chats = [c for c in await listeners(svc, inc) if c != ctx.ev.user_id]
    if not chats:
        return []
    said = lambda c: staff_langs.t(svc, c, "alert.staff_added", n=inc["id"],  # noqa: E731 — in her language
                                   name=person["name"], by=me.name, words=clip(text, 300))
    sent = await svc.outbox.send_all([Outbound(c, said(c), urgent=inc["kind"] == "emergency", tag=f"added:{inc['id']}")
                                      for c in chats])
    return [st.name for st in svc.settings.staff for c, res in zip(chats, sent) if res.ok and st.telegram_id == c]


async def _takeable(ctx: Ctx) -> list[tuple[dict, str]]:
    """The residents' open calls nobody has taken, or hers (never her own cry), with whom each is about."""
    store, out = ctx.svc.store, []
    for n in await store.open_incident_ids():
        inc = await store.incident(n)
        if inc and inc["status"] != "resolved" and not inc.get("staff_caller") \
                and inc.get("claimed_by") in (None, "", ctx.me.staff_id):
            out.append((inc, (await staff_views.about(ctx, inc)).get("name", "")))
    return out[:CANDIDATES]


async def on_button(ctx: Ctx, args: list[str]) -> bool:
    """stf:own — her own call after all; stf:raise:<resident id> — a call for that resident, reported by her."""
    said = ctx.session.get("said") or "🆘"
    if args == ["own"]:
        ctx.session.pop("said", None)
        ctx.edit_pressed(ctx.t("staffabout.own_pressed"))
        await on_cry(ctx, said)
        return True
    if len(args) == 2 and args[0] == "death" and (person := await ctx.svc.store.resident(args[1])):
        await staff_death.on_tap(ctx, person, said)  # [🕯 为…登记去世报告]
        return True
    if len(args) not in (2, 3) or args[0] != "raise" or args[2:] not in ([], ["alive"]):
        return False
    person = await ctx.svc.store.resident(args[1])
    if person is None:
        return False
    if await _death_first(ctx, person, sure=args[2:] == ["alive"]):
        return True
    me = roster.staff_by_id(ctx.svc.settings, ctx.me.staff_id)
    incidents = ctx.svc.incidents
    reporter = {"name": me.name, "relation": ctx.svc.cat.t("staffabout.relation"), "phone": me.phone, "staff": me.id}
    existing, n = await incidents.opened_or_open("emergency", person, words=said, source="staff", ask_address=False,
                                                 reporter=reporter)
    if existing:  # his call was opened meanwhile: that one, raised if it was a request, never a second
        key = "staffabout.already"
        if existing["kind"] != "emergency":
            raised = await incidents.raise_call(existing["id"], said, "staff")
            key = "staffabout.raised_open" if raised else "staffabout.raised_nobody" if raised == 0 else key
        ctx.edit_pressed(ctx.t(key, n=existing["id"], name=person["name"],
                               phone=ctx.svc.settings.community.committee_phone),
                         _rows_if_hers(ctx, await ctx.svc.store.incident(existing["id"]), person["name"]))
        return True
    reached = await incidents.alert_first(n)
    ctx.edit_pressed(ctx.t("staffabout.raised" if reached else "staffabout.raised_nobody", n=n, name=person["name"],
                           phone=ctx.svc.settings.community.committee_phone),
                     offer_rows(ctx, await ctx.svc.store.incident(n), person["name"]))  # hers to take, if she is there
    return True
