"""The resident register (一人一表): each row checked, an import planned (nothing written), then applied in one
transaction. A bad row stops the whole file. Reading and writing the files themselves: sheet.py."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..languages import read_language
from ..store import Store
from .sheet import FORMULA_START, TEXT_COLUMNS, RegisterError, read_rows

YES = {"yes", "y", "true", "1", "是", "独居", "x", "√"}
NO = {"no", "n", "false", "0", "否", "", "none"}


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
    said = {"language": read_language(row["language"]) or ""} if "language" in row else {}  # none: as it was
    return {
        **said, "name": name, "phone": phone, "road": row.get("road", "").strip(),
        "lane": _digits(row.get("lane", ""), "lane"), "building": _digits(row.get("building", ""), "building"),
        "room": _digits(row.get("room", ""), "room"), "lives_alone": alone in YES, "birth_date": birth,
        "contacts": contacts, "doctor": doctor, "notes": row.get("notes", "").strip(),
    }


# which column a parse error is about (parse_row names it first), for the staff member's own language
PROBLEMS = ("name", "phone", "lives_alone", "birth_date", "contact1_phone", "contact2_phone", "doctor_phone",
            "lane", "building", "room", "language")


def problem_text(t, reason: str) -> str:
    """parse_row's reason in the reader's language (`t`: key, **kw -> text), by the column it is about."""
    column = reason.split(" ", 1)[0]
    if reason.startswith("phone repeats line"):
        return t("register.bad_repeat", line=reason.rsplit(" ", 1)[-1])
    if column in PROBLEMS:
        return t(f"register.bad_{column}")
    return reason


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


REGISTER_FIELDS = ("name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date",
                    "contacts", "doctor", "notes", "language")


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
        fields = [f for f in REGISTER_FIELDS  # (a language: only when the file has the column; none written: "")
                  if old is not None and f in person and old.get(f, "" if f == "language" else None) != person[f]]
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
    await read_from_now(store, [p for p, fields in plan.updated if "language" in fields])
    return ImportReport(len(plan.added), len(plan.updated), plan.unchanged, plan.flagged)


async def read_from_now(store: Store, people: list[dict]) -> None:
    """A language written in (or changed) for someone signed up: what is sent to them unasked (check-ins, notices)
    is in it from now, not only once they next write (bot/people.py), unless they chose their own."""
    for p in people:
        if p.get("tg_id") and p.get("language") and not await store.pref(p["tg_id"], "chosen"):
            await store.set_pref(p["tg_id"], "locale", p["language"])


@dataclass
class Plan:
    """What importing a file would do, row by row, before anything is written (the desk shows it as a preview)."""

    plan: ImportPlan
    existing: dict[str, dict]     # the register as it was read, by phone

    @property
    def rows(self) -> list[dict]:   # {line, status: added|changed|unchanged|error, name, fields | error}
        return self.plan.rows

    @property
    def problems(self) -> list[str]:
        return [f"line {line}: {reason}" for line, reason in self.plan.problems]

    def count(self, status: str) -> int:
        return sum(1 for r in self.rows if r["status"] == status)


async def plan_file(store: Store, path: str | Path) -> Plan:
    """A file's plan against the register as it is now. A file-level problem (no name column) raises."""
    rows = read_rows(Path(path))
    existing = await store.residents()
    return Plan(plan_import(rows, existing), {p["phone"]: p for p in existing})


async def apply_file_plan(store: Store, plan: Plan) -> ImportReport:
    """All of the file or nothing: a plan with a bad row raises and writes nothing."""
    if plan.problems:
        raise RegisterError(plan.problems)
    return await apply_plan(store, plan.plan, list(plan.existing.values()))


async def import_file(store: Store, path: str | Path) -> ImportReport:
    return await apply_file_plan(store, await plan_file(store, path))
