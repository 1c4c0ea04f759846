#!/bin/sh
# Runs the bot. Without TELEGRAM_BOT_TOKEN: a local console chat on an embedded Redis.
set -e
cd "$(dirname "$0")"
. ./scripts/venv.sh
exec .venv/bin/python -m bot "$@"
