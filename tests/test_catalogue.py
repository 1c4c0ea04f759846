"""The message catalogues: English mirrors Chinese, every key the code asks for exists, English speakers read English.

A key missing from zh.yaml is a KeyError at runtime (the person gets the "something went wrong" fallback);
a key missing from en.yaml silently shows Chinese to someone who chose English.
"""
from __future__ import annotations

import ast
import functools
import re
import string
import unicodedata
from pathlib import Path

import pytest
import yaml
from conftest import ROOT, signed_up

from bot.address import full_address
from bot.alerts import STATUS_KEYS
from bot.engine import UNSUPPORTED
from bot.flows.menu import RESIDENT_MENU, STAFF_MENU
from bot.flows.resident import CATEGORIES
from bot.flows.staff import OUTCOMES
from bot.handlers.telegram_common import RESIDENT_COMMANDS, STAFF_COMMANDS
from bot.testing.tools import Person

LOCALES = ROOT / "bot" / "locales"
SOURCES = sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "scheduler").rglob("*.py")])
# where the key sits among a call's positional arguments: ctx.t(key), ctx.button(key, data), show_menu(ctx, key)
KEY_ARG = {"t": 0, "button": 0, "show_menu": 1}
EN_MENU = ["🆘 Emergency help", "🙋 Ask the committee for help", "❓ Pensions & subsidies", "☎️ Call the committee"]
ZH_MENU = ["🆘 紧急求助", "🙋 找居委会帮忙", "❓ 养老金/补贴", "☎️ 联系居委会"]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”]")


def load(locale: str) -> dict[str, str]:
    return yaml.safe_load((LOCALES / f"{locale}.yaml").read_text(encoding="utf-8"))


ZH, EN = load("zh"), load("en")


def placeholders(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def symbols(template: str) -> set[str]:
    """The emoji and pictographs in a sentence: they carry meaning for people who read slowly."""
    return {ch for ch in template if unicodedata.category(ch) == "So"}


# --- (a) English mirrors Chinese -------------------------------------------------------------------------

def test_every_chinese_key_has_an_english_translation():
    assert sorted(set(ZH) - set(EN)) == []
    assert sorted(set(EN) - set(ZH)) == []  # a key only in English would be dead or misspelt


def test_translations_keep_every_placeholder():
    differ = {k: (placeholders(ZH[k]), placeholders(EN[k])) for k in ZH.keys() & EN.keys()
              if placeholders(ZH[k]) != placeholders(EN[k])}
    assert differ == {}
    for key, template in EN.items():  # and they render: no stray brace breaks str.format
        template.format(**{p: "x" for p in placeholders(template)})


def test_translations_keep_the_emoji():
    differ = {k: (symbols(ZH[k]), symbols(EN[k])) for k in ZH.keys() & EN.keys() if symbols(ZH[k]) != symbols(EN[k])}
    assert differ == {}


def test_english_is_english():
    chinese = {k: v for k, v in EN.items() if CJK.search(v) and k != "commands.lang"}
    assert chinese == {}
    assert "English" in ZH["commands.lang"] and CJK.search(EN["commands.lang"])  # findable by those who can't read it


def test_menu_labels_never_collide_across_locales():
    """A typed or pressed label is matched against every locale's label; two keys sharing one would misroute."""
    keys = [k for layout in (RESIDENT_MENU, STAFF_MENU) for row in layout for k in row]
    owners: dict[str, str] = {}
    for key in keys:
        for label in (ZH[key], EN[key]):
            assert owners.setdefault(label, key) == key, f"{label!r} is both {owners[label]} and {key}"


@pytest.mark.parametrize("texts", [ZH, EN], ids=["zh", "en"])
def test_help_texts_name_the_buttons_people_actually_see(texts):
    for key in ("menu.sos", "menu.help"):
        assert texts[key] in texts["help_text.resident"]
    for key in (k for row in STAFF_MENU for k in row):
        assert texts[key] in texts["staff.menu_hint"]


# --- (b) every key the code asks for exists ---------------------------------------------------------------

@functools.cache
def _trees() -> tuple[tuple[Path, ast.Module], ...]:
    return tuple((path.relative_to(ROOT), ast.parse(path.read_text(encoding="utf-8"))) for path in SOURCES)


def _literals(node: ast.AST) -> list[str]:
    """String keys an argument can evaluate to; f-strings are left to the family checks below."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        return _literals(node.body) + _literals(node.orelse)
    return []


def _called_name(call: ast.Call) -> str | None:
    f = call.func
    return f.id if isinstance(f, ast.Name) else f.attr if isinstance(f, ast.Attribute) else None


def keys_at_call_sites() -> set[tuple[str, str]]:
    found = set()
    for path, tree in _trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _called_name(node) in KEY_ARG:
                pos = KEY_ARG[_called_name(node)]
                args = node.args[pos:pos + 1] + [kw.value for kw in node.keywords if kw.arg in ("key", "text_key")]
                found |= {(key, f"{path}:{node.lineno}") for arg in args for key in _literals(arg)}
    return found


def keys_in_tables() -> set[tuple[str, str]]:
    """Keys kept in dicts, defaults and keyword arguments (SMALL_TALK, STATUS_KEYS, reason="alert.no_arrival")."""
    namespaces = {k.split(".")[0] for k in ZH}
    shape = re.compile(r"^([a-z_]+)\.[a-z0-9_]+$")
    found = set()
    for path, tree in _trees():
        skip = {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
        for n in ast.walk(tree):
            body = getattr(n, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                skip.add(id(body[0].value))  # docstrings
        for n in ast.walk(tree):
            if isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip:
                m = shape.match(n.value)
                if m and m.group(1) in namespaces:
                    found.add((n.value, f"{path}:{n.lineno}"))
    return found


def dict_values(field: str, where: str = "") -> set[str]:
    """Literal values stored under one key in dict displays, e.g. every timeline "event" the code records."""
    values = set()
    for path, tree in _trees():
        if where and str(path) != where:
            continue
        for n in ast.walk(tree):
            if isinstance(n, ast.Dict):
                for k, v in zip(n.keys, n.values):
                    if isinstance(k, ast.Constant) and k.value == field:
                        values.update(_literals(v))
    return values


def test_the_scan_sees_the_code():
    """Guards the checks below against passing because the scan found nothing."""
    at_calls = {k for k, _ in keys_at_call_sites()}
    assert {"help.which", "bad.stale_button", "help.request_noted", "btn.claim"} <= at_calls
    assert {"talk.greet", "packet.status_open", "alert.no_arrival", "onboard.welcome"} <= {k for k, _ in keys_in_tables()}
    assert {"created", "claimed", "resolved"} <= dict_values("event")


def test_every_literal_key_passed_in_the_code_exists():
    missing = sorted(f"{where} {key}" for key, where in keys_at_call_sites() if key not in ZH)
    assert missing == []


def test_every_key_kept_in_a_table_exists():
    missing = sorted(f"{where} {key}" for key, where in keys_in_tables() if key not in ZH)
    assert missing == []


def family_keys() -> set[str]:
    """Keys the code builds with f-strings, listed from the values it can be built with."""
    kinds = ("emergency", "help", "checkin")
    categories = {*CATEGORIES, *dict_values("category"), "callback", "unwell"}
    keys = {f"outcome.{o}" for o in OUTCOMES}
    keys |= {f"help.cat_{c}" for c in categories}
    keys |= {f"packet.title_{k}" for k in kinds} | {f"kind.{k}" for k in kinds}
    keys |= {f"packet.addr_{s}" for s in ("pending", "confirmed", "unconfirmed", "unknown", "not_asked")}
    keys |= {f"bad.{k}" for k in {"sticker", "file", "unsupported", *UNSUPPORTED}}
    keys |= {f"bad.{k}_alone" for k in ("voice", "photo", "location")}
    keys |= {f"help_text.{r}" for r in ("resident", "staff", "contact", "stranger")}
    keys |= {f"commands.{c}" for c in (*RESIDENT_COMMANDS, *STAFF_COMMANDS)}
    keys |= {f"state.{s}" for s in STATUS_KEYS} | {f"btn.unwell_{c}" for c in ("come", "rest")}
    keys |= {f"qstatus.{s}" for s in dict_values("status", "bot/flows/qa.py")}
    events = dict_values("event") | {f"resident_{k}" for k in ("voice", "photo", "location")}
    events |= {f"address_{s}" for s in ("confirmed", "corrected")} | {f"unwell_{c}" for c in ("come", "rest")}
    keys |= {f"timeline.{e}" for e in events}
    return keys


def test_every_key_built_from_a_family_exists():
    assert sorted(family_keys() - ZH.keys()) == []


# --- (c) through the flows: English speakers read English ---------------------------------------------------

@pytest.fixture
def lookups(app, monkeypatch):
    """Every (key, locale) the catalogue is asked for while the test runs."""
    cat, seen = app.svc.cat, []
    real = cat.t

    def spy(key, locale=None, **kw):
        seen.append((key, locale or cat.default))
        return real(key, locale, **kw)

    monkeypatch.setattr(cat, "t", spy)
    return seen


def english(app, uid: int = 7001, name: str = "Liu") -> Person:
    return Person(app, uid, name, language="en")


async def only_english(person: Person, *names: str) -> None:
    """Apart from names, the committee's name and the registered address (Chinese data), nothing the person reads is Chinese."""
    app = person.app
    resident = await app.svc.store.resident_by_tg(person.id)
    data = (full_address(app.settings.community.address_prefix, resident), resident["name"],
            app.settings.community.name, *names)
    for text in person.texts():
        for value in data:
            text = text.replace(value, "")
        assert not CJK.search(text), text


def no_fallback_from_a_missing_key(lookups) -> None:
    assert ("fallback.error", "en") not in lookups and ("fallback.error", "zh") not in lookups
    assert [(k, loc) for k, loc in lookups if k not in ZH or (loc == "en" and k not in EN)] == []


async def test_english_speaker_signs_up_and_sees_the_english_menu(app, lookups):
    liu = english(app)
    await liu.send("/start")
    assert liu.last().request == "contact" and liu.last().keyboard == ["📱 Send my phone number"]
    await liu.share_contact("13900000003")
    assert "I know who you are now" in liu.last().text
    assert liu.last().keyboard == EN_MENU
    await only_english(liu)
    no_fallback_from_a_missing_key(lookups)


async def test_lang_switches_a_chinese_speaker_to_english_and_back(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("/lang")
    assert zhang.last().text == "Language set to English." and zhang.last().keyboard == EN_MENU
    await zhang.send("🙋 Ask the committee for help")  # the English label is understood
    assert zhang.last().text == "What do you need help with?"
    await zhang.send("/lang")
    assert zhang.last().text == "已切换为中文。" and zhang.last().keyboard == ZH_MENU
    await zhang.send("/start")
    assert "请按下面的大按钮" in zhang.last().text  # the choice is remembered, not just shown once


async def test_english_resident_asks_for_help_and_is_told_in_english_until_it_is_done(app, people, lookups):
    liu, li = await signed_up(english(app), "13900000003"), people("李社工")
    await liu.send("🙋 Ask the committee for help")
    which = liu.last("What do you need help with?")
    assert [b[0] for b in which.buttons] == [EN[f"help.cat_{c}"] for c in CATEGORIES]
    await liu.click(which, "Shopping")
    assert "we have told the committee's social worker" in liu.last().text
    alert = li.last("求助 #1")
    assert "买东西" in alert.text  # staff read their own language
    await li.click(alert, "我来处理")
    assert "李社工 is taking care of your request" in liu.last().text
    await li.click(li.last("求助 #1"), "已解决")
    await li.click(li.last("结果是"), "已处理")
    assert "Stay safe" in liu.last().text
    await only_english(liu, "李社工")
    no_fallback_from_a_missing_key(lookups)


async def test_english_resident_emergency_with_a_corrected_address(app, people, lookups):
    liu = await signed_up(english(app), "13900000003")
    await liu.send("🆘 Emergency help")
    assert "call 120 now" in liu.last("The social worker on duty has been told").text
    question = liu.last("Please check your address")
    assert [b[0] for b in question.buttons] == ["✅ Yes", "❌ No"]
    await liu.click(question, "No")
    assert liu.last().request == "location" and liu.last().keyboard == ["📍 Send my location"]
    await liu.share_location()
    assert "We have your location" in liu.last().text
    assert liu.last().keyboard == EN_MENU
    await liu.send_kind("sticker")
    assert "sticker" in liu.last().text
    assert "居民发来位置" in people("李社工").last("紧急求助").text
    await only_english(liu)
    no_fallback_from_a_missing_key(lookups)
