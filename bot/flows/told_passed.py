"""Things an old person tells as small or passed, each a visit or a phone call from staff, never an ambulance's
alarm — and never "真高兴" either (all read by bot/flows/life_told.py):

bleed_small   a bleed she plays down ("就流了一点点血 没事", "流了点血 不要紧", "贴了创口贴"): nlu/data/red_flags.yml
              scopes the weak flag as resolved; she reads to press on it and what to press if it will not stop. A lot of
              blood, or one that will not stop, is still a red flag ("流了好多血 没事"), asked at once
beat_skipped  a skipped beat felt ("心跳停了一下", "心跳漏了一拍"): at 85 the family doctor should hear of it, so staff
              visit; a heart that stopped ("他心跳停了") or a skip with more ("…头晕", "…胸口痛") is read as usual
gas_over      a gas smell told as over ("刚才闻到煤气味，现在已经关好了"): staff visit to check the stove and the pipe
fire_over     a fire or smoke told as out ("刚才着火了 已经扑灭了"): staff visit to see what burnt and why
cry_over      a cry for help told as over ("刚才救名 现在好了", 救命 mistyped): staff phone her
A danger still there ("煤气味刚才有 现在没了" is read as a smell now) is the red flags' to raise, as before.
"""
from __future__ import annotations

import re

# the heart felt to stop or skip for a moment (the chest_pain red flag leaves these: nlu/data/red_flags.yml)
SKIPPED = re.compile(r"心(?:跳|脏)(?:好像|突然|刚才|刚刚)?(?:停|漏|顿|停顿)(?:了|跳了)?(?:一下|一拍|半拍|几下|两下|一两下|几拍|一会儿?)"
                     r"|心跳漏(?:了)?(?:一|几)?拍|漏跳|早搏|\b(?:skipped|missed) a beat\b", re.I)
# anything else felt with it: then the red flags and the model read the words, as any others
MORE = re.compile(r"晕|昏|胸|喘|气|痛|疼|汗|黑|倒|不舒服|难受|慌|乱|吐|麻|叫不|没反应|不醒|dizzy|faint|pain|breath", re.I)


# a danger's red flag (nlu/data/red_flags.yml), told as over: the kind it is told as
DANGER_OVER = (("gas", "gas_over"), ("fire_smoke", "fire_over"), ("cry_for_help", "cry_over"))


def told_passed(text: str) -> str | None:
    """"bleed_small", "beat_skipped", "gas_over", "fire_over" or "cry_over" for words that tell of one and of nothing
    counting now; else None."""
    from nlu import redflags
    from nlu.features import normalise
    from nlu.rules import told_over

    said = normalise(text or "")
    if any(f.counts for f in redflags.find(said)):
        return None
    if told_over(said, concept="bleeding_minor"):
        return "bleed_small"
    if told := next((kind for concept, kind in DANGER_OVER if told_over(said, concept=concept)), None):
        return told
    skipped = SKIPPED.search(said)
    if skipped and not MORE.search(said[:skipped.start()] + said[skipped.end():]):
        return "beat_skipped"
    return None
