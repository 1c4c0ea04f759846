"""Issue 17 (1): staff join by sharing their phone; the config list alone grants staff rights."""
import pytest
from conftest import signed_up

from bot.residents import staff_join
from bot.testing.tools import Person

LI_PHONE = "13800000001"


def phone_only(settings, sid="li"):
    """The config with one staff member listed by name, phone and role only (no telegram_id)."""
    staff = [st.model_copy(update={"telegram_id": None}) if st.id == sid else st for st in settings.staff]
    return settings.model_copy(update={"staff": staff})


def without(settings, sid="li"):
    """The config after the staff member was taken off the list (and the roster)."""
    roster = [sh.model_copy(update={"staff": [x for x in sh.staff if x != sid]}) for sh in settings.roster]
    return settings.model_copy(update={"staff": [st for st in settings.staff if st.id != sid],
                                       "roster": [sh for sh in roster if sh.staff]})


@pytest.fixture
def settings(settings):
    return phone_only(settings)


async def test_a_residents_or_strangers_number_never_makes_them_staff(app, people):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    assert "已经认出您了" in zhang.last().text
    await zhang.send("/open")
    assert "只有居委会工作人员" in zhang.last().text
    stranger = await signed_up(Person(app, 7777, "路人"), "13712345678")
    assert "还没有登记" in stranger.last().text
    await stranger.send("/open")
    assert stranger.last().request == "contact"
    # someone else's card with the staff member's number is not their own number
    other = Person(app, 7778, "冒充")
    await other.send("/start")
    await other.share_contact(LI_PHONE, own=False)
    assert "不是您自己的" in other.last().text
    await other.send("/open")
    assert other.last().request == "contact"
    assert [st.id for st in app.svc.settings.staff] == ["wang", "chen"]


async def test_a_staff_member_shares_their_phone_and_is_staff_with_their_menu(app):
    li = Person(app, 2001, "李社工")
    await li.send("/start")
    await li.share_contact("+86 138-0000-0001")
    assert "已确认您是居委会工作人员" in li.last().text
    assert "📋 待处理" in li.last().keyboard
    await li.send("/duty")
    assert "李社工" in li.last().text


async def test_a_join_survives_a_restart_and_a_removal_takes_rights_away(make_app, settings):
    first = await make_app()
    li = Person(first, 2001, "李社工")
    await li.send("/start")
    await li.share_contact(LI_PHONE)
    again = await make_app()  # a restart: the join is remembered
    assert [st.telegram_id for st in again.svc.settings.staff if st.id == "li"] == [2001]
    removed = await make_app(settings_=without(settings))  # restarted with li off the list
    li = Person(removed, 2001, "李社工")
    await li.send("/open")
    assert li.last().request == "contact"  # a stranger now, asked who they are
    back = await make_app()  # re-listed: they must join again, nothing is left over
    assert all(st.id != "li" for st in back.svc.settings.staff)


# --- end to end, through both Telegram libraries --------------------------------------------------------------

async def sos(telegram):
    wang = await telegram.signed_up("王老伯", "13900000002")
    await wang.press("🆘 紧急求助")
    await telegram.said(wang, "请确认您现在的地址")
    return wang


async def join(telegram, uid=2001):
    li = telegram.api.user(uid, "李社工")
    await li.send_command("/start")
    await telegram.api.wait_for_message(li.id, lambda m: m.has_request_contact())
    await li.send_contact(LI_PHONE)
    welcome = await telegram.said(li, "已确认您是居委会工作人员")
    assert welcome.reply_markup and "📋 待处理" in str(welcome.reply_markup)
    return li


async def test_e2e_staff_member_joins_by_phone_and_claims_an_alert(telegram):
    li = await join(telegram)
    wang = await sos(telegram)
    alert = await telegram.said(li, "紧急求助 #1")  # li is on duty by the roster
    await li.click(alert, "我来处理")
    await telegram.said(wang, "已经接手")
    assert (await telegram.app.svc.store.incident(1))["claimed_by"] == "li"


async def test_e2e_a_removed_staff_members_claim_is_refused(telegram):
    app = telegram.app
    li = await join(telegram)
    wang = await sos(telegram)
    alert = await telegram.said(li, "紧急求助 #1")
    await staff_join.refresh(app.svc, without(app.settings))  # taken off the list while the bot runs
    before = telegram.count(li)
    await li.click(alert, "我来处理")
    refused = await telegram.said(li, "不在社工名单", after=before)  # told plainly (test_former_staff_button.py)
    assert not refused.has_request_contact()
    inc = await app.svc.store.incident(1)
    assert not inc.get("claimed_by") and inc["status"] != "claimed"
    assert not any("已经接手" in m.text for m in telegram.api.sent_to(wang.id))


async def test_the_staff_list_reread_from_the_config_file_takes_rights_away_at_once(app, tmp_path):
    import yaml
    from conftest import ROOT

    li = Person(app, 2001, "李社工")
    await li.send("/start")
    await li.share_contact(LI_PHONE)
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "config.yaml"
    path.write_text("staff: [", encoding="utf-8")  # a half-saved file changes nothing
    await app.reload_staff(path)
    await li.send("/duty")
    assert "李社工" in li.last().text and li.last().request is None
    raw["staff"] = [st for st in raw["staff"] if st["id"] != "li"]
    raw["roster"] = [{**sh, "staff": [x for x in sh["staff"] if x != "li"]} for sh in raw["roster"]]
    raw["roster"] = [sh for sh in raw["roster"] if sh["staff"]]
    path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    await app.reload_staff(path)  # what SIGHUP does
    await li.send("/duty")
    assert li.last().request == "contact"
    assert [st.id for st in app.svc.settings.staff] == ["wang", "chen"]


async def test_sighup_rereads_the_staff_list_in_the_running_bot(monkeypatch, redis_server, settings, nlu_model,
                                                                knowledge_base, tmp_path):
    """`kill -HUP` after editing config.yaml: a staff member taken off the list is a stranger at their next tap."""
    import asyncio
    import signal
    import uuid

    import yaml
    from conftest import ROOT

    from bot import district
    from bot.config import Secrets
    from bot.handlers import run_telegram
    from bot.testing.botapi_server import BotAPIServer

    # the session's trained models instead of loading them again
    monkeypatch.setattr(district, "load_nlu", lambda *a: nlu_model)
    monkeypatch.setattr(district, "load_kb", lambda: knowledge_base)
    raw = yaml.safe_load((ROOT / "config.yaml").read_text(encoding="utf-8"))
    path = tmp_path / "config.yaml"
    before = signal.getsignal(signal.SIGHUP)
    async with BotAPIServer() as api:
        s = settings.model_copy(update={
            "telegram": settings.telegram.model_copy(update={"api_base_url": api.base_url}),
            "redis": settings.redis.model_copy(update={"prefix": f"hup{uuid.uuid4().hex[:8]}:"})})
        task = asyncio.create_task(run_telegram(s, Secrets(telegram_token=api.token, redis_url=redis_server.url),
                                                path))
        try:
            li = api.user(2001, "李社工")
            await api.wait_for_call("getMe", timeout=90)  # the bot is up (slow on a busy machine)
            await li.send_command("/start")
            await api.wait_for_message(li.id, lambda m: m.has_request_contact(), timeout=30)
            await li.send_contact(LI_PHONE)
            await api.wait_for_message(li.id, "已确认您是居委会工作人员")
            raw["staff"] = [st for st in raw["staff"] if st["id"] != "li"]
            raw["roster"] = [sh for sh in ({**sh, "staff": [x for x in sh["staff"] if x != "li"]}
                                           for sh in raw["roster"]) if sh["staff"]]
            path.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
            for _ in range(100):
                if signal.getsignal(signal.SIGHUP) is not before:
                    break
                await asyncio.sleep(0.05)
            signal.raise_signal(signal.SIGHUP)
            await asyncio.sleep(0.3)
            n = len(api.sent_to(li.id))
            await li.send_command("/duty")
            refused = await api.wait_for_message(li.id, lambda m: m.has_request_contact(), after=n)
            assert "李社工" not in refused.text
            signal.raise_signal(signal.SIGTERM)
            assert await asyncio.wait_for(task, 10) == 0
        finally:
            if not task.done():
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
