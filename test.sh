#!/bin/sh
# Runs the test suite (it starts its own Redis and Bot API test server on 127.0.0.1).
set -e
cd "$(dirname "$0")"
. ./scripts/venv.sh
exec .venv/bin/python -m pytest "$@"
