"""A Sentinel service whose hosts drop packets instead of refusing them (powered off, or cut off by a network fault):
each sentinel asked costs a whole connect (or socket) timeout, 1 s, so one try of a command — asking the three in
turn — takes 3 s. The tries went on while the failover's time (bot/redisconn.py FAILOVER_SECONDS, 6 s) had not run
out when they started: the last one, begun at 5.3 s, ended at 8.3 s, and her 🆘 read 120 only then (only refused
connections on 127.0.0.1 had been tried: a 🆘 answered after about 6 s). Now no try runs past that time. A listening
socket on 127.0.0.1 that never accepts nor answers stands for such a host."""
import asyncio
import socket
import time

from test_failover import answered_within, sentinel_app
from test_failover_all_gone import BOUND
from test_fallback_media import COMMITTEE, STAFF

from bot.redisconn import FAILOVER_SECONDS
from bot.testing.sentinel import SentinelGroup
from bot.testing.tools import Person
from tests.test_burst import residents


def black_hole(port: int) -> socket.socket:
    """A host that drops what is sent to it: the port listens and never accepts (its backlog full at once)."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    s.bind(("127.0.0.1", port))
    s.listen(0)
    return s


async def test_a_sos_with_every_host_of_the_service_dropping_packets_gets_120_and_reaches_staff_in_time(
        tmp_path, settings, clock, nlu_model, knowledge_base):
    with SentinelGroup(tmp_path) as group:
        app = await sentinel_app(group, settings, clock, nlu_model, knowledge_base)
        holes = []
        try:
            neighbour, she = await residents(app, 2)
            await neighbour.send("🆘 紧急求助")  # connections open, as in a running bot
            ports = [*group.sentinel_ports, group.master_now(), group.replica_port]
            group.kill_all(*ports)
            holes = [black_hole(port) for port in ports]
            t0 = time.monotonic()
            await answered_within([asyncio.ensure_future(she.send("🆘 紧急求助"))], 40)
            took = time.monotonic() - t0
            assert COMMITTEE in she.last("120").text
            for staff_id in STAFF:
                alert = Person(app, staff_id).last("居民1")
                assert "系统故障" in alert.text and "🆘" in alert.text
            assert took < min(BOUND, FAILOVER_SECONDS + 1.5), f"🆘 answered after {took:.1f} s"
        finally:
            for hole in holes:
                hole.close()
            await app.close()
