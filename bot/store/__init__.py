"""The store: everything the bot keeps, in Redis, behind one `Store`. Each feature's storage is its own module
(its methods and the Lua scripts it needs); every key name is in `keys.py`, and only there.

  base.py        connection, key names, JSON values, locks, scripts, WAIT for replicas
  residents.py   who is who: the register (residents, phone and Telegram indexes, contacts, import audit), and
                 staff joined by phone, duty taken over
  cover.py       the one on duty asking colleagues to take it over: each ask, and its one taker
  sessions.py    conversation state, preferences, sign-ups waiting, register drafts
  incidents.py   an incident's record, timeline, alert messages (and edits of them owed); the atomic claim; every
                 send attempt
  closes.py      an incident closed once; each resident's last few closed calls
  surge.py       many calls at once: the calls made lately, the surge started or prolonged, each call marked once
  told.py      who was told how a call ended, per family chat (each told once)
  emergency.py   a 🆘 stored in one round trip (the fast lane), calls arriving together batched
  deadlines.py   timers that survive a restart; repeated calls and strangers' messages
  due.py         each committee's earliest deadline and check-in step, every committee's in one round trip
  checkins.py    daily check-ins: settings, queues, outcomes
  notices.py     notices, visit tasks, allowance-band news
  desk.py        the web console: sessions, register audit, many-at-once queries
  leases.py      several worker processes: the one poller of a bot (a lease), each update handled once
  tallies.py     residents' questions for staff; the desk's reports: check-ins and questions counted as they
                 happen, per quarter-hour
  pace.py        Telegram's send limits for the committee's token, shared by all its processes
"""
from __future__ import annotations

from .base import dumps, loads
from .checkins import GUESSED, CheckinsStore
from .closes import ClosesStore
from .cover import CoverStore
from .deadlines import DeadlinesStore
from .desk import DeskStore
from .due import Earliest, earliest_due
from .emergency import EmergencyStore, Opened, UpdateMark, folded_mark
from .incidents import IncidentsStore, SendLogStore
from .keys import Keys
from .leases import LeasesStore
from .notices import NoticesStore
from .pace import Pace, PaceStore
from .tallies import QuestionsStore
from .told import FamilyNewsStore
from .residents import ResidentsStore, StaffStore
from .sessions import SessionsStore
from .surge import SurgeStore

__all__ = ["GUESSED", "Earliest", "Keys", "Opened", "Pace", "Store", "UpdateMark", "dumps", "earliest_due", "folded_mark", "loads"]


class Store(ResidentsStore, SessionsStore, IncidentsStore, EmergencyStore, DeadlinesStore, StaffStore,
            QuestionsStore, SendLogStore, CheckinsStore, NoticesStore, DeskStore, LeasesStore, PaceStore,
            FamilyNewsStore, SurgeStore, CoverStore, ClosesStore):
    """Store(redis, prefix="nc:", *, wait_replicas=0, wait_ms=500, lock_seconds=30): every feature's storage on one
    connection."""
