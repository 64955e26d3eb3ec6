"""How much faster is the Rust accelerator? Timing ``IntervalMeter`` on both backends.

For n = 10, 100, ..., 1,000,000 random intervals whose endpoints are small random
integers (start 0-100, length 1-20, value 1), the script builds the same
``IntervalMeter`` twice, with ``use_rust=False`` (the pure-Python sweep) and
``use_rust=True`` (the ``intervalues-pyrust`` accelerator), prints the times and their
ratio, and checks that both give equal meters. It then does the same with float
endpoints: the same integers plus 0.5.

Results are identical by design (ints stay exact ints, floats are summed exactly as the
decimals they print as), so the choice is about speed only. Without the accelerator
installed (``pip install 'intervalues[rust]'``) the Rust columns are skipped with a note.

Each time is the best of a few repeats (one repeat for the largest n); building the
interval objects is not timed. A shared or busy machine makes the small sizes noisy.
With only ~120 distinct endpoints, most of the time goes into reading the interval
objects, which both backends must do in Python; the gap widens with many distinct
endpoints and with columns (``IntervalMeter.from_arrays``), see ``benchmarks/``.

Run it from the repository root::

    PYTHONPATH=. python examples/python_vs_rust_timing.py
    PYTHONPATH=. python examples/python_vs_rust_timing.py --quick    # up to 10,000
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Callable, Sequence

from intervalues import BaseInterval, IntervalMeter

SIZES = (10, 100, 1_000, 10_000, 100_000, 1_000_000)
QUICK_SIZES = (10, 100, 1_000, 10_000)


def random_intervals(n: int, rng: random.Random) -> list[BaseInterval]:
    """``n`` intervals ``[a, a + length]`` with integer ``a`` in 0-100, ``length`` in 1-20."""
    intervals = []
    for _ in range(n):
        start = rng.randint(0, 100)
        stop = start + rng.randint(1, 20)
        intervals.append(BaseInterval(start, stop))
    return intervals


def rust_available() -> bool:
    """Whether ``use_rust=True`` works (it raises ``ImportError`` without the accelerator)."""
    try:
        IntervalMeter([BaseInterval(0, 1)], use_rust=True)
    except ImportError:
        return False
    return True


def best_time(build: Callable[[], IntervalMeter], repeats: int) -> tuple[float, IntervalMeter]:
    """The fastest of ``repeats`` runs of ``build`` (seconds) and the meter it built."""
    best, result = float("inf"), IntervalMeter()
    for _ in range(repeats):
        t0 = time.perf_counter()
        result = build()
        best = min(best, time.perf_counter() - t0)
    return best, result


def fmt_time(seconds: float) -> str:
    """Seconds as a short human string: µs, ms or s."""
    if seconds < 1e-3:
        return f"{seconds * 1e6:.0f} µs"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def time_row(intervals: list[BaseInterval], with_rust: bool) -> tuple[str, str, str, bool]:
    """Python time, Rust time, ratio and whether both meters are equal, for one input."""
    repeats = 1 if len(intervals) >= 1_000_000 else 3
    py_time, py_meter = best_time(lambda: IntervalMeter(intervals, use_rust=False), repeats)
    if not with_rust:
        return fmt_time(py_time), "-", "-", True
    rs_time, rs_meter = best_time(lambda: IntervalMeter(intervals, use_rust=True), repeats)
    return fmt_time(py_time), fmt_time(rs_time), f"{py_time / rs_time:.1f}x", py_meter == rs_meter


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=1, help="random seed (1)")
    parser.add_argument("--quick", action="store_true", help="stop at 10,000 intervals")
    args = parser.parse_args(argv)
    sizes = QUICK_SIZES if args.quick else SIZES
    with_rust = rust_available()
    rng = random.Random(args.seed)

    if not with_rust:
        print("note: the Rust accelerator is not installed, so only the Python column is timed")
        print("      (pip install 'intervalues[rust]' to compare)\n")
    header = f"{'n':>9} | {'kind':<6} | {'Python':>9} | {'Rust':>9} | {'Py/Rust':>7} | equal"
    print(header)
    print("-" * len(header))
    all_equal = True
    for n in sizes:
        ints = random_intervals(n, rng)
        floats = [BaseInterval(iv.start + 0.5, iv.stop + 0.5) for iv in ints]
        for kind, intervals in (("ints", ints), ("floats", floats)):
            py, rs, ratio, equal = time_row(intervals, with_rust)
            all_equal = all_equal and equal
            shown_equal = str(equal) if with_rust else "-"
            print(f"{n:>9,} | {kind:<6} | {py:>9} | {rs:>9} | {ratio:>7} | {shown_equal}")
    if with_rust:
        print(f"\nPython and Rust gave equal meters for every input: {all_equal}")
    return 0 if all_equal else 1


if __name__ == "__main__":
    raise SystemExit(main())
