#!/usr/bin/env bash
# Deep run of the model suite (issue 15): the long profile in chunks, each a fresh random
# run of every model test on both backends (every example compares Python and Rust), until
# TOTAL examples or DEADLINE (epoch seconds). Prints one line per chunk and the sum of the
# examples Hypothesis reports as run; stops at the first failure (its log is kept).
#
#   TOTAL=1000000 CHUNK=50000 nice bash scripts/deep-model.sh > /tmp/deep-model.log 2>&1
#
# One chunk of CHUNK examples is `INTERVALUES_LONG_EXAMPLES=CHUNK pytest tests/model
# --hypothesis-profile=long`; a single run of all 10^6 is the same without the variable.
set -uo pipefail
cd "${SRC:-$(dirname "$0")/..}"
PY=${PY:-.venv/bin/python}
TOTAL=${TOTAL:-1000000}
CHUNK=${CHUNK:-50000}
DEADLINE=${DEADLINE:-0}
LOGS=${LOGS:-/tmp/deep-model-chunks}
mkdir -p "$LOGS"
ran=0
n=0
t0=$(date +%s)
while [ "$ran" -lt "$TOTAL" ]; do
  if [ "$DEADLINE" -gt 0 ] && [ "$(date +%s)" -ge "$DEADLINE" ]; then
    echo "deadline reached"
    break
  fi
  n=$((n + 1))
  log="$LOGS/chunk-$$-$n.log"
  start=$(date +%s)
  INTERVALUES_LONG_EXAMPLES=$CHUNK "$PY" -m pytest -p no:cacheprovider tests/model \
    --hypothesis-profile=long --hypothesis-show-statistics >"$log" 2>&1
  rc=$?
  got=$(grep -oE '^    - [0-9]+ passing' "$log" | awk '{s += $2} END {print s + 0}')
  ran=$((ran + got))
  echo "chunk $n: rc=$rc, $got examples in $(($(date +%s) - start)) s; total $ran in $(($(date +%s) - t0)) s"
  if [ "$rc" -ne 0 ]; then
    echo "FAILED: see $log"
    exit 1
  fi
done
echo "done: $ran examples, $n chunks, $(($(date +%s) - t0)) s wall"
