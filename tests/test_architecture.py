"""The layout is the architecture: flows speak the core's types, adapters only translate."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TELEGRAM_LIBS = ("aiogram", "telegram")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def test_flows_and_core_import_no_telegram_library():
    core = [p for p in (*ROOT.glob("bot/**/*.py"), *ROOT.glob("scheduler/*.py"))
            if not {"handlers", "testing", "desk"} & set(p.parts)]  # the desk's sign-in checks Telegram's
    offenders = {str(p.relative_to(ROOT)) for p in core if imported_modules(p) & set(TELEGRAM_LIBS)}
    assert offenders == set()


def test_telegram_adapters_stay_small_and_hold_no_state_machine():
    for name in ("aiogram_adapter.py", "ptb_adapter.py"):
        source = (ROOT / "bot" / "handlers" / name).read_text(encoding="utf-8")
        assert len(source.splitlines()) <= 200, name
        for forbidden in ("ConversationHandler", "FSMContext", "StatesGroup", ".persistence(", "Persistence("):
            assert forbidden not in source, (name, forbidden)


STORE = ROOT / "bot" / "store"
KEYS = STORE / "keys.py"


def test_only_the_store_names_redis_keys():
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("scheduler/*.py")]:
        if STORE in path.parents or path.name == "redis_server.py" or "testing" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for call in (".hset(", ".hget(", ".zadd(", ".rpush(", ".lpush(", ".incr("):
            assert f"redis{call}" not in source and f".r{call}" not in source, (path.name, call)


# --- one feature, one package (issue 14) ----------------------------------------------------------------------
NOT_FEATURES = ("flows", "handlers", "testing")  # the shared conversation kit, the adapters, the test tools
FEATURES = sorted(p.parent.name for p in ROOT.glob("bot/*/__init__.py") if p.parent.name not in NOT_FEATURES)
MAX_LINES = 300
MIN_LINES = 30
KNOWN_LONG: dict[str, str] = {}  # a module allowed over MAX_LINES, with the reason


def python_modules(*patterns: str) -> list[Path]:
    return sorted({p for pattern in patterns for p in ROOT.glob(pattern)})


def dotted(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> list[tuple[str, tuple[str, ...]]]:
    """Every import as (absolute module, names taken from it); relative imports resolved against the file."""
    package = dotted(path).split(".") if path.name == "__init__.py" else dotted(path).split(".")[:-1]
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(a.name, ()) for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[:len(package) - node.level + 1] if node.level else []
            module = ".".join([*base, *([node.module] if node.module else [])])
            out.append((module, tuple(a.name for a in node.names)))
    return out


def public_names(feature: str) -> set[str]:
    tree = ast.parse((ROOT / "bot" / feature / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "__all__" for t in node.targets):
            return {elt.value for elt in node.value.elts}
    return set()


def internals_reached(path: Path) -> list[str]:
    """Imports from this file that reach into another feature package past its __init__'s public names."""
    own = dotted(path).split(".")[1] if dotted(path).startswith("bot.") else None
    found = []
    for module, names in imports_of(path):
        for feature in FEATURES:
            if feature == own:
                continue
            if module.startswith(f"bot.{feature}."):
                found.append(module)
            elif module == f"bot.{feature}":
                found += [f"{module}.{n}" for n in names if n not in public_names(feature)]
    return found


def test_the_scheduler_holds_only_jobs_importing_no_flows_and_no_feature_internals():
    for path in python_modules("scheduler/*.py"):
        modules = [m for m, _ in imports_of(path)]
        assert [m for m in modules if m == "bot.flows" or m.startswith("bot.flows.")] == [], path.name
        assert internals_reached(path) == [], path.name


def test_feature_packages_meet_only_through_their_public_names():
    offenders = {str(p.relative_to(ROOT)): internals_reached(p)
                 for f in FEATURES for p in python_modules(f"bot/{f}/**/*.py")}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_feature_packages_do_not_import_each_other_in_a_circle():
    needs = {f: {g for p in python_modules(f"bot/{f}/**/*.py") for m, names in imports_of(p) for g in FEATURES
                 if g != f and (m == f"bot.{g}" or m.startswith(f"bot.{g}.") or (m == "bot" and g in names))}
             for f in FEATURES}

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        return any(n == goal or (n not in seen and reaches(n, goal, seen | {n})) for n in needs[start])

    assert sorted(f for f in FEATURES if reaches(f, f, set())) == []


def test_every_module_is_30_to_300_lines():
    """One concept each: none too long to read, none split off too small to stand alone. A package's __init__ (what
    it owns and its public names) and a feature's routes.py (a declared table) are as short as they need to be."""
    lines = {str(p.relative_to(ROOT)): len(p.read_text(encoding="utf-8").splitlines())
             for p in python_modules("bot/**/*.py", "nlu/**/*.py", "scheduler/**/*.py")
             if "testing" not in p.relative_to(ROOT).parts}
    assert {k: n for k, n in lines.items() if n > MAX_LINES and k not in KNOWN_LONG} == {}
    assert {k: n for k, n in lines.items() if n < MIN_LINES and not k.endswith(("__init__.py", "routes.py"))} == {}


def test_each_feature_package_says_what_it_owns():
    for feature in FEATURES:
        doc = ast.get_docstring(ast.parse((ROOT / "bot" / feature / "__init__.py").read_text(encoding="utf-8")))
        assert doc and len(doc.splitlines()) >= 2, feature
def test_features_are_named_in_services_not_found_in_a_dict():
    from dataclasses import fields

    from bot.services import Services

    assert "extra" not in {f.name for f in fields(Services)}
    assert {"incidents", "repeats", "reach", "checkins", "notices", "agebands", "staff_config"} <= {
        f.name for f in fields(Services)}
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("scheduler/*.py"), *ROOT.glob("tests/*.py"),
                 *ROOT.glob("bench/*.py")]:
        source = path.read_text(encoding="utf-8")
        assert "svc.extra" not in source.replace('"svc.extra"', ""), path.relative_to(ROOT)


def sent_button_prefixes() -> dict[str, set[str]]:
    """Every callback-data prefix the bot puts on a button (Button(label, data) or ctx.button(key, data)), with
    the files that send it."""
    out: dict[str, set[str]] = {}
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("scheduler/*.py")]:
        if "testing" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and len(node.args) >= 2):
                continue
            f = node.func
            if not ((isinstance(f, ast.Name) and f.id == "Button") or (isinstance(f, ast.Attribute)
                                                                      and f.attr == "button")):
                continue
            data = node.args[1]
            if isinstance(data, ast.Name):
                continue  # passed through (ctx.button itself)
            while isinstance(data, ast.BinOp):  # "ci:at:" + …
                data = data.left
            first = data.values[0] if isinstance(data, ast.JoinedStr) and data.values else data
            assert isinstance(first, ast.Constant) and isinstance(first.value, str), (path.name, node.lineno)
            if first.value:  # "" with web_app=…: a Mini App, no callback data
                assert ":" in first.value, (path.name, node.lineno, "callback data is <prefix>:<args>")
                out.setdefault(first.value.split(":")[0], set()).add(str(path.relative_to(ROOT)))
    return out


async def test_every_button_the_bot_sends_has_one_route_saying_who_may_press_it(app):
    routes = app.engine.routes
    sent = sent_button_prefixes()
    declared = [b.prefix for b in routes.buttons]
    assert len(declared) == len(set(declared))  # exactly one entry each (Routes refuses a second at start)
    assert set(sent) == set(declared), {"sent, no route": set(sent) - set(declared),
                                        "route, never sent": set(declared) - set(sent)}
    for b in routes.buttons:
        assert b.roles and b.roles <= {"staff", "resident", "contact", "stranger"}, b.prefix
    assert routes.button("inc").roles == {"staff"}  # 🙋 / 📍 / ✅ / 转交 on an alert: staff only


def test_a_prefix_claimed_twice_stops_the_start():
    import pytest

    from bot.routes import STAFF, ButtonRoute, Routes, TimerRoute

    async def handler(*_):
        return None

    with pytest.raises(ValueError, match="'inc' is claimed twice"):
        Routes.merge(Routes(buttons=(ButtonRoute("inc", STAFF, handler),)),
                     Routes(buttons=(ButtonRoute("inc", frozenset({"resident"}), handler),)))
    with pytest.raises(ValueError, match="'esc' is claimed twice"):
        Routes.merge(Routes(timers=(TimerRoute("esc", handler),)), Routes(timers=(TimerRoute("esc", handler),)))
    with pytest.raises(ValueError, match="roles"):
        Routes(buttons=(ButtonRoute("x", frozenset({"admin"}), handler),))


def test_the_engine_routes_nothing_itself_and_stays_small():
    source = (ROOT / "bot" / "engine.py").read_text(encoding="utf-8")
    assert len(source.splitlines()) < 300
    for ladder in ('prefix == "', 'name == "open"', "button_handlers", "tick_handlers", "staff_commands"):
        assert ladder not in source, ladder


def test_the_incident_package_is_modules_of_30_to_300_lines_one_concept_each():
    modules = sorted((ROOT / "bot" / "incidents").glob("*.py"))
    assert len(modules) >= 8
    for path in modules:
        assert 30 <= len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name
    assert not (ROOT / "bot" / "incidents.py").exists()
    doc = ast.get_docstring(ast.parse((ROOT / "bot" / "incidents" / "__init__.py").read_text(encoding="utf-8")))
    assert "owns" in doc and "routes.py" in doc
def key_heads() -> set[str]:
    """How each key named in keys.py begins ("incident:", "checkins:", "residents:" ...)."""
    tree = ast.parse(KEYS.read_text(encoding="utf-8"))
    patterns = {node.args[0].value for node in ast.walk(tree) if isinstance(node, ast.Call)
                and getattr(node.func, "attr", "") == "_key" and node.args and isinstance(node.args[0], ast.Constant)}
    assert len(patterns) > 30
    return {p.split(":")[0] + ":" for p in patterns if ":" in p}


def test_only_keys_py_spells_a_key():
    """Every key pattern is named once, in bot/store/keys.py: `grep -rn '\\.k("' bot/` and `grep -rn "p \\.\\. '" bot/`
    find nothing, and no store module holds a string that begins like a key."""
    heads = key_heads()
    for path in ROOT.glob("bot/**/*.py"):
        if path == KEYS:
            continue
        source = path.read_text(encoding="utf-8")
        # a key built from literal parts (Python), or a Lua script joining a literal to the prefix
        for spelled in ('.k("', ".k('", '.k(f"', "p .. '", "ARGV[1] .. '"):
            assert spelled not in source, (str(path.relative_to(ROOT)), spelled)
        if STORE not in path.parents:
            continue
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                text = node.value
                found = [h for h in heads if text.startswith(h) or f"'{h}" in text or f'"{h}' in text]
                assert not found, (path.name, found, text[:60])



def test_the_console_residents_commands_and_a_ptb_bot_start_without_importing_aiogram():
    """Importing aiogram costs seconds of CPU (hundreds of pydantic models): only its adapter and the first Mini
    App sign-in pay for it, not every start of the console, `residents list` or a python-telegram-bot process."""
    import subprocess
    import sys

    probe = ("import sys, bot.__main__, bot.app, bot.desk, bot.handlers, bot.handlers.console, "
             "bot.handlers.ptb_adapter; print(sorted(m for m in sys.modules if m.split('.')[0] == 'aiogram'))")
    res = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "[]"
