"""王丽 (his daughter) tells where the spare key is — "我爸家的钥匙在隔壁李阿姨那里" — while an emergency call for her father
is open. Her words reached the call, but she read "他们会记下来，有急事时用得上": as if nothing were happening (lead's
probe, session 18). Now she reads that the staff handling the call have it; with no call open she still reads that
it is kept for an emergency."""
from __future__ import annotations

from datetime import datetime

import pytest
from conftest import signed_up
from test_incident_followups import SH

from bot.testing.tools import Person

KEY = "我爸家的钥匙在隔壁李阿姨那里"


async def _signed(people, app, clock):
    clock.set(datetime(2026, 11, 23, 10, 0, tzinfo=SH))
    wang = await signed_up(people("王老伯"), "13900000002")
    wangli = await signed_up(people("王丽"), "13911110002")
    return wang, wangli, Person(app, 1001, "李社工")


@pytest.mark.parametrize("who", ["daughter", "father"])
async def test_a_key_told_on_his_open_emergency_reads_as_passed_to_those_handling_it(people, app, clock, who):
    wang, wangli, li = await _signed(people, app, clock)
    if who == "daughter":
        await wangli.send("我爸摔倒了 起不来")
        assert "🆘" in wangli.last("社工").text
    else:
        await wang.send("🆘 紧急求助")
        await wang.click(wang.last("地址"), "对")
    clock.advance(seconds=70)
    await wangli.send(KEY)
    said = wangli.last().text
    assert "有急事时用得上" not in said and "正在处理" in said, said
    assert [t for t in li.texts() if KEY in t and "#1" in t]


async def test_with_no_call_open_the_key_is_still_kept_for_an_emergency(people, app, clock):
    wang, wangli, li = await _signed(people, app, clock)
    await wangli.send(KEY)
    assert "有急事时用得上" in wangli.last().text
