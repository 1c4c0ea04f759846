"""03:00, "我不行了": she read "🆘 已通知值班社工，马上会有人联系您" — and then nothing more while nobody took the call: at
8 minutes her son and her doctor were alerted, at 38 the staff were still paged, and she, waiting for the committee,
still believed someone was about to phone (probe, session 26). Now, when the call reaches her family because no
staff member has taken it, she is told the truth once: no one has answered yet, her family were told too, and 120
if it is serious — with the committee's phone."""
from datetime import timedelta

from conftest import TUESDAY_9, at, enrolled, signed_up

NIGHT = TUESDAY_9 + timedelta(hours=18)  # Wednesday 03:00


async def _cried_at_night(people, app, clock, words="我不行了"):
    zhang, _ = await enrolled(people, app)
    await at(app, clock, NIGHT)
    await zhang.send(words)
    return zhang


async def _minutes(app, clock, minutes):
    clock.advance(minutes=minutes)
    await app.engine.tick()
    await app.engine.tick()


async def test_nobody_taking_her_call_is_told_to_her_when_her_family_is_called(people, app, clock):
    zhang = await _cried_at_night(people, app, clock)
    await _minutes(app, clock, 3.1)  # all staff and the head: not yet hers to hear
    n = len(zhang.texts())
    await _minutes(app, clock, 5)  # 8 minutes: her son and her doctor are alerted
    told = "\n".join(zhang.texts()[n:])
    assert "还没有社工回复" in told and "家人" in told, told
    assert "120" in told and "021-64370000" in told, told
    n = len(zhang.texts())
    await _minutes(app, clock, 5)  # the repeats that follow: once is enough
    await _minutes(app, clock, 5)
    assert not any("还没有社工回复" in t for t in zhang.texts()[n:]), zhang.texts()[n:]


async def test_a_call_taken_in_time_tells_her_nothing_of_the_sort(people, app, clock):
    """Guard."""
    zhang = await _cried_at_night(people, app, clock)
    li = people("李社工")
    await li.click(li.last("紧急求助"), "我来处理")
    await _minutes(app, clock, 8.1)
    assert not any("还没有社工回复" in t for t in zhang.texts()), zhang.texts()


async def test_his_daughters_call_is_not_told_to_him_as_his_own(people, app, clock):
    """Guard: the one who raised it (his daughter) reads her own lines; his chat is not told he is waiting."""
    await enrolled(people, app, "王老伯", "13900000002")
    wang = people("王老伯")
    await at(app, clock, NIGHT)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wangli.send("我爸摔倒了 起不来")
    await _minutes(app, clock, 8.1)
    assert not any("还没有社工回复" in t for t in wang.texts()), wang.texts()


async def test_a_fire_nobody_took_reads_119_not_120(people, app, clock):
    """Her danger's number, as her first reply read it (bot/incidents/first_number.py)."""
    zhang = await _cried_at_night(people, app, clock, words="厨房着火了 救命")
    n = len(zhang.texts())
    await _minutes(app, clock, 8.1)
    told = "\n".join(t for t in zhang.texts()[n:] if "还没有社工回复" in t)
    assert "119" in told and "120" not in told, told
