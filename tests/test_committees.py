"""Several committees in one deployment: config.yaml holds the shared defaults, `committees_dir` one small YAML per
committee. A mistake in any of them stops the start with one line naming the file and the key; the register
command line works on one committee at a time; the NLU model and knowledge base are loaded once for all."""
from __future__ import annotations

import uuid
from pathlib import Path

import pytest
import yaml

from bot.__main__ import main
from bot.committees import load_committees
from bot.config import ConfigError

ROOT = Path(__file__).resolve().parent.parent
BASE = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))


def committee_file(name: str, phone_tail: str, staff_tg: int, **extra) -> dict:
    return {"community": {"name": f"{name}居委会", "committee_phone": f"021-6437{phone_tail}",
                          "address_prefix": f"徐汇区天平街道{name}居民区"},
            "staff": [{"id": "s1", "name": f"{name}社工", "phone": f"1380000{phone_tail}", "telegram_id": staff_tg},
                      {"id": "s2", "name": f"{name}书记", "phone": f"1380001{phone_tail}", "role": "head"}],
            "roster": [], "residents": {"seed_file": None}, "console": {"enabled": False}, **extra}


def deployment(tmp_path: Path, committees: dict[str, dict | str], **shared) -> Path:
    """config.yaml beside a committees/ folder holding one file per committee (a str is written as it is)."""
    folder = tmp_path / "committees"
    folder.mkdir(exist_ok=True)
    for cid, content in committees.items():
        text = content if isinstance(content, str) else yaml.safe_dump(content, allow_unicode=True)
        (folder / f"{cid}.yaml").write_text(text, encoding="utf-8")
    cfg = {**BASE, "committees_dir": "committees", **shared}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    return path


ALL_DAY = {"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"], "from": "00:00", "to": "00:00",
           "staff": ["s1"]}
TOKENS = {"a": "111:A-TOKEN", "b": "222:B-TOKEN"}
A_STAFF, A_HEAD, B_STAFF, B_HEAD = 1001, 1003, 2001, 2003  # 1001 works for both committees
B_REGISTER = ("name,phone,road,lane,building,room,lives_alone,birth_date\n"
              "赵阿婆,13900000099,永嘉路,10,2,201,yes,1940-01-01\n")


def two_committee_config(tmp_path: Path, apis=None, library="aiogram", desks=None, **shared) -> Path:
    """Committee a (the sample register; 甲社工 on duty) and b (赵阿婆; 乙社工 on duty, 甲社工 a member too), under
    fresh key prefixes; `apis`: a Bot API server per committee; `desks`: a console port per committee."""
    (tmp_path / "b.csv").write_text(B_REGISTER, encoding="utf-8")
    tag = uuid.uuid4().hex[:8]
    a = committee_file("甲", "0001", A_STAFF, roster=[ALL_DAY], redis={"prefix": f"t{tag}:{{a}}:"},
                       residents={"seed_file": str(ROOT / "data" / "sample_residents.csv")})
    a["staff"][1]["telegram_id"] = A_HEAD
    b = committee_file("乙", "0002", B_STAFF, roster=[ALL_DAY], redis={"prefix": f"t{tag}:{{b}}:"},
                       residents={"seed_file": str(tmp_path / "b.csv")})
    b["staff"][1]["telegram_id"] = B_HEAD
    b["staff"].append({"id": "s3", "name": "甲社工", "phone": "13800000001", "telegram_id": A_STAFF})
    for cid, c in (("a", a), ("b", b)):
        if apis:
            c["telegram"] = {"api_base_url": apis[cid].base_url, "library": library}
        if desks:
            c["console"] = {"enabled": True, "listen": "127.0.0.1", "port": desks[cid]}
    return deployment(tmp_path, {"a": a, "b": b}, **shared)


def env_for(redis_server) -> dict[str, str]:
    return {"REDIS_URL": redis_server.url, **{f"TELEGRAM_BOT_TOKEN_{k.upper()}": v for k, v in TOKENS.items()}}


def two(tmp_path: Path, **shared) -> Path:
    return deployment(tmp_path, {"a": committee_file("甲", "0001", 1001), "b": committee_file("乙", "0002", 2001)},
                      **shared)


def test_each_committee_is_the_shared_defaults_under_its_own_file(tmp_path):
    a, b = load_committees(two(tmp_path), env={})
    assert (a.id, b.id) == ("a", "b")
    assert a.settings.community.name == "甲居委会" and b.settings.community.name == "乙居委会"
    assert [s.name for s in b.settings.staff] == ["乙社工", "乙书记"]  # lists replaced, not appended
    assert b.settings.roster == []
    assert a.settings.escalation == b.settings.escalation == load_committees(ROOT / "config.yaml", {})[0] \
        .settings.escalation  # the shared defaults
    assert (a.settings.redis.prefix, b.settings.redis.prefix) == ("nc:{a}:", "nc:{b}:")  # a Cluster hash tag each
    assert (a.settings.ops.committee, b.settings.committee) == ("a", "b")


def test_without_committees_dir_everything_stays_as_it_was():
    (only,) = load_committees(ROOT / "config.yaml", env={"TELEGRAM_BOT_TOKEN": "1:x"})
    assert only.id is None and only.settings.redis.prefix == "nc:" and only.secrets.telegram_token == "1:x"


def test_a_committees_token_is_its_own_variable(tmp_path):
    env = {"TELEGRAM_BOT_TOKEN_A": "1:a", "TELEGRAM_BOT_TOKEN_NORTH_2": "2:b", "TELEGRAM_BOT_TOKEN": "9:shared"}
    path = deployment(tmp_path, {"a": committee_file("甲", "0001", 1001), "north-2": committee_file("乙", "0002", 1)})
    a, north = load_committees(path, env)
    assert (a.secrets.telegram_token, north.secrets.telegram_token) == ("1:a", "2:b")


def one_line(err) -> str:
    text = str(err.value)
    assert "\n" not in text and "Traceback" not in text
    return text


def test_each_committee_gets_its_own_webhook_secret_every_worker_derives_alike_and_logs_mask(tmp_path, caplog):
    import logging
    import re

    master = "the-district-master-webhook-secret"
    env = {"TELEGRAM_WEBHOOK_SECRET": master}
    a, b = load_committees(two(tmp_path), env)
    assert len({a.secrets.webhook_secret, b.secrets.webhook_secret, master}) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{43}", c.secrets.webhook_secret) for c in (a, b))  # Telegram takes it
    # a second worker (or the bot after a restart) registers the same secrets: no worker refuses another's updates
    assert [c.secrets.webhook_secret for c in load_committees(two(tmp_path), env)] == [
        a.secrets.webhook_secret, b.secrets.webhook_secret]
    assert load_committees(two(tmp_path), {"TELEGRAM_WEBHOOK_SECRET": "another"})[0].secrets.webhook_secret \
        != a.secrets.webhook_secret
    (only,) = load_committees(ROOT / "config.yaml", env)  # without committees_dir: the variable as it is
    assert only.secrets.webhook_secret == master
    logging.getLogger("bot.test").warning("env dump %s", env)
    assert master not in caplog.text


@pytest.mark.parametrize("files, expected", [
    ({"Bad Name": committee_file("甲", "0001", 1)}, "in Bad Name.yaml: the file name is the committee id"),
    ({"a": "community: {name: x\n"}, "a.yaml is not valid YAML (line 2)"),
    ({"a": committee_file("甲", "0001", 1, locale="fr")}, "config error in a.yaml at locale"),
    ({"a": {**committee_file("甲", "0001", 1), "roster": [{"days": ["mon"], "from": "25:00", "to": "08:00",
                                                          "staff": ["s1"]}]}},
     "config error in a.yaml at roster.0.from: expected a time like 09:00"),
    ({"a": committee_file("甲", "0001", 1, nlu={"backend": "rasa"})}, "in a.yaml at nlu: shared by every committee"),
    ({"a-b": committee_file("甲", "0001", 1), "a_b": committee_file("乙", "0002", 2)},
     "committees 'a-b' and 'a_b' share the token variable"),
    ({"a": committee_file("甲", "0001", 1, console={"enabled": True, "port": 8091}),
      "b": committee_file("乙", "0002", 2, console={"enabled": True, "port": 8091})},
     "committees 'a' and 'b' share the desk port console.port"),
    ({"a": committee_file("甲", "0001", 1, redis={"prefix": "nc:x:"}),
      "b": committee_file("乙", "0002", 2, redis={"prefix": "nc:x:"})}, "share the Redis prefix"),
])
def test_a_mistake_in_a_committee_file_is_one_line_naming_the_file_and_key(tmp_path, files, expected):
    with pytest.raises(ConfigError) as err:
        load_committees(deployment(tmp_path, files), env={})
    assert expected in one_line(err)


def test_an_empty_committees_dir_is_one_line(tmp_path):
    with pytest.raises(ConfigError) as err:
        load_committees(deployment(tmp_path, {}), env={})
    assert "config error at committees_dir: no committee files" in one_line(err)


def test_two_committees_may_share_a_staff_member(tmp_path):
    a, b = load_committees(deployment(tmp_path, {"a": committee_file("甲", "0001", 1001),
                                                 "b": committee_file("乙", "0002", 1001)}), env={})
    assert a.settings.staff[0].telegram_id == b.settings.staff[0].telegram_id == 1001


def test_in_telegram_mode_a_committee_without_its_token_stops_the_start_in_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_A", "1:a")
    monkeypatch.delenv("TELEGRAM_BOT_TOKEN_B", raising=False)
    assert main(["--config", str(two(tmp_path))]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["config error: committee 'b' has no bot token: set TELEGRAM_BOT_TOKEN_B"]


def test_two_committees_may_not_share_one_bot_token(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_A", "1:same")
    monkeypatch.setenv("TELEGRAM_BOT_TOKEN_B", "1:same")
    assert main(["--config", str(two(tmp_path))]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "config error in b.yaml: committees 'a' and 'b' share one bot token"]


# --- the register on the command line, the desk, the shared model ---------------------------------------------

def test_the_register_command_line_lists_one_committee_at_a_time(tmp_path, redis_server, monkeypatch, capsys):
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    for var in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_TOKEN_A", "TELEGRAM_BOT_TOKEN_B"):
        monkeypatch.delenv(var, raising=False)
    config = str(two_committee_config(tmp_path))
    assert main(["--config", config, "residents", "list", "--committee", "a"]) == 0
    out = capsys.readouterr().out
    assert "王老伯" in out and "赵阿婆" not in out
    assert main(["--config", config, "--committee", "b", "residents", "list"]) == 0
    out = capsys.readouterr().out
    assert "赵阿婆" in out and "王老伯" not in out
    assert main(["--config", config, "residents", "list"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "several committees (a, b): choose one with --committee ID"]
    assert main(["--config", config, "residents", "export", "x.csv", "--committee", "c"]) == 2
    assert capsys.readouterr().err.strip().splitlines() == [
        "no committee 'c' in this deployment (committees: a, b)"]


async def test_a_committees_desk_never_shows_another_committees_residents(tmp_path, redis_server, clock, nlu_model,
                                                                          knowledge_base):
    import aiohttp

    from bot.district import District
    from bot.redis_server import free_port
    from bot.testing.desk import sign_init_data
    from bot.testing.tools import RecordingMessenger

    desks = {"a": free_port(), "b": free_port()}
    committees = load_committees(two_committee_config(tmp_path, desks=desks), env_for(redis_server))
    district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base,
                                   messengers={"a": RecordingMessenger(), "b": RecordingMessenger()})
    url = {cid: f"http://127.0.0.1:{port}" for cid, port in desks.items()}
    try:
        await district.start_consoles()
        async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
            async def sign_in(cid: str, signed_by: str) -> int:
                init = sign_init_data(A_STAFF, clock.ts(), token=TOKENS[signed_by])  # 甲社工 works for both
                async with http.post(f"{url[cid]}/auth/webapp", data={"init_data": init}) as resp:
                    return resp.status

            async def residents(cid: str) -> tuple[int, str]:
                async with http.get(f"{url[cid]}/residents") as resp:
                    return resp.status, await resp.text()

            assert await sign_in("a", "a") == 204
            status, page = await residents("a")
            assert status == 200 and "王老伯" in page and "赵阿婆" not in page
            (a_cookie,) = [(c.key, c.value) for c in http.cookie_jar]
            status, page = await residents("b")  # the same browser, its cookie sent to b's desk too
            assert status == 401 and "王老伯" not in page and "赵阿婆" not in page
            assert await sign_in("b", "a") == 403  # opened from a's bot: not a way into b's desk
            assert await sign_in("b", "b") == 204
            status, page = await residents("b")
            assert status == 200 and "赵阿婆" in page and "王老伯" not in page
            # cookies ignore ports: signing in to b's desk must not sign 甲社工 out of a's, in the same browser
            status, page = await residents("a")
            assert status == 200 and "王老伯" in page and "赵阿婆" not in page
            (b_name,) = {c.key for c in http.cookie_jar} - {a_cookie[0]}
        # a's session, sent to b's desk under b's cookie name (or a's), is no key to b's residents
        for name in (b_name, a_cookie[0]):
            async with aiohttp.ClientSession(cookies={name: a_cookie[1]}) as thief:
                async with thief.get(f"{url['b']}/residents") as resp:
                    page = await resp.text()
                    assert resp.status == 401 and "赵阿婆" not in page and "王老伯" not in page
    finally:
        await district.close()


async def test_the_nlu_model_and_knowledge_base_are_loaded_once_for_every_committee(tmp_path, redis_server,
                                                                                    monkeypatch):
    from bot import district as district_module
    from bot.testing.tools import RecordingMessenger

    loads = []
    real = district_module.load_nlu
    monkeypatch.setattr(district_module, "load_nlu", lambda *a: loads.append(1) or real(*a))
    committees = load_committees(two_committee_config(tmp_path), env_for(redis_server))
    district = await district_module.District.open(
        committees, messengers={"a": RecordingMessenger(), "b": RecordingMessenger()})
    try:
        a, b = district.apps["a"].svc, district.apps["b"].svc
        assert loads == [1]
        assert a.nlu is b.nlu and a.nlu is not None and a.kb is b.kb and a.kb is not None
        assert a.store.r is b.store.r  # one connection pool
        assert a.store is not b.store and a.settings.redis.prefix != b.settings.redis.prefix
    finally:
        await district.close()


def test_without_a_token_the_console_runs_for_the_first_committee_or_the_one_named(tmp_path, redis_server,
                                                                                   monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setenv("REDIS_URL", redis_server.url)
    for var in ("TELEGRAM_BOT_TOKEN", "TELEGRAM_BOT_TOKEN_A", "TELEGRAM_BOT_TOKEN_B"):
        monkeypatch.delenv(var, raising=False)
    config = str(two_committee_config(tmp_path))
    monkeypatch.setattr(sys, "stdin", io.StringIO("/who\n/quit\n"))
    assert main(["--config", config]) == 0
    out = capsys.readouterr().out
    assert "王老伯" in out and "赵阿婆" not in out and "乙社工" not in out
    monkeypatch.setattr(sys, "stdin", io.StringIO("/who\n/quit\n"))
    assert main(["--config", config, "--committee", "b"]) == 0
    out = capsys.readouterr().out
    assert "赵阿婆" in out and "乙社工" in out and "王老伯" not in out


def test_the_example_committees_load_as_the_readme_says(tmp_path):
    cfg = {**BASE, "committees_dir": "deploy/committees.example", "base_dir": str(ROOT)}
    path = tmp_path / "config.yaml"
    path.write_text(yaml.safe_dump(cfg, allow_unicode=True), encoding="utf-8")
    jianxin, yongjia = load_committees(path, env={"TELEGRAM_BOT_TOKEN_YONGJIA": "2:y"})
    assert (jianxin.settings.redis.prefix, yongjia.settings.redis.prefix) == ("nc:{jianxin}:", "nc:{yongjia}:")
    assert yongjia.secrets.telegram_token == "2:y" and jianxin.secrets.telegram_token is None
    assert yongjia.settings.escalation.emergency.levels[1].after_minutes == 2  # its own policy
    assert yongjia.settings.escalation.help == jianxin.settings.escalation.help  # the shared one
    assert jianxin.settings.path(jianxin.settings.residents.seed_file).exists()


async def test_one_metrics_listener_counts_every_committee_under_its_own_label(tmp_path, redis_server, clock,
                                                                               nlu_model, knowledge_base):
    import aiohttp
    from prometheus_client.parser import text_string_to_metric_families

    from bot.district import District
    from bot.redis_server import free_port
    from bot.testing.tools import Person, RecordingMessenger

    port = free_port()
    committees = load_committees(two_committee_config(tmp_path, ops={"port": port}), env_for(redis_server))
    district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base,
                                   messengers={"a": RecordingMessenger(), "b": RecordingMessenger()})

    async def get(path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as http, http.get(f"http://127.0.0.1:{port}{path}") as resp:
            return resp.status, await resp.text()

    def opened(text: str, committee: str) -> float:
        return sum(s.value for f in text_string_to_metric_families(text) for s in f.samples
                   if s.name == "carebot_incidents_opened_total" and s.labels == {"committee": committee,
                                                                                  "kind": "emergency"})
    try:
        district.start(tick_seconds=3600)
        assert await get("/readyz") == (200, "ready\n")
        wang = Person(district.apps["a"], 5555, "王老伯")
        await wang.send("/start")
        await wang.share_contact("13900000002")
        await wang.send("🆘 紧急求助")
        await district.apps["a"].engine.settle(5)
        status, text = await get("/metrics")
        assert status == 200 and opened(text, "a") == 1 and opened(text, "b") == 0
        assert 'carebot_incidents_open{committee="a",level="0"} 1.0' in text
        assert 'committee="b",level=' not in text
    finally:
        await district.close()


async def test_every_script_a_committee_runs_names_a_key_in_its_own_cluster_slot(make_app, settings, clock,
                                                                                 monkeypatch):
    """In a Redis Cluster a script runs on the node of the keys it declares (none declared: any node), and builds
    the rest from the committee's prefix: every call must declare a key, all in the committee's slot."""
    from redis.commands.core import AsyncScript
    from redis.crc import key_slot

    from bot.testing.tools import Person
    from conftest import TUESDAY_9, at, enrolled

    calls: list[list[str]] = []
    real_call = AsyncScript.__call__

    async def recording(self, keys=None, args=None, client=None):
        calls.append([k if isinstance(k, str) else k.decode() for k in keys or []])
        return await real_call(self, keys, args, client)

    monkeypatch.setattr(AsyncScript, "__call__", recording)
    app = await make_app(prefix_=f"t{uuid.uuid4().hex[:8]}:{{c042}}:")
    people = lambda name: Person(app, 6000 + sum(map(ord, name)) % 1000, name)  # noqa: E731
    zhang, _ = await enrolled(people, app)
    await at(app, clock, TUESDAY_9)
    wang = people("王老伯")
    await wang.send("/start")
    await wang.share_contact("13900000002")
    await wang.send("🆘 紧急求助")
    await wang.send("救命")
    await Person(app, 1001, "李社工").press_data(1, "inc:claim:1")
    await people("路人甲").send("救命")
    await app.engine.settle(5)
    assert len(calls) >= 5
    slot = key_slot(b"c042")
    assert [keys for keys in calls if not keys or {key_slot(k.encode()) for k in keys} != {slot}] == []


async def test_sighup_rereads_each_committees_staff_from_its_own_file(tmp_path, redis_server, clock, nlu_model,
                                                                      knowledge_base):
    from bot.district import District
    from bot.testing.tools import RecordingMessenger

    config = two_committee_config(tmp_path)
    district = await District.open(load_committees(config, env_for(redis_server)), clock=clock, nlu=nlu_model,
                                   kb=knowledge_base, messengers={"a": RecordingMessenger(), "b": RecordingMessenger()})
    try:
        b_file = tmp_path / "committees" / "b.yaml"
        b = yaml.safe_load(b_file.read_text(encoding="utf-8"))
        b["staff"] = [s for s in b["staff"] if s["id"] != "s3"]  # 甲社工 no longer works for b
        b_file.write_text(yaml.safe_dump(b, allow_unicode=True), encoding="utf-8")
        await district.reload_staff(config)
        staff = {cid: [s.name for s in app.svc.settings.staff] for cid, app in district.apps.items()}
        assert staff == {"a": ["甲社工", "甲书记"], "b": ["乙社工", "乙书记"]}
    finally:
        await district.close()


async def test_a_sos_in_each_of_many_committees_leaves_few_redis_connections_open(tmp_path, redis_server, clock,
                                                                                  nlu_model, knowledge_base):
    """A 🆘's path has a Redis pool of its own (bot/app.py urgent_client). One per process, not one per committee:
    a district of 50 committees would otherwise keep 50+ idle connections per process open on the shared Redis."""
    import redis.asyncio as aioredis

    from bot.district import District
    from bot.testing.tools import Person, RecordingMessenger

    tag, ids = uuid.uuid4().hex[:8], [f"c{i}" for i in range(8)]
    seed = {"seed_file": str(ROOT / "data" / "sample_residents.csv")}
    config = deployment(tmp_path, {cid: committee_file(cid, f"00{i:02d}", 3000 + i, roster=[ALL_DAY], residents=seed,
                                                       redis={"prefix": f"t{tag}:{{{cid}}}:"})
                                   for i, cid in enumerate(ids)})
    committees = load_committees(config, {"REDIS_URL": redis_server.url,
                                          **{f"TELEGRAM_BOT_TOKEN_{cid.upper()}": f"{9000 + i}:T"
                                             for i, cid in enumerate(ids)}})
    district = await District.open(committees, clock=clock, nlu=nlu_model, kb=knowledge_base,
                                   messengers={cid: RecordingMessenger() for cid in ids})
    watcher = aioredis.Redis.from_url(redis_server.url)
    try:
        async def connections() -> int:
            return len(await watcher.client_list())

        wangs = {cid: Person(district.apps[cid], 5555, "王老伯") for cid in ids}
        for wang in wangs.values():
            await wang.send("/start")
            await wang.share_contact("13900000002")
        before = await connections()
        for cid, wang in wangs.items():
            await wang.send("🆘 紧急求助")
            await district.apps[cid].engine.settle(5)
            assert await district.apps[cid].svc.store.open_incident_ids(), cid  # each committee's call is stored
        assert await connections() <= before + 2
    finally:
        await watcher.aclose()
        await district.close()
