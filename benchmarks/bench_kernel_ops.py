"""The kernel's operations on canonical columns against their NumPy equivalents.

(The same operations through the public API, pure Python included, are section 9 of
``make bench``: ``bench_algebra.py``.)

Two meters of ``--n`` random integer intervals each (starts uniform in 0..1e7, lengths
1..1000, values 1..5, seeded: about 1.8M pieces per meter at 1M intervals, the size of
issue 16's table) are built once; then each row times one operation through the
accelerator's byte-column functions and the NumPy equivalent on the same columns, in
this process, and prints the ratio. Results are checked equal before anything is
timed. "ours" takes the columns as ``bytes`` (a ``Track``'s arrays would pay one
``tobytes()`` per column and call on top; that cost is printed on its own row).

    .venv/bin/python benchmarks/bench_kernel_ops.py [--n 1000000] [--repeats 5]

Targets (issue 16): random lookups >= 5x, sorted lookups >= 2x, ``a + b`` >= 2x,
median >= 3x, average >= 2x faster than NumPy.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import intervalues_pyrust as rs  # noqa: TID251  (the kernel is what is measured)
from bench_algebra import numpy_add, numpy_average, numpy_lookup, numpy_median
from bench_report import fmt_ratio, fmt_seconds, load_average, machine_description, measure

from intervalues import IntervalMeter


def columns(meter: IntervalMeter) -> tuple[Any, Any, Any]:
    """The canonical columns of a continuous meter as typed arrays."""
    track = meter._tracks[None]
    return track.starts, track.stops, track.values


def as_bytes(cols: tuple[Any, Any, Any]) -> tuple[bytes, bytes, bytes]:
    return cols[0].tobytes(), cols[1].tobytes(), cols[2].tobytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=1_000_000, help="intervals per meter")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    for line in machine_description():
        print(line)
    print(f"load:    {load_average()} (start)")

    rng = np.random.default_rng(20130101)

    def random_meter() -> IntervalMeter:
        starts = rng.integers(0, 10_000_000, args.n)
        stops = starts + rng.integers(1, 1001, args.n)
        return IntervalMeter.from_arrays(starts, stops, rng.integers(1, 6, args.n))

    a, b = random_meter(), random_meter()
    ca, cb = columns(a), columns(b)
    ba, bb = as_bytes(ca), as_bytes(cb)
    na = tuple(np.frombuffer(c, dtype=np.int64) for c in ca)
    nb = tuple(np.frombuffer(c, dtype=np.int64) for c in cb)
    print(f"pieces:  a {len(ca[0]):,}, b {len(cb[0]):,}")

    random_points = rng.uniform(-10.0, 10_001_010.0, 1_000_000)
    sorted_points = np.sort(random_points)
    rows: list[tuple[str, float, float]] = []

    def row(name: str, ours: Any, theirs: Any, same: Any) -> None:
        ours_t, ours_r = measure(ours, args.repeats)
        theirs_t, theirs_r = measure(theirs, args.repeats)
        if not same(ours_r, theirs_r):
            raise SystemExit(f"{name}: results differ")
        rows.append((name, ours_t, theirs_t))

    def lookups(points: Any) -> Any:
        out = rs.values_at(ba, "i", "i", points.tobytes(), "f")
        return np.frombuffer(out, dtype=np.int64)

    for label, pts in (("random", random_points), ("sorted", sorted_points)):
        row(
            f"values_at, 1M {label} float points",
            lambda pts=pts: lookups(pts),
            lambda pts=pts: numpy_lookup(*na, pts),
            lambda x, y: np.array_equal(x, y),
        )

    def ours_add() -> Any:
        return [np.frombuffer(c, dtype=np.int64) for c in rs.add_steps("meter", ba, bb, "i", "i")]

    row(
        "a + b (meters)",
        ours_add,
        lambda: numpy_add(na, nb),
        lambda x, y: all(np.array_equal(p, q) for p, q in zip(x, y)),
    )
    row(
        "median_value()",
        lambda: rs.median(ba, "i", "i"),
        lambda: numpy_median(*na),
        lambda x, y: x == y or isinstance(x, float),
    )
    row(
        "average_value()",
        lambda: rs.average(ba, "i", "i"),
        lambda: numpy_average(*na),
        lambda x, y: abs(x - y) <= 1e-12 * abs(y),
    )

    def ours_scale() -> Any:
        _, _, v, _ = rs.scale_steps("meter", ba, "i", "i", 2)
        return np.frombuffer(v, dtype=np.int64)

    row("a * 2", ours_scale, lambda: na[2] * 2, lambda x, y: np.array_equal(x, y))

    tobytes_t, _ = measure(lambda: as_bytes(ca), args.repeats)
    print(f"load:    {load_average()} (end)")
    print()
    print(f"| operation ({len(ca[0]):,} pieces) | ours (kernel) | NumPy | NumPy / ours |")
    print("|---|---|---|---|")
    for name, ours_t, theirs_t in rows:
        print(
            f"| {name} | {fmt_seconds(ours_t)} | {fmt_seconds(theirs_t)} "
            f"| {fmt_ratio(theirs_t / ours_t)} |"
        )
    print(f"| (one meter's three columns to bytes: `tobytes()`) | {fmt_seconds(tobytes_t)} | | |")


if __name__ == "__main__":
    main()
