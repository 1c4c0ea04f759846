"""Settings from config.yaml, validated once at start; a bad file names the key and what is wrong."""
from __future__ import annotations

import os
import re
from datetime import time
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .config_fields import Phone, clock_time as _clock_time
from .languages import Language

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Audience = Literal["on_duty", "all_staff", "head", "family", "doctor"]


class ConfigError(Exception):
    """One clear line for the person starting the bot."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Community(_Strict):
    name: str
    committee_phone: Phone
    address_prefix: str = ""
    map_link: str = Field("https://uri.amap.com/marker?position={lon},{lat}&coordinate=wgs84&callnative=1",  # 高德, GPS in
                          pattern=r"^https://[^{}]*(\{lat\}[^{}]*\{lon\}|\{lon\}[^{}]*\{lat\})[^{}]*$")  # 🗺 button


class Staff(_Strict):
    id: str
    name: str
    phone: Phone
    telegram_id: int | None = None      # optional: staff join by sharing this phone number with the bot
    role: Literal["member", "head"] = "member"
    language: Language = None           # what she reads ("zh-Hans", "中文", "en", "English"): above her Telegram's


class Shift(_Strict):
    days: list[Weekday]
    from_: str = Field(alias="from")
    to: str
    staff: list[str]

    _check_from = field_validator("from_", "to")(_clock_time)

    def start(self) -> time:
        return time.fromisoformat(self.from_)

    def end(self) -> time:
        return time.fromisoformat(self.to)


class Level(_Strict):
    after_minutes: float = Field(ge=0)
    to: list[Audience]
    remind_staff_to_call: bool = False


class Policy(_Strict):
    levels: list[Level] = Field(min_length=1)
    repeat_every_minutes: float = Field(gt=0)
    arrival_timeout_minutes: float = Field(gt=0)
    # still open after this (arrived): its claimer, then all staff, are asked to resolve it (not in quiet hours)
    arrived_followup_minutes: float = Field(default=60, gt=0)
    arrived_followup_max: int = Field(default=3, ge=1)

    @model_validator(mode="after")
    def _ordered(self) -> "Policy":
        if [lv.after_minutes for lv in self.levels] != sorted(lv.after_minutes for lv in self.levels):
            raise ValueError("levels must be in order of after_minutes")
        return self


class Surge(_Strict):
    """Many calls at once (a fire, gas, a lift, a power cut): `calls` open calls nobody has claimed, made within
    `window_minutes`, reach every staff member and the head at once (bot/incidents/surge.py)."""
    calls: int = Field(default=3, ge=2)
    window_minutes: float = Field(default=5, gt=0, le=60)


class Escalation(_Strict):
    emergency: Policy
    help: Policy
    checkin: Policy
    colleague: Policy | None = None  # a staff member's own cry; unset: bot/incidents/colleague.py's default
    address_confirm_timeout_minutes: float = Field(default=3, gt=0)
    strangers_per_10_minutes: int = Field(default=5, ge=1)  # their new calls; beyond: one call counting the rest
    surge: Surge = Surge()
    stuck: Policy | None = None  # shut out at night (checkin.quiet_hours): incidents/night_pace.py; unset: its default


class QuietHours(_Strict):
    """The committee's night: check-in reminders and arrived incidents' follow-ups wait for its end (bot/clock.py)."""
    from_: str = Field(alias="from")
    to: str
    _check = field_validator("from_", "to")(_clock_time)


class Checkin(_Strict):
    default_times: list[str] = ["09:00"]
    default_days: list[Weekday] = list(WEEKDAYS)
    window_minutes: float = Field(default=30, gt=0)
    quiet_hours: QuietHours | None = None

    @field_validator("default_times")
    @classmethod
    def _times(cls, v: list[str]) -> list[str]:
        return [_clock_time(x) for x in v]


class Telegram(_Strict):
    library: Literal["aiogram", "python-telegram-bot"] = "aiogram"
    api_base_url: str | None = None
    mode: Literal["polling", "webhook"] = "polling"
    webhook_url: str | None = None
    webhook_listen: str = "127.0.0.1"
    webhook_port: int = 8080
    webhook_path: str = "/telegram/webhook"
    max_text_length: int = Field(default=1000, gt=0)
    chat_burst: int = Field(default=3, ge=1, le=10)  # messages into one chat at once before its one-a-second pace
    urgent_send_seconds: float = Field(default=10, gt=0, le=60)  # an alert left unanswered: given up (outbox.HUNG)


class RedisCfg(_Strict):
    prefix: str = "nc:"
    data_dir: str = "var/redis"
    journal_dir: str = "var/outage"  # calls for help that came while Redis was away, until Redis has them
    sentinel_service: str = "mymaster"  # with REDIS_SENTINELS (REDIS_SENTINEL_SERVICE wins)
    wait_replicas: int | None = Field(default=None, ge=0)  # None: 1 with Sentinel, else 0 (no WAIT)
    replica_wait_ms: int = Field(default=500, gt=0)
    lock_seconds: float = Field(default=30, gt=0)  # how long a lock outlives a handler that hung or died holding it


class OpsCfg(_Strict):
    """/healthz, /readyz and /metrics for the load balancer and Prometheus; off unless a port is set."""
    listen: str = "127.0.0.1"
    port: int | None = None
    committee: str | None = None  # the metrics label; community.name when unset


class NluCfg(_Strict):
    backend: Literal["builtin", "rasa"] = "builtin"
    rasa_timeout_seconds: float = Field(default=2.0, gt=0)
    cache_dir: str = "var/nlu-cache"


class RegisterCfg(_Strict):
    seed_file: str | None = None


class ConsoleCfg(_Strict):
    """The staff web console (bot/desk): where it listens, and the HTTPS address Telegram opens."""

    enabled: bool = False
    listen: str = "127.0.0.1"
    port: int = Field(default=8090, gt=0, lt=65536)
    public_url: str | None = None


class Settings(_Strict):
    community: Community
    staff: list[Staff] = Field(min_length=1)
    roster: list[Shift] = []
    escalation: Escalation
    checkin: Checkin = Checkin()
    telegram: Telegram = Telegram()
    redis: RedisCfg = RedisCfg()
    nlu: NluCfg = NluCfg()
    residents: RegisterCfg = RegisterCfg()
    ops: OpsCfg = OpsCfg()
    console: ConsoleCfg = ConsoleCfg()
    locale: Literal["zh", "en"] = "zh"
    timezone: str = "Asia/Shanghai"
    base_dir: Path = Path(".")
    committees_dir: str | None = None  # one YAML per committee (bot/committees.py); None: this file is the one
    committee: str | None = None       # this committee's id (its file's stem) when there are several

    @model_validator(mode="after")
    def _roster_names_staff(self) -> "Settings":
        ids = {s.id for s in self.staff}
        for i, shift in enumerate(self.roster):
            for sid in shift.staff:
                if sid not in ids:
                    raise ValueError(f"roster.{i}.staff: unknown staff id {sid!r}")
        tg_ids = [s.telegram_id for s in self.staff if s.telegram_id is not None]
        if len(set(tg_ids)) != len(tg_ids):
            raise ValueError("staff: two staff members share a telegram_id")
        phones = [re.sub(r"\D", "", s.phone)[-11:] for s in self.staff]
        if len(set(phones)) != len(phones):
            raise ValueError("staff: two staff members share a phone number")
        return self

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        try:
            ZoneInfo(v)
        except Exception:
            raise ValueError(f"unknown time zone {v!r}") from None
        return v

    def path(self, rel: str) -> Path:
        p = Path(rel)
        return p if p.is_absolute() else self.base_dir / p


class Secrets(BaseModel):
    """Everything secret comes from the environment."""

    telegram_token: str | None = None
    webhook_secret: str | None = None
    redis_url: str | None = None
    redis_sentinels: str | None = None  # "host:port,host:port,..."
    redis_sentinel_service: str | None = None
    redis_password: str | None = None
    redis_sentinel_password: str | None = None
    rasa_url: str | None = None
    rasa_token: str | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Secrets":
        env = os.environ if env is None else env
        named = {"telegram_token": "TELEGRAM_BOT_TOKEN", "webhook_secret": "TELEGRAM_WEBHOOK_SECRET"}
        return cls(**{f: env.get(named.get(f, f.upper())) or None for f in cls.model_fields})

    def sentinels(self) -> list[tuple[str, int]]:
        """REDIS_SENTINELS ("host:port,host:port,...") as pairs; empty without it."""
        out = []
        for item in filter(None, (x.strip() for x in (self.redis_sentinels or "").split(","))):
            host, _, port = item.rpartition(":")
            out.append((host, int(port)) if host and port.isdigit() else (item, 26379))
        return out


def _describe(err: ValidationError, where: str = "") -> str:
    first = err.errors()[0]
    key = (".".join(str(p) for p in first["loc"]) or "(top level)").replace("from_", "from")
    return f"config error{where} at {key}: {first['msg'].removeprefix('Value error, ')}"


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without a BOM), else GB18030: what Notepad and Excel save on Chinese Windows."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
    return None


def load_settings(path: str | Path) -> Settings:
    path = Path(path)
    raw = read_mapping(path)
    raw.setdefault("base_dir", str(path.resolve().parent))
    return validate(raw)


def validate(raw: dict, where: str = "") -> Settings:
    """Settings from a mapping; a problem is one line naming the key (and `where`, e.g. " in committees/a.yaml")."""
    try:
        return Settings.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(_describe(e, where)) from None


def read_mapping(path: Path) -> dict:
    """A YAML file of settings as a mapping; anything else is one clear line."""
    try:
        text = decode_text(path.read_bytes())
    except FileNotFoundError:
        raise ConfigError(f"config error: file not found: {path}") from None
    except IsADirectoryError:
        raise ConfigError(f"config error: {path} is a directory; give the path of the config file") from None
    except OSError as e:
        raise ConfigError(f"config error: cannot read {path}: {e.strerror}") from None
    if text is None:
        raise ConfigError(f"config error: {path} is not text in UTF-8 or GBK; save it as UTF-8")
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"config error: {path} is not valid YAML{where}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"config error: {path} must be a mapping of settings")
    return raw
