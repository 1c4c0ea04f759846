"""李社工 took 王老伯's 🆘, then her chat silently refused the bot (her phone's Telegram gone, the chat deleted —
Telegram never said so): found out when his words to her were refused, the call went back to her colleagues
(bot/incidents/held_calls.py). She comes back and writes to the bot. Before: she was reachable again, and heard
nothing of the call she thought was hers. Now she reads, once, what became of it — the lines the unblock path
sends (🙋 我来处理 if nobody has taken it since, or who has)."""
from conftest import signed_up

LI = 1001


async def _claimed_by_li_then_her_chat_refused(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await wang.click(wang.last("对吗"), "对")  # his address: his next words are words
    app.svc.outbox.messenger.blocked.add(LI)  # no my_chat_member: found out on the next send
    await wang.send("我在卫生间 门锁着")
    inc = await app.svc.store.incident(1)
    assert inc.get("holder_lost") == "li", "the call was not given back"
    app.svc.outbox.messenger.blocked.discard(LI)  # her Telegram is back
    return wang, li


def told(li, since: int) -> list[str]:
    return [s.text for s in li.inbox[since:] if "#1" in s.text and "期间" in s.text]


async def test_a_claimer_who_writes_again_hears_her_call_went_back_and_can_take_it_once(people, app):
    wang, li = await _claimed_by_li_then_her_chat_refused(people, app)
    since = len(li.inbox)
    await li.send("有哪些没处理的")
    assert len(told(li, since)) == 1, "she is not told her call went back to the others"
    back = li.last("期间")
    assert "王老伯" in back.text and "还没有人接手" in back.text
    await li.send("你好")
    await li.send("🕒 值班")
    assert len(told(li, since)) == 1  # once, not with every message
    await li.click(back, "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"


async def test_a_claimer_who_writes_again_after_a_colleague_took_it_hears_who_has_it(people, app):
    wang, li = await _claimed_by_li_then_her_chat_refused(people, app)
    wa = people("王社工")
    offered = next(s for s in reversed(wa.inbox) if "#1" in s.text and any("我来处理" in b for b, _ in s.buttons))
    await wa.click(offered, "我来处理")
    since = len(li.inbox)
    await li.send("你好")
    assert told(li, since) and "王社工" in told(li, since)[0] and not li.last("期间").buttons


async def test_a_claimer_the_shift_change_check_finds_reachable_again_hears_it_once(people, app, clock):
    """The 20:00 check reaches her phone again before she writes: she reads it then, and not again when she
    writes."""
    clock.advance(hours=9, minutes=58)  # Monday 19:58: 李社工 on duty
    await app.engine.tick()
    wang, li = await _claimed_by_li_then_her_chat_refused(people, app)
    since = len(li.inbox)
    clock.advance(minutes=2)  # 20:00: the duty passes to 王社工, every staff chat probed
    await app.engine.tick()
    assert len(told(li, since)) == 1, "found reachable again, she is not told her call went back"
    await li.send("你好")
    assert len(told(li, since)) == 1


async def test_a_claimer_whose_chat_only_refused_is_not_told_she_blocked_the_assistant(people, app):
    """She never blocked the bot (her phone's Telegram was gone): the line must not say "您屏蔽助手期间"."""
    wang, li = await _claimed_by_li_then_her_chat_refused(people, app)
    since = len(li.inbox)
    await li.send("你好")
    back = told(li, since)
    assert len(back) == 1 and "联系不上您期间" in back[0], back
    assert "屏蔽" not in back[0], back


async def test_a_claimer_who_really_blocked_the_assistant_is_told_so_when_she_takes_it_back(people, app):
    from bot.types import Inbound

    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await app.engine.handle(Inbound(user_id=LI, chat_id=LI, kind="blocked"))  # she blocks (my_chat_member)
    assert (await app.svc.store.incident(1)).get("holder_lost") == "li"
    since = len(li.inbox)
    await app.engine.handle(Inbound(user_id=LI, chat_id=LI, kind="unblocked"))
    back = told(li, since)
    assert len(back) == 1 and "屏蔽助手期间" in back[0], back
