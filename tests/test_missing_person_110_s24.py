"""Her husband lost (session 24 probe): "我老伴走丢了" read staff were told, "情况危急请马上拨打120", wait at home and
find a photo — but nothing of 110, the number that searches for a lost old man; the intruder's and the scam's advice
name 110, this one did not."""
import pytest
from conftest import signed_up


@pytest.mark.parametrize("words", ["我老伴走丢了", "老头子不见了 出去一天没回来", "找不到我老伴了"])
async def test_a_lost_husband_reads_to_call_110(people, app, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send(words)
    told = zhang.last("已通知值班社工").text
    assert "110" in told and "照片" in told, told
    assert words in people("李社工").last("紧急求助 #1").text
