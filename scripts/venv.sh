# Sourced by run.sh and test.sh: makes .venv with the pinned dependencies, once per pyproject change.
PY=$(command -v python3.11 || command -v python3)
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
if [ ! -f .venv/.installed ] || [ pyproject.toml -nt .venv/.installed ]; then
  .venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]' >&2
  touch .venv/.installed
fi
