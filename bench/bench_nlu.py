"""Benchmark of the built-in NLU: parse latency, training time and memory, each against a baseline.

Run: .venv/bin/python bench/bench_nlu.py [--texts 4000] [--previous REF]
The baseline does the least any keyword matcher must do (str.lower() and a dict lookup),
measured in the same run on the same texts, so the ratios hold across machines.
The previous model (the nlu/ package at git REF, default PREVIOUS: before understanding
v2's red flags and context) is measured in the same run on the same texts, in a child
process that imports that commit's package, so the new figures stand next to the old.
"""
from __future__ import annotations

import argparse
import gc
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# NLU_BENCH_ROOT: where `nlu` is imported from (a previous commit's tree, for the comparison).
sys.path.insert(0, os.environ.get("NLU_BENCH_ROOT", str(ROOT)))

from nlu import NLU, features  # noqa: E402
from nlu.model import DEFAULT_DATA, train  # noqa: E402
from nlu.training_data import load_examples  # noqa: E402

HELDOUT = DEFAULT_DATA.parent / "heldout.yml"
GOAL_P99_MS = 2.0
GOAL_TRAIN_S = 10.0
PREVIOUS = "addef85"  # the last commit before red flags with context (issue 13)


def corpus(n: int) -> list[str]:
    """Real messages, then longer two-message combinations, up to n texts."""
    base = [e.text for e in load_examples(DEFAULT_DATA)] + [e.text for e in load_examples(HELDOUT)]
    texts = list(base)
    i = 0
    while len(texts) < n:
        texts.append(base[i % len(base)] + "，" + base[(i * 7 + 3) % len(base)])
        i += 1
    return texts[:n]


def latencies_ms(fn, texts: list[str], clock=time.perf_counter) -> list[float]:
    out = []
    for t in texts:
        start = clock()
        fn(t)
        out.append((clock() - start) * 1000)
    return out


def pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[int(q) - 1]


def peak_kib(fn) -> float:
    gc.collect()
    tracemalloc.start()
    fn()
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1024


def forget_memos() -> None:
    """Empties the per-process memos of nlu.features (readings of words, folded characters),
    so parse is measured as a bot that has just loaded its cached model meets its first
    messages, not after training in this process has read every word of the data."""
    for obj in vars(features).values():
        if callable(getattr(obj, "cache_clear", None)):
            obj.cache_clear()


def quick_figures(texts: list[str]) -> dict:
    """Parse p50/p99 (wall) and training time of the `nlu` package on sys.path."""
    examples = load_examples(DEFAULT_DATA)
    start = time.perf_counter()
    train(examples)
    train_s = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as cache:
        nlu = NLU.builtin(cache_dir=cache)
    forget_memos()
    for t in texts[:200]:
        nlu.parse(t)
    ms = latencies_ms(nlu.parse, texts)
    cpu = latencies_ms(nlu.parse, texts, clock=time.thread_time)
    return {"p50": pct(ms, 50), "p99": pct(ms, 99), "cpu_p50": pct(cpu, 50), "cpu_p99": pct(cpu, 99),
            "train_s": train_s, "examples": len(examples)}


def previous_figures(ref: str, texts: list[str]) -> dict | None:
    """quick_figures of the nlu/ package at git `ref`, trained on that commit's own data."""
    with tempfile.TemporaryDirectory() as tree:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", ref, "nlu"], capture_output=True)
        if archive.returncode != 0:
            print(f"previous model: cannot read {ref} ({archive.stderr.decode().strip()})")
            return None
        subprocess.run(["tar", "-x", "-C", tree], input=archive.stdout, check=True)
        corpus_file = Path(tree) / "texts.json"
        corpus_file.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
        child = subprocess.run([sys.executable, __file__, "--figures-of", str(corpus_file)], capture_output=True,
                               text=True, env={**os.environ, "NLU_BENCH_ROOT": tree})
        if child.returncode != 0:
            print(f"previous model: measuring {ref} failed: {child.stderr.strip()[-300:]}")
            return None
        return json.loads(child.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=4000)
    ap.add_argument("--previous", default=PREVIOUS, help="git ref of the previous model to compare with")
    ap.add_argument("--figures-of", help=argparse.SUPPRESS)  # child mode: texts file in, JSON figures out
    args = ap.parse_args()
    if args.figures_of:
        print(json.dumps(quick_figures(json.loads(Path(args.figures_of).read_text(encoding="utf-8")))))
        return 0
    texts = corpus(args.texts)
    old = previous_figures(args.previous, texts)
    keywords = {"救命": "emergency", "你好": "greet", "谢谢": "thank", "再见": "goodbye"}

    def baseline(text: str) -> str:
        return keywords.get(text.lower(), "out_of_scope")

    # Training: from the YAML, no cache; baseline = reading the same YAML and lower-casing it.
    start = time.perf_counter()
    examples = load_examples(DEFAULT_DATA)
    yaml_s = time.perf_counter() - start
    start = time.perf_counter()
    train(examples)
    train_s = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as cache:
        NLU.builtin(cache_dir=cache)  # trains and caches
        start = time.perf_counter()
        nlu = NLU.builtin(cache_dir=cache)
        load_s = time.perf_counter() - start

    forget_memos()
    for t in texts[:200]:  # warm-up: lazy imports, the words of these 200 messages
        nlu.parse(t)
        baseline(t)
    base_ms = latencies_ms(baseline, texts)
    parse_ms = latencies_ms(nlu.parse, texts)
    # CPU time excludes moments when other processes hold the cores: it shows our own cost
    # when the machine is shared, while wall time is what a resident waits.
    cpu_ms = latencies_ms(nlu.parse, texts, clock=time.thread_time)

    def run_all(fn) -> None:
        for t in texts:
            fn(t)

    base_mem = peak_kib(lambda: run_all(baseline))
    forget_memos()  # the memos' growth counts in the peaks
    parse_mem = peak_kib(lambda: run_all(nlu.parse))
    forget_memos()
    train_mem = peak_kib(lambda: train(examples))
    with tempfile.TemporaryDirectory() as cache:
        NLU.builtin(cache_dir=cache)
        load_mem = peak_kib(lambda: NLU.builtin(cache_dir=cache))
    rss_mib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    b50, b99, p50, p99 = pct(base_ms, 50), pct(base_ms, 99), pct(parse_ms, 50), pct(parse_ms, 99)
    print(f"texts: {len(texts)}  training examples: {len(examples)}")
    print(f"parse latency   p50 {p50:.3f} ms  p99 {p99:.3f} ms  (baseline p50 {b50 * 1000:.2f} us, p99 {b99 * 1000:.2f} us;"
          f" ratio p50 x{p50 / b50:.0f}, p99 x{p99 / b99:.0f})")
    print(f"parse CPU time  p50 {pct(cpu_ms, 50):.3f} ms  p99 {pct(cpu_ms, 99):.3f} ms"
          f"  (load average now {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores)")
    print(f"goal p99 <= {GOAL_P99_MS} ms (wall): {'met' if p99 <= GOAL_P99_MS else 'NOT met'}")
    print(f"training        {train_s:.2f} s  (baseline: reading the YAML {yaml_s * 1000:.0f} ms; ratio x{train_s / yaml_s:.0f})"
          f"  goal <= {GOAL_TRAIN_S:.0f} s: {'met' if train_s <= GOAL_TRAIN_S else 'NOT met'}")
    if old:
        cpu50, cpu99 = pct(cpu_ms, 50), pct(cpu_ms, 99)
        print(f"previous model ({args.previous}, same texts, same run): parse p50 {old['p50']:.3f} ms  p99 {old['p99']:.3f} ms"
              f" (CPU p50 {old['cpu_p50']:.3f} ms  p99 {old['cpu_p99']:.3f} ms)"
              f"  training {old['train_s']:.2f} s on {old['examples']} examples")
        print(f"now against previous: wall x{p50 / old['p50']:.2f} p50, x{p99 / old['p99']:.2f} p99;"
              f" CPU x{cpu50 / old['cpu_p50']:.2f} p50, x{cpu99 / old['cpu_p99']:.2f} p99; training x{train_s / old['train_s']:.2f}")
    print(f"cached load     {load_s * 1000:.0f} ms  (ratio to training x{load_s / train_s:.3f})")
    print(f"memory (tracemalloc peak)  baseline over all texts {base_mem:.1f} KiB; parse {parse_mem:.0f} KiB"
          f" (x{parse_mem / base_mem:.0f}); loading the cached model {load_mem / 1024:.1f} MiB (x{load_mem / base_mem:.0f});"
          f" training {train_mem / 1024:.1f} MiB (x{train_mem / base_mem:.0f})")
    print(f"process max RSS {rss_mib:.0f} MiB")
    return 0 if p99 <= GOAL_P99_MS and train_s <= GOAL_TRAIN_S else 1


if __name__ == "__main__":
    sys.exit(main())
