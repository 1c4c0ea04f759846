"""A 🆘 whose round trip to Redis broke (a time-out, a dropped connection) may have been stored all the same: a Redis
that hung with the command already in its socket runs it once it runs again, and stores the call with its first
alert's lock, held for a process that took the fallback meanwhile and sends nothing more. The lock's token goes with
the cry into the outage journal (bot/fallback.py), and its replay uses it again: the store knows that call as this
one (bot/store/emergency.py), and its first alert goes out then, once — not as a repeat of her cry told to nobody,
with its packet left to the safety net ("first:n") once the lock had lapsed, 10 s later. So for any call stored in
one round trip: a family member's cry or a request (its token a field of the call, the store's "unless open" step
knows it: bot/store/incidents.py), a stranger's (its replay finds the open call with its token: lifecycle.py) and a
staff member's own cry (colleague.py, likewise), never joined to itself as a repeat told to nobody, nor made a second
call."""
from __future__ import annotations

import uuid
from contextvars import ContextVar


# the token of the 🆘 whose round trip broke in the handling of this event
_UNANSWERED: ContextVar[str | None] = ContextVar("sos_unanswered", default=None)


def sos_token() -> str:
    """The first alert's lock token for a 🆘's round trip (or a family member's cry's, a request's: the call's own
    token, raising.py): a journaled call's own when it is replayed, else new."""
    _UNANSWERED.set(None)
    return (_replaying() or {}).get("token") or uuid.uuid4().hex


def call_token() -> tuple[str, bool]:
    """A call's token for its storing round trip (a family member's cry, a request, a stranger's: raising.py,
    lifecycle.py), and whether it is a replayed call's own — used once: another call its replay opens is new."""
    late, token = _replaying() or {}, sos_token()
    replayed = late.get("token") == token
    if replayed:
        late["token"] = None
    return token, replayed


def replayed_token() -> str | None:
    """The token of the journaled call being replayed, if it has one (not used up: `call_token` does that)."""
    return (_replaying() or {}).get("token")


def unanswered(token: str) -> None:
    """The round trip of the 🆘 with this token broke: Redis may have stored it."""
    _UNANSWERED.set(token)


def taken() -> str | None:
    """The token of the 🆘 whose round trip broke in this event's handling, once (for its journal entry)."""
    token = _UNANSWERED.get()
    _UNANSWERED.set(None)
    return token


def _replaying() -> dict | None:
    from .outage import replaying  # (outage.py is read through raising.py, which reads this module)

    return replaying()
