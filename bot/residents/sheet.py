"""The register as a file: its columns (English or Chinese headers), CSV (UTF-8 or GBK) and XLSX read into rows,
and rows written back so that a spreadsheet never runs a cell as a formula. An export says who has died (MARK, the
last column, and the row struck through), so a printed list sends nobody to a dead man's door; an import reads
past that column: a death is marked only by staff confirming it, never by a file."""
from __future__ import annotations

import csv
import io
from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from ..config import decode_text
from ..languages import written

COLUMNS = [
    "name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date",
    "contact1_name", "contact1_relation", "contact1_phone",
    "contact2_name", "contact2_relation", "contact2_phone",
    "doctor_name", "doctor_phone", "notes", "language",
]
# The committee's own ledgers often have Chinese headers.
ALIASES = {
    "姓名": "name", "电话": "phone", "手机": "phone", "路": "road", "弄": "lane", "号": "building",
    "室": "room", "独居": "lives_alone", "出生日期": "birth_date", "紧急联系人1": "contact1_name",
    "关系1": "contact1_relation", "联系人电话1": "contact1_phone", "紧急联系人2": "contact2_name",
    "关系2": "contact2_relation", "联系人电话2": "contact2_phone", "家庭医生": "doctor_name",
    "医生电话": "doctor_phone", "备注": "notes", "语言": "language", "已故": "deceased",
}
MARK = "deceased"  # export only: what it holds is deceased_marks
# Text fields kept as typed: a leading character that makes a spreadsheet read a formula (OWASP's CSV injection
# list) is neutralised on export and flagged on import. Phones and numbers are normalised, so never affected.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("name", "road", "contact1_name", "contact1_relation", "contact2_name", "contact2_relation",
                "doctor_name", "notes")
GONE = Font(strike=True, color="FF795548")  # a deceased resident's row: still readable, plainly not a visit


class RegisterError(Exception):
    """A file that cannot be imported, with every reason (a line number and what is wrong)."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


def _unquoted(text: str) -> str:
    """Undoes export's neutralising apostrophe, so an exported file imports unchanged."""
    return text[1:] if text[:1] == "'" and text[1:].startswith(FORMULA_START) else text


def _cell(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    if isinstance(v, (datetime, date)):
        return v.strftime("%Y-%m-%d")
    return str(v).strip()


def _read_table(path: Path) -> list[list[str]]:
    """The cells as text; a file that cannot be read is one problem naming it."""
    suffix = path.suffix.lower()
    if suffix == ".xls":
        raise RegisterError([f"{path}: the old .xls format cannot be read; save it as .xlsx or .csv"])
    try:
        if suffix in (".xlsx", ".xlsm"):
            ws = load_workbook(path, read_only=True, data_only=True).active
            return [[_unquoted(_cell(c)) for c in row] for row in ws.iter_rows(values_only=True)]
        text = decode_text(path.read_bytes())
    except FileNotFoundError:
        raise RegisterError([f"{path}: file not found"]) from None
    except (BadZipFile, InvalidFileException, KeyError):
        raise RegisterError([f"{path}: not a readable .xlsx file; open it in Excel and save it again"]) from None
    except OSError as e:
        raise RegisterError([f"{path}: cannot read it ({e.strerror})"]) from None
    if text is None:
        raise RegisterError([f"{path}: not a text CSV in UTF-8 or GBK; save it as CSV UTF-8"])
    return [[_unquoted(c.strip()) for c in row] for row in csv.reader(io.StringIO(text))]


def read_rows(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows as (line number in the file, column -> text)."""
    table = _read_table(path)
    if not table:
        raise RegisterError([f"{path.name}: the file is empty"])
    header = [ALIASES.get(h, h).strip().lower() for h in table[0]]
    missing = [c for c in ("name", "phone") if c not in header]
    if missing:
        raise RegisterError([f"line 1: missing column(s) {', '.join(missing)}"])
    unknown = [h for h in header if h and h not in COLUMNS and h != MARK]
    if unknown:
        raise RegisterError([f"line 1: unknown column(s) {', '.join(unknown)}"])
    rows = []
    for i, values in enumerate(table[1:], start=2):
        if not any(values):
            continue
        rows.append((i, {h: (values[j] if j < len(values) else "") for j, h in enumerate(header) if h and h != MARK}))
    return rows


def to_row(p: dict) -> list[str]:
    contacts = p.get("contacts", []) + [{}, {}]
    doctor = p.get("doctor") or {}
    return [
        p["name"], p["phone"], p.get("road", ""), p.get("lane", ""), p.get("building", ""), p.get("room", ""),
        "yes" if p.get("lives_alone") else "no", p.get("birth_date", ""),
        contacts[0].get("name", ""), contacts[0].get("relation", ""), contacts[0].get("phone", ""),
        contacts[1].get("name", ""), contacts[1].get("relation", ""), contacts[1].get("phone", ""),
        doctor.get("name", ""), doctor.get("phone", ""), p.get("notes", ""), written(p.get("language")),
    ]


def register_workbook(people: list[dict], marks: dict[str, str] | None = None) -> Workbook:
    """The register as a workbook that imports back unchanged; `marks` (resident id -> text) in the MARK column,
    a marked row struck through in grey."""
    wb = Workbook()
    ws = wb.active
    ws.title = "residents"
    ws.append([*COLUMNS, MARK])
    for p in people:
        mark = (marks or {}).get(p.get("id", ""), "")
        ws.append([*to_row(p), mark])
        for cell in ws[ws.max_row]:
            if _formula_like(cell.value):  # OWASP CSV injection: a text cell, never a live formula
                cell.data_type, cell.quotePrefix = "s", True
            if mark:
                cell.font = GONE
    return wb


def _formula_like(v: object) -> bool:
    return isinstance(v, str) and v.startswith(FORMULA_START)


async def deceased_marks(svc, locale: str | None = None) -> dict[str, str]:
    """Resident id -> the export's MARK cell (🕯 and the day it was confirmed), in the reader's `locale`, for
    everyone whose death staff confirmed (the register's mark, bot/checkins/life.py)."""
    return {rid: svc.cat.t("register.deceased_cell", locale, date=svc.clock.local(mark["at"]).strftime("%Y-%m-%d"))
            for rid, mark in (await svc.store.deceased()).items()}


def export_file(people: list[dict], path: str | Path, marks: dict[str, str] | None = None) -> None:
    """Text that a spreadsheet would run as a formula leaves as text: a string cell shown with Excel's
    quote prefix in XLSX, a leading apostrophe in CSV. `marks` as register_workbook's."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        register_workbook(people, marks).save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow([*COLUMNS, MARK])
            w.writerows([*(f"'{v}" if _formula_like(v) else v for v in to_row(p)),
                         (marks or {}).get(p.get("id", ""), "")] for p in people)
