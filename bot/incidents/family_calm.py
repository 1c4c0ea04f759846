"""A family member's worry that names no danger ("我爸一个人在家我不放心", "我爸又忘记吃药了", "我爸在电话里哭"), and
a scam told as over ("有人让他转账 他没转 挂掉了"): staff hear them as a request and follow up; she reads that they
will. The model leans to "emergency" on any "我爸…" it cannot place (most of what it learnt a daughter say was a
cry), so a family contact's unsure words alarmed; these words say why she wrote, and nothing in them is a danger.

Never calm: a danger named beside the worry, strong or weak ("哭着说摔倒了", "一个人在家 说头晕"), a word of being ill
("哭着说肚子疼"), words saying she cannot tell what happened or cannot reach him ("哭 说不清楚怎么了", "电话打不通"),
or a scam under way ("他还没转 快去拦一下")."""
from __future__ import annotations

import re

from ..flows.understanding import AILING, scam_over

# why she wrote: a worry, a forgotten pill, tears, someone old alone (Shanghainese 一家头 = alone, 勿放心), a thing worn
CALM = re.compile(r"不放心|放心不下|勿放心|担心|担忧|挂念|惦记|牵挂|哭|一个人(?:在家|住|在屋里)|一家头|独居|孤单"
                  r"|忘(?:了|记)?吃\S{0,4}药|药\S{0,2}忘(?:了|记)?吃|多(?:关心|照顾|看看|关照|留意)|不肯(?:去医院|看病|吃药|吃饭)"
                  r"|(?:很|太|有点|比较)旧了")  # a thing worn out: "我爸家的插线板很旧了" (one that sparks is a red flag)
# a question about his money is a question for staff, whatever worry is said with it (family.py reads it so)
ASKS = re.compile(r"养老金|退休金|津贴|补贴|敬老卡|老年卡|认证|长护险|低保")
# she cannot tell what happened, or cannot reach him: a person must find out now ("怕他出事" is a fear, not news)
UNKNOWN = re.compile(r"说不(?:清|出|了话)|听不清|不知道(?:他|她)?(?:怎么|出|发生|什么)|(?<!怕)(?<!心)(?<!怕他)(?<!怕她)(?<!心他)(?<!心她)出(?:了|什么)?事|怎么了|不对劲|不行了"
                     r"|不应|没(?:有)?(?:声音|反应|动静)|敲不开|没人(?:开|接|应)|打不通|联系不上|找不到|不见了|救")


def worry_only(text: str) -> bool:
    """A worry that names no danger: for staff as a request, not a 🆘."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    if not CALM.search(text) or ASKS.search(text) or AILING.search(text.replace("血压", "")) or UNKNOWN.search(text):
        return False
    return not fired_rules(normalise(text))  # no danger counting now, weak ("头晕") or strong ("摔倒")


# what is wrong she cannot tell: he does not say, she cannot make it out
UNTOLD = re.compile(r"说不(?:清|出)|听不清|不知道(?:他|她)?(?:怎么|出了?什么|发生)|(?:问|怎么了).{0,8}(?:不说|不讲|不肯说|不回答|说不出)")


def untold(text: str) -> bool:
    """Tears or a worry and she cannot tell what is wrong ("一直哭 我问他怎么了他也不说"): a person finds out now."""
    return bool(CALM.search(text) and UNTOLD.search(text))


def said(text: str, result: dict) -> bool:
    """Either, for a request from a family contact, unless the model is sure of an emergency in them (`result`, the
    understanding of `text`: "我爸一个人在家 门口有人一直敲门" names a danger no red flag does)."""
    intent = result["intent"]
    sure = intent["name"] == "emergency" and intent["confidence"] >= 0.5
    return not sure and (worry_only(text) or scam_over(text))
