"""`python -c "import bot.flows.resident"` crashed with a circular import that the app's own import order hid: a
script, a worker or a test importing that module first would fail before doing anything. Here every module of bot/ is
imported first, as in a process of its own — cheaply, in one fresh interpreter: before each import, every bot module
is dropped from sys.modules (the third-party libraries stay loaded). Only a module on an import cycle (read from the
source: imports at module level) can fail by the order it is entered in, so only those are entered first each; then
every module is imported once more, in turn, for the plain failures."""
from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = "bot"

SCRIPT = r"""
import importlib, json, sys, traceback
plan, failed = json.load(sys.stdin), []
for name, cycle in plan["first"].items():
    for loaded in cycle:  # the rest stays loaded: complete modules, whatever order they came in
        sys.modules.pop(loaded, None)
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(f"{name} (imported first): " + traceback.format_exc(limit=-3))
for name in plan["all"]:
    try:
        importlib.import_module(name)
    except Exception:
        failed.append(f"{name}: " + traceback.format_exc(limit=-3))
print("\n".join(failed))
sys.exit(1 if failed else 0)
"""

def _modules() -> dict[str, tuple[Path, bool]]:
    """Each module's dotted name: its file, and whether it is a package."""
    out = {}
    for path in (ROOT / PACKAGE).rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        is_package = parts[-1] == "__init__"
        out[".".join(parts[:-1] if is_package else parts)] = (path, is_package)
    return out


def _module_level_imports(tree: ast.Module):
    """The imports that run when the module is loaded (not those inside functions, nor under TYPE_CHECKING)."""
    todo = list(tree.body)
    while todo:
        node = todo.pop()
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            yield node
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            todo += node.body + node.orelse
        elif isinstance(node, ast.Try):
            todo += node.body + node.orelse + node.finalbody + [n for h in node.handlers for n in h.body]


def _graph(modules: dict[str, tuple[Path, bool]]) -> dict[str, set[str]]:
    """Which bot modules each one loads as it is loaded (a submodule loads its packages first)."""
    def with_packages(name: str) -> set[str]:
        parts = name.split(".")
        return {".".join(parts[:i]) for i in range(1, len(parts) + 1)} & modules.keys()

    graph = {}
    for name, (path, is_package) in modules.items():
        package = name if is_package else name.rpartition(".")[0]
        deps = with_packages(package)
        for node in _module_level_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                deps |= set().union(*(with_packages(a.name) for a in node.names))
                continue
            base = package.split(".")[:len(package.split(".")) - node.level + 1] if node.level else []
            target = ".".join(base + ([node.module] if node.module else []))
            deps |= with_packages(target) | {f"{target}.{a.name}" for a in node.names} & modules.keys()
        graph[name] = deps - {name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> dict[str, list[str]]:
    """Each module that can reach itself again through what it loads, and the modules of its cycle (those it reaches
    that reach it back): what entering it first can find half-loaded."""
    def reach(start: str) -> set[str]:
        seen, todo = set(), list(graph[start])
        while todo:
            if (m := todo.pop()) not in seen:
                seen.add(m)
                todo += graph[m]
        return seen

    reached = {m: reach(m) for m in graph}
    return {m: sorted(x for x in reached[m] if m in reached[x]) for m in sorted(graph) if m in reached[m]}


def test_the_cycle_reader_sees_the_packages_and_their_modules_loading_each_other():
    cycles = _cycles(_graph(_modules()))
    assert {"bot.incidents", "bot.incidents.family", "bot.flows.resident"} <= set(cycles["bot.flows.resident"])
    assert "bot.clock" not in cycles  # loads no other bot module


def test_every_module_of_bot_imports_on_its_own_whatever_is_imported_first():
    modules = _modules()
    plan = json.dumps({"first": _cycles(_graph(modules)), "all": sorted(modules)})
    run = subprocess.run([sys.executable, "-c", SCRIPT], input=plan, cwd=ROOT, capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr[-3000:]
