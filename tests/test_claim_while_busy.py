"""A staff member's 🙋 我来处理 pressed while the call's lock is held past its wait (a slow round, a stuck worker).

redis-py's LockError is also a ValueError, and the button door took ValueError for forged numbers: 李社工 read
"这个按钮已经过期了" on a call nobody had — she might well think it was over. Now she reads that her tap may not
have been recorded and to press again (the fallback's staff line), never that the button is stale.
"""
from conftest import signed_up


async def test_a_claim_that_cannot_take_the_calls_lock_is_never_called_a_stale_button(app, people):
    wang, li = await signed_up(people("王老伯"), "13900000002"), people("李社工")
    await wang.send("救命")
    held = app.svc.store.lock("incident:1", timeout=60, blocking_timeout=1)  # a round that does not finish
    assert await held.acquire()
    seen = len(li.texts())
    await li.click(li.last("#1"), "我来处理")
    said = "\n".join(li.texts()[seen:])
    assert "过期" not in said and "再按一次" in said, said
    await held.release()
    await li.click(li.last("#1"), "我来处理")
    assert "李社工 已接单" in li.last("#1").text or any("已接单" in t for t in li.texts()[seen:])
