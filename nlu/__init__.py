"""Natural-language understanding for the bot: intent, entities and an emergency flag.

    nlu = NLU.builtin()                       # scikit-learn model trained from nlu/data/nlu.yml
    nlu.parse("我在厨房摔倒了")                 # Rasa /model/parse shape + "emergency_suspected"
    rasa = NLU.rasa("http://127.0.0.1:5005", fallback=nlu)
    await rasa.aparse("救命")                   # asks the server; the built-in model answers if it fails

Whatever answers, the decision layer (nlu.rules) combines its probabilities with the red
flags in context (nlu.redflags): a present flag lifts `emergency`, a flag only talked about
(negated, asked about, past, reported, figurative) lowers it, and an uncertain result whose
top intent is not emergency carries `"emergency_suspected": true`, so the bot asks a
one-tap confirmation. `parse(text, explain=True)` adds "flags", "decision" and "why".
A short message the table in nlu/data/short_words.yml lists ("我腿疼", "懂了", "😭") is pinned there, before any
model is asked, so a retrain cannot move it; the decision layer still weighs its red flags.
"""
from __future__ import annotations

import asyncio
import logging
from pathlib import Path

from . import redflags, rules, short_words
from .entities import extract_entities
from .features import normalise
from .model import IntentModel, load_or_train
from .pinyin_typed import lexicon, read_part, spelled
from .rasa_backend import RasaClient, RasaUnavailable

__all__ = ["NLU", "SUSPECT_THRESHOLD", "INTENTS", "build_result"]

log = logging.getLogger(__name__)

SUSPECT_THRESHOLD = rules.SUSPECT_THRESHOLD
INTENTS = (
    "emergency", "request_help", "feeling_unwell", "checkin_ok", "ask_pension", "ask_subsidy",
    "contact_staff", "greet", "thank", "goodbye", "affirm", "deny", "provide_address", "out_of_scope",
)


def build_result(text: str, ranking: list[tuple[str, float]], entities: list[dict], *, explain: bool = False,
                 pinned: bool = False) -> dict:
    """The parse answer after the decision layer; `explain` adds "flags" and "decision" (`pinned`: the ranking is
    the short-words table's, which "why" says)."""
    flags = redflags.find(normalise(text))
    ranking, decision, why = rules.decide(ranking, flags)
    if pinned:
        why = f"short message pinned (short_words.yml); {why}"
    top_name, top_conf = ranking[0]
    result = {
        "text": text,
        "intent": {"name": top_name, "confidence": round(top_conf, 4)},
        "intent_ranking": [{"name": n, "confidence": round(c, 4)} for n, c in ranking],
        "entities": entities,
        "emergency_suspected": top_name != rules.EMERGENCY and decision != "not_emergency",
    }
    if explain:
        result["flags"] = [f.as_dict() for f in flags]
        result["decision"], result["why"] = decision, why
    return result


class NLU:
    """One parser interface over the built-in model or a Rasa server (with the built-in as fallback)."""

    def __init__(self, model: IntentModel | None = None, *, rasa: RasaClient | None = None,
                 fallback: "NLU | None" = None, trained_now: bool = False) -> None:
        if model is None and (rasa is None or fallback is None):
            raise ValueError("NLU needs a built-in model, or a Rasa client and a fallback")
        self._model = model
        self._rasa = rasa
        self._fallback = fallback
        self.trained_now = trained_now  # True when this build trained instead of loading the cache

    @classmethod
    def builtin(cls, data_path: str | Path | None = None, cache_dir: str | Path | None = None) -> "NLU":
        model, trained = load_or_train(data_path, cache_dir)
        lexicon()  # read once now (~1 s), not when a first cry typed in pinyin comes
        return cls(model, trained_now=trained)

    @classmethod
    def rasa(cls, url: str, token: str | None = None, timeout: float = 2.0, *, fallback: "NLU") -> "NLU":
        return cls(rasa=RasaClient(url, token, timeout), fallback=fallback)

    def parse(self, text: str, *, explain: bool = False) -> dict:
        if self._rasa is not None:
            try:
                asyncio.get_running_loop()
            except RuntimeError:
                return asyncio.run(self.aparse(text, explain=explain))
            raise RuntimeError("NLU.parse on a Rasa backend inside an event loop: use await aparse()")
        if not text.strip():
            return build_result(text, [("out_of_scope", 1.0)], [], explain=explain)
        text = spelled(text) or text  # "wo shuai dao le" → "我摔倒了（wo shuai dao le）"
        read = read_part(text)  # "我摔倒了（wo shuai dao le）": the characters (nlu.pinyin_typed)
        if (pinned := self.pinned(read, explain)) is not None:
            return {**pinned, "text": text}
        return build_result(text, self._model.rank(read), extract_entities(text), explain=explain)

    @staticmethod
    def pinned(text: str, explain: bool = False) -> dict | None:
        """The parse of a short message the table pins ("我腿疼", "懂了"), whatever the model; None if not listed."""
        ranking = short_words.default(INTENTS).ranking(text)
        if ranking is None:
            return None
        return build_result(text, ranking, extract_entities(text), explain=explain, pinned=True)

    @staticmethod
    def red_flag_words(text: str) -> str:
        """The words of `text` that raised a strong red flag now ("" if none): what staff see on the alert, and what
        takes a message the fast lane (a weak flag alone only asks: nlu.rules.decide)."""
        return "、".join(dict.fromkeys(f.span for f in redflags.find(normalise(text)) if f.alarms))

    async def aparse(self, text: str, *, explain: bool = False) -> dict:
        if self._rasa is None:
            return self.parse(text, explain=explain)
        text = spelled(text) or text
        read = read_part(text)
        if (pinned := self.pinned(read, explain)) is not None:
            return {**pinned, "text": text}  # the server's model moves with its training data too
        try:
            ranking, entities = await self._rasa.parse(read)
        except RasaUnavailable as exc:
            log.warning("Rasa NLU unavailable (%s); built-in model answered", exc)
            return await self._fallback.aparse(text, explain=explain)
        # Our address/phone/age rules fill in when the server was not trained on entities.
        return build_result(text, ranking, entities or extract_entities(text), explain=explain)
