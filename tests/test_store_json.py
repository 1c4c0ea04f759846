"""What the store writes stays readable and the same shape whichever JSON library writes it: a record written before
(by the json module) reads the same, Chinese is stored as it is, and numbers keep their value (guards for the switch
to orjson: the check-in step compares stored bytes with what `dumps` writes)."""
from __future__ import annotations

import json

import pytest

from bot.store.base import dumps, loads
from bot.store.checkins import step_digest

RECORDS = [
    {"name": "王老伯", "address": "3号楼602", "note": "心脏不好\n独居"},
    {"phase": "sent", "sent_at": 1764572400.123, "msg": 4812, "slot": 1764547200.0},
    ["09:00", "18:30"],
    {"7": True, "days": [0, 1, 2, 3, 4]},
    "",
    0,
    None,
    -0.5,
    {"tg_id": 9007199254740991},
]


def old_dumps(v):
    return json.dumps(v, ensure_ascii=False, separators=(",", ":"))


@pytest.mark.parametrize("value", RECORDS, ids=range(len(RECORDS)))
def test_written_as_before_and_read_back(value):
    assert dumps(value) == old_dumps(value)  # the same bytes: a step decided on an old record still matches
    assert loads(dumps(value)) == value
    assert loads(old_dumps(value).encode()) == value  # read from Redis (bytes)


def test_integer_keys_and_huge_integers_are_written_as_the_json_module_writes_them():
    assert dumps({1: "x"}) == '{"1":"x"}'
    assert dumps(2 ** 70) == str(2 ** 70)


def test_a_step_digest_is_the_same_for_a_state_written_by_either():
    state = {"phase": "due", "slot": 1764547200.0, "times": ["09:00"], "enrolled": True}
    new = {k: dumps(v).encode() for k, v in state.items()}
    old = {k: old_dumps(v).encode() for k, v in state.items()}
    assert step_digest(new) == step_digest(old)
