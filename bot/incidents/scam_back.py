"""The scammer calls back ("他又打来了", "那个骗子又打电话来了") while her call about a scam is open — one under way
(help is coming) or one she told as over ("您没有上当，做得很好") — or was, in the last two days: a scam under way
again. Her call is raised (or renewed) as an emergency, staff read her words loudly on the same call, and she reads
the scam's lines again (don't pay, hang up, 110) — never the generic "open the door", never a note passed on, never
taken for a yes."""
from __future__ import annotations

import re

from ..flows.base import Ctx
from .advice import named_dangers
from .raising import open_call

# the caller again: "又打来了", "又打电话过来了", "又来电话了", "还在打", "一直打过来"
CALLED_BACK = re.compile(r"又(?:打|来|拨)(?:了)?(?:个|一个)?(?:电话)?(?:来|过来|进来|了)|又来(?:了)?电话|又打电话"
                         r"|再打(?:来|过来)|还在打|一直(?:在)?打|不停(?:地)?打|(?:called|calling|rang) (?:me )?again"
                         r"|called back|is back on the phone", re.I)
RECENT_SECONDS = 2 * 86400  # a scammer rings again within days, not months
# someone she knows calling again: no scammer ("我女儿又打电话来了")
KNOWN = re.compile(r"女儿|儿子|囡|孙|老伴|老头|老太|老公|老婆|爱人|社工|居委|医生|护工|保姆|妹妹|姐姐|哥哥|弟弟|亲戚|朋友"
                   r"|邻居|daughter|son\b|doctor|social worker", re.I)


def about_scam(inc: dict) -> bool:
    """A call about a scam: one told as over ("scam_told"), or words that named one under way."""
    return inc.get("category") == "scam_told" or "scam" in named_dangers(inc.get("words") or "")


async def rings_again(ctx: Ctx, text: str) -> bool:
    """Her words say the scammer called again while her scam call is open; the lines she reads are then the scam's,
    whatever her few words name (`ctx.me.extra["dangers"]`, read by advice.advice_for)."""
    if ctx.me.role != "resident" or not CALLED_BACK.search(text) or KNOWN.search(text):
        return False
    inc = await open_call(ctx.svc.store, ctx.me.resident_id)
    if not (inc and about_scam(inc) or await _lately(ctx)):
        return False
    ctx.me.extra["dangers"] = ("scam",)
    return True


async def _lately(ctx: Ctx) -> bool:
    """A call of hers about a scam, closed by now, made in the last RECENT_SECONDS (staff phoned her, and he rings
    again): among her last few closed calls (the open one is looked at by the caller)."""
    since = ctx.svc.clock.ts() - RECENT_SECONDS
    return any(inc.get("created", 0) >= since and about_scam(inc)
               for inc in await ctx.svc.store.last_closed_calls(ctx.me.resident_id))


async def called_back(ctx: Ctx, text: str) -> bool:
    """Words the model did not take for a cry ("那个骗子又打电话来了") at her conversation's step: raised, told (True)."""
    if not await rings_again(ctx, text):
        return False
    from .help_request import start_help  # (help_request reads the advice, which this module's readers share)

    await start_help(ctx, "emergency", words=text, source="text")
    return True
