""""我出院了" / "我从医院回来了" from a resident whose greeting was never paused restarted nothing ("欢迎回来！…继续问候您"
for a greeting that never stopped) and told no staff — while a daughter's "我妈出院了" reaches staff as news. Now she
reads a kind line, and staff hear she is back from hospital (they may want to visit), whether or not the greeting was
paused, and whether or not she has the daily greeting at all."""
import pytest
from conftest import enrolled, signed_up

BACK = ["我出院了", "我从医院回来了", "我今天出院回家了"]


def _told_staff(people, words) -> list[str]:
    return [t for t in people("李社工").texts() if words in t]


@pytest.mark.parametrize("words", BACK)
async def test_back_from_hospital_with_nothing_paused_reaches_staff(people, app, words):
    zhang, _ = await enrolled(people, app)
    n = len(zhang.texts())
    await zhang.send(words)
    said = "\n".join(zhang.texts()[n:])
    assert "告诉社工" in said and "继续问候您" not in said, said  # nothing was paused: nothing starts again
    (news,) = _told_staff(people, words)
    assert "🏥" in news and "紧急" not in news, news


@pytest.mark.parametrize("words", BACK[:2])
async def test_back_from_hospital_without_the_greeting_reaches_staff(people, app, words):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    said = "\n".join(wang.texts()[n:])
    assert "告诉社工" in said and "没太明白" not in said, said
    assert _told_staff(people, words)


async def test_back_from_hospital_after_a_pause_also_reaches_staff(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我住院了")
    n = len(zhang.texts())
    await zhang.send("我出院了")
    assert any("继续问候您" in t for t in zhang.texts()[n:]), zhang.texts()[n:]
    assert _told_staff(people, "我出院了")


async def test_guard_back_from_a_trip_tells_no_staff(people, app):
    zhang, _ = await enrolled(people, app)
    await zhang.send("我回来了")
    assert not _told_staff(people, "我回来了")
