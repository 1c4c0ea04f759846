"""What each feature answers, declared as one table (in the spirit of aiogram's routers and filters).

A feature's `routes.py` returns a `Routes`: its buttons (callback-data prefix, who may press, handler), staff
commands, timers (deadline-key prefix → handler), staff inputs (a document, or the next message of a flow it
owns), typed steps, sign-of-life hooks, scheduled jobs and closers. The composition root (bot/app.py) merges
the features' tables into one; the engine dispatches from it. A prefix, command or timer claimed twice is a
wiring error at start, not a silent override.

A button's data is "<prefix>:<arg>:<arg>…". With a `shape` (one entry per argument: `int`, `str`, or the tuple
of words allowed there) the handler gets (ctx, *the arguments, converted); data of another shape is refused.
Without one it gets (ctx, [the arguments]) and returns False for data it does not know. Either way a stale or
forged button gets the kind refusal. A command's handler gets (ctx, the text after the command).
"""
from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import TYPE_CHECKING, Any, Awaitable, Callable, Iterable

if TYPE_CHECKING:
    from .flows.base import Ctx
    from .types import Inbound

ROLES = frozenset({"staff", "resident", "contact", "stranger"})
STAFF = frozenset({"staff"})
RESIDENT = frozenset({"resident"})


@dataclass(frozen=True)
class ButtonRoute:
    prefix: str
    roles: frozenset[str]
    handler: Callable[..., Awaitable[bool | None]]
    shape: tuple | None = None

    def arguments(self, args: list[str]) -> list | None:
        """What the handler is called with after ctx; None: not data this button sends (ValueError: a forged number)."""
        if self.shape is None:
            return [args]
        if len(args) != len(self.shape):
            return None
        out: list = []
        for arg, kind in zip(args, self.shape):
            if kind is int or kind is str:
                out.append(kind(arg))
            elif arg in kind:
                out.append(arg)
            else:
                return None
        return out


@dataclass(frozen=True)
class CommandRoute:
    """A staff command (also reached from the staff menu's big buttons, "menu.<name>")."""

    name: str
    handler: Callable[[Ctx, str], Awaitable[None]]
    roles: frozenset[str] = STAFF


@dataclass(frozen=True)
class TimerRoute:
    """Deadlines whose key starts with `kind` ("esc" for "esc:42:1"); the handler returns True when finished."""

    kind: str
    handler: Callable[[str], Awaitable[bool]]
    catch_up: bool = False  # owed work that may be slow (packets after a digest): after its subject's alerts


@dataclass(frozen=True)
class InputRoute:
    """A staff member's next message taken by a feature: `key` is "file" (any document) or the name of the
    flow they are in (its text or photo)."""

    key: str
    handler: Callable[[Ctx], Awaitable[None]]


@dataclass(frozen=True)
class StepRoute:
    """A staff member's typed answer to the question a step (flow, step) asked."""

    flow: str
    step: str
    handler: Callable[[Ctx, str], Awaitable[None]]


@dataclass
class Routes:
    buttons: tuple[ButtonRoute, ...] = ()
    commands: tuple[CommandRoute, ...] = ()
    timers: tuple[TimerRoute, ...] = ()
    inputs: tuple[InputRoute, ...] = ()
    steps: tuple[StepRoute, ...] = ()
    # a resident's every event: a sign of life (her typed words on her open 🆘, `ctx.on_call`, are the call's: no hook's)
    activity: tuple[Callable[[Ctx], Awaitable[bool | None]], ...] = ()
    member: tuple[Callable[[Any, Inbound], Awaitable[None]], ...] = ()  # (services, event): a chat blocked/unblocked
    jobs: tuple[dict[str, Any], ...] = ()  # APScheduler add_job keyword arguments
    closers: tuple[Callable[[], Awaitable[None]], ...] = ()
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._index = {
            "button": _unique("button prefix", ((b.prefix, b) for b in self.buttons)),
            "command": _unique("command", ((c.name, c) for c in self.commands)),
            "timer": _unique("timer", ((t.kind, t) for t in self.timers)),
            "input": _unique("staff input", ((i.key, i) for i in self.inputs)),
            "step": _unique("step", (((s.flow, s.step), s) for s in self.steps)),
        }
        for b in self.buttons:
            if not b.roles or not b.roles <= ROLES:
                raise ValueError(f"button {b.prefix!r}: roles must be some of {sorted(ROLES)}")

    @classmethod
    def merge(cls, *tables: Routes) -> Routes:
        return cls(**{f.name: tuple(x for t in tables for x in getattr(t, f.name))
                      for f in fields(cls) if f.init})

    async def on_member(self, svc: Any, ev: Inbound) -> list:
        """A private chat blocked or taken back: each feature's hook; nothing to reply (the chat may be blocked)."""
        for hook in self.member:
            await hook(svc, ev)
        return []

    def button(self, prefix: str) -> ButtonRoute | None:
        return self._index["button"].get(prefix)

    def command(self, name: str) -> CommandRoute | None:
        return self._index["command"].get(name)

    def timer(self, kind: str) -> TimerRoute | None:
        return self._index["timer"].get(kind)

    def staff_input(self, key: str | None) -> InputRoute | None:
        return self._index["input"].get(key)

    def step(self, flow: str | None, step: str | None) -> StepRoute | None:
        return self._index["step"].get((flow, step))


def _unique(what: str, items: Iterable[tuple[Any, Any]]) -> dict:
    out: dict = {}
    for key, item in items:
        if key in out:
            raise ValueError(f"{what} {key!r} is claimed twice")
        out[key] = item
    return out
