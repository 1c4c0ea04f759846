"""A call soon after staff closed the resident's last one: 李社工 resolved 张阿姨's 🆘 (#1), and ten minutes later (or 30
seconds later) she calls again. Before, #2's alert read like any other: nothing said a colleague had just closed #1,
though it may be the same trouble back. Now its first line says so plainly — how long ago and who — and #2 is still
a call of its own: claimable, escalating as ever, never folded into the closed one."""
from conftest import signed_up


async def _first_call_resolved(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("🆘 紧急求助")
    li = people("李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    await li.click(li.last("紧急求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    assert (await app.svc.store.incident(1))["status"] == "resolved"
    return zhang, li


async def test_a_cry_ten_minutes_after_the_last_was_resolved_says_so_and_still_escalates(people, app, clock):
    zhang, li = await _first_call_resolved(people, app)
    clock.advance(minutes=10)
    await zhang.send("🆘 紧急求助")
    alert = li.last("紧急求助 #2")
    first = alert.text.splitlines()[0]
    assert "10分钟前" in first and "#1" in first and "李社工" in first and "处理完" in first, alert.text
    assert any("我来处理" in label for label, _ in alert.buttons)  # a call of its own, to be taken
    assert (await app.svc.store.incident(1))["status"] == "resolved"  # the closed one stays closed

    clock.advance(minutes=3, seconds=5)  # nobody takes it: it escalates to everyone as any call does
    await app.engine.tick()
    wa, chen = people("王社工"), people("陈书记")
    for staff in (wa, chen):
        got = staff.last("紧急求助 #2").text
        assert "#1" in got and "李社工" in got, got


async def test_a_cry_half_a_minute_after_says_just_now(people, app, clock):
    zhang, li = await _first_call_resolved(people, app)
    clock.advance(seconds=30)
    await zhang.send("救命 我又摔倒了")
    first = li.last("紧急求助 #2").text.splitlines()[0]
    assert "不到1分钟前" in first and "#1" in first and "李社工" in first, first


async def test_a_cry_days_later_says_nothing_of_the_old_call(people, app, clock):
    zhang, li = await _first_call_resolved(people, app)
    clock.advance(hours=30)
    await zhang.send("🆘 紧急求助")
    assert "#1" not in li.last("紧急求助 #2").text


async def test_another_residents_closed_call_is_not_hers(people, app, clock):
    await _first_call_resolved(people, app)
    wang = await signed_up(people("王老伯"), "13900000002")
    clock.advance(minutes=5)
    await wang.send("🆘 紧急求助")
    assert "#1" not in people("李社工").last("紧急求助 #2").text


async def test_a_request_soon_after_says_so_too(people, app, clock):
    zhang, li = await _first_call_resolved(people, app)
    clock.advance(minutes=20)
    await zhang.send("我家马桶堵了")
    got = li.last("#2").text
    assert "20分钟前" in got and "#1" in got and "李社工" in got, got
