"""What the flows may use: wired once by the composition root (bot/app.py).

Each feature is named here with its type; what it answers (buttons, commands, timers) is in its routes.py.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Awaitable, Callable

from .clock import Clock
from .config import Settings
from .i18n import Catalogue
from .outbox import Outbox
from .store import Store

if TYPE_CHECKING:
    from .checkins import Checkins

    from .incidents import Incidents, Outage
    from .incidents.reach import Reach
    from .incidents.repeats import Repeats
    from .notices.ageband import AgeBands
    from .notices.sending import Notices


@dataclass
class Services:
    settings: Settings
    store: Store
    outbox: Outbox
    clock: Clock
    cat: Catalogue
    nlu: Any = None          # nlu.NLU: parse / aparse
    kb: Any = None           # nlu.qa.KnowledgeBase: answer
    # the features, built by the composition root (None: not enabled in this process)
    incidents: Incidents | None = None
    repeats: Repeats | None = None          # repeated calls while one is open
    reach: Reach | None = None              # which staff the bot can reach
    outage: Outage | None = None            # calls that came while Redis was away: journaled, then stored
    checkins: Checkins | None = None
    notices: Notices | None = None
    agebands: AgeBands | None = None
    staff_config: Settings | None = None    # the staff list as configured (svc.settings lists the reachable)
    details_url: Callable[[int], str] | None = None  # the staff desk's page of an incident ("🗂 详情")
    # an unregistered person's cry naming a resident ("3号楼的张阿姨摔倒了"): her call (bot/incidents/reported.py)
    stranger_named: Callable[[Any, str], Awaitable[bool]] | None = None
    # their cry about nobody on the register: a call of its own; what they say after it (bot/incidents/stranger_call.py)
    stranger_cry: Callable[[Any, str], Awaitable[int]] | None = None
    stranger_said: Callable[[Any, str, bool], Awaitable[int | None]] | None = None
    stranger_linked: Callable[[int, dict], Awaitable[None]] | None = None  # signed up: their open call is theirs
    chat_commands: Callable[[int, str], Awaitable[None]] | None = None  # a staff chat's "/" menu in a language

    # staff chat -> the language she reads (her Telegram's, or /lang): alerts are made the moment a chat's turn comes,
    # so it is kept here, not read then (bot/staff_langs.py)
    staff_langs: dict[int, str] = field(default_factory=dict)
    staff_langs_seen: str = ""  # how many changes of them this process has read (bot/store/due.py says how many now)

    def staff_locale(self, chat: int | None = None) -> str:
        """The language staff chat `chat` reads: as she last wrote or chose; before she ever wrote, the config's for
        her; else the committee's."""
        configured = next((st.language for st in self.settings.staff if st.telegram_id == chat and chat), None)
        return self.staff_langs.get(chat) or configured or self.settings.locale
