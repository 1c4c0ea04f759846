"""Incidents: a call for help from creation to close. Record first, then act; every step on the timeline.

This package owns
- the incident's life: open, claim, arrive, resolve, hand over, close (`lifecycle.py`), its deadlines
  (`deadlines.py`), and how it ended, told to the family told of it whatever closed it, owed in Redis until it
  went (`closed.py`);
- delivery, built for speed: the fast lane of a 🆘 (`fastlane.py`), alert rounds and digests (`rounds.py`), the full
  packets owed after a digest (`owed.py`), packet edits Telegram failed to make, made again (`edits_owed.py`), who
  hears and how a round is recorded (`alerting.py`), the responder packet (`packet.py`), repeated calls
  (`repeats.py`), a resident's one open call — joined, raised or added to, never a second one beside it, even when
  two come at once or a contact names the resident later (`raising.py`), whether each staff member can be reached
  (`reach.py`); calls that came while Redis was away, journaled by the fallback and stored once it is back
  (`outage.py`), what their callers typed after (`outage_words.py`), and the one message their callers then get
  (`recovery.py`); a live location's moves, paced, to the staff holding the call (`live.py`); many calls at once in
  the committee, told to every staff member and the head at once (`surge.py`);
- the conversations around an incident: the resident's call (`help_request.py`, `urgency.py`), a family
  member's (`family.py`), a staff member's own (`colleague.py`), an unregistered person's (`stranger_call.py`), a voice or photo sent in a group
  (`group_media.py`), staff's actions on alerts (`staff.py`), a staff member's voice or photo from the scene
  (`staff_media.py`); a resident's own chat refusing us while her call is open, told to its staff once
  (`own_chat.py`);
- its buttons, commands and timers, and who may press what: `routes.py`.
"""
from __future__ import annotations

import asyncio
from collections import Counter

from ..services import Services
from .alerting import Alerting
from .closed import ClosedNews
from .colleague import ColleagueCalls, on_cry as colleague_cry
from .deadlines import Deadlines
from .edits_owed import EditsOwed
from .fastlane import FastLane
from .help_request import start_help
from .lifecycle import Lifecycle
from .live import LiveLocation
from .outage import Outage, journal_folder, replaying
from .outage_words import said_after_cry
from .outcome_ask import shown as outcome_shown
from . import own_chat
from .owed import OwedPackets
from .raising import Raising, open_call
from .notes_owed import NotesOwed
from .reached_late import ReachedLate
from .retries import Retries
from .held_calls import lost as holder_lost
from .packet import DETAIL_CHARS, NOTES_CHARS, WORDS_CHARS, called_name, render as render_packet, tappable
from .rounds import Rounds, _Call
from .staff import OUTCOMES
from .surge import Surges


class Incidents(Lifecycle, Deadlines, FastLane, Rounds, OwedPackets, Alerting, LiveLocation, Raising, ColleagueCalls,
                ClosedNews, Surges, Retries, ReachedLate, NotesOwed, EditsOwed):
    """Every incident of this process: one object, its parts in the modules above."""

    def __init__(self, svc: Services) -> None:
        self.svc = svc
        self.store = svc.store
        self._opened: dict[int, tuple[dict, dict]] = {}  # just stored, not yet alerted: saves re-reading them
        self._sending: set[asyncio.Task] = set()  # alert work running in the background (held until done)
        self._round: list[_Call] = []  # fast-lane calls of this moment, alerted together
        self._boxes: dict = {}  # per staff chat, the alerts waiting for its turn, to leave together (rounds.py)
        self._round_ends = lambda: None
        self._later_round: list[_Call] = []  # escalations of this moment, alerted together
        self._later_flush: asyncio.TimerHandle | None = None
        self._later_since = 0.0
        self._paying: Counter = Counter()  # incidents whose owed packets this process is sending (owed.py)
        self._surge_new: set[int] = set()  # calls alerted since the last look for a surge (surge.py)
        self._surge_looking: asyncio.Task | None = None

    async def chat_lost(self, inc: dict, person: dict) -> None:
        """Her own chat refuses us on her open call `inc`: its staff are asked to phone her, once (own_chat.py)."""
        await own_chat.tell(self.svc, inc, person)


__all__ = ["DETAIL_CHARS", "NOTES_CHARS", "OUTCOMES", "WORDS_CHARS", "Incidents", "Outage", "called_name",
           "colleague_cry", "holder_lost", "journal_folder", "outcome_shown", "render_packet", "replaying",
           "open_call", "said_after_cry", "start_help", "tappable"]
