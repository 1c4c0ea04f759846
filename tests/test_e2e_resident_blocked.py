"""张阿姨 (82, lives alone) tapped "屏蔽" on the assistant's chat while tidying her phone. Telegram tells the bot at
once (my_chat_member), but the bot did not ask for those updates: nobody knew until the next morning's check-in
failed, and then only the /checkins list showed 📵. Now, through the real clients: the on-duty staff member gets a
call at once, with her phone, to ring her; when she unblocks, one line says so. A stranger blocking the chat
tells nobody (a staff member's or a family contact's block: test_e2e_staff_blocked.py)."""
import pytest
from conftest import LIBRARIES, signed_up_over_api
from test_e2e_webhook import webhook_bot


async def test_a_resident_blocking_the_assistant_is_a_call_to_phone_her_at_once(telegram):
    api, li = telegram.api, telegram.user("李社工")
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)
    call = await telegram.said(li, "屏蔽")
    assert "张阿姨" in call.text and "13900000001" in call.text and "签到无回复 #1" in call.text
    assert "🙋 我来处理" in call.buttons()


async def test_taking_the_block_back_tells_staff_in_one_line(telegram):
    api, li = telegram.api, telegram.user("李社工")
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)
    await telegram.said(li, "签到无回复 #1")
    api.unblock_chat(zhang.id)
    assert "张阿姨" in (await telegram.said(li, "解除了对助手的屏蔽")).text


async def test_a_stranger_blocking_tells_nobody(telegram):
    api, li = telegram.api, telegram.user("李社工")
    stranger = telegram.user("路人甲")
    await stranger.send_command("/start")
    await api.wait_for_message(stranger.id, lambda m: m.has_request_contact())
    api.block_chat(stranger.id)
    zhang = await signed_up_over_api(api, telegram.user("张阿姨"), "13900000001")
    api.block_chat(zhang.id)  # handled after the two before it: its call is the barrier
    await telegram.said(li, "签到无回复 #1")
    seen = [m.text for m in api.sent_to(li.id)]
    assert not [t for t in seen if "路人甲" in t]
    assert await telegram.app.svc.store.incident(2) is None


@pytest.mark.parametrize("library", LIBRARIES)
async def test_in_webhook_mode_too(make_app, settings, redis_server, library):
    async with webhook_bot(make_app, settings, redis_server, library, "s3cret-token") as (api, app, url, tg):
        assert "my_chat_member" in api.webhook["allowed_updates"]
        zhang = await signed_up_over_api(api, tg.user("张阿姨"), "13900000001")
        api.block_chat(zhang.id)
        assert "张阿姨" in (await tg.said(tg.user("李社工"), "屏蔽")).text
