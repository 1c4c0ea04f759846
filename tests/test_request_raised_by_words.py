"""Her open request ("我今天有点不舒服", staff asked whether to visit) raised to an emergency by a cry in words: she reads
"🆘 已通知值班社工" and her address read back — and not, in the same breath, "没有看懂地址" (the cry's own words were
taken for her answer to the read-back the cry had just asked)."""
import pytest
from conftest import enrolled


@pytest.mark.parametrize("cry", ["有人在撬我家门", "门外有人在砸门 好怕", "我摔倒了起不来"])
async def test_a_cry_raising_her_request_is_not_its_own_answer_to_the_address(people, app, cry):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我今天有点不舒服")
    seen = len(zhang.texts())
    await zhang.send(cry)
    after = zhang.texts()[seen:]
    assert any("已通知值班社工" in t for t in after), after
    assert "请确认您现在的地址" in after[-1], after
    assert not any("具体一点" in t for t in after), after
    assert cry in people("李社工").last("#1").text


async def test_guard_an_address_told_after_the_read_back_is_still_taken(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我今天有点不舒服")
    await zhang.send("我摔倒了起不来")
    await zhang.send("救命 我在建新路27弄7号")
    assert "7号" in people("李社工").last("#1").text


@pytest.mark.parametrize("words", ["有人在砸我家门", "有人在撬我家门", "外面有人在撬锁"])
async def test_someone_at_the_door_said_to_the_read_back_is_not_where_she_is(people, app, words):
    """"有人在砸门" to "请确认您现在的地址": someone (有人) is at the door — not her saying she is elsewhere."""
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    assert "请确认您现在的地址" in zhang.last().text
    seen = len(zhang.texts())
    await zhang.send(words)
    after = zhang.texts()[seen:]
    assert not any("具体一点" in t for t in after), after
    assert words in people("李社工").last("#1").text
