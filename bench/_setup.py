"""What the limit-enforcing benchmarks (check-ins, notices) set up alike: their command line, quiet logs, and
the bot's settings with an empty register under their own key prefix."""
from __future__ import annotations

import argparse
import logging
from pathlib import Path

from bot.config import Settings, load_settings

ROOT = Path(__file__).resolve().parent.parent


def parse_args(doc: str, residents: int, seconds_help: str) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=doc.splitlines()[0])
    ap.add_argument("--residents", type=int, default=residents)
    ap.add_argument("--seconds", type=float, default=25.0, help=seconds_help)
    args = ap.parse_args()
    logging.basicConfig(level=logging.WARNING)
    logging.getLogger("aiogram").setLevel(logging.ERROR)
    return args


def settings_for(prefix: str) -> Settings:
    """config.yaml, with no sample register seeded and every key under `prefix`."""
    s = load_settings(ROOT / "config.yaml")
    return s.model_copy(update={"residents": s.residents.model_copy(update={"seed_file": None}),
                                "redis": s.redis.model_copy(update={"prefix": prefix})})
