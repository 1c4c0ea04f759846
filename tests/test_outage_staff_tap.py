"""Redis goes away just as a staff member taps 接单 or 已解决 on a call's packet.

李社工 has 王老伯's packet and taps 🙋 我来处理 the second Redis stops. Nothing can be recorded: she used to read the
residents' "系统暂时出了点问题 … 情况危急请马上拨打120", with nothing saying whether her claim counted — she might set
off believing the call hers while the bot kept it open, or tap 已解决 and believe it closed. Now she reads plainly
that her tap was not recorded, to phone him now (his number is on the packet above) and to tap again once the
system is back; the call itself is not lost: once Redis answers, it is still open and can be claimed.
"""
from conftest import signed_up
from test_outage_journal import own_redis  # noqa: F401  (a fixture)

from bot.testing.tools import Person

NOT_RECORDED = "没有记录上"


async def test_a_claim_tapped_while_redis_is_down_says_it_was_not_recorded_and_the_call_stays_claimable(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = Person(app, 1001, "李社工")
    packet = li.last("紧急求助 #1")
    own_redis.stop()
    await li.click(packet, "我来处理")
    told = li.last().text
    assert NOT_RECORDED in told and "再按一次" in told and "王老伯" not in told, told  # no resident's data needed
    assert "情况危急请马上拨打120" not in told  # not the residents' message
    own_redis.start()
    inc = await app.svc.store.incident(1)
    assert inc["status"] == "open" and not inc.get("claimed_by")  # the call is not lost: still waiting for her
    await li.click(li.last("紧急求助 #1"), "我来处理")
    assert (await app.svc.store.incident(1))["claimed_by"] == "li"


async def test_resolve_tapped_while_redis_is_down_says_it_was_not_recorded(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    await wang.send("🆘 紧急求助")
    li = Person(app, 1001, "李社工")
    await li.click(li.last("紧急求助 #1"), "我来处理")
    own_redis.stop()
    await li.press_data(li.last("紧急求助 #1").message_id, "inc:resolve:1")
    assert NOT_RECORDED in li.last().text, li.texts()[-3:]
