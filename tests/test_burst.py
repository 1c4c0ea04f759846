"""Never lose a call for help: 200 residents pressing 🆘 in the same instant all become alerted incidents."""
import asyncio

from bot.testing.tools import Person


async def test_two_hundred_at_once_are_all_stored_and_alerted(app):
    store = app.svc.store
    ids = await store.next_resident_ids(200)
    people = []
    for i, rid in enumerate(ids):
        phone = f"1360000{i:04d}"
        await store.save_resident({"id": rid, "name": f"居民{i}", "phone": phone, "road": "建新路", "lane": "1",
                                   "building": str(i), "room": "101", "lives_alone": True, "birth_date": "1940-01-01",
                                   "contacts": [], "doctor": None, "notes": "", "tg_id": 900000 + i})
        people.append(Person(app, 900000 + i, f"居民{i}"))
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people))
    assert len(await store.open_incident_ids()) == 200
    li = Person(app, 1001, "李社工")
    assert sum("紧急求助 #" in t for t in li.texts()) == 200
    assert all(any("已通知值班社工" in t for t in p.texts()) for p in people)
