"""Reads a resident's free text through the NLU; if the model fails, a keyword list still catches a cry for help."""
from __future__ import annotations

import asyncio
import logging
import re

from ..services import Services

log = logging.getLogger(__name__)

WORDED = ("text", "edited", "photo", "voice", "file")  # messages whose words (a text, a caption) are read for a cry
# Only a safety net for when the model itself is unavailable.
DANGER_WORDS = ("救命", "救名", "救救", "摔倒", "摔到", "跌倒", "跌跤", "起不来", "动不了", "叫不醒", "着火", "失火",
                "煤气", "喘不", "胸口痛", "胸痛", "晕倒", "流血", "不想活", "自杀", "轻生", "sos", "help")


# "帮助", "帮帮我" and nothing else, from a resident: her 救命, read as it is (bot/incidents/urgency.py; staff, family and
# strangers typing it ask how the bot works, and are read as usual)
LONE_HELP = re.compile(r"[\W_]*(?:请)?(?:帮帮我|帮助我?)(?:吧|啊|呀|哦)?[\W_]*")


def keyword_parse(text: str) -> dict:
    low = text.lower()
    urgent = any(w in low for w in DANGER_WORDS)
    name = "emergency" if urgent else "out_of_scope"
    return {"text": text, "intent": {"name": name, "confidence": 1.0 if urgent else 0.0},
            "intent_ranking": [], "entities": [], "emergency_suspected": urgent}


async def understand(svc: Services, text: str) -> dict:
    if svc.nlu is None:
        return keyword_parse(text)
    try:
        result = await svc.nlu.aparse(text)
    except Exception:
        log.exception("NLU failed; falling back to keywords")
        return keyword_parse(text)
    return result  # the NLU's decision layer already weighs danger words in their context


# voice input: spaces part its clauses too
CLAUSES = re.compile(r"[，,。.！!？?；;\n]+|(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])|另外|还有|然后|顺便")


async def clause_intents(svc: Services, text: str) -> list[tuple[str, str]]:
    """(intent, clause) for each clause of a message of several (voice input parts them with spaces), the intent ""
    where the model is unsure — a pain named ("还有我腿疼") counts where it leans to unwell, and better again ("我头不
    晕了") is no need: a need told beside thanks or a question is not lost to the one intent of the whole; [] for a
    message of one clause. Every clause is read, once: a voice-typed paragraph says what matters anywhere in its
    chatter, not only first or last (its length is bounded by telegram.max_text_length; a clause is a model call
    of well under a millisecond)."""
    parts = list(dict.fromkeys(p.strip() for p in CLAUSES.split(text) if len(p.strip()) >= 2))
    if len(parts) < 2 or svc.nlu is None:
        return []
    out, better = [], WELL_AGAIN.search(text)
    read = await asyncio.gather(*(understand(svc, part) for part in parts))  # a Rasa server: side by side, not 30 waits
    for part, result in zip(parts, read):
        intent = result["intent"]
        unwell = intent["name"] == "feeling_unwell"
        sure = intent["confidence"] >= (0.5 if unwell else 0.6) or unwell and AILING.search(part) and not better
        out.append((intent["name"] if sure and not (unwell and WELL_AGAIN.search(part) or standing(part)) else "", part))
    return out


# a standing condition told as why a task is hard ("我眼睛不好 刷脸刷不出来", "我耳朵不好 电话听不清"): no illness now
STANDING = re.compile(r"(?:眼睛|眼神|视力|耳朵|听力|手|腿脚|记性|脑子)(?:也|又|都|一直)?(?:不大|不太|不)?(?:好使|好|灵|灵光|行|清|清楚|抖|背|差)"
                      r"|眼睛看不清|看不清(?:字|屏幕|手机)?|(?:电话)?听不清(?:楚)?|老花|耳背|手抖|不识字|不认字|年纪大了|老了|不会用(?:手机|智能手机)?")


def standing(part: str) -> bool:
    """A clause that only tells of a standing condition ("我眼睛不好", "耳朵不好 电话听不清"), nothing sudden in it
    ("我眼睛突然看不见了" is no such clause)."""
    rest = STANDING.sub("", part)
    return rest != part and not AILING.search(rest) and bool(re.fullmatch(r"[我人的也都有点是啊呀了，,。\s]*", rest))


# a clause saying only who asks for whom ("我女儿帮我问的", "替我妈问一下") or "look it up" ("侬帮我看看"): no need
ASKED_FOR = re.compile(r"(?:我是?)?\S{0,4}(?:帮|替|代)\S{0,3}(?:问|看|查)(?:的|一下|问|看|查|下)?[的了啊呀。，,.!！]*")


def looked_up(told: list[tuple[str, str]], intent: str, result: dict, needs: tuple, questions: tuple) -> str:
    """"帮我看一下 老年卡的钱到账了没有" (the whole read as a request): the question's intent, when the only need in it is
    "look it up" and the rest asks a question (a clause's intent, else the whole's runner-up); else `intent`."""
    rest = [i for i, part in told if not ASKED_FOR.fullmatch(part) and not standing(part)]
    if intent not in needs or len(rest) == len(told) or set(rest) & set(needs):
        return intent
    asked = [r["name"] for r in result.get("intent_ranking", []) if r["name"] in questions and r["confidence"] >= 0.15]
    return next((i for i in rest if i in questions), asked[0] if asked else intent)


RAMBLE = 60  # characters: a message this long that the bot cannot place (voice input with no marks) a person reads


# words that ask after someone, and words that ask for something to be done (those stay a request to staff)
ASKS_AFTER = re.compile(r"签到|签了到|报平安|报过平安|打卡|好不好|怎么样|怎样了|还好吗|还好不|好吗|咋样|情况如何|近况|有没有事"
                        r"|(?i:\bcheck(?:ed|s)?[ -]?in\b|\b(is|was) (my |our )?(dad|father|mum|mom|mother|grandma|grandpa|he|she)"
                        r" (ok|okay|alright|all right|fine|well)\b|\bhow(?:'s| is| was) (my |our )?(dad|father|mum|mom|mother"
                        r"|grandma|grandpa|parents?|he|she)\b)")
WANTS = re.compile(r"帮|麻烦|请(?!问)|能不能|能否|去看|看看|来看|上门|配药|送|需要|要不要|联系"
                   r"|(?i:\b(please|can (you|someone|somebody)|could (you|someone|somebody)|would you|go (and |to )?(see|check)"
                   r"|visit|look in on|check on|call me|help)\b)")


def asks_after(text: str) -> bool:
    """"我爸今天签到了吗", "我妈这两天好不好" from a family contact: how the resident is, not a request."""
    return bool(ASKS_AFTER.search(text)) and not WANTS.search(text)


# a raised temperature told ("体温37度5", "体温37.8"): 37.3 and over (39 and over is the high-fever red flag's)
RAISED_TEMPERATURE = r"体温[^，,。\d]{0,4}(?:37(?:\.|点|度)[3-9]|3[89])"
AILING = re.compile(r"难受|不舒服|痛|疼|晕|(?<!黄)昏|头婚|烧|咳|吐|喘|没力气|没劲|拉肚子|血|" + RAISED_TEMPERATURE)  # being ill (头婚: 头昏 mistyped)
# an ache named ("我腰疼", "肩膀酸痛"): unwell even where the model is unsure of so short a message ("烧饭", "血压" are
# not in it, as they are in AILING)
ACHE = re.compile(RAISED_TEMPERATURE + r"|疼|痛(?!快)|酸(?!奶|菜|梅|辣|甜|味|汤|黄瓜|豆角)|麻(?!烦|将|油|辣)|难受|不舒服|晕|发烧|发热|心慌|腿软|扭了|闪了|崴|感冒|鼻塞|鼻子(?:不通|塞)|流鼻涕|打喷嚏|疹子|疙瘩|(?:抓|划|割|擦|碰|撞|刮)(?:伤|破)|烫(?:到|伤|红|破|起)|(?:手|脚|腿|脸|嘴|舌头)[^，,。\s]{0,2}烫|(?:开水|热水|热油|油)溅|肿|便秘|没大便|拉肚子|咳|抽筋|眼睛[^，,。！!？?\s]{0,2}红|痒"
                  r"|(?i:\b(hurts?|aches?|aching|pain(ful)?|sore|dizzy|weak|fever|cough(ing)?|blood pressure|vomit(ing)?"
                  r"|nause(a|ous)|diarrh(o)?ea|swollen|constipated|sprained|cut (my|myself)|scald(ed)?|burnt? (my|myself))\b)")
# an ache said to be absent ("腿不疼", "没有头晕", "no pain"): never "不舒服", which is one
NO_ACHE = re.compile(r"(?:不|没有?|勿|(?i:\bno |\bnot |\bwithout ))\S{0,2}?(?:疼|痛|晕|昏|咳|(?i:pain|dizz))")
# better again, said with thanks or a greeting: "谢谢 我现在不疼了", "血压量过了 正常"
WELL_AGAIN = re.compile(r"不(再|太)?(难受|疼|痛|晕|烧|咳|吐|喘)了|好多了|好了|好(一)?点了|好些了|没事了|正常"
                        r"|(?i:\b(better now|much better|no longer|(is|are) normal|any ?more)\b)")


# help has come, or she has called it, said on her open call ("120来了", "他们来了", "谢谢 人到了", "我打了120"): news
# for the staff holding it, no new alarm (a danger told with them is still read first: red flags)
HELP_ARRIVED = re.compile(r"(?:人|他们|你们|社工|救护车|120|医生|警察|110|消防|女儿|儿子|家里人|家人|邻居|物业|保安|孙子|孙女|外孙"
                          r"|护工|保姆|亲戚)(?:已经|都)?(?:过|赶)?(?:来|到)了(?![吗么嘛没])"
                          r"|\b(?:they|the ambulance|help|someone|somebody|the doctor|the police|my (?:son|daughter|neighbou?r"
                          r"|family|grandson|granddaughter|carer|nurse))(?:'s|'re| is| are| has| have)? ?(?:here|come|came|arrived)\b",
                          re.I)
HELP_CALLED = re.compile(r"我(?:已经)?(?:打|叫|拨)(?:了|过)(?:120|110|119|救护车)"
                         r"|\bi(?: have|'ve)? (?:called|rang|phoned) (?:120|110|119|an? ambulance|the ambulance)\b", re.I)
HELP_CAME = re.compile(f"{HELP_ARRIVED.pattern}|{HELP_CALLED.pattern}", re.I)


def danger_in(svc: Services, text: str) -> bool:
    """A danger named in these words, present now (red flags in context); without the model: assume there is."""
    danger = getattr(svc.nlu, "red_flag_words", None)
    return danger is None or bool(danger(text))


def is_emergency(result: dict) -> bool:
    return result["intent"]["name"] == "emergency" or bool(result.get("emergency_suspected"))


def fall_told_over(text: str) -> bool:
    """A fall the resident tells as over or harmless ("我摔了一下没事了"): no emergency, but staff should visit."""
    from nlu.features import normalise
    from nlu.rules import told_over

    return told_over(normalise(text or ""))


# a fall feared, not told ("我担心他摔倒", "我怕老伴晚上跌跤"): nothing after it that puts it now (nlu/data/red_flags.yml
# scopes the same words as hypothetical; where it does not, the flag still counts and the words still alarm)
FEARED_FALL = (r"(?:怕|担心|害怕|担忧|生怕|就怕)(?:他|她|伊|我爸|我妈|爸爸|妈妈|老爸|老妈|姆妈|阿爸|老头子|老伴|老太婆|老公|老婆)"
               r"(?:会|又|再|晚上|夜里|半夜|哪天)?(?:起夜时?)?(?:摔|跌|掼)(?:倒|跤|一跤|跟头)(?![了过在得伤掉倒])")


# a scam call told as over in words no red flag names ("骗子打电话来 他没理", "医保卡冻结了 我让他挂了", "差点被骗",
# Shanghainese "我勿睬伊", "电话挂脱了")
SCAM = re.compile(r"骗|冒充|中奖|冻结|安全(?:账|帐)户|转账|汇款|打钱|验证码")
OVER = re.compile(r"没理|不理|[勿不没]睬|挂(?:掉|断|脱)?了|挂脱|没(?:有)?上当|(?<!还)没(?:有)?(?:转|汇|打钱|给钱)|识破|差点|险些|没被骗")


def scam_over(text: str) -> bool:
    """A scam call told as over ("有人让他转账 他没转 挂掉了"): staff phone him to reassure and warn, no emergency."""
    from nlu.features import normalise
    from nlu.rules import fired_rules, told_over

    said = normalise(text or "")
    return told_over(said, concept="scam") or bool(SCAM.search(said) and OVER.search(said)) and not fired_rules(said)
