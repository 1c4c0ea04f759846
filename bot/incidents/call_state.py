"""Which line she reads when her words reach her open call: true to its state. Nobody has it yet → "值班社工" /
"社工会联系您" (`UNHELD`); a staff member holds it → that one, by name and phone, when the line names them; arrived
or phoned (📍 已到达/已联系) → already there or in touch, never "会联系您" again. ✅ 已解决 tapped with its outcome still
to pick changes nothing on the call: she reads what its state says. Who asks: `join` (help_request.py) for every
reply to her words on the call, "谢谢" / "什么时候到" (said_after.py), "按钮不见了" (bot/flows/menu_on_call.py), and
`again` for her cry again on it (`reminded`).
"""
from __future__ import annotations

from .. import roster
from .packet import tappable

# the line for a call nobody has claimed yet: her words went to the staff on duty, not to "the one handling it"
UNHELD = {"help.added": "help.added_unheld", "help.already_alerted": "help.already_alerted_unheld"}


def holder(svc, inc: dict) -> tuple[object | None, bool]:
    """The staff member who has her call (None: nobody, or one off the staff list) and whether they are there or in
    touch already (📍). A call cried on again since (`reopened`: "还没人来") is held, never "already there"."""
    if not inc.get("claimed_by") or inc["status"] not in ("claimed", "arrived"):
        return None, False
    there = inc["status"] == "arrived" and not inc.get("reopened")
    return roster.staff_by_id(svc.settings, inc.get("arrived_by" if there else "claimed_by") or None), there


def reply(svc, inc: dict, key: str, *, named: bool = True) -> tuple[str, dict]:
    """`key` ("help.added", "help.on_call_thanks", …) for the call's state and what fills it: nobody has claimed it →
    its `UNHELD` line; someone has and the line names them (`named`) → `_held` or `_there` after it."""
    if not inc.get("claimed_by"):
        return UNHELD.get(key, key), {}
    staff, there = holder(svc, inc) if named else (None, False)
    if staff is None:  # its holder is off the staff list, or the line names nobody: as is
        return key, {}
    return key + ("_there" if there else "_held"), {"who": staff.name, "staff_phone": tappable(staff.phone)}


async def reminded(svc, n: int) -> str:
    """The line for her cry again on her open emergency (or his family's): "我又提醒了他们一次" — "正在处理" only once
    someone holds it; before, the staff on duty have it."""
    return reply(svc, await svc.store.incident(n) or {}, "help.already_alerted", named=False)[0]
