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


def test_only_the_store_names_redis_keys():
    for path in [*ROOT.glob("bot/**/*.py"), *ROOT.glob("scheduler/*.py")]:
        if path.name in ("store.py", "redis_server.py") or "testing" in path.parts:
            continue
        source = path.read_text(encoding="utf-8")
        for call in (".hset(", ".hget(", ".zadd(", ".rpush(", ".lpush(", ".incr("):
            assert f"redis{call}" not in source and f".r{call}" not in source, (path.name, call)
