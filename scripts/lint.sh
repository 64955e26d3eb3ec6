#!/usr/bin/env bash
# ruff, mypy and the import layers for Python; rustfmt and clippy (warnings are errors) for Rust.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
"$PY" -m ruff check intervalues tests examples
"$PY" -m ruff format --check intervalues
"$PY" scripts/check_doctests.py  # issue 8: every public callable has a doctest example
# issue 14: every error message comes from intervalues/_checks.py
"$PY" scripts/check_messages.py
"$PY" -m mypy  # types over the package (config: pyproject.toml [tool.mypy])
.venv/bin/lint-imports --no-cache | tail -n +13  # the layers of docs/architecture.md
if [ -f rust/Cargo.toml ] && command -v cargo >/dev/null 2>&1; then
  (cd rust && cargo fmt --all -- --check)
  (cd rust && CARGO_TARGET_DIR="$PWD/target" cargo clippy --workspace --all-targets --quiet -- -D warnings)
fi
