"""A worry said with nothing else. Before: "我好担心", "我好担心我儿子" (and "我好擔心") were read as fine — "听到您很好，
真高兴！" — and nobody heard; "我有点担心" was "听到您不舒服"; "我现在很担心我老伴 他还没回来" (her husband not back)
was fine too, the worry taken for a fear of what has not happened. Now a worry gets a kind word and staff phone her;
her husband not back is a call at once; "我好担心我老伴" alone is asked what about him."""
import pytest
from conftest import signed_up


async def _says(people, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, "\n".join(wang.texts()[n:]), people("李社工").texts()


@pytest.mark.parametrize("words", ["我好担心", "我好担心我儿子", "我好擔心", "我有点担心", "心里好不放心"])
async def test_a_worry_gets_a_kind_word_and_staff_phone_her(people, words):
    wang, said, staff = await _says(people, words)
    assert "很好" not in said and "不舒服" not in said and "没太明白" not in said, said
    assert "社工知道了" in said and "打电话" in said, said
    assert any(words in t for t in staff if "求助 #1" in t) and not any("紧急求助" in t for t in staff), staff


@pytest.mark.parametrize("words", ["我现在很担心我老伴 他还没回来", "好担心我老头子 到现在还没回来"])
async def test_her_husband_not_back_told_with_a_worry_is_a_call_at_once(people, words):
    wang, said, staff = await _says(people, words)
    assert any(words in t for t in staff if "紧急求助 #1" in t), staff


async def test_a_worry_about_her_husband_alone_asks_what_about_him(people):
    wang, said, staff = await _says(people, "我好担心我老伴")
    assert [b[0] for b in wang.last().buttons] == ["🆘 找不到老伴了", "☎️ 请社工给我回电话"], wang.last()
    assert staff == []


@pytest.mark.parametrize("words", ["我担心他摔倒", "我怕老伴晚上跌跤"])
async def test_a_fall_feared_is_still_no_call(people, words):
    wang, said, staff = await _says(people, words)
    assert not any("紧急求助" in t for t in staff), staff


@pytest.mark.parametrize("words", [
    "那个我跟你说啊我老伴昨天晚上开始就不舒服今天早上叫他他也不怎么理我我有点担心",   # voice input, no marks
    "老头子发烧了 叫他也不大答应",
])
async def test_her_husband_ill_and_hardly_answering_is_a_call_not_her_own_ailment(people, words):
    wang, said, staff = await _says(people, words)   # the first was "听到您不舒服…要不要请社工来看看您？"
    assert any(words in t for t in staff if "紧急求助 #1" in t), staff
    assert "听到您不舒服" not in said, said

