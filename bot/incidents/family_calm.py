"""A family member's worry that names no danger ("我爸一个人在家我不放心", "我爸又忘记吃药了", "我爸在电话里哭"), and
a scam told as over ("有人让他转账 他没转 挂掉了"): staff hear them as a request and follow up; she reads that they
will. The model leans to "emergency" on any "我爸…" it cannot place (most of what it learnt a daughter say was a
cry), so a family contact's unsure words alarmed; these words say why she wrote, and nothing else is in them.

Calm only when nothing but the worry is said: who, where, when, a standing condition, a thing worn out, a wish for a
visit. Anything more is read as before, so a danger the words name in any way stays a cry ("哭着说摔倒了", "一个人在
家 忘了关火出门了", "在电话里哭 说有人在他家", "哭 一直说对不起 感觉不对"), and so do tears she cannot explain
("一直哭 我问他怎么了他也不说")."""
from __future__ import annotations

import re

from ..flows.life_told import mishap, spell_over
from ..flows.told_passed import told_passed
from ..flows.understanding import FEARED_FALL, fall_told_over, scam_over
from .night_pace import night_category

# why she wrote: a worry, a forgotten pill, tears, loneliness, someone old alone (Shanghainese 一家头 = alone, 勿放心)
CALM = re.compile(FEARED_FALL + r"|不放心|放心不下|勿放心|担心|担忧|挂念|惦记|牵挂|(?:好|很|有点)?害怕|好怕|怕(?:他|她)?出事|哭|孤单|独居"
                  r"|一个人(?:在家|住|在屋里厢|在屋里)?|一家头|想(?:我|你|家里人|老伴|我妈|我爸|女儿|儿子|孙子)|睡不着|失眠"
                  r"|忘(?:了|记)?吃\S{0,4}药|药\S{0,2}忘(?:了|记)?吃|多(?:关心|照顾|看看|关照|留意)|不肯(?:去医院|看病|吃药|吃饭)"
                  r"|(?:很|太|有点|比较)旧了")  # a thing worn out: "我爸家的插线板很旧了" (one that sparks is a red flag)
# what may be said with it: who, where, when, how much, a standing condition, a thing, a wish for a visit
_AROUND = ("在电话里", "电话里", "打电话给我", "给我打电话", "在屋里厢", "屋里厢", "在屋里", "屋里", "在家", "家里", "家的",
           "我爸", "我妈", "爸爸", "妈妈", "老爸", "老妈", "父亲", "母亲", "姆妈", "阿爸", "阿拉", "老爷子", "老太太", "爷爷",
           "奶奶", "外公", "外婆", "你们", "最近", "今天", "今朝", "这几天", "这两天", "晚上", "半夜", "夜里", "起夜", "平时", "经常",
           "老是", "总是", "一直", "刚才", "刚刚", "年纪大了", "年纪大", "老年痴呆", "高血压", "糖尿病", "心脏病", "身体不好",
           "腿脚不好", "血压", "降压", "麻烦", "帮我", "帮忙", "谢谢", "有空", "去看看", "看看", "看一下", "一下", "插线板",
           "插座", "电线", "灯泡", "水管", "门锁", "热水器", "空调", "煤气灶", "电器", "我", "他", "她", "伊", "您", "请", "又",
           "也", "还", "都", "很", "好", "太", "蛮", "老", "真", "有点", "有些", "有", "的", "了", "啊", "呀", "呢", "吧", "嘛",
           "说", "讲", "着", "在", "是", "就")
AROUND = re.compile("|".join(sorted(map(re.escape, _AROUND), key=len, reverse=True)))
# a question about his money is a question for staff, whatever worry is said with it (family.py reads it so)
ASKS = re.compile(r"养老金|退休金|津贴|补贴|敬老卡|老年卡|认证|长护险|低保")
MARKS = re.compile(r"[\s，,。.！!？?、~～…]+")


def worry_only(text: str) -> bool:
    """A worry and nothing else (`CALM`, with only `AROUND` beside it): for staff as a request, not a 🆘."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    said = normalise(text)  # simplified: "我爸一個人在家我不放心" too
    if not CALM.search(said) or MARKS.sub("", AROUND.sub("", CALM.sub("", said))):
        return False
    return not fired_rules(said)  # (no danger the red flags name: none is left to name one)


# where he is, and nothing else: "我爸在厨房", "我妈现在在客厅", "阿拉爷在屋里厢" (not 医院: bot/incidents/family_away.py)
WHERE = re.compile(r"(?:我|阿拉)?(?:爸|妈|爸爸|妈妈|老爸|老妈|父亲|母亲|姆妈|阿爸|爷|老爷子|老太太|老人家?|他|她|伊)(?:现在|正|人|今天)?"
                   r"(?:正|还|就)?在(?:家|家里|屋里|屋里厢|厨房|客厅|卧室|房间|阳台|楼下|小区里?|公园|菜场|超市|外面|我家|我这里?|我这儿"
                   r"|女儿家|儿子家)?(?:里|里面)?(?:看电视|睡觉|睡午觉|午睡|休息|吃饭|烧饭|做饭|煮饭|散步|遛弯|下棋|打牌|晒太阳|买菜)?"
                   r"(?:呢|了|的|啊|呀|哦)*")


def where_only(text: str) -> bool:
    """Where the resident is, nothing more (no red flag can count in so few words)."""
    from nlu.features import normalise

    return bool(WHERE.fullmatch(MARKS.sub("", normalise(text))))


# what is wrong she cannot tell: he does not say, she cannot make it out
UNTOLD = re.compile(r"说不(?:清|出)|听不清|不知道(?:他|她)?(?:怎么|出了?什么|发生)|(?:问|怎么了).{0,8}(?:不说|不讲|不肯说|不回答|说不出)")


def untold(text: str) -> bool:
    """Tears or a worry and she cannot tell what is wrong ("一直哭 我问他怎么了他也不说"): a person finds out now."""
    from nlu.features import normalise

    said = normalise(text)
    return bool(CALM.search(said) and UNTOLD.search(said))


async def noted(ctx, text: str, person_id: str) -> str:
    """What she reads: her worry told to staff; a feared fall adds what to do should he fall, and the daily check-in
    that would notice a silence (offered only when he has none)."""
    from nlu.features import normalise

    if not re.search(FEARED_FALL, normalise(text)):
        return "family.calm_noted"
    checked = (await ctx.svc.store.checkin(person_id)).get("enrolled") if person_id else True
    return "family.fall_feared_noted" if checked else "family.fall_feared_noted_offer"


def said(text: str, result: dict) -> bool:
    """Either, for a request from a family contact, unless the model is sure of an emergency in them (`result`, the
    understanding of `text`: "我爸一个人在家 门口有人一直敲门" names a danger no red flag does); or where he is."""
    intent = result["intent"]
    sure = intent["name"] == "emergency" and intent["confidence"] >= 0.5
    return not sure and (worry_only(text) or scam_over(text)) or where_only(text)


def told_over(svc, text: str) -> tuple[str, str] | None:
    """(category, the catalogue's family.<name>_noted) for something told as over: a fall or a blackout ("我爸刚才眼前一黑
    现在好了"), a skipped beat — a visit; a small bleed played down — a call; a scam he did not fall for — a call to reassure him; shut out — help him in (at night faster);
    else None."""
    if fall_told_over(text):
        return "fall_told", "fall"
    if spell_over(text):
        return "spell_over", "spell"
    if told := told_passed(text):  # a small bleed played down, a skipped beat: a call or a visit (flows/told_passed.py)
        return told, told
    if scam_over(text):
        return "scam_told", "scam"
    return (night_category(svc, "locked_out"), "locked_out") if mishap(text) == "locked_out" else None
