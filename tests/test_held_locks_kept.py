"""Locks held across Telegram sends are kept (renewed) while their holder works, as a call's own lock is
(bot/store/kept_lock.py). A stranger's call is alerted under a lock (a group's cries, or those beyond the strangers'
cap, one at a time); a slow Telegram outlived it (15 s), its end was then an error, and the cry went the fault's way:
staff were paged a second time with "⚠️ 系统故障，未能记录！" about a call they already had, and the group (or the
stranger) read "系统暂时出了点问题" — a fault that was not there."""
import asyncio

from bot.incidents import stranger_call
from bot.testing.tools import Person, RecordingMessenger
from tests.test_group_cry import group_texts, in_group

SLOW = 1.5  # seconds a send to the slow chat takes (under telegram.urgent_send_seconds)
FAULT = "系统故障"


class SlowChats(RecordingMessenger):
    def __init__(self, slow: set[int]) -> None:
        super().__init__()
        self.slow = slow

    async def deliver(self, msg):
        if msg.chat_id in self.slow:
            await asyncio.sleep(SLOW)
        return await super().deliver(msg)


async def test_a_strangers_cry_in_a_group_while_telegram_is_slow_pages_staff_once(make_app, monkeypatch):
    monkeypatch.setattr(stranger_call, "LOCK_SECONDS", 1)  # (15 s in service: one slow round of sends outlives it)
    app = await make_app(messenger=SlowChats({1001}))
    stranger, li = Person(app, 777001, "路人甲"), Person(app, 1001, "李社工")
    await in_group(stranger, "救命啊 有人晕倒了")
    assert [t for t in li.texts() if "路人甲" in t and FAULT not in t]  # the call's packet
    assert [t for t in li.texts() if FAULT in t] == []
    assert not any("出了点问题" in t for t in group_texts(app))
    assert await app.svc.store.open_incident_ids() == [1]


async def test_a_strangers_cry_beyond_the_cap_while_telegram_is_slow_pages_staff_once(make_app, settings, monkeypatch):
    monkeypatch.setattr(stranger_call, "LOCK_SECONDS", 1)
    esc = settings.escalation.model_copy(update={"strangers_per_10_minutes": 0})  # every cry joins the summary call
    app = await make_app(messenger=SlowChats({1001}), settings_=settings.model_copy(update={"escalation": esc}))
    stranger, li = Person(app, 777002, "路人乙"), Person(app, 1001, "李社工")
    await stranger.send("救命啊 有人晕倒了")
    assert [t for t in li.texts() if "路人乙" in t and FAULT not in t]
    assert [t for t in li.texts() if FAULT in t] == []
    assert not any("出了点问题" in t for t in stranger.texts())
    assert await app.svc.store.open_incident_ids() == [1]
