"""Asked where she is (🆘, ❌ 不对), she sends a sticker, a voice or a photo (probe, session 26): staff got it, she read
"已转给社工。" — and the question was gone from sight, while at the read-back and "需要马上有人来吗？" it is asked again.
Now it is asked once more, in words, and her answer next still reaches staff as where she is; never a third time."""
import pytest
from conftest import enrolled


async def _asked_where(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("🆘 紧急求助")
    await zhang.click(zhang.last(), "不对")
    return zhang, people("李社工")


@pytest.mark.parametrize("kind", ["sticker", "voice", "photo"])
async def test_the_question_comes_again_after_her_media(people, app, kind):
    zhang, li = await _asked_where(people, app)
    before = len(li.inbox)
    await zhang.send_kind(kind)
    assert len(li.inbox) > before  # staff got it
    assert "在哪里" in zhang.last().text, zhang.last().text
    await zhang.send("在菜场")
    assert any("不一样" in m.text and "在菜场" in m.text for m in li.inbox[before:])


async def test_never_a_third_time(people, app):
    zhang, _ = await _asked_where(people, app)
    await zhang.send_kind("sticker")
    await zhang.send_kind("sticker")
    assert "在哪里" not in zhang.last().text
