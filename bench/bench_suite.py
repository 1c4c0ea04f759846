"""Where the test suite's time goes, from a sample instead of a full run (the machine is shared).

    .venv/bin/python bench/bench_suite.py            # every 8th test file (sorted), in one process
    .venv/bin/python bench/bench_suite.py --every 8 --offset 3 --top 25

Runs the sampled files in one pytest process (-n 0) and prints, per test, its wall time, the CPU its process spent
and the time its event loop waited only on a timer (real sleeps, back-offs, time-outs), then the files and tests
that cost most, and the whole suite extrapolated (x every) for two workers. CPU excludes the processes a test
starts (the bot, redis-server, Chromium); on a loaded machine wall time exceeds CPU + waits by the time spent
runnable but not running, so compare CPU between runs and wall only on a quiet machine.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sample(every: int, offset: int) -> list[str]:
    files = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "tests").glob("test_*.py"))
    return files[offset::every]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--every", type=int, default=8)
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    files = sample(args.every, args.offset)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "rows.jsonl"
        env = {**os.environ, "SUITE_BENCH_OUT": str(out),
               "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), os.environ.get("PYTHONPATH", "")])}
        t0, c0 = time.perf_counter(), os.times()
        code = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "_suite_plugin",
                               "-n", "0", *files], cwd=ROOT, env=env, stdout=subprocess.DEVNULL).returncode
        wall, c1 = time.perf_counter() - t0, os.times()
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()] if out.exists() else []
    cpu = (c1.children_user - c0.children_user) + (c1.children_system - c0.children_system)
    print(f"{len(files)} files (every {args.every}th from {args.offset}), {len(rows)} tests, pytest exit {code}")
    print(f"run: {wall:.0f} s wall, {cpu:.0f} s CPU (the pytest process and the children it waited for)")
    in_tests = {k: sum(r[k] for r in rows) for k in ("wall", "cpu", "timer_wait")}
    print("in tests: " + ", ".join(f"{k} {v:.0f} s" for k, v in in_tests.items())
          + f"; outside them (start-up, collection, exit): {wall - in_tests['wall']:.0f} s")
    by_file: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for r in rows:
        for k in ("wall", "cpu", "timer_wait"):
            by_file[r["test"].split("::")[0]][k] += r[k]
    print(f"\n{'wall':>7} {'cpu':>7} {'timer':>7}  file")
    for name, v in sorted(by_file.items(), key=lambda kv: -kv[1]["wall"])[:args.top]:
        print(f"{v['wall']:7.1f} {v['cpu']:7.1f} {v['timer_wait']:7.1f}  {name}")
    print(f"\n{'wall':>7} {'cpu':>7} {'timer':>7}  test")
    for r in sorted(rows, key=lambda r: -r["wall"])[:args.top]:
        print(f"{r['wall']:7.2f} {r['cpu']:7.2f} {r['timer_wait']:7.2f}  {r['test'][:110]}")
    # the tests' time scales with the share sampled; start-up, collection (of the sample only) and the first
    # imports of a library (in the first test using it) are paid once per process
    in_all, outside = in_tests["wall"] * args.every, wall - in_tests["wall"]
    print(f"\nwhole suite, extrapolated: ~{(in_all + outside) / 60:.0f} min in one process, "
          f"~{(in_all / 2 + outside) / 60:.0f} min in two workers sharing the cores evenly, plus each worker's "
          "collection of every test (--collect-only times it)")
    return code


if __name__ == "__main__":
    sys.exit(main())
