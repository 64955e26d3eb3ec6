#!/usr/bin/env bash
# Install what `make wheels` left in dist/ into fresh venvs, offline (--no-index), and
# check it from outside the source tree:
#   pip install intervalues          -> pure: use_rust=None works, use_rust=True raises
#                                       ImportError naming pip install 'intervalues[rust]'
#   pip install 'intervalues[rust]'  -> the accelerator wheel is installed and used
# Usage: scripts/install-test.sh [PYTHON ...]
# Without arguments it tests the oldest and newest supported Python the machine has
# (3.10 and 3.13 where available), looked up on PATH and under pyenv.
set -euo pipefail
cd "$(dirname "$0")/.."
DIST=$PWD/dist
version=$(tr -d '[:space:]' < VERSION)

find_python() {  # find_python 3.10 -> path of a working python3.10, or nothing
  local v=$1 cand
  for cand in "$(command -v "python$v" 2>/dev/null || true)" \
    "${PYENV_ROOT:-$HOME/.pyenv}"/versions/"$v".*/bin/"python$v"; do
    if [ -n "$cand" ] && [ -x "$cand" ] && "$cand" -c 'import venv' >/dev/null 2>&1; then
      echo "$cand"
      return
    fi
  done
}

pythons=("$@")
if [ ${#pythons[@]} -eq 0 ]; then
  found=()
  for v in 3.10 3.11 3.12 3.13 3.14; do
    p=$(find_python "$v")
    if [ -n "$p" ]; then found+=("$p"); fi
  done
  [ ${#found[@]} -gt 0 ] || { echo "install-test: no Python 3.10+ found" >&2; exit 1; }
  pythons=("${found[0]}")
  if [ ${#found[@]} -gt 1 ]; then pythons+=("${found[-1]}"); fi
  for want in 3.10 3.13; do
    if [ -z "$(find_python "$want")" ]; then
      echo "install-test: NOTE python$want is not on this machine;" \
        "testing the oldest and newest found instead: ${pythons[*]}"
    fi
  done
fi

ls "$DIST/intervalues-$version-py3-none-any.whl" "$DIST"/intervalues_pyrust-"$version"-*.whl \
  >/dev/null 2>&1 || { echo "install-test: dist/ lacks the wheels; run make wheels" >&2; exit 1; }

# every module of the source tree must be in the installed package (subpackages included)
MODULES=$(cd intervalues && find . -name '*.py' | sed 's|^\./||; s|/__init__\.py$||; s|\.py$||; s|/|.|g' \
  | sed 's|^|intervalues.|; s|^intervalues\.__init__$|intervalues|' | sort | tr '\n' ' ')
export MODULES

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"  # import the installed package, never the source tree

PURE_CHECK='
import intervalues, intervalues._engine.accel as backend
from intervalues import BaseInterval, IntervalMeter
assert intervalues.__version__ == "'"$version"'", intervalues.__version__
assert intervalues.__file__.startswith("'"$work"'"), intervalues.__file__
assert not backend.available(), "the accelerator should not be installed"
m = IntervalMeter([BaseInterval(2, 4, 3), BaseInterval(1, 3, 2)], use_rust=None)
assert m[2.5] == 5 and m.total_length() == 10, m
try:
    IntervalMeter([(0, 1)], use_rust=True)
except ImportError as exc:
    assert "pip install '"'"'intervalues[rust]'"'"'" in str(exc), exc
    print("  use_rust=True ->", type(exc).__name__ + ":", exc)
else:
    raise AssertionError("use_rust=True without the accelerator must raise ImportError")
import importlib.util, os
missing = [m for m in os.environ["MODULES"].split() if importlib.util.find_spec(m) is None]
assert not missing, f"modules missing from the wheel: {missing}"
import intervalues.cli, intervalues.interval_map, intervalues.combine_intervals
print("  pure intervalues", intervalues.__version__, "OK,", len(os.environ["MODULES"].split()), "modules")
'

RUST_CHECK='
import importlib.metadata as md
import intervalues, intervalues_pyrust, intervalues._engine.accel as backend
from intervalues import BaseInterval, IntervalMeter
assert backend.available(), "the accelerator is not used"
assert intervalues_pyrust.__version__ == "'"$version"'", intervalues_pyrust.__version__
tags = [l for l in md.distribution("intervalues-pyrust").read_text("WHEEL").splitlines()
        if l.startswith("Tag:")]
assert any("cp310-abi3-manylinux" in t for t in tags), tags
data = [BaseInterval(2, 4, 3), BaseInterval(1, 3, 2), (0.5, 1.5, 0.1), (1, 2, -0.1)]
fast, slow = IntervalMeter(data, use_rust=True), IntervalMeter(data, use_rust=False)
assert fast == slow and fast[2.5] == 5, (fast, slow)
print("  intervalues[rust]: accelerator", intervalues_pyrust.__version__, tags[0], "OK")
'

for py in "${pythons[@]}"; do
  echo "== $("$py" -c 'import platform; print("Python", platform.python_version())') ($py)"
  "$py" -m venv "$work/pure"
  "$work/pure/bin/python" -m pip install -q --no-index --find-links "$DIST" intervalues
  "$work/pure/bin/python" -c "$PURE_CHECK"
  "$work/pure/bin/intervalues" --help >/dev/null  # the console script
  "$py" -m venv "$work/rust"
  "$work/rust/bin/python" -m pip install -q --no-index --find-links "$DIST" 'intervalues[rust]'
  "$work/rust/bin/python" -c "$RUST_CHECK"
  rm -rf "$work/pure" "$work/rust"
done
echo "install test passed on: ${pythons[*]}"
