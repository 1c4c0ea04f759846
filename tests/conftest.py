"""Test session: a real Redis started here, the internet refused, and apps built on a controllable clock."""
from __future__ import annotations

import asyncio
import contextlib
import functools
import ipaddress
import os
import signal
import socket
import sys
import threading
import uuid
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

# Compiled modules kept (__pycache__, git-ignored) even where the environment says PYTHONDONTWRITEBYTECODE: without
# them every test process (each xdist worker) compiles bot/ and rewrites the asserts of all ~470 test modules again
# while it collects (~15 s of CPU a process). Set before bot/ and the test modules are imported.
sys.dont_write_bytecode = False

from bot.app import build_app
from bot.clock import FakeClock
from bot.config import Secrets, load_settings
from bot.redis_server import EmbeddedRedis, free_port
from bot.testing.tools import Person, RecordingMessenger

ROOT = Path(__file__).resolve().parent.parent
_real_connect = socket.socket.connect
_real_connect_ex = socket.socket.connect_ex


def _local_only(address) -> None:
    if isinstance(address, (str, bytes)):  # unix socket
        return
    host = address[0]
    try:
        if ipaddress.ip_address(host).is_loopback:
            return
    except ValueError:
        if host == "localhost":
            return
    raise ConnectionRefusedError(f"tests may not reach the internet (tried {host})")


def _guarded_connect(self, address):
    _local_only(address)
    return _real_connect(self, address)


def _guarded_connect_ex(self, address):
    _local_only(address)
    return _real_connect_ex(self, address)


# The slow tests and how long they took in a run of the suite in two workers on this shared 2-core machine (seconds;
# only their order matters). Most start processes (the bot, redis-server, sentinels, Chromium) and partly wait on
# them. `sh test.sh` runs the suite in two pytest-xdist workers with work stealing: each worker is first handed one
# contiguous half of the collection and, once done, steals from the tail of the other's queue. So the slow tests
# are dealt between the halves (longest first, each to the half with less slow work so far) and lead each half;
# the quick tests fill the rest and are what gets stolen at the end. Left in one block, every slow test would run
# in one worker, one after the other, long after the other worker ran out of work. Only the order changes: every
# test stands on its own (ports from the kernel, data in tmp_path, a fresh key prefix). A key "module::test" is
# each of the test's parametrised cases; a key "module" is the whole module, kept together in one worker
# (test_shared_limit and test_nlu_cli set up a module-wide fixture once). Figures from a whole run's --durations on
# 2026-12-02 (-n 2, a loaded machine; a case's setup+call+teardown, each over 4.5 s), for their order; a run's
# --durations gives newer ones.
SLOW = {
    "test_e2e_telegram_away::test_a_rejected_token_stops_the_bot_with_one_line": 66,
    "test_e2e_telegram_away::test_escalations_run_while_telegram_answers_5xx_and_the_bot_polls_once_it_is_back": 53,
    "test_nlu_cli": 48,
    "test_failover_all_gone": 43,
    "test_e2e_workers": 42,
    "test_shared_limit": 37,
    "test_e2e_restart::test_escalation_survives_a_killed_process": 35,
    "test_desk_browser": 30,
    "test_imports_alone::test_every_module_of_bot_imports_on_its_own_whatever_is_imported_first": 26,
    "test_outage_crowd::test_a_thousand_strangers_keep_the_journal_short_and_an_open_calls_words_and_a_cry_are_kept": 19,
    "test_hung_chat::test_the_family_hears_on_time_while_a_colleagues_chat_hangs": 12,
    "test_architecture::test_the_console_residents_commands_and_a_ptb_bot_start_without_importing_aiogram": 18,
    "test_console::test_the_console_says_who_is_on_duty_and_the_readme_conversation_works_at_any_hour": 17,
    "test_hung_chat::test_the_heads_claim_is_answered_while_a_colleagues_chat_hangs": 6,
    "test_hung_chat::test_the_head_hears_at_once_when_the_on_duty_chat_hangs": 6,
    "test_register_and_config::test_every_bad_file_gets_one_clear_line": 15,
    "test_outage_journal::test_a_bot_killed_during_the_outage_stores_the_call_after_its_restart": 15,
    "test_alert_slot": 13,
    "test_e2e_chain_faults::test_one_link_failing_leaves_the_rest_of_the_chain_on_time_and_is_shown_as_not_reached": 11,
    "test_outage_request_retried::test_a_request_whose_line_telegram_failed_during_an_outage_reaches_staff_30_s_later_redis_still_away": 11,
    "test_e2e_delivery::test_after_many_escalation_rounds_a_staff_reply_goes_before_the_packet_edits": 11,
    "test_outage_flood::test_a_strangers_flood_keeps_the_journal_short_and_a_residents_cry_in_the_middle_is_stored": 11,
    "test_fallback_media::test_a_family_contacts_voice_meeting_a_crashed_lock_names_them_and_whom_they_look_after": 10,
    "test_urgency::test_a_lock_left_by_a_crashed_process_still_tells_the_resident_staff_know": 10,
    "test_claim_while_busy::test_a_claim_that_cannot_take_the_calls_lock_is_never_called_a_stale_button": 10,
    "test_e2e_telegram_away::test_telegram_refusing_connections_at_first_then_coming_up": 10,
    "test_qa_cli::test_answer_prints_one_json_object_with_the_agreed_keys": 9,
    "test_failover::test_sos_burst_survives_the_master_being_killed": 9,
    "test_failover::test_a_call_when_the_masters_host_loses_power_is_answered_within_seconds": 9,
    "test_failover_reply_lost::test_a_sos_whose_answer_from_the_master_was_lost_is_alerted_once_by_the_retry_on_the_new_master": 9,
    "test_outage_flood::test_a_resident_flooding_about_his_open_call_keeps_his_first_words_and_his_cry_is_never_capped": 9,
    "test_failover_black_hole::test_a_sos_with_every_host_of_the_service_dropping_packets_gets_120_and_reaches_staff_in_time": 9,
    "test_notices_e2e::test_e2e_an_alert_during_a_notice_to_1000_reaches_staff_first": 8,
    "test_e2e_shutdown::test_a_cry_for_help_in_flight_at_sigterm_is_stored_and_alerted": 7,
    "test_e2e_urgent_redis::test_the_poller_keeps_its_lease_while_a_storm_holds_every_shared_redis_connection": 7,
    "test_again_slow_telegram::test_a_new_cry_on_a_claimed_call_while_telegram_hangs_gets_the_numbers_at_once": 7,
    "test_e2e_committees::test_two_committees_in_one_process_keep_their_staff_residents_alerts_and_checkins_apart": 7,
    "test_e2e_poll_conflict::test_two_pollers_on_one_token_get_409_back_off_and_answer_every_message_once": 7,
    "test_redis_stalled::test_while_redis_stays_stalled_one_call_at_a_time_tries_it_and_a_sos_meanwhile_is_answered_at_once": 6,
    "test_console::test_console_state_survives_a_restart": 6,
    "test_failover::test_a_call_on_its_way_when_the_master_dies_is_answered_from_the_new_master": 6,
    "test_redis_stalled::test_a_cry_through_telegram_while_redis_is_stalled_past_the_lease_still_gets_120_and_reaches_staff": 5,
    "test_desk_long_words::test_the_call_page_shows_all_of_a_long_message": 5,
    "test_lease_redis_down::test_when_redis_is_back_a_sos_is_stored_and_alerted_as_usual_and_the_lease_is_held_again": 5,
    "test_privacy::test_a_send_that_fails_on_a_redirect_loop_stores_and_logs_no_token": 5,
    "test_outage_several_colleague_stored_meanwhile::test_a_doctors_cry_about_one_of_her_residents_redis_stored_meanwhile_is_one_call_alerted_at_once": 5,
    "test_desk_demo": 5,
    "test_committees::test_without_a_token_the_console_runs_for_the_first_committee_or_the_one_named": 5,
    "test_outage_several_colleague_stored_meanwhile::test_a_staff_members_own_cry_redis_stored_meanwhile_is_one_colleague_call_alerted_at_once": 5,
    "test_redis_stalled::test_when_redis_answers_again_the_next_sos_is_stored_and_escalates_as_usual": 5,
    "test_outage_stranger_stored_meanwhile::test_a_strangers_cry_redis_stored_after_the_bot_gave_up_is_one_call_alerted_at_once": 5,
    "test_late_slot::test_check_ins_held_back_by_an_alert_in_flight_do_not_go_all_at_once_past_thirty_a_second": 5,
    "test_again_slow_telegram::test_pressing_again_while_telegram_hangs_gets_the_numbers_at_once": 5,
    "test_e2e_shutdown::test_shutdown_waits_for_a_stuck_update_no_longer_than_the_grace_period": 5,
    "test_again_slow_telegram::test_a_reminder_that_gets_through_late_is_told": 5,
}


def _slow_key(item) -> str | None:
    module, test = item.path.stem, item.originalname
    return next((key for key in (f"{module}::{test}", module) if key in SLOW), None)


def _interrupted(signum, frame):
    raise KeyboardInterrupt


def _plain_sigint() -> None:
    """Ctrl-C raises KeyboardInterrupt as ever, from a plain function. While SIGINT has Python's default handler, each
    asyncio.run of a test or fixture puts its own in and takes it out again, and the signal module's check of the
    handler it replaces (is it SIG_DFL or SIG_IGN?) formats the repr of that handler's task with its result (the app:
    every setting), ~15 ms for each fixture that returns the app. A loop removing its SIGINT handler puts the default
    back: checked before each test."""
    if threading.current_thread() is threading.main_thread() and \
            signal.getsignal(signal.SIGINT) is signal.default_int_handler:
        signal.signal(signal.SIGINT, _interrupted)


def _aiogram_closes_at_once() -> None:
    """aiogram's session, closed, waits 250 ms for SSL connections to wind down (aiohttp's advice for https). The
    local Bot API server speaks plain http: here it closes as the library does, without the wait (~150 tests each
    stopped an aiogram bot, some several). Patched once aiogram is imported, never importing it (8 s)."""
    module = sys.modules.get("aiogram.client.session.aiohttp")
    if module is None or getattr(module.AiohttpSession.close, "plain_http", False):
        return

    async def close(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()
            await asyncio.sleep(0)  # the connections' transports close on the loop's next round

    close.plain_http = True
    module.AiohttpSession.close = close


def pytest_runtest_setup(item):
    _plain_sigint()
    _aiogram_closes_at_once()


def _redis_version_read_once() -> None:
    """redis-py reads its own version from the installed package's metadata for every connection it opens (5-10 ms:
    importlib.metadata parses the METADATA file); the test process opens one or more a test, some tests hundreds."""
    import redis.utils

    if not hasattr(redis.utils.get_lib_version, "cache_info"):
        redis.utils.get_lib_version = functools.cache(redis.utils.get_lib_version)


def pytest_configure(config):
    _redis_version_read_once()
    # The bot processes the tests start compile bot/ once and reuse it (__pycache__, git-ignored), even where the
    # environment says PYTHONDONTWRITEBYTECODE: two dozen processes each compiling every module add up.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)


def pytest_collection_modifyitems(items):
    workers = int(os.environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))  # set in each xdist worker, which collects
    groups: dict[str, list] = {}
    quick = []
    for item in items:
        key = _slow_key(item)
        if key is None:
            quick.append(item)
        else:
            groups.setdefault(key if "::" not in key else item.nodeid, []).append(item)
    halves: list[list] = [[] for _ in range(workers)]
    load = [0.0] * workers
    for group in sorted(groups.values(), key=lambda g: -SLOW[_slow_key(g[0])]):  # stable: ties keep their order
        i = load.index(min(load))
        halves[i] += group
        load[i] += SLOW[_slow_key(group[0])]
    # the sizes xdist's work stealing hands out at first: each worker len(pending) // workers still to serve
    left, order = len(items), []
    for i, half in enumerate(halves):
        size = max(left // (workers - i), len(half))
        order += half + quick[:size - len(half)]
        quick = quick[size - len(half):]
        left -= size
    items[:] = order + quick


@pytest.fixture(autouse=True, scope="session")
def no_internet():
    socket.socket.connect = _guarded_connect
    socket.socket.connect_ex = _guarded_connect_ex
    yield
    socket.socket.connect = _real_connect
    socket.socket.connect_ex = _real_connect_ex


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    from redis import Redis

    # also on a unix socket, which the apps the tests build use: a round trip takes a third of loopback TCP's here
    # (0.13 ms against 0.41), and a quick test waits on a hundred or more of them
    server = EmbeddedRedis(tmp_path_factory.mktemp("redis"), unix_socket=True).start()
    # The bot's own Redis syncs every write (test_embedded_redis.py checks it). This shared test server needs no
    # power-cut safety, and an fsync per write on a busy CI disk would stretch timing windows such as the 50 ms
    # in which escalations due together are gathered into one digest.
    with Redis.from_url(server.url) as r:
        r.config_set("appendfsync", "everysec")
    yield server
    server.stop()


@pytest.fixture(scope="session")
def nlu_model():
    from nlu import NLU

    return NLU.builtin()


@pytest.fixture(scope="session")
def knowledge_base():
    from nlu.qa import KnowledgeBase

    return KnowledgeBase()


@pytest.fixture(scope="session")
def config_yaml_settings():
    """config.yaml read once a test process: PyYAML's pure-Python parser takes 15-100 ms for it, paid by every test."""
    return load_settings(ROOT / "config.yaml")


@pytest.fixture
def settings(tmp_path, config_yaml_settings):
    s = config_yaml_settings.model_copy(deep=True)  # each test its own objects, as a fresh read gives (3 ms)
    # the desk on a port from the kernel: config.yaml's 8090 would be one port for every test and run side by side;
    # the outage journal in the test's own folder
    return s.model_copy(update={"console": s.console.model_copy(update={"port": free_port()}),
                                "redis": s.redis.model_copy(update={"journal_dir": str(tmp_path / "outage")})})


@pytest.fixture
def clock():
    from datetime import datetime
    from zoneinfo import ZoneInfo

    # a Monday at 10:00 in Shanghai: 李社工 is on duty by the sample roster
    return FakeClock(datetime(2026, 11, 23, 10, 0, tzinfo=ZoneInfo("Asia/Shanghai")))


@pytest.fixture
async def make_app(redis_server, settings, clock, nlu_model, knowledge_base):
    """Builds apps that share one Redis under a fresh key prefix; all closed at the end of the test."""
    apps = []
    prefix = f"t{uuid.uuid4().hex[:8]}:"

    async def make(*, messenger=None, settings_=None, prefix_=None, redis_url=None, **kw):
        s = settings_ or settings
        s = s.model_copy(update={"redis": s.redis.model_copy(update={"prefix": prefix_ or prefix})})
        app = await build_app(s, Secrets(redis_url=redis_url or redis_server.unix_url), clock=clock,
                              messenger=messenger or RecordingMessenger(),
                              nlu=kw.pop("nlu", nlu_model), kb=kw.pop("kb", knowledge_base), **kw)
        apps.append(app)
        return app

    yield make
    for app in apps:
        await app.close()


@pytest.fixture
async def app(make_app):
    return await make_app()


@pytest.fixture
def people(app):
    """The sample register's people and the configured staff, as chat partners."""

    def person(name: str) -> Person:
        for st in app.settings.staff:
            if st.name == name:
                return Person(app, st.telegram_id, name)
        return Person(app, 5000 + len(name) * 7 + sum(map(ord, name)) % 1000, name)

    return person


async def signed_up(person: Person, phone: str) -> Person:
    await person.send("/start")
    await person.share_contact(phone)
    return person


# --- check-ins ------------------------------------------------------------------------------------------------

TUESDAY_9 = datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai"))


async def enrolled(people, app, name="张阿姨", phone="13900000001"):
    """A signed-up resident enrolled in the daily check-in."""
    person = await signed_up(people(name), phone)
    rid = (await app.svc.store.resident_by_tg(person.id))["id"]
    await app.svc.checkins.enrol(rid)
    return person, rid


async def liu_age_unknown(app, people):
    """刘奶奶, whose age the register does not know, signed up and on the ❓ 养老金/补贴 menu. Returns her."""
    person = await app.svc.store.resident(await app.svc.store.resident_id_by_phone("13900000003"))
    person["birth_date"] = ""
    await app.svc.store.save_resident(person)
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    return liu


async def allowance_answered(people):
    """刘奶奶 (75 by the register) opens ❓ and asks the allowance: 150 元, with its source. Returns her."""
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("❓ 养老金/补贴")
    await liu.send("老年津贴多少")
    assert "150元" in liu.last("来源").text
    return liu


async def asked_allowance_age_unknown(app, people):
    """刘奶奶, whose age the register does not know, asks how much the 老年综合津贴 is: the bot asks her age, she says
    七十二岁. Returns her."""
    liu = await liu_age_unknown(app, people)
    await liu.send("老年综合津贴每个月多少钱")
    assert "多大年纪" in liu.last().text
    await liu.send("七十二岁")
    return liu


async def at(app, clock, when):
    """Moves the clock and lets the check-in drain run, as the scheduler would."""
    clock.set(when)
    return await app.svc.checkins.run_due()


# --- end-to-end: the real Telegram client library over HTTP against a local Bot API server ------------------

LIBRARIES = ["aiogram", "python-telegram-bot"]


def adapter_for(library: str):
    from bot.handlers import adapter_class

    return adapter_class(library)


class Telegram:
    """A running bot behind a local Bot API server, with the people who talk to it."""

    def __init__(self, api, app, adapter, library):
        self.api, self.app, self.adapter, self.library = api, app, adapter, library

    def user(self, name: str):
        for st in self.app.settings.staff:
            if st.name == name:
                return self.api.user(st.telegram_id, name)
        uid = 5000 + sum(map(ord, name)) % 1000
        return self.api.user(uid, name)

    async def signed_up(self, name: str, phone: str):
        u = self.user(name)
        await u.send_command("/start")
        await self.api.wait_for_message(u.id, lambda m: m.has_request_contact())
        await u.send_contact(phone)
        await self.api.wait_for_message(u.id, "已经认出您了")
        return u

    async def said(self, user, needle: str, after: int = 0, timeout: float = 5.0):
        return await self.api.wait_for_message(user.id, needle, timeout=timeout, after=after)

    def count(self, user) -> int:
        return len(self.api.sent_to(user.id))


@contextlib.asynccontextmanager
async def running_telegram(library: str, make_app, settings, **app_kw):
    """The bot over `library` behind a local Bot API server; `app_kw` go to make_app (e.g. a limiter)."""
    from bot.testing.botapi_server import BotAPIServer

    async with BotAPIServer() as api:
        for st in settings.staff:
            if st.telegram_id:
                api.user(st.telegram_id, st.name)  # staff have started the bot
        s = settings.model_copy(update={"telegram": settings.telegram.model_copy(
            update={"api_base_url": api.base_url, "library": library})})
        app = await make_app(settings_=s, **app_kw)
        adapter = adapter_for(library)(app, api.token)
        await adapter.start()
        try:
            yield Telegram(api, app, adapter, library)
        finally:
            api.answer_hung()  # the test is over: a chat it hung answers again, not held through the bot's stop
            await adapter.stop()


@pytest.fixture(params=LIBRARIES)
async def telegram(request, make_app, settings):
    async with running_telegram(request.param, make_app, settings) as tg:
        yield tg


async def signed_up_over_api(api, user, phone: str, timeout: float = 120):
    """A resident signs up with a bot running in another process (which may still be starting)."""
    await user.send_command("/start")
    await api.wait_for_message(user.id, lambda m: m.has_request_contact(), timeout=timeout)
    await user.send_contact(phone)
    await api.wait_for_message(user.id, "已经认出您了")
    return user
