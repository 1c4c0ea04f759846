"""李社工 printed the register (/export, the desk's download, `python -m bot residents export`) for a round of home
visits: 王老伯, whose death staff confirmed, was a row like any other, so a volunteer knocked at his door; and
`python -m bot residents list` showed him as alive. Now his row says 🕯 已故 (with the day it was confirmed), the
list shows 🕯, and a file that comes back (as exported, or with that column typed over, even with a formula in it)
imports as "nothing changed": it neither un-marks him nor marks anyone else."""
import argparse
import io

from aiohttp.test_utils import TestClient, TestServer
from openpyxl import load_workbook
from test_death_register import _confirmed

from bot.__main__ import _residents
from bot.config import Secrets
from bot.desk import make_web_app
from bot.testing.desk import BOT_TOKEN, sign_in

LI = 1001


def _rows(data: bytes) -> dict[str, list]:
    """Name -> the row's cells, and "" -> the header."""
    rows = [list(r) for r in load_workbook(io.BytesIO(data)).active.iter_rows(values_only=True)]
    return {"": rows[0], **{r[0]: r for r in rows[1:]}}


def _mark(rows: dict, name: str) -> str:
    return str(rows[name][rows[""].index("deceased")] or "")


async def _cli(app, redis_server, capsys, action: str, file: str = "") -> str:
    args = argparse.Namespace(action=action, file=file)
    assert await _residents(args, app.settings, Secrets(redis_url=redis_server.url)) == 0
    return capsys.readouterr().out


async def test_every_export_marks_him_deceased_and_nobody_else(people, app, clock, redis_server, capsys, tmp_path):
    await _confirmed(people, app)
    li = people("李社工")
    await li.send("/export")
    from_chat = _rows(li.last("居民登记册").document[1])
    async with TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN))) as desk:
        await sign_in(desk, LI, clock.ts())
        from_desk = _rows(await (await desk.get("/residents/export.xlsx")).read())
    await _cli(app, redis_server, capsys, "export", str(tmp_path / "r.xlsx"))
    from_cli = _rows((tmp_path / "r.xlsx").read_bytes())
    for rows in (from_chat, from_desk, from_cli):
        assert "🕯 已故" in _mark(rows, "王老伯") and "2026-11-23" in _mark(rows, "王老伯")
        assert _mark(rows, "张阿姨") == "" and _mark(rows, "刘奶奶") == ""
    await _cli(app, redis_server, capsys, "export", str(tmp_path / "r.csv"))
    wang = next(line for line in (tmp_path / "r.csv").read_text("utf-8-sig").splitlines() if "王老伯" in line)
    assert "🕯 已故" in wang


async def test_the_command_line_list_shows_him_deceased(people, app, clock, redis_server, capsys):
    await _confirmed(people, app)
    lines = (await _cli(app, redis_server, capsys, "list")).splitlines()
    assert "🕯" in next(line for line in lines if "王老伯" in line)
    assert "🕯" not in next(line for line in lines if "张阿姨" in line)
    await people("李社工").click(people("李社工").last("#1"), "恢复签到")
    assert "🕯" not in await _cli(app, redis_server, capsys, "list")


async def test_the_exported_file_imports_back_unchanged_and_its_mark_column_changes_nobody(people, app, clock,
                                                                                         redis_server, capsys,
                                                                                         tmp_path):
    await _confirmed(people, app)
    li = people("李社工")
    await li.send("/export")
    name, data = li.last("居民登记册").document
    await li.send_file(name, data)
    assert "➖ 没变 3 人" in li.last().text and "没有需要改的内容" in li.last().text
    wb = load_workbook(io.BytesIO(data))
    ws = wb.active
    col = [c.value for c in ws[1]].index("deceased") + 1
    for row in range(2, ws.max_row + 1):  # typed over: him cleared, the others marked, a formula
        who = ws.cell(row, 1).value
        ws.cell(row, col).value = {"王老伯": "", "张阿姨": "🕯 已故"}.get(who, '=HYPERLINK("http://x","点")')
    wb.save(tmp_path / "typed.xlsx")
    out = await _cli(app, redis_server, capsys, "import", str(tmp_path / "typed.xlsx"))
    assert "0 added, 0 updated, 3 unchanged" in out and "check" not in out
    marked = await app.svc.store.deceased()
    assert list(marked) == [await app.svc.store.resident_id_by_phone("13900000002")]


async def test_a_staff_member_who_reads_english_gets_the_mark_in_english(people, app, clock, redis_server):
    """The desk and /export in English: the 🕯 cell was Chinese (the deployment's locale, not hers)."""
    await _confirmed(people, app)
    li = people("李社工")
    await li.send("/lang en")  # she reads English
    await li.send("/export")
    from_chat = _rows(next(s for s in reversed(li.inbox) if s.document).document[1])
    async with TestClient(TestServer(make_web_app(app.engine, BOT_TOKEN))) as desk:
        await sign_in(desk, LI, clock.ts())
        from_desk = _rows(await (await desk.get("/residents/export.xlsx")).read())
    for rows in (from_chat, from_desk):
        assert "deceased" in _mark(rows, "王老伯") and "2026-11-23" in _mark(rows, "王老伯")
        assert "已故" not in _mark(rows, "王老伯")
