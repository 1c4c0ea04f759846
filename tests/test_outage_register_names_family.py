"""Someone who becomes one of his call's people while it is open keeps her words if Redis goes away seconds later.

Every worker reads who may speak about an open call (its resident, the family and doctor the register names, once
signed up) again within a second of the counter its scheduler's tick reads moving (incidents:named); else every 15 s.
Two ways of becoming one of them did not move it: staff adding to 王老伯's register entry a contact whose phone is
already signed up (his neighbour 张阿姨, who has his key), and a wife in his register who signs up as a resident
herself. Redis went away seconds later: the other worker took her for nobody's, and her "我马上过去，门钥匙在我这"
went as chatter, dropped at the chatter cap; 李社工, on her way to his door, never read it."""
import pytest
from conftest import signed_up
from test_outage_callers_slow import chatter_full
from test_outage_journal import own_redis, replay_tick  # noqa: F401  (a fixture)
from test_outage_open_call import claimed_call
from test_outage_said import settled

from bot.residents.register import contacts_index
from bot.testing.tools import Person
from scheduler import Waker

WORDS = "我马上过去，门钥匙在我这"
ZHANG = "13900000001"  # 张阿姨, a resident of the register


async def his_contact(store, name: str, phone: str) -> None:
    """Staff add `name` to 王老伯's contacts (the desk's edit and an import write the register so)."""
    everyone = {p["phone"]: p for p in await store.residents()}
    wang = everyone["13900000002"]
    wang["contacts"] = [*wang.get("contacts", []), {"name": name, "relation": "邻居", "phone": phone}]
    await store.replace_residents([wang], contacts_index(list(everyone.values())))


async def added_as_contact(first):
    her = await signed_up(Person(first, 5060, "张阿姨"), ZHANG)  # signed up long before
    return her, lambda: his_contact(first.svc.store, "张阿姨", ZHANG)


async def wife_signs_up(first):
    await his_contact(first.svc.store, "张阿姨", ZHANG)  # in his register long before; not signed up yet
    her = Person(first, 5060, "张阿姨")
    return her, lambda: signed_up(her, ZHANG)


@pytest.mark.parametrize("becomes", [added_as_contact, wife_signs_up])
async def test_one_who_becomes_his_calls_person_keeps_her_words_in_an_outage(make_app, own_redis, clock, becomes):
    first = await make_app(redis_url=own_redis.url)
    second = await make_app(redis_url=own_redis.url)  # another worker, same committee
    her, becoming = await becomes(first)
    _, li, _ = await claimed_call(first)
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()
    await replay_tick(second)  # the second worker knows his call's people: not her yet
    clock.advance(seconds=2)
    await becoming()
    clock.advance(seconds=1)
    await Waker([second.engine]).tick()  # its scheduler's tick reads the counters (one read for all)
    await replay_tick(second)  # its outage job, a second later
    own_redis.stop()
    chatter_full(second, clock)  # only an open call's people's words still go in
    li = Person(second, li.id)  # what the second worker sends her
    seen = len(li.inbox)
    await Person(second, her.id, her.name).send(WORDS)  # her next text reaches the second worker
    for p in second.svc.outage.journal.folder.glob("other-host-*.jsonl"):
        p.unlink()
    own_redis.start()
    await replay_tick(second)
    await settled(second)
    assert any(WORDS in m.text and her.name in m.text for m in li.inbox[seen:]), li.texts()[seen:]
