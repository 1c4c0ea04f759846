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
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import yaml
from conftest import ROOT, signed_up

from bot.residents import full_address
from bot.incidents.packet import STATUS_KEYS
from bot.engine import UNSUPPORTED
from bot.flows.menu import RESIDENT_MENU, STAFF_MENU
from bot.incidents.family import MEDIA as FAMILY_MEDIA
from bot.incidents.help_request import MEDIA
from bot.residents.onboarding import MEDIA as STRANGER_MEDIA
from bot.flows.help_menu import CATEGORIES
from bot.incidents.staff import OUTCOMES
from bot.handlers.telegram_common import RESIDENT_COMMANDS, STAFF_COMMANDS
from bot.testing.tools import Person

LOCALES = ROOT / "bot" / "locales"
SOURCES = sorted([*(ROOT / "bot").rglob("*.py"), *(ROOT / "scheduler").rglob("*.py")])
# where the key sits among a call's positional arguments: ctx.t(key), ctx.button(key, data), show_menu(ctx, key)
KEY_ARG = {"t": 0, "button": 0, "show_menu": 1}
EN_MENU = ["🆘 Emergency help", "🙋 Ask the committee for help", "❓ Pensions & subsidies",
           "☎️ Call the committee"]
ZH_MENU = ["🆘 紧急求助", "🙋 找居委会帮忙", "❓ 养老金/补贴", "☎️ 联系居委会"]
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”]")


def load(locale: str) -> dict[str, str]:
    return yaml.safe_load((LOCALES / f"{locale}.yaml").read_text(encoding="utf-8"))


ZH, EN = load("zh"), load("en")


def pieces(value: str | list[str]) -> list[str]:
    """A message is a string; a few labels the code indexes (weekday names) are a list in one locale."""
    return [value] if isinstance(value, str) else list(value)


def placeholders(value: str | list[str]) -> set[str]:
    return {field for text in pieces(value) for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def symbols(value: str | list[str]) -> set[str]:
    """The emoji and pictographs in a sentence: they carry meaning for people who read slowly."""
    return {ch for text in pieces(value) for ch in text if unicodedata.category(ch) == "So"}


# --- (a) English mirrors Chinese -------------------------------------------------------------------------

def test_every_chinese_key_has_an_english_translation():
    assert sorted(set(ZH) - set(EN)) == []
    assert sorted(set(EN) - set(ZH)) == []  # a key only in English would be dead or misspelt


def test_translations_keep_every_placeholder():
    differ = {k: (placeholders(ZH[k]), placeholders(EN[k])) for k in ZH.keys() & EN.keys()
              if placeholders(ZH[k]) != placeholders(EN[k])}
    assert differ == {}
    for value in EN.values():  # and they render: no stray brace breaks str.format
        for text in pieces(value):
            text.format(**{p: "x" for p in placeholders(text)})


def test_translations_keep_the_emoji():
    differ = {k: (symbols(ZH[k]), symbols(EN[k])) for k in ZH.keys() & EN.keys() if symbols(ZH[k]) != symbols(EN[k])}
    assert differ == {}


def test_english_is_english():
    chinese = {k: v for k, v in EN.items() if CJK.search(" ".join(pieces(v))) and k != "commands.lang"}
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
    for key in ("checkin.btn_ok", "checkin.btn_away"):
        assert texts[key] in texts["checkin.staff_enrol_msg"]


@pytest.mark.parametrize("texts", [ZH, EN], ids=["zh", "en"])
def test_weekday_names_can_be_picked_by_the_days_number(texts):
    names = texts["checkin.weekdays"]  # indexed by date.weekday(), Monday = 0
    assert len(names) == 7 and len(set(names)) == 7


# --- (b) every key the code asks for exists ---------------------------------------------------------------

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


@functools.cache
def scan() -> dict[str, set[tuple[str, str]]]:
    """One pass over bot/ and scheduler/, each finding with where it is:
    calls: literal keys passed to t/button/show_menu · prefixes: the literal start of f-string keys
    tables: namespaced key-shaped strings elsewhere (SMALL_TALK, STATUS_KEYS, reason="alert.no_arrival")
    fields: (field, value) of literal dict entries, e.g. ("event", "claimed") for the timeline"""
    namespaces, shape = {k.split(".")[0] for k in ZH}, re.compile(r"^([a-z_]+)\.[a-z0-9_]+$")
    out: dict[str, set] = {"calls": set(), "prefixes": set(), "tables": set(), "fields": set()}
    for path in SOURCES:
        tree, rel = ast.parse(path.read_text(encoding="utf-8")), path.relative_to(ROOT)
        skip = set()  # f-string pieces and docstrings are not keys
        for n in ast.walk(tree):
            skip |= {id(v) for v in n.values} if isinstance(n, ast.JoinedStr) else set()
            body = getattr(n, "body", None)
            if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
                skip.add(id(body[0].value))
        for n in ast.walk(tree):
            if isinstance(n, ast.Call) and _called_name(n) in KEY_ARG:
                pos = KEY_ARG[_called_name(n)]
                for arg in n.args[pos:pos + 1] + [kw.value for kw in n.keywords if kw.arg in ("key", "text_key")]:
                    out["calls"] |= {(key, f"{rel}:{n.lineno}") for key in _literals(arg)}
                    if isinstance(arg, ast.JoinedStr) and arg.values and isinstance(arg.values[0], ast.Constant):
                        out["prefixes"].add((arg.values[0].value, f"{rel}:{n.lineno}"))
            elif isinstance(n, ast.Dict):
                out["fields"] |= {(k.value, v, str(rel)) for k, val in zip(n.keys, n.values)
                                  if isinstance(k, ast.Constant) for v in _literals(val)}
            elif isinstance(n, ast.Constant) and isinstance(n.value, str) and id(n) not in skip:
                if (m := shape.match(n.value)) and m.group(1) in namespaces:
                    out["tables"].add((n.value, f"{rel}:{n.lineno}"))
    return out


def dict_values(field: str, where: str = "") -> set[str]:
    return {v for f, v, path in scan()["fields"] if f == field and (not where or path == where)}


def test_the_scan_sees_the_code():
    """Guards the checks below against passing because the scan found nothing."""
    assert {"help.which", "bad.stale_button", "help.request_noted", "btn.claim"} <= {k for k, _ in scan()["calls"]}
    assert {"talk.greet", "packet.status_open", "alert.no_arrival"} <= {k for k, _ in scan()["tables"]}
    assert {"outcome.", "help.cat_", "packet.title_"} <= {p for p, _ in scan()["prefixes"]}
    assert {"created", "claimed", "resolved"} <= dict_values("event")


def test_every_literal_key_passed_in_the_code_exists():
    assert sorted(f"{where} {key}" for key, where in scan()["calls"] if key not in ZH) == []


def test_every_key_kept_in_a_table_exists():
    assert sorted(f"{where} {key}" for key, where in scan()["tables"] if key not in ZH) == []


def test_every_f_string_key_starts_like_some_catalogue_key():
    """Catches a misspelt family ("outcomes.") even when its members are not listed below."""
    prefixes = scan()["prefixes"]
    assert sorted(f"{where} {p}" for p, where in prefixes if not any(k.startswith(p) for k in ZH)) == []


def family_keys() -> set[str]:
    """Keys the code builds with f-strings, listed from the values it can be built with."""
    kinds = ("emergency", "help", "checkin")
    categories = {*CATEGORIES, *dict_values("category"), "callback", "unwell"}
    keys = {f"outcome.{o}" for o in OUTCOMES}
    keys |= {f"help.cat_{c}" for c in (*categories, *MEDIA, *(f"family_{k}" for k in FAMILY_MEDIA))}
    keys |= {"outcome.not_urgent"} | {f"stranger.media_{k}" for k in STRANGER_MEDIA}
    keys |= {f"packet.title_{k}" for k in kinds} | {f"kind.{k}" for k in kinds}
    keys |= {f"packet.addr_{s}" for s in ("pending", "confirmed", "unconfirmed", "unknown", "not_asked")}
    keys |= {f"bad.{k}" for k in {"sticker", "file", "unsupported", *UNSUPPORTED}}
    keys |= {f"help_text.{r}" for r in ("resident", "staff", "contact", "stranger")}
    keys |= {f"commands.{c}" for c in (*RESIDENT_COMMANDS, *STAFF_COMMANDS)}
    keys |= {f"state.{s}" for s in STATUS_KEYS} | {f"btn.unwell_{c}" for c in ("come", "rest")}
    keys |= {f"qstatus.{s}" for s in dict_values("status", "bot/qa/conversation.py")}
    events = dict_values("event") | {f"resident_{k}" for k in ("voice", "photo", "location")}
    events |= {f"family_{k}" for k in FAMILY_MEDIA}
    events |= {f"address_{s}" for s in ("confirmed", "corrected")} | {f"unwell_{c}" for c in ("come", "rest")}
    keys |= {f"timeline.{e}" for e in events}
    return keys


def test_every_key_built_from_a_family_exists():
    assert sorted(family_keys() - ZH.keys()) == []


def test_check_in_keys_built_from_a_family_exist():
    from bot.checkins.conversation import ANSWERS, PAUSE_CHOICES
    from bot.checkins.staff import ORDER

    keys = {f"checkin.greet_{p}" for p in ("morning", "noon", "afternoon", "evening")}
    keys |= {f"checkin.answer_{a}" for a in (*ANSWERS, "activity")} | {f"checkin.pause_{d}" for d in PAUSE_CHOICES}
    keys |= {f"checkin.status_{s}" for s in ORDER}
    keys |= {f"checkin.st_{s}" for s in (*ORDER, "none") if s != "not_linked"}
    keys |= {f"checkin.staff_{a}_msg" for a in ("enrol", "unenrol", "pause", "back", "at")}
    assert sorted(keys - ZH.keys()) == []


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


async def tapped_english(person: Person) -> Person:
    """An English speaker's first contact: her profile alone says English, in a Chinese-speaking committee, so the
    welcome comes in both (bot/flows/both.py); she taps [English], and reads English alone from then on."""
    await person.send("/start")
    await person.click(person.inbox[-1], "English")
    return person


async def english_signed_up(app, phone: str) -> Person:
    liu = await tapped_english(english(app))
    await liu.share_contact(phone)
    return liu


async def only_english(person: Person, *names: str) -> None:
    """Nothing the person reads is Chinese, apart from names and addresses (Chinese data), since she chose English
    (the first welcome, before she chose, is in both)."""
    app = person.app
    resident = await app.svc.store.resident_by_tg(person.id)
    data = (full_address(app.settings.community.address_prefix, resident), resident["name"],
            app.settings.community.name, *names)
    chosen = next((i for i, seen in enumerate(person.inbox) if seen.text == "Language set to English."), -1)
    for text in person.texts()[chosen + 1:]:
        for value in data:
            text = text.replace(value, "")
        assert not CJK.search(text), text


def no_fallback_from_a_missing_key(lookups) -> None:
    assert ("fallback.error", "en") not in lookups and ("fallback.error", "zh") not in lookups
    assert [(k, loc) for k, loc in lookups if k not in ZH or (loc == "en" and k not in EN)] == []


async def test_english_speaker_signs_up_and_sees_the_english_menu(app, lookups):
    liu = await tapped_english(english(app))
    assert liu.last().request == "contact" and liu.last().keyboard == ["📱 Send my phone number"]
    await liu.share_contact("13900000003")
    assert "I know who you are now" in liu.last().text
    assert liu.last().keyboard == EN_MENU
    await only_english(liu)
    no_fallback_from_a_missing_key(lookups)


async def test_lang_switches_a_chinese_speaker_to_english_and_back(people, app):
    zhang = await signed_up(people("张阿姨"), "13900000001")
    await zhang.send("/lang en")
    assert zhang.last().text == "Language set to English." and zhang.last().keyboard == EN_MENU
    await zhang.send("🙋 Ask the committee for help")  # the English label is understood
    assert zhang.last().text == "What do you need help with?"
    await zhang.send("/lang zh")
    assert zhang.last().text == "已切换为中文。" and zhang.last().keyboard == ZH_MENU
    await zhang.send("/start")
    assert "请按下面的大按钮" in zhang.last().text  # the choice is remembered, not just shown once


async def test_english_resident_asks_for_help_and_is_told_in_english_until_it_is_done(app, people, lookups):
    liu, li = await english_signed_up(app, "13900000003"), people("李社工")
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
    liu = await english_signed_up(app, "13900000003")
    await liu.send("🆘 Emergency help")
    assert "call 120 now" in liu.last("The social worker on duty has been told").text
    question = liu.last("Please check your address")
    assert [b[0] for b in question.buttons] == ["✅ Yes", "❌ No"]
    await liu.click(question, "No")
    assert liu.last().request == "location" and liu.last().keyboard == ["📍 Send my location"]
    await liu.share_location()
    assert "We have your location" in liu.last().text
    assert liu.last().keyboard == EN_MENU
    await liu.send_kind("sticker")  # on her open emergency: passed on, as her voice would be (session 20)
    assert "Sent to the social worker" in liu.last().text
    assert "居民发来位置" in people("李社工").last("紧急求助").text
    await only_english(liu)
    no_fallback_from_a_missing_key(lookups)


async def test_english_resident_gets_the_daily_greeting_and_pauses_it_in_english(app, clock, lookups):
    liu = await english_signed_up(app, "13900000003")
    checkins = app.svc.checkins
    await checkins.enrol((await app.svc.store.resident_by_tg(liu.id))["id"])
    clock.set(datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Asia/Shanghai")))  # Tuesday, 09:00
    await checkins.run_due()
    greeting = liu.last("How are you feeling today?")
    assert greeting.text.startswith("🌞 Good morning, 刘奶奶!")
    assert [b[0] for b in greeting.buttons][:3] == ["😊 I'm fine", "🤒 Not feeling well", "🆘 I need help"]
    await liu.click(greeting, "Going away")
    await liu.click(liu.last("How long will you be away?"), "1 week")
    assert "no daily greeting until Tue 1/12" in liu.last().text  # the weekday comes from the English list
    await liu.click(liu.last(), "I'm back")
    assert liu.last().text == "Welcome back! We will greet you again tomorrow at 09:00."
    await only_english(liu)
    no_fallback_from_a_missing_key(lookups)
