"""Scores a parser on Rasa-format test data: per-intent P/R/F1, confusions, emergency figures."""
from __future__ import annotations

from collections import Counter
from typing import Callable

from sklearn.metrics import precision_recall_fscore_support

from .training_data import Example

EMERGENCY = "emergency"


def evaluate(parse: Callable[[str], dict], examples: list[Example]) -> dict:
    gold = [e.intent for e in examples]
    results = [parse(e.text) for e in examples]
    pred = [r["intent"]["name"] for r in results]
    labels = sorted(set(gold) | set(pred))
    p, r, f, support = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per_intent = {
        lab: {"precision": round(float(p[i]), 4), "recall": round(float(r[i]), 4),
              "f1": round(float(f[i]), 4), "support": int(support[i])}
        for i, lab in enumerate(labels)
    }
    gold_labels = [lab for lab in labels if lab in set(gold)]
    macro_f1 = sum(per_intent[lab]["f1"] for lab in gold_labels) / len(gold_labels)
    confusions = Counter((g, q) for g, q in zip(gold, pred) if g != q)
    emergency_gold = [i for i, g in enumerate(gold) if g == EMERGENCY]
    # "flagged": emergency on top, or suspected — the bot then asks a one-tap confirmation.
    flagged = sum(1 for i in emergency_gold if pred[i] == EMERGENCY or results[i].get("emergency_suspected"))
    return {
        "examples": len(examples),
        "per_tag": _per_tag(examples, gold, pred),
        "accuracy": round(sum(g == q for g, q in zip(gold, pred)) / len(gold), 4),
        "macro_f1": round(macro_f1, 4),
        "per_intent": per_intent,
        "confusions": [{"gold": g, "predicted": q, "count": n} for (g, q), n in confusions.most_common()],
        "emergency": {
            "recall": per_intent.get(EMERGENCY, {}).get("recall", 0.0),
            "precision": per_intent.get(EMERGENCY, {}).get("precision", 0.0),
            "recall_with_suspected": round(flagged / len(emergency_gold), 4) if emergency_gold else 0.0,
            "missed": [examples[i].text for i in emergency_gold if pred[i] != EMERGENCY],
            "false_alarms": [examples[i].text for i, q in enumerate(pred) if q == EMERGENCY and gold[i] != EMERGENCY],
        },
    }


def _per_tag(examples: list[Example], gold: list[str], pred: list[str]) -> dict:
    """Per phenomenon tag: accuracy, and emergency recall/precision within the tagged examples.

    Recall is over the tag's real emergencies; precision over the tag's emergency answers
    (None when the tag has none), so a tag of hard negatives shows its false alarms."""
    out = {}
    for tag in sorted({t for e in examples for t in e.tags}):
        idx = [i for i, e in enumerate(examples) if tag in e.tags]
        real = [i for i in idx if gold[i] == EMERGENCY]
        said = [i for i in idx if pred[i] == EMERGENCY]
        hits = sum(1 for i in real if pred[i] == EMERGENCY)
        out[tag] = {"examples": len(idx), "accuracy": round(sum(gold[i] == pred[i] for i in idx) / len(idx), 4),
                    "emergency_recall": round(hits / len(real), 4) if real else None,
                    "emergency_precision": round(hits / len(said), 4) if said else None,
                    "emergencies": len(real), "false_alarms": len(said) - hits}
    return out


def format_report(report: dict) -> str:
    lines = [f"{'intent':<16}{'precision':>10}{'recall':>8}{'f1':>8}{'support':>9}"]
    for name, m in report["per_intent"].items():
        lines.append(f"{name:<16}{m['precision']:>10.3f}{m['recall']:>8.3f}{m['f1']:>8.3f}{m['support']:>9}")
    lines.append("")
    lines.append(f"examples {report['examples']}  accuracy {report['accuracy']:.3f}  macro-F1 {report['macro_f1']:.3f}")
    em = report["emergency"]
    lines.append(f"emergency recall {em['recall']:.3f}  precision {em['precision']:.3f}  "
                 f"recall incl. suspected {em['recall_with_suspected']:.3f}")
    if report["per_tag"]:
        lines.append("")
        lines.append(f"{'phenomenon':<16}{'examples':>9}{'accuracy':>10}{'em.recall':>11}{'em.precision':>14}{'false alarms':>14}")
        fmt = lambda v: "-" if v is None else f"{v:.3f}"  # noqa: E731
        for tag, m in report["per_tag"].items():
            lines.append(f"{tag:<16}{m['examples']:>9}{m['accuracy']:>10.3f}{fmt(m['emergency_recall']):>11}"
                         f"{fmt(m['emergency_precision']):>14}{m['false_alarms']:>14}")
    lines.append("")
    lines.append("confusion pairs (gold -> predicted: count)")
    lines.extend(f"  {c['gold']} -> {c['predicted']}: {c['count']}" for c in report["confusions"])
    if not report["confusions"]:
        lines.append("  none")
    if em["missed"]:
        lines.append("missed emergencies:")
        lines.extend(f"  {t}" for t in em["missed"])
    if em["false_alarms"]:
        lines.append("false alarms:")
        lines.extend(f"  {t}" for t in em["false_alarms"])
    return "\n".join(lines)
