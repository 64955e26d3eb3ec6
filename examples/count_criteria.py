"""Which of many criteria hold where? Counting overlapping ranges with ``IntervalCounter``.

Imagine 250 requirements on one quantity between 0 and 100 (a temperature, a price, a
score), each of which holds on one sub-range only: "requirement 17 holds for 12.5-40.0".
Every requirement is an interval with count 1; adding them all up gives, for every value
of the quantity, how many requirements it satisfies.

The script

1. draws 250 random sub-ranges of 0-100 (one decimal, reproducible with ``--seed``);
2. combines them into an ``IntervalCounter`` twice: in bulk (one call, one sweep) and by
   successive ``update`` calls, and checks that both give the same counter (``==``) and
   the same total length (the sum of the requirements' own lengths);
3. reports how many requirements hold at a few sample points (``values_at``);
4. finds the sub-range that satisfies most requirements (``maximum_value``,
   ``most_common``, ``regions_at_least``) and the part of 0-100 where none hold
   (``regions_below`` with ``within``).

Run it from the repository root::

    PYTHONPATH=. python examples/count_criteria.py
    PYTHONPATH=. python examples/count_criteria.py --quick      # 25 requirements
"""

from __future__ import annotations

import argparse
import math
import random
import time
from collections.abc import Sequence

from intervalues import BaseInterval, IntervalCounter

DOMAIN = BaseInterval(0, 100)
SAMPLE_POINTS = (0, 10, 25, 50, 75, 90, 100)
BAR_WIDTH = 40


def random_requirements(n: int, rng: random.Random) -> list[BaseInterval]:
    """``n`` random sub-ranges ``[a, b]`` of 0-100 with one decimal and ``a < b``."""
    requirements = []
    for _ in range(n):
        a, b = sorted(rng.sample(range(1001), 2))
        requirements.append(BaseInterval(a / 10, b / 10))
    return requirements


def combine_in_bulk(requirements: Sequence[BaseInterval]) -> IntervalCounter:
    """All requirements in one call: one sweep over the sorted endpoints."""
    return IntervalCounter(requirements)


def combine_one_by_one(requirements: Sequence[BaseInterval]) -> IntervalCounter:
    """The same counter built by adding one requirement at a time."""
    counter = IntervalCounter()
    for requirement in requirements:
        counter.update(requirement)
    return counter


def bar(count: int, most: int) -> str:
    """A text bar proportional to ``count`` (``most`` fills the width)."""
    return "#" * round(BAR_WIDTH * count / most) if most else ""


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=250, help="number of requirements (250)")
    parser.add_argument("--seed", type=int, default=2024, help="random seed (2024)")
    parser.add_argument("--quick", action="store_true", help="25 requirements, for a smoke test")
    args = parser.parse_args(argv)
    n = 25 if args.quick else args.n
    rng = random.Random(args.seed)
    requirements = random_requirements(n, rng)

    print(f"{n} requirements, each holding on a random sub-range of {DOMAIN}")
    for i, requirement in enumerate(requirements[:3], 1):
        print(f"  requirement {i}: holds on [{requirement.start}, {requirement.stop}]")
    print("  ...")

    t0 = time.perf_counter()
    bulk = combine_in_bulk(requirements)
    t1 = time.perf_counter()
    stepwise = combine_one_by_one(requirements)
    t2 = time.perf_counter()

    own_lengths = math.fsum(r.get_length() for r in requirements)
    print("\nCombined")
    print(f"  in bulk:          {len(bulk)} pieces in {1000 * (t1 - t0):.1f} ms")
    print(f"  one by one:       {len(stepwise)} pieces in {1000 * (t2 - t1):.1f} ms")
    print(f"  bulk == one by one: {bulk == stepwise}")
    print(
        f"  total length {bulk.total_length():.1f} == sum of the requirements' lengths "
        f"{own_lengths:.1f}: {math.isclose(bulk.total_length(), own_lengths)}"
    )
    print(f"  covered part of 0-100: {bulk.coverage_length():.1f}")

    most = bulk.maximum_value()
    print("\nRequirements holding at sample points")
    for point, count in zip(SAMPLE_POINTS, bulk.values_at(SAMPLE_POINTS)):
        print(f"  x = {point:>5}: {count:>4}  {bar(count, most)}".rstrip())

    print("\nWhere most requirements hold")
    print(f"  maximum: {most} of {n} requirements hold at once")
    best, count = bulk.most_common(1)[0]
    print(f"  first sub-range at the maximum (most_common): [{best.start}, {best.stop}]")
    peak = bulk.regions_at_least(most)
    print(f"  all of it (regions_at_least({most})): {peak}")
    near = bulk.regions_at_least(max(1, most - 2))
    print(f"  within 2 of the maximum: {len(near)} stretch(es), length {near.total_length():.1f}")
    print("  the five busiest pieces:")
    for piece, c in bulk.most_common(5):
        print(f"    [{piece.start:>5}, {piece.stop:>5}]  {c} requirements")

    none = bulk.regions_below(1, within=DOMAIN)
    print(f"\nWhere no requirement holds, within {DOMAIN}: {none if none else 'nowhere'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
