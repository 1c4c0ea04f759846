"""The demo shows the desk: without a token, `sh run.sh` starts it on 127.0.0.1 and prints a sign-in link."""
import re
import socket

from test_console import run_console

from bot.redis_server import free_port


def test_the_console_demo_prints_a_one_time_desk_link(tmp_path):
    port = free_port()  # below the kernel's ephemeral range: bind(0) handed out one an outgoing connection could take
    out = run_console(tmp_path, "/as 李社工\n/web\n/quit\n",
                      console={"enabled": True, "listen": "127.0.0.1", "port": port, "public_url": None}).stdout
    links = re.findall(rf"http://127\.0\.0\.1:{port}/signin/[\w-]+", out)
    assert len(links) == 2 and links[0] != links[1]  # one printed at start, one sent by /web


def test_a_busy_port_does_not_stop_the_bot(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        out = run_console(tmp_path, "/as 王老伯\n救命\n/quit\n",
                          console={"enabled": True, "listen": "127.0.0.1", "port": port, "public_url": None}).stdout
    assert "紧急求助 #1" in out and "/signin/" not in out
