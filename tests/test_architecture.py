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
    core = [*ROOT.glob("bot/flows/*.py"), *ROOT.glob("bot/*.py"), *ROOT.glob("scheduler/*.py")]
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


def test_store_modules_stay_small():
    for path in STORE.glob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 300, path.name
