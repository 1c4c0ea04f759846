"""Staff on leave ("我今天请假", her duty taken by a colleague: shift_handoff.py) are told by 🕒 值班 that they get no
calls. A round for everyone (all staff, the head, a surge) therefore passes them over — at a wedding, a page at the
third round is noise — while someone not on leave in that round can be reached. When nobody else can (all blocked
the bot, or on leave too), someone must still hear: she is paged, and her packet's first line says why."""
from __future__ import annotations

from .. import roster

WIDE = ("on_duty", "all_staff", "head")  # audiences chosen by the roster (never the claimer: hers is hers)


def leave_ids(overrides: dict[str, float], ts: float) -> set[str]:
    """Staff ids on leave now (not those a /duty take relieved: they are only off duty)."""
    return {sid for sid, why in roster.away(overrides, ts).items() if why == "leave"}


def passed_over(staff: dict[int, str], chosen: set[int], on_leave: set[str], unreachable: set[str]) -> set[int]:
    """Of the `staff` chats (chat → staff id) a round is for, those on leave it leaves out: all of them among the
    roster's `chosen`, while another of its staff chats is neither on leave nor known unreachable; else none."""
    leave = {chat for chat, sid in staff.items() if sid in on_leave and chat in chosen}
    heard = [chat for chat, sid in staff.items() if chat not in leave and sid not in unreachable]
    return leave if heard else set()


def paged(staff: dict[int, str], chosen: set[int], on_leave: set[str]) -> list[int]:
    """The chats on leave a round still pages (nobody else could hear it): their packet says why."""
    return sorted(chat for chat, sid in staff.items() if sid in on_leave and chat in chosen)


def line(svc, inc: dict, viewer: int | None, loc: str) -> str:
    """The packet's first line for a staff member on leave it was sent to, else ""."""
    return svc.cat.t("alert.on_leave_paged", loc) if viewer in (inc.get("leave_paged") or ()) else ""


def surge_line(svc, paged_chats: list[int], chat: int, loc: str) -> str:
    """The surge's line for a staff member on leave it still pages (nobody else could hear it), else ""."""
    return svc.cat.t("alert.on_leave_surge", loc) if chat in paged_chats else ""
