"""刘奶奶 (registered) asks for something that is no emergency but is about a neighbour — "隔壁张阿姨家的水管漏水了 你们来看
看", "隔壁张阿姨的插线板很旧了 帮她换一个" — and staff read her request, flagged "可能是别人", but not which
registered neighbour it means: they had to phone her back for a door the register knew. (Her cries already brought
that "🏠" line: tests/test_resident_cry_neighbour_found.py.) Now a request brings it too, after the request itself
reached staff, never before it, never instead of it; and a failing lookup changes nothing."""
import pytest
from conftest import signed_up
from test_resident_cry_neighbour_found import _address, _neighbours

REQUESTS = ["隔壁张阿姨家的水管漏水了 你们来看看", "隔壁张阿姨的插线板很旧了 帮她换一个", "隔壁张阿姨想请社工上门帮她理发"]


@pytest.mark.parametrize("words", REQUESTS)
async def test_her_request_about_the_neighbour_next_door_tells_staff_which_door_after_it(people, app, words):
    (guifang,) = await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send(words)
    first = next(m.text for m in app.svc.outbox.messenger.log if m.chat_id == li.id)  # as sent, before edits
    assert "紧急求助" not in first and "求助 #1" in first and "可能是别人" in first and "张桂芳" not in first
    line = li.last("张桂芳")
    assert li.inbox.index(line) > 0 and line.text.startswith("🏠 #1")
    assert _address(app, guifang) in line.text and guifang["phone"] in line.text
    assert all("张桂芳" not in t for t in liu.texts())


async def test_a_request_about_herself_brings_no_line(people, app):
    await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("我家的水管漏水了 你们来看看")
    assert li.texts() and not any("🏠" in t for t in li.texts())


async def test_the_lookup_failing_changes_nothing_she_or_staff_get(people, app, monkeypatch):
    await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")

    async def broken(*a, **kw):
        raise ConnectionError("register unreachable")

    monkeypatch.setattr(app.svc.store, "residents_said", broken)
    await liu.send(REQUESTS[0])
    assert len(li.inbox) == 1 and "求助 #1" in li.inbox[0].text
    assert "已经告诉居委会社工" in liu.inbox[-1].text  # she was told it was passed on, as ever


@pytest.mark.parametrize("first", ["我家的水管漏水了 你们来看看", "🆘 紧急求助"])
async def test_her_request_about_the_neighbour_on_her_open_call_tells_its_staff_which_door(people, app, first):
    """A call of hers is open (her own request, or her 🆘): the neighbour's request joins it, never a second call —
    and the staff holding it get the same 🏠 line after her words, as a request of its own would bring."""
    (guifang,) = await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send(first)
    await liu.send(REQUESTS[1])
    said = li.last("插线板")
    assert "#1" in said.text and not any("#2" in t for t in li.texts())
    line = li.last("张桂芳")
    assert li.inbox.index(line) > li.inbox.index(said) and line.text.startswith("🏠 #1")
    assert _address(app, guifang) in line.text and guifang["phone"] in line.text
    assert all("张桂芳" not in t for t in liu.texts())
    await liu.send(REQUESTS[1])  # said again: the line is not sent twice
    assert sum("张桂芳" in t for t in li.texts()) == 1


ON_HER_BEHALF = ["帮我问问隔壁张阿姨要不要一起去社区食堂吃饭", "请帮我看看隔壁张阿姨最近怎么样"]


@pytest.mark.parametrize("words", ON_HER_BEHALF)
async def test_her_request_on_behalf_of_the_neighbour_is_read_as_the_neighbours(people, app, words):
    """"帮我问问隔壁张阿姨…": the "我" of "帮我" is her asking, the matter is the neighbour's — staff read that it is
    someone else's (calmly: a request, nobody in danger) and which door it is, as for "隔壁张阿姨家的水管漏水了"."""
    (guifang,) = await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send(words)
    first = next(m.text for m in app.svc.outbox.messenger.log if m.chat_id == li.id)
    assert "求助 #1" in first and "紧急求助" not in first
    assert "可能是别人" in first and "出事" not in first  # someone else's matter, not someone else in danger
    line = li.last("张桂芳")
    assert li.inbox.index(line) > 0 and line.text.startswith("🏠 #1")
    assert _address(app, guifang) in line.text and guifang["phone"] in line.text


@pytest.mark.parametrize("words", ["帮我看看我家的水管 又漏水了", "帮我问问隔壁张阿姨 我一个人摔倒了起不来"])
async def test_her_own_need_asked_with_help_me_is_still_hers(people, app, words):
    await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send(words)
    assert li.texts() and not any("可能是别人" in t or "🏠" in t for t in li.texts())
