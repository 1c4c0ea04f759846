"""Staff read who actually wrote a repeat cry, as they do for his daughter (test_family_cry_named_to_staff.py).

- 楼下小陈, a neighbour who is not registered, reported "3号楼的张阿姨摔倒了"; a minute later she typed "救命 快来人".
  Before, that opened a second call #2 with no address ("求助人没有登记") beside 张阿姨's #1: two calls for one fall.
  Now it joins 张阿姨's call and staff read that the neighbour wrote it. The same for someone who gave her door as
  their own ("我住3号楼602，我摔倒了") — it may not be her, so never "张阿姨 又发来求助".
- 王老伯 and his daughter 王丽 both cry on his call within a minute. Before, the minute's count read "王老伯 又发来 3
  次求助" — her two cries counted as his. Now the count says who: 王老伯 1 次, 👪 女儿 王丽 2 次.
"""
from __future__ import annotations

from datetime import datetime

import pytest
from conftest import signed_up
from test_family_cry_named_to_staff import his_confirmed_call
from test_incident_followups import SH


@pytest.mark.parametrize("first", ["3号楼的张阿姨摔倒了", "我住3号楼602，我摔倒了"])
async def test_a_neighbours_cry_after_her_report_joins_her_call_read_as_the_neighbours(people, app, clock, first):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    chen, li = people("楼下小陈"), people("李社工")
    await chen.send(first)
    assert "张阿姨" in li.last("紧急求助 #1").text
    clock.advance(seconds=70)
    await chen.send("救命 快来人")
    assert not any("紧急求助 #2" in t for t in li.texts()), li.texts()  # one fall, one call
    line = li.last("救命 快来人").text
    assert "#1" in line and "张阿姨" in line and "楼下小陈" in line, line
    assert "张阿姨 又发来" not in line, line
    assert "120" in chen.last().text  # she still gets 120 and the committee phone


async def _wang_and_wangli_on_his_call(people, app, clock):
    wang = await his_confirmed_call(people, clock)
    wangli = await signed_up(people("王丽"), "13911110002")
    await wang.send("救命")  # the minute's first: to staff at once
    return wang, wangli


async def test_the_minutes_count_says_who_cried_when_he_and_his_daughter_both_do(people, app, clock):
    wang, wangli = await _wang_and_wangli_on_his_call(people, app, clock)
    li = people("李社工")
    clock.advance(seconds=2)
    await wang.send("救命")
    await wangli.send("救命，我爸爸摔倒了")
    await wangli.send("快来人")
    clock.advance(seconds=70)
    await app.engine.tick()
    line = li.last("次").text
    assert "#1" in line and "王老伯" in line and "1 次" in line, line
    assert "女儿" in line and "王丽" in line and "2 次" in line, line
    assert "王老伯 又发来 3 次" not in line, line


async def test_the_count_of_his_own_cries_alone_reads_as_before(people, app, clock):
    wang, _ = await _wang_and_wangli_on_his_call(people, app, clock)
    li = people("李社工")
    clock.advance(seconds=2)
    await wang.send("救命")
    await wang.send("救命")
    clock.advance(seconds=70)
    await app.engine.tick()
    assert "王老伯 又发来 2 次求助" in li.last("次求助").text


async def test_only_his_daughter_crying_again_is_counted_as_hers(people, app, clock):
    wang, wangli = await _wang_and_wangli_on_his_call(people, app, clock)
    li = people("李社工")
    clock.advance(seconds=2)
    await wangli.send("救命")
    await wangli.send("救命 快点")
    clock.advance(seconds=70)
    await app.engine.tick()
    line = li.last("次").text
    assert "女儿" in line and "王丽" in line and "2 次" in line, line
    assert "王老伯 又发来" not in line, line


async def test_a_neighbours_cry_on_her_claimed_call_is_a_new_urgent_call_read_as_the_neighbours(people, app, clock):
    """李社工 has 张阿姨's call; the neighbour who reported it cries again: a renewal to 李社工, in her words."""
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    chen, li = people("楼下小陈"), people("李社工")
    await chen.send("3号楼的张阿姨摔倒了")
    await li.press_data(li.last("#1").message_id, "inc:claim:1")
    clock.advance(seconds=70)
    await chen.send("救命 快来人")
    line = li.last("救命 快来人").text.splitlines()[0]
    assert "#1" in line and "楼下小陈" in line and "紧急" in line, line
    assert "张阿姨 又发来" not in line, line
    assert not any("紧急求助 #2" in t for t in li.texts())
