"""Words that tell of a death: said so, or still in doubt (a cry). A family contact's "我爸去世了" is read in
bot/incidents/family_told.py; a resident's own spouse gone ("老伴不在了", "我老伴走了三年了") is grief, for company and
a visit (bot/flows/resident.py, and as a check-in's answer: bot/checkins/conversation.py), never an ambulance's advice.
"""
from __future__ import annotations

import re

from ..services import Services
from .understanding import danger_in

# a death told in doubt, or as a figure of speech: still a cry ("好像死了 叫不醒", "疼死了", "快不行了", "走丢了")
STILL_A_CRY = re.compile(r"好像|可能|是不是|会不会|吗|[？?]|怕|不知道|不确定|叫不醒|没气|没呼吸|没有呼吸|不动了|快不行|快要|快死|要死|不行了|差点"
                         r"|[吓疼痛累热冷饿急烦气]死|回来|回家|出门|出去|找不到|走丢|走失|没回")

# a spouse gone, told by the one left ("老伴不在了", "我老伴走了三年了", "老头子走了以后我一个人"): grief, for
# company and a visit, not a cry; one just gone ("老伴刚走了") or in doubt ("老伴好像没气了", "老伴走了还没回来") is
# read as the cry it may be
SPOUSE = r"(?:老伴儿?|老头子|老太婆|老婆子|老公|老婆|爱人|丈夫|妻子)[^，,。！!？?\s]{0,8}?"  # the spouse, then within a few words
GONE = r"去世|过世|离世|病逝|走了|不在了|没了|死了"
SPOUSE_GONE = re.compile(rf"{SPOUSE}(?:{GONE})")
JUST_NOW = re.compile(r"刚|今天|今早|早上|上午|中午|下午|晚上|昨天|昨晚|半夜|夜里|现在|这会|突然")


# a spouse who has died just now, at home ("老伴刚走了", "我老伴刚刚没气了", "老头子刚才断气了"): an emergency still
# (staff come; 120 confirms the death), with its own advice (bot/incidents/advice.py); not told in doubt ("好像没气了":
# help him), nor gone out ("老伴刚走了，去买菜了")
DIED = re.compile(rf"{SPOUSE}(?:{GONE}|没气了|没有气了|断气了|咽气了|咽气)")
JUST_DIED = re.compile(r"刚|现在|这会|突然|一下子|今天|今早|今晚|今朝")  # not yesterday's: a death told, not a call
IN_DOUBT = re.compile(r"好像|可能|是不是|会不会|吗|[？?]|不知道|不确定|叫不醒|去买|买菜|上班|散步|出门|出去|回来|回家|找不到|走丢|走失|没回")


def died_just_now(text: str) -> bool:
    """Whether the words tell of a spouse who has just died (`DIED` after a word of just now), not in doubt."""
    m = DIED.search(text)
    return bool(m) and bool(JUST_DIED.search(text[:m.end()])) and not IN_DOUBT.search(text)


def grieving(svc: Services, text: str) -> bool:
    """A spouse who died told (`spouse_mourned`), and no danger now in the words ("老伴不在了 我摔倒了" is a cry)."""
    return spouse_mourned(text) and not danger_in(svc, text)


# the day he died, remembered ("今天是老伴的忌日", "今朝是阿拉老头子的周年"): grief, whatever day it is said on
MEMORIAL = re.compile(rf"{SPOUSE}(?:的)?(?:忌日|祭日|周年|冥寿)")


def spouse_mourned(text: str) -> bool:
    """Whether the words tell of a spouse who died, not just now ("今天早上老伴走了"; "…现在一个人" after it is about
    today's life) and not in doubt: grief (bot/flows/resident.py)."""
    if MEMORIAL.search(text) and not STILL_A_CRY.search(text):
        return True
    m = SPOUSE_GONE.search(text)
    return bool(m) and not JUST_NOW.search(text[:m.end()]) and not STILL_A_CRY.search(text)
