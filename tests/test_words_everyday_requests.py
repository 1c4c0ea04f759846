"""Everyday needs an 80-year-old types, that a person of the committee handles. Before: "楼道灯不亮" (the stairwell
light) and "窗帘掉下来了，我够不着" paged the duty worker with 🆘 and "需要马上有人来吗？"; "楼道灯坏了好几天了" was told
"听到您不舒服"; "我要开证明" (a certificate from the committee), "我想学用智能手机", "隔壁在装修 灰尘好大" were "没太明白".
Now each is a request staff read in her words; a quarrel heard outside gets a kind short answer and bothers nobody."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", [
    "楼道灯不亮", "楼道灯坏了好几天了", "楼梯上的灯不亮了", "窗帘掉下来了，我够不着",     # paged staff / "unwell"
    "我要开证明", "我想开个证明", "居委会能开证明吗",                                  # "没太明白"
    "我想学用智能手机", "我想学用微信", "谁能教我用手机",
    "我想领一个新插线板",
    # said otherwise than the training rows
    "楼道的灯不亮了", "我家楼道灯又坏了", "我想开一张证明", "要开证明 找谁", "想学学怎么用智能手机", "教我用微信视频好吗",
])
async def test_an_everyday_need_reaches_staff_as_a_request_in_her_words(people, words):
    said, staff = await _says(people, words)
    assert any(words in t for t in staff if "求助 #1" in t), staff
    assert not any("紧急求助" in t for t in staff), staff
    for never in ("没太明白", "需要马上有人来吗", "不舒服", "很好"):
        assert never not in said, said


@pytest.mark.parametrize("words", ["隔壁在装修 灰尘好大", "楼上装修声音好吵", "隔壁楼在装修，好吵"])
async def test_a_neighbours_renovation_is_understood_and_staff_are_one_tap_away(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)   # was "没太明白"
    said = "\n".join(wang.texts()[n:])
    assert "没太明白" not in said and "邻居" in said, said
    await wang.click(wang.last(), "转给社工")
    assert any(words in t for t in people("李社工").texts() if "求助 #1" in t), people("李社工").texts()


@pytest.mark.parametrize("words", ["外面有人吵架好吓人", "楼下有人吵架", "隔壁又在吵架了"])
async def test_a_quarrel_heard_outside_gets_a_kind_word_and_bothers_nobody(people, words):
    said, staff = await _says(people, words)   # the first paged staff with 🆘, the others were "没太明白"
    assert "门" in said and "110" in said and "120" not in said, said
    assert staff == [], staff


@pytest.mark.parametrize("words", ["外面有人打架 有人流血了", "外面有人吵架 还砸我家门"])
async def test_a_fight_with_a_danger_in_it_still_alerts(people, words):
    said, staff = await _says(people, words)
    assert any("紧急求助 #1" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我掉下来了", "我从楼梯上掉下来了", "人掉下来了"])
async def test_she_herself_fallen_from_somewhere_is_still_a_cry_with_the_falls_advice(people, words):
    said, staff = await _says(people, words)   # (things that fell, "窗帘掉下来了", are a request: above)
    assert any(words in t for t in staff if "紧急求助 #1" in t), staff
    assert "侧身" in said, said
