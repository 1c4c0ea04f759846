"""Words that tell of her life, not of a danger now — each reaches staff as a request in her own words, with a kind
line for her, never an ambulance's advice nor "需要马上有人来吗？":

carer_away  her husband or wife, or her carer, in hospital or gone away ("老伴住院了", "保姆回老家了"): she is well, but
            alone now, and the committee should know who looks after her
low_mood    "今天不想说话", "心情不好": a gentle word, staff told (a call in a day or two), no alarm and no doctor
family_quarrel  a quarrel at home ("老头子生我的气 叫他不理我", "跟老伴吵架了"): low spirits, not a man who cannot answer
            (the model leant to a cry, 0.75): a kind word, staff phone her; "叫他不答应" alone stays a red flag
worried     "我好担心", "我好担心我儿子" (a worry, nothing else said): never "fine"; a kind word, staff phone her (a worry
            about her husband alone, "我好担心我老伴", is asked what about him: bot/qa/whose.py)
stolen      "我钱包被偷了": a theft already over — 110 to report it, staff to help with cards; no ambulance, no fall's advice
locked_out  "被关在门外了": shut out of her flat — where to wait warm, staff bring help; not "trapped" (bot/flows/resident.py)
grief       a spouse who died (bot/flows/bereaved.py)
spouse_unwell  her husband or wife unwell, not she ("阿拉老头子今朝一日勿吃饭", "我老伴这两天吃不下饭"): told of him, never
            "听到您不舒服…我先休息" (unless the model reads a cry in it: then the cry's way, as before)
fall_feared a fall of his she fears ("我担心老头子摔倒"): her worry to staff, and what to press should he fall
lonely      a dream of someone missed ("我梦到老伴了", "梦见老伴叫我"): company, as "想老伴了" is
spell_over  a blackout or dizzy spell told as passed ("刚才眼前一黑 现在好了"): staff visit (`spell_over`)
bleed_small, beat_skipped, gas_over, fire_over, cry_over  a bleed played down, a skipped beat felt, a danger told as over
            (bot/flows/told_passed.py)

"那我老伴呢" alone is neither: asked after a pension answer it is most often his allowance (bot/qa/whose.py asks which),
elsewhere a husband she cannot find — never taken for a cry before its step has read it (`asks_after_spouse`); nor
are "我老伴也有吗" (`asks_for_spouse`) and "老伴87" (`spouse_and_age`), the step raising a call where nothing was asked.

A danger named beside any of them ("老伴住院了 我摔倒了起不来", "不想说话 不想活了") is read as the cry it is.
Read at the front door (bot/flows/resident.py) and as the check-in's answer (bot/checkins/conversation.py).
"""
from __future__ import annotations

import re

from ..services import Services
from .bereaved import SPOUSE, grieving
from .chat_words import core
from .told_passed import told_passed
from .understanding import AILING, FEARED_FALL, danger_in, is_emergency, scam_over

TOLD = ("grief", "carer_away", "low_mood", "worried", "scam_told", "stolen", "locked_out", "spouse_unwell",
        "fall_feared", "family_quarrel", "visiting", "sales_pitch", "spell_over", "bleed_small", "beat_skipped",
        "gas_over", "fire_over", "cry_over")
CARER = rf"(?:{SPOUSE}|(?:保姆|护工|钟点工|住家阿姨)[^，,。！!？?\s]{{0,6}}?)"
AWAY = (r"住院|住进(?:了)?医院|进(?:了)?医院|送(?:进)?(?:了)?医院|(?:在|去)医院(?:开刀|动手术|做手术)|开刀|动手术|做手术|回老家"
        r"|回乡下|辞职|不做了|请假|没来|不来了")
CARER_AWAY = re.compile(rf"(?<!陪)(?<!照顾){CARER}(?:{AWAY})")
# with someone of hers at the hospital ("在医院陪我老头子", "今天去医院看我女儿"): he is the patient, she is well and busy
KIN = r"(?:老伴|老头子|老头|老太婆|老公|老婆|爱人|儿子|女儿|孙子|孙女|外孙|妹妹|姐姐|哥哥|弟弟|亲戚|朋友|邻居)"
VISITING = re.compile(rf"医院(?:里)?(?:陪|看|照顾|守着)(?:一下)?(?:我|阿拉)?(?:的|家)?{KIN}|医院(?:里)?(?:陪|照顾|守)着?(?:他|她|伊)|陪(?:我|阿拉)?(?:的|家)?{KIN}"
                      rf"(?:在|去|到)[^，,。！!？?\s]{{0,4}}医院|\bvisiting (?:my|our) \w+ (?:in|at) (?:the )?hospital\b", re.I)
# a salesman's pitch or a prize call told ("有人推销保健品", "楼下免费送鸡蛋 要我去听讲座", "说我中奖了"): the trap
# old people living alone fall into most; a warning for her, staff phone her (money asked for now is a red flag, urgent)
PITCH = re.compile(r"保健品|推销|(?:免费|白)(?:送|领|发|拿)|领(?:鸡蛋|大米|礼品|米|油)|听[^，,。！!？?\s]{0,4}讲座|(?:说|讲|通知|短信|电话)[^，,。！!？?]{0,6}中(?:了)?(?:大)?奖"
                   r"|[能包]治百病|神药|\bhealth (?:products?|supplements?)\b|\bsupplements?\b|\bwon (?:a|the) (?:prize|lottery)\b",
                   re.I)
NOT_PITCH = re.compile(r"报销|医保")  # "保健品能报销吗": a question for the Q&A
# asked, or not sure: read as usual ("老伴住院了吗", "老伴是不是要住院")
ASKED = re.compile(r"吗|伐|[？?]|是不是|要不要|会不会|怎么办")

LOW_MOOD = re.compile(r"(?:不想|勿想|不高兴|懒得)(?:跟人|和人|同人)?(?:说话|讲话|讲闲话|聊天|理人|开口|出门|出去)"
                      r"|(?:不想|勿想|懒得)(?:说|讲)(?:了|啦|呀)?$|没(?:什么|啥)(?:想|好)(?:说|讲)的?"
                      r"|心情(?:不|勿)(?:太|大|是很)?好|心情(?:很|好|老)?差|闷闷不乐|没(?:有)?心思|没(?:有)?心情"
                      r"|心里(?:有点|有些|好|很|老)?烦|心烦"
                      r"|\b(?:i (?:feel|am|'m)|i'm|feeling|feel) (?:a bit |a little |so |very |really |rather |quite )?(?:feeling )?"
                      r"(?:down|blue|fed up|(?<=feeling )low|(?<=feel )low|(?<=feeling a bit )low)\b")  # "I'm low": her sugar

# a quarrel at home, told with a word of anger ("不理我" alone may be a husband who cannot answer: never enough)
QUARREL = re.compile(r"生(?:我的?|了)?气|吵(?:了)?(?:一)?架|拌(?:了)?嘴|闹别扭|赌气|怄气|发脾气|寻相骂|相骂")

# a purse or phone stolen, told as done (money itself "被偷", a bank card or passbook are the scam's red flag, urgent)
STOLEN = re.compile(r"(?:钱包|皮夹子?|皮包|包包|手袋|手机|老年卡|敬老卡)(?:又|也)?(?:被|给|让)(?:人|小偷|贼|贼骨头)?(?:偷|扒|摸)"
                    r"|(?:钱包|皮夹子?|手机)(?:又|也)?(?:被|给|拨)?(?:人)?偷(?:走|掉|脱)?了|\b(?:purse|wallet|handbag|phone)"
                    r" (?:was |has been |got )?stolen|stole my (?:purse|wallet|handbag|phone)", re.I)
# shut out of her own flat ("被关在门外了", "钥匙忘带了 进不了家门")
LOCKED_OUT = re.compile(r"(?:关|锁)在(?:了)?(?:自己)?(?:家)?(?:门外|门口|外面|外头|屋外)|(?:进不了|进不去|进勿去|进勿了)(?:家门|家|屋|门)"
                        r"|(?:门外|外面|外头|楼道里?|门口)[^，,。！!？?]{0,3}(?:进不了|进不去|进勿去|进勿了)"  # "门锁坏了 我在外面进不去"
                        r"|locked (?:myself )?out", re.I)


# "那我老伴呢", "我老头子呢？": the spouse and nothing else
SPOUSE_ONLY = r"(?:老伴儿?|老头子?|老太婆|老太太|老婆子|老公|老婆|爱人|丈夫|妻子)"
ASKS_AFTER = re.compile(rf"(?:那|那么|还有)?(?:我|我的|我家|阿拉)?(?:屋里厢|屋里|家里)?的?{SPOUSE_ONLY}的?(?:呢|咧|哪|呐|伐)?")
# "我老伴也有吗", "老头子可以领伐": whether he gets it too — a question, never a cry
ASKS_FOR = re.compile(rf"(?:那|那么)?(?:我|我的|我家|阿拉)?(?:屋里厢|屋里|家里)?的?{SPOUSE_ONLY}(?:也|还)?(?:有|能有|拿|领|能拿"
                      r"|能领|可以拿|可以领|好拿|好领|可以|能)(?:吗|伐|么|哦|呢|不|没有)?")


# "老伴87", "那老伴呢 伊87": his age for the answer just given — the model leans to a cry (0.7), its step reads it
SPOUSE_AGE = re.compile(rf"(?:那|那么)?(?:我|我的|我家|阿拉)?(?:屋里厢|屋里|家里)?的?{SPOUSE_ONLY}(?:呢)?(?:伊|他|她)?(?:今年|已经)?"
                        r"(?:是)?(?:\d{2,3}|[一二三四五六七八九十]{2,4})(?:岁|周岁)?(?:了|啦|呢|呀|啊)?")


# the same in English ("what about my wife", "does my husband get it too", "my wife is 78", "and my husband? he's 78")
EN_SPOUSE = r"(?:my|our) (?:wife|husband|hubby|missus|spouse|partner)"
EN_ASKS_AFTER = re.compile(rf"(?:(?:and|so|then) )?(?:(?:what|how) about )?{EN_SPOUSE}(?: then)?")
EN_ASKS_FOR = re.compile(rf"(?:(?:and|so|then) )?(?:(?:what|how) about |(?:does|can|could|will|would|is|do) )?"
                         rf"{EN_SPOUSE}(?: (?:also|too|as well))?"
                         r"(?: (?:get|have|receive|claim|qualify|be eligible|eligible|get one))"
                         r"(?: (?:for|it|that|this|one|the allowance|the pension|too|also|as well))*")
EN_AGE_AFTER = re.compile(r"[\s,?.!]*(?:(?:(?:she|he)(?: is|'s|s)|is|aged) )?(\d{2,3})"
                          r"(?: (?:years old|years|yrs old|yrs))?[\s.!]*$")


def spouse_age_told(text: str) -> str:
    """The spouse's age told after asking after the spouse, in English ("what about my wife, she is 78"): "78"."""
    said = core(text)
    m = EN_AGE_AFTER.search(said)
    if not m or not m.start():
        return ""
    asked = said[:m.start()]
    return m.group(1) if EN_ASKS_AFTER.fullmatch(asked) or EN_ASKS_FOR.fullmatch(asked) else ""


def spouse_and_age(text: str) -> bool:
    return bool(SPOUSE_AGE.fullmatch(core(text))) or bool(spouse_age_told(text))


def asks_for_spouse(text: str) -> bool:
    """"我老伴也有吗", "does my husband get it too": whether the spouse gets it too (nothing else said)."""
    return any(p.fullmatch(core(text)) for p in (ASKS_FOR, EN_ASKS_FOR))


def asks_after_spouse(text: str) -> bool:
    """"那我老伴呢", "我老头子呢？", "what about my wife?": the spouse named, nothing else said (punctuation aside)."""
    return any(p.fullmatch(core(text)) for p in (ASKS_AFTER, EN_ASKS_AFTER))


# grief told with a question about what he left ("他的养老金怎么办", "丧葬费怎么领"): the survivor's answer too
SURVIVOR_ASKED = re.compile(r"(?:养老金|退休金|退休工资|丧葬|抚恤|遗属|个人账户).{0,8}(?:怎么|哪里|去哪|吗|伐|手续|领|办|[？?])")


# a worry and nothing else: "我好担心", "我有点担心我孙子", "心里好不放心" (what she fears is not said: she is asked)
WORRIED = re.compile(r"我?(?:现在|心里|心里头|最近|这两天)?(?:好|很|老|真|有点|有些|蛮|交关|一直)?(?:担心|不放心|发愁|犯愁|焦虑|忧心|揪心)"
                     r"(?:死了|得很|得不得了|得睡不着觉?)?(?:我的?)?(?:儿子|女儿|孙子|孙女|外孙|外孙女|小孩|孩子|子女|家里人|身体)?"
                     r"(?:了|啊|呀|哦|呢)?")


def survivor_asked(text: str) -> bool:
    return bool(SURVIVOR_ASKED.search(text))


def life_told(svc: Services, text: str, result: dict | None = None) -> str | None:
    """"carer_away", "low_mood", "grief", "stolen", "locked_out", "scam_told" (a scam call she did not fall for:
    "骗子打电话给我 我没理伊"), "spouse_unwell" or "fall_feared" for words that tell of her life with no danger in
    them (`result`, the model's reading: a spouse's ailment it reads as a cry stays one); else None."""
    if grieving(svc, text):
        return "grief"
    if danger_in(svc, text):
        return None
    told = "scam_told" if scam_over(text) else pitched(text) or mishap(text) or away_or_low(text) or of_spouse(text) \
        or dreamt(text) or spell_over(text) or told_passed(text)
    sure = told == "spouse_unwell" and plainly_ill(text)
    return None if told == "spouse_unwell" and result is not None and is_emergency(result) and not sure else told


# the words are about her husband or wife ("阿拉老头子…", "我老伴…"), ill or not eating, and not about her too
SPOUSE_FIRST = re.compile(rf"^(?:我|我的|我家|阿拉)?(?:屋里厢|屋里|家里)?的?{SPOUSE_ONLY}")
SPOUSE_ILL = re.compile(r"勿舒服|勿适意|(?:不|勿)(?:太|大|怎么|是很)好(?!吃|看|玩|听|意思)|(?:没|勿|不|没有|不肯|勿肯)(?:吃饭|吃东西|吃过饭)|吃不下|吃勿下|没胃口|勿想吃")
SELF_TOO = re.compile(r"我(?:也|还|自己)")
# the same in English, and nothing else ("my husband is sick": the model, little taught English, read a cry)
EN_SPOUSE_ILL = re.compile(r"(?:my )?(?:husband|wife|hubby|partner)(?:(?: is|'s)? (?:(?:very |a bit |quite )?"
                           r"(?:sick|ill|unwell|poorly)|not (?:very )?(?:well|good|feeling well)|not eating)"
                           r"| has (?:a |got a )?(?:fever|cold|cough|temperature))(?: today| again| these days)?", re.I)
# and in Chinese, a plain illness and nothing else ("老伴生病了", "老头子感冒了": the model unsure, 0.46, read a cry)
SPOUSE_SICK = re.compile(rf"(?:我|我的|我家|阿拉)?的?{SPOUSE_ONLY}(?:今天|今朝|这两天|这几天|又|也)?(?:生病|病|感冒|着凉)(?:了|啦)?")


def plainly_ill(text: str) -> bool:
    """"my husband is sick", "老伴生病了": the spouse ill, said plainly, nothing else (no red flag can be in it)."""
    return bool(EN_SPOUSE_ILL.fullmatch(text.strip().rstrip(".!").strip()) or SPOUSE_SICK.fullmatch(core(text)))


def of_spouse(text: str) -> str | None:
    """"fall_feared" ("我担心老头子摔倒") or "spouse_unwell" ("阿拉老头子今朝一日勿吃饭"), no red flag counting in it."""
    from nlu import redflags
    from nlu.features import normalise

    said = normalise(text)
    if any(f.counts for f in redflags.find(said)):
        return None
    if re.search(FEARED_FALL, said):
        return "fall_feared"
    ill = AILING.search(said) or SPOUSE_ILL.search(said)
    if plainly_ill(text):
        return "spouse_unwell"
    return "spouse_unwell" if SPOUSE_FIRST.search(core(text)) and ill and not SELF_TOO.search(said) else None


# a dream of someone missed ("我梦到老伴了", "梦见老伴叫我"): company, as "想老伴了" is — never a cry (the model leant to
# one, 0.27, on "叫我")
DREAMT = re.compile(r"梦(?:到|见|着)(?:了)?(?:我的?|阿拉)?(?:老伴|老头子?|老太婆|老公|老婆|爱人|妈妈|我妈|爸爸|我爸|姆妈|阿爸|儿子|女儿)")


def dreamt(text: str) -> str | None:
    """"lonely" for a dream of someone missed, told with no ailment ("梦到老伴了 心里难受" is read as usual)."""
    return "lonely" if DREAMT.search(text) and not AILING.search(text) and not ASKED.search(text) else None


def away_or_low(text: str) -> str | None:
    """"visiting", "carer_away", "low_mood" or "family_quarrel" told (not asked), whatever else the words say: the caller weighs a
    danger."""
    if ASKED.search(text) or AILING.search(text):  # "不想说话 头好晕": the ailment is read, not her mood
        return None
    if WORRIED.fullmatch(core(text)):
        return "worried"
    if VISITING.search(text):
        return "visiting"
    if CARER_AWAY.search(text):
        return "carer_away"
    return "low_mood" if LOW_MOOD.search(core(text)) else "family_quarrel" if QUARREL.search(core(text)) else None


def pitched(text: str) -> str | None:
    """"sales_pitch" told: a pitch for health products, free gifts for a talk, a prize call (no danger in it: the caller
    checked)."""
    return "sales_pitch" if PITCH.search(text) and not NOT_PITCH.search(text) else None


def mishap(text: str) -> str | None:
    """"stolen" or "locked_out" told, with no danger in it, not even an uncertain one ("被关在门外了 冻得发抖",
    "钱包被偷了 我好害怕": asked whether someone should come); the model alone leans to a cry (0.6)."""
    from nlu import redflags
    from nlu.features import normalise

    told = "stolen" if STOLEN.search(text) else "locked_out" if LOCKED_OUT.search(text) else None
    return told if told and not any(f.counts for f in redflags.find(normalise(text))) else None


def spell_over(text: str) -> str | None:
    """"spell_over" for a blackout or a dizzy spell told as passed ("刚才眼前一黑 现在好了", "刚才晕了一下 现在好了",
    "刚才头一晕 坐了一会好了"): at her age a warning (a fall, a stroke, the heart) — staff visit, and she reads what to
    press if it comes back; never "真高兴" (the model read "fine", 0.68), nor "平安" at the check-in. One told as now
    ("眼前一黑 站不稳") is a red flag's: asked at once."""
    from nlu.features import normalise
    from nlu.rules import told_over

    said = normalise(text or "")
    return "spell_over" if any(told_over(said, concept=c) for c in ("dizzy", "unresponsive")) else None
