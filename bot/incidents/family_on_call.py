"""A family contact's words while the call about the one resident she looks out for is open: to the staff on it.

"他在5号楼101" a moment after "我爸摔倒了起不来" was read as nothing the bot knew ("没太明白", a button to tap) and no
one on the call heard it. Now a door in her words reaches the staff on his call and is shown beside the register,
named as hers (never as his own confirmation); so is a door said in the cry itself ("我爸摔倒了 在5号楼101"); and
any other words the bot cannot place reach the call too, never "没太明白" while someone may be on the way.
"""
from __future__ import annotations

from ..flows.base import Ctx
from ..flows.menu import show_menu
from . import family  # each imports the other: family reads the words, this module passes them on
from .address_steps import door_in
from .facts_told import beside_register
from .family_calm import where_only
from .raising import open_call


async def _his_open_call(ctx: Ctx) -> dict | None:
    _, people = await family.linked_people(ctx)
    return await open_call(ctx.svc.store, people[0]["id"]) if len(people) == 1 else None


async def door_on_call(ctx: Ctx, text: str) -> bool:
    """A door in her words while his call is open: on it, to its staff, beside the register as hers."""
    if not door_in(text) or await _his_open_call(ctx) is None:
        return False
    if n := await family.request(ctx, text):
        await beside_register(ctx, n, text)
    return True


async def words_on_call(ctx: Ctx, text: str) -> bool:
    """Words the bot cannot place while his call is open: the staff on it read them (instead of "没太明白")."""
    if await _his_open_call(ctx) is None:
        return False
    await family.request(ctx, text)
    return True


async def small_talk(ctx: Ctx, text: str, key: str, fine: bool) -> None:
    """Greetings, thanks: `key`'s kind word. That he is fine ("我已经到我爸家了 他没事", "我刚给他打过电话 他挺好的") while
    his call is open (a missed check-in's visit, a cry) is news its staff want: they read it, and still decide."""
    if fine and await _his_open_call(ctx) is not None:
        await family.request(ctx, text, noted="family.fine_noted")
    else:
        show_menu(ctx, key)


async def where_told(ctx: Ctx, text: str) -> bool:
    """"我爸在厨房", "我妈在家呢": where he is, and nothing else — on his open call its staff read it; else a kind
    word, no 🆘 (the model leant to a cry, 0.6: most of what it learnt a daughter say of "我爸…" was one)."""
    if not where_only(text):
        return False
    if not await words_on_call(ctx, text):
        show_menu(ctx, "family.where_noted")
    return True


async def door_in_cry(ctx: Ctx, n: int, words: str) -> None:
    """"我爸摔倒了 在5号楼101": the door she said, beside the register on the call's packet, as hers."""
    if door_in(words):
        await beside_register(ctx, n, words)
