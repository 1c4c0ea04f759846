"""A daughter's words about her father that his own front door reads calmly: read the same way from her.

"我爸生我的气了", "我爸手抖得厉害", "我爸口渴" raised a full 🆘 (the model leans to a cry on any "我爸…" it cannot place:
most of what it learnt a daughter say was one), where "老头子生我的气", "我手抖得厉害", "口渴" from him are a quarrel,
a tremor and thirst (bot/flows/life_told.py, nlu/data/short_words.yml, bot/flows/chat_words.py). Now:

quarrel   to staff as a request (a call to him, low spirits), a kind word for her
tremor    to staff as his being unwell (someone goes to see him), as his own "我手抖得厉害" is
thirst    a kind word (warm water, slowly; the family doctor if it goes on), nobody paged, one tap [📨 转给社工];
          on his open call, its staff read it
bp_high   "我爸血压170" (160–179, as his own "血压170"): to staff as his being unwell, a kind word for her
door      "我爸家门打不开了" (as his own "门打不开了"): to staff as a request for a hand — never when he is shut in

Any red flag that counts (a weak one too) beside them, and the words go the way they went ("我爸手抖 出冷汗 心慌",
"我爸跟我吵架 突然说不出话", "我爸口渴 头晕 站不住").
"""
from __future__ import annotations

import re

from ..flows import chat
from ..flows.base import Ctx
from ..flows.chat_words import kind_of
from ..flows.life_told import away_or_low
from ..flows.menu import show_menu
from ..flows.understanding import is_emergency, understand
from ..services import Services
from . import family, family_on_call  # each imports the other: family reads the words, this module answers these

# who the words are about, and that he told her: "我爸", "我妈说她", "他跟我说" (dropped: the rest is read as his own)
ABOUT = re.compile(r"^(?:(?:我|阿拉)的?)?(?:爸爸|妈妈|老爸|老妈|父亲|母亲|姆妈|阿爸|爸|妈|老爷子|老太太)?(?:他|她|伊)?"
                   r"(?:(?:跟|对|和)我)?(?:说|讲)?(?:他|她|伊)?")
TREMOR = re.compile(r"抖|颤|哆嗦")
DOOR = re.compile(r"门[^，,。！!？?\s]{0,2}(?:打不开|开不了|打勿开|开勿开|卡住)")
# shut in, or too weak for his own door: the way it went ("…他出不来", "我爸一个人在家 门都打不开")
SHUT_IN = re.compile(r"出不来|出勿来|出不去|出勿去|困在|关在|锁在|里面|里头|在家|在屋里|一个人|一家头|[都也](?:打不开|开不了)")


def his_words(text: str) -> str:
    """The words as he would have said them: "我爸手抖得厉害" → "手抖得厉害"."""
    return ABOUT.sub("", chat.core(text), count=1)


async def kind(svc: Services, text: str) -> str | None:
    """"quarrel", "tremor", "thirst", "bp_high" or "door" for words that name no danger; else None. (The fast lane asks too: the model is
    sure of a cry in "我爸手抖得厉害", 0.66, bot/incidents/urgency.py.)"""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    if fired_rules(normalise(text)):
        return None
    if away_or_low(text) == "family_quarrel":
        return "quarrel"
    his = his_words(text)
    if not his:
        return None
    if (said := kind_of(his)) in ("thirst", "bp_high"):
        return said
    if DOOR.search(his) and not SHUT_IN.search(his):
        return "door"
    read = await understand(svc, his) if TREMOR.search(his) else None
    return "tremor" if read and read["intent"]["name"] == "feeling_unwell" and not is_emergency(read) else None


async def told(ctx: Ctx, text: str) -> bool:
    """True when these words were one of these kinds, and were answered."""
    said = await kind(ctx.svc, text)
    if said == "quarrel":
        await family.request(ctx, text, category="family_quarrel", noted="family.quarrel_noted")
    elif said in ("tremor", "bp_high"):
        await family.request(ctx, text, category="unwell", noted="family.worry_noted")
    elif said == "door":
        await family.request(ctx, text)
    elif said == "thirst" and not await family_on_call.words_on_call(ctx, text):
        chat.keep_unclear(ctx, text)  # for the one tap
        show_menu(ctx, "family.thirst_noted")
        ctx.say(ctx.t("talk.pass_on"), buttons=[[ctx.button("btn.pass_on", "pass:on")]])
    return said is not None
