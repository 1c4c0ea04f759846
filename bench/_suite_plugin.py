"""pytest plugin for bench_suite.py: each test's wall time, its process's CPU time, and the time its event loop sat
idle waiting only on a timer (a real sleep, a back-off, a time-out): one JSON line a test in $SUITE_BENCH_OUT."""
from __future__ import annotations

import json
import os
import selectors
import time

import pytest

_select = selectors.EpollSelector.select
_idle = [0.0]


def _timed_select(self, timeout=None):
    t = time.perf_counter()
    ready = _select(self, timeout)
    if not ready:  # woke with no I/O: a timer was due
        _idle[0] += time.perf_counter() - t
    return ready


selectors.EpollSelector.select = _timed_select
_rows: list[dict] = []


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    wall, cpu, idle = time.perf_counter(), time.process_time(), _idle[0]
    yield
    _rows.append({"test": item.nodeid, "wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu,
                  "timer_wait": _idle[0] - idle})


def pytest_sessionfinish(session):
    with open(os.environ["SUITE_BENCH_OUT"], "w", encoding="utf-8") as f:
        for row in _rows:
            f.write(json.dumps(row) + "\n")
