"""The decision layer: model probabilities and scoped red flags make one emergency decision.

Red flags (nlu.redflags, data in nlu/data/red_flags.yml) name danger however it is
dressed; the ConText modifiers say whether each one is about now and here.
- A flag that counts (present, not negated, not asked about, not a story or a figure of
  speech) lifts emergency to at least RULE_CONFIDENCE: decision "emergency".
- A weak flag (`strength: weak`: dizziness, "头有点晕站不稳") that counts, with no strong one, only
  makes the bot ask: decision "uncertain" — "emergency" when the model itself is sure (NLU.md: the
  safe error is an emergency followed by a one-tap confirmation).
- Flags that are all scoped away lower the model's emergency answer — the model was
  usually fooled by the very same words — to "not_emergency", unless the model is all
  but certain, which makes it "uncertain".
- Without flags the model decides; a middling emergency probability is "uncertain", and
  the bot asks one tap: "需要马上有人来吗？" — never silence.
Patterns run on `features.normalise`d text (simplified, half-width, lower-case).
"""
from __future__ import annotations

from . import redflags

EMERGENCY = "emergency"
RULE_CONFIDENCE = 0.9
SUSPECT_THRESHOLD = 0.25   # emergency probability from which the bot asks the one-tap question
SCOPED_AWAY_CAP = 0.1      # a scoped-away flag leaves the model at most this much emergency
MODEL_SURE = 0.97          # ... unless the model was this sure: then the bot asks
OVER = {"resolved", "recent_past", "near_miss"}  # how a flag told as over (or as near) is scoped away (told_over)
UNSURE_TOP = 0.4           # without a flag, an emergency ranked first this weakly is only suspected


def fired_rules(text: str) -> list[str]:
    """Concepts of the red flags that count in normalised `text` (scoped-away mentions excluded)."""
    out: list[str] = []
    for f in redflags.find(text):
        if f.counts and f.concept not in out:
            out.append(f.concept)
    return out


def told_over(text: str, concept: str = "fall") -> bool:
    """`concept` told as over, played down or near ("摔了一下，没事", "昨天跌了一跤不要紧", "差点摔倒"): named, scoped
    away only as resolved, of the recent past or a near miss, and nothing counting now. No emergency, but staff want
    to hear of it (a visit); a fall of years ago, one denied, feared or read about is not. Takes normalised `text`."""
    flags = redflags.find(text)
    if any(f.counts for f in flags):
        return False
    return any(f.concept == concept and "experiencer:generic" not in f.modifiers
               and set(m for m in f.modifiers if m in redflags.SCOPING) <= OVER for f in flags)


def raise_emergency(ranking: list[tuple[str, float]], fired: list[str]) -> list[tuple[str, float]]:
    """Lifts emergency to at least RULE_CONFIDENCE, shrinking the others to keep a distribution."""
    if not fired:
        return ranking
    return _set_emergency(ranking, max(dict(ranking).get(EMERGENCY, 0.0), RULE_CONFIDENCE))


def _set_emergency(ranking: list[tuple[str, float]], new: float) -> list[tuple[str, float]]:
    """Emergency set to `new`, the others scaled to keep a distribution and kept in their order
    (a Rasa server's refusal, nlu_fallback, stays first even with a lower confidence)."""
    old = dict(ranking).get(EMERGENCY, 0.0)
    if new == old:
        return ranking
    rest = [(name, p) for name, p in ranking if name != EMERGENCY]
    mass = 1.0 - old
    if mass <= 0.0:  # nothing else had any mass: give what is left to out_of_scope
        rest = [("out_of_scope", 1.0 - new)] + [(name, 0.0) for name, _ in rest if name != "out_of_scope"]
    else:
        rest = [(name, p * (1.0 - new) / mass) for name, p in rest]
    at = next((i for i, (_, p) in enumerate(rest) if p < new), len(rest))
    return rest[:at] + [(EMERGENCY, new)] + rest[at:]


def decide(ranking: list[tuple[str, float]], flags: list[redflags.Flag]) -> tuple[list[tuple[str, float]], str, str]:
    """(ranking after the decision, decision, one-line why)."""
    em = dict(ranking).get(EMERGENCY, 0.0)
    counting = [f for f in flags if f.alarms]
    if counting:
        spans = "、".join(dict.fromkeys(f.span for f in counting))
        return raise_emergency(ranking, [f.concept for f in counting]), EMERGENCY, \
            f"red flag now: {spans} ({', '.join(dict.fromkeys(f.concept for f in counting))})"
    if weak := [f for f in flags if f.counts]:
        spans = f"{'、'.join(dict.fromkeys(f.span for f in weak))} ({', '.join(dict.fromkeys(f.concept for f in weak))})"
        if ranking[0][0] == EMERGENCY and em >= 0.5:
            return ranking, EMERGENCY, f"model emergency {em:.2f}, weak red flag now: {spans}"
        return ranking, "uncertain", f"weak red flag now: {spans}: ask"
    if flags:
        mods = sorted({m for f in flags for m in f.modifiers if m in redflags.SCOPING})
        spans = "、".join(dict.fromkeys(f.span for f in flags))
        if em >= MODEL_SURE:
            return ranking, "uncertain", f"flag {spans} scoped away ({', '.join(mods)}) but model emergency {em:.2f}"
        ranking = _set_emergency(ranking, min(em, SCOPED_AWAY_CAP))
        return ranking, "not_emergency", f"flag {spans} scoped away ({', '.join(mods)}); model emergency {em:.2f} lowered"
    top = ranking[0][0]
    if top == EMERGENCY and em >= 0.5:
        return ranking, EMERGENCY, f"model emergency {em:.2f}, no red flag"
    if top == EMERGENCY and em < UNSURE_TOP:  # a flat ranking: the runner-up names the message
        runner_up = ranking[1][1] if len(ranking) > 1 else 0.0
        ranking = _set_emergency(ranking, 0.98 * runner_up / (1.0 - em + runner_up))
    if top == EMERGENCY or em >= SUSPECT_THRESHOLD:
        return ranking, "uncertain", f"model emergency {em:.2f} without a red flag: ask"
    return ranking, "not_emergency", f"no red flag; model emergency {em:.2f}"
