"""Typed answers to the check-in's own questions, for residents who type rather than tap: how long they will be away
("一个礼拜", "三天", "不知道几天") and when they want the daily greeting ("下午三点", "八点半")."""
from __future__ import annotations

import re

from nlu.entities import to_number

_NUM = r"\d{1,2}|[零一二两三四五六七八九十]{1,3}"
_UNTIL_BACK = re.compile(r"不知道|不晓得|说不好|不一定|不确定|回来(了)?再说")
_SPAN = re.compile(rf"({_NUM}|半)\s*个?\s*(天|日|礼拜|星期|周|月)")
_UNIT_DAYS = {"天": 1, "日": 1, "礼拜": 7, "星期": 7, "周": 7, "月": 30}
_TIME = re.compile(rf"(早上|早晨|上午|中午|下午|傍晚|晚上)?\s*({_NUM})\s*(?:点|:|：)\s*(半|一刻|({_NUM})\s*分?)?")
EARLIEST, LATEST = 6, 21  # a greeting is sent between these hours


def away_days(text: str) -> int | None:
    """Days away (0: until they say they are back), or None when the words say no length of time."""
    if _UNTIL_BACK.search(text):
        return 0
    m = _SPAN.search(text)
    if not m:
        return None
    unit = _UNIT_DAYS[m.group(2)]
    days = unit // 2 if m.group(1) == "半" else (to_number(m.group(1)) or 0) * unit
    return days if 1 <= days <= 60 else None


def greeting_time(text: str) -> str | None:
    """"下午三点" → "15:00", "八点半" → "08:30"; None unless a whole or half hour between EARLIEST and LATEST."""
    m = _TIME.search(text)
    if not m or (hour := to_number(m.group(2))) is None:
        return None
    if m.group(1) in ("下午", "傍晚", "晚上") and hour < 12 or m.group(1) == "中午" and hour <= 2:
        hour += 12
    minute = 30 if m.group(3) == "半" else 15 if m.group(3) == "一刻" else to_number(m.group(4) or "0") or 0
    if not EARLIEST <= hour <= LATEST or minute not in (0, 15, 30, 45):
        return None
    return f"{hour:02d}:{minute:02d}"
