"""`start(module, args, env=..., cwd=...)`, `run(...)`: the bot as a process, forked from one that has imported it.

A fresh interpreter pays the imports at every start: aiogram alone builds its pydantic schemas for 3-4 s, the bot's
modules take 2 s more, and the tests that kill and restart the bot start it a dozen times. Here one server process
per test process imports them once (multiprocessing's forkserver), and each start forks from it. The child is a
process of its own: its pid, environment, working directory, event loop, Redis connections, signal handlers,
stderr and exit code; it runs `python -m module args` as the interpreter would (`__main__`, `sys.argv`, SystemExit's
code, the atexit functions at the end). Only what importing does happened before the fork, so a test that checks a
cold start (what the bot prints while it imports, how long it takes) starts `python -m` itself.

`start` returns what the tests ask of a `subprocess.Popen`: pid, poll(), wait(timeout), send_signal(), terminate(),
kill(), returncode, and stderr (bytes read from a socket, end of file at the exit) unless it goes to a file
(`stderr_path`). `run` returns what `subprocess.run(..., input=..., capture_output=True, text=True)` does.
"""
from __future__ import annotations

import atexit
import importlib.util
import locale
import multiprocessing
import os
import runpy
import signal
import socket
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

# imported once in the server process (the module a child runs as __main__ is run afresh: `_child`)
PRELOAD = ["bot.__main__", "bot.app", "bot.district", "bot.handlers.aiogram_adapter", "bot.handlers.ptb_adapter",
           "nlu", "nlu.qa", "bot.testing.warm_models"]
_context = None


def _server():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _child(module: str, args: list[str], env: dict, cwd: str, streams: dict[int, str | None],
           err_path: str | None) -> None:
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        if streams.get(fd):  # a socket the test reads (or, for stdin, writes)
            conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            conn.connect(streams[fd])
            os.dup2(conn.fileno(), fd)
            conn.close()
        elif fd == 2 and err_path:
            os.dup2(os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), 2)
        else:
            os.dup2(null, fd)
    sys.stdin = open(0, closefd=False)  # multiprocessing gave the child /dev/null as stdin: fd 0 as Python would
    sys.argv = [module, *args]
    package = importlib.util.find_spec(module).submodule_search_locations is not None
    sys.modules.pop(f"{module}.__main__" if package else module, None)  # runs afresh as __main__, as `-m` does
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        atexit._run_exitfuncs()  # what the interpreter runs at its exit; the forkserver's child ends with os._exit


class WarmProcess:
    def __init__(self, proc, stderr) -> None:
        self._proc, self.pid, self.stderr = proc, proc.pid, stderr

    @property
    def returncode(self) -> int | None:
        return self._proc.exitcode

    def poll(self) -> int | None:
        return self._proc.exitcode

    def wait(self, timeout: float | None = None) -> int:
        self._proc.join(timeout)
        if self._proc.exitcode is None:
            raise subprocess.TimeoutExpired(f"warm {self.pid}", timeout)
        return self._proc.exitcode

    def send_signal(self, sig: int) -> None:
        if self._proc.exitcode is None:  # not a pid reused since
            os.kill(self.pid, sig)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)


def _spawn(module: str, args: list[str], env: dict, cwd, piped: tuple[int, ...], err_path, timeout: float):
    """The child, and the socket connected to each of its `piped` fds."""
    folder = tempfile.mkdtemp(prefix="warm-")
    address = os.path.join(folder, "stdio")
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        listener.bind(address)
        listener.listen(len(piped) or 1)
        listener.settimeout(timeout)
        # daemon: one a failed test left running is ended when the test process ends, not waited for
        proc = _server().Process(target=_child, args=(module, list(args), dict(env), str(cwd),
                                                      {fd: address for fd in piped}, err_path), daemon=True)
        proc.start()
        conns = {fd: listener.accept()[0] for fd in piped}  # the child connects them in the order of its fds
    finally:
        listener.close()
        if os.path.exists(address):
            os.unlink(address)
        os.rmdir(folder)
    for conn in conns.values():
        conn.settimeout(None)
    return proc, conns


def start(module: str, args: list[str], *, env: dict, cwd: str | Path, stderr_path: str | Path | None = None,
          timeout: float = 60) -> WarmProcess:
    """`python -m module *args` with `env` in `cwd`, its stdin and stdout /dev/null, its stderr to `stderr_path`
    or, without one, readable from `.stderr`."""
    piped = () if stderr_path else (2,)
    proc, conns = _spawn(module, args, env, cwd, piped, str(stderr_path) if stderr_path else None, timeout)
    stderr = None
    if 2 in conns:
        stderr = conns[2].makefile("rb")
        conns[2].close()  # the file keeps the connection open
    return WarmProcess(proc, stderr)


def run(module: str, args: list[str], *, env: dict, cwd: str | Path, input: str = "",
        timeout: float = 180) -> subprocess.CompletedProcess:
    """What `subprocess.run([python, "-m", module, *args], input=input, capture_output=True, text=True)` returns,
    the process forked warm: stdin, stdout and stderr through sockets, read to their end."""
    proc, conns = _spawn(module, args, env, cwd, (0, 1, 2), None, timeout)
    encoding = locale.getpreferredencoding(False)
    out: dict[int, bytes] = {}

    def read(fd: int) -> None:
        with conns[fd].makefile("rb") as f:
            out[fd] = f.read()
        conns[fd].close()

    readers = [threading.Thread(target=read, args=(fd,), daemon=True) for fd in (1, 2)]
    for r in readers:
        r.start()
    conns[0].sendall(input.encode(encoding))
    conns[0].close()
    process = WarmProcess(proc, None)
    try:
        code = process.wait(timeout)
    except subprocess.TimeoutExpired:
        process.kill()
        raise
    for r in readers:
        r.join(timeout)
    text = {fd: out.get(fd, b"").decode(encoding).replace("\r\n", "\n") for fd in (1, 2)}
    return subprocess.CompletedProcess([module, *args], code, text[1], text[2])
