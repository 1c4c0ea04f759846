"""An urgent alert Telegram carried out but answered late: the staff member has it, and a second copy is the same call.

An urgent send is given up after `telegram.urgent_send_seconds` (10 s; 2 s here) so a hung chat never holds a call's
chain; the round then sends it again. A chat may be slow only on the way back: the message was shown, its answer came
late — and 李社工 reads the same 🆘 alert twice (the retry says "第2轮通知", same call number). Left so on purpose:
the Bot API has no way to tell "shown, answer lost" from "never shown", and skipping the retry would lose the alert
of a chat that truly hung; a second copy of the same call is the lesser harm. This guard keeps it that way: she has
the alert, and every copy is of the one call."""
from conftest import running_telegram
from test_hung_chat import WITHIN, quick, ticking_until


async def test_an_alert_answered_late_is_not_lost_and_a_second_copy_is_the_same_call(make_app, settings):
    async with running_telegram("aiogram", make_app, quick(settings)) as telegram:
        api, li = telegram.api, telegram.user("李社工")
        wang = await telegram.signed_up("王老伯", "13900000002")
        api.late_chats[li.id] = 3  # the alert is shown at once; its answer takes 3 s
        await wang.press("🆘 紧急求助")
        await ticking_until(telegram, lambda: False, WITHIN)  # the round and its retries, as the scheduler runs them
        alerts = [m.text for m in api.sent_to(li.id) if "紧急求助 #" in (m.text or "")]
        assert alerts and all("紧急求助 #1" in t and "王老伯" in t for t in alerts), alerts
        assert len(await telegram.app.svc.store.open_incident_ids()) == 1
