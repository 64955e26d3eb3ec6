"""Which students do the rules hit? Discrete ranges of student numbers with ``intervalues``.

A university numbers its students 1 to 999,999 in order of enrolment, so a rule that
applies "to everyone enrolled before 2019" is a cut-off on the student number: it applies
to the numbers up to (or from) some cut-off. Each student number is a point, so the
ranges are ``BaseDiscreteInterval`` objects (step 1): every count below is a count of
students, not a length.

The script draws 50 random cut-off regulations (reproducible with ``--seed``), each
favourable or unfavourable, and answers:

1. which students are hit by one or by both of two regulations: ``IntervalSet`` algebra
   (``&``, ``|``, ``^``, ``-``) and ``support_point_count`` (how many students);
2. how many regulations favour (or hurt) a given student: an ``IntervalCounter`` of the
   favourable ranges, looked up at the student's number;
3. which range of numbers accumulates the most negative regulations: an
   ``IntervalCounter`` of the unfavourable ranges (``maximum_value``,
   ``regions_at_least``) and an ``IntervalMeter`` with +1 per favourable and -1 per
   unfavourable regulation, whose ``minimum_value`` and ``regions_below`` give the
   students worst off on balance.

Run it from the repository root::

    PYTHONPATH=. python examples/student_regulations.py
    PYTHONPATH=. python examples/student_regulations.py --quick     # 10 regulations
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Sequence
from dataclasses import dataclass

from intervalues import BaseDiscreteInterval, IntervalCounter, IntervalMeter, IntervalSet

FIRST, LAST = 1, 999_999
ALL_STUDENTS = BaseDiscreteInterval(FIRST, LAST)
SAMPLE_STUDENTS = (1, 123_456, 500_000, 765_432, 999_999)


@dataclass(frozen=True, slots=True)
class Regulation:
    """A rule that applies to every student number up to, or from, a cut-off."""

    name: str
    cutoff: int
    applies_from: bool  # True: numbers >= cutoff (later students); False: numbers <= cutoff
    favourable: bool

    @property
    def students(self) -> BaseDiscreteInterval:
        """The student numbers this regulation applies to, as a discrete range (step 1)."""
        if self.applies_from:
            return BaseDiscreteInterval(self.cutoff, LAST)
        return BaseDiscreteInterval(FIRST, self.cutoff)

    def describe(self) -> str:
        """One line: what the rule does and to whom."""
        effect = "favourable  " if self.favourable else "unfavourable"
        side = f"from {self.cutoff:>7,}" if self.applies_from else f"up to {self.cutoff:>7,}"
        return f"{self.name}: {effect} for students {side}"


def random_regulations(n: int, rng: random.Random) -> list[Regulation]:
    """``n`` regulations with random cut-offs, sides and effects."""
    return [
        Regulation(
            name=f"R{i:02d}",
            cutoff=rng.randint(FIRST + 1, LAST - 1),
            applies_from=rng.random() < 0.5,
            favourable=rng.random() < 0.5,
        )
        for i in range(1, n + 1)
    ]


def students(s: IntervalSet) -> str:
    """How many student numbers a discrete set holds, and the runs that hold them."""
    runs = ", ".join(f"{iv.start:,}-{iv.stop:,}" for iv in sorted(s.data, key=lambda iv: iv.start))
    return f"{s.support_point_count():>7,} students  ({runs or 'none'})"


def signed(regulations: Sequence[Regulation]) -> list[BaseDiscreteInterval]:
    """Each regulation's range with value +1 (favourable) or -1 (unfavourable)."""
    return [r.students.copy_with_replace({"value": 1 if r.favourable else -1}) for r in regulations]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=50, help="number of regulations (50)")
    parser.add_argument("--seed", type=int, default=7, help="random seed (7)")
    parser.add_argument("--quick", action="store_true", help="10 regulations, for a smoke test")
    args = parser.parse_args(argv)
    n = 10 if args.quick else args.n
    regulations = random_regulations(n, random.Random(args.seed))

    print(f"{n} regulations on student numbers {FIRST:,}-{LAST:,}")
    for r in regulations[:4]:
        print(f"  {r.describe()}")
    print("  ...")

    # 1. One or both of two regulations: set algebra on discrete ranges.
    a, b = regulations[0], regulations[1]
    hit_a, hit_b = IntervalSet(a.students), IntervalSet(b.students)
    print(f"\n1. Students hit by {a.name} and {b.name}")
    print(f"  {a.name} alone applies to  {students(hit_a)}")
    print(f"  {b.name} alone applies to  {students(hit_b)}")
    print(f"  both ({a.name} & {b.name}):        {students(hit_a & hit_b)}")
    print(f"  at least one ({a.name} | {b.name}): {students(hit_a | hit_b)}")
    print(f"  exactly one ({a.name} ^ {b.name}):  {students(hit_a ^ hit_b)}")
    print(f"  neither:                  {students(IntervalSet(ALL_STUDENTS) - (hit_a | hit_b))}")
    one_or_both = (hit_a & hit_b).support_point_count() + (hit_a ^ hit_b).support_point_count()
    agrees = one_or_both == (hit_a | hit_b).support_point_count()
    print(f"  check: both + exactly one == at least one: {agrees}")

    # 2. How many regulations favour (or hurt) a given student.
    favour = IntervalCounter([r.students for r in regulations if r.favourable])
    hurt = IntervalCounter([r.students for r in regulations if not r.favourable])
    print("\n2. Regulations per student")
    print(f"  {'student':>9}  {'favour':>6}  {'hurt':>4}")
    for student in SAMPLE_STUDENTS:
        print(f"  {student:>9,}  {favour[student]:>6}  {hurt[student]:>4}")

    # 3. Where the negative regulations pile up.
    worst_count = hurt.maximum_value()
    worst = hurt.regions_at_least(worst_count)
    print("\n3. Where unfavourable regulations accumulate")
    print(f"  at most {worst_count} unfavourable regulations hit one student")
    print(f"  the numbers hit by {worst_count}: {students(worst)}")
    balance = IntervalMeter(signed(regulations))
    lowest = balance.minimum_value(within=ALL_STUDENTS)
    worst_off = balance.regions_below(lowest + 1, within=ALL_STUDENTS)
    highest = balance.maximum_value(within=ALL_STUDENTS)
    print(f"  net balance (+1 favourable, -1 unfavourable): from {lowest} to {highest}")
    print(f"  worst off on balance ({lowest}): {students(worst_off)}")
    best_off = balance.regions_at_least(highest)
    print(f"  best off on balance:  {students(best_off)}")
    print(
        f"  balance pieces: {len(balance)}; students with a non-zero balance: "
        f"{balance.support_point_count():,} of {ALL_STUDENTS.point_count:,}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
