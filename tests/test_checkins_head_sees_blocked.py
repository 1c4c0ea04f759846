"""陈书记 (the head) opens /checkins on her phone at 10:05. 张阿姨 blocked the assistant at 10:00 — her call #1 is
open for it — but the list said everyone was fine (✅ 已回复 0, ❗ 未回复 0 …): 📵 appeared only the next morning,
when that check-in could not be sent. Now the list shows at once who cannot be reached, with her call's number."""
from conftest import enrolled

from bot.types import Inbound


async def test_the_head_sees_a_resident_who_blocked_the_assistant_in_the_check_in_list_at_once(people, app, clock):
    zhang, _ = await enrolled(people, app)
    await enrolled(people, app, "王老伯", "13900000002")
    app.svc.outbox.messenger.blocked.add(zhang.id)  # Telegram refuses her chat from now on …
    await app.engine.handle(Inbound(user_id=zhang.id, kind="blocked"))  # … and tells the bot (my_chat_member)
    clock.advance(minutes=5)
    chen = people("陈书记")
    await chen.send("/checkins")
    listed = chen.inbox[-1].text
    line = next((x for x in listed.splitlines() if "张阿姨" in x), "")
    assert "📵" in line and "#1" in line, listed
    assert "王老伯" not in line
