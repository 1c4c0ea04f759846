"""The responder packet: one message that tells a staff member everything needed to act, kept up to date."""
from __future__ import annotations

from ..residents import full_address
from ..people import age_of
from ..roster import staff_by_id
from ..services import Services
from ..textfit import MESSAGE_LIMIT, clip, clip_middle
from ..types import Button
from . import on_leave
from .advice import told_together
from .family_kin import staff_line
from .closed import after_closed_line, may_be
from .packet_address import address_lines
from .packet_buttons import actions, buttons as _buttons, last_position, map_button  # (read from here too)
from .packet_category import category_label, death_told_label
from .held_calls import lost, lost_line

# long fields are cut in the packet (the whole text is in /incident), so it always fits one message
NOTES_CHARS, WORDS_CHARS, DETAIL_CHARS, NAME_CHARS, SAID_CHARS = 300, 300, 500, 60, 120

def tappable(phone: str) -> str:
    """Telegram turns international numbers into links reliably: a mobile number gets +86 in front."""
    if len(phone) == 11 and phone.startswith("1") and phone.isdigit():
        return "+86" + phone
    return phone


URGENT_KINDS = ("emergency", "colleague")  # sent at alert priority


def colleague(svc: Services, inc: dict) -> dict:
    """Who made a staff member's own call (`staff_caller`), shown as a resident is: from the staff list, not the
    register."""
    st = staff_by_id(svc.settings, inc.get("staff_caller"))
    return {"name": st.name, "phone": st.phone, "tg_id": st.telegram_id} if st else {"name": "?"}


def someone_else(svc: Services, inc: dict) -> dict:
    """Whom a call about someone the register did not name is shown as (`about_other`: bot/incidents/family_other.py):
    who reported it, and their phone to call back — never anyone's registered address."""
    r = inc.get("reporter") or {}
    key = "packet.stranger_name" if inc.get("stranger") else "packet.other_person_name"  # their own cry: themselves
    return {"id": "", "name": svc.cat.t(key, reporter=r.get("name", "?")),
            "phone": r.get("phone", "")}


def called_name(svc: Services, inc: dict, person: dict | None) -> str:
    """Whom the call is about, by name as its packet says it: the resident, the colleague who cried herself, or
    someone unregistered by who reported it (the desk's lists: never "?" for a call that has no resident)."""
    if inc.get("staff_caller"):
        return colleague(svc, inc)["name"]
    if not inc.get("resident") and (inc.get("about_other") or inc.get("stranger")):
        return someone_else(svc, inc)["name"]
    return (person or {}).get("name", "?")


def _maybe_someone_else(inc: dict, person: dict) -> bool:
    from .family_asks import maybe_someone_else  # (it reads the flows; the packet is read by them)

    return maybe_someone_else(inc, person)


STATUS_KEYS = {"open": "packet.status_open", "claimed": "packet.status_claimed",
               "arrived": "packet.status_arrived", "resolved": "packet.status_resolved"}


def render(svc: Services, inc: dict, person: dict | None, *, role: str = "staff", locale: str | None = None,
           viewer: int | None = None) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """The packet's text and buttons for a `role` chat (`viewer`: that staff chat — 🔁 转交 is the claimer's alone)."""
    loc = locale or svc.settings.locale
    t = lambda k, **kw: svc.cat.t(k, loc, **kw)  # noqa: E731
    person = colleague(svc, inc) if inc.get("staff_caller") else person or {}
    n = inc["id"]
    created = svc.clock.local(inc["created"])
    minutes = max(0, int((svc.clock.ts() - inc["created"]) // 60))
    age = age_of(person, svc.clock.now())
    facts = [t("packet.age", age=age) if age is not None else "",
             t("packet.lives_alone") if person.get("lives_alone") else "",
             t("packet.staff_member") if inc.get("staff_caller") else ""]
    title = t(f"packet.title_{inc['kind']}", n=n)
    if inc.get("category"):  # (a death: by whom)
        title += " · " + category_label(t, inc)
    lines = [title]
    if role == "staff" and inc.get("renewed") and inc["status"] in ("claimed", "arrived"):
        lines.insert(0, t(inc.get("renewed_key") or "alert.renewed", n=n, name=may_be(inc, person) or "?",
                          words=inc.get("renewed_words", "🆘"), **(inc.get("renewed_by") or {})))
    elif role == "staff" and inc.get("followup") and inc["status"] == "arrived":
        lines.insert(0, t("alert.followup_stopped" if inc.get("followup_stopped") else "alert.followup", n=n,
                          minutes=int((svc.clock.ts() - inc.get("arrived_at", 0)) // 60), count=inc["followup"]))
    elif role == "staff" and inc.get("reopened") and inc["status"] == "claimed" and not lost(inc):
        lines.insert(0, t("alert.no_arrival", n=n, minutes=int((svc.clock.ts() - (inc.get("claimed_at") or inc["created"])) // 60)))
    elif role == "family":  # in his words: a cry, a missed check-in, or a chat she blocked
        lines[:] = family_heading(inc, person, title, t, svc.settings.community.committee_phone)
    elif role == "staff" and inc["status"] == "open" and inc.get("level", 0) > 0:
        lines.insert(0, t("alert.escalated", n=n, minutes=minutes))
    if role == "staff" and (why := on_leave.line(svc, inc, viewer, loc)):  # on leave, yet nobody else could hear
        lines.insert(0, why)
    if role == "staff" and (gone := lost_line(svc, inc, loc)):  # its holder cannot be reached (held_calls.py)
        lines.insert(0, gone)
    if role == "staff" and inc.get("raised_words") and inc["status"] == "open":  # a request become an emergency
        lines.insert(0, t("alert.raised", n=n, name=person.get("name", "?"), words=inc["raised_words"]))
    if role == "staff" and (died := death_told_label(t, inc)):  # told on his open call
        lines.insert(1, died)
    if role == "staff" and _maybe_someone_else(inc, person):  # "隔壁老太太摔倒了" typed by the resident
        flag = "packet.maybe_someone_else" if inc.get("kind") == "emergency" else \
            "packet.maybe_someone_elses_matter"  # a request: someone else's matter, not someone in danger
        lines.insert(1, t(flag, name=person.get("name", "?")))
        lines[2:2] = [t("packet.candidate", name=c["name"], address=c["address"] or t("packet.no_address"),
                        phone=tappable(c["phone"])) for c in inc.get("neighbours") or ()]  # (neighbour_named.py)
    if role == "staff" and (claims := (inc.get("reporter") or {}).get("claims")):  # "我住3号楼602" from a stranger
        lines.insert(1, t(f"packet.claims_{claims}", who=inc["reporter"]["name"], name=person.get("name", "?")))
    if role == "staff" and (late := inc.get("outage")):  # a call that came while Redis was away
        when = svc.clock.local(late["at"]).strftime("%m-%d %H:%M")
        lines.append(t("packet.outage", time=when, to="、".join(late["to"])) if late.get("to")
                     else t("packet.outage_nobody", time=when))
    if role == "staff" and (last := inc.get("after_closed")) and (line := after_closed_line(svc, inc, last, t)):
        lines.insert(lines.index(title), line)  # the same trouble back, perhaps: still a call of its own
    start = len(lines)
    lines += [t("packet.resident", name=clip(person.get("name", "?"), NAME_CHARS), facts="，".join(f for f in facts if f))]
    if inc["kind"] != "colleague":  # a staff member's call: where she is, she says in her words
        lines += address_lines(svc, inc, person, loc)
    elif at := inc.get("at"):  # or the call she holds says it
        lines.append(t("packet.colleague_at", n=at["n"], name=at["name"],
                       address=at["address"] or t("packet.no_address")))
    if person.get("phone"):
        lines.append(t("packet.phone", phone=tappable(person["phone"])))
    if inc.get("candidates") and not inc.get("resident"):  # a contact's call, not yet said about whom
        heading = "packet.candidates" if not inc.get("about_other") else "packet.candidates_stranger" \
            if inc.get("stranger") else "packet.candidates_other" if len(inc["candidates"]) > 1 else \
            "packet.candidate_unsure"
        lines[start:] = [t(heading)] + [
            t("packet.candidate", name=c["name"], address=c["address"] or t("packet.no_address"),
              phone=tappable(c["phone"])) for c in inc["candidates"]]
    elif inc.get("stranger") and not inc.get("resident"):  # someone unregistered, in their words
        lines[start:] = [t("packet.stranger_group" if inc.get("group") else "packet.stranger")]
        if inc.get("joined"):  # others' cries joined it: the group's, or all strangers' beyond the cap
            lines.append(t("packet.strangers_joined", count=inc["joined"], n=n))
    elif inc.get("about_other") and not inc.get("resident"):  # someone the register did not name
        lines[start:] = [t("packet.about_other")]
    if (where := inc.get("family_location")) and role == "staff":  # beside the registered address: any difference
        lines.append(t("packet.family_location", name=where["name"], relation=where["relation"],
                       lat=f"{where['lat']:.5f}", lon=f"{where['lon']:.5f}"))
    if (live := inc.get("live")) and role == "staff":  # a live location: the latest position and its time
        lines.append(t("packet.live_location_by" if live.get("by") else "packet.live_location", by=live.get("by", ""),
                       relation=live.get("relation", ""), lat=f"{live['lat']:.5f}", lon=f"{live['lon']:.5f}",
                       time=svc.clock.local(live["at"]).strftime("%H:%M")))
    if inc.get("reporter") and role == "staff":
        r = inc["reporter"]
        key = ("packet.reported_by_staff" if r.get("staff")  # a staff member raised it for him
               else "packet.reported_by_other" if r.get("other") else "packet.reported_by")  # not her contact: who
        lines.append(t(key, name=r["name"], relation=r.get("relation", ""), phone=tappable(r["phone"])))
        if kin := staff_line(t, inc, person, tappable):  # "我妈摔倒了" from his daughter: not him
            lines.append(kin)
    if role == "staff":
        for c in person.get("contacts", []):
            lines.append(t("packet.contact", name=clip(c["name"], NAME_CHARS), relation=clip(c["relation"], NAME_CHARS),
                           phone=tappable(c["phone"])))
        if person.get("doctor"):
            lines.append(t("packet.doctor", name=clip(person["doctor"]["name"], NAME_CHARS),
                           phone=tappable(person["doctor"]["phone"])))
        if person.get("notes"):
            lines.append(t("packet.notes", notes=clip(person["notes"], NOTES_CHARS)))
    if inc.get("words"):
        lines.append(t("packet.words", words=clip_middle(inc["words"], WORDS_CHARS)))  # its start and its end
        red_flags = getattr(svc.nlu, "red_flag_words", None)  # the danger words the understanding heard, anywhere
        flags = clip(red_flags(inc["words"][:MESSAGE_LIMIT]), WORDS_CHARS) if red_flags else ""
        if flags and flags != inc["words"].strip():  # not for a bare "🆘" or "救命"
            lines.append(t("packet.red_flags", words=flags))
        lines += [t(f"packet.together_{d}") for d in told_together(inc["words"][:MESSAGE_LIMIT])]  # smoke where she is
    if role == "staff" and inc.get("raised_words") and inc["status"] != "open":  # the header said it while open
        lines.append(t("packet.raised", words=clip(inc["raised_words"], WORDS_CHARS)))
    if role == "staff" and (fam := inc.get("outage_family")):  # her family got the outage message (or not)
        lines.append(t("packet.outage_family_told" if fam["reached"] else "packet.outage_family_not_reached",
                       time=svc.clock.local(fam["at"]).strftime("%H:%M")))
    for said in inc.get("outage_said") or () if role == "staff" else ():  # typed after the cry, while Redis was away
        lines.append(t("packet.outage_said", time=svc.clock.local(said["at"]).strftime("%H:%M"),
                       by=clip(said["by"], NAME_CHARS), words=clip(said["words"], SAID_CHARS)))
    if inc.get("detail"):
        lines.append(t("packet.detail", detail=clip(inc["detail"], DETAIL_CHARS)))
    if inc.get("media") and inc["kind"] == "help":
        lines.append(t("packet.media_above"))
        if inc["media"][0] < 0:  # Telegram's group chats have negative ids, private ones the person's own
            lines.append(t("alert.media_in_group"))
    if inc.get("maybe_false_alarm") or inc.get("declined_at_risk"):
        lines.append(t("packet.declined_at_risk" if inc.get("declined_at_risk") else "packet.maybe_false_alarm"))
    lines.append(t("packet.when", time=created.strftime("%m-%d %H:%M"), minutes=minutes))
    lines.append(_status_line(svc, inc, loc))
    if role == "staff" and (inc.get("call_them") or inc.get("chat_lost")) and inc["status"] != "resolved":
        lines.append(t("packet.call_them" if inc.get("call_them") else "packet.chat_lost"))  # (own_chat.py)
    if role == "staff" and (caller := inc.get("call_back")) and inc["status"] != "resolved":
        lines.append(t("packet.call_back", name=caller["name"], relation=caller["relation"],
                       phone=tappable(caller["phone"])))
    if role == "staff" and inc.get("remind_call") and inc["status"] in ("open", "claimed"):
        lines.append(t("packet.remind_call"))
    return clip("\n".join(lines)), (_buttons(svc, inc, loc, viewer) if role == "staff" else ())


def render_digest(svc: Services, items: list[tuple[dict, dict]], start: int = 1, total: int | None = None,
                  locale: str | None = None, heading: str = "packet.digest_title"
                  ) -> tuple[str, tuple[tuple[Button, ...], ...]]:
    """Several calls for help at once, to one staff member: a line each (who, where, phone) and a claim button
    each, in one message, because Telegram lets only about one message a second into a chat. Each incident's
    full packet follows."""
    loc = locale or svc.settings.locale
    t = lambda k, **kw: svc.cat.t(k, loc, **kw)  # noqa: E731
    prefix = svc.settings.community.address_prefix
    lines = [t(heading, count=total or len(items))]
    buttons = []
    for i, (inc, person) in enumerate(items, start):
        person = colleague(svc, inc) if inc.get("staff_caller") else person
        age = age_of(person, svc.clock.now())
        facts = [t("packet.age", age=age) if age is not None else "", t("packet.lives_alone") if person.get("lives_alone") else ""]
        lines.append(t("packet.digest_line", i=i, title=t(f"packet.title_{inc['kind']}", n=inc["id"]),
                       name=person.get("name", "?"),
                       facts="，".join(f for f in facts if f), phone=tappable(person.get("phone", "")),
                       address=full_address(prefix, person) or t("packet.no_address")))
        buttons.append(Button(t("btn.claim_n", n=inc["id"]), f"inc:claim:{inc['id']}"))
    return "\n".join(lines), tuple(tuple(buttons[i:i + 2]) for i in range(0, len(buttons), 2))


def _status_line(svc: Services, inc: dict, loc: str) -> str:
    who = staff_by_id(svc.settings, inc["status"] == "arrived" and inc.get("arrived_by") or inc.get("claimed_by")
                      or inc.get("resolved_by"))  # (a colleague there first, on a call another holds: he)
    outcome = svc.cat.t(f"outcome.{inc['outcome']}", loc) if inc.get("outcome") else ""
    line = svc.cat.t(STATUS_KEYS[inc["status"]], loc, who=who.name if who else "", outcome=outcome,
                     level=inc.get("level", 0) + 1)
    writer = staff_by_id(svc.settings, note_writer(inc))  # ✅ 已解决 → ✏️ 其他 pressed, her note still to come
    return line + "\n" + svc.cat.t("packet.note_awaited", loc, who=writer.name) if writer else line


def note_writer(inc: dict) -> str | None:
    """The staff id of whoever holds the open call and was asked its note (✏️ 其他), else None."""
    by = inc.get("note_awaited_by")
    return by if by and inc["status"] != "resolved" and by in (inc.get("claimed_by"), inc.get("arrived_by")) else None


# --- the family's first lines: in his words, for what happened (a cry, a missed check-in, a chat she blocked) ---
UNREACHABLE = "unreachable"  # bot/checkins/blocked.py's CATEGORY (imported there from the check-ins would loop)


def family_heading(inc: dict, person: dict, title: str, t, committee: str) -> list[str]:
    """`title`: the staff packet's; `t(key, **kw)`: his language's; nobody reached yet: never "社工正在处理"."""
    kw = dict(n=inc["id"], name=person.get("name") or "", committee=committee)
    if inc.get("kind") == "checkin" and inc.get("category") == UNREACHABLE:
        return [t("alert.family_intro_unreachable", **kw)]
    if inc.get("kind") == "checkin":
        return [t("alert.family_intro_checkin" + ("_unreached" if inc.get("staff_unreached") else ""), **kw)]
    return [t("alert.family_intro_unreached" if inc.get("caller_unreached") else "alert.family_intro", **kw), title]
