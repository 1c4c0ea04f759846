#!/bin/sh
# Runs the test suite (it starts its own Redis and Bot API test server on 127.0.0.1), and beside it the NLU and Q&A
# evaluations, whose reports it prints after the tests, so every CI log shows the figures; either failing its
# threshold fails the run, as a failing test does.
set -e
cd "$(dirname "$0")"
. ./scripts/venv.sh
# Compiled modules are kept (__pycache__, git-ignored): otherwise every process below compiles bot/ and nlu/ again.
unset PYTHONDONTWRITEBYTECODE
# The two evaluations run side by side with the tests (each mostly loads its model, while pytest's workers collect:
# run first, they kept the tests waiting ~10 s), their reports printed in this order once the tests are done.
reports=$(mktemp -d)
.venv/bin/python -m nlu evaluate nlu/data/heldout.yml >"$reports/nlu" 2>&1 & nlu_pid=$!
.venv/bin/python -m nlu.qa_cli evaluate >"$reports/qa" 2>&1 & qa_pid=$!
echo "== Tests =="
status=0
# Two pytest-xdist workers (work stealing) by default: the tests that start processes partly wait, the others
# compute. Every test takes its ports from the kernel and its data from tmp_path, so they run side by side.
# TEST_WORKERS=0 runs them in one process (e.g. to debug), TEST_WORKERS=3 in three (no faster on 2 cores).
.venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" --dist worksteal "$@" || status=$?
nlu_status=0; wait $nlu_pid || nlu_status=$?
qa_status=0; wait $qa_pid || qa_status=$?
echo "== NLU evaluation on the held-out file (nlu/data/heldout.yml) =="
cat "$reports/nlu"
echo "== Pension/subsidy Q&A evaluation (nlu/data/qa_questions.yml) =="
cat "$reports/qa"
rm -rf "$reports"
[ $nlu_status = 0 ] || exit $nlu_status
[ $qa_status = 0 ] || exit $qa_status
if [ ! -x /usr/bin/chromium ]; then
  echo "!! Chromium is missing: the staff desk's browser tests did not run (apt-get install -y chromium fonts-noto-cjk)"
  [ -n "$CI" ] && [ "$CI" != "false" ] && [ "$status" = 0 ] && status=1
fi
exit $status
