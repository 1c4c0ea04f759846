"""王丽 (his daughter) cries for help on her father 王老伯's open call. Before: staff read "🆘 #1 王老伯 又发来求助：
“救命，我爸爸摔倒了”" — as if he wrote it (he may be lying on the floor, unable to type). Now they read who wrote it,
her relation and name, his name still in the line.
"""
from __future__ import annotations

from datetime import datetime

from conftest import signed_up
from test_incident_followups import SH

from bot.testing.tools import Person


async def his_confirmed_call(people, clock):
    """Monday 10:00: 王老伯 presses 🆘 and confirms his address; the clock then 70 s on, so his next cry is its
    minute's first (repeats are collapsed per minute)."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    clock.advance(seconds=70)
    return wang


async def _his_call_open(people, app, clock):
    """王老伯 pressed 🆘 at 10:00 and confirmed his address; 王丽 (his daughter) is signed up."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    li = Person(app, 1001, "李社工")
    await wang.send("🆘 紧急求助")
    await wang.click(wang.last("地址"), "对")
    return wang, wangli, li


async def test_staff_read_that_his_daughter_wrote_the_cry_on_his_open_call(people, app, clock):
    wang, wangli, li = await _his_call_open(people, app, clock)
    clock.advance(seconds=70)
    await wangli.send("救命，我爸爸摔倒了")
    await app.engine.tick()
    line = li.last("我爸爸摔倒了").text
    assert "王老伯" in line and "#1" in line, line  # whose call it is
    assert "女儿" in line and "王丽" in line, line  # and who wrote it
    assert "王老伯 又发来求助" not in line, line


async def test_his_own_cry_again_still_reads_as_his(people, app, clock):
    wang, li = await his_confirmed_call(people, clock), Person(app, 1001, "李社工")
    await wang.send("救命，我摔倒了")
    await app.engine.tick()
    line = li.last("我摔倒了").text
    assert "王老伯 又发来求助" in line and "王丽" not in line, line


async def test_the_claimer_reads_that_his_daughter_wrote_the_new_cry_on_his_claimed_call(people, app, clock):
    """李社工 has his call; his daughter cries: a new urgent call to her — not "王老伯 又发来紧急求助"."""
    wang, wangli, li = await _his_call_open(people, app, clock)
    await li.click(li.last("紧急求助 #1"), "我来处理")
    clock.advance(minutes=2)
    await wangli.send("救命，我爸爸又摔倒了")
    await app.engine.tick()
    line = li.last("又摔倒了").text.splitlines()[0]
    assert "王老伯" in line and "女儿" in line and "王丽" in line, line
    assert "王老伯 又发来" not in line, line
