"""Entities by rules: address parts, phone numbers and ages, numbers as Arabic digits.

`parse_address` serves the help-request flow, which compares a typed address with the
register; `extract_entities` gives the same facts in Rasa's entity shape. Offsets refer
to the original text (normalisation keeps the length).
"""
from __future__ import annotations

import re

import cn2an

from .features import normalise

EXTRACTOR = "RuleEntityExtractor"
_NUM = r"[0-9零〇一二两三四五六七八九十百幺]+"
_DIGIT_WORDS = str.maketrans("零〇一二两三四五六七八九幺", "0012234567891")

# A road name is the run of Chinese characters before 路/街 (not 街道, the sub-district),
# cut after words that introduce it ("我住在", "徐汇区").
_ROAD = re.compile(r"([\u4e00-\u9fff]{1,12}?(?:路|街|大道|公路))(?!道|上|边|口|过)")
_ROAD_LEAD = re.compile(r".*(?:住在|住|在|是|到|我家|阿拉屋里厢|屋里厢|地址|区|市|镇|县|，|。)")
_NOT_ROADS = ("走路", "马路", "过马路", "一路", "出路", "带路", "问路", "迷路", "上路", "半路", "赶路", "路路", "小路", "这条路")
_LANE = re.compile(rf"({_NUM})\s*弄")
_BUILDING = re.compile(rf"(?<!月)({_NUM})\s*(?:号楼|号|幢|栋|座|支弄)(?!到账|发|之前|以前|以后|左右)")
_ROOM = re.compile(rf"({_NUM})\s*(?:室|房间)")
# "3号602" / "3号楼602" / "27弄3-602": a bare 3-4 digit number right after the building.
_ROOM_AFTER_BUILDING = re.compile(rf"(?:号楼|号|幢|栋)\s*({_NUM})(?![0-9零〇一二两三四五六七八九十百幺]|\s*(?:室|房间|号|弄))")
_DASHED = re.compile(r"(?<![0-9])(\d{1,3})\s*[-－—]\s*(\d{3,4})(?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(1[3-9]\d)[\s-]?(\d{4})[\s-]?(\d{4})(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9])((?:0\d{2,3})[\s-]?)?(\d{8})(?![0-9])")
_AGE = re.compile(rf"({_NUM})\s*(?:周岁|岁)")
# A little English, for residents who write it: "lane 27, building 3, room 602" (the road is left to Chinese).
_EN_LANE = re.compile(r"\blane\s*(?:no\.?\s*)?#?(\d{1,4})\b")
_EN_BUILDING = re.compile(r"\b(?:building|bldg|block|house|no)\.?\s*#?(\d{1,3})\b")
_EN_ROOM = re.compile(r"\b(?:room|rm|flat|apt|apartment)\.?\s*#?(\d{1,4})\b")


def to_number(raw: str) -> int | None:
    """"二零三" → 203 (digit by digit), "二十七" → 27, "12" → 12; None if not a number."""
    if raw.isdigit():
        return int(raw)
    if not re.search("[十百]", raw):
        digits = raw.translate(_DIGIT_WORDS)
        return int(digits) if digits.isdigit() else None
    try:
        return int(cn2an.cn2an(raw, "smart"))
    except (ValueError, KeyError):
        return None


def _road(norm: str) -> tuple[str, int, int] | None:
    for m in _ROAD.finditer(norm):
        lead = _ROAD_LEAD.match(m.group(1))
        start = m.start(1) + (lead.end() if lead else 0)
        name = norm[start : m.end(1)]
        if len(name) >= 2 and "的" not in name and name not in _NOT_ROADS and not name.endswith(_NOT_ROADS):
            return name, start, m.end(1)
    return None


def _spans(text: str) -> list[tuple[str, object, int, int]]:
    norm = normalise(text)
    found: list[tuple[str, object, int, int]] = []
    road = _road(norm)
    if road:
        found.append(("road", road[0], road[1], road[2]))
    taken: list[tuple[int, int]] = []

    def add(entity: str, m: re.Match, group: int = 1) -> None:
        value = to_number(m.group(group))
        if value is not None and not any(s < m.end() and m.start() < e for s, e in taken):
            found.append((entity, str(value), m.start(), m.end()))
            taken.append((m.start(), m.end()))

    for m in _MOBILE.finditer(norm):
        found.append(("phone", "".join(m.groups()), m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _LANDLINE.finditer(norm):
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(("phone", re.sub(r"\D", "", m.group(0)), m.start(), m.end()))
            taken.append((m.start(), m.end()))
    for entity, pattern in (("age", _AGE), ("lane", _LANE), ("room", _ROOM), ("building", _BUILDING),
                            ("lane", _EN_LANE), ("room", _EN_ROOM), ("building", _EN_BUILDING)):
        for m in pattern.finditer(norm):
            add(entity, m)
    for m in _DASHED.finditer(norm):  # 27弄3-602: building 3, room 602
        if not any(s < m.end() and m.start() < e for s, e in taken):
            found.append(("building", str(int(m.group(1))), m.start(1), m.end(1)))
            found.append(("room", str(int(m.group(2))), m.start(2), m.end(2)))
            taken.append((m.start(), m.end()))
    if not any(f[0] == "room" for f in found):
        m = _ROOM_AFTER_BUILDING.search(norm)
        if m and (value := to_number(m.group(1))) is not None and value >= 100:
            found.append(("room", str(value), m.start(1), m.end(1)))
    return sorted(found, key=lambda f: f[2])


def extract_entities(text: str) -> list[dict]:
    """Entities in Rasa's shape: {"entity", "value", "start", "end", "extractor"}."""
    return [
        {"entity": entity, "value": value, "start": start, "end": end, "extractor": EXTRACTOR}
        for entity, value, start, end in _spans(text)
    ]


def parse_address(text: str) -> dict[str, str | None]:
    """{"road", "lane", "building", "room"}: the first of each found, digits as Arabic; None if absent."""
    out: dict[str, str | None] = {"road": None, "lane": None, "building": None, "room": None}
    for entity, value, _start, _end in _spans(text):
        if entity in out and out[entity] is None:
            out[entity] = str(value)
    return out
