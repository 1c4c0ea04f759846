"""Client for a Rasa server's `POST /model/parse`, answering in the same shape as the built-in model.

Any failure — timeout, refused connection, HTTP error, an answer not in Rasa's schema —
is logged (without the resident's text) and reported to the caller as RasaUnavailable,
so the caller can let the built-in model answer instead.
"""
from __future__ import annotations

import asyncio

import aiohttp


# Rasa's FallbackClassifier answers "nlu_fallback"; the bot's label for that is out_of_scope.
_RENAMED = {"nlu_fallback": "out_of_scope"}


class RasaUnavailable(Exception):
    """The server did not give a usable answer; the message is safe to log (no user text)."""


def _read_answer(body: object) -> tuple[list[tuple[str, float]], list[dict]]:
    if not isinstance(body, dict) or not isinstance(body.get("intent"), dict):
        raise RasaUnavailable("answer has no 'intent' object")
    ranking_raw = body.get("intent_ranking") or [body["intent"]]
    try:
        ranking = [(str(r["name"]), float(r["confidence"])) for r in ranking_raw if r.get("name")]
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise RasaUnavailable(f"malformed intent_ranking ({type(exc).__name__})") from None
    if not ranking:
        raise RasaUnavailable("answer names no intent")
    merged: dict[str, float] = {}
    for name, confidence in ranking:
        name = _RENAMED.get(name, name)
        merged[name] = max(confidence, merged.get(name, 0.0))
    entities = body.get("entities") or []
    if not isinstance(entities, list):
        raise RasaUnavailable("'entities' is not a list")
    ordered = sorted(merged.items(), key=lambda r: -r[1])
    if ranking[0][0] in _RENAMED:
        # Rasa ranked its fallback first, whatever the confidences say: keep its refusal on top.
        top = _RENAMED[ranking[0][0]]
        ordered = [(top, merged[top])] + [r for r in ordered if r[0] != top]
    return ordered, entities


class RasaClient:
    def __init__(self, url: str, token: str | None = None, timeout: float = 2.0) -> None:
        self.endpoint = url.rstrip("/") + "/model/parse"
        self.params = {"token": token} if token else {}
        self.timeout = timeout

    async def parse(self, text: str) -> tuple[list[tuple[str, float]], list[dict]]:
        """(intent ranking best first, entities) from the server, or RasaUnavailable."""
        try:
            async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=self.timeout)) as session:
                async with session.post(self.endpoint, params=self.params, json={"text": text}) as resp:
                    if resp.status != 200:
                        raise RasaUnavailable(f"HTTP {resp.status}")
                    body = await resp.json(content_type=None)
        except asyncio.TimeoutError:
            raise RasaUnavailable(f"no answer within {self.timeout:g} s") from None
        except (aiohttp.ClientError, ValueError) as exc:
            raise RasaUnavailable(type(exc).__name__) from None
        return _read_answer(body)
