"""The suite itself: any attempt to reach beyond this machine fails the test that made it."""
import socket

import aiohttp
import pytest


def test_a_plain_socket_to_the_internet_is_refused():
    with socket.socket() as s, pytest.raises(ConnectionRefusedError, match="may not reach the internet"):
        s.connect(("93.184.216.34", 80))


async def test_an_http_client_to_the_internet_is_refused():
    async with aiohttp.ClientSession() as http:
        with pytest.raises(aiohttp.ClientConnectorError) as err:
            await http.get("http://93.184.216.34/", timeout=aiohttp.ClientTimeout(total=5))
    assert "may not reach the internet" in str(err.value.os_error)


def test_loopback_is_allowed(redis_server):
    with socket.create_connection(("127.0.0.1", redis_server.port), timeout=2):
        pass
