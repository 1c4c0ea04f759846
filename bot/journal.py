"""A local, durable journal of JSON lines: what must survive when Redis does not answer (bot/incidents/outage.py).

Each process appends to a file of its own in the folder (`<host>-<pid>-<nonce>.jsonl`, mode 0600: it holds what
residents said), every line written and fsync'd before the caller goes on. The writer holds an exclusive `flock` on
its file while it lives, so whoever finds a file can tell a live writer's (read it, leave it) from one whose process
died (take it over: read it, and delete it once every entry is safe elsewhere). Nothing here needs Redis.
"""
from __future__ import annotations

import fcntl
import json
import logging
import os
import socket
import threading
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass
class JournalFile:
    """One file as read: its entries (by id, later lines of an id merged into the first), how many lines could not
    be read, and the lock on it if this process may delete it (None: a live writer's)."""

    path: Path
    entries: list[dict] = field(default_factory=list)
    unreadable: int = 0
    fd: int | None = None

    @property
    def ours(self) -> bool:
        return self.fd is not None


class Journal:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self._lock = threading.Lock()  # appends come from worker threads (asyncio.to_thread)
        self._fd: int | None = None  # the file this process appends to now, locked while open
        self._sealed: dict[Path, int] = {}  # its earlier files: still locked, deleted once replayed

    def append(self, entry: dict) -> None:
        """Writes one entry and fsyncs it before returning (blocking: call it in a thread)."""
        line = (json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n").encode()
        with self._lock:
            if self._fd is None:
                self._fd, self._path = self._create()
            os.write(self._fd, line)
            os.fsync(self._fd)

    def _create(self) -> tuple[int, Path]:
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        path = self.folder / f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:8]}.jsonl"
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_EXCL, 0o600)
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        dir_fd = os.open(self.folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)  # the file's name survives a power cut too
        finally:
            os.close(dir_fd)
        return fd, path

    def waiting(self) -> bool:
        """Whether any file is in the folder (this process's or another's): cheap, called every second."""
        if self._fd is not None or self._sealed:
            return True
        try:
            return any(name.endswith(".jsonl") for name in os.listdir(self.folder))
        except OSError:  # none yet, or the disk failed too (the fallback answers all the same)
            return False

    def size(self) -> int:
        """How many bytes the folder's files hold (every process's); 0 if it cannot be read."""
        try:
            return sum(e.stat().st_size for e in os.scandir(self.folder) if e.name.endswith(".jsonl"))
        except OSError:
            return 0

    def read_all(self) -> list[JournalFile]:
        """Every file in the folder, read. This process's current file is sealed first (what it writes next goes to
        a new one); another process's is taken over if its writer has died."""
        with self._lock:
            if self._fd is not None:
                self._sealed[self._path] = self._fd
                self._fd = None
        try:
            paths = sorted(p for p in self.folder.glob("*.jsonl"))
        except FileNotFoundError:
            return []
        return [f for f in (self._read(p) for p in paths) if f is not None]

    def _read(self, path: Path) -> JournalFile | None:
        fd = self._sealed.get(path)
        if fd is None:
            try:
                fd = os.open(path, os.O_RDONLY)
            except FileNotFoundError:
                return None
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:  # a live writer: read what it has written, leave the file to it
                os.close(fd)
                fd = None
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            self._release(path, fd)
            return None
        out = JournalFile(path, fd=fd)
        out.unreadable = _parse(data, out.entries, whole=fd is not None)
        return out

    def peek(self) -> list[dict]:
        """Every entry in the folder as it stands, read without taking or sealing any file (while Redis is away:
        whether someone's cry is waiting there)."""
        entries: list[dict] = []
        try:
            paths = sorted(self.folder.glob("*.jsonl"))
        except OSError:  # none yet, or the disk failed too
            return []
        for path in paths:
            try:
                _parse(path.read_bytes(), entries, whole=False)
            except FileNotFoundError:
                continue  # replayed and deleted meanwhile
            except OSError as e:  # a bad sector, permissions: what can be read is still told, the fallback answers
                log.error("outage journal %s could not be read (%s)", path.name, e.strerror)
        return entries

    def dead_entries(self) -> list[dict]:
        """The entries of the files whose writer died (no live process holds their lock), read as they stand."""
        entries: list[dict] = []
        try:
            paths = sorted(self.folder.glob("*.jsonl"))
        except OSError:
            return []
        for path in paths:
            if path in self._sealed or path == getattr(self, "_path", None) and self._fd is not None:
                continue  # this process's own
            try:
                fd = os.open(path, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                _parse(path.read_bytes(), entries, whole=True)
            except OSError:  # a live writer's (BlockingIOError), or deleted meanwhile
                continue
            finally:
                os.close(fd)
        return entries

    @contextmanager
    def locked(self):
        """The folder's lock, held by one process of this host at a time (blocking: use it in a thread)."""
        self.folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.folder / ".lock", os.O_RDWR | os.O_CREAT, 0o600)  # not *.jsonl: no journal file
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def remove(self, file: JournalFile) -> None:
        """Deletes a file whose every entry is safe elsewhere (only one this process holds the lock of)."""
        if not file.ours:
            return
        try:
            file.path.unlink()
        except FileNotFoundError:
            pass
        self._release(file.path, file.fd)

    def let_go(self, files: list[JournalFile]) -> None:
        """Releases the locks taken on other processes' files that stay (this process's own stay locked)."""
        for f in files:
            if f.ours and f.path not in self._sealed and f.path.exists():
                self._release(f.path, f.fd)
                f.fd = None

    def _release(self, path: Path, fd: int | None) -> None:
        self._sealed.pop(path, None)
        if fd is not None:
            os.close(fd)

    def close(self) -> None:
        with self._lock:
            for fd in [self._fd, *self._sealed.values()]:
                if fd is not None:
                    os.close(fd)
            self._fd, self._sealed = None, {}


def _parse(data: bytes, entries: list[dict], *, whole: bool) -> int:
    """Appends the entries in a file's bytes to `entries` (later lines of an id merged into its first); how many
    lines could not be read. Not `whole` (a live writer's): its last line may be half written, and is left out."""
    by_id: dict[str, dict] = {}
    unreadable = 0
    lines = data.split(b"\n")
    if not whole and lines and lines[-1]:
        lines.pop()
    for raw in lines:
        if not raw.strip():
            continue
        try:
            entry = json.loads(raw.decode("utf-8"))
            key = entry["id"]
        except (ValueError, KeyError, TypeError):
            unreadable += 1
            continue
        if key in by_id:
            by_id[key].update(entry)
        else:
            by_id[key] = entry
            entries.append(entry)
    return unreadable


def write_whole(path: Path, body: dict) -> None:
    """A snapshot written beside the journal: readable by the bot alone (0600), replaced whole or not at all (a
    reader never finds half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        os.write(fd, json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode())
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, path)


def read_whole(path: Path, parse, what: str, then: str):
    """A snapshot `write_whole` wrote, through `parse`; None if there is none or it cannot be read (logged: `what` it
    is and what happens `then`)."""
    try:
        return parse(json.loads(path.read_bytes()))
    except FileNotFoundError:
        log.warning("no %s on disk: %s", what, then)
    except (OSError, ValueError, TypeError, KeyError) as e:
        log.warning("the %s is unreadable (%s): %s", what, type(e).__name__, then)
    return None
