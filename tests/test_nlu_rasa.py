"""The Rasa backend against a local server speaking Rasa's /model/parse schema, with fallback."""
import asyncio
import logging
import socket

import pytest
from aiohttp import web

from nlu import NLU

TOKEN = "s3cret"


def rasa_answer(text, name, confidence):
    # The documented /model/parse response (Rasa 3 HTTP API).
    return {
        "text": text,
        "intent": {"id": 1, "name": name, "confidence": confidence},
        "entities": [],
        "intent_ranking": [
            {"id": 1, "name": name, "confidence": confidence},
            {"id": 2, "name": "out_of_scope", "confidence": round(1 - confidence, 4)},
        ],
        "response_selector": {},
    }


@pytest.fixture
async def rasa_server():
    seen = []
    release = asyncio.Event()

    async def ok(request):
        body = await request.json()
        seen.append(request.query.get("token"))
        if request.query.get("token") != TOKEN:
            return web.json_response({"status": "failure"}, status=401)
        return web.json_response(rasa_answer(body["text"], "greet", 0.93))

    async def slow(request):
        await release.wait()  # answers only after the client has given up
        return web.json_response(rasa_answer("x", "greet", 0.9))

    async def broken(request):
        return web.Response(status=500, text="internal error")

    async def unsure(request):  # FallbackClassifier fired; emergency was a close second
        return web.json_response({
            "text": "x", "intent": {"name": "nlu_fallback", "confidence": 0.3}, "entities": [],
            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "emergency", "confidence": 0.28},
                               {"name": "out_of_scope", "confidence": 0.2}],
        })

    async def ambiguous(request):  # FallbackClassifier's ambiguity threshold: two intents too close to call
        return web.json_response({
            "text": "x", "intent": {"name": "nlu_fallback", "confidence": 0.3}, "entities": [],
            "intent_ranking": [{"name": "nlu_fallback", "confidence": 0.3}, {"name": "ask_pension", "confidence": 0.52},
                               {"name": "ask_subsidy", "confidence": 0.48}],
        })

    async def garbage(request):
        return web.json_response({"no": "intent"})

    app = web.Application()
    for name, handler in (("ok", ok), ("slow", slow), ("broken", broken), ("garbage", garbage),
                          ("unsure", unsure), ("ambiguous", ambiguous)):
        app.router.add_post(f"/{name}/model/parse", handler)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    port = site._server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}", seen
    release.set()
    await runner.cleanup()


@pytest.fixture(scope="module")
def builtin(tmp_path_factory):
    return NLU.builtin(cache_dir=tmp_path_factory.getbasetemp() / "nlu-cache")


async def test_answer_comes_from_the_server(rasa_server, builtin):
    base, seen = rasa_server
    rasa = NLU.rasa(f"{base}/ok", token=TOKEN, fallback=builtin)
    result = await rasa.aparse("我住建新路27弄3号602")
    assert result["intent"] == {"name": "greet", "confidence": 0.93}  # the server's answer, not ours
    assert [r["name"] for r in result["intent_ranking"]] == ["greet", "out_of_scope"]
    assert seen == [TOKEN]
    # The server returned no entities; our address rules fill them in.
    assert {e["entity"] for e in result["entities"]} == {"road", "lane", "building", "room"}


async def test_rule_layer_applies_to_server_answers(rasa_server, builtin):
    base, _ = rasa_server
    # (words too many for the short-words table, which answers "救命" before any server is asked)
    result = await NLU.rasa(f"{base}/ok", token=TOKEN, fallback=builtin).aparse("我在厨房摔倒了起不来")
    assert result["intent"]["name"] == "emergency"


async def test_rasa_fallback_reads_as_out_of_scope_with_suspicion(rasa_server, builtin):
    base, _ = rasa_server
    result = await NLU.rasa(f"{base}/unsure", fallback=builtin).aparse("我有点不对劲")
    assert result["intent"] == {"name": "out_of_scope", "confidence": 0.3}
    assert [r["name"] for r in result["intent_ranking"]] == ["out_of_scope", "emergency"]
    assert result["emergency_suspected"] is True


@pytest.mark.parametrize("path, reason", [("slow", "no answer within"), ("broken", "HTTP 500"), ("garbage", "no 'intent'")])
async def test_failure_falls_back_and_logs_without_the_text(rasa_server, builtin, caplog, path, reason):
    base, _ = rasa_server
    rasa = NLU.rasa(f"{base}/{path}", token=TOKEN, timeout=0.3, fallback=builtin)
    text = "我在厨房摔倒了，电话13812345678"
    with caplog.at_level(logging.WARNING):
        result = await rasa.aparse(text)
    assert result == builtin.parse(text)
    assert result["intent"]["name"] == "emergency"
    assert reason in caplog.text
    assert "厨房" not in caplog.text and "13812345678" not in caplog.text


async def test_wrong_token_falls_back(rasa_server, builtin, caplog):
    base, _ = rasa_server
    with caplog.at_level(logging.WARNING):
        result = await NLU.rasa(f"{base}/ok", token="wrong", fallback=builtin).aparse("谢谢侬帮我修好了门锁")
    assert result["intent"]["name"] == "thank"
    assert "HTTP 401" in caplog.text


def test_sync_parse_falls_back_when_nothing_listens(builtin, caplog):
    with socket.socket() as s:  # a port that was free a moment ago: connection refused
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with caplog.at_level(logging.WARNING):
        result = NLU.rasa(f"http://127.0.0.1:{port}", fallback=builtin).parse("救名")
    assert result["intent"]["name"] == "emergency"
    assert "Rasa NLU unavailable" in caplog.text


async def test_rasa_refusing_to_choose_is_kept(rasa_server, builtin):
    # Rasa ranked nlu_fallback first although ask_pension has a higher confidence: the bot
    # must not answer the intent Rasa itself refused.
    base, _ = rasa_server
    result = await NLU.rasa(f"{base}/ambiguous", fallback=builtin).aparse("那个钱怎么弄")
    assert result["intent"]["name"] == "out_of_scope"
    assert [r["name"] for r in result["intent_ranking"]][:3] == ["out_of_scope", "ask_pension", "ask_subsidy"]
