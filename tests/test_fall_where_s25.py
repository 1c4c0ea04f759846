"""She fell and said where: "我在楼下摔倒了 起不来", "我在女儿家摔倒了", "我在隔壁王阿姨家摔倒了", and a voice-typed run-on
"我早上去楼下走了走 我刚才在厨房摔倒了起不来". The place named someone (楼下, 女儿, 隔壁 are words for a neighbour or kin),
so the fall was read as someone else's and her first line of advice was for helping another person up: "不要硬把人拉
起来，给人盖件衣服保暖，陪着等人来" — to a woman on the floor. Now a place she is in names nobody; someone named as
the one who fell still gets those lines (probe, session 25)."""
import pytest
from conftest import signed_up

OTHERS_LINE = "不要硬把人拉起来"
HER_LINE = "不要勉强起来"


async def _advice(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(words)
    return wang.last("已通知值班社工").text


@pytest.mark.parametrize("words", ["我在楼下摔倒了 起不来", "我在女儿家摔倒了", "我在隔壁王阿姨家摔倒了",
                                   "我早上去楼下走了走 我刚才在厨房摔倒了起不来", "我到楼上拿东西 摔了一跤起不来"])
async def test_her_own_fall_somewhere_named_gets_her_lines_not_the_helpers(people, app, words):
    told = await _advice(people, words)
    assert HER_LINE in told and OTHERS_LINE not in told, told


@pytest.mark.parametrize("words", ["我老伴摔倒了", "楼下老太太摔倒了 起不来", "我妈在她家摔倒了", "老伴在女儿家摔倒了"])
async def test_someone_else_who_fell_still_gets_the_helpers_lines(people, app, words):
    """Guard."""
    assert OTHERS_LINE in await _advice(people, words)
