"""The register (一人一表) in the desk: search, a resident's page, edit with a reason (kept in an audit trail),
Excel import with a preview and confirm, export. The register's own rules (bot/residents/) check every row.

Searches are POSTed, so a name or phone never sits in a URL (or a proxy's log)."""
from __future__ import annotations

import base64
import secrets
import tempfile
from pathlib import Path

from aiohttp import web

from .. import residents as register
from .server import LOCALE, STAFF, SVC, render, see_other

LIST_MAX = 50
RECENT_INCIDENTS_SCAN = 3000  # the newest incidents looked through for a resident's recent ones
UPLOAD_SECONDS = 15 * 60
EDIT_FIELDS = ("name", "phone", "road", "lane", "building", "room", "lives_alone", "birth_date",
               "contact1_name", "contact1_relation", "contact1_phone", "contact2_name", "contact2_relation",
               "contact2_phone", "doctor_name", "doctor_phone", "notes", "language")
LONGEST = {"notes": 500}  # characters a field may hold (a note is cut with "…" in alerts; /incident shows it whole)
LONGEST_OTHER = 60


def add_routes(app: web.Application) -> None:
    app.router.add_get("/residents", list_page)
    app.router.add_post("/residents/search", search)
    app.router.add_get("/residents/import", import_page)
    app.router.add_post("/residents/import", import_preview)
    app.router.add_post("/residents/import/confirm", import_confirm)
    app.router.add_get("/residents/export.xlsx", export)
    app.router.add_get(r"/residents/{rid:r\d+}", resident_page)
    app.router.add_get(r"/residents/{rid:r\d+}/edit", edit_page)
    app.router.add_post(r"/residents/{rid:r\d+}/edit", save)


def address(p: dict) -> str:
    parts = [p.get("road", ""), f"{p['lane']}弄" if p.get("lane") else "", f"{p['building']}号" if p.get("building")
             else "", f"{p['room']}室" if p.get("room") else ""]
    return "".join(parts)


async def list_page(request: web.Request) -> web.Response:
    store = request.app[SVC].store
    total, people = await store.search_residents("", LIST_MAX)
    return render(request, "residents.html", people=people, total=total, address=address, q="",
                  deceased=await store.deceased())


async def search(request: web.Request) -> web.Response:
    """Name, phone tail (3+ digits), or road / lane / building ("建新路27弄5号", "27弄")."""
    form = await request.post()
    store = request.app[SVC].store
    total, found = await store.search_residents(str(form.get("q", ""))[:50], LIST_MAX)
    return render(request, "_residents_table.html", people=found, total=total, address=address,
                  deceased=await store.deceased())


async def _resident(request: web.Request) -> dict:
    person = await request.app[SVC].store.resident(request.match_info["rid"])
    if person is None:
        raise web.HTTPNotFound(text="no such resident")
    return person


async def recent_incidents(svc, rid: str) -> list[dict]:
    ids = await svc.store.resident_incident_ids(rid, scan=RECENT_INCIDENTS_SCAN)
    return await svc.store.incident_fields(ids, ("resident", "kind", "created", "status", "outcome"))


async def resident_page(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    person = await _resident(request)
    rid = person["id"]
    incidents = [{**r, "when": svc.clock.local(r["created"]).strftime("%Y-%m-%d %H:%M")}
                 for r in await recent_incidents(svc, rid)]
    checkins = [{**e, "when": svc.clock.local(e.get("slot") or e["at"]).strftime("%m-%d %H:%M")}
                for e in await svc.store.checkin_log(rid, 14)]
    audit = [{**e, "when": svc.clock.local(e["at"]).strftime("%Y-%m-%d %H:%M")} for e in await svc.store.audit(rid)]
    died = await svc.store.died(rid)
    if died:
        died = {**died, "when": svc.clock.local(died["at"]).strftime("%Y-%m-%d")}
    return render(request, "resident.html", p=person, address=address(person), incidents=incidents,
                  checkin=await svc.store.checkin(rid), checkins=checkins, audit=audit[::-1], died=died)


def _form_row(person: dict) -> dict:
    """The resident as the register's columns (what the edit form shows)."""
    return dict(zip(register.COLUMNS, register.to_row(person)))


async def edit_page(request: web.Request) -> web.Response:
    person = await _resident(request)
    return render(request, "resident_edit.html", p=person, row=_form_row(person), fields=EDIT_FIELDS, error="",
                  reason="")


def too_long(svc, loc: str, row: dict, was: dict) -> str:
    """The first field typed (or pasted) longer than it may be, said plainly; the form keeps every word, to shorten.
    A long note from an Excel import stays as it is until someone edits it."""
    for f in EDIT_FIELDS:
        limit = LONGEST.get(f, LONGEST_OTHER)
        if len(row[f]) > limit and row[f] != str(was.get(f, "")):
            return svc.cat.t("desk.too_long", loc, field=svc.cat.t(f"desk.c_{f}", loc), limit=limit, count=len(row[f]))
    return ""


def changes(old: dict, new: dict) -> dict:
    return {f: [old.get(f), new.get(f)] for f in register.REGISTER_FIELDS if old.get(f) != new.get(f)}


async def save(request: web.Request) -> web.Response:
    svc, staff = request.app[SVC], request[STAFF]
    person = await _resident(request)
    form = await request.post()
    row = {f: str(form.get(f, "")).replace("\r\n", "\n") for f in EDIT_FIELDS}  # a textarea posts CRLF
    row["lives_alone"] = "yes" if form.get("lives_alone") else "no"
    reason = str(form.get("reason", "")).strip()[:200]
    loc = request[LOCALE]
    error = too_long(svc, loc, row, _form_row(person))
    if not error and not reason:
        error = svc.cat.t("desk.reason_needed", loc)
    elif not error:
        try:
            parsed = register.parse_row(row)
        except ValueError as e:
            error = register.problem_text(lambda key, **kw: svc.cat.t(key, loc, **kw), str(e))
        else:
            other = await svc.store.resident_id_by_phone(parsed["phone"])
            if other and other != person["id"]:
                error = svc.cat.t("desk.phone_taken", request[LOCALE])
    if error:
        return render(request, "resident_edit.html", p=person, row=row, fields=EDIT_FIELDS, error=error,
                      reason=reason, status=422)
    new = {**person, **parsed}
    diff = changes(person, new)
    if diff:
        everyone = {p["id"]: p for p in await svc.store.residents()} | {new["id"]: new}
        await svc.store.replace_residents([new], register.contacts_index(list(everyone.values())))
        if new["phone"] != person["phone"]:
            await svc.store.forget_resident_phone(person["phone"], person["id"])
        if "language" in diff:
            await register.read_from_now(svc.store, [new])
        await svc.store.add_audit(new["id"], {"at": svc.clock.ts(), "by": staff.name, "reason": reason,
                                              "changes": diff})
    return see_other(f"/residents/{person['id']}")


# --- Excel import: upload → preview → confirm --------------------------------------------------------------

async def import_page(request: web.Request) -> web.Response:
    return render(request, "import.html", error="")


async def _plan(svc, data: bytes) -> register.Plan:
    with tempfile.TemporaryDirectory() as tmp:  # an .xlsx is a zip file, whatever it is called
        path = Path(tmp) / ("upload" + (".xlsx" if data[:2] == b"PK" else ".csv"))
        path.write_bytes(data)
        return await register.plan_file(svc.store, path)


async def import_preview(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    form = await request.post()
    upload = form.get("file")
    if not isinstance(upload, web.FileField):
        return render(request, "import.html", error=svc.cat.t("desk.import_no_file", request[LOCALE]), status=422)
    data = upload.file.read()
    try:
        plan = await _plan(svc, data)
    except register.RegisterError as e:
        return render(request, "import.html", error="; ".join(e.problems), status=422)
    except Exception:  # not a spreadsheet at all
        return render(request, "import.html", error=svc.cat.t("desk.import_unreadable", request[LOCALE]),
                      status=422)
    token = secrets.token_urlsafe(18)
    await svc.store.put_console("upload", token, {"name": upload.filename or "", "data": base64.b64encode(data).decode(),
                                                  "staff": request[STAFF].id}, UPLOAD_SECONDS)
    return render(request, "import_preview.html", plan=plan, token=token)


async def import_confirm(request: web.Request) -> web.Response:
    """Applies the file as it is now (re-checked against today's register): all rows or none."""
    svc, staff = request.app[SVC], request[STAFF]
    form = await request.post()
    up = await svc.store.take_console("upload", str(form.get("token", "")))
    if not up or up.get("staff") != staff.id:
        return render(request, "import.html", error=svc.cat.t("desk.import_expired", request[LOCALE]), status=410)
    plan = await _plan(svc, base64.b64decode(up["data"]))
    if plan.problems:
        return render(request, "import_preview.html", plan=plan, token="", status=422)
    before = dict(plan.existing)
    report = await register.apply_file_plan(svc.store, plan)
    reason = svc.cat.t("desk.import_reason", request[LOCALE], file=Path(up["name"]).name[:60])
    now = svc.clock.ts()
    for p in await svc.store.residents():
        diff = changes(before.get(p["phone"], {}), p) if p["phone"] in before else None
        if p["phone"] not in before or diff:
            await svc.store.add_audit(p["id"], {"at": now, "by": staff.name, "reason": reason,
                                                "changes": diff or {"added": [None, p["name"]]}})
    return render(request, "import_done.html", report=report)


async def export(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    people = await svc.store.residents()
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "residents.xlsx"
        register.export_file(people, path, await register.deceased_marks(svc, request[LOCALE]))
        body = path.read_bytes()
    return web.Response(body=body, content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": 'attachment; filename="residents.xlsx"'})
