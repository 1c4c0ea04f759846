"""What the flows may use: wired once by the composition root (bot/app.py)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .clock import Clock
from .config import Settings
from .i18n import Catalogue
from .outbox import Outbox
from .store import Store


@dataclass
class Services:
    settings: Settings
    store: Store
    outbox: Outbox
    clock: Clock
    cat: Catalogue
    nlu: Any = None          # nlu.NLU: parse / aparse
    kb: Any = None           # nlu.qa.KnowledgeBase: answer
    extra: dict = field(default_factory=dict)

    def staff_locale(self) -> str:
        return self.settings.locale
