"""Two processes polling one bot's updates: what happens when the poller lease cannot keep them apart (two
deployments on two Redis with one token, or a lease broken). Telegram ends one long poll with 409 Conflict each time
the other asks; the pollers log it and back off, and every message is still answered, once."""
import logging

import pytest
from conftest import LIBRARIES, adapter_for

from bot.store import Store
from bot.testing.botapi_server import BotAPIServer


async def always_held(*args, **kwargs) -> bool:
    return True


def ended(api) -> list[float]:
    """When each long poll that another one ended (409) had begun."""
    return [c.at for c in api.calls if c.method == "getUpdates" and c.error_code == 409]


@pytest.mark.parametrize("library", LIBRARIES)
async def test_two_pollers_on_one_token_get_409_back_off_and_answer_every_message_once(
        library, make_app, settings, monkeypatch, caplog):
    monkeypatch.setattr(Store, "take_lease", always_held)  # the lease broken on purpose: both processes poll
    monkeypatch.setattr(Store, "renew_lease", always_held)
    caplog.set_level(logging.WARNING)
    async with BotAPIServer() as api:
        s = settings.model_copy(update={"telegram": settings.telegram.model_copy(
            update={"api_base_url": api.base_url, "library": library})})
        adapters = [adapter_for(library)(await make_app(settings_=s), api.token) for _ in range(2)]  # one Redis
        for adapter in adapters:
            await adapter.start()
        try:
            assert await api.wait_until(lambda: len(ended(api)) >= 4, 30), "the pollers end each other's long polls"
            first, *_, fourth = ended(api)[:4]
            residents = [api.user(7100 + i, f"居民{i}") for i in range(6)]
            for resident in residents:
                await resident.send_command("/start")
            for resident in residents:  # answered, whichever process fetched it
                await api.wait_for_message(resident.id, lambda m: m.has_request_contact(), timeout=30)
        finally:
            for adapter in adapters:
                await adapter.stop()  # what either still had in hand finishes first
    assert [len(api.sent_to(r.id)) for r in residents] == [1] * len(residents)  # none lost, none answered twice
    assert fourth - first >= 1.5, "a poller ended by a 409 waits before it asks again (no ping-pong)"
    assert "terminated by other getUpdates request" in caplog.text  # in the log, at WARNING or above
