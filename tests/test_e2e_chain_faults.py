"""Each link of an unclaimed 🆘's chain failing the way Telegram really fails, through the real clients.

王老伯 presses 🆘 on a Monday at 10:00 and nobody takes it. His call reaches 李社工 (on duty) at once, 王社工 and
陈书记 (the head) at 3 minutes, his daughter 王丽 and his family doctor 赵医生 at 8; he reads "已通知值班社工" with 120
and the committee's phone. Here one of those chats fails for good: the person blocked the bot (403), Telegram
refuses the message (400 "message is too long", "can't parse entities"), or holds the chat for an hour (429,
retry_after 3600). For each: everyone after it still hears of the call at the planned time, the one who was not
reached is shown as such where staff read the call (/incident), and 王老伯 still reads 120 and the committee's phone.

A 429 of an hour on one chat held its alert in the outbox, which waited retry_after before each of its tries: the
round was never written down and the call's lock was held, so 王社工 and the head, or the family, heard nothing at
the planned time. An urgent message Telegram holds longer than a few seconds now fails at once (bot/outbox.py).
王老伯's own chat failing for good (he blocked or deleted it): tests/test_own_chat_lost.py.
"""
from __future__ import annotations

import pytest
from conftest import LIBRARIES, running_telegram
from test_e2e_family import signed_up_daughter

from bot.testing.botapi_format import APIError

COMMITTEE = "021-64370000"
CHAIN = [  # who, when (minutes after the cry) they first hear of it
    ("李社工", 0), ("王社工", 3), ("陈书记", 3), ("王丽", 8), ("赵医生", 8)]
FAULTS = {
    "blocked": APIError(403, "Forbidden: bot was blocked by the user"),
    "too long": APIError(400, "Bad Request: message is too long"),
    "entities": APIError(400, "Bad Request: can't parse entities: Can't find end of the entity starting at byte "
                              "offset 12"),
    "held an hour": APIError(429, "Too Many Requests: retry after 3600", retry_after=3600),
}
ASCII = {"李社工": "on_duty", "王社工": "staff", "陈书记": "head", "王丽": "daughter", "赵医生": "doctor",
         "王老伯": "himself"}
CASES = [(who, fault) for who, _ in CHAIN for fault in FAULTS] + [("王老伯", fault) for fault in FAULTS]


@pytest.fixture(params=range(len(CASES)), ids=[f"{ASCII[who]}-{fault}" for who, fault in CASES])
async def case(request, make_app, settings):
    who, fault = CASES[request.param]
    async with running_telegram(LIBRARIES[request.param % 2], make_app, settings) as tg:  # both clients, in turn
        yield tg, who, FAULTS[fault]


async def signed_up_doctor(telegram):
    doctor = telegram.user("赵医生")
    await doctor.send_command("/start")
    await telegram.api.wait_for_message(doctor.id, lambda m: m.has_request_contact())
    await doctor.send_contact("13922220001")
    await telegram.api.wait_until(lambda: len(telegram.api.sent_to(doctor.id)) > 1 or None, 5)
    return doctor


def heard(telegram, user) -> bool:
    return any("王老伯" in m.text and ("#1" in m.text or "求助" in m.text) for m in telegram.api.sent_to(user.id))


async def at_minute(telegram, minute: float) -> None:
    app = telegram.app
    app.svc.clock.advance(minutes=minute - at_minute.now.get(id(app), 0))
    at_minute.now[id(app)] = minute
    for _ in range(2):
        await app.engine.tick()
at_minute.now = {}


async def test_one_link_failing_leaves_the_rest_of_the_chain_on_time_and_is_shown_as_not_reached(case):
    telegram, who, error = case
    api = telegram.api
    users = {name: telegram.user(name) for name, _ in CHAIN}
    users["王丽"], users["赵医生"] = await signed_up_daughter(telegram), await signed_up_doctor(telegram)
    wang = await telegram.signed_up("王老伯", "13900000002")
    api.failing_chats[(wang if who == "王老伯" else users[who]).id] = error
    await wang.press("🆘 紧急求助")
    if who != "王老伯":
        reply = await telegram.said(wang, "120", timeout=10)
        assert COMMITTEE in reply.text
    for minute in (0, 3, 8):
        if minute:
            await at_minute(telegram, minute + 0.1)
        for name, due in CHAIN:
            if name != who and due <= minute:
                assert await api.wait_until(lambda: heard(telegram, users[name]) or None, 10), (name, minute)
    assert not heard(telegram, users[who]) if who in users else True
    reader = users["陈书记" if who != "陈书记" else "李社工"]
    seen = telegram.count(reader)
    await reader.send_command("/incident", "1")
    view = await telegram.said(reader, "#1", after=seen)
    if who != "王老伯":
        assert "未送达" in view.text and who in view.text.split("未送达", 1)[1], view.text
    else:  # his own chat failing: staff have his phone to ring him (and are asked to: test_own_chat_lost.py)
        assert any("13900000002" in m.text for m in api.sent_to(users["李社工"].id))

