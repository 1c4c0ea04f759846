"""What she reads of her open call's state when, with nothing asked, she says "谢谢", "好的" (no news: a short line,
nobody paged) or asks "你们什么时候到" (bot/incidents/said_after.py): nobody has it yet → "社工会联系您"; a staff member
holds it → that one, by name and phone, and "什么时候到" reaches them (📝 又说); arrived or phoned (📍 已到达/已联系) →
already there or in touch, never "会联系您" again. ✅ 已解决 tapped with its outcome still to pick changes nothing on
the call: she reads what its state says."""
from __future__ import annotations

import re

from .. import roster
from ..flows.base import Ctx
from ..flows.chat_words import core
from ..flows.menu import show_menu
from .help_request import join, tell_not_reached
from .packet import tappable

# no news: thanks or an ok, and nothing else
THANKS = re.compile(r"(谢谢|多谢|谢了|感谢|谢谢(你|您|侬)|thanks?( you)?)(了|啊|呀|哦)*", re.I)
OK = re.compile(r"((好的?|好吧|好嘞|嗯+|哦+|噢|行|ok|okay|收到|明白|晓得|知道|了解|懂|👍|👌)(了|啊|呀|哦)?)+", re.I)
# when will they come ("你们什么时候到", "还要多久", "社工到了吗"): she is waiting — staff read it, she reads who comes
WHEN = re.compile(r"什么时候(能|才能|会)?(到|来)|几时(到|来)|多久(能|才能|可以|会)?(到|来)|还要多久|还要等多久"
                  r"|(社工|人|你们)(到|来)了(吗|没|没有|伐)|\bwhen (will|are|is) (you|they|someone|somebody)\b", re.I)


async def no_news(ctx: Ctx, inc: dict, text: str) -> bool:
    """"谢谢", "好的" on her open call, or "什么时候到" on one someone holds, answered here; False: read as usual."""
    said = core(text)
    if WHEN.search(said) and (held := reply(ctx.svc, inc, "help.added"))[1]:
        await join(ctx, inc, text, reply=held[0], fill=held[1])
        return True
    if not (THANKS.fullmatch(said) or OK.fullmatch(said)):
        return False
    if inc.get("caller_unreached"):  # no staff member has it yet: the truth again, never "社工会联系您"
        tell_not_reached(ctx)
        return True
    key, fill = reply(ctx.svc, inc, "help.on_call_thanks" if THANKS.fullmatch(said) else "help.on_call_ok")
    show_menu(ctx, key, **fill)
    return True


def reply(svc, inc: dict, key: str) -> tuple[str, dict]:
    """`key` ("help.on_call_thanks", …) for the call's state — `_held` or `_there` after it when someone has it —
    and what fills it. A call cried on again since (`reopened`: "还没人来") is held, never "already there"."""
    there = inc["status"] == "arrived" and not inc.get("reopened")
    staff = roster.staff_by_id(svc.settings, inc.get("arrived_by" if there else "claimed_by") or None) \
        if inc["status"] in ("claimed", "arrived") else None
    if staff is None:  # nobody has it yet (or its holder is off the staff list): as before
        return key, {}
    return key + ("_there" if there else "_held"), {"who": staff.name, "staff_phone": tappable(staff.phone)}
