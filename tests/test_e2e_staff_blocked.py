"""李社工 tapped "屏蔽" on the assistant's chat by mistake while on duty (or 王丽, 王老伯's daughter, deleted the chat).
Telegram tells the bot at once (my_chat_member), but nobody heard of it: the next 🆘 went to 李社工 first, failed,
and only then reached anyone else, with the head told "nobody reached". Now, through the real clients: the head and
the other staff get one line at once asking someone to phone her, the next call goes straight to whoever can hear
it, and unblocking brings her back with one line. A family contact's block reaches staff the same way, and his
father's escalation does not count him as told."""
from conftest import TUESDAY_9
from test_e2e_delivery import sos
from test_e2e_family import signed_up_daughter


async def test_a_staff_member_who_blocks_the_bot_is_known_at_once_and_passed_over(telegram):
    api, app = telegram.api, telegram.app
    li, wa, chen = telegram.user("李社工"), telegram.user("王社工"), telegram.user("陈书记")
    api.block_chat(li.id)  # 李社工 is on duty (Monday 10:00)
    told = await telegram.said(chen, "屏蔽了助手")
    assert "李社工" in told.text and "13800000001" in told.text and "打电话" in told.text
    assert "李社工" in (await telegram.said(wa, "屏蔽了助手")).text
    wang = await sos(telegram)
    await telegram.said(wa, "紧急求助 #1")  # the first alert, not the next level
    await telegram.said(wang, "已通知值班社工")
    alerted = [e for e in await app.svc.store.timeline(1) if e["event"] == "alerted"]
    assert alerted[0]["to"] == ["王社工"] and alerted[0]["failed"] == []
    assert not [m for m in api.sent_to(chen.id) if "没有送到" in m.text]


async def test_unblocking_restores_her_with_one_line(telegram):
    api, li, chen = telegram.api, telegram.user("李社工"), telegram.user("陈书记")
    api.block_chat(li.id)
    await telegram.said(chen, "屏蔽了助手")
    api.unblock_chat(li.id)
    back = await telegram.said(chen, "解除了对助手的屏蔽")
    assert "李社工" in back.text
    wang = await sos(telegram)
    await telegram.said(li, "紧急求助 #1")
    await telegram.said(wang, "已通知值班社工")
    alerted = [e for e in await telegram.app.svc.store.timeline(1) if e["event"] == "alerted"]
    assert alerted[0]["to"] == ["李社工"]


async def test_a_daughter_who_blocks_the_bot_is_a_line_to_staff_and_is_not_counted_as_told(telegram):
    api, app, li = telegram.api, telegram.app, telegram.user("李社工")
    daughter = await signed_up_daughter(telegram)
    api.block_chat(daughter.id)
    told = await telegram.said(li, "屏蔽了助手")
    assert "王丽" in told.text and "王老伯" in told.text and "13911110002" in told.text
    wang = await sos(telegram)
    await telegram.said(li, "紧急求助 #1")
    await telegram.said(wang, "已通知值班社工")
    app.svc.clock.advance(minutes=8.1)  # the level that tells the family
    await app.engine.tick()
    await app.engine.tick()
    rounds = [e for e in await app.svc.store.timeline(1) if e["event"] == "alerted"]
    family_round = next(e for e in rounds if e["level"] == 2)
    assert "王丽" not in family_round["to"] and "王丽" in family_round["failed"]
    api.unblock_chat(daughter.id)
    assert "王丽" in (await telegram.said(li, "解除了对助手的屏蔽")).text
