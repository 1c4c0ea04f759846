"""A busy morning, typed on the move in the fewest characters: "1号好了" and "好了" got the menu hint, not the
outcome buttons of her call; a bare "3" got the menu hint, not #3's record as "3号" gets. Words still never close a
call by themselves."""
from test_staff_asks_who_has_it import MENU_HINT, _busy_morning
from test_staff_words_busy_day import _data


async def test_a_numbered_call_said_to_be_fine_offers_its_outcomes(people, app, clock):
    li = await _busy_morning(people, app, clock)
    for words in ("1号好了", "#1 好了", "好了", "都好了"):
        await li.send(words)
        assert "out:1:handled" in _data(li.last()), (words, li.last().text)
    assert (await app.svc.store.incident(1))["status"] == "claimed"  # words never close it


async def test_a_colleagues_numbered_call_said_to_be_fine_is_not_hers_to_close(people, app, clock):
    li = await _busy_morning(people, app, clock)
    await li.send("2号好了")
    assert not any(d.startswith("out:2") for d in _data(li.last()))
    assert MENU_HINT not in li.last().text and "#2" in li.last().text


async def test_a_bare_number_is_that_calls_record(people, app, clock):
    li = await _busy_morning(people, app, clock)
    await li.send("3")
    assert "刘奶奶" in li.last().text and MENU_HINT not in li.last().text
    await li.send("99")  # no such call: the hint, as before
    assert MENU_HINT in li.last().text


async def test_a_question_whether_it_is_fine_is_asked_not_told(people, app, clock):  # guard
    li = await _busy_morning(people, app, clock)
    await li.send("1号好了吗")
    assert not any(d.startswith("out:") for d in _data(li.last()))


async def test_a_bare_fine_holding_no_call_offers_no_call_nobody_has_taken(people, app, clock):
    await _busy_morning(people, app, clock)
    chen = people("陈书记")  # holds none; #3 waits for someone
    await chen.send("好了")
    assert not any(d.startswith("out:") for d in _data(chen.last())), chen.last()
