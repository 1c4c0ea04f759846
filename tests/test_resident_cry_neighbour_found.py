"""刘奶奶, registered, types "隔壁张阿姨摔倒了 快来": her call at once (the fast lane reads no register), its packet
saying loudly it may be someone else — but staff were not told which registered neighbour it may be, and had to
phone her back to learn a door the register knew. Now, once the first alert has gone, the staff alerted on her call
get one line after it: the neighbour the words mean, with address and phone (several: each listed, none guessed),
on the call's timeline too and in the packet of later alert rounds. The first alert is the same as before; nobody
found, or the lookup failing, changes nothing."""
import pytest
from conftest import signed_up

from bot.residents import full_address


async def _neighbours(app, *names: str) -> list[dict]:
    """Residents next door to 刘奶奶 (天平路120弄2号101): 2号102, 2号202 …; the sample's 张阿姨 (建新路27弄3号602)
    written with her full name, 张美华: another 张 in another building."""
    store = app.svc.store
    meihua = await store.resident(await store.resident_id_by_phone("13900000001"))
    await store.save_resident({**meihua, "name": "张美华"})
    liu = await store.resident(await store.resident_id_by_phone("13900000003"))
    out = []
    for i, name in enumerate(names):
        person = {**liu, "id": f"r9{i}", "name": name, "phone": f"1390000009{i}", "room": f"{i + 1}02",
                  "contacts": [], "tg_id": None, "doctor": None}
        await store.save_resident(person)
        out.append(person)
    return out


def _address(app, person) -> str:
    return full_address(app.settings.community.address_prefix, person)


async def test_her_cry_about_the_neighbour_next_door_tells_staff_which_door_after_the_first_alert(people, app):
    (guifang,) = await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("隔壁张阿姨摔倒了 快来")
    first = next(m.text for m in app.svc.outbox.messenger.log if m.chat_id == li.id)  # as sent, before edits
    assert first.startswith("🆘🆘 紧急求助 #1") and "可能是别人" in first  # the first alert: her call, as before
    assert "张桂芳" not in first and "张美华" not in first
    line = li.last("张桂芳")
    assert li.inbox.index(line) > 0 and "#1" in line.text
    assert _address(app, guifang) in line.text and guifang["phone"] in line.text
    assert "没有替您猜" not in line.text and "张美华" not in line.text  # next door: in her building
    events = [e for e in await app.svc.store.timeline(1) if e["event"] == "neighbour_named"]
    assert len(events) == 1 and "张桂芳" in events[0]["names"]
    await li.send("/incident 1")
    assert "张桂芳" in li.inbox[-1].text
    assert all("张桂芳" not in t and guifang["phone"] not in t for t in liu.texts())  # hers to read: unchanged


async def test_two_neighbours_called_alike_are_both_listed_none_guessed(people, app):
    guifang, xiuying = await _neighbours(app, "张桂芳", "张秀英")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("隔壁张阿姨摔倒了 快来")
    line = li.last("张桂芳").text
    assert "张秀英" in line and _address(app, guifang) in line and _address(app, xiuying) in line
    assert "没有替您猜" in line


async def test_staff_alerted_at_the_next_round_read_the_neighbour_in_the_packet(people, app, clock):
    (guifang,) = await _neighbours(app, "张桂芳")
    liu = await signed_up(people("刘奶奶"), "13900000003")
    await liu.send("隔壁张阿姨摔倒了 快来")
    clock.advance(minutes=3.1)
    await app.engine.tick()
    chen = people("陈书记")
    packet = chen.last("紧急求助 #1").text
    assert "张桂芳" in packet and _address(app, guifang) in packet


@pytest.mark.parametrize("words", ["隔壁老太太摔倒了", "我摔倒了起不来"])
async def test_words_that_name_nobody_on_the_register_bring_no_line(people, app, words):
    await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send(words)
    assert len(li.inbox) == 1 and "张桂芳" not in li.inbox[0].text


async def test_the_lookup_failing_changes_nothing_she_or_staff_get(people, app, monkeypatch):
    await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("隔壁张阿姨摔倒了 快来")
    told = liu.texts()[2:]
    alerted = [m.text for m in app.svc.outbox.messenger.log if m.chat_id == li.id and not m.edit]

    async def broken(*a, **kw):
        raise ConnectionError("register unreachable")

    await app.svc.incidents.resolve(1, app.settings.staff[0], "false_alarm")
    before_her, before_staff = len(liu.inbox), len(li.inbox)
    monkeypatch.setattr(app.svc.store, "residents_said", broken)
    await liu.send("隔壁张阿姨摔倒了 快来")
    assert [t for t in liu.texts()[before_her:]] == told
    again = li.texts()[before_staff:]
    assert len(again) == 1
    first, packet = again[0].split("\n", 1)
    assert first.startswith("⚠️ 不到1分钟前刚处理完 #1")  # #1 was closed a moment ago (test_alert_after_recent_close)
    assert packet.startswith("🆘🆘 紧急求助 #2") and "可能是别人" in packet
    assert alerted[0].replace("#1", "#2").split("🕒")[0] == packet.split("🕒")[0]


async def test_the_sos_button_first_then_her_words_about_the_neighbour_bring_the_line_once(people, app):
    """She presses 🆘, then types what happened: her words reach staff as before, and the neighbour once."""
    (guifang,) = await _neighbours(app, "张桂芳")
    liu, li = await signed_up(people("刘奶奶"), "13900000003"), people("李社工")
    await liu.send("🆘 紧急求助")
    await liu.send("隔壁张阿姨摔倒了 快来")
    assert any("隔壁张阿姨摔倒了" in t for t in li.texts())
    line = li.last("张桂芳").text
    assert "#1" in line and _address(app, guifang) in line and guifang["phone"] in line
    await liu.send("隔壁张阿姨摔倒了 快来")
    assert sum("张桂芳" in t for t in li.texts()) == 1
