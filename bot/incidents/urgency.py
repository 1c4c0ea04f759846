"""A cry for help outranks every conversation step. The engine judges urgency first, before the person's lock and
before any step (address, age question, check-in, category menu, sign-up), on every kind of message that
carries words: a text of any length, a photo's or voice's caption, an edited message. A judged cry goes the same
fast lane as the 🆘 button (Incidents.sos); here is what follows it, and the rules that keep a step from
outliving its purpose.
"""
from __future__ import annotations

import asyncio
import re
from dataclasses import replace

from nlu.pinyin_typed import characters

from .. import roster
from ..flows.base import Ctx
from ..flows.bereaved import died_just_now, spouse_mourned
from ..flows.chat_words import CALM_KINDS, kind_of
from ..flows.life_told import asks_after_spouse, away_or_low, mishap, spouse_and_age
from ..flows.understanding import DANGER_WORDS, HELP_CAME, LONE_HELP, WORDED, danger_in, keyword_parse, understand
from ..services import Services
from ..types import Inbound, Outbound
from .family_calm import where_only
from . import address_steps, family_life, group_media, help_request, neighbour_named, need_now, scam_back, stranger_call
from .packet import tappable
from .outage import replaying
from .raising import open_call
from .said_after import UP

STEP_IDLE_SECONDS = 2 * 3600  # a question left unanswered this long is no longer being asked
CONFIDENT = 0.6  # the model's certainty that takes a text the fast lane without a danger word
READ_CHARS = 500  # what the model reads of an over-long message (the keyword net reads all of it)
BARE_NUMBER = re.compile(r"\W*\d+\W*")
# a yes to the address read back, first in a cry ("对的 快点来", "是的 我跌跤了"); never "对不起", "是不是", "是我"
# somewhere not home, said in a cry to the address read back ("不在家 在菜场摔的"); a room at home is no other place
ELSEWHERE = re.compile(r"不在(?:家|屋里)|(?:^|[\s，,。我]|(?<![有个])人)在(?!家|屋里|自己家|地上|床|厕所|卫生间|浴室|厨房|客厅|房间|阳台|门口)\S")
YES_FIRST = re.compile(r"(?:是|对|没错|嗯+|yes)(?:的|额|呀|啊|滴|对+)?(?=[\s，,。.!！])", re.I)


async def typed_cry(svc: Services, ev: Inbound, menu_labels: frozenset[str]) -> str:
    """The words of a cry for help in this event, or "" when it carries none. The understanding decides (its danger
    words weighed in their context: "新闻里说有个老人摔倒了" is no call); a keyword list only when it is unavailable."""
    if ev.kind not in WORDED or not ev.text.strip() or ev.text.strip() in menu_labels:
        return ""
    text, window = ev.text.strip(), _window(ev.text.strip())
    if BARE_NUMBER.fullmatch(text):  # "120" may be a room number told to the address question: its step decides
        return ""
    if LONE_HELP.fullmatch(text) and await svc.store.resident_by_tg(ev.user_id):
        return text  # "帮助" alone from a resident: 救命, asked "需要马上有人来吗？" (the 🆘 asks the address first)
    flags = getattr(svc.nlu, "red_flag_words", None)
    if flags and flags(window):  # a danger present now (not negated, asked about, past...): the model would agree
        return text
    if (HELP_CAME.search(text) or UP.search(text)) and await _call_open(svc, ev.user_id):
        return ""  # "120来了", "我自己爬起来了" on her open call: news for its staff (said_on_call, said_after), no new alarm
    if died_just_now(text):  # "我老伴刚走了 怎么办": a death at home just now is a call, whatever the model says
        return text
    if spouse_mourned(text) or away_or_low(text) or mishap(text) or asks_after_spouse(text) or spouse_and_age(text):
        return ""  # "老伴不在了", "老伴去医院开刀了", "不想说话", "我老头子呢", "老伴87": read in its step
        # (bot/flows/life_told.py), which still raises a call at once where nothing was being asked
    if kind_of(text) in CALM_KINDS or where_only(text) or await family_life.kind(svc, text):
        return ""  # "老头子打呼噜太响了", "我爸在厨房", "我爸手抖得厉害": no danger named (bot/flows/chat.py's kind word;
        # bot/incidents/family_calm.py, family_life.py)
    intent = (await understand(svc, window))["intent"]
    # an uncertain one ("我回来了": 0.47 emergency) goes through its step, which may ask "需要马上有人来吗"
    return text if intent["name"] == "emergency" and intent["confidence"] >= CONFIDENT else ""


async def _call_open(svc: Services, user_id: int) -> bool:
    person = await svc.store.resident_by_tg(user_id)
    return bool(person) and await open_call(svc.store, person["id"]) is not None


def _window(text: str) -> str:
    """What the model reads of an over-long message: the part around its first danger word, else its start."""
    if len(text) <= READ_CHARS:
        return text
    low = text.lower()
    hits = [low.find(w) for w in DANGER_WORDS if w in low]
    start = max(0, min(hits) - READ_CHARS // 2) if hits else 0
    return text[start:start + READ_CHARS]


async def after_cry(ctx: Ctx, opened, alerting, source: str) -> None:
    """A resident's call just stored by the fast lane, or another one while theirs is open. A call made in a group
    goes on in private, if the bot can write to them there (else staff are asked to phone them, and a photo that
    carried the call follows it)."""
    if opened.outcome == "already_open" and not await open_call(ctx.svc.store, opened.person["id"]):
        # closed since the fast lane found it (a late check-in answer closes a missed one; staff resolved it): a new
        # call, never a line on a closed one
        words = (ctx.ev.text.strip() or "🆘") if source != "button" else "🆘"
        opened, alerting = await ctx.svc.incidents.sos(ctx.ev.user_id, words=words, source=source)
    if opened.outcome == "opened":
        words = ctx.ev.text.strip() if source != "button" else ""  # "隔壁张阿姨摔倒了": who it may be, after
        neighbour_named.after_first_alert(ctx.svc, opened.n, opened.person, alerting, words)
        if source == "group" and not await _can_write(ctx.svc, ctx.ev.user_id):
            await _call_them(ctx, opened.n, alerting)
            if ctx.ev.kind in help_request.MEDIA:  # the photo that carried the call follows it to staff
                await help_request.forward_media(ctx, opened.n, tell=False)
            return
        # a death just now ("老伴刚走了"): staff are coming, "您需要马上有人来吗？" would be cold; her address is still read back
        confirm = source in ("text", "group") and not died_just_now(ctx.ev.text or "")
        if source == "text":
            await scam_back.rings_again(ctx, ctx.ev.text)  # "他又打来了" after her scam call closed: the scam's lines
        await help_request.after_alert(ctx, opened.n, opened.person, alerting, confirm_need=confirm)
        return
    words = ctx.ev.text.strip() or "🆘"
    asked = ctx.session.get("incident") == opened.n and ctx.step == ("help", "need_now")
    # the step she was at before this cry: a request raised by it has just been asked for the address (`again`),
    # and the cry's own words are no answer to that
    was_asked_where = ctx.session.get("incident") == opened.n and ctx.step[1] in ("ask_address", "confirm_address")
    if await scam_back.rings_again(ctx, words):  # "他又打来了" on her scam call: the scammer again, never a yes
        asked = False
    if asked and ctx.ev.kind == "text" and (not danger_in(ctx.svc, words) or need_now.COME_ONLY.fullmatch(words)):
        await need_now.on_need_words(ctx, words, "emergency", opened.n)  # to "您需要马上有人来吗？"
        return
    await help_request.again(ctx, opened.n, words)
    if source == "group" and not await _can_write(ctx.svc, ctx.ev.user_id):  # on his open call (he blocked the
        await _call_them(ctx, opened.n, None)  # chat: blocked.py's call): staff are asked to phone him, as for a new one
    neighbour_named.after_first_alert(ctx.svc, opened.n, opened.person, None, words)  # 🆘 first, then her words
    if ctx.ev.kind in help_request.MEDIA:
        await help_request.forward_media(ctx, opened.n)
    elif was_asked_where and ctx.step[1] in ("ask_address", "confirm_address"):
        from nlu.entities import parse_address

        if any(parse_address(words).values()):  # "救命 我在27弄7号": the address it carries is not lost
            await address_steps.on_address_text(ctx, opened.n)
        elif ctx.step[1] == "confirm_address" and YES_FIRST.match(words):  # "对的 快点来 我起不来": nor its yes
            await address_steps.on_address_answer(ctx, "yes", opened.n)
        elif ELSEWHERE.search(words):  # "不在家 在菜场摔的", asked where she is "我在女儿家摔倒了": nor where she is
            ctx.goto("help", "ask_address", incident=opened.n, asked_twice=True)  # in her words, to staff now
            await address_steps.on_address_text(ctx, opened.n)
    elif ctx.ev.kind == "text" and replaying() is None and await address_steps.place_in_cry(ctx, opened.n, words) \
            and not ctx.step[0]:  # after her ✅ 对, or to "需要马上有人来吗？": where she is, loudly (the question kept)
        await address_steps.kept(ctx, opened.n, "help.address_restated")


KNOWN_COMMANDS = {"start", "menu", "cancel", "help", "lang", "language"}
COMMAND_NAME = re.compile(r"[a-z0-9_]+")


def pinyin_as_words(ev: Inbound) -> Inbound:
    """"wo ba zou diu le", "woshuaidaole", "shi de": pinyin typed for want of characters, read on as the characters it
    spells ("我爸走丢了"), so the red flags, the advice and every step's answers ("是的" to the address) read it; the
    letters kept beside them (`typed`), which staff read with her words (nlu.pinyin_typed.as_typed)."""
    said = characters(ev.text) if ev.kind in WORDED and ev.text else None
    return replace(ev, text=said, typed=ev.text.strip()) if said else ev


def command_as_words(ev, routes, staff_commands) -> object:
    """"/救命", "/sos", "/ 救命": an unknown command is read as the words after its slash — a cry is a cry, never
    "没有这个功能" — while a known one keeps its meaning."""
    if ev.kind != "command":
        return ev
    name = ev.text.lstrip("/").partition(" ")[0].split("@")[0].lower()
    words = ev.text.strip().lstrip("/").strip()
    if not words or name in KNOWN_COMMANDS or name in staff_commands or routes.command(name):
        return ev
    if COMMAND_NAME.fullmatch(name) and not keyword_parse(words)["emergency_suspected"]:
        return ev  # "/frobnicate": a command she does not have
    return replace(ev, kind="text", text=words)


async def drop_stale_step(ctx: Ctx) -> None:
    """A step belonging to a closed incident, or (belonging to none) left unanswered for hours, is no longer
    waiting for anything."""
    session, n = ctx.session, ctx.session.get("incident")
    if n:  # it lives as long as its incident
        inc = await ctx.svc.store.incident(n)
        if inc is None or inc["status"] == "resolved":
            asked = ctx.step == ("help", "need_now") and ctx.svc.clock.ts() - session.get("at", 0) <= STEP_IDLE_SECONDS
            session.clear()
            if asked and inc:  # "您需要马上有人来吗？" left unanswered: her "要" now still answers it (not_came.py)
                session["asked_closed"] = n
    elif session.get("at") and ctx.svc.clock.ts() - session["at"] > STEP_IDLE_SECONDS:
        session.clear()


async def open_emergency(ctx: Ctx) -> dict | None:
    """Her open emergency, when these are her typed words: the call's before any feature reads them as its own ("我
    明天去女儿家住几天" is where she will be, for the staff on their way — never the check-in's away asked)."""
    if ctx.me.role != "resident" or ctx.ev.kind != "text":
        return None
    inc = await open_call(ctx.svc.store, ctx.me.resident_id)
    return inc if inc and inc["kind"] == "emergency" else None


def stamp(ctx: Ctx) -> None:
    """When the step being waited for was last touched (see drop_stale_step)."""
    if ctx.session:
        ctx.session["at"] = ctx.svc.clock.ts()


async def in_group(svc: Services, ev: Inbound) -> tuple[list[Outbound], Inbound | None]:
    """The bot serves people one to one, but a cry for help in a group it is in still gets 120 and the committee
    there (nothing personal). A registered resident's, family contact's or staff member's call then goes on as if
    written in private (the event returned; a staff member's is her colleague call, bot/incidents/colleague.py); a
    stranger's is a call of its own, or joins the group's (bot/incidents/stranger_call.py). A voice or photo without
    such words reaches staff too (bot/incidents/group_media.py)."""
    words = await typed_cry(svc, ev, frozenset())
    if not words:
        return await group_media.in_group(svc, ev) if ev.kind in group_media.MEDIA else ([], None)
    loc = svc.cat.locale_for(ev.language, ev.text)
    msg = Outbound(ev.chat, svc.cat.t("group.urgent", loc, phone=svc.settings.community.committee_phone), urgent=True)
    await svc.outbox.send(msg)
    staff = roster.staff_by_tg(svc.settings, ev.user_id)  # hers: her colleague call, as in private
    if staff or await svc.store.resident_by_tg(ev.user_id) or await svc.store.contact_account(ev.user_id):
        kept = {"group_id": ev.chat} if ev.kind in group_media.MEDIA else {"kind": "text", "message_id": None}
        return [msg], replace(ev, chat_id=ev.user_id, is_group=False, text=words, **kept)  # a photo follows the call
    await svc.store.log_stranger(ev.user_id, {"at": svc.clock.ts(), "kind": "group", "name": ev.first_name,
                                              "text": words[:300]})
    await stranger_call.in_group(svc, ev, words)  # a call: a named resident's, theirs or the group's
    return [msg], None


async def _can_write(svc: Services, uid: int) -> bool:
    """Whether a message would reach their private chat (blocked, or never started: no)."""
    probe = getattr(svc.outbox.messenger, "probe", None)
    if probe is None:  # a channel that cannot tell
        return True
    res = await probe(uid)
    return res.ok or not res.permanent


async def _call_them(ctx: Ctx, n: int, alerting) -> None:
    """A group call from someone the bot cannot write to: after the alert, staff are asked to phone them."""
    if alerting is not None:  # the packets are out and recorded: the note is read after them, and edits them
        await asyncio.wait([alerting])
    await _ask_staff_to_phone(ctx, n, {"call_them": True}, {"event": "private_unreachable"}, "alert.call_them",
                              phone=tappable((ctx.me.extra.get("person") or {}).get("phone", "")))


async def call_back(ctx: Ctx, n: int, caller: dict) -> None:
    """A family contact's call made in a group (`caller`: her name, relation, phone), its alert sent: if the bot
    cannot write to her in private, staff are asked to phone her."""
    if await _can_write(ctx.svc, ctx.ev.user_id):
        return
    await _ask_staff_to_phone(ctx, n, {"call_back": caller}, {"event": "caller_unreachable", "by": caller["name"]},
                              "alert.call_back", caller=caller["name"], relation=caller["relation"],
                              phone=tappable(caller["phone"]))


async def _ask_staff_to_phone(ctx: Ctx, n: int, fields: dict, entry: dict, key: str, **kw) -> None:
    await ctx.svc.store.update_incident(n, **fields)  # every packet says so, the next levels' too
    await ctx.svc.store.add_timeline(n, {"at": ctx.svc.clock.ts(), **entry})
    await ctx.svc.incidents.refresh(n)
    ctx.svc.incidents.background(ctx.svc.incidents.ask_to_phone(n, key, **kw))  # (sent again if Telegram fails)
