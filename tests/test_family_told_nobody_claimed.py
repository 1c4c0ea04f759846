"""王老伯's 🆘 reaches staff, but nobody takes it, and at the family level 王丽 is told. Before she read "社工正在处理"
(a social worker is on it) — untrue while nobody has taken the call, and exactly why she was told. Now she reads that
staff were told, where the call stands just below (🔴 等待接单), to phone him, and 120."""
from conftest import signed_up


async def test_the_daughter_told_because_nobody_took_his_call_is_not_told_staff_are_on_it(people, app, clock):
    wangli = await signed_up(people("王丽"), "13911110002")
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    clock.advance(minutes=8.1)
    await app.engine.tick()
    await app.engine.tick()
    told = wangli.last("您的家人发出求助").text
    assert "社工正在处理" not in told, told
    assert "已通知社工" in told and "120" in told and "等待接单" in told, told
