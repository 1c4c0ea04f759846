"""Half a sentence (session 24's brief). A slow typer's first message is often a fragment: "我", "那个", "我我". With
nothing open, a lone "我" opened a 🙋 request and she read "好的，已经告诉居委会社工，他们会尽快联系您" — staff were
sent for a word. Now she reads "您慢慢说，我在听。", nobody is paged; if nothing follows within a few minutes, a
person still hears of it (a gentle request to phone her), and she is told. What follows is read as usual."""
import pytest
from conftest import signed_up


async def _wang(people):
    return await signed_up(people("王老伯"), "13900000002"), people("李社工")


async def _later(app, clock, minutes):
    clock.advance(minutes=minutes)
    await app.engine.tick()


@pytest.mark.parametrize("words", ["我", "那个", "我我", "我。", "那个…"])
async def test_a_fragment_alone_is_waited_for_not_sent_to_staff(people, app, clock, words):
    wang, li = await _wang(people)
    seen, staff_seen = len(wang.texts()), len(li.texts())
    await wang.send(words)
    assert "慢慢说" in wang.texts()[-1], wang.texts()[seen:]
    assert not any("已经告诉" in t for t in wang.texts()[seen:]), wang.texts()[seen:]
    assert li.texts()[staff_seen:] == []
    assert await app.svc.store.incident(1) is None
    await _later(app, clock, 1)
    assert li.texts()[staff_seen:] == []  # still waiting


async def test_nothing_after_a_fragment_still_reaches_a_person(people, app, clock):
    wang, li = await _wang(people)
    await wang.send("我")
    seen, staff_seen = len(wang.texts()), len(li.texts())
    await _later(app, clock, 6)
    staff = li.texts()[staff_seen:]
    assert any("王老伯" in t and "“我”" in t for t in staff) or any("王老伯" in t and "我" in t for t in staff), staff
    assert (await app.svc.store.incident(1))["kind"] == "help"
    assert any("社工" in t and "电话" in t for t in wang.texts()[seen:]), wang.texts()[seen:]


async def test_words_after_a_fragment_are_read_as_usual_and_the_wait_ends(people, app, clock):
    wang, li = await _wang(people)
    await wang.send("我")
    clock.advance(seconds=40)
    seen, staff_seen = len(wang.texts()), len(li.texts())
    await wang.send("养老金什么时候发")
    assert not any("慢慢说" in t for t in wang.texts()[seen:]), wang.texts()[seen:]
    await _later(app, clock, 10)
    assert li.texts()[staff_seen:] == [], li.texts()[staff_seen:]
    assert await app.svc.store.incident(1) is None


async def test_guard_a_fragment_then_a_cry_is_a_cry(people, app, clock):
    wang, li = await _wang(people)
    await wang.send("我")
    await wang.send("摔倒了")
    assert (await app.svc.store.incident(1))["kind"] == "emergency"


@pytest.mark.parametrize("words", ["嗯", "好的", "我" * 30])
async def test_guard_an_ok_or_a_long_run_is_not_half_a_sentence(people, app, words):
    wang, _ = await _wang(people)
    await wang.send(words)
    assert "慢慢说" not in wang.texts()[-1], wang.texts()[-1]


async def test_guard_a_fragment_on_her_open_call_is_read_as_on_any_call(people, app):
    wang, _ = await _wang(people)
    await wang.send("🆘")
    await wang.send("要")
    await wang.send("对")
    await wang.send("我")
    assert "慢慢说" not in wang.texts()[-1], wang.texts()[-1]
