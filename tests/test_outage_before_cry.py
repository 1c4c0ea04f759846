"""What a caller types just BEFORE their cry while Redis is away belongs to the call too.

Redis is away. 王老伯 has fallen; he first types where he is — "我在建新路27弄3号602室", not the door on the register
(the real case: a man who could not get up gave the wrong door number) — and only then "救命". The fallback journals
the address as a text with no cry behind it ("loose"), and once Redis was back it was dropped unread, as he had no
call open before the outage: the address he gave was lost. Now a text journaled within BEFORE_CRY_SECONDS before
the sender's own cry joins the call that cry becomes, like the words typed after it: on its timeline at its own
time, in its packet, and a door that differs from the register beside it.
"""
from conftest import signed_up
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import said_on
from test_outage_said import settled

from bot.incidents.outage import BEFORE_CRY_SECONDS
from bot.testing.tools import Person


async def test_an_address_typed_just_before_the_cry_joins_the_call_beside_the_register(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    own_redis.stop()
    await wang.send("我在建新路27弄3号602室")
    said_at = clock.ts()
    clock.advance(seconds=40)
    await wang.send("救命")
    told = len(wang.inbox)
    clock.advance(minutes=3)
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert [(e["at"], e["by"], e["words"]) for e in said] == [(said_at, "王老伯", "我在建新路27弄3号602室")]
    packet = li.last(f"紧急求助 #{n}").text
    assert "居民说的地址和登记的不一样" in packet and "⚠️3号" in packet and "建新路27弄3号602室" in packet
    assert (await app.svc.store.incident(n))["address_state"] == "corrected"
    (new,) = wang.inbox[told:]  # recovery's one message, not the read-back of the register he contradicted
    assert "系统已恢复" in new.text and "对吗" not in new.text and not new.buttons
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []


async def test_staff_alerted_during_the_outage_read_at_once_what_he_typed_just_before_his_cry(
        make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    li = Person(app, 1001)
    own_redis.stop()
    await wang.send("今天天气怎么样")
    clock.advance(seconds=BEFORE_CRY_SECONDS + 60)
    await wang.send("我在建新路27弄3号602室")
    clock.advance(seconds=40)
    await wang.send("救命")
    alert = li.last("救命").text  # the fallback's one-off alert, minutes before Redis is back
    assert "系统故障" in alert and "建新路27弄3号602室" in alert and "天气" not in alert


async def test_a_daughters_words_before_her_cry_join_her_fathers_call_as_hers(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    daughter = await signed_up(Person(app, 5050, "王丽"), "13911110002")
    li = Person(app, 1001)
    own_redis.stop()
    await daughter.send("门开着，钥匙在邻居家")
    clock.advance(minutes=2)
    await daughter.send("我爸爸摔倒了起不来")
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    said = [e for e in await app.svc.store.timeline(n) if e["event"] == "outage_said"]
    assert [(e["by"], e["words"]) for e in said] == [("王丽", "门开着，钥匙在邻居家")]
    assert "钥匙在邻居家" in li.last(f"#{n}").text
    assert (await app.svc.store.incident(n))["address_state"] != "corrected"


async def test_chatter_long_before_the_cry_and_other_peoples_words_stay_out_of_the_call(make_app, own_redis, clock):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    own_redis.stop()
    await wang.send("今天天气怎么样")
    clock.advance(seconds=BEFORE_CRY_SECONDS + 60)
    await zhang.send("我在3号楼602")  # hers, not his: she made no call
    clock.advance(seconds=10)
    await wang.send("门开着")
    clock.advance(seconds=10)
    await wang.send("救命")
    own_redis.start()
    await replay_tick(app)
    await settled(app)
    (n,) = await app.svc.store.open_incident_ids()
    assert said_on(await app.svc.store.timeline(n)) == ["门开着"]
    assert (await app.svc.store.incident(n))["address_state"] == "pending"
    assert list(app.svc.outage.journal.folder.glob("*.jsonl")) == []
