#!/usr/bin/env bash
# Build the accelerator (rust/) and install it into .venv; a no-op rebuild is cheap
# because the cargo target directory and the base interpreter are pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
export CARGO_TARGET_DIR="$PWD/rust/target"
export SETUPTOOLS_RUST_PEP517_USE_BASE_PYTHON=1
src_hash=$(find rust/src rust/core/src rust/Cargo.toml rust/core/Cargo.toml rust/pyproject.toml \
  rust/setup.cfg -type f -print0 2>/dev/null | sort -z | xargs -0 cat VERSION | sha1sum | cut -c1-12)
stamp=.venv/.rust-$src_hash
if [ -f "$stamp" ] && "$PY" -c "import intervalues_pyrust" 2>/dev/null; then
  exit 0
fi
echo "building the Rust accelerator (intervalues-pyrust)..."
"$PY" -m pip install -q ./rust
rm -f .venv/.rust-*
touch "$stamp"
