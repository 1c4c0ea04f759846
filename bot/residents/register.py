"""The resident register (一人一表): import from CSV/XLSX, list, export. A bad row stops the whole file."""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import Workbook, load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ..config import decode_text
from ..store import Store

COLUMNS = [
    "name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date",
    "contact1_name", "contact1_relation", "contact1_phone",
    "contact2_name", "contact2_relation", "contact2_phone",
    "doctor_name", "doctor_phone", "notes",
]
# The committee's own ledgers often have Chinese headers.
ALIASES = {
    "姓名": "name", "电话": "phone", "手机": "phone", "路": "road", "弄": "lane", "号": "building",
    "室": "room", "独居": "lives_alone", "出生日期": "birth_date", "紧急联系人1": "contact1_name",
    "关系1": "contact1_relation", "联系人电话1": "contact1_phone", "紧急联系人2": "contact2_name",
    "关系2": "contact2_relation", "联系人电话2": "contact2_phone", "家庭医生": "doctor_name",
    "医生电话": "doctor_phone", "备注": "notes",
}
# Text fields kept as typed: a leading character that makes a spreadsheet read a formula (OWASP's CSV injection
# list) is neutralised on export and flagged on import. Phones and numbers are normalised, so never affected.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TEXT_COLUMNS = ("name", "road", "contact1_name", "contact1_relation", "contact2_name", "contact2_relation",
                "doctor_name", "notes")
YES = {"yes", "y", "true", "1", "是", "独居", "x", "√"}
NO = {"no", "n", "false", "0", "否", "", "none"}


class RegisterError(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass
class ImportReport:
    added: int
    updated: int
    unchanged: int
    flagged: list[str] = field(default_factory=list)  # "line N: <column> starts with '='": kept, exported as text


def normalise_phone(raw: object) -> str:
    digits = re.sub(r"[\s\-()（）+]", "", str(raw or ""))
    if digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def valid_phone(phone: str) -> bool:
    return bool(re.fullmatch(r"1[3-9]\d{9}|0\d{9,11}|\d{8}", phone))


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
    unknown = [h for h in header if h and h not in COLUMNS]
    if unknown:
        raise RegisterError([f"line 1: unknown column(s) {', '.join(unknown)}"])
    rows = []
    for i, values in enumerate(table[1:], start=2):
        if not any(values):
            continue
        rows.append((i, {h: (values[j] if j < len(values) else "") for j, h in enumerate(header) if h}))
    return rows


def _digits(v: str, what: str) -> str:
    v = v.strip()
    if not v:
        return ""
    m = re.fullmatch(r"(\d+)\s*(弄|号|号楼|幢|室)?", v)
    if not m:
        raise ValueError(f"{what} should be a number, got {v!r}")
    return m.group(1)


def parse_row(row: dict[str, str]) -> dict:
    name = row.get("name", "").strip()
    if not name:
        raise ValueError("name is empty")
    phone = normalise_phone(row.get("phone"))
    if not valid_phone(phone):
        raise ValueError("phone is missing or not a phone number")
    alone = row.get("lives_alone", "").strip().lower()
    if alone not in YES | NO:
        raise ValueError(f"lives_alone should be yes or no, got {alone!r}")
    birth = row.get("birth_date", "").strip().replace("/", "-").replace(".", "-")
    if birth:
        try:
            birth = date.fromisoformat("-".join(p.zfill(2) for p in birth.split("-"))).isoformat()
        except ValueError:
            raise ValueError(f"birth_date should look like 1944-03-12, got {birth!r}") from None
    contacts = []
    for i in (1, 2):
        c_name, c_phone = row.get(f"contact{i}_name", "").strip(), normalise_phone(row.get(f"contact{i}_phone"))
        if c_name or c_phone:
            if not valid_phone(c_phone):
                raise ValueError(f"contact{i}_phone is not a phone number")
            contacts.append({"name": c_name, "relation": row.get(f"contact{i}_relation", "").strip(), "phone": c_phone})
    doctor = None
    d_name, d_phone = row.get("doctor_name", "").strip(), normalise_phone(row.get("doctor_phone"))
    if d_name or d_phone:
        if d_phone and not valid_phone(d_phone):
            raise ValueError("doctor_phone is not a phone number")
        doctor = {"name": d_name, "phone": d_phone}
    return {
        "name": name, "phone": phone, "road": row.get("road", "").strip(),
        "lane": _digits(row.get("lane", ""), "lane"), "building": _digits(row.get("building", ""), "building"),
        "room": _digits(row.get("room", ""), "room"), "lives_alone": alone in YES, "birth_date": birth,
        "contacts": contacts, "doctor": doctor, "notes": row.get("notes", "").strip(),
    }


def contacts_index(people: list[dict]) -> dict[str, list[dict]]:
    """phone -> the residents this phone is a family contact or family doctor of."""
    index: dict[str, list[dict]] = {}
    for p in people:
        for c in p.get("contacts", []):
            index.setdefault(c["phone"], []).append(
                {"rid": p["id"], "kind": "family", "relation": c["relation"], "name": c["name"]})
        d = p.get("doctor")
        if d and d.get("phone"):
            index.setdefault(d["phone"], []).append({"rid": p["id"], "kind": "doctor", "relation": "家庭医生", "name": d["name"]})
    return index


_REGISTER_FIELDS = ("name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date",
                    "contacts", "doctor", "notes")


@dataclass
class ImportPlan:
    """What importing some rows would do to the register, before anything is written."""

    problems: list[tuple[int, str]]         # (line, reason) of rows that cannot be imported
    added: list[dict]                       # new people, without ids yet
    updated: list[tuple[dict, list[str]]]   # (the person as it would be, the fields that change)
    unchanged: int
    flagged: list[str] = field(default_factory=list)  # formula-like cells: kept, exported as text
    rows: list[dict] = field(default_factory=list)     # {line, status: added|changed|unchanged|error, name, ...}

    def problem(self, line: int, name: str, reason: str) -> None:
        self.problems.append((line, reason))
        self.rows.append({"line": line, "status": "error", "name": name, "error": reason})


def plan_import(rows: list[tuple[int, dict[str, str]]], existing: list[dict]) -> ImportPlan:
    """Each row parsed and matched to the register by phone; nothing is written."""
    plan, seen = ImportPlan([], [], [], 0), {}
    by_phone = {p["phone"]: p for p in existing}
    for line, row in rows:
        try:
            person = parse_row(row)
        except ValueError as e:
            plan.problem(line, row.get("name", ""), str(e))
            continue
        plan.flagged += [f"line {line}: {col} starts with {row[col][0]!r}; kept, and exported as text"
                         for col in TEXT_COLUMNS if row.get(col, "").startswith(FORMULA_START)]
        if person["phone"] in seen:
            plan.problem(line, person["name"], f"phone repeats line {seen[person['phone']]}")
            continue
        seen[person["phone"]] = line
        old = by_phone.get(person["phone"])
        fields = [f for f in _REGISTER_FIELDS if old is not None and old.get(f) != person[f]]
        row_plan = {"line": line, "name": person["name"]}
        if old is None:
            plan.added.append(person)
            plan.rows.append({**row_plan, "status": "added"})
        elif fields:
            plan.updated.append(({**old, **person}, fields))  # keeps id, Telegram link, check-in settings
            plan.rows.append({**row_plan, "status": "changed", "fields": fields})
        else:
            plan.unchanged += 1
            plan.rows.append({**row_plan, "status": "unchanged"})
    return plan


async def apply_plan(store: Store, plan: ImportPlan, existing: list[dict], audit: dict | None = None) -> ImportReport:
    """Writes a plan's new and changed people in one transaction (with its audit entry, if any)."""
    new_ids = iter(await store.next_resident_ids(len(plan.added)))
    changed = [{**p, "id": next(new_ids)} for p in plan.added] + [p for p, _ in plan.updated]
    everyone = {p["phone"]: p for p in [*existing, *changed]}
    await store.replace_residents(changed, contacts_index(list(everyone.values())), audit=audit)
    return ImportReport(len(plan.added), len(plan.updated), plan.unchanged, plan.flagged)


@dataclass
class Plan:
    """What an import would do, row by row, before anything is written (the console shows it as a preview)."""

    rows: list[dict]              # {line, status: added|changed|unchanged|error, name, fields | error}
    changed: list[dict]           # the residents to write (new ids not yet given)
    existing: dict[str, dict]

    @property
    def problems(self) -> list[str]:
        return [f"line {r['line']}: {r['error']}" for r in self.rows if r["status"] == "error"]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r["status"] == status)


async def plan_file(store: Store, path: str | Path) -> Plan:
    """The console's preview of a file: every row with its line and what would happen to it. A file-level problem
    (no name column) raises."""
    rows = read_rows(Path(path))
    existing = await store.residents()
    plan = plan_import(rows, existing)
    return Plan(plan.rows, [*plan.added, *(p for p, _ in plan.updated)], {p["phone"]: p for p in existing})


async def apply_file_plan(store: Store, plan: Plan) -> ImportReport:
    if plan.problems:
        raise RegisterError(plan.problems)
    new_ids = iter(await store.next_resident_ids(sum(1 for p in plan.changed if "id" not in p)))
    changed = [p if "id" in p else {**p, "id": next(new_ids)} for p in plan.changed]
    everyone = {p["phone"]: p for p in [*plan.existing.values(), *changed]}
    await store.replace_residents(changed, contacts_index(list(everyone.values())))
    return ImportReport(plan.count("added"), plan.count("changed"), plan.count("unchanged"))


async def import_file(store: Store, path: str | Path) -> ImportReport:
    rows = read_rows(Path(path))
    existing = await store.residents()
    plan = plan_import(rows, existing)
    if plan.problems:
        raise RegisterError([f"line {line}: {reason}" for line, reason in plan.problems])
    return await apply_plan(store, plan, existing)


def to_row(p: dict) -> list[str]:
    contacts = p.get("contacts", []) + [{}, {}]
    doctor = p.get("doctor") or {}
    return [
        p["name"], p["phone"], p.get("road", ""), p.get("lane", ""), p.get("building", ""), p.get("room", ""),
        "yes" if p.get("lives_alone") else "no", p.get("birth_date", ""),
        contacts[0].get("name", ""), contacts[0].get("relation", ""), contacts[0].get("phone", ""),
        contacts[1].get("name", ""), contacts[1].get("relation", ""), contacts[1].get("phone", ""),
        doctor.get("name", ""), doctor.get("phone", ""), p.get("notes", ""),
    ]


def register_workbook(people: list[dict]) -> Workbook:
    """The register as a workbook that imports back unchanged."""
    wb = Workbook()
    ws = wb.active
    ws.title = "residents"
    ws.append(COLUMNS)
    for p in people:
        ws.append(to_row(p))
        for cell in ws[ws.max_row]:
            if _formula_like(cell.value):  # OWASP CSV injection: a text cell, never a live formula
                cell.data_type, cell.quotePrefix = "s", True
    return wb


def _formula_like(v: object) -> bool:
    return isinstance(v, str) and v.startswith(FORMULA_START)


def export_file(people: list[dict], path: str | Path) -> None:
    """Text that a spreadsheet would run as a formula leaves as text: a string cell shown with Excel's
    quote prefix in XLSX, a leading apostrophe in CSV."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        register_workbook(people).save(path)
    else:
        with path.open("w", encoding="utf-8-sig", newline="") as f:
            w = csv.writer(f)
            w.writerow(COLUMNS)
            w.writerows([f"'{v}" if _formula_like(v) else v for v in to_row(p)] for p in people)
