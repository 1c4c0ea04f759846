""""那我老伴呢" with nothing before it (no answer on a pension, no question asked). Before: a full 🆘 to the duty worker
(read as a missing husband) with "您需要马上有人来吗？" — at night, for a question. Now one short question: what about
him? with [🆘 找不到老伴了] (an emergency at once) and [☎️ 请社工给我回电话]; a reply that says he is missing is an
emergency, any other a request a person phones back about, and no reply in five minutes reaches a person too. A cry
about him ("我老伴倒下了") is still 🆘 at once."""
import pytest
from conftest import signed_up


async def _asks(people, words="那我老伴呢"):
    wang = await signed_up(people("王老伯"), "13900000002")
    n = len(wang.texts())
    await wang.send(words)
    return wang, wang.inbox[n:]


@pytest.mark.parametrize("words", ["那我老伴呢", "我老头子呢？", "那阿拉老太婆呢"])
async def test_her_spouse_named_alone_is_one_question_and_pages_nobody(people, words):
    wang, told = await _asks(people, words)
    asked = told[-1]
    assert "老伴" in asked.text and [b[0] for b in asked.buttons] == ["🆘 找不到老伴了", "☎️ 请社工给我回电话"], told
    assert not any("已通知值班社工" in s.text or "需要马上有人来吗" in s.text for s in told), [s.text for s in told]
    assert people("李社工").texts() == []


async def test_the_missing_button_is_an_emergency_at_once(people):
    wang, told = await _asks(people)
    await wang.click(told[-1], "找不到老伴了")
    alert = people("李社工").last("紧急求助 #1").text
    assert "那我老伴呢" in alert and "找不到老伴" in alert


@pytest.mark.parametrize("words", ["他出去买菜还没回来", "找不到他了"])
async def test_a_missing_husband_typed_after_it_is_an_emergency(people, words):
    wang, _ = await _asks(people)
    await wang.send(words)
    assert words in people("李社工").last("紧急求助 #1").text


async def test_a_reply_that_says_nothing_of_danger_reaches_a_person_as_a_request(people):
    wang, _ = await _asks(people)
    await wang.send("他呀")
    request = people("李社工").last("求助 #1").text
    assert "那我老伴呢" in request and "他呀" in request and "紧急求助" not in request
    assert "养老金" not in request, request  # no pension was asked: staff are not told it was
    assert "社工" in wang.last().text and "🆘" in wang.last().text


async def test_no_reply_reaches_a_person_after_five_minutes(people, app, clock):
    wang, _ = await _asks(people)
    clock.advance(minutes=4)
    await app.engine.tick()
    assert people("李社工").texts() == []
    clock.advance(minutes=2)
    await app.engine.tick()
    request = people("李社工").last("求助 #1").text
    assert "那我老伴呢" in request and "紧急求助" not in request and "养老金" not in request
    assert "社工" in wang.last().text and "🆘" in wang.last().text


@pytest.mark.parametrize("words", ["我老伴倒下了", "老伴呢 他倒在地上了", "我老伴叫不醒"])
async def test_a_cry_about_her_spouse_is_still_an_emergency_at_once(people, words):
    wang, told = await _asks(people, words)
    assert words in people("李社工").last("紧急求助 #1").text
    assert any("已通知值班社工" in s.text for s in told)
