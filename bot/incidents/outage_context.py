"""Words that are a call for help only in what came before, typed while Redis (which keeps what came before) is away.

"还没人来啊" after his emergency was closed (not_came.py), "他又打来了" after her scam call (scam_back.py), "我进不去家门了"
or "停电了" at night (night_pace.py), an ailment the model only suspects of an emergency ("我爸说他肚子胀": family_unsure.py; a
resident's is an emergency asked about): with Redis they reach a person, without it the fallback saw no danger word
and they were lost. The fallback now takes them as a cry (staff alerted at once, 120 and the committee's phone); its
journal marks them `context`, so once Redis is back they are read as if just typed, in what came before — a new
emergency, a raised scam call, a night lock-out at the stuck pace — never simply made an emergency. A staff member's
words, and a group's, are never taken so: nothing of theirs depends on a call of their own."""
from __future__ import annotations

import asyncio

from ..flows.life_told import mishap
from ..flows.understanding import understand
from .family_unsure import unsure
from .night_pace import IN_THE_DARK, night_category
from .not_came import NOBODY_CAME
from .scam_back import CALLED_BACK, KNOWN

READ_SECONDS = 0.5  # the model (a Rasa server, maybe) has this long; the fallback's reply does not wait longer


async def cry_in_context(svc, text: str) -> bool:
    """Whether these words (a resident's or family's, in private) would reach a person in their context."""
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return False
    if NOBODY_CAME.search(text) or CALLED_BACK.search(text) and not KNOWN.search(text):
        return True
    if mishap(text) == "locked_out" and night_category(svc, "locked_out") != "locked_out" \
            or night_category(svc, "other", text) == IN_THE_DARK:  # shut out, or in the dark, at night
        return True
    try:
        async with asyncio.timeout(READ_SECONDS):
            return unsure(text, await understand(svc, text))
    except TimeoutError:
        return False


ASKS_STAFF = ("request_help", "contact_staff", "feeling_unwell")  # with Redis up, each a request to staff at once


async def asks_staff(svc, text: str) -> bool:
    """Whether these words (a resident's or family's, in private, no cry) ask the committee for something: "帮我买点菜",
    "能不能请社工给我回个电话", "我被锁在门外了" by day. With Redis each is a request to staff; without it the fallback
    tells every staff member at once (a line, not an alert), and once Redis is back the replay stores the request."""
    text = (text or "").strip()
    if not text or text.startswith("/"):
        return False
    if mishap(text):
        return True
    try:
        async with asyncio.timeout(READ_SECONDS):
            return (await understand(svc, text))["intent"]["name"] in ASKS_STAFF
    except TimeoutError:
        return False
