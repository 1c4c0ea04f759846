"""Who the bot cannot reach is known to every worker process of the committee, and after a restart: the first alert
goes where it is heard, not first to a duty member who blocked the bot. One who unblocks and writes is reached at
once, by every process."""
from __future__ import annotations

from conftest import signed_up

from bot.testing.tools import Person, RecordingMessenger
from bot.types import SendResult

LI, WANG_STAFF = 1001, 1002  # 李社工 is on duty (the clock fixture: Monday 10:00), 王社工 is not


def blocked_by_li() -> RecordingMessenger:
    """The same Telegram, seen by one process: 李社工 has blocked the bot."""
    messenger = RecordingMessenger()
    messenger.blocked.add(LI)
    return messenger


async def first_alert(app, n: int) -> dict:
    return next(e for e in await app.svc.store.timeline(n) if e["event"] == "alerted")


async def test_a_second_worker_passes_over_the_duty_member_the_first_found_blocked(make_app):
    one, two = blocked_by_li(), blocked_by_li()
    app1 = await make_app(messenger=one)
    app2 = await make_app(messenger=two)  # another worker (or the bot restarted) on the same Redis and prefix
    await app1.engine.tick()  # worker 1 takes the duty check at start: 李社工 cannot be reached
    assert "李社工" in Person(app1, 1003).last("收不到机器人的提醒").text
    await app2.engine.tick()  # the check is done for the committee: worker 2 does not probe again

    wang = await signed_up(Person(app2, 6001, "王老伯"), "13900000002")
    await wang.send("救命")  # this call lands on worker 2
    alerted = await first_alert(app2, 1)
    assert alerted["to"] == ["王社工"] and alerted["failed"] == []  # not tried on 李社工 first
    assert "紧急求助 #1" in Person(app2, WANG_STAFF).last("紧急求助").text
    await Person(app1, WANG_STAFF).send("/duty")  # either worker shows it
    assert "收不到提醒：李社工" in Person(app1, WANG_STAFF).last("现在值班").text


async def test_a_staff_member_who_unblocks_and_writes_start_is_reached_at_once_by_every_worker(make_app):
    one, two = blocked_by_li(), blocked_by_li()
    app1 = await make_app(messenger=one)
    app2 = await make_app(messenger=two)
    await app1.engine.tick()  # worker 1 finds 李社工 blocked

    one.blocked.clear(), two.blocked.clear()  # 李社工 unblocks the bot and presses Start: worker 2 gets it
    await Person(app2, LI, "李社工").send("/start")
    zhang = await signed_up(Person(app1, 6002, "张阿姨"), "13900000001")
    await zhang.send("救命")  # worker 1, which found them blocked, alerts them first again
    alerted = await first_alert(app1, 1)
    assert alerted["to"] == ["李社工"] and alerted["failed"] == []
    assert "紧急求助 #1" in Person(app1, LI).last("紧急求助").text
    await Person(app2, WANG_STAFF).send("/duty")
    assert "收不到提醒" not in Person(app2, WANG_STAFF).last("现在值班").text


async def test_a_check_while_telegram_is_away_forgets_no_one_found_blocked(make_app):
    app1 = await make_app(messenger=blocked_by_li())
    await app1.engine.tick()  # 李社工 found blocked

    away = blocked_by_li()

    async def no_answer(chat_id: int) -> SendResult:  # Telegram cannot be reached: nothing learnt about anyone
        return SendResult(False, error="Bad Gateway")

    away.probe = no_answer
    app2 = await make_app(messenger=away)  # a worker starting while Telegram is away checks the duty at once
    await app2.engine.tick()
    wang = await signed_up(Person(app2, 6001, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    alerted = await first_alert(app2, 1)
    assert alerted["to"] == ["王社工"] and alerted["failed"] == []
