"""Settings from config.yaml, validated once at start; a bad file names the key and what is wrong."""
from __future__ import annotations

import os
import re
from datetime import time
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
Audience = Literal["on_duty", "all_staff", "head", "family", "doctor"]


class ConfigError(Exception):
    """One clear line for the person starting the bot."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _clock_time(value: str) -> str:
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", str(value)):
        raise ValueError(f"expected a time like 09:00, got {value!r}")
    return str(value)


class Community(_Strict):
    name: str
    committee_phone: str
    address_prefix: str = ""


class Staff(_Strict):
    id: str
    name: str
    phone: str
    telegram_id: int
    role: Literal["member", "head"] = "member"


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

    @model_validator(mode="after")
    def _ordered(self) -> "Policy":
        delays = [lv.after_minutes for lv in self.levels]
        if delays != sorted(delays):
            raise ValueError("levels must be in order of after_minutes")
        return self


class Escalation(_Strict):
    emergency: Policy
    help: Policy
    checkin: Policy
    address_confirm_timeout_minutes: float = Field(default=3, gt=0)


class QuietHours(_Strict):
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


class RedisCfg(_Strict):
    prefix: str = "nc:"
    data_dir: str = "var/redis"


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
    console: ConsoleCfg = ConsoleCfg()
    locale: Literal["zh", "en"] = "zh"
    timezone: str = "Asia/Shanghai"
    base_dir: Path = Path(".")

    @model_validator(mode="after")
    def _roster_names_staff(self) -> "Settings":
        ids = {s.id for s in self.staff}
        for i, shift in enumerate(self.roster):
            for sid in shift.staff:
                if sid not in ids:
                    raise ValueError(f"roster.{i}.staff: unknown staff id {sid!r}")
        if len({s.telegram_id for s in self.staff}) != len(self.staff):
            raise ValueError("staff: two staff members share a telegram_id")
        return self

    @field_validator("timezone")
    @classmethod
    def _tz(cls, v: str) -> str:
        from zoneinfo import ZoneInfo

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
    rasa_url: str | None = None
    rasa_token: str | None = None

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> "Secrets":
        env = os.environ if env is None else env
        return cls(
            telegram_token=env.get("TELEGRAM_BOT_TOKEN") or None,
            webhook_secret=env.get("TELEGRAM_WEBHOOK_SECRET") or None,
            redis_url=env.get("REDIS_URL") or None,
            rasa_url=env.get("RASA_URL") or None,
            rasa_token=env.get("RASA_TOKEN") or None,
        )


def _describe(err: ValidationError) -> str:
    first = err.errors()[0]
    key = ".".join(str(p) for p in first["loc"]) or "(top level)"
    key = key.replace("from_", "from")
    msg = first["msg"].removeprefix("Value error, ")
    return f"config error at {key}: {msg}"


def load_settings(path: str | Path) -> Settings:
    path = Path(path)
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"config error: file not found: {path}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark else ""
        raise ConfigError(f"config error: {path} is not valid YAML{where}") from None
    if not isinstance(raw, dict):
        raise ConfigError(f"config error: {path} must be a mapping of settings")
    raw.setdefault("base_dir", str(path.resolve().parent))
    try:
        return Settings.model_validate(raw)
    except ValidationError as e:
        raise ConfigError(_describe(e)) from None
