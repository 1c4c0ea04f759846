"""Four residents press 🆘 in the same instant. 李社工 gets one digest listing #1 #2 #3 #4, then each call's full
packet — but in the order each call's record happened to finish in Redis (#2, #4, #3, #1), so scrolling down she
read them out of the order she had just been shown, and took the packet under the digest's first line for #1. Now
the packets follow the digest's order, and the first of them still leaves as soon as its own record is written."""
import asyncio
import re

from bot.testing.tools import Person
from tests.test_burst import DIGEST, residents, surge_out_of_reach

SLOW_RECORD = {1: 0.4, 3: 0.2}  # seconds Redis takes to write these calls' first alert rounds down


def in_order(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"#(\d+)", text)]


async def test_the_full_packets_follow_the_digest_in_its_order(make_app, settings):
    app = await make_app(settings_=surge_out_of_reach(settings))
    store, record = app.svc.store, app.svc.store.record_alerts

    async def slow(n, *args, **kw):
        if delay := SLOW_RECORD.pop(n, 0):
            await asyncio.sleep(delay)
        return await record(n, *args, **kw)

    store.record_alerts = slow
    people = await residents(app, 4)
    await asyncio.gather(*(p.send("🆘 紧急求助") for p in people))
    await asyncio.gather(*app.svc.incidents.pending())
    li = Person(app, 1001, "李社工")
    digests = [s for s in li.inbox if DIGEST in s.text]
    assert len(digests) == 1, li.texts()
    listed = [n for n in in_order(digests[0].text) if n in (1, 2, 3, 4)]
    listed = list(dict.fromkeys(listed))
    packets = [in_order(s.text)[0] for s in li.inbox if DIGEST not in s.text and "紧急求助 #" in s.text]
    assert sorted(packets) == [1, 2, 3, 4]
    assert packets == listed, f"digest {listed}, packets in the order {packets}"
