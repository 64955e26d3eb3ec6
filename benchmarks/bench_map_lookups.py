"""IntervalMap lookups stay O(log n): 100,000 lookups on a map of 100,000 segments.

A standalone script (not a test): ``python3 benchmarks/bench_map_lookups.py``. It builds
the map by successive ``assign`` calls, then times point lookups (``m[x]``), membership
(``x in m``) and a ``PriorityIntervalMap`` with two such layers, and prints the times.
The target is well under a second for the 100,000 lookups; a linear scan (the 0.4.0
``IntervalMeter`` style) would take minutes.
"""

from __future__ import annotations

import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from intervalues.interval_map import IntervalMap, PriorityIntervalMap

SEGMENTS = 100_000
LOOKUPS = 100_000


def build(n: int, offset: float = 0.0) -> IntervalMap[int]:
    """A map of ``n`` unit segments ``[i, i+1)`` with distinct payloads (none merge)."""
    m: IntervalMap[int] = IntervalMap(default=-1)
    for i in range(n):
        m.assign(i + offset, i + 1 + offset, i)
    return m


def timed(label: str, fn, *args):
    start = time.perf_counter()
    result = fn(*args)
    elapsed = time.perf_counter() - start
    print(f"{label:<52} {elapsed:8.3f} s")
    return result, elapsed


def main() -> int:
    rng = random.Random(2024)
    m, _ = timed(f"build: {SEGMENTS:,} assigns", build, SEGMENTS)
    assert len(m) == SEGMENTS
    xs = [rng.uniform(-10, SEGMENTS + 10) for _ in range(LOOKUPS)]
    ints = [rng.randrange(-10, SEGMENTS + 10) for _ in range(LOOKUPS)]

    found, t_float = timed(f"m[x]: {LOOKUPS:,} float lookups", lambda: [m[x] for x in xs])
    assert all(v == (int(x) if 0 <= x < SEGMENTS else -1) for v, x in zip(found, xs))
    timed(f"m[x]: {LOOKUPS:,} int lookups", lambda: [m[x] for x in ints])
    timed(f"x in m: {LOOKUPS:,} membership tests", lambda: [x in m for x in xs])

    # reassigning in the middle of a big map: splices, not rebuilds
    def churn() -> None:
        for _ in range(10_000):
            a = rng.randrange(SEGMENTS)
            m.assign(a + 0.25, a + 0.75, "x")

    timed("assign: 10,000 splits in the middle", churn)

    pm: PriorityIntervalMap[int] = PriorityIntervalMap(default=None)
    pm.add(m, 1)
    pm.add(build(SEGMENTS, offset=0.5), 2)
    timed(f"pm[x]: {LOOKUPS:,} lookups over 2 layers", lambda: [pm[x] for x in xs])
    timed(f"pm.lookup_many: {LOOKUPS:,} coordinates", pm.lookup_many, xs)

    verdict = "OK" if t_float < 1.0 else "SLOW"
    print(f"{verdict}: {LOOKUPS:,} lookups on {SEGMENTS:,} segments in {t_float:.3f} s")
    return 0 if t_float < 1.0 else 1


if __name__ == "__main__":
    sys.exit(main())
