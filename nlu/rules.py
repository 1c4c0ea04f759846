"""Rule layer for unmistakable danger words. It can only RAISE the emergency signal.

A trained model may miss a rare phrasing; a handful of words (救命, 叫不醒, 着火, 煤气味 …)
mean danger however they are dressed. When one fires, emergency is lifted to at least
RULE_CONFIDENCE. A negation or a story about the past ("我没摔倒", "上次摔倒现在好了")
only stops the rule from firing — the model's own emergency probability is never lowered.
Patterns run on `features.normalise`d text (simplified, half-width, lower-case).
"""
from __future__ import annotations

import re

EMERGENCY = "emergency"
RULE_CONFIDENCE = 0.9

_FALL = r"(?:(?:摔|跌|滑|绊)(?:倒|到|跤|了一跤|一跤|下来|在地)|掼跤|掼了一跤)(?!风险|评估|扶手|报警器)"
_CANT_GET_UP = r"起不来|起布来|起不了|爬不起来|站不起来|(?<![搬推拉拧拿挪])动不了|动弹不得|不能动"

_RULES: dict[str, str] = {
    "cry_for_help": r"救命(?!钱|稻草|恩人|之恩|药)|救名|救救我|快来人|来人啊|来人呀|^\W*sos\W*$|\bsos\b|🆘"
    r"|^\W*(?:please\s+)?help(?:\s+me)?\W*$|help me please|救护车|打120|叫120|call 120|ambulance",
    "fall": _FALL + r"|i fell|i have fallen|i've fallen|fell down|倒在地上|躺在地上",
    "cannot_get_up": _CANT_GET_UP + r"|can'?t get up|cannot get up|can'?t move",
    "unresponsive": r"叫不醒|喊不醒|叫不应|叫伊不应|没反应了|不省人事|昏迷|晕过去|昏过去|晕倒|昏倒|厥过去"
    r"|没呼吸|没有呼吸|没气了|没有心跳|unconscious|won'?t wake up|not breathing|passed out|fainted",
    "breathing": r"喘不上气|喘不过气|透不过气|透不上气|上不来气|呼吸不了|呼吸困难|气都喘不"
    r"|can'?t breathe|cannot breathe|hard to breathe|choking|噎住",
    "chest_pain": r"(?:胸口|心口|胸前|心脏)(?:很|好|特别|剧烈|一阵阵|有点|有些|一直|突然|老是)?(?:痛|疼|绞痛|压得)|心绞痛|心梗|心脏病(?:发|犯)"
    r"|chest pain|chest hurts|heart attack",
    "stroke": r"嘴歪|嘴巴歪|口角歪|半边(?:身子|身体|脸)?(?:麻|动不了|没力|没知觉)|说话不清|讲话不清|口齿不清|中风|脑梗|stroke",
    "fire": r"(?<![打点烧]不)着火|失火|起火|火灾|烧起来|烧着了|冒烟|浓烟|好多烟|(?<!没)有烟(?!瘾|酒|灰缸)|\bfire\b(?! safety| drill| extinguisher)|smoke",
    "gas": r"煤气味|燃气味|天然气味|煤气泄|燃气泄|漏气|漏煤气|煤气漏|闻到煤气|闻到燃气|gas leak|smell gas|smell of gas",
    "bleeding": r"血止不住|止不住血|流了(?:很|好)多血|流好多血|大出血|一直(?:在)?流血|吐血|满(?:脸|身|地)是血|bleeding",
    "trapped": r"(?:困|关|卡)在电梯|电梯里出不来|被困|锁在.{1,4}出不来|trapped|stuck in (?:the )?(?:lift|elevator)",
    "intruder": r"撬门|撬锁|有人撬|入室|闯进来|抢劫|有人在砸门|break-?in|burglar|broke in|intruder",
    "severe_pain": r"(?:痛|疼)得(?:打滚|受不了|要命|要死|昏过去)",
    "poison_burn": r"吃错药|喝了农药|误食|烫伤|烧伤|被开水烫|煤气中毒|一氧化碳",
}
_COMPILED = {name: re.compile(p) for name, p in _RULES.items()}

# A negation or hypothetical right before the danger word ("没摔倒", "万一着火", "防止跌倒").
_NEGATED_PREFIX = re.compile(
    r"(?:没有?|不是|并没有?|未|别|不会|防止?|预防|怕|担心|万一|如果|要是|假如|差点|差一点|险些|以防|避免|(?<!不)小心|不要|没有被|not|never|didn'?t|don'?t)"
    r"[^\s，。,.!！?？、]{0,2}$"
)
# A story about the past: distant past, or a past event followed by recovery.
# Not "过去" alone: 晕过去 (fainted) is the present.
_DISTANT_PAST = re.compile(r"年前|去年|前年|小时候|年轻时|当年|那年|那时候|以前|years ago|long ago|(?:摔|跌)过(?![去来])")
# Reported speech: news, TV, hearsay about someone else's misfortune.
_HEARSAY = re.compile(r"电视里说|电视上说|新闻说|新闻里|看到新闻|报纸上|听说|听人家讲|on the news")
_RECENT_PAST = re.compile(r"昨天|前天|上次|上回|上周|上礼拜|上个月|前几天|那次|早些时候|last week|yesterday")
_EARLIER_TODAY = re.compile(r"刚才|刚刚|早上|上午|下午|昨晚|夜里|半夜|earlier|this morning")
_RECOVERED = re.compile(r"好了|没事|没大碍|不要紧|康复|恢复|好多了|已经好|不痛了|不疼了|i'?m fine|i am fine|ok now|better now")


_CLAUSE = re.compile(r"[，。,.!！?？;；\n]+")


def _recovered_story(text: str) -> bool:
    """"昨天摔了一跤，现在好了": something happened earlier and the writer is fine now."""
    return bool(_RECOVERED.search(text)) and bool(_RECENT_PAST.search(text) or _EARLIER_TODAY.search(text))


def fired_rules(text: str) -> list[str]:
    """Names of the danger rules that fire on normalised `text` (negated mentions excluded)."""
    if _recovered_story(text):
        return []
    fired: list[str] = []
    for clause in _CLAUSE.split(text):
        # A clause about years ago or about someone on the news says nothing about now.
        if _DISTANT_PAST.search(clause) or _HEARSAY.search(clause):
            continue
        # "昨天摔了一跤" is a past fall; whether something is wrong now shows in other words.
        recent_past = bool(_RECENT_PAST.search(clause))
        for name, pattern in _COMPILED.items():
            if name in fired or (name == "fall" and recent_past):
                continue
            if any(not _NEGATED_PREFIX.search(clause[: m.start()]) for m in pattern.finditer(clause)):
                fired.append(name)
    return fired


def raise_emergency(ranking: list[tuple[str, float]], fired: list[str]) -> list[tuple[str, float]]:
    """Lifts emergency to at least RULE_CONFIDENCE, shrinking the others to keep a distribution."""
    if not fired:
        return ranking
    probs = dict(ranking)
    old = probs.get(EMERGENCY, 0.0)
    new = max(old, RULE_CONFIDENCE)
    if new == old:
        return ranking
    scale = (1.0 - new) / (1.0 - old) if old < 1.0 else 0.0
    lifted = [(name, new if name == EMERGENCY else p * scale) for name, p in ranking]
    if EMERGENCY not in probs:
        lifted.append((EMERGENCY, new))
    return sorted(lifted, key=lambda item: -item[1])
