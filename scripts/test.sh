#!/usr/bin/env bash
# Every test the project has: lint, doctests, the pytest suite once per backend, cargo.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
bash scripts/lint.sh
echo "== pytest, pure-Python backend"
INTERVALUES_BACKEND=python "$PY" -m pytest -q -p no:cacheprovider tests intervalues \
  --doctest-modules --doctest-glob='*.md' README.md docs
if "$PY" -c "import intervalues_pyrust" 2>/dev/null; then
  echo "== pytest, Rust backend"
  INTERVALUES_BACKEND=rust "$PY" -m pytest -q -p no:cacheprovider tests intervalues \
    --doctest-modules --doctest-glob='*.md' README.md docs
else
  echo "== Rust backend not installed: skipped (install Rust to build it)"
fi
if [ -f rust/Cargo.toml ] && command -v cargo >/dev/null 2>&1; then
  echo "== cargo test"
  (cd rust && CARGO_TARGET_DIR="$PWD/target" cargo test --workspace --quiet)
fi
