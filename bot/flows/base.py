"""What a flow step gets: the event, who sent it, their conversation state, the services, and a way to reply."""
from __future__ import annotations

from dataclasses import dataclass, field

from nlu.pinyin_typed import as_typed

from ..services import Services
from ..types import Button, Identity, Inbound, MessageRef, Outbound


@dataclass
class Ctx:
    ev: Inbound
    me: Identity
    session: dict
    svc: Services
    replies: list[Outbound] = field(default_factory=list)
    cried: str = ""  # a cry for help the engine judged before this step ("group": made in a group chat)
    on_call: dict | None = None  # her open emergency, which her typed words go to before any feature's hook takes them

    def t(self, key: str, **kw) -> str:
        return self.svc.cat.t(key, self.me.locale, **kw)

    def as_typed(self, words: str) -> str:
        """Her words for staff: typed in pinyin ("shou dou"), the letters beside what was read ("手抖（shou dou）")."""
        return as_typed(words, self.ev.typed) if words and words.strip() == self.ev.text.strip() else words

    def say(self, text: str, *, buttons=(), keyboard=(), request=None, urgent: bool = False) -> None:
        self.replies.append(Outbound(self.ev.chat, text, buttons=tuple(tuple(r) for r in buttons),
                                     keyboard=tuple(tuple(r) for r in keyboard), request=request, urgent=urgent))

    def edit_pressed(self, text: str, buttons=()) -> None:
        """Replace the message whose button was pressed (so old buttons cannot be pressed twice)."""
        if self.ev.message_id:
            self.replies.append(Outbound(self.ev.chat, text, buttons=tuple(tuple(r) for r in buttons),
                                         edit=MessageRef(self.ev.chat, self.ev.message_id)))

    def button(self, key: str, data: str, **kw) -> Button:
        return Button(self.t(key, **kw), data)

    def goto(self, flow: str | None, step: str | None = None, **data) -> None:
        """Sets what the next message from this person answers."""
        if flow is None:
            self.session.clear()
        else:
            self.session.clear()
            self.session.update({"flow": flow, "step": step, **data})

    @property
    def step(self) -> tuple[str | None, str | None]:
        return self.session.get("flow"), self.session.get("step")
