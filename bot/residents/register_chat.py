"""The register by Excel, in chat: a staff member sends an .xlsx or .csv, sees what it would change, and confirms.

Steps: file → read and compared with the register, nothing written → a preview with [✅ 导入] [❌ 取消] (the parsed
rows wait in Redis, for an hour) → ✅ applies them in one transaction with an audit entry, re-compared with the
register as it is by then; rows with errors are named in the preview and left out. `/export` sends the register
back as an .xlsx that imports back unchanged. Only staff get here: anyone else's file is never downloaded.
"""
from __future__ import annotations

import io
import logging
import re
from pathlib import PurePath

from openpyxl import load_workbook

from ..flows.base import Ctx
from ..people import mask_phone
from ..types import Outbound
from . import register, sheet

log = logging.getLogger(__name__)
MAX_BYTES = 5 * 2**20
DRAFT_SECONDS = 3600
SHOWN = 15  # rows listed per section of the preview; the rest are counted
KINDS = (".xlsx", ".xlsm", ".csv")
FIELDS = ("name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date", "contacts", "doctor",
          "notes")
FORMULA = re.compile(r"^(=|[+\-@][^\d\s])")


class Upload(io.BytesIO):
    """A file a staff member sent, readable by sheet.read_rows and openpyxl as if it were a path."""

    def __init__(self, name: str, data: bytes) -> None:
        super().__init__(data)
        self.name, self.suffix, self._data = name, PurePath(name).suffix, data

    def read_bytes(self) -> bytes:
        if self.suffix.lower() != ".csv":
            return self._data
        try:
            self._data.decode("utf-8-sig")
            return self._data
        except UnicodeDecodeError:  # Excel on Chinese Windows saves CSV as GBK
            return self._data.decode("gb18030").encode("utf-8")


def formula_cells(upload: Upload) -> list[str]:
    """Cells that look like formulas ("A3"): shown to staff, and read as their value or text, never calculated."""
    if upload.suffix.lower() != ".csv":
        ws = load_workbook(Upload(upload.name, upload.read_bytes()), read_only=False, data_only=False).active
        return [c.coordinate for row in ws.iter_rows() for c in row if c.data_type == "f"]
    import csv

    from openpyxl.utils import get_column_letter

    text = upload.read_bytes().decode("utf-8-sig")
    return [f"{get_column_letter(j)}{i}" for i, row in enumerate(csv.reader(io.StringIO(text)), start=1)
            for j, cell in enumerate(row, start=1) if FORMULA.match(cell.strip())]


async def on_file(ctx: Ctx) -> None:
    """A staff member's document: read, compared, previewed; stores the draft and asks ✅/❌."""
    ev = ctx.ev
    if PurePath(ev.file_name).suffix.lower() not in KINDS:
        ctx.say(ctx.t("register.not_a_register"))
        return
    if ev.file_size > MAX_BYTES:
        ctx.say(ctx.t("register.too_big", mb=MAX_BYTES // 2**20))
        return
    try:
        upload = Upload(ev.file_name, await ctx.svc.outbox.messenger.fetch_file(ev.file_id))
        rows = sheet.read_rows(upload)
        formulas = formula_cells(upload)
    except sheet.RegisterError as e:
        ctx.say(ctx.t("register.unreadable", file=ev.file_name, why="\n".join(e.problems)))
        return
    except Exception as e:  # a broken or mislabelled file, or the download failed
        log.warning("register file could not be read: %s", type(e).__name__)
        ctx.say(ctx.t("register.unreadable", file=ev.file_name, why=type(e).__name__))
        return
    plan = register.plan_import(rows, await ctx.svc.store.residents())
    text = preview(ctx, ev.file_name, plan, formulas)
    if not plan.added and not plan.updated:
        ctx.say(text + "\n" + ctx.t("register.nothing_to_do"))
        return
    await ctx.svc.store.save_register_draft(ev.user_id, {"file": ev.file_name, "rows": rows, "at": ctx.svc.clock.ts()},
                                            DRAFT_SECONDS)
    ctx.say(text, buttons=[[ctx.button("register.btn_apply", "reg:ok"), ctx.button("register.btn_cancel", "reg:no")]])


def preview(ctx: Ctx, file: str, plan: register.ImportPlan, formulas: list[str]) -> str:
    lines = [ctx.t("register.preview", file=file, added=len(plan.added), updated=len(plan.updated),
                   unchanged=plan.unchanged, errors=len(plan.problems))]
    lines += [ctx.t("register.added_row", name=p["name"], phone=mask_phone(p["phone"])) for p in plan.added[:SHOWN]]
    for person, fields in plan.updated[:SHOWN]:
        what = "、".join(ctx.t(f"register.f_{f}") for f in fields)
        lines.append(ctx.t("register.changed_row", name=person["name"], fields=what))
    for line, reason in plan.problems[:SHOWN]:
        lines.append(ctx.t("register.error_row", line=line, why=register.problem_text(ctx.t, reason)))
    if len(plan.problems) > SHOWN or len(plan.updated) > SHOWN or len(plan.added) > SHOWN:
        lines.append(ctx.t("register.more_rows"))
    if plan.problems:
        lines.append(ctx.t("register.errors_skipped"))
    if formulas:
        lines.append(ctx.t("register.formulas", cells="、".join(formulas[:SHOWN])))
    return "\n".join(lines)


async def on_button(ctx: Ctx, args: list[str]) -> None:
    """✅ applies the draft (once: a second press finds it gone); ❌ drops it."""
    draft = await ctx.svc.store.take_register_draft(ctx.ev.user_id)
    if not draft:  # a new message: the pressed one may already say what was done
        ctx.say(ctx.t("register.expired"))
        return
    if args != ["ok"]:
        ctx.edit_pressed(ctx.t("register.cancelled", file=draft["file"]))
        return
    store = ctx.svc.store
    existing = await store.residents()
    plan = register.plan_import([(line, row) for line, row in draft["rows"]], existing)
    audit = {"action": "import", "by": ctx.me.staff_id, "by_name": ctx.me.name, "at": ctx.svc.clock.ts(),
             "file": draft["file"], "added": len(plan.added), "updated": len(plan.updated),
             "unchanged": plan.unchanged, "skipped": len(plan.problems)}
    report = await register.apply_plan(store, plan, existing, audit=audit)
    log.info("register import applied by %s: %s added, %s updated", ctx.me.staff_id, report.added, report.updated)
    ctx.edit_pressed(ctx.t("register.applied", file=draft["file"], added=report.added, updated=report.updated,
                           unchanged=report.unchanged, skipped=len(plan.problems)))


async def export(ctx: Ctx, arg: str) -> None:
    """/export: the whole register as an .xlsx file, to this staff member only."""
    people = await ctx.svc.store.residents()
    buf = io.BytesIO()
    sheet.register_workbook(people, await sheet.deceased_marks(ctx.svc, ctx.me.locale)).save(buf)
    name = f"residents-{ctx.svc.clock.now():%Y%m%d}.xlsx"
    ctx.replies.append(Outbound(ctx.ev.chat, ctx.t("register.exported", n=len(people)), document=(name, buf.getvalue())))
    log.info("register exported by %s", ctx.me.staff_id)

