"""The check-in's words: the daily message and the labels it shares with staff pages (dates, times, the next
check-in, history marks, "last heard from")."""
from __future__ import annotations

import functools

from ..types import Button, Outbound
from .rules import CheckinState, next_slot

MARKS = {"ok": "✅", "activity": "✅", "media": "🎙", "late": "⌛", "unwell": "🤒", "help": "🆘", "missed": "❗",
         "paused": "⏸", "offline": "➖", "undeliverable": "📵", "died": "🕯"}


def answer_label(svc, answer: str, locale: str | None = None) -> str:
    return svc.cat.t(f"checkin.answer_{answer}", locale)


def date_label(svc, ts: float, locale: str | None = None) -> str:
    d = svc.clock.local(ts)
    return svc.cat.t("checkin.date", locale, month=d.month, day=d.day,
                     weekday=svc.cat.t("checkin.weekdays", locale)[d.weekday()])


def times_label(svc, times: list[str], locale: str | None = None) -> str:
    return svc.cat.t("checkin.times_join", locale).join(times)


def next_label(svc, st: CheckinState, locale: str | None = None) -> str:
    """When the next check-in will come, as a resident would say it: 明天 09:00."""
    now = svc.clock.ts()
    after = max(st.since, now, st.paused_until if st.paused_until != float("inf") else now)
    nxt = next_slot(st, after)
    if nxt is None:
        return svc.cat.t("checkin.next_none", locale)
    when, today = svc.clock.local(nxt), svc.clock.local(now).date()
    hm = when.strftime("%H:%M")
    days = (when.date() - today).days
    if days in (0, 1):
        return svc.cat.t("checkin.next_today" if days == 0 else "checkin.next_tomorrow", locale, time=hm)
    return f"{date_label(svc, nxt, locale)} {hm}"


def history_line(svc, entries: list[dict], days: int = 7) -> str:
    """Most-recent-first log entries → "11-20✅ 11-21✅ 11-22❗", one mark per day (its last outcome)."""
    per_day: dict[str, str] = {}
    for e in reversed(entries):  # oldest first, so a later outcome on the same day wins
        day = svc.clock.local(e.get("slot") or e["at"]).strftime("%m-%d")
        per_day[day] = MARKS.get(e["outcome"], "·")
    items = list(per_day.items())[-days:]
    return " ".join(f"{d}{m}" for d, m in items) or svc.cat.t("checkin.no_history")


def last_seen_label(svc, ts: float, locale: str | None = None) -> str:
    if not ts:
        return svc.cat.t("checkin.never_heard", locale)
    minutes = max(0, int((svc.clock.ts() - ts) // 60))
    if minutes < 120:
        ago = svc.cat.t("checkin.ago_minutes", locale, n=minutes)
    elif minutes < 48 * 60:
        ago = svc.cat.t("checkin.ago_hours", locale, n=minutes // 60)
    else:
        ago = svc.cat.t("checkin.ago_days", locale, n=minutes // 1440)
    return svc.cat.t("checkin.last_seen", locale, time=svc.clock.local(ts).strftime("%m-%d %H:%M"), ago=ago)


def until_label(svc, st: CheckinState, locale: str | None = None, open_key: str = "checkin.until_back") -> str:
    if st.paused_until == float("inf"):
        return svc.cat.t(open_key, locale)
    return svc.cat.t("checkin.resume_on", locale, date=date_label(svc, st.paused_until, locale))


def checkin_message(svc, person: dict, locale: str, *, reminder: bool = False, both: bool = False) -> Outbound:
    """The daily check-in (or its reminder), greeting by the time of day, with its one-tap answers; `both`: her
    language is only guessed from her Telegram profile (bot/flows/both.py) — the committee's first, then hers."""
    hour = svc.clock.now().hour
    period = "morning" if hour < 11 else "noon" if hour < 13 else "afternoon" if hour < 18 else "evening"

    def said(loc: str) -> str:
        return svc.cat.t("checkin.remind" if reminder else "checkin.ask", loc, name=person.get("name", ""),
                         greet=svc.cat.t(f"checkin.greet_{period}", loc))
    text = said(svc.cat.default) + "\n\n" + said(locale) if both else said(locale)
    return Outbound(person["tg_id"], text, buttons=answer_buttons(svc, locale, both),
                    tag=f"{'checkin-reminder' if reminder else 'checkin'}:{person['id']}")


def answer_buttons(svc, locale: str | None = None, both: bool = False) -> tuple[tuple[Button, ...], ...]:
    """The check-in's one-tap answers (and its settings), as the daily message and its asking again show them."""
    return _answers(svc.cat, locale, both and locale != svc.cat.default)


@functools.lru_cache(maxsize=8)
def _answers(cat, locale: str | None, both: bool = False) -> tuple[tuple[Button, ...], ...]:
    """Made once per catalogue and locale: a district's morning asks thousands of residents the same buttons."""
    t = (lambda k: cat.both_label(k, locale)) if both else (lambda k: cat.t(k, locale))  # noqa: E731
    return ((Button(t("checkin.btn_ok"), "ci:ok"),), (Button(t("checkin.btn_unwell"), "ci:unwell"),),
            (Button(t("checkin.btn_help"), "ci:help"),),
            (Button(t("checkin.btn_away"), "ci:away"), Button(t("checkin.btn_time"), "ci:time")))


def undeliverable_detail(svc, st, history: list[dict]) -> str:
    """A check-in Telegram refused for good (blocked, chat deleted), as staff read it in the call."""
    return svc.cat.t("checkin.detail_undeliverable", time=svc.clock.local(st.slot).strftime("%H:%M"),
                     last=last_seen_label(svc, st.last_seen), history=history_line(svc, history))


def missed_detail(svc, st, history: list[dict]) -> str:
    """The missed check-in as staff read it in the alert: when, how long, reminded or not, the week's marks."""
    return svc.cat.t("checkin.detail", time=svc.clock.local(st.slot).strftime("%H:%M"),
                     minutes=int(svc.settings.checkin.window_minutes * 2),
                     reminded=svc.cat.t("checkin.detail_reminded") if st.reminded_at >= st.sent_at > 0 else "",
                     last=last_seen_label(svc, st.last_seen), history=history_line(svc, history))
