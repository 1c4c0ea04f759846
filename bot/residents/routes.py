"""What the register in chat answers (an Excel or CSV sent by staff, previewed, applied on ✅).

button        who     answered by
reg:ok|no     staff   register_chat.on_button (apply or drop the previewed draft)

command   /export: staff only → register_chat.export
input     a staff member's document → register_chat.on_file
"""
from __future__ import annotations

from bot.routes import STAFF, ButtonRoute, CommandRoute, InputRoute, Routes

from . import register_chat


def routes() -> Routes:
    return Routes(buttons=(ButtonRoute("reg", STAFF, register_chat.on_button),),
                  commands=(CommandRoute("export", register_chat.export),),
                  inputs=(InputRoute("file", register_chat.on_file),))
