"""How a call ended reaches the family even when the worker dies just after closing it. The news was sent in the
background of the process that closed the call, and nowhere recorded as owed: a power cut between the close and the
send, and the daughter who spoke on her father's call never heard how it ended. Now the close and the news owed are
stored in one step (a deadline, "fam:n"): the worker that closed it sends it and then crosses it off; if it dies
first, the next worker sends it within seconds. When nothing fails she hears it once."""

from conftest import signed_up
from test_incident_followups import cut_off_sends_to, restarted

from bot.testing.tools import Person

CLOSED = "王老伯的求助已处理完毕"


async def her_fathers_call_resolved(people, app, worker_dies: bool = False):
    """王老伯's 🆘 (#1); his daughter 王丽 sends a voice on it; 李社工 resolves it (the worker dying as it would tell
    her, if `worker_dies`). Her."""
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send_kind("voice")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    if worker_dies:
        cut_off_sends_to(app, wangli)
    await li.click(li.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"
    return wangli


async def test_a_worker_dying_between_the_close_and_the_news_leaves_it_to_the_next(people, app, clock, make_app):
    wangli = await her_fathers_call_resolved(people, app, worker_dies=True)
    assert not any(CLOSED in t for t in wangli.texts())
    after = await restarted(make_app, app)
    clock.advance(seconds=30)
    await after.engine.tick()
    her = Person(after, wangli.id, wangli.name)
    assert sum(CLOSED in t for t in her.texts()) == 1


async def test_the_news_goes_once_when_nothing_fails(people, app, clock, make_app):
    wangli = await her_fathers_call_resolved(people, app)
    assert sum(CLOSED in t for t in wangli.texts()) == 1
    for _ in range(3):  # the deadlines that come due after it, in this worker and another
        clock.advance(minutes=1)
        await app.engine.tick()
    after = await restarted(make_app, app)
    clock.advance(minutes=1)
    await after.engine.tick()
    assert sum(CLOSED in t for t in wangli.texts()) == 1
    assert Person(after, wangli.id, wangli.name).texts() == []
