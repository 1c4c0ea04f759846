"""王老伯's call was open (claimed by 李社工) when Redis went away; then he types where he really is ("我在建新路27弄3号
602室" — the seed's wrong door) or his daughter does. Before (session 20 probe): he read "系统暂时出了点问题" and the
words waited in the journal until Redis came back, minutes or hours later, while 李社工 went to the door on the
register. Now the staff hear his words at once (the fallback cannot ask who holds his call, so every staff member),
he reads that they were passed on, and once Redis is back they join his call as before."""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call, said_on
from test_outage_said import settled

from bot.testing.tools import Person

DOOR = "我在建新路27弄3号602室"


async def test_words_typed_during_an_outage_on_a_call_open_before_it_reach_staff_at_once(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    clock.advance(seconds=20)
    await replay_tick(app)  # the outage job, every second while Redis answers, knows whose calls are open
    seen = len(li.texts())
    own_redis.stop()
    clock.advance(seconds=30)
    await wang.send(DOOR)
    assert any(DOOR in t and "王老伯" in t for t in li.texts()[seen:]), li.texts()[seen:]
    assert "已转告社工" in wang.last().text, wang.last().text
    assert "120" in wang.last().text
    clock.advance(minutes=2)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    assert said_on(await app.svc.store.timeline(n)) == [DOOR]


async def test_his_daughters_words_during_an_outage_on_his_open_call_reach_staff_at_once(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    wangli = await signed_up(Person(app, 5002, "王丽"), "13911110002")
    await replay_tick(app)
    clock.advance(seconds=20)
    await replay_tick(app)
    seen = len(li.texts())
    own_redis.stop()
    await wangli.send("他在5号楼101")
    assert any("他在5号楼101" in t for t in li.texts()[seen:]), li.texts()[seen:]
