"""What a resident is told to do meanwhile, under "help is coming": for what their words say happened.

A fire means leave, gas means touch no switch, dizziness means sit or lie down where you are ("头晕得厉害，站都站不住":
unsteady, not fallen — never the fall's "walk to the door"), an intruder means lock yourself in, a spouse who just died ("老伴刚走了")
means stay calm and let 120 confirm it (typed, or a photo's or voice's caption); a plain 救命, the 🆘 button, a voice or
a photo with no words get the fall's advice, the commonest case. How a danger is told can change what fits (_told_as):
smoke in the corridor means stay in with the door shut, a burning pan means the stove off and a lid, stuck in the bath
means let the water out (never lie down in it), carbon monoxide is a gas, choking means cough, a wound is pressed
(blood vomited or coughed is not). Words that name no danger ("被猫抓了 流血") get the generic lines, which no danger
contradicts — not the fall's "open the door"; fear alone at home ("我一个人在家好怕"), calm and company.
Two dangers in one cry: the most urgent one's lines first, at most MAX_LINES in all, and no line that the more
urgent danger contradicts (stay down while the flat burns); where one danger changes what the other asks (smoke where she
is, in the stairwell; a fire when she cannot get up; gas beside a fall; a wet floor) the pair has lines of its own
(_together), and staff read it (told_together). The wording is in the catalogues (help.advice_*), one idea a line.
"""
from __future__ import annotations

import re

from ..flows.bereaved import died_just_now
from ..flows.understanding import LONE_HELP, WORDED
from ..residents import GONE_FROM_HOME

MAX_LINES = 4
PHONE = "help.advice_phone"
FALL = ("help.advice_fall", "help.advice_door", PHONE)
STILL = ("help.advice_rest", "help.advice_door_if_safe", PHONE)  # chest pain, stroke, breathing: no walking about
GENERIC = ("help.advice_safe", "help.advice_door_if_safe", PHONE)  # words that name no danger: nothing they contradict
BY_DANGER = {  # most urgent first
    "stair_smoke": ("help.advice_smoke_low", "help.advice_stair_away", "help.advice_stair_119", PHONE),  # she is there
    "fire_fallen": ("help.advice_fire_fallen_119", "help.advice_smoke_low", "help.advice_fire_crawl", PHONE),
    # smoke in the stairwell and a fall, where she is unsaid: at home or on those stairs, she cannot get out alone
    "smoke_fallen": ("help.advice_fire_fallen_119", "help.advice_smoke_low", "help.advice_smoke_fallen_home",
                     "help.advice_smoke_fallen_stairs"),
    "smoke_outside": ("help.advice_smoke_stay", "help.advice_fire_cannot_leave", "help.advice_smoke_119", PHONE),
    "cooking_fire": ("help.advice_pan_off", "help.advice_spark_fire", PHONE),  # a pan: the stove off, a lid, no water
    "fire_smoke": ("help.advice_fire_leave", "help.advice_fire_stairs", "help.advice_fire_119",
                   "help.advice_fire_cannot_leave"),
    "gas_fallen": ("help.advice_gas_switches", "help.advice_gas_fallen_air", "help.advice_gas_fallen_leave"),
    "gas": ("help.advice_gas_switches", "help.advice_gas_window", "help.advice_gas_leave"),
    "water_electric": ("help.advice_electric_touch", "help.advice_electric_mains", "help.advice_electric_person",
                       PHONE),
    "sparking": ("help.advice_spark_touch", "help.advice_electric_mains", "help.advice_spark_fire", PHONE),
    "intruder": ("help.advice_intruder_lock", "help.advice_intruder_110", "help.advice_intruder_let_go", PHONE),
    "followed": ("help.advice_followed_people", "help.advice_intruder_110", PHONE),  # out: where people are, no room
    "robbed": ("help.advice_safe", "help.advice_intruder_110", "help.advice_intruder_let_go", PHONE),  # "钱包被抢了"
    "abuse": ("help.advice_abuse_safe", "help.advice_abuse_110", PHONE),
    "death_now": ("help.advice_death_calm", "help.advice_death_120", "help.advice_death_coming",
                  "help.advice_door_for_crew"),  # her spouse just died ("老伴刚走了"): no fall's, no first aid
    "fainted_self": STILL,  # she came round herself: nobody to stay with, she stays down
    "unresponsive": ("help.advice_unresponsive_120", "help.advice_stay_with", "help.advice_door_for_crew", PHONE),
    "low_blood_sugar": ("help.advice_sugar", "help.advice_rest", "help.advice_door_if_safe", PHONE),  # sugar first
    "choking": ("help.advice_choke_cough", "help.advice_door_if_safe", PHONE),  # no lying down; coughing is safe
    "breathing": ("help.advice_sit_up", "help.advice_door_if_safe", PHONE),  # short of breath: sit up, never lie flat
    "chest_pain": STILL,
    "stroke": STILL,
    "sight_loss": STILL,  # "我看不见了": a stroke's sign until shown not
    "worst_headache": ("help.advice_rest", "help.advice_headache_pills", "help.advice_door_if_safe", PHONE),
    "bleeding": ("help.advice_bleed_press", "help.advice_rest", "help.advice_door_if_safe", PHONE),
    "bleeding_inside": STILL,  # blood vomited, coughed or passed: no wound to press
    "nosebleed": ("help.advice_nose_lean", "help.advice_nose_pinch", "help.advice_door_if_safe", PHONE),  # no wound
    "belly_pain": STILL,
    "high_blood_pressure": STILL,
    "high_fever": STILL,
    "self_harm": ("help.advice_not_alone", "help.advice_talk"),
    "poisoning": ("help.advice_rest", "help.advice_keep_box", "help.advice_door_if_safe", PHONE),
    "double_dose": ("help.advice_rest", "help.advice_keep_box", "help.advice_door_if_safe", PHONE),  # "药吃了两遍"
    "burn": ("help.advice_burn_away", "help.advice_burn_cool", "help.advice_door", PHONE),
    "heat_stroke": ("help.advice_cool", "help.advice_rest", "help.advice_door_if_safe", PHONE),
    "trapped": ("help.advice_trapped_wait", "help.advice_trapped_lift", PHONE),
    "trapped_room": ("help.advice_trapped_wait", "help.advice_trapped_shout", PHONE),  # a balcony, a bathroom: no lift
    "bath": ("help.advice_bath_drain", "help.advice_bath_warm", PHONE),  # stuck in the bath: never lie down in water
    "fall_other": ("help.advice_fall_other", "help.advice_fall", "help.advice_door", PHONE),  # "老伴摔倒了": don't lift him
    "fall_stairs": ("help.advice_fall", "help.advice_trapped_shout", PHONE),  # outside her door: no "open the door"
    "fall_outside": ("help.advice_fall", "help.advice_ask_nearby", PHONE),  # downstairs, in the street: those around
    "fall_wet": ("help.advice_fall", "help.advice_wet_warm", "help.advice_door", PHONE),  # a wet floor: she gets cold
    "fall": FALL,
    "cold": ("help.advice_keep_warm", PHONE),  # after a long lie, or told cold: keep warm
    "cold_home": ("help.advice_keep_warm", "help.advice_door_if_safe", PHONE),  # shivering, the heating broken
    "dizzy": ("help.advice_dizzy_sit", "help.advice_dizzy_slow", PHONE),
    "lost": ("help.advice_stay", "help.advice_ask_nearby", PHONE),  # outside: not the door
    "stranded": ("help.advice_dizzy_sit", "help.advice_ask_nearby", PHONE),  # "我在菜场 走不动了": sit, ask someone near
    "cannot_walk": ("help.advice_dizzy_sit", "help.advice_door_if_safe", PHONE),  # at home: sit down, no forcing it
    "missing_someone": ("help.advice_missing_wait", "help.advice_missing_110", "help.advice_missing_photo", PHONE),  # her husband is the lost one
    "welfare": ("help.advice_welfare_knock", PHONE),
    "scam_paid": ("help.advice_scam_paid_110", "help.advice_scam_paid_bank", "help.advice_scam_paid_keep", PHONE),
    "scam": ("help.advice_scam_pay", "help.advice_scam_110", PHONE),
    "doorstep": ("help.advice_door_shut", "help.advice_door_check", PHONE),  # a stranger at the door: keep it shut
    "frightened": ("help.advice_noise_door", "help.advice_scared_call", "help.advice_abuse_110", PHONE),  # a noise
    "scared": ("help.advice_calm", "help.advice_scared_call", "help.advice_talk", PHONE),
    "alone_afraid": ("help.advice_calm", "help.advice_scared_call", "help.advice_talk", PHONE),  # told as a flag
    "cry_for_help": FALL,
    "unnamed": GENERIC,
}
# lines saying the same thing (one is enough), and what a danger rules out when it is in the same cry
IDEA = {"help.advice_door": "door", "help.advice_door_if_safe": "door", "help.advice_door_for_crew": "door",
        "help.advice_unresponsive_120": "120", "help.advice_death_120": "120",
        "help.advice_fall": "stay_put", "help.advice_rest": "stay_put", "help.advice_stay": "stay_put",
        "help.advice_dizzy_sit": "stay_put", "help.advice_sit_up": "stay_put",
        "help.advice_dizzy_slow": "get_up_slowly",
        "help.advice_fire_leave": "leave", "help.advice_gas_leave": "leave",
        "help.advice_death_calm": "calm", "help.advice_calm": "calm"}
RULES_OUT = {"stair_smoke": {"stay_put", "get_up_slowly", "leave", "door"},
             "smoke_fallen": {"stay_put", "get_up_slowly", "leave", "door"},
             "fire_fallen": {"stay_put", "leave", "door"},
             "gas_fallen": {"stay_put", "get_up_slowly", "door"}, "smoke_outside": {"stay_put", "get_up_slowly", "leave"},
             "fire_smoke": {"stay_put", "get_up_slowly"},
             "cooking_fire": {"stay_put", "get_up_slowly"},
             "gas": {"stay_put", "get_up_slowly"}, "sparking": {"stay_put", "get_up_slowly"}, "lost": {"door"}, "stranded": {"door"},
             "doorstep": {"door"}}
# a fall's red flag that is only unsteadiness ("站都站不住", "立勿牢"): told with dizziness, she has not fallen
UNSTEADY = re.compile(r"站不住|站不稳|立不住|立不牢|立勿牢|立勿住|立不稳|立勿稳")
# how a named danger is told, where that changes what she should do: smoke outside her door (stay in, door shut),
# carbon monoxide (a gas: air and leave, never lie down in it), choking (cough), blood from inside (nothing to press)
SMOKE_OUTSIDE = re.compile(r"(?:楼道|走廊|楼梯|过道|门外)[^，,。！!？?]{0,6}(?:烟|火|焦)|门把手?[^，,。！!？?]{0,3}烫"
                           r"|smoke[^,.!?]{0,12}(?:corridor|hallway|stair|landing)|(?:corridor|hallway|stair|landing)"
                           r"[^,.!?]{0,12}smoke|door ?handle is hot")
AT_HOME = re.compile(r"家里|屋里|厨房|房间|卧室|客厅|锅|床|kitchen|bedroom|living room|my (?:flat|home)")
CARBON_MONOXIDE = re.compile(r"煤气中毒|一氧化碳|carbon monoxide")
CHOKING = re.compile(r"噎|喉咙|吞|咽|choking")
INSIDE = re.compile(r"吐|咯|咳|痰|尿|拉|便")
# a fire's red flag that is only an electric thing sparking ("插座冒火", "插线板冒火星"): the sparking's advice
SPARKS = re.compile(r"(?:插线板|插座|插头|排插|接线板|拖线板|电线|电源线|电箱|电表|充电器)\S{0,3}(?:冒火|打火|火星|火花)\S{0,1}$")
COOKING = re.compile(r"锅|炒菜|烧菜|煮|炖|灶|油烟机|frying|\bpan\b|stove")
BATH = re.compile(r"(?:浴缸|澡盆|浴盆)(?:里|爬不出|出不来|起不来|出勿来)|在(?:浴缸|澡盆|浴盆)(?![边旁外])|in the (?:bath|bathtub|tub)\b")
FAINT = re.compile(r"晕倒|昏倒|晕过去|昏过去|晕了一下|昏了一下|晕到|昏到|fainted|passed out|blacked out")
SHE = re.compile(r"我|\bi\b")  # her own words of herself
SPOUSE = re.compile(r"老伴|老头|老太|老公|老婆|爱人|丈夫|妻子|husband|wife")
KIN = re.compile(r"爸|妈|父亲|母亲|爷爷|奶奶|外公|外婆|老爷子|婆婆|公公|dad|mum|mom|father|mother")  # "我爸走丢了": he is lost
FOLLOWED = re.compile(r"跟着|盯着|尾随|跟踪|following me|followed")  # "有陌生人一直跟着我": out of doors
NEAR_HOME = re.compile(r"家|屋|门|楼道|home|door")  # "跟到我家门口了": lock herself in, as for an intruder
OUT = re.compile(r"公园|菜场|菜市场|马路|路上|街上|外面|外头|超市|车站|公交|地铁|广场|医院|半路|park|street|road|market|outside")
COLD = re.compile(r"好冷|很冷|太冷|冷死|冷得|冻|冰凉|一晚上|一夜|整夜|\bcold\b|freezing")
LIFT = re.compile(r"电梯|电题|lift|elevator")
# where she is when she says so: in the stairwell or corridor ("我在楼梯上摔倒了 楼道里有烟"), not behind her door
IN_STAIRWELL = re.compile(r"(?:^|[我人\s，,])(?:现在|正|还|刚才|刚刚)?(?:在|从)(?:楼梯|楼道|走廊|过道)"
                          r"|(?:楼梯|楼道|走廊|过道)(?:上|里|间|口)?[^，,。！!？?\s]{0,2}(?:摔|跌|滑|绊)"
                          r"|\bi(?:'m| am)? (?:\w+ )?(?:on|in) the (?:stairs|stairwell|corridor|hallway)"
                          r"|fell (?:down )?(?:on |in |down )?the (?:stairs|stairwell|corridor|hallway)")
# where she is when she says so: out of her building ("我在楼下摔倒了", "在菜场摔了一跤", "I fell in the street")
OUTSIDE = re.compile(r"(?:在|从)(?:楼下|小区|路上|马路|街上|菜场|菜市场|超市|公园|外面|广场|公交|地铁|商场|银行)"
                     r"|(?:楼下|小区里|路上|马路上|街上|菜场|菜市场|超市|公园里?|外面)[^，,。！!？?\s]{0,2}(?:摔|跌|滑|绊)"
                     r"|\b(?:in|on|at) the (?:street|road|park|market|supermarket|shop|bus stop)\b|\boutside\b")
# she cannot get up: a fire means 119 now and crawling, not "leave at once" first
CANNOT_GET_UP = re.compile(r"起不来|起勿来|爬不起|站不起|动不了|动勿了|走不了|走不动|can'?not get up|can'?t get up|can'?t move")
# a fall on a wet floor ("我在卫生间摔倒了 地上都是水"): cold soon
WET = re.compile(r"地上(?:都是|全是|有|好多|一摊)?水|水漫|漫(?:出来|水)|(?:一地|满地)(?:的)?水|积水|(?:泡|躺|坐)在水里|水龙头关不"
                 r"|水管爆|in (?:the )?water|floor is wet|wet floor")
# dizzy in the heat ("热死了 头晕想吐"): the heat's lines first (get cool), as for heat stroke
HEAT = re.compile(r"热死|热煞|太热|好热|很热|闷热|天热|too hot|so hot|the heat")
# a scam whose money is already gone ("我被骗了 转了五万块钱", "被骗走了两万"): not "don't transfer" but 110, the bank
PAID = re.compile(r"(?<![没不别勿])(?:转|汇|打)(?:了|过去了|出去了|给(?:他|她|伊|对方|人家|骗子)了)|(?<![没不别勿])(?:转|汇)了?"
                  r"[\d一二两三四五六七八九十百千万几]+|骗(?:走|掉|光|脱)|(?:钱|存款|积蓄)[^，,。！!？?]{0,4}(?:没了|被骗)"
                  r"|\b(?:i |already )(?:sent|transferred|paid|wired)\b")
# fear told with no danger named ("我一个人在家好怕", "晚上一个人好害怕"): calm and company, not the fall's lines
SCARED = re.compile(r"(?<![不别])(?:害怕|怕得|好怕|很怕|真怕|吓死|吓煞|慌得很|心里发慌)|\b(?:scared|afraid|frightened)\b")


def advice_keys(dangers: list[str]) -> list[str]:
    """The catalogue keys of the advice for the dangers a cry names (nlu.rules.fired_rules); none named: the fall's."""
    named = sorted((d for d in set(dangers) if d in BY_DANGER), key=list(BY_DANGER).index) or ["cry_for_help"]
    ruled_out = set().union(*(RULES_OUT.get(d, set()) for d in named))
    keys: list[str] = []
    for key in (k for d in named for k in BY_DANGER[d] if k != PHONE):
        idea = IDEA.get(key, key)
        if idea not in ruled_out and idea not in {IDEA.get(k, k) for k in keys}:
            keys.append(key)
    wants_phone = PHONE in BY_DANGER[named[0]]
    return keys[:MAX_LINES - 1] + [PHONE] if wants_phone else keys[:MAX_LINES]


def advice_for(ctx, *, named_only: bool = False, locale: str | None = None) -> list[str]:
    """The advice lines for this cry: its words read when it has words (a typed or edited text, a photo's or voice's
    caption), as they were read for the cry itself. `named_only`: none unless the words name a danger of their own
    (a repeat on an open call: "厨房着火了" after the 🆘 button brings the fire's; "救命" again, not the fall's twice).
    Dangers the conversation already knows come first (`ctx.me.extra["dangers"]`: a scammer calling back, scam_back.py).
    `locale`: in that language rather than hers (bot/flows/both.py)."""
    said = dangers_said(ctx)
    if named_only and not any(d in BY_DANGER and d not in ("cry_for_help", "unnamed") for d in said):
        return []
    phone = ctx.svc.settings.community.committee_phone
    return [ctx.svc.cat.t(k, locale or ctx.me.locale, phone=phone) for k in advice_keys(said)]


def dangers_said(ctx) -> list[str]:
    """The dangers this event's words name, after those the conversation already knows (advice_for)."""
    said = named_dangers(ctx.ev.text or "") if ctx.ev.kind in WORDED else []
    said = [*ctx.me.extra.get("dangers", ()), *(d for d in said if d != "unnamed")] or said
    return [*said, "death_now"] if ctx.ev.kind in WORDED and died_just_now(ctx.ev.text or "") else said


def first_named(dangers: list[str]) -> str:
    """The most urgent of these dangers, the one whose advice comes first ("cry_for_help" when none is named)."""
    return min((d for d in dangers if d in BY_DANGER), key=list(BY_DANGER).index, default="cry_for_help")


def named_dangers(text: str) -> list[str]:
    """The dangers these words name now (red flags that count, weak ones too, as _told_as reads them); dizziness with
    only unsteadiness ("头晕得厉害，站都站不住") is dizziness, not a fall; words that name none: "unnamed"."""
    from nlu import redflags
    from nlu.features import normalise

    if LONE_HELP.fullmatch(text.strip()):
        return ["cry_for_help"]  # "帮助" alone: a plain 救命's (the fall's, the commonest case)
    flags = [f for f in redflags.find(normalise(text)) if f.counts]
    said = list(dict.fromkeys(_told_as(f, text) for f in flags))
    if "dizzy" in said and all(UNSTEADY.search(f.span) for f in flags if f.concept == "fall"):
        said = [d for d in said if d not in ("fall", "fall_other")]
    if "dizzy" in said and "heat_stroke" not in said and HEAT.search(text.lower()):
        said.append("heat_stroke")
    if ("fall" in said or not said) and COLD.search(text.lower()):
        said.append("cold")  # "摔在地上一个晚上了 好冷"
    if "choking" in said:
        said = [d for d in said if d != "breathing"]  # "噎住了 喘不上气": cough it up, not lie down
    said = _together(said, text.lower())
    if not set(said) - {"cry_for_help", "cold"} and SCARED.search(text.lower()):
        return ["scared", *said]
    return said if set(said) - {"cold"} else said + (["unnamed"] if text.strip() else [])


def _together(said: list[str], low: str) -> list[str]:
    """Two dangers where one changes what the other asks of her: smoke where she is, in the stairwell (she is out
    already: low, away from it, 119); fire or smoke at home when she cannot get up (119 now, crawl); smoke outside
    her door and a fall, where she is unsaid (119 now, low; at home the door shut, on the stairs call out); gas when she
    fell (air, leave only if she can walk); a fall on a wet floor (keep warm), or in the stairwell (call out, no door)."""
    smoke = {"fire_smoke", "smoke_outside"} & set(said)
    if smoke and IN_STAIRWELL.search(low):
        said = [d for d in said if d not in smoke] + ["stair_smoke"]
    elif "fall" in said and "fire_smoke" in said and CANNOT_GET_UP.search(low):
        said = [d for d in said if d != "fire_smoke"] + ["fire_fallen"]
    elif "fall" in said and "smoke_outside" in said:  # "楼道里有烟 我摔倒了": home or stairs, she may not say
        said = [d for d in said if d != "smoke_outside"] + ["smoke_fallen"]
    if "fall" in said and "gas" in said:
        said = [d for d in said if d != "gas"] + ["gas_fallen"]
    if "fall" in said and WET.search(low):
        said = [d for d in said if d != "fall"] + ["fall_wet"]
    elif "fall" in said and "stair_smoke" not in said and IN_STAIRWELL.search(low):
        said = [d for d in said if d != "fall"] + ["fall_stairs"]
    elif "fall" in said and OUTSIDE.search(low):
        said = [d for d in said if d != "fall"] + ["fall_outside"]
    return said


def told_together(text: str) -> list[str]:
    """Of the dangers these words name, those told together (`_together`) that staff should read besides the words."""
    return [d for d in named_dangers(text) if d in TOGETHER]


TOGETHER = ("stair_smoke", "fire_fallen", "smoke_fallen", "gas_fallen", "fall_wet", "fall_stairs", "fall_outside")


def _told_as(flag, text: str) -> str:
    """The danger this red flag names, as her words tell it: the first of TOLD_AS that fits, else its concept."""
    low = text.lower()
    return next((told for concept, told, fits in TOLD_AS if concept == flag.concept and fits(flag, low)), flag.concept)


TOLD_AS = (  # (a red flag's concept, the danger as told, when: fits(flag, her words lower-cased)) — first that fits
    ("fire_smoke", "sparking", lambda f, low: SPARKS.search(f.span)),
    ("fire_smoke", "smoke_outside", lambda f, low: SMOKE_OUTSIDE.search(low) and not AT_HOME.search(low)),
    ("fire_smoke", "cooking_fire", lambda f, low: COOKING.search(low)),
    ("fall", "bath", lambda f, low: BATH.search(low)),
    ("fall", "fall_other", lambda f, low: f.experiencer == "other"),  # her own fall beside it: the fall's line, second
    ("poisoning", "gas", lambda f, low: CARBON_MONOXIDE.search(f.span.lower())),
    ("breathing", "choking", lambda f, low: CHOKING.search(f.span.lower())),
    ("unresponsive", "fainted_self",  # "我刚才晕倒了": she came round herself
     lambda f, low: f.experiencer == "self" and SHE.search(low) and FAINT.search(f.span.lower())),
    ("lost", "missing_someone", lambda f, low: SPOUSE.search(f.span.lower()) or KIN.search(low[max(0, f.start - 4):f.end])),
    ("welfare", "missing_someone", lambda f, low: GONE_FROM_HOME.search(low)),  # "我爸手机关机了 人也找不到": 110
    ("intruder", "followed", lambda f, low: FOLLOWED.search(f.span) and not NEAR_HOME.search(low)),  # out, not home
    ("scam", "scam_paid", lambda f, low: PAID.search(low)),  # the money gone: 110 and the bank now, not "先不要转账"
    ("cannot_walk", "stranded", lambda f, low: OUT.search(low)),  # out, not at her door
    ("trapped", "trapped_room", lambda f, low: not LIFT.search(low)),
    ("bleeding", "bleeding_inside", lambda f, low: INSIDE.search(f.span)),
    # bleeding told, how much unsaid ("我流血了"): a wound pressed, as for a lot of it — but a nose is pinched
    ("bleeding_minor", "nosebleed", lambda f, low: "鼻" in low[max(0, f.start - 3):f.end]),
    ("bleeding_minor", "bleeding_inside", lambda f, low: INSIDE.search(low[max(0, f.start - 3):f.start])),
    ("bleeding_minor", "bleeding", lambda f, low: True),
)


# a request that is no emergency but leaves her at risk of falling while she waits: one line beside "已经告诉社工"
DARK = re.compile(r"停电|断电|跳闸|屋里没电|家里没电|好黑|很黑|太黑|黑乎乎|黑漆漆|灯(泡|管)?(坏|[不勿]亮|灭|黑)"
                  r"|power (is )?(out|cut|off)|no (power|electricity)|(it'?s|is) dark"
                  r"|lights? (is |are )?(out|off|broken)", re.I)  # (at night also a faster pace: night_pace.py)
FALL_RISKS = (  # (the words, the line she reads)
    (DARK, "help.risk_dark"),
    (re.compile(r"漏水|水管(爆|破|裂|坏)|爆管|(地上|地板|家里|屋里|厨房|卫生间)(全|都)是水|淹水|水漫|进水了|积水"
                r"|(burst|leaking) pipe|\bleak|water (all )?(on|over) the floor|flood", re.I), "help.risk_wet"),
)


def risk_lines(ctx, text: str) -> list[str]:
    """The lines on not falling that `text` calls for, in her language."""
    return [ctx.t(key) for pattern, key in FALL_RISKS if pattern.search(text or "")]
