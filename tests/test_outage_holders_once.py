"""The staff holding a call hear once what was typed about it during an outage, however many processes replay it.

李社工 has 王老伯's call and is on her way when Redis goes away. He types "门开着" (it reaches one worker process),
his daughter 王丽 "我马上过去" (it reaches another). When Redis is back each process replayed one of them and each sent
李社工 a message: two messages about one call, seconds apart. Now the second adds its words to the first message.
"""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.testing.tools import Person, RecordingMessenger


async def test_words_about_one_call_replayed_by_two_processes_reach_its_holder_as_one_message(
        make_app, own_redis, clock):
    telegram = RecordingMessenger()  # both processes talk to the same Telegram
    first = await make_app(redis_url=own_redis.url, messenger=telegram)
    second = await make_app(redis_url=own_redis.url, messenger=telegram)
    wang, li, n = await claimed_call(first)
    daughter = await signed_up(Person(first, 5050, "王丽"), "13911110002")
    seen = len(li.inbox)
    for outage, (his, hers) in enumerate([("门开着", "我马上过去"), ("钥匙在垫子下", "我到楼下了")]):
        own_redis.stop()
        clock.advance(seconds=30)
        await wang.send(his)
        clock.advance(seconds=30)
        await Person(second, daughter.id, "王丽").send(hers)
        clock.advance(minutes=2)
        own_redis.start()
        # the first process is at 王老伯's calls (his lease) when the second replays what is left: his daughter's
        await first.svc.store.take_caller(wang.id, "first", 30_000)
        await replay_tick(second)
        await first.svc.store.release_caller(wang.id, "first")
        await replay_tick(first)
        await settled(first)
        await settled(second)
        told = [m for m in li.inbox[seen:] if "系统故障期间" in m.text]  # (the fallback's lines at once aside)
        assert len(told) == outage + 1  # one message an outage
        assert f"#{n}" in told[-1].text and "王老伯 又说" in told[-1].text and "王丽 又说" in told[-1].text
        assert his in told[-1].text and hers in told[-1].text
        clock.advance(hours=1)
    assert "门开着" not in told[-1].text  # the next outage's message says what was typed in it
