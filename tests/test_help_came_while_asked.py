"""Help came while her call's questions waited (session 22's probe). After 🆘 she read "您需要马上有人来吗？" and typed
"120来了": staff read her words, and she was read her address back for a yes/no as if nothing had happened; "邻居来了",
"我女儿到了", "my son is here now" were answered "已经转告…" and then "您需要马上有人来吗？" again — the same question, as
if she had not answered. Now her words reach staff (📝 又说) and she reads that it is good someone is with her, and no
more questions; help called but not yet there ("我打了120") is a yes: the address is read back once, never a question
repeated. A danger told with them is still a cry first."""
import pytest
from conftest import signed_up

ARRIVED = ["120来了", "救护车到了", "邻居来了", "我女儿到了", "儿子过来了", "my son is here now",
           "the ambulance is here", "my neighbour has come"]
QUESTIONS = ("您需要马上有人来吗", "请确认您现在的地址", "请告诉我您现在在哪里")


async def _asked(people, cry="🆘"):
    wang = await signed_up(people("王老伯"), "13900000002")
    await wang.send(cry)
    return wang, people("李社工")


async def _says(wang, li, words):
    seen, staff_seen = len(wang.texts()), len(li.texts())
    await wang.send(words)
    return " ".join(wang.texts()[seen:]), li.texts()[staff_seen:]


@pytest.mark.parametrize("words", ARRIVED)
async def test_help_came_told_to_need_now_is_heard_and_nothing_more_is_asked(people, app, words):
    wang, li = await _asked(people)
    assert "您需要马上有人来吗" in wang.last().text
    she, staff = await _says(wang, li, words)
    assert any(words in t and "又说" in t for t in staff), staff
    assert "来了就好" in she, she
    assert not any(q in she for q in QUESTIONS), she
    assert await app.svc.store.incident(2) is None
    assert not (await app.svc.store.incident(1)).get("maybe_false_alarm")  # someone came: no false alarm


@pytest.mark.parametrize("words", ["120来了", "邻居来了"])
async def test_help_came_told_to_the_address_read_back_is_not_asked_again(people, app, words):
    wang, li = await _asked(people, "🆘 紧急求助")
    assert "请确认您现在的地址" in wang.last().text
    she, staff = await _says(wang, li, words)
    assert any(words in t and "又说" in t for t in staff), staff
    assert "来了就好" in she and not any(q in she for q in QUESTIONS), she


async def test_the_ambulance_come_she_is_told_what_to_take(people, app):
    wang, li = await _asked(people)
    she, _ = await _says(wang, li, "救护车来了")
    assert "医保卡" in she, she


async def test_help_called_not_yet_come_is_a_yes_the_address_read_back_once(people, app):
    wang, li = await _asked(people)
    she, staff = await _says(wang, li, "我打了120")
    assert any("我打了120" in t for t in staff), staff
    assert "已经打了" in she.split("请确认您现在的地址")[0], she  # heard first
    assert she.count("请确认您现在的地址") == 1 and "您需要马上有人来吗" not in she, she
    she, _ = await _says(wang, li, "救护车到了")
    assert "来了就好" in she and not any(q in she for q in QUESTIONS), she


@pytest.mark.parametrize("words", ["120来了 我又摔了一跤", "邻居来了 但我起不来开门"])
async def test_guard_a_danger_told_with_it_is_still_a_cry(people, app, words):
    wang, li = await _asked(people)
    she, staff = await _says(wang, li, words)
    assert any(t.startswith("🆘") and "#1" in t and words in t for t in staff), staff  # renewed, not a 📝 note
    assert "来了就好" not in she, she
