"""A flood of texts during an outage neither fills the disk nor crowds out a cry for help.

While Redis is away every text is journaled and fsync'd (it may belong to a call open before the outage). A stuck
client, a stranger or a frightened resident sending hundreds of messages made hundreds of fsyncs and a journal as
long, which every later text and cry reads again (whose cry waits there). Now each sender's texts are journaled at a
few a minute after a first handful; a cry for help is always journaled, theirs or anyone's.
"""
from conftest import signed_up
from test_outage_journal import COMMITTEE, own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call, said_on

from bot.testing.tools import Person


def journaled(app, user_id: int) -> list[str]:
    """The journal's lines about what this person sent (a later line of an entry, e.g. whom it reached, not counted)."""
    lines = [line for p in app.svc.outage.journal.folder.glob("*.jsonl") for line in p.read_text().splitlines()]
    return [line for line in lines if f'"user_id":{user_id},' in line]


async def test_a_strangers_flood_keeps_the_journal_short_and_a_residents_cry_in_the_middle_is_stored(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    stranger, li = Person(app, 7001, "刷屏的人"), Person(app, 1001)
    own_redis.stop()
    for i in range(300):  # five minutes of one a second (no digits: "在吗120" is a stranger's cry, read once Redis is back)
        clock.advance(seconds=1)
        await stranger.send("在吗" + "".join("甲乙丙丁戊己庚辛壬癸"[int(d)] for d in str(i)))
        if i == 150:
            await zhang.send("救命 我摔倒了")
            assert "张阿姨" in li.last("救命").text  # staff hear her at once, flood or not
    assert len(journaled(app, stranger.id)) <= 30
    assert len(journaled(app, zhang.id)) == 1
    assert "120" in stranger.last().text and COMMITTEE in stranger.last().text  # each still answered
    own_redis.start()
    await replay_tick(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert (await app.svc.store.incident(n))["resident"] == (await app.svc.store.resident_by_tg(zhang.id))["id"]
    assert any(f"紧急求助 #{n}" in s.text and "张阿姨" in s.text and s.buttons for s in li.inbox)
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_a_resident_flooding_about_his_open_call_keeps_his_first_words_and_his_cry_is_never_capped(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang, li, n = await claimed_call(app)
    own_redis.stop()
    for i in range(200):
        clock.advance(seconds=1)
        await wang.send(f"钥匙在垫子下{i}")
    await wang.send("我又摔了 救命")  # a cry after the flood: journaled all the same
    assert len(journaled(app, wang.id)) <= 25
    own_redis.start()
    await replay_tick(app)
    said = said_on(await app.svc.store.timeline(n))
    assert said[:8] == [f"钥匙在垫子下{i}" for i in range(8)] and len(said) <= 24
    again = [e for e in await app.svc.store.timeline(n) if e["event"] == "resident_again"]
    assert [e["words"] for e in again] == ["我又摔了 救命"]


async def test_a_text_when_the_journals_disk_has_failed_too_is_still_answered_with_120(make_app, own_redis):
    from pathlib import Path

    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    own_redis.stop()
    app.svc.outage.journal.folder = Path("/dev/null/outage")  # the disk fails too
    app.svc.outage.journal._fd = None
    await zhang.send("门开着")
    assert "120" in zhang.last().text and COMMITTEE in zhang.last().text


async def test_a_stuck_client_crying_for_help_over_and_over_reaches_staff_a_few_times_a_minute_and_all_is_kept(
        make_app, own_redis, clock):
    """Every cry is journaled (once Redis is back they are on the record); staff, woken by the first, are not sent
    thirty alerts from one sender in a minute — a few, the next one saying how many came between — while another
    resident's cry still reaches them at once."""
    app = await make_app(redis_url=own_redis.url)
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    stranger, li = Person(app, 7001, "路人"), Person(app, 1001)
    own_redis.stop()
    for i in range(30):
        clock.advance(seconds=1)
        await stranger.send("救命")
        if i == 15:
            await zhang.send("救命 我摔倒了")
            assert "张阿姨" in li.last().text
    alerts = [m.text for m in li.inbox if "路人" in m.text and "系统故障" in m.text]
    assert 1 <= len(alerts) <= 3
    assert len(journaled(app, stranger.id)) == 30
    clock.advance(minutes=1)
    await stranger.send("救命")
    assert "路人" in li.last().text and "没有转发" in li.last().text  # how many came between
