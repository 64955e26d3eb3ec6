#!/bin/bash
# Build the release artefacts inside the manylinux2014 image (CentOS 7, glibc 2.17):
#
#   docker run --rm -v "$PWD":/io quay.io/pypa/manylinux2014_x86_64 bash /io/build-wheels.sh
#
# Leaves in dist/ the same four files as `make wheels` (which gets there without Docker,
# through zig): the pure intervalues wheel and sdist, the intervalues-pyrust sdist and
# ONE cp310-abi3 manylinux2014_x86_64 wheel. abi3 means one wheel serves CPython 3.10+,
# so the accelerator is compiled once, not once per interpreter; PyPy cannot load abi3
# wheels and is left to the pure package. Then every CPython 3.10-3.13 of the image
# installs the result offline and checks it (scripts/install-test.sh).
set -euo pipefail
cd "$(dirname "$0")"

BUILD_PY=/opt/python/cp310-cp310/bin/python   # any CPython >= 3.10 works for an abi3 build
TEST_PYS=(/opt/python/cp310-cp310/bin/python /opt/python/cp311-cp311/bin/python
  /opt/python/cp312-cp312/bin/python /opt/python/cp313-cp313/bin/python)
version=$(tr -d '[:space:]' < VERSION)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo "== Rust (rustup, minimal profile)"
if ! command -v cargo >/dev/null 2>&1; then
  curl --proto '=https' --tlsv1.2 -sSf https://sh.rustup.rs \
    | sh -s -- -y --profile minimal --default-toolchain stable
fi
export PATH="$HOME/.cargo/bin:$PATH"
cargo --version

echo "== build tools"
"$BUILD_PY" -m venv "$tmp/tools"
"$tmp/tools/bin/python" -m pip install -q --upgrade pip
"$tmp/tools/bin/python" -m pip install -q build abi3audit twine
TPY=$tmp/tools/bin/python

rm -rf dist
mkdir -p dist

echo "== intervalues $version: sdist + py3-none-any wheel"
"$TPY" -m build -o dist .

echo "== intervalues-pyrust $version: sdist, then the abi3 wheel from it (built once)"
"$TPY" -m build --sdist -o dist rust
# A separate target dir keeps the container's root-owned objects out of rust/target.
CARGO_TARGET_DIR="$tmp/target" SETUPTOOLS_RUST_PEP517_USE_BASE_PYTHON=1 \
  "$TPY" -m pip wheel --no-deps -w "$tmp/wheel" "dist/intervalues_pyrust-$version.tar.gz"

echo "== auditwheel repair (the image's auditwheel)"
auditwheel repair --plat manylinux2014_x86_64 -w dist "$tmp"/wheel/intervalues_pyrust-*.whl
accel=$(ls dist/intervalues_pyrust-"$version"-cp310-abi3-*manylinux*.whl)
auditwheel show "$accel" | tee "$tmp/show.txt"
grep -q '"manylinux_2_17_x86_64"' "$tmp/show.txt"
"$tmp/tools/bin/abi3audit" --strict --verbose "$accel"
"$tmp/tools/bin/twine" check dist/*

echo "== smoke test with the image's Pythons"
bash scripts/install-test.sh "${TEST_PYS[@]}"

# Files written in the container belong to root; hand them to the owner of the checkout.
chown -R "$(stat -c '%u:%g' .)" dist
ls -l dist
