"""The family doctor telling staff a patient's reading: news for staff, from the doctor, never a cry read back to him.

"张阿姨血压180 要注意" from 赵医生 (her family doctor in the register) raised a 🆘 about her and read "🆘 已通知值班社工
…情况危急请马上拨打120" back to the doctor — who is the one who would call 120. A reading he passes on (blood pressure,
sugar, heart rate, temperature, oxygen: a figure told) is a professional's note: it reaches the staff on duty at once as a
request about her ("🩺 家庭医生提醒"), his name and role on it, and he reads that staff have it. Beside a danger of its own
("张阿姨晕倒了", "…叫不醒"), a cry ("快去", "马上", "救命") or from anyone who is not her doctor (a daughter's "我妈血压180"
is still asked about, a resident's own "我血压180 头好晕" is still her 🆘) it is read as before.
"""
from __future__ import annotations

import re

from nlu.features import normalise

from ..flows.base import Ctx
from ..flows.understanding import danger_in
from . import family
from .packet_category import DOCTOR

# a measurement with its figure: "血压180", "血压有点高 180/100", "血糖7.8", "心率120", "体温37.5", "血氧90"
READING = re.compile(r"(?:血压|高压|低压|血糖|心率|心跳|脉搏|体温|血氧|氧饱和度?)[^，,。！!？?]{0,8}\d{1,3}(?:\.\d)?"
                     r"|\d{2,3}\s*/\s*\d{2,3}")
# words that make it a cry after all: someone must go now
NOW = re.compile(r"快|马上|赶紧|立刻|立即|赶快|急|救|120|送医|送医院|叫车|打电话给?她?家里")


def reading_only(svc, text: str) -> bool:
    """A reading passed on, with no danger of its own and nothing asking someone to go now."""
    said = normalise(text)
    return bool(READING.search(said)) and not NOW.search(said) and not danger_in(svc, text)


async def told(ctx: Ctx, text: str) -> bool:
    """From the resident's family doctor (every link of his is 家庭医生): to staff as a request, marked as his."""
    if not reading_only(ctx.svc, text):
        return False
    links, people = await family.linked_people(ctx)
    if not links or not people or not all(DOCTOR in (link.get("relation") or "") for link in links):
        return False
    await family.request(ctx, text, category="doctor_reading", noted="family.doctor_reading_noted")
    return True
