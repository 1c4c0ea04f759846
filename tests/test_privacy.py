"""Personal data (phones, addresses, health notes) never reaches the logs in full."""
import logging

from conftest import signed_up


async def test_a_whole_help_request_logs_no_phone_address_or_note(people, app, clock, caplog):
    caplog.set_level(logging.DEBUG)
    stranger = people("孙阿婆")
    await stranger.share_contact("13700001234")  # unknown number: pending, logged masked
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我摔倒了起不来 我住建新路27弄5号302室")
    await wang.click(wang.last("需要马上有人来吗"), "是")
    await wang.click(wang.last("请确认您现在的地址"), "不对")
    await wang.send("建新路27弄7号302室")
    clock.advance(minutes=9)
    await app.engine.tick()
    await app.engine.tick()
    li = people("李社工")
    await li.click(li.last("紧急求助"), "我来处理")
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert caplog.records, "the flow is expected to log something"
    for secret in ("13900000002", "13700001234", "13911110002", "13922220001", "27弄5号", "302室", "耳背"):
        assert secret not in logged
