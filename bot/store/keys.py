"""Every Redis key the bot uses, named in this one module; no other module spells a key.

All keys live under one prefix (`redis.prefix`, "nc:" by default), and every name below is built from it in
`Keys._key`. To give each committee its own keys in a Redis Cluster, a prefix with a hash tag (`nc:{c042}:`)
is passed in instead: every key of a committee then falls in one slot, so the Lua scripts (which get the prefix
as ARGV[1] and build their keys from it, see `lua_keys`) still run on one node.

Layout (prefix omitted):
  residents                 hash  rid -> resident JSON
  residents:phone           hash  phone -> rid
  residents:tg              hash  telegram id -> rid
  residents:seq             int   last resident number
  residents:deceased        hash  rid -> JSON {at, by, incident}: a death staff confirmed (until undone)
  contacts:phone            hash  phone -> JSON list of {rid, relation, name, kind}
  contacts:tg               hash  telegram id -> JSON {phone, name, links: [...]}
  session:{uid}             str   conversation state JSON
  prefs:{uid}               hash  locale ...
  pending                   hash  telegram id -> pending sign-up JSON
  incident:seq              int
  incident:{n}              hash  incident fields (JSON values)
  incident:{n}:timeline     list  JSON entries, append-only: never trimmed or deleted
  incident:{n}:alerts       hash  "chat:message" -> role, every alert message sent for the incident
  incident:{n}:owed         hash  chat -> JSON [chat, role, name]: a full packet owed to a staff chat that had the
                                  call in a digest (gone once sent; "pkt:{n}" sends what is left after a crash)
  incident:{n}:stale        set   "chat:message": a packet whose edit Telegram failed to make, edited again soon
                                  (bot/incidents/edits_owed.py)
  incident:{n}:told         hash  chat -> "told" | until (ts): a family chat told how the call ended, or being told
                                  by one worker until then (bot/incidents/closed.py)
  incidents:open            zset  n by creation time
  surge                     str   until when (ts, the bot's clock) many calls at once are being told to every staff
                                  member (bot/incidents/surge.py); each such call's field "surge" says it was
  resident:{rid}:incident   str   the resident's active incident
  resident:{rid}:closed     str   JSON {n, by, at, outcome}: the resident's call staff closed last (expires after an
                                  hour; a call opened meanwhile says so, as its field "after_closed")
  resident:{rid}:closes     list  her last few closed calls, last first (two days: bot/store/closes.py)
  closes:filled             str   set at the first start of a version that keeps each resident's closes: the lists
                                  were filled once then from the calls closed before (bot/store/closes.py)
  deadlines                 zset  "kind:arg" by due time (escalation, address timeout, check-ins)
  duty:override             hash  staff id -> until (ts): she took the duty over; "leave:{id}" / "off:{id}" -> until:
                                  relieved of it (asked to be covered / a colleague took it from /duty)
  duty:cover:seq            int
  duty:cover:{n}            hash  asker, messages (JSON [[chat, message id]]), taken_by: an ask to take a duty over
                                  (expires; bot/store/cover.py)
  duty:covers               hash  staff id -> n: her ask nobody has taken yet
  duty:ended:{change}       str   a shift change whose leavers were told of the calls they hold (an hour; shift_end.py)
  duty:checked              str   the duty (and staff list) whose phones were last probed, by any worker (reach.py)
  staff:unreachable         set   staff ids the bot cannot reach (blocked, never started); gone once they write
  questions                 hash  n -> JSON question waiting for staff / knowledge-base gap
  questions:seq             int
  checkin:{rid}             hash  check-in settings and today's state
  checkins:log:{rid}        list  JSON recent check-in outcomes (trimmed to 30)
  checkins:enrolled         set   rids enrolled in daily check-ins
  checkins:due              zset  rid by when its next check-in is to be sent (leased while sending)
  checkins:ladder           zset  rid by when its sent check-in needs a reminder or becomes "missed" (leased)
  sendlog                   list  JSON send attempts, redacted (trimmed to 5000)
  lock:{name}               str   short per-user / per-incident locks
  repeats:{key}             hash  last (ts a repeat was passed on), count (repeats held back since)
  stranger:{uid}:log        list  JSON every message of an unregistered person (trimmed to 1000)
  quota:{name}:{window}     int   how many of something a window (window = ts // its length) let through (expires)
  -- staff operations (issue 17) --
  staff:tg                  hash  staff id -> JSON {tg, phone, at}: who joined by sharing their phone
  register:draft:{uid}      str   JSON file a staff member sent, parsed, awaiting ✅/❌ (expires)
  register:audit            list  JSON applied imports: who, when, file name, counts (never trimmed)
  notice:seq                int
  notice:{n}                hash  notice fields (JSON values)
  notice:{n}:todo           list  rids still to send to (the sender pops them)
  notice:{n}:state          hash  rid -> sent | ack | blocked | failed | not_started
  visits                    hash  visit-task id -> JSON {rid, notice, by, created, done_by, done_at}
  visits:seq                int
  ageband:told              set   "rid:band" residents told of their new allowance band
  ageband:listed            set   "YYYY-MM" months whose list staff have had
  -- the staff web console (bot/desk) --
  console:session:{token}   str   JSON {staff, csrf, exp}: a signed-in staff member (expires)
  console:signin:{token}    str   staff id: a one-time sign-in link from /web (taken once, expires)
  console:upload:{token}    str   JSON an uploaded register file awaiting confirmation (expires)
  audit:{rid}               list  JSON register changes made in the console: who, when, reason, before → after
  pace                      hash  next (the token's next free send slot, Redis TIME), held (a 429's hold until)
  pace:chat:{id}            hash  tat (the chat's GCRA arrival time), held; expires once idle (pace.py)
  pace:chat:{id}:grants     list  a group's send slots in the last minute (20 a minute)
  tally:{name}:{day}        hash  "{quarter}:{label}" -> count; day = days since 1970-01-01 UTC, quarter = its
                                  15-minute part (0-95): the desk's reports, kept as things happen (tallies.py)
  -- several worker processes on one Redis (leases.py) --
  poller:{bot}              str   "host:pid:nonce" of the one process polling Telegram for bot id {bot} (expires)
  update:{bot}:{id}         str   "handling" | "done": update {id} of bot {bot} is (being) handled (expires)
  outage:{id}               str   "handling" | "done": a call journaled while Redis was away, (being) replayed (expires)
  outage:caller:{uid}       str   the process replaying this caller's journaled calls now (expires)
  outage:told:{uid}:{since} str   the caller of the outage from `since` was told their calls are stored (expires)
"""
from __future__ import annotations

from typing import Any

Part = Any  # a number, an id or a name filled into a key


class Keys:
    """The key names under one prefix."""

    def __init__(self, prefix: str = "nc:") -> None:
        self.prefix = prefix

    def _key(self, pattern: str, *parts: Part) -> str:
        return self.prefix + pattern.format(*parts)

    def k(self, *parts: Part) -> str:
        """Parts joined with ":" under the prefix (for tests and tools that inspect the data)."""
        return self.prefix + ":".join(str(p) for p in parts)

    # --- residents and their contacts
    def residents(self) -> str: return self._key("residents")
    def residents_by_phone(self) -> str: return self._key("residents:phone")
    def residents_by_tg(self) -> str: return self._key("residents:tg")
    def residents_seq(self) -> str: return self._key("residents:seq")
    def residents_deceased(self) -> str: return self._key("residents:deceased")
    def contacts_by_phone(self) -> str: return self._key("contacts:phone")
    def contacts_by_tg(self) -> str: return self._key("contacts:tg")
    def register_audit(self) -> str: return self._key("register:audit")

    # --- conversations
    def session(self, uid: Part) -> str: return self._key("session:{}", uid)
    def prefs(self, uid: Part) -> str: return self._key("prefs:{}", uid)
    def pending(self) -> str: return self._key("pending")
    def register_draft(self, uid: Part) -> str: return self._key("register:draft:{}", uid)
    def lock(self, name: Part) -> str: return self._key("lock:{}", name)
    def incident_lock(self, n: Part) -> str:
        """The lock held while an incident changes: the lock named "incident:{n}"."""
        return self._key("lock:incident:{}", n)

    # --- incidents and their timers
    def incident_seq(self) -> str: return self._key("incident:seq")
    def incident(self, n: Part) -> str: return self._key("incident:{}", n)
    def incident_timeline(self, n: Part) -> str: return self._key("incident:{}:timeline", n)
    def incident_alerts(self, n: Part) -> str: return self._key("incident:{}:alerts", n)
    def incident_owed(self, n: Part) -> str: return self._key("incident:{}:owed", n)
    def incident_told(self, n: Part) -> str: return self._key("incident:{}:told", n)
    def incident_stale(self, n: Part) -> str: return self._key("incident:{}:stale", n)
    def incidents_open(self) -> str: return self._key("incidents:open")
    def incidents_named(self) -> str: return self._key("incidents:named")  # calls named later; family signing up
    def surge(self) -> str: return self._key("surge")
    def surge_owed(self, sid: Part) -> str: return self._key("surge:{}:owed", sid)
    def active_incident(self, rid: Part) -> str: return self._key("resident:{}:incident", rid)
    def last_closed(self, rid: Part) -> str: return self._key("resident:{}:closed", rid)
    def recent_closes(self, rid: Part) -> str: return self._key("resident:{}:closes", rid)
    def closes_filled(self) -> str: return self._key("closes:filled")
    def deadlines(self) -> str: return self._key("deadlines")
    def repeats(self, subject: Part) -> str: return self._key("repeats:{}", subject)
    def stranger_log(self, uid: Part) -> str: return self._key("stranger:{}:log", uid)
    def stranger_wish(self, uid: Part) -> str: return self._key("stranger:{}:wish", uid)
    def group_media_held(self, uid: Part) -> str: return self._key("group:media:{}", uid)
    def quota(self, name: Part, window: Part) -> str: return self._key("quota:{}:{}", name, window)

    # --- staff
    def duty_overrides(self) -> str: return self._key("duty:override")
    def cover_seq(self) -> str: return self._key("duty:cover:seq")
    def cover(self, n: Part) -> str: return self._key("duty:cover:{}", n)
    def covers_open(self) -> str: return self._key("duty:covers")
    def shift_ended(self, change: Part) -> str: return self._key("duty:ended:{}", change)
    def duty_checked(self) -> str: return self._key("duty:checked")
    def staff_bindings(self) -> str: return self._key("staff:tg")
    def unreachable_staff(self) -> str: return self._key("staff:unreachable")
    def staff_langs(self) -> str: return self._key("staff:langs")  # counts changes of a staff member's language
    def questions(self) -> str: return self._key("questions")
    def questions_seq(self) -> str: return self._key("questions:seq")
    def send_log(self) -> str: return self._key("sendlog")

    # --- check-ins
    def checkin(self, rid: Part) -> str: return self._key("checkin:{}", rid)
    def checkin_log(self, rid: Part) -> str: return self._key("checkins:log:{}", rid)
    def checkins_enrolled(self) -> str: return self._key("checkins:enrolled")
    def checkins_queue(self, queue: str) -> str:
        """"due" (waiting for the next check-in) or "ladder" (waiting for the answer to one sent)."""
        return self._key("checkins:{}", queue)

    # --- notices, visit tasks, allowance bands
    def notice_seq(self) -> str: return self._key("notice:seq")
    def notice(self, n: Part) -> str: return self._key("notice:{}", n)
    def notice_todo(self, n: Part) -> str: return self._key("notice:{}:todo", n)
    def notice_state(self, n: Part) -> str: return self._key("notice:{}:state", n)
    def notice_awaits(self, rid: Part) -> str: return self._key("notice:awaits:{}", rid)
    def visits(self) -> str: return self._key("visits")
    def visits_seq(self) -> str: return self._key("visits:seq")
    def ageband(self, group: str) -> str: return self._key("ageband:{}", group)

    # --- Telegram's limits for the committee's token, shared by its processes (store/pace.py)
    def pace(self) -> str: return self._key("pace")
    def pace_chat(self, chat_id: Part) -> str: return self._key("pace:chat:{}", chat_id)
    def pace_grants(self, chat_id: Part) -> str: return self._key("pace:chat:{}:grants", chat_id)
    def pace_flight(self) -> str: return self._key("pace:flight")

    # --- the staff web console
    def console(self, kind: str, token: str) -> str: return self._key("console:{}:{}", kind, token)
    def audit(self, rid: Part) -> str: return self._key("audit:{}", rid)
    def tally(self, name: str, day: Part) -> str: return self._key("tally:{}:{}", name, day)

    # --- several worker processes on one Redis
    def poller_lease(self, bot: Part) -> str: return self._key("poller:{}", bot)
    def update_seen(self, bot: Part, update_id: Part) -> str: return self._key("update:{}:{}", bot, update_id)
    def outage_entry(self, entry: Part) -> str: return self._key("outage:{}", entry)
    def outage_caller(self, uid: Part) -> str: return self._key("outage:caller:{}", uid)
    def outage_told(self, uid: Part, since: Part) -> str: return self._key("outage:told:{}:{}", uid, since)
    def outage_messages(self, n: Part, sent: Part) -> str: return self._key("outage:said:{}:{}", n, sent)


class LuaKeys(Keys):
    """The same names as Lua expressions, for scripts that find their keys inside Redis: the prefix is the Lua
    expression `prefix`, and each part given is a Lua expression too (`lua_keys().incident("n")` is
    `p .. 'incident:' .. n`)."""

    def _key(self, pattern: str, *parts: Part) -> str:
        out = [self.prefix]
        for i, literal in enumerate(pattern.split("{}")):
            if literal:
                out.append(f"'{literal}'")
            if i < len(parts):
                out.append(str(parts[i]))
        return " .. ".join(out)


def lua_keys(prefix: str = "p") -> Keys:
    """Key names for a Lua script whose prefix (ARGV[1]) is in the Lua variable `prefix`."""
    return LuaKeys(prefix)
