"""Reading a typed answer to the morning's "今天身体好吗？": fine, unwell, a call for help, or only a sign of life — the
words weighed beside the model's reading (bot/checkins/conversation.py asks, and acts on what this says).
"""
from __future__ import annotations

import re

from ..flows.chat_words import kind_of
from ..flows.understanding import ACHE, AILING, NO_ACHE, WELL_AGAIN, fall_told_over, is_emergency
from .typed import doctor_visit, hospital_now, routine_visit

# the check-in's answer for words of a kind (bot/flows/chat_words.py): "口渴" alive, a drink of water (an ailment beside
# it: not this kind); "哎 老了" (the model leant to a cry, 0.20) a sigh, and an answer
KIND_ANSWERS = {"thirst": "activity", "aging": "ok", "bp_high": "unwell",  # "血压170": staff hear it
                "carsick": "activity"}  # "我晕车": out on a trip, the front door's kind line
# and for words that tell of her life (bot/flows/life_told.py); any other told kind: "unwell" (not fine)
TOLD_ANSWERS = {"carer_away": "activity", "visiting": "ok", "lonely": "ok", "sales_pitch": "ok"}
# "我好难受" carries 好, "好个屁" and "哪里好" say the opposite, "一般般" is no call for help, "勿好" is Shanghainese for
# "not good" (困 is its sleep: "没困好"), "还行吧 就是腿疼" is fine but for a pain: words that make a typed answer
# "unwell" whatever the model ranks first (short of a danger the model is sure of)
UNWELL = re.compile(r"不舒服|难受|不好受|不(大|太|怎么|是很)好|好(个屁|什么好?|啥)|哪(里|儿)?好|一般般?|马马虎虎|凑合"
                    r"|没[睡困](着|好)|[睡困][不勿]着|没精神|没力气|勿(大|太)?好|[勿不]适宜|勿舒服|就是.{0,6}(疼|痛|酸|晕|咳|麻|胀)"
                    r"|^(也|还是?)?就?(那|这)样(吧|呗|了|啦)?$"  # "就那样吧": so-so, not a goodbye
                    r"|(腿|脚|手|腰)[^，,。\s]{0,3}(不灵|不利索|不听使唤|没劲|发软)")
# well, said anywhere in a message naming no ailment
FINE = re.compile(r"^好(?:的|嘞|呀|啊|哒|啦)*(?=[\s，,。!！]|$)"  # "好的呀 今天天气不错"
                  r"|(?<![不没勿])(?:很|蛮|挺|老|真|特别)?开心|(?<![不没勿])(?:很|蛮|挺)好(?![奇像])|好着呢|一切都好|都挺好|你们放心")
# why a check-in was answered late, said of herself and nothing else ("对不起忘了", "刚才没听到手机响", "社工来过了")
EXCUSE = re.compile(r"(忘了|忘记)(回|回复|签到|看)?(了|啦)?[。!！]*$|没(听|看)(见|到)|手机.{0,3}没电了|睡着了|在睡觉"
                    r"|刚(刚)?看到|(社工|有人|你们的人|居委会的人)(刚才?)?来(过|看过)(了|我)")


def typed_answer(text: str, result: dict) -> str:
    """What a typed answer to "今天身体好吗？" says (the NLU's `result` of it): "ok", "unwell", "help", or "activity"
    (alive, nothing said of how she is)."""
    intent = result["intent"]["name"]
    better = bool(AILING.search(text) and WELL_AGAIN.search(text))  # "头有点昏…现在好一点了": told as better now
    # (a red flag makes it 0.9; an ailment told as better needs what the fast lane needs, bot/incidents/urgency.py)
    sure = intent == "emergency" and result["intent"]["confidence"] >= (0.6 if better else 0.5)
    if sure or any(w in text for w in ("需要帮助", "要帮助", "帮帮我")):
        return "help"
    if EXCUSE.search(text) and not AILING.search(text) and not ACHE.search(text):
        return "ok"  # why she answers late ("对不起忘了", "没听见", "手机没电了"): well, never a cry or a new request
    if (kind := kind_of(text)) in KIND_ANSWERS:  # "口渴": alive, the front door's drink of water; "哎 老了": a sigh
        return KIND_ANSWERS[kind]
    if routine_visit(text) or doctor_visit(text):  # "今天要去医院复查", "今天去医院看病": fine, and on her way
        return "ok"
    if hospital_now(text):  # "我要去医院": said to "今天身体好吗？" with nothing planned, she may be unwell now
        return "unwell"
    if result.get("emergency_suspected") and not better and not fall_told_over(text):
        return "help"  # a possible danger ("冻得发抖 浑身冰凉", "晚上一个人好害怕"): asked, as at the front door
    if intent in ("feeling_unwell", "deny") or UNWELL.search(text) or fall_told_over(text):  # a fall played down
        return "unwell"
    if kind_of(text) == "temperature_asked":  # "体温39度正常吗": she may be the one with it (the model read "fine")
        return "unwell"
    if is_emergency(result):  # suspected only: "需要马上有人来吗？" — unless an ailment is told as better now
        return "unwell" if better else "help"
    if (intent in ("greet", "thank") or intent in ("checkin_ok", "affirm") and not NO_ACHE.search(text)) \
            and ACHE.search(text) and not WELL_AGAIN.search(text):
        return "unwell"  # an ache beside a heart ("腿疼❤️") or "I'm ok, just a bit dizzy": not "fine"
    if intent in ("checkin_ok", "affirm", "greet", "thank") or FINE.search(text) and not AILING.search(text):
        return "ok"  # (a long voice message the model cannot place, all of it well: "…孙子要来看我我很开心")
    return "activity"
