#!/usr/bin/env bash
# The distribution check CI runs after `make test`:
#   1. scripts/wheels.sh: the four artefacts in dist/ (zig path), auditwheel, abi3audit, twine;
#   2. scripts/install-test.sh: offline installs into fresh venvs on the oldest and newest Python;
#   3. VERSION equals the crates' version in rust/Cargo.toml;
#   4. the configuration only the public CI executes: validate-pyproject (with cibuildwheel's
#      schema) on both pyproject files, `cibuildwheel --print-build-identifiers` for linux,
#      macos and windows, GitHub's workflow schema on .github/workflows/*.yml, and
#      `bash -n` + shellcheck (when installed) on build-wheels.sh and these scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS=0
bash scripts/wheels.sh
bash scripts/install-test.sh

echo
echo "== configuration for the public CI"
TPY=.venv-dist/bin/python
CONFIG_PINS=(cibuildwheel==4.3.5 validate-pyproject==0.27 check-jsonschema==0.39.0)
stamp=.venv-dist/.config-$(printf '%s\n' "${CONFIG_PINS[@]}" | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  "$TPY" -m pip install -q "${CONFIG_PINS[@]}"
  touch "$stamp"
fi
.venv-dist/bin/validate-pyproject pyproject.toml rust/pyproject.toml
# setuptools-rust takes the version from VERSION; keep the crates' version in step with it.
"$TPY" - <<'PY'
import pathlib, tomllib
version = pathlib.Path("VERSION").read_text().strip()
crates = tomllib.loads(pathlib.Path("rust/Cargo.toml").read_text())["workspace"]["package"]
assert crates["version"] == version, f"rust/Cargo.toml says {crates['version']}, VERSION {version}"
print("VERSION and rust/Cargo.toml agree:", version)
PY
.venv-dist/bin/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
for platform in linux macos windows; do
  ids=$(.venv-dist/bin/cibuildwheel --print-build-identifiers --platform "$platform" rust/)
  [ -n "$ids" ] || { echo "cibuildwheel selects nothing for $platform" >&2; exit 1; }
  echo "cibuildwheel $platform: ${ids//$'\n'/ }"
done
scripts=(build-wheels.sh scripts/wheels.sh scripts/install-test.sh scripts/dist-check.sh)
for f in "${scripts[@]}"; do bash -n "$f"; done
if command -v shellcheck >/dev/null 2>&1; then
  shellcheck "${scripts[@]}"
  echo "shellcheck: clean"
else
  echo "shellcheck not installed: skipped (apt-get install shellcheck)"
fi
echo "dist-check passed in ${SECONDS}s"
