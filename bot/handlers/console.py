"""The local console: chat with the very same flows as any resident or staff member, no Telegram needed.

Type text to send it; a number presses that button; /as NAME switches person. Reads stdin, writes stdout.
"""
from __future__ import annotations

import asyncio
import sys
from dataclasses import dataclass, field

from .. import roster
from ..types import Inbound, Outbound, SendResult

CONSOLE_ID_BASE = 700_000_000
HELP = """命令 / commands:
  /as 名字        以某位居民或工作人员的身份说话 (act as a resident or staff member)
  /as 值班        以现在值班的工作人员说话 (act as the staff member on duty now)
  /who           列出可以扮演的人，谁在值班 (list people, and who is on duty)
  数字 N          按第 N 个按钮 (press button N)
  /contact       发送自己的手机号 (share own phone)   /contact 号码  发送别人的名片
  /location 纬度 经度   /voice   /photo   /sticker   /file
  /tick          立即处理到期的升级 (run due escalations now)
  /quit          退出 (exit)"""


@dataclass
class Shown:
    chat: int
    text: str
    choices: list[tuple[str, str, str]] = field(default_factory=list)  # (label, kind, payload)


class ConsoleMessenger:
    def __init__(self, write=None) -> None:
        self.write = write or (lambda s: print(s, flush=True))
        self.names: dict[int, str] = {}
        self.next_id = 1
        self.messages: dict[int, Shown] = {}
        self.last_choices: dict[int, list[tuple[str, str, str, int]]] = {}

    async def deliver(self, msg: Outbound) -> SendResult:
        who = self.names.get(msg.chat_id, str(msg.chat_id))
        if msg.forward:
            self.write(f"  ↪ [{who}] 收到转发的消息 (forwarded message #{msg.forward.message_id})")
            return SendResult(True, self._new_id())
        choices = [(b.label, "button", b.data) for row in msg.buttons for b in row
                   if not (b.web_app or b.url)]
        choices += [(label, "request" if msg.request and i == 0 else "text", msg.request or "")
                    for i, label in enumerate(lbl for row in msg.keyboard for lbl in row)]
        if msg.edit:
            self.messages[msg.edit.message_id] = Shown(msg.chat_id, msg.text, choices)
            mid, head = msg.edit.message_id, f"✏️ [{who}] (更新 edited #{msg.edit.message_id})"
        else:
            mid, head = self._new_id(), f"💬 [{who}]"
            self.messages[mid] = Shown(msg.chat_id, msg.text, choices)
        if choices:
            self.last_choices[msg.chat_id] = [(*c, mid) for c in choices]
        lines = [head] + ["   " + line for line in msg.text.splitlines()]
        if choices:
            lines.append("   " + "   ".join(f"[{i}] {c[0]}" for i, c in enumerate(choices, 1)))
        self.write("\n".join(lines))
        return SendResult(True, mid)

    def _new_id(self) -> int:
        self.next_id += 1
        return self.next_id


class Console:
    def __init__(self, app, messenger: ConsoleMessenger, lines=None, notes: tuple[str, ...] = ()) -> None:
        self.app = app
        self.notes = notes  # more lines for the banner (the staff desk's sign-in link)
        self.m = messenger
        self.lines = lines
        self.current: tuple[int, str] | None = None  # (user id, name)
        self.msg_seq = 10_000

    async def people(self) -> list[tuple[str, int, str]]:
        s = self.app.settings
        staff = [(st.name, st.telegram_id, "staff") for st in s.staff]
        residents = []
        for p in await self.app.svc.store.residents():
            residents.append((p["name"], p.get("tg_id") or CONSOLE_ID_BASE + int(p["id"].lstrip("r")), "resident"))
        return residents + staff

    async def on_duty(self) -> list[str]:
        """Who the alerts go to right now (the roster, or whoever took the duty over)."""
        svc = self.app.svc
        return [st.name for st in roster.on_duty(svc.settings, svc.clock.now(), await svc.store.duty_overrides())]

    async def act_as(self, name: str) -> bool:
        if name.strip() in ("值班", "on-duty"):
            name = (await self.on_duty())[0]
        for pname, uid, role in await self.people():
            if pname == name.strip():
                self.current = (uid, pname)
                self.m.names[uid] = pname
                if role == "resident":
                    store = self.app.svc.store
                    person = next(p for p in await store.residents() if p["name"] == pname)
                    if not person.get("tg_id"):  # in the console, acting as someone links them
                        person["tg_id"] = uid
                        await store.save_resident(person)
                self.m.write(f"—— 现在您是 {pname} (now acting as {pname}) ——")
                return True
        self.m.write(f"没有找到 {name}。/who 可以列出所有人。")
        return False

    async def send(self, **kw) -> None:
        uid, name = self.current
        self.msg_seq += 1
        kw.setdefault("message_id", self.msg_seq)
        await self.app.engine.handle(Inbound(user_id=uid, chat_id=uid, first_name=name, language="zh-hans", **kw))

    async def line(self, raw: str) -> bool:
        text = raw.strip()
        if not text:
            return True
        cmd, _, arg = text.partition(" ")
        if cmd in ("/quit", "/exit"):
            return False
        if cmd == "/as":
            await self.act_as(arg)
        elif cmd == "/who":
            duty = await self.on_duty()
            for pname, _, role in await self.people():
                what = "居民 resident" if role == "resident" else "工作人员 staff"
                self.m.write(f"  {pname} ({what}{' · 🕒 值班 on duty' if pname in duty else ''})")
        elif cmd in ("/help", "?"):
            self.m.write(HELP)
        elif cmd == "/tick":
            await self.app.engine.tick()
        elif self.current is None:
            self.m.write("请先用 /as 名字 选择一个人。")
        elif text.isdigit():
            await self.press(int(text))
        elif cmd == "/contact":
            phone = arg.strip() or await self._own_phone()
            await self.send(kind="contact", contact_phone=phone,
                            contact_user_id=None if arg.strip() else self.current[0])
        elif cmd == "/location":
            lat, _, lon = arg.partition(" ")
            await self.send(kind="location", latitude=float(lat or 31.2), longitude=float(lon or 121.44))
        elif cmd in ("/voice", "/photo", "/sticker", "/file"):
            await self.send(kind=cmd[1:])
        elif cmd.startswith("/"):
            await self.send(kind="command", text=text)
        else:
            await self.send(kind="text", text=text)
        return True

    async def _own_phone(self) -> str:
        uid, name = self.current
        for st in self.app.settings.staff:
            if st.telegram_id == uid:
                return st.phone
        person = next((p for p in await self.app.svc.store.residents() if p["name"] == name), None)
        return person["phone"] if person else ""

    async def press(self, number: int) -> None:
        uid, _ = self.current
        choices = self.m.last_choices.get(uid, [])
        if not 1 <= number <= len(choices):
            self.m.write("没有这个按钮编号。")
            return
        label, kind, payload, mid = choices[number - 1]
        if kind == "button":
            await self.send(kind="button", data=payload, message_id=mid, callback_id=str(mid))
        elif kind == "request" and payload == "contact":
            await self.send(kind="contact", contact_phone=await self._own_phone(), contact_user_id=uid)
        elif kind == "request" and payload == "location":
            await self.send(kind="location", latitude=31.2064, longitude=121.4452)
        else:
            await self.send(kind="text", text=label)

    async def run(self) -> None:
        duty = "、".join(await self.on_duty())
        self.m.write(f"{self.app.settings.community.name} — 本地控制台 (local console)\n{HELP}\n"
                     f"{self.app.svc.cat.t('staff.duty_now', names=duty)} (on duty now: alerts go to them, /as 值班)")
        for note in self.notes:
            self.m.write(note)
        everyone = await self.people()
        self.m.names.update({uid: name for name, uid, _ in everyone})
        residents = [p for p in everyone if p[2] == "resident"]
        if residents:
            await self.act_as(residents[0][0])
            await self.send(kind="command", text="/start")
        loop = asyncio.get_running_loop()
        while True:
            raw = await loop.run_in_executor(None, sys.stdin.readline) if self.lines is None else next(self.lines, "")
            if raw == "":
                break
            self.m.write(f"» {raw.rstrip()}")
            if not await self.line(raw):
                break
