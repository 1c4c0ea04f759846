"""Whom words mean when they call a resident the way people here do. The register keeps "张桂芳"; people say "张阿姨",
"老张", "隔壁的张阿婆", "3号楼的张阿姨", "5号401张阿婆". One matcher for every path that reads a name: a family contact's
or a stranger's cry (bot/incidents/reported.py), a staff member's words (bot/incidents/staff_about.py), a family
member's worry about someone (bot/incidents/family_asks.py: `CALLED`).

the words give                        the residents found
her registered name ("张桂芳")         her (two registered alike: both, or those a building or door said keeps)
a surname and a title ("张阿姨"),      the registered residents of that surname, narrowed by the building, door or
"老张"                                 floor said ("3号楼", "5号401", "602室", "6楼", "27弄"), and "隔壁", "楼上",
                                      "对门" by the building of the sender's own resident (`near`)
no name, a door ("3号楼602的老太太")   whoever the register has at that building and room (`place_said`); a
                                      building alone ("3号楼的老太太") finds nobody: too many doors to list
`Called.one` is her only when one resident is left and nothing said contradicts the register (a building, a door,
"隔壁" somewhere else), and not by "王师傅" alone (a plumber as often as a neighbour); otherwise every one found is a
candidate for staff to list, never a guess from a surname.
The register has no gender field, so 阿姨 and 老伯 narrow nothing (no gender is guessed from a name).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from nlu.entities import to_number

SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟"
            "谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵钱严覃武戴莫孔汤温康施牛樊葛邢齐易乔伍"
            "庞颜倪庄聂章鲁翟殷詹欧耿焦俞柳甘祝宁舒阮柯纪梅童凌毕季裴霍涂苗盛翁骆蓝辛管柴鲍喻蒲滕饶艾穆")
# how an elderly neighbour is called after her surname (the longer first)
TITLES = "老太太|老先生|老伯伯|老伯|老太|阿姨|奶奶|爷爷|大爷|大妈|阿婆|伯伯|婆婆|叔叔|爷叔|师傅"
WEAK = ("师傅",)  # as often the plumber or the property's man as a neighbour: lists, never "it's him" alone
# "老张" where a name stands: at the start, after a place or a pause ("隔壁老张", "3号楼老张", "楼上的老张"); not
# "老毛病", "老高血压", "老方法"; "小张" is read as a name of someone else, never looked up (young: a care worker)
SHORT = (rf"(?:^|(?<=[\s，,。！!？?、：:的楼号室门壁上下边居面]))(?:老|(?P<young>小))"
         rf"(?!毛病|方法|顾客|江湖|白干|黄历|高血压|高血糖|汤)(?P<short>[{SURNAMES}])")
CALLED = re.compile(rf"(?P<surname>[{SURNAMES}])[\u4e00-\u9fff]?(?:{TITLES})|{SHORT}")
# where the sender's own resident lives is where these are ("隔壁的张阿婆" from 刘奶奶's son: in her building)
NEAR = re.compile(r"隔壁|对门|对面|楼上|楼下|同楼|同一栋|我们楼|这栋楼|邻居")
# someone placed at a building or door without a name: "3号楼602的老太太", "3号602那个老人", "602室有人", "3号楼的阿婆"
PLACED = re.compile(r"(?:号楼?|幢|栋|室|房|\d)\s*(?:的|那个|那位|这个|里的?|家的?|有个|有一个|有位)?\s*"
                    r"(?:老太太|老太婆|老太|老先生|老伯伯|老伯|老人家|老人|老头子|老头|老奶奶|老爷爷|奶奶|爷爷|阿姨|阿婆|大爷|大妈"
                    r"|伯伯|婆婆|爷叔|叔叔|住户|人家|有人)")

_CN_NUMBER = re.compile(r"(?<![同这那哪每])[一二三四五六七八九十]{1,3}(?=号|楼|弄|室|幢|栋)")
LANE = re.compile(r"(\d+)\s*弄")
BUILDING = re.compile(r"(?<![月\d])(\d+)\s*(?:号楼|号(?![线床门窗机台那早晚夜]|上午|下午|中午|凌晨)|幢|栋)(?:\s*的?\s*(\d{3,4})(?!\d))?")
DASHED = re.compile(r"(?<!\d)(\d{1,2})\s*[-－]\s*(\d{3,4})(?!\d)")
ROOM = re.compile(r"(?<!\d)(\d{3,4})\s*(?:室|房)")
FLOOR = re.compile(r"(?<![\d号])(\d{1,2})\s*楼(?!道|梯|下|上)")


@dataclass(frozen=True)
class Called:
    """The residents the words may mean (`people`), whether it is plainly her (`sure`), and the names as said."""
    people: tuple[dict, ...] = ()
    sure: bool = False
    said: tuple[str, ...] = ()

    @property
    def one(self) -> dict | None:
        return self.people[0] if self.sure and len(self.people) == 1 else None


def surnames_called(text: str) -> list[str]:
    """The surnames the words call someone by ("王老伯", "隔壁老王" → 王), in order, "小王" too."""
    return list(dict.fromkeys(m["surname"] or m["short"] for m in CALLED.finditer(text.strip())))


async def residents_called(store, text: str, near: list[dict] | tuple = ()) -> Called:
    """Whom on the register the words mean (see above); `near`: the sender's own residents, for "隔壁"."""
    text = text[:300]
    forms = [m for m in CALLED.finditer(text.strip()) if not m["young"]]
    surnames = "".join(dict.fromkeys(m["surname"] or m["short"] for m in forms))
    found = await store.residents_said(text, surnames)
    if not found and not forms and (door := place_said(text)).get("room"):  # "3号楼602的老太太": whoever lives there
        return await residents_at(store, door)
    called = pick(text, found, near, tuple(m.group(0) for m in forms))
    exact = any(p["name"] in text for p in called.people)
    if called.sure and not exact and all(m.group(0).endswith(WEAK) for m in forms):
        return Called(called.people, False, called.said)
    return called


async def residents_at(store, door: dict[str, str]) -> Called:
    """Whoever the register has at a building and room said ("3号楼602": `door_said`, `place_said`)."""
    kept, fits = narrowed(await store.residents_said("", "", door["room"]), door, ())
    return Called(tuple(kept), len(kept) == 1, ()) if fits else Called()


def door_said(text: str) -> dict[str, str]:
    """The building and room the words give, with or without anyone placed there ("我住3号楼602", "3号楼602 救命");
    {} without both."""
    said = hints(text[:300])
    return said if "building" in said and "room" in said else {}


def place_said(text: str) -> dict[str, str]:
    """The building (and room) where the words place someone they do not name ("3号楼602的老太太": building 3, room
    602; "3号楼的阿婆": building 3); {} when they place nobody. A building alone is too many doors to list."""
    said = hints(text[:300])
    return said if "building" in said and PLACED.search(text[:300]) else {}


def lives_at(person: dict, place: dict[str, str]) -> bool:
    """Whether her registered address fits the place said (`place_said`)."""
    return all(_fits(person, key, value) for key, value in place.items())


def pick(text: str, found: list[dict], near, said: tuple[str, ...]) -> Called:
    """Among the residents found by name or surname, those the words mean, and whether it is plainly one."""
    found = sorted(found, key=_order)
    exact = [p for p in found if len(p.get("name") or "") >= 2 and p["name"] in text]
    if exact:  # her registered name: hers, as before; a building said only chooses between two named alike
        kept, fits = narrowed(exact, hints(text), near if NEAR.search(text) else ())
        people = kept if fits else exact
        return Called(tuple(people), len(people) == 1, said)
    kept, fits = narrowed(found, hints(text), near if NEAR.search(text) else ())
    return Called(tuple(kept), fits and len(kept) == 1, said)


def hints(text: str) -> dict[str, str]:
    """The lane, building, room and floor said ("27弄3号602室", "3号楼", "5号401", "3-602", "6楼"), as digits."""
    t = _CN_NUMBER.sub(lambda m: str(to_number(m.group(0))), text)
    out: dict[str, str] = {}
    if m := LANE.search(t):
        out["lane"] = m[1]
    if m := BUILDING.search(t) or DASHED.search(t):
        out["building"] = m[1]
        if m[2]:
            out["room"] = m[2]
    if "room" not in out and (m := ROOM.search(t)):
        out["room"] = m[1]
    if "room" not in out and (m := FLOOR.search(t)):
        out["floor"] = m[1]
    return out


def narrowed(people: list[dict], said: dict[str, str], near) -> tuple[list[dict], bool]:
    """Those whose registered address fits what was said, and whether anything said fits at all (a building said
    that nobody found lives in: all of them, and False)."""
    for key, value in said.items():
        kept = [p for p in people if _fits(p, key, value)]
        if not kept:
            return people, False
        people = kept
    if near:
        places = {_place(p) for p in near}
        kept = [p for p in people if _place(p) in places]
        if not kept:
            return people, False
        people = kept
    return people, True


def _order(person: dict) -> tuple:
    """The register's order: r1, r2 … r10."""
    rid = str(person.get("id", ""))
    return (0, int(rid[1:]), "") if rid[1:].isdigit() else (1, 0, rid)


def _fits(person: dict, key: str, value: str) -> bool:
    if key == "floor":
        room = _digits(person.get("room"))
        return len(room) >= 3 and room[:-2] == value
    return _digits(person.get(key)) == value.lstrip("0")


def _place(person: dict) -> tuple[str, str, str]:
    """Her building: road, lane, number."""
    return str(person.get("road") or ""), _digits(person.get("lane")), _digits(person.get("building"))


def _digits(value) -> str:
    return re.sub(r"\D", "", str(value or "")).lstrip("0")

