"""A journal disk that fails during an outage (full, read-only, a file where its folder should be, a bad sector)
never stops the person hearing 120 and the committee phone, nor staff hearing the fallback's alert.

Each journal path was written for one fault, a missing file; any other error from the disk went up through the
fallback, and the person who had just cried for help got no answer at all.
"""
import errno
import os
import shutil
import types
from pathlib import Path

import pytest
from conftest import signed_up
from test_outage_journal import COMMITTEE, own_redis  # noqa: F401  (a fixture)

import bot.journal
from bot.testing.tools import Person


def disk_full(monkeypatch, app) -> None:
    def full(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(bot.journal, "os", types.SimpleNamespace(**{**vars(os), "write": full}))


def read_only(monkeypatch, app) -> None:
    def refused(path, flags, *args):
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, "Read-only file system")
        return os.open(path, flags, *args)
    monkeypatch.setattr(bot.journal, "os", types.SimpleNamespace(**{**vars(os), "open": refused}))
    app.svc.outage.journal._fd = None


def folder_is_a_file(monkeypatch, app) -> None:
    folder = app.svc.outage.journal.folder  # removed, and a file made in its place (a mistaken clean-up)
    shutil.rmtree(folder)
    folder.write_text("")
    app.svc.outage.journal._fd = None


def unreadable(monkeypatch, app) -> None:
    """What was journaled cannot be read back (a bad sector, permissions changed under the bot)."""
    folder, read = app.svc.outage.journal.folder, Path.read_bytes

    def bad_sector(path):
        if path.parent == folder:
            raise OSError(errno.EIO, "Input/output error")
        return read(path)
    monkeypatch.setattr(Path, "read_bytes", bad_sector)


@pytest.mark.parametrize("fault", [disk_full, read_only, folder_is_a_file, unreadable])
async def test_a_failed_journal_disk_leaves_every_answer_and_alert_of_the_fallback(
        make_app, own_redis, clock, monkeypatch, fault):
    app = await make_app(redis_url=own_redis.url)
    wang = await signed_up(Person(app, 5001, "王老伯"), "13900000002")
    zhang = await signed_up(Person(app, 5002, "张阿姨"), "13900000001")
    li = Person(app, 1001)
    own_redis.stop()
    await zhang.send("你好")  # a text before anything failed: the journal has a file
    fault(monkeypatch, app)
    clock.advance(seconds=5)
    await wang.send("我在3号楼602")  # journaled before a cry, if the disk allows
    assert "120" in wang.last().text and COMMITTEE in wang.last().text
    await wang.send("🆘 紧急求助")
    assert "120" in wang.last().text and COMMITTEE in wang.last().text
    assert "王老伯" in li.last("紧急求助").text
    await wang.send("门开着")  # words after his cry
    assert "120" in wang.last().text and COMMITTEE in wang.last().text
    seen = len(li.inbox)
    await zhang.send_kind("voice")
    assert "120" in zhang.last().text and COMMITTEE in zhang.last().text
    assert len(li.inbox) > seen  # her voice reaches staff
    await zhang.send("救命")
    assert "张阿姨" in li.last("救命").text
