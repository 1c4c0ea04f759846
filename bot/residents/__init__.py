"""Who is who: the resident register (一人一表) and signing up by sharing one's own phone number.

Owns:
  address.py        the registered address read back, and a stated one compared with it part by part
  called.py         whom words mean when they call a resident as people do ("3号楼的张阿姨", "老张", "隔壁的张阿婆")
  register.py       the register's rows: each row checked, an import planned (nothing written), then applied
  sheet.py          the register as a file: CSV (UTF-8 or GBK) and XLSX read into rows, written back formula-safe
  register_chat.py  the register by Excel in chat: a staff member's file → preview → ✅ applies it, /export
  onboarding.py     sign-up: a shared own number links a resident, a family contact or doctor, or waits for staff
  staff_join.py     staff listed in config join the same way; the config list alone grants staff rights
Other packages use the names below; the composition root installs register_chat and applies staff_join.
"""
from .address import differing_parts, format_parts, full_address, has_any
from .called import (CALLED, SURNAMES, Called, door_said, hints, lives_at, place_said, residents_at, residents_called,
                     surnames_called)
from .onboarding import (ask_for_contact, link_resident, on_contact, on_stranger, unknown_cry_for_help,
                         unknown_media)
from .register import (REGISTER_FIELDS, ImportReport, Plan, apply_file_plan, contacts_index, import_file,
                       normalise_phone, parse_row, plan_file, problem_text, read_from_now)
from .sheet import COLUMNS, RegisterError, deceased_marks, export_file, read_rows, to_row
from .unseen import GONE_FROM_HOME, for_someone, urgent_key as unseen_told_key

__all__ = ["CALLED", "COLUMNS", "GONE_FROM_HOME", "REGISTER_FIELDS", "SURNAMES", "Called", "ImportReport", "Plan",
           "RegisterError",
           "apply_file_plan", "ask_for_contact", "contacts_index", "deceased_marks", "door_said", "differing_parts",
           "export_file", "for_someone", "format_parts", "full_address", "has_any", "hints", "import_file", "link_resident", "lives_at",
           "normalise_phone", "on_contact", "on_stranger", "parse_row", "place_said", "plan_file", "problem_text",
           "read_from_now", "read_rows", "residents_at", "residents_called", "surnames_called", "to_row",
           "unknown_cry_for_help", "unknown_media", "unseen_told_key"]
