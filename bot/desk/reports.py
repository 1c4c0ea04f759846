"""Reports for a week or a month: incidents by kind and by hour, time to claim and to arrive (median, 90th
percentile), escalations per level, false alarms, check-in answer rate per day, pension and subsidy questions
by topic with 👎. The page draws them with Chart.js; the same figures download as an Excel file for the 街道.
No personal data: counts and times only."""
from __future__ import annotations

import io
import json
import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from aiohttp import web
from openpyxl import Workbook

from .server import LOCALE, SVC, render

PERIODS = ("week", "month", "last_month")
CHUNK = 1000  # incidents read in one round trip
FIELDS = ("created", "kind", "claimed_at", "arrived_at", "level", "outcome")
KINDS = ("emergency", "help", "checkin", "colleague")  # colleague: a staff member's own cry


def add_routes(app: web.Application) -> None:
    app.router.add_get("/reports", page)
    app.router.add_get("/reports.xlsx", xlsx)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q / 100 * len(ordered)) - 1)]


@dataclass
class Report:
    period: str
    start: datetime
    end: datetime
    days: list[str]
    total: int = 0
    by_kind: Counter = field(default_factory=Counter)
    by_hour: list[int] = field(default_factory=lambda: [0] * 24)
    claim_minutes: list[float] = field(default_factory=list)
    arrive_minutes: list[float] = field(default_factory=list)
    levels: Counter = field(default_factory=Counter)     # incidents that reached each level (1 = first alert)
    false_alarms: int = 0
    checkins: dict[str, list[int]] = field(default_factory=dict)   # day -> [answered, asked]
    topics: dict[str, list[int]] = field(default_factory=dict)     # topic -> [questions, 👎]

    def timing(self) -> dict[str, float | None]:
        r = lambda v: None if v is None else round(v, 1)  # noqa: E731
        return {"claim_p50": r(percentile(self.claim_minutes, 50)), "claim_p90": r(percentile(self.claim_minutes, 90)),
                "arrive_p50": r(percentile(self.arrive_minutes, 50)),
                "arrive_p90": r(percentile(self.arrive_minutes, 90))}

    def answer_rate(self, day: str) -> float | None:
        answered, asked = self.checkins.get(day, (0, 0))
        return round(100 * answered / asked, 1) if asked else None


def bounds(svc, period: str) -> tuple[datetime, datetime]:
    """[start, end): whole local days; "week" and "month" run to the end of today."""
    today = svc.clock.now().replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = _midnight(today + timedelta(days=1, hours=2))
    if period == "week":
        return _midnight(today - timedelta(days=6, hours=-2)), tomorrow
    first = today.replace(day=1)
    if period == "last_month":
        return _midnight(first - timedelta(days=1)).replace(day=1), first
    return first, tomorrow


def _midnight(d: datetime) -> datetime:
    return d.replace(hour=0, minute=0, second=0, microsecond=0)


async def build(svc, period: str) -> Report:
    start, end = bounds(svc, period)
    days, d = [], start
    while d < end:
        days.append(d.strftime("%Y-%m-%d"))
        d = _midnight(d + timedelta(days=1, hours=2))  # one step per calendar day, DST or not
    rep = Report(period, start, end, days)
    lo, hi = start.timestamp(), end.timestamp()
    await _incidents(svc, rep, lo, hi)
    for at, label, count in await svc.store.tallies("checkins", lo, hi):  # by quarter hour: a few a day
        if label in ("answered", "asked"):
            rep.checkins.setdefault(svc.clock.local(at).strftime("%Y-%m-%d"), [0, 0])[label == "asked"] += count
    for _, label, count in await svc.store.tallies("questions", lo, hi):
        kind, _, topic = label.partition(":")
        rep.topics.setdefault(topic, [0, 0])[kind == "down"] += count
    return rep


async def _incidents(svc, rep: Report, lo: float, hi: float) -> None:
    """The period's incidents only, found by their numbers (which grow with time), a chunk at a time."""
    ids = await svc.store.incident_ids_between(lo, hi)
    for i in range(0, len(ids), CHUNK):
        for inc in await svc.store.incident_fields(ids[i:i + CHUNK], FIELDS):
            created = inc["created"] or 0
            if not lo <= created < hi:
                continue
            rep.total += 1
            rep.by_kind[inc["kind"]] += 1
            rep.by_hour[int((created - lo) % 86400 // 3600)] += 1  # the period starts at local midnight
            if inc.get("claimed_at"):
                rep.claim_minutes.append((inc["claimed_at"] - created) / 60)
            if inc.get("arrived_at"):
                rep.arrive_minutes.append((inc["arrived_at"] - created) / 60)
            for level in range(1, (inc.get("level") or 0) + 2):
                rep.levels[level] += 1
            rep.false_alarms += inc.get("outcome") == "false_alarm"


def topic_title(svc, topic: str, loc: str) -> str:
    if not topic:
        return svc.cat.t("desk.qa_no_topic", loc)
    entry = svc.kb.entries.get(topic) if svc.kb else None
    return entry.title.pick(loc) if entry else topic


def charts(svc, rep: Report, loc: str) -> dict[str, str]:
    """Chart.js configurations, as JSON for the canvases' data attributes (no inline script)."""
    t = lambda k, **kw: svc.cat.t(k, loc, **kw)  # noqa: E731

    def bar(labels, sets, stacked=False):
        return json.dumps({"type": "bar", "data": {"labels": labels, "datasets": sets},
                           "options": {"responsive": True, "maintainAspectRatio": False, "animation": False,
                                       "scales": {"x": {"stacked": stacked}, "y": {"beginAtZero": True,
                                                                                   "stacked": stacked}}}},
                          ensure_ascii=False)

    topics = sorted(rep.topics.items(), key=lambda kv: -kv[1][0])[:12]
    return {
        "kind": bar([t(f"kind.{k}") for k in KINDS], [{"label": t("desk.r_incidents"),
                                                       "data": [rep.by_kind.get(k, 0) for k in KINDS]}]),
        "hour": bar([f"{h:02d}" for h in range(24)], [{"label": t("desk.r_incidents"), "data": rep.by_hour}]),
        "checkin": json.dumps({"type": "line", "data": {"labels": [d[5:] for d in rep.days], "datasets": [
            {"label": t("desk.r_answer_rate"), "data": [rep.answer_rate(d) for d in rep.days], "spanGaps": True}]},
            "options": {"responsive": True, "maintainAspectRatio": False, "animation": False,
                        "scales": {"y": {"min": 0, "max": 100}}}}, ensure_ascii=False),
        "qa": bar([topic_title(svc, k, loc) for k, _ in topics],
                  [{"label": t("desk.r_questions"), "data": [v[0] - v[1] for _, v in topics]},
                   {"label": "👎", "data": [v[1] for _, v in topics]}], stacked=True),
    }


def _period(request: web.Request) -> str:
    period = request.query.get("period", "week")
    return period if period in PERIODS else "week"


async def page(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    rep = await build(svc, _period(request))
    loc = request[LOCALE]
    return render(request, "reports.html", rep=rep, timing=rep.timing(), charts=charts(svc, rep, loc),
                  kinds=KINDS, periods=PERIODS,
                  topics=[(topic_title(svc, k, loc), v) for k, v in sorted(rep.topics.items(), key=lambda kv: -kv[1][0])])


async def xlsx(request: web.Request) -> web.Response:
    svc = request.app[SVC]
    rep = await build(svc, _period(request))
    loc = request[LOCALE]
    t = lambda k, **kw: svc.cat.t(k, loc, **kw)  # noqa: E731
    wb = Workbook()
    ws = wb.active
    ws.title = t("desk.r_sheet_summary")
    ws.append([t("desk.r_period"), rep.start.strftime("%Y-%m-%d"), (rep.end - timedelta(seconds=1)).strftime("%Y-%m-%d")])
    ws.append([t("desk.r_incidents"), rep.total])
    for k in KINDS:
        ws.append([t(f"kind.{k}"), rep.by_kind.get(k, 0)])
    for key, value in rep.timing().items():
        ws.append([t(f"desk.r_{key}"), value])
    ws.append([t("desk.r_false_alarms"), rep.false_alarms])
    for level in sorted(rep.levels):
        ws.append([t("desk.r_level", level=level), rep.levels[level]])
    hours = wb.create_sheet(t("desk.r_sheet_hours"))
    hours.append([t("desk.r_hour"), t("desk.r_incidents")])
    for h, count in enumerate(rep.by_hour):
        hours.append([f"{h:02d}:00", count])
    days = wb.create_sheet(t("desk.r_sheet_checkins"))
    days.append([t("desk.r_day"), t("desk.r_answered"), t("desk.r_asked"), t("desk.r_answer_rate")])
    for d in rep.days:
        answered, asked = rep.checkins.get(d, (0, 0))
        days.append([d, answered, asked, rep.answer_rate(d)])
    qa = wb.create_sheet(t("desk.r_sheet_qa"))
    qa.append([t("desk.r_topic"), t("desk.r_questions"), "👎"])
    for k, (count, down) in sorted(rep.topics.items(), key=lambda kv: -kv[1][0]):
        qa.append([topic_title(svc, k, loc), count, down])
    out = io.BytesIO()
    wb.save(out)
    name = f"report-{rep.period}-{rep.start.strftime('%Y%m%d')}.xlsx"
    return web.Response(body=out.getvalue(),
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{name}"'})
