"""What a family contact is told for what her words say of him and of where she is: news that he has died, a cry
made from far away, or the number to call for what happened.

- "我爸去世了", "我爸走了", "后事怎么办": no cry for help. She reads that we are sorry, that staff will contact her to
  help with what comes next, and 120 only if it was just found and is not certain; staff get a request about him
  (报告去世) to check and to contact her. Words that leave it uncertain, or say it as a figure of speech ("好像死了 叫不
  醒", "疼死了", "快不行了", "走丢了"), stay a cry; a death of someone not hers is not about him (family_asks).
- A cry from someone far away ("我在外地", "我在国外"): 120 dialled there reaches the ambulance where SHE is, so she
  reads that, and to phone the committee, which sends someone near him. One near him reads the number for what
  happened: 119 for a fire or gas, 110 for someone breaking in or hurting him or for him lost ("我爸糊涂了 走丢了"),
  120 otherwise.
"""
from __future__ import annotations

import re

from ..flows.base import Ctx
from ..flows.both import t_both
from ..flows.menu import keyboard
from ..flows.bereaved import STILL_A_CRY
from ..residents import GONE_FROM_HOME as GONE  # someone gone from home and not back: 110, not an ambulance
from .advice import PAID
from .packet_category import DOCTOR
from . import family  # each imports the other: family reads the words, this module answers them
from .family_asks import OWN, names_someone_else
from .family_kin import not_him

END = r"(?=$|[，,。！!…\s])"
DIED = re.compile(rf"去世|过世|离世|逝世|病逝|死了|后事|丧事|火化|殡仪馆|走了{END}|不在了{END}")
HIM = re.compile(r"[他她]|老人|老爷子|老太太|后事|丧事")
FAR = re.compile(r"(?:我|人)(?:现在|目前)?(?:在(?:外地|国外|外省|出差|美国|加拿大|澳洲|澳大利亚|英国|日本|韩国|新加坡|德国|法国"
                 r"|新西兰)|不在(?:上海|本地|身边|[他她]身边|老人身边))|远在|在国外|我在外面出差")
NUMBER = {"fire_smoke": "family.alerted_119", "gas": "family.alerted_119", "intruder": "family.alerted_110",
          "abuse": "family.alerted_110", "scam_paid": "family.alerted_scam_paid", "scam": "family.alerted_scam",
          "doorstep": "family.alerted_door",
          "lost": "family.alerted_lost"}  # (nlu.rules.fired_rules' names) 120 for any other


async def died_told(ctx: Ctx, text: str) -> bool:
    """Whether the words tell of his death (then staff have a request about it, and she is answered)."""
    if not DIED.search(text) or STILL_A_CRY.search(text):
        return False
    links, people = await family.linked_people(ctx)
    if not people or names_someone_else(text, people):
        return False
    if not (OWN.search(text) or HIM.search(text) or any(p["name"] and p["name"] in text for p in people)):
        return False  # "我走了": she is leaving
    n = await family.request(ctx, text, category="death", noted="family.death_noted")
    inc = await ctx.svc.store.incident(n) if n else None
    if inc and inc.get("category") != "death" and inc["status"] != "resolved":  # told on his open call (a missed
        await ctx.svc.store.update_incident(n, death_told=True,  # check-in): marked 🕯, staff can confirm it there
                                            death_by=family.reporter_of(ctx, links))  # (his doctor's: labelled so)
        await ctx.svc.incidents.refresh(n)
    return True


def alerted(words: str, person: dict | None = None) -> str:
    """What she reads once staff were alerted: the number for what happened, or, when she is far away, that her 120
    is where she is; staff will phone her, when the one she names is not `person` (family_kin.py)."""
    from nlu.features import normalise
    from nlu.rules import fired_rules

    dangers = set(fired_rules(normalise(words)))
    if "welfare" in dangers and GONE.search(normalise(words)):
        dangers.add("lost")
    if "scam" in dangers and PAID.search(normalise(words)):
        dangers.add("scam_paid")  # "我爸被骗了 转了两万": not "叫他先别转钱" — 110 and his bank now
    if FAR.search(words):  # (lost: the committee near him reports it to the police there)
        return "family.alerted_lost_far" if "lost" in dangers else "family.alerted_far"
    kin = bool(person and not_him(words, person))
    plain = "family.alerted_kin" if kin else "family.alerted"
    key = next((key for danger, key in NUMBER.items() if danger in dangers), plain)
    return key + "_kin" if kin and key == "family.alerted_lost" else key  # (whom staff help her find: unnamed)


def tell_alerted(ctx: Ctx, words: str, person: dict, phone: str, by: dict | None = None) -> None:
    """Staff were told of her cry: what to do now, in both when only her Telegram profile says her language. From his
    family doctor (`by`, the reporter), no "请马上拨打120" read back to the one who would make that call."""
    key = alerted(words, person)
    key = "family.alerted_doctor" if key == "family.alerted" and DOCTOR in ((by or {}).get("relation") or "") else key
    ctx.say(t_both(ctx, key, name=person["name"], phone=phone), keyboard=keyboard(ctx), urgent=True)
