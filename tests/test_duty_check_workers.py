"""李社工, on duty, has blocked the bot. Two worker processes share one Redis; whichever claims the minute's duty
timer looks at the duty. Worker 1 found her unreachable and told 陈书记 — then a minute later worker 2, which had
never looked, probed every staff phone again and told 陈书记 the same line again, and again each time the timer
fell to a worker that had not seen this duty yet. What a worker last saw lived in its own memory. Now the duty last
checked is kept in Redis: the head reads it once per duty, whichever worker runs the check."""
from __future__ import annotations

from bot.testing.tools import Person, RecordingMessenger

LI, CHEN = 1001, 1003  # 李社工 on duty (the clock fixture: Monday 10:00); 陈书记 is the head


class Counting(RecordingMessenger):
    def __init__(self) -> None:
        super().__init__()
        self.probes = 0

    async def probe(self, chat_id: int):
        self.probes += 1
        return await super().probe(chat_id)


async def test_the_head_is_told_once_whichever_worker_checks_the_duty(make_app, clock):
    telegram = Counting()  # one Telegram, seen by both workers
    telegram.blocked.add(LI)
    app1, app2 = await make_app(messenger=telegram), await make_app(messenger=telegram)
    await app1.engine.tick()  # worker 1 takes the first check: 李社工 cannot be reached
    chen = Person(app1, CHEN, "陈书记")
    assert sum("收不到机器人的提醒" in t for t in chen.texts()) == 1
    probes = telegram.probes
    for worker in (app2, app1, app2):  # each minute's check falls to one worker or the other
        clock.advance(minutes=1.1)
        await worker.engine.tick()
    assert sum("收不到机器人的提醒" in t for t in chen.texts()) == 1, chen.texts()
    assert telegram.probes == probes  # nobody's phone shows "typing…" again for the same duty


async def test_a_shift_change_is_still_checked_by_whichever_worker_sees_it(make_app, clock):
    telegram = Counting()
    telegram.blocked.add(LI)
    app1, app2 = await make_app(messenger=telegram), await make_app(messenger=telegram)
    await app1.engine.tick()
    clock.set(clock.now().replace(hour=20, minute=0, second=30))  # 王社工's night shift; he blocked it meanwhile
    telegram.blocked.discard(LI)
    telegram.blocked.add(1002)
    await app2.engine.tick()
    chen = Person(app1, CHEN, "陈书记")
    told = [t for t in chen.texts() if "收不到机器人的提醒" in t]
    assert len(told) == 2 and "王社工" in told[-1], told
