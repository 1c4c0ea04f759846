"""A wife telling of her husband ("阿拉老头子今朝一日勿吃饭" — Shanghainese: my old man has not eaten all day) read
"听到您不舒服…要不要请社工来看看您？ [🛏 不用，我先休息]", as if she were the one not eating, and staff read "🤒 身体不
舒服" about her. Her fear that he will fall ("我担心老头子摔倒", "我担心他摔倒") read "没太明白" or "听到您很好，真高兴！".
Now the reply speaks of him, staff read it is her husband, and her fear reaches staff as a worry."""
import pytest
from conftest import signed_up

SPOUSE_UNWELL = ["阿拉老头子今朝一日勿吃饭", "我老头子今天一天没吃饭", "阿拉老太婆今朝勿舒服", "我老伴这两天吃不下饭"]
FEARED = ["我担心老头子摔倒", "我担心他摔倒", "我怕老伴晚上起夜摔倒"]


async def _zhang_says(people, words):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    n = len(zhang.texts())
    await zhang.send(words)
    return zhang, " ".join(zhang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", SPOUSE_UNWELL)
async def test_her_husband_unwell_is_told_of_him_not_her(people, app, words):
    zhang, told, staff = await _zhang_says(people, words)
    assert "听到您不舒服" not in told and "我先休息" not in str(zhang.last().buttons), told
    assert "老伴" in told and "社工" in told and "021-64370000" in told, told
    got = [t for t in staff if "求助 #1" in t]
    assert got and words in got[0] and "老伴" in got[0], staff
    assert "紧急求助" not in got[0], staff


@pytest.mark.parametrize("words", FEARED)
async def test_her_fear_of_his_fall_reaches_staff_as_a_worry(people, app, words):
    zhang, told, staff = await _zhang_says(people, words)
    assert "没太明白" not in told and "真高兴" not in told, told
    assert "社工" in told and "🆘" in told, told  # what to press should he fall
    got = [t for t in staff if "求助 #1" in t]
    assert got and words in got[0] and "紧急求助" not in got[0], staff


@pytest.mark.parametrize("words", ["我老伴摔倒了起不来", "老头子倒在地上不动了", "我担心老头子摔倒了"])
async def test_his_fall_now_is_still_a_cry(people, app, words):
    zhang, told, staff = await _zhang_says(people, words)
    assert any("紧急求助 #1" in t for t in staff), staff


async def test_her_own_ailment_is_still_hers(people, app):
    zhang, told, staff = await _zhang_says(people, "我肚子胀")
    assert "听到您不舒服" in told, told
