#!/usr/bin/env bash
# ruff for Python; rustfmt and clippy (warnings are errors) for Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
"$PY" -m ruff check intervalues tests examples
"$PY" -m ruff format --check intervalues
"$PY" scripts/check_doctests.py  # issue 8: every public callable has a doctest example
if [ -f rust/Cargo.toml ] && command -v cargo >/dev/null 2>&1; then
  (cd rust && cargo fmt --all -- --check)
  (cd rust && CARGO_TARGET_DIR="$PWD/target" cargo clippy --workspace --all-targets --quiet -- -D warnings)
fi
