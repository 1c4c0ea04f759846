"""Redis away for longer than the poller lease, in polling mode: the process that polled keeps polling (degraded),
so a resident's 救命 still reaches staff through the fallback and the resident still gets 120 and the committee
phone. When Redis is back the lease rules hold again. Short lease figures (bot/lease.py), real clients."""
import asyncio

import pytest
from test_fallback_media import COMMITTEE, STAFF, telegram_own_redis  # noqa: F401 (a redis-server a test stops)

from bot import lease

TTL = 1.2


@pytest.fixture(autouse=True)
def short_lease(monkeypatch):
    """The poller lease's figures shortened, before the bot starts (autouse fixtures come first)."""
    monkeypatch.setattr(lease, "TTL_SECONDS", TTL)
    monkeypatch.setattr(lease, "RENEW_SECONDS", TTL / 4)
    monkeypatch.setattr(lease, "TRY_SECONDS", 0.1)


async def test_a_cry_after_redis_has_been_down_longer_than_the_lease_reaches_staff_and_the_resident_gets_120(
        telegram_own_redis):
    tg, server = telegram_own_redis
    wang = await tg.signed_up("王老伯", "13900000002")
    server.stop()
    await asyncio.sleep(TTL * 2)  # well past the lease: a holder that only kept the lease would have stopped polling
    await wang.send_text("救命")
    for staff_id in STAFF:
        alert = await tg.api.wait_for_message(staff_id, "系统故障", timeout=10)
        assert "救命" in alert.text and "王老伯" in alert.text
    reply = await tg.api.wait_for_message(wang.id, "120", timeout=10)
    assert COMMITTEE in reply.text


async def test_when_redis_is_back_a_sos_is_stored_and_alerted_as_usual_and_the_lease_is_held_again(
        telegram_own_redis):
    tg, server = telegram_own_redis
    wang = await tg.signed_up("王老伯", "13900000002")
    server.stop()
    await asyncio.sleep(TTL * 2)
    await wang.send_text("救命")
    await tg.api.wait_for_message(1001, "系统故障", timeout=10)  # the fallback, while Redis is down
    server.start()  # same port, same data
    await wang.send_text("🆘 紧急求助")  # while the poller switches back: not lost
    alert = await tg.api.wait_for_message(1001, "紧急求助 #1", timeout=15)
    assert "建新路27弄5号302室" in alert.text
    assert "已通知值班社工" in (await tg.api.wait_for_message(wang.id, "已通知值班社工", timeout=10)).text
    store, poller = tg.app.svc.store, tg.adapter._poller
    for _ in range(200):  # back under the lease rules within a few tries
        if not poller.degraded and await store.lease_holder(poller.bot) == poller.holder:
            break
        await asyncio.sleep(0.05)
    assert poller.holding and not poller.degraded and await store.lease_holder(poller.bot) == poller.holder
