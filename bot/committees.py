"""Several committees (居委会) in one deployment, each a tenant with its own staff, roster, register and bot token.

config.yaml holds the shared defaults; with `committees_dir` set (relative to config.yaml), every `*.yaml` in that
folder is one committee and its stem the committee's id. A committee's settings are config.yaml deep-merged with
its file (mappings merged, lists replaced), validated like config.yaml. Its keys live under `nc:{<id>}:` (a Redis
Cluster hash tag: one committee's keys, and so its Lua scripts, stay in one slot) unless its file names a
`redis.prefix`; its bot token is TELEGRAM_BOT_TOKEN_<ID>; its webhook secret is its own, derived from
TELEGRAM_WEBHOOK_SECRET (the master, never sent to Telegram) with HMAC. Without `committees_dir` the deployment is config.yaml
alone, exactly as before (prefix `nc:`, TELEGRAM_BOT_TOKEN).
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin

from .config import ConfigError, Secrets, Settings, read_mapping, validate
from .logmask import protect_logs

COMMITTEE_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,31}")
# one per process: a committee's file may not set them (the NLU model, the metrics listener, the scheduler's zone)
SHARED_ONLY = ("committees_dir", "committee", "base_dir", "nlu", "ops", "timezone")


@dataclass(frozen=True)
class Committee:
    id: str | None  # None: config.yaml alone, the one committee of a deployment without committees_dir
    settings: Settings
    secrets: Secrets


def token_variable(committee: str | None) -> str:
    """The environment variable holding a committee's bot token."""
    return "TELEGRAM_BOT_TOKEN" + (f"_{committee.upper().replace('-', '_')}" if committee else "")


def webhook_secret(master: str | None, committee: str | None) -> str | None:
    """A committee's own webhook secret: HMAC-SHA256 of its id under the master secret (43 of A-Z a-z 0-9 _ -).
    Its setWebhook carries only this one; whoever learns it can neither derive the master nor forge updates on
    another committee's path. Without committees (or without a master) the master is used as it is."""
    if not master or committee is None:
        return master
    digest = hmac.new(master.encode(), f"telegram-webhook:{committee}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def merged(base: dict, over: dict) -> dict:
    """`base` with `over` on top: mappings merged key by key, anything else (lists included) replaced."""
    out = dict(base)
    for key, value in over.items():
        out[key] = merged(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def load_committees(path: str | Path, env: dict[str, str] | None = None) -> list[Committee]:
    """Every committee the config file describes, in the order of their ids; one clear line on any problem."""
    env = os.environ if env is None else env
    path = Path(path)
    raw = read_mapping(path)
    raw.setdefault("base_dir", str(path.resolve().parent))
    shared, secrets = validate(raw), Secrets.from_env(env)
    if not shared.committees_dir:
        return [Committee(None, shared, secrets)]
    protect_logs([secrets.webhook_secret])  # the master: the apps protect only their committee's own secret
    folder = shared.path(shared.committees_dir)
    files = sorted(folder.glob("*.yaml")) if folder.is_dir() else []
    if not files:
        raise ConfigError(f"config error at committees_dir: no committee files (*.yaml) in {folder}")
    committees = [_committee(raw, shared, file, secrets, env) for file in files]
    _check_apart(committees)
    return committees


def _committee(raw: dict, shared: Settings, file: Path, secrets: Secrets, env) -> Committee:
    cid, where = file.stem, f" in {file.name}"
    if not COMMITTEE_ID.fullmatch(cid):
        raise ConfigError(f"config error{where}: the file name is the committee id and must be 1-32 of a-z 0-9 _ - "
                          f"(starting with a letter or digit), got {cid!r}")
    own = read_mapping(file) if file.stat().st_size else {}
    if key := next((k for k in SHARED_ONLY if k in own), None):
        raise ConfigError(f"config error{where} at {key}: shared by every committee; set it in config.yaml")
    settings = merged(raw, own) | {"committee": cid, "committees_dir": None}
    settings["ops"] = {**settings.get("ops", {}), "committee": cid}  # the metrics label
    if "prefix" not in own.get("redis", {}):
        settings["redis"] = {**settings.get("redis", {}), "prefix": f"nc:{{{cid}}}:"}
    tg = dict(settings.get("telegram") or {})
    if not own.get("telegram", {}).get("webhook_path"):  # one listener, one path per committee
        tg["webhook_path"] = f"/telegram/{cid}"
        if tg.get("webhook_url") and not own.get("telegram", {}).get("webhook_url"):
            tg["webhook_url"] = urljoin(tg["webhook_url"], tg["webhook_path"])
    settings["telegram"] = tg
    own_secrets = {"telegram_token": env.get(token_variable(cid)) or None,
                   "webhook_secret": webhook_secret(secrets.webhook_secret, cid)}
    return Committee(cid, validate(settings, where), secrets.model_copy(update=own_secrets))


def _check_apart(committees: list[Committee]) -> None:
    """What two committees may not share: a token variable, a key prefix, a bot token, a desk port, a webhook path.
    (A staff member may work for two committees: a telegram_id in both is fine.)"""
    seen: dict[tuple, str] = {}
    for c in committees:
        s = c.settings
        marks = [("the token variable", token_variable(c.id)), ("the Redis prefix redis.prefix", s.redis.prefix)]
        if c.secrets.telegram_token:
            marks.append(("one bot token", c.secrets.telegram_token))
        if s.console.enabled:
            marks.append(("the desk port console.port", (s.console.listen, s.console.port)))
        if s.telegram.mode == "webhook":
            marks.append(("the webhook path telegram.webhook_path",
                          (s.telegram.webhook_listen, s.telegram.webhook_port, s.telegram.webhook_path)))
        for what, mark in marks:
            if (what, mark) in seen:
                raise ConfigError(f"config error in {c.id}.yaml: committees {seen[what, mark]!r} and {c.id!r} "
                                  f"share {what}")
            seen[what, mark] = c.id


def telegram_wanted(committees: list[Committee], env: dict[str, str] | None = None) -> bool:
    """Telegram mode: any committee's token (or TELEGRAM_BOT_TOKEN) is set; otherwise the local console runs."""
    env = os.environ if env is None else env
    return bool(env.get("TELEGRAM_BOT_TOKEN")) or any(c.secrets.telegram_token for c in committees)


def check_tokens(committees: list[Committee]) -> None:
    """In Telegram mode every committee needs its own token: one line naming the first without one."""
    for c in committees:
        if not c.secrets.telegram_token:
            raise ConfigError(f"config error: committee {c.id!r} has no bot token: set {token_variable(c.id)}")


def pick(committees: list[Committee], committee: str | None, *, first_by_default: bool = False) -> Committee:
    """The committee `--committee` names; without it the only one (or, for the console demo, the first)."""
    ids = ", ".join(str(c.id) for c in committees)
    if committee is None:
        if len(committees) == 1 or first_by_default:
            return committees[0]
        raise ConfigError(f"several committees ({ids}): choose one with --committee ID")
    for c in committees:
        if c.id == committee:
            return c
    raise ConfigError(f"no committee {committee!r} in this deployment (committees: {ids})")
