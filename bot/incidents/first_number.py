"""The one number a resident reads first under "🆘 已通知值班社工": the one her danger calls for.

Every 🆘 reply read "🚑 情况危急请马上拨打120" above its advice, so a resident whose flat was burning read 120 before the
advice's 119, and one with a burglar at the door 120 before 110. Now a fire, smoke or sparks read 119 there, gas 119 from
outside, an intruder, a robbery, abuse, a lost husband or money already gone to a scammer 110; an injury, an illness
and a plain 救命 keep 120. The same for her cry again on her open call ("我又提醒了他们一次", after the 🆘 button:
"厨房着火了"). The wording is in the catalogues (help.alerted_119 …), each beside the 120 line it stands for; a
family contact's cry has its own (bot/incidents/family_told.py).
"""
from __future__ import annotations

from .advice import dangers_said, first_named

# each danger whose first number is not 120, by the sibling key's suffix (_119, _gas, _110)
SUFFIX = {
    # fire, smoke, sparks; gas with a fall (she may not be able to go out to phone: 119 now); water on live wires
    **dict.fromkeys(("stair_smoke", "fire_fallen", "smoke_fallen", "smoke_outside", "cooking_fire", "fire_smoke",
                     "gas_fallen", "sparking", "water_electric"), "_119"),
    # gas: touch no switch, phone from outside
    "gas": "_gas",
    # someone who means harm, or money already taken
    **dict.fromkeys(("intruder", "followed", "robbed", "abuse", "scam_paid", "missing_someone"), "_110"),
}
# the lines that read 120 first, each with its _119, _gas and _110 sibling in the catalogues
READS_120 = ("help.alerted", "help.already_alerted", "help.already_alerted_unheld")


def alerted_key(ctx, key: str) -> str:
    """`key`, or its sibling with the number the first danger her words name calls for (READS_120 only)."""
    if key not in READS_120:
        return key
    return key + SUFFIX.get(first_named(dangers_said(ctx)), "")
