"""A request that is no emergency but leaves an old man at risk of a fall: a power cut in the dark, water over the
floor. Before: only "已经告诉居委会社工"; now also one short line on not falling meanwhile. Staff get the request as
before; an errand reads no such line."""
import pytest
from conftest import signed_up

RISKS = [("家里停电了 好黑", "摸黑"), ("灯泡坏了 想请人来换一下", "摸黑"), ("跳闸了 屋里没电", "摸黑"), ("阿拉屋里厢电灯勿亮了", "摸黑"),
         ("水管爆了 家里都是水", "滑"), ("楼上漏水 地上都是水", "滑")]


@pytest.mark.parametrize("words, line", RISKS)
async def test_a_request_in_the_dark_or_on_a_wet_floor_tells_him_how_not_to_fall(people, app, words, line):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    assert "求助 #1" in people("李社工").last("#1").text
    told = "\n".join(wang.texts())
    assert line in told and ("社工" in told or "staff" in told), told


async def test_an_errand_reads_no_such_line(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("帮我买点菜")
    told = "\n".join(wang.texts())
    assert "社工" in told and "摸黑" not in told and "滑" not in told


async def test_a_phone_running_flat_is_no_power_cut(people, app):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send("我手机快没电了")
    assert "摸黑" not in "\n".join(wang.texts())
