"""A gas stove that will not turn off, a pot boiling dry on the fire (session 20's probes; words8 noticed the first):
"我家煤气灶着了关不掉" and "燃气灶的火关不了" were a possible cry only (staff alerted, she asked), with the generic
lines ("能安全走到门口，再把门锁打开"); "炉子上的锅烧干了" the same. Each is a gas or fire danger now, with its own lines. A stove that
will not light is a repair."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words, line", [("我家煤气灶着了关不掉", "打开窗户通风"), ("燃气灶的火关不了", "打开窗户通风"),
                                         ("炉子上的锅烧干了", "关掉炉火")])
async def test_a_stove_that_will_not_go_out_gets_the_dangers_own_lines(people, app, words, line):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "紧急求助 #1" in people("李社工").last("#1").text
    said = wang.last("已通知值班社工").text
    assert line in said and "把门锁打开" not in said, said


async def test_guard_a_stove_that_will_not_light_is_no_emergency(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("煤气灶打不着火")
    inc = await app.svc.store.incident(1)
    assert inc is None or inc["kind"] != "emergency"
