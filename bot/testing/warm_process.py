"""`start(module, args, env=..., cwd=...)`: the bot as a process, forked from one that has imported it already.

A fresh interpreter pays the imports at every start: aiogram alone builds its pydantic schemas for 3-4 s, the bot's
modules take 2 s more, and the tests that kill and restart the bot start it a dozen times. Here one server process
per test process imports them once (multiprocessing's forkserver), and each start forks from it. The child is a
process of its own: its pid, environment, working directory, event loop, Redis connections, signal handlers,
stderr and exit code; it runs `python -m module args` as the interpreter would (`__main__`, `sys.argv`, SystemExit's
code, the atexit functions at the end). Only what importing does happened before the fork, so a test that checks a
cold start (what the bot prints while it imports, how long it takes) starts `python -m` itself.

The returned object answers what the tests ask of a `subprocess.Popen`: pid, poll(), wait(timeout), send_signal(),
terminate(), kill(), returncode, and stderr (bytes read from a socket, end of file at the exit) unless it goes to a
file (`stderr_path`).
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
import runpy
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

# imported once in the server process; not the module run as __main__ itself (runpy warns about that)
PRELOAD = ["bot.__main__", "bot.app", "bot.district", "bot.handlers.aiogram_adapter", "bot.handlers.ptb_adapter",
           "nlu", "nlu.qa"]
_context = None


def _server():
    global _context
    if _context is None:
        _context = multiprocessing.get_context("forkserver")
        _context.set_forkserver_preload(PRELOAD)
    return _context


def _child(module: str, args: list[str], env: dict, cwd: str, err_socket: str | None, err_path: str | None) -> None:
    os.chdir(cwd)
    os.environ.clear()
    os.environ.update(env)
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)
    if err_socket:
        conn = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        conn.connect(err_socket)
        os.dup2(conn.fileno(), 2)
        conn.close()
    else:
        os.dup2(os.open(err_path or os.devnull, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600), 2)
    sys.argv = [module, *args]
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


def start(module: str, args: list[str], *, env: dict, cwd: str | Path, stderr_path: str | Path | None = None,
          timeout: float = 60) -> WarmProcess:
    """`python -m module *args` with `env` in `cwd`, its stdout to /dev/null, its stderr to `stderr_path` or, without
    one, readable from `.stderr`."""
    listener = address = None
    if stderr_path is None:
        address = os.path.join(tempfile.mkdtemp(prefix="warm-"), "stderr")
        listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        listener.bind(address)
        listener.listen(1)
        listener.settimeout(timeout)
    proc = _server().Process(target=_child, args=(module, list(args), dict(env), str(cwd), address,
                                                  str(stderr_path) if stderr_path else None))
    proc.start()
    stderr = None
    if listener is not None:
        try:
            conn, _ = listener.accept()
        finally:
            listener.close()
            os.unlink(address)
            os.rmdir(os.path.dirname(address))
        conn.settimeout(None)
        stderr = conn.makefile("rb")
        conn.close()  # the file keeps the connection open
    return WarmProcess(proc, stderr)
