"""Check-ins in conversation: the daily message, its answers, and 我出门几天 / 我回来了 / 改时间.

Resident buttons  ci:ok · ci:unwell · ci:help       answer today's check-in
                  ci:away → ci:pause:N (0: until back) · ci:back · ci:time → ci:at:0900[-1800]
Staff's /checkins and their buttons (cis:...) are in staff.py; the daily message itself is in words.py.
Nothing here waits for a typed answer: every choice is one tap, so no conversation step is stored.
"""
from __future__ import annotations

import re

from nlu.emoji_reading import only_emoji

from ..flows import chat, hospital_back
from ..flows.base import Ctx
from ..flows.life_told import away_or_low, life_told
from ..flows.chat_words import DECLINED, WHEN_COMING, core, kind_of
from ..incidents import colleague_cry, start_help
from ..flows.menu import show_menu
from ..flows.resident import lonely, on_fall_told, route_intent
from ..flows.understanding import danger_in, fall_told_over, is_emergency, keyword_parse, understand
from ..types import MEDIA, Button
from . import life, own
from .answer import TOLD_ANSWERS, UNWELL, typed_answer
from .family import AWAY_DAYS
from .not_understood import asked_again, heard_unless_unclear, not_understood, unsure
from .rules import PAUSE_CHOICES, PENDING, TIME_CHOICES, parse_times
from .typed import at_doctor, away_days, doctor_visit, greeting_time, needs_help, routine_visit
from .words import answer_label, date_label, next_label, times_label

ANSWERS = ("ok", "unwell", "help")
# Short typed phrases for the controls. Kept strict on purpose: they are read before the emergency check,
# so only sentences that cannot be a call for help are taken (and never one with a danger word).
AWAY = re.compile(r"(出门|出去|外出)(几天|一阵|一段|一周|一个?星期|旅游|旅行)|出远门|不在家|去外地|回老家|去旅游|去旅行"
                  r"|(这|那)(几|两)天不在|去(女儿|儿子|孩子|子女|亲戚|妹妹|姐姐|哥哥|弟弟)(家|那)|(去|要|准备|得)住院"
                  r"|住几天|暂停(签到|问候)|^(明天|明日|明朝|明早)(就)?(不用|不要|别|不必)(再)?(问|签到|报平安)|((这|下)个?(礼拜|星期|周)|这(几|两)天)(都)?不用(再)?(问|签到|报平安)"
                  r"|\b(i'?m|i am|i will be|i'll be) (going )?away\b|\baway for\b|\bpause (the )?check-?ins?\b"
                  r"|\bgoing away\b|\bon (a )?(holiday|vacation|trip)\b|\btravell?ing\b"
                  r"|\b(going|go|staying|stay|visiting) (to |at |with )?(my )?(son|daughter|children|kids|family|relatives?"
                  r"|sister|brother|grandchildren)('?s)?\b(?! (is|are|was|were)\b)", re.I)
BACK = re.compile(r"^(我)?(已经)?(回来了|回家了|到家了)|^(我)?(已经)?从\S{1,6}回来了|恢复(签到|问候)"
                  r"|^(我|阿拉)?(已经|今天|刚刚?)?出院(回家)?了"
                  r"|^(i'?m|i am) (back|home|out of (the )?hospital)\b|\bresume (the )?check-?ins?\b", re.I)
TIME = re.compile(r"(改|换|调)(一下|个)?(签到|问候)?时间|(签到|问候)的?时间(能|可以)?(改|换|调)|(签到|问候)(改|换)?(到|成)?几点|(签到|问候).{0,4}(改|换|调)(到|成)"
                  r"|点(钟)?(再)?问(我|吧)|(晚|迟)一?(点|些)(再)?问|这么早(就)?问|问得?太早"
                  r"|\bchange (the )?(daily )?((check-?in|greeting) )?time\b|\b(ask|greet) (me )?(again |a bit )?later\b"
                  r"|\b(too|so) early\b", re.I)
# stopping the daily check-ins is talked over with staff first: they hear it, nothing stops by itself
STOP = re.compile(r"(取消|停掉|停止|关掉|不要|不想|别再?)(每天|每日)?(的)?(签到|问候|报平安)|不要再?问我(好不好|怎么样)"
                  r"|^(以后|今后|周末|礼拜[六天日]|星期[六天日]|周[六日])?(就)?(不要|别|不用|不必)(再|每天|天天)?(给我)?(发|问)"
                  r"(了|啦|我了?|消息了?)?[。!！，,\s]*(烦死了?|好烦|烦人|烦不烦|我(很|挺|蛮)?好(的)?|我没事)?[。!！]*$"
                  r"|\b(stop|cancel) (the )?(daily )?check-?ins?\b|^(please )?stop (sending|asking)( me)?( this| these)?\b",
                  re.I)
# in hospital herself, now ("我住院了", "我在医院住院 过几天出院"): said of her, not of someone else ("老伴住院了": her
# alone at home, life_told.py), not a stay to come ("要住院": AWAY) or one that is over ("上个月住院了 现在好了")
HOSPITAL = re.compile(r"^(我|阿拉|我自己)?(现在|今天|昨天|已经|这几天|最近|又|还)*(在)?(住院了|在住院|住进(了)?医院"
                      r"|医院(里)?住(着|院)|住在医院)|^(i'?m|i am) (now |still )?in (the )?hospital", re.I)
HOSPITAL_OVER = re.compile(r"出院了|已经出院|好了")
SHORT = 16
# the greeting time asked, and she keeps it after all ("不用了", "不改了", "还是原来的时间吧")
KEEP_TIME = re.compile(r"(不用了?|不要了?|算了|不必了?|不改了?|不换了?|不用改了?|还是原来的?(时间)?|照旧|就这样)(吧|啊|呀|了)?"
                       r"(谢谢)?|(never ?mind|no thanks?|keep it|leave it)", re.I)


# words that answer nothing ("我按错了", "测试一下", "你是谁", "我不会打字", "1", "等一下"; "？？？" but not "😊", which is fine)
NO_ANSWER = ("testing", "pressed", "who", "hear", "voice", "digit", "wait")
ONLY_MARKS = re.compile(r"[\s?？.。,，、…~～·]+")


def _aside(ctx: Ctx, text: str) -> str | None:
    """"declined" for "不用叫救护车" (as at the front door, bot/flows/resident.py: no alarm, staff read the words; a danger
    named beside it is read as usual), "who", "what", "unsure" or "no_answer" for words that answer nothing (the question
    is asked again), None for an answer."""
    if DECLINED.search(text):
        return None if danger_in(ctx.svc, text) else "declined"
    kind = "what" if not_understood(text) else "unsure" if unsure(text) else kind_of(text)
    if kind in ("who", "what", "unsure"):  # ("你说什么", "不知道": asked again simpler, not_understood.py)
        return kind
    return "no_answer" if kind in NO_ANSWER or ONLY_MARKS.fullmatch(text) else None


def _checkins(ctx: Ctx):
    return ctx.svc.checkins


def _control(text: str) -> str | None:
    size = SHORT * 3 if text.isascii() else SHORT
    if len(text) > 2 * size or keyword_parse(text)["emergency_suspected"] \
            or away_or_low(text):  # "保姆回老家了", "老伴要住院了": someone else away, not she
        return None
    if HOSPITAL.search(text) and not HOSPITAL_OVER.search(text):
        return "hospital"
    for name, pattern in (("stop", STOP), ("away", AWAY), ("back", BACK), ("time", TIME)):
        if pattern.search(text) and (len(text) <= size or name == "away"):  # "…旅游一个礼拜 这几天不用问我": away
            return name
    return None


async def on_activity(ctx: Ctx) -> bool:
    """Every event from a resident: a sign of life; True when it was a check-in answer or control, handled here."""
    if ctx.me.role == "staff":
        return await own.on_activity(ctx)  # one who is a resident too
    st = await _checkins(ctx).state(ctx.me.resident_id)
    if not st.enrolled:
        if st.died_at:  # staff confirmed his death, yet his chat writes: they check (life.py)
            await life.heard_after_death(ctx.svc, ctx.me.resident_id)
        return False
    ev = ctx.ev
    if ev.kind == "text" and ctx.step[0] == "checkin" and await _typed_step(ctx, ev.text.strip()):
        await _checkins(ctx).heard_from(ctx.me.resident_id, "activity")
        return True
    # never steal an answer to another question; after a pension answer nothing is being asked
    # (her words on her open 🆘 are the call's, the engine says: "我明天去女儿家住几天" is for its staff, no pause asked)
    free = ev.kind == "text" and not ctx.on_call and ctx.session.get("flow") in (None, "qa") \
        and ctx.session.get("step") not in ("age", "whose")
    text = ev.text.strip() if free else ""
    control = _control(text) if free else None
    answer, result, aside, told = "activity", None, None, False
    if ev.kind == "button" and ev.data.startswith("ci:") and ev.data[3:] in ANSWERS:
        answer = ev.data[3:]
    elif ev.kind in MEDIA:
        answer = "media"  # alive, but a voice message may be a call for help: staff hear it, they decide
    elif free and st.phase == "missed" and WHEN_COMING.search(core(text)):
        answer = "waiting"  # "你们来了吗" once staff were told she did not answer: alive, waiting — never "平安" to them
    elif free and not control and (st.phase in PENDING or st.phase == "missed") and not (aside := _aside(ctx, text)):
        result = await understand(ctx.svc, text)
        # "老伴不在了": not fine; "老伴住院了": she is, alone now (TOLD_ANSWERS) — as at the front door, never "needs someone now"
        told = life_told(ctx.svc, text)
        answer = TOLD_ANSWERS.get(told, "unwell") if told else typed_answer(text, result)
        if not told and answer != "help" and lonely(text):  # "好 就是一个人有点闷": company, at the front door
            told, answer = "lonely", "unwell" if UNWELL.search(text) else "ok"
        if answer == "activity" and only_emoji(text):
            aside = "no_answer"  # "🙃", "🌧", "🤔" say nothing of how they are: asked again, one tap to answer
    elif aside == "declined":
        answer = "unwell"  # something happened: not "平安" to staff or family (a missed one's all clear), 🤒 in the log
    if ctx.cried and answer in ("activity", "media", "ok"):  # 🆘 or 救命 after his voice had answered it: never 平安
        answer = "help"
    heard = await heard_unless_unclear(ctx, st, answer, aside)  # ("你说什么": still asked, her next words answer it)
    ctx.checkin_heard = heard  # for the button handler that runs next in this same event
    if heard.answered:  # while his family's report of his death is open: staff check it (life.py)
        await life.answered_on_report(ctx.svc, ctx.me.resident_id, answer)
    if answer == "waiting":  # the missed call stays open: its staff read her words, she reads they know
        await start_help(ctx, "help", category="other", source="checkin", words=text, detail=text)
        return True
    if control:
        await on_control(ctx, *_said_with(control, text))
        return True
    if aside == "declined":  # alive, and something happened: a request with the words (bot/flows/chat.py)
        return await chat.declined(ctx, text)
    if aside:  # alive; nothing said of how they are: asked again, one tap to answer
        await asked_again(ctx, aside, text)
        return True
    if free and heard.answered and answer in ANSWERS and not (answer == "help" and (ctx.cried or result and
                                                                                   is_emergency(result))) and not told:
        await on_answer(ctx, answer, words=text)  # (a typed emergency, "帮助" too: the engine's own way)
        return True
    return False


def _said_with(control: str, text: str) -> tuple[str, ...]:
    """What a control needs, when the words say it too: "…住三天" pauses three days, "八点问我" sets 08:00; else the
    control's own question."""
    if control == "away" and (days := away_days(text)):
        return "pause", str(days)
    if control == "hospital":
        return control, str(away_days(text) or AWAY_DAYS)
    if control == "time" and (hm := greeting_time(text)):
        return "at", hm
    return (control,)


async def on_answer(ctx: Ctx, answer: str, words: str = "") -> None:
    heard = getattr(ctx, "checkin_heard", None)
    label = answer_label(ctx.svc, answer, ctx.me.locale)
    if not words:
        ctx.edit_pressed(ctx.t("checkin.answered", choice=label))  # old buttons cannot be pressed twice
    if answer == "ok" and words and doctor_visit(words):  # staff hear it quietly, to ask her later how it went
        if await start_help(ctx, "help", category="other", source="checkin", words=words, detail=words, quiet=True):
            show_menu(ctx, "checkin.thanks_at_doctor" if at_doctor(words) else "checkin.thanks_doctor")
    elif answer == "ok":
        show_menu(ctx, heard.thanks if heard and heard.closed
                  else "checkin.thanks_visit" if routine_visit(words) else "checkin.thanks")
    elif ctx.me.role == "staff":  # one who is a resident too (own.py): her 🆘 is her call to colleagues
        await (colleague_cry(ctx, label) if answer == "help" else start_help(
            ctx, "help", category="unwell", words=label, source="checkin"))
    elif answer == "unwell" and words and fall_told_over(words):
        await on_fall_told(ctx, words, source="checkin")
    elif answer == "unwell":
        await route_intent(ctx, words or label, {"intent": {"name": "feeling_unwell", "confidence": 1.0}})
    else:
        await start_help(ctx, "emergency", words=words or label, source="checkin", confirm_need=bool(words))


async def on_control(ctx: Ctx, action: str, arg: str = "") -> None:
    cis, rid = _checkins(ctx), ctx.me.resident_id
    st = await cis.state(rid)
    if not st.enrolled:
        show_menu(ctx, "checkin.not_enrolled", phone=ctx.svc.settings.community.committee_phone)
    elif action == "stop":  # never stopped by itself: staff talk it over; a few days' pause is offered meanwhile
        if await start_help(ctx, "help", category="other", source="checkin", words=ctx.ev.text.strip()[:300],
                            detail=ctx.ev.text.strip()[:300], quiet=True):
            ctx.say(ctx.t("checkin.stop_asked"), buttons=[[ctx.button(f"checkin.pause_{d}", f"ci:pause:{d}")
                                                          for d in PAUSE_CHOICES[:3]]])
    elif action == "away":
        ctx.goto("checkin", "away")  # typed ("一个礼拜") as well as tapped
        ctx.say(ctx.t("checkin.away_ask"), buttons=[[ctx.button(f"checkin.pause_{d}", f"ci:pause:{d}")
                                                     for d in PAUSE_CHOICES[:3]],
                                                    [ctx.button("checkin.pause_0", "ci:pause:0")]])
    elif action == "pause" and arg.isdigit() and (int(arg) in PAUSE_CHOICES or ctx.ev.kind == "text"):
        ctx.goto(None)
        st = await cis.pause(rid, int(arg) or None)
        key, kw = ("checkin.paused_open", {}) if not int(arg) else (
            "checkin.paused_until", {"date": date_label(ctx.svc, st.paused_until, ctx.me.locale)})
        text = ctx.t(key, **kw)
        back = [[ctx.button("checkin.btn_back", "ci:back")]]
        ctx.edit_pressed(text, back) if ctx.ev.kind == "button" else ctx.say(text, buttons=back)
    elif action == "hospital" and ctx.ev.kind == "text":  # staff hear it as news of her; paused the days she says
        st, words = await cis.pause(rid, int(arg)), ctx.ev.text.strip()[:300]
        told = await start_help(ctx, "help", category="in_hospital", source="checkin", words=words, detail=words,
                                quiet=True)
        ctx.say("\n".join([ctx.t("family.away_noted")] * bool(told) + [ctx.t(
            "checkin.paused_hospital", date=date_label(ctx.svc, st.paused_until, ctx.me.locale))]),
                buttons=[[ctx.button("checkin.btn_back", "ci:back")]])
    elif action == "back":
        if ctx.ev.kind == "text" and hospital_back.back_from_hospital(ctx.svc, ctx.ev.text):  # staff hear she is back
            resumed = ctx.t("checkin.resumed", when=next_label(ctx.svc, await cis.resume(rid), ctx.me.locale)) \
                if st.paused(ctx.svc.clock.ts()) else ""  # (never paused: nothing to start again)
            await hospital_back.told(ctx, ctx.ev.text, resumed)
            return
        st = await cis.resume(rid)
        show_menu(ctx, "checkin.resumed", when=next_label(ctx.svc, st, ctx.me.locale))
    elif action == "time":
        ctx.goto("checkin", "time")  # typed ("下午三点") as well as tapped
        ctx.say(ctx.t("checkin.time_ask"), buttons=[[Button(times_label(ctx.svc, c.split("-"), ctx.me.locale),
                                                            "ci:at:" + c.replace(":", "")) for c in TIME_CHOICES[:4]],
                                                    [Button(times_label(ctx.svc, TIME_CHOICES[4].split("-"),
                                                                        ctx.me.locale), "ci:at:0900-1800")]])
    elif action == "at" and (times := parse_times(arg) or (arg.split("-") if ctx.ev.kind == "text" else None)):
        ctx.goto(None)
        st = await cis.set_times(rid, times)
        done = ctx.t("checkin.time_set", times=times_label(ctx.svc, st.times, ctx.me.locale))
        ctx.edit_pressed(done) if ctx.ev.kind == "button" else ctx.say(done)
        show_menu(ctx, "checkin.next", when=next_label(ctx.svc, st, ctx.me.locale))
    else:
        show_menu(ctx, "bad.stale_button")


async def _typed_step(ctx: Ctx, text: str) -> bool:
    """A typed answer to "您要出门几天？" or "您希望每天几点收到问候？"; an unreadable time is asked once more."""
    step = ctx.step[1]
    if step == "away" and (days := away_days(text)) is not None:
        await on_control(ctx, "pause", str(days))
        return True
    if step == "time" and (hm := greeting_time(text)):
        await on_control(ctx, "at", hm)
        return True
    if step == "time" and KEEP_TIME.fullmatch(core(text)):  # "不用了": she changed her mind, the time stays
        ctx.goto(None)
        st = await _checkins(ctx).state(ctx.me.resident_id)
        show_menu(ctx, "checkin.time_kept", times=times_label(ctx.svc, st.times, ctx.me.locale))
        return True
    if step == "time" and not ctx.session.get("asked_twice") and not ctx.cried and not await needs_help(ctx.svc, text):
        await on_control(ctx, "time")
        ctx.session["asked_twice"] = True
        return True
    ctx.goto(None)  # something else: read as usual
    return False


async def on_resident_button(ctx: Ctx, args: list[str]) -> None:
    if not args or ctx.me.role == "staff" and not await own.as_resident(ctx):
        show_menu(ctx, "bad.stale_button")
    elif args[0] in ANSWERS and len(args) == 1:
        await on_answer(ctx, args[0])
    else:
        await on_control(ctx, args[0], args[1] if len(args) > 1 else "")
