"""Property tests: meters, counters and sets against the brute-force reference in brute.py.

Every property ends with a canonical-form check (SPEC §2, DEPARTURES W6/W11): pieces
sorted and disjoint, no zero-valued piece, no two touching pieces with equal values.
Values are compared with ``==`` *and* by type (W12/W13): an all-int sum must be an
``int``, a sum with a float involved must be the correctly rounded ``float``.

Inputs are drawn as plain tuples so that hypothesis prints readable minimal examples:
continuous ``(start, stop, value)``, discrete ``(start, count, step, value)``.

Float sums follow DESIGN.md (correctly rounded exact sum of the binary values, i.e.
``math.fsum``); ``INTERVALUES_BRUTE_FLOAT_SUM=decimal`` switches the reference to reading
floats as their shortest decimal instead (see brute.py).
"""

from __future__ import annotations

import math
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from typing import NamedTuple
from zoneinfo import ZoneInfo

import brute
import pytest
from brute import instant
from hypothesis import HealthCheck, given, note, settings
from hypothesis import strategies as st

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
    combine_intervals,
)

# Budget: the whole file must run in well under a minute on 2 cores.
FAST = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FEW = settings(FAST, max_examples=50)

# --------------------------------------------------------------------------- strategies

BIG_INTS = [2**64, 2**64 + 1, 2**70, -(2**65), 10**20]
SMALL_INT = st.integers(-10, 10)
INT_COORD = st.one_of(SMALL_INT, SMALL_INT, SMALL_INT, st.sampled_from(BIG_INTS))
INT_VALUE = st.one_of(
    st.integers(-3, 3),
    st.integers(-3, 3),
    st.sampled_from([2**64, -(2**64), 2**65 + 1, 10**20, -(10**20)]),
)

CANCELLING = [0.1, 0.2, -0.3, 0.3, -0.1, -0.2, 1e16, -1e16, 1.0, -1.0, 0.5, 2.0, 1e-17, 0.0, -0.0]
FLOAT_VALUE = st.one_of(
    st.sampled_from(CANCELLING),
    st.sampled_from(CANCELLING),
    st.floats(-1e6, 1e6, allow_nan=False, allow_infinity=False),
    st.integers(-3, 3),
)
FLOAT_COORD = st.one_of(
    st.integers(0, 8).map(float),
    st.integers(0, 8),
    st.sampled_from([0.1, 0.2, 0.3, 0.5, 2.5, 1e-9, 7.25]),
    st.floats(-50, 50, allow_nan=False, allow_infinity=False),
)
# ints and floats that are close or equal as numbers: 2**53 + 1 > 2.0**53, 2**64 == 2.0**64
MIXED_COORD = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([2**53 + 1, 2.0**53, 2**64, 2**64 + 1, 2.0**64, 0.5, 1.5, -0.5, 2.0]),
)

# floats equal to big ints (2.0**64 == 2**64): an int and an equal float must cancel
BIG_FLOAT = st.sampled_from([2.0**64, -(2.0**64), 2.0**53 + 2, -(2.0**70), 1e20])

AMS = ZoneInfo("Europe/Amsterdam")
TZS = [
    timezone.utc,
    timezone(timedelta(hours=2)),
    timezone(timedelta(hours=-5)),
    timezone(timedelta(hours=5, minutes=30)),
    AMS,
    AMS,
]
# 00:00 UTC on the two 2024 DST switch days of Europe/Amsterdam (switch at 01:00 UTC)
AWARE_BASES = [
    datetime(2024, 3, 31, tzinfo=timezone.utc),
    datetime(2024, 10, 27, tzinfo=timezone.utc),
]
NAIVE_BASE = datetime(2024, 3, 31)
MICROS = st.sampled_from([0, 0, 0, 0, 1, 250_000])


def _ordered(t):
    a, b, v = t
    return (b, a, v) if instant(b) < instant(a) else (a, b, v)


def _cont_lists(coord, value, max_size=7):
    return st.lists(st.tuples(coord, coord, value).map(_ordered), max_size=max_size)


NAIVE_COORD = st.builds(
    lambda k, us: NAIVE_BASE + timedelta(minutes=15 * k, microseconds=us),
    st.integers(0, 16),
    MICROS,
)


def _aware_coord(base, tzs=TZS, quarters=16):
    return st.builds(
        lambda k, us, tz: (base + timedelta(minutes=15 * k, microseconds=us)).astimezone(tz),
        st.integers(0, quarters),
        MICROS,
        st.sampled_from(tzs),
    )


# Amsterdam around the October fold: 02:45+02:00 is before 02:15+01:00, although both
# carry the same tzinfo object (so plain datetime comparison gets the order wrong)
FOLD_COORD = _aware_coord(AWARE_BASES[1], tzs=[AMS], quarters=8)


DT_VALUE = st.integers(-2, 3)

DISCRETE_FLOAT_VALUE = st.one_of(st.sampled_from(CANCELLING), st.integers(-2, 2))


@st.composite
def discrete_lists(draw, same_lattice, value, max_size=6, offsets=(0,)):
    offset = draw(st.sampled_from(offsets))
    step = draw(st.sampled_from([1, 2, 3]))
    residue = draw(st.integers(0, step - 1))
    out = []
    for _ in range(draw(st.integers(0, max_size))):
        if same_lattice:
            start = offset + residue + step * draw(st.integers(-3, 6))
        else:
            step = draw(st.sampled_from([1, 2, 3]))
            start = offset + draw(st.integers(-4, 10))
        out.append((start, draw(st.integers(1, 6)), step, draw(value)))
    return out


class Domain(NamedTuple):
    name: str
    strategy: st.SearchStrategy
    discrete: bool = False
    exact: bool = False  # all values ints: no rounding anywhere

    def __repr__(self):
        return f"Domain({self.name!r})"


DOMAINS = [
    Domain("int", _cont_lists(INT_COORD, INT_VALUE), exact=True),
    Domain("float", _cont_lists(FLOAT_COORD, FLOAT_VALUE)),
    Domain("mixed", _cont_lists(MIXED_COORD, st.one_of(INT_VALUE, FLOAT_VALUE, BIG_FLOAT))),
    Domain("naive", _cont_lists(NAIVE_COORD, DT_VALUE), exact=True),
    Domain(
        "aware",
        st.sampled_from(AWARE_BASES).flatmap(lambda b: _cont_lists(_aware_coord(b), DT_VALUE)),
        exact=True,
    ),
    Domain("aware_fold", _cont_lists(FOLD_COORD, DT_VALUE), exact=True),
    Domain("disc_same", discrete_lists(True, INT_VALUE), discrete=True, exact=True),
    Domain("disc_mixed", discrete_lists(False, INT_VALUE), discrete=True, exact=True),
    Domain("disc_float", discrete_lists(True, DISCRETE_FLOAT_VALUE), discrete=True),
    Domain("disc_float_mixed", discrete_lists(False, DISCRETE_FLOAT_VALUE), discrete=True),
    # big-int coordinates on their own, so that a failure there does not hide the others
    Domain(
        "disc_big",
        discrete_lists(False, INT_VALUE, offsets=(2**64, -(2**70), 2**64 + 1)),
        discrete=True,
        exact=True,
    ),
]
CONTINUOUS = [d for d in DOMAINS if not d.discrete]
EXACT = [d for d in DOMAINS if d.exact]


def by_name(domains):
    return pytest.mark.parametrize("domain", domains, ids=[d.name for d in domains])


# --------------------------------------------------------------------------- helpers


def build(domain, tuples):
    """Library intervals from tuples."""
    if domain.discrete:
        return [BaseDiscreteInterval(s, count=c, step=k, value=v) for s, c, k, v in tuples]
    return [BaseInterval(s, e, v) for s, e, v in tuples]


def negate(domain, tuples):
    return [(*t[:-1], -t[-1]) for t in tuples]


def as_tuples(domain, coll):
    """Tuples (brute input form) from what a collection iterates."""
    if domain.discrete:
        return [(iv.start, (iv.stop - iv.start) // iv.step + 1, iv.step, iv.value) for iv in coll]
    return [(iv.start, iv.stop, iv.value) for iv in coll]


def pieces(domain, coll):
    """Comparable pieces: ``(start, stop, value)`` with instants, or discrete
    ``(start, stop, step, value)``."""
    if domain.discrete:
        return [(iv.start, iv.stop, iv.step, iv.value) for iv in coll]
    return [(instant(iv.start), instant(iv.stop), iv.value) for iv in coll]


def typed(ps):
    """Pieces with the value's type, for "identical list of pieces" comparisons."""
    return [(*p, type(p[-1]).__name__) for p in ps]


def check_value(got, expected, kinds, where):
    assert got == expected, where
    if kinds == {"int"}:
        assert type(got) is int, f"{where}: {got!r} should be an int"
    elif kinds == {"float"}:
        assert type(got) is float, f"{where}: {got!r} should be a float"
    else:
        assert type(got) in (int, float), where


def expected_pieces(domain, kind, tuples):
    """Brute-force canonical pieces, with a `kinds` set last."""
    if domain.discrete:
        if kind == "meter":
            return brute.discrete_meter_runs(tuples)
        return brute.discrete_counter_runs(tuples)
    return {
        "meter": brute.meter_pieces,
        "counter": brute.counter_pieces,
        "set": brute.set_pieces,
    }[kind](tuples)


def assert_matches(domain, kind, coll, tuples):
    """The collection's pieces equal the brute pieces (values and types), and the
    collection is canonical."""
    got = pieces(domain, coll)
    exp = expected_pieces(domain, kind, tuples)
    note(f"got      {got}")
    note(f"expected {[p[:-1] for p in exp]}")
    if domain.discrete:
        got_sorted = sorted(got, key=lambda p: (p[0], p[1], p[2]))
        assert got_sorted == [p[:-1] for p in exp]
        for g, e in zip(got_sorted, exp, strict=True):
            check_value(g[-1], e[-2], e[-1], f"run {g}")
    else:
        assert got == [p[:-1] for p in exp]
        for g, e in zip(got, exp, strict=True):
            if kind == "set":
                assert g[-1] == 1
            else:
                check_value(g[-1], e[-2], e[-1], f"piece {g}")
    if kind == "counter":
        assert all(type(p[-1]) is int for p in got)
    coll._check()


CTORS = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}


def discrete_set_check(domain, coll, tuples):
    """Discrete sets: same covered points as the brute force, canonical per lattice."""
    got = set()
    for iv in coll:
        got.update(iv.start + i * iv.step for i in range((iv.stop - iv.start) // iv.step + 1))
    assert got == brute.discrete_set_points(tuples)
    coll._check()


# --------------------------------------------------------------------------- construction


@by_name(DOMAINS)
@FAST
@given(data=st.data())
def test_meter_matches_brute(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    m = IntervalMeter(build(domain, tuples))
    assert_matches(domain, "meter", m, tuples)


@by_name(DOMAINS)
@FAST
@given(data=st.data())
def test_counter_matches_brute(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    c = IntervalCounter(build(domain, tuples))
    assert_matches(domain, "counter", c, tuples)


@by_name(DOMAINS)
@FAST
@given(data=st.data())
def test_set_matches_brute(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    if domain.discrete:
        # across lattices a set normalises runs; only positive values are unambiguous
        tuples = [t for t in tuples if t[-1] > 0]
        discrete_set_check(domain, IntervalSet(build(domain, tuples)), tuples)
    else:
        assert_matches(domain, "set", IntervalSet(build(domain, tuples)), tuples)


@by_name(DOMAINS)
@FEW
@given(data=st.data())
def test_single_interval_equals_one_element_list(domain, data):
    """W11: one rule for a single interval and a one-element list."""
    tuples = data.draw(domain.strategy, label="intervals")[:1]
    if not tuples:
        return
    (iv,) = build(domain, tuples)
    for kind, ctor in CTORS.items():
        if kind == "set" and domain.discrete:
            continue
        single = ctor(iv)
        assert typed(pieces(domain, single)) == typed(pieces(domain, ctor([iv]))), kind
        assert_matches(domain, kind, single, tuples)


@by_name(DOMAINS)
@FEW
@given(data=st.data())
def test_combine_intervals_equals_constructors(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    ivs = build(domain, tuples)
    for kind, ctor in CTORS.items():
        combined = combine_intervals(ivs, combined_type=kind)
        direct = ctor(ivs)
        assert type(combined) is ctor
        assert combined == direct, kind
        assert typed(pieces(domain, combined)) == typed(pieces(domain, direct)), kind
    assert combine_intervals(ivs) == IntervalMeter(ivs)


@by_name(DOMAINS)
@FEW
@given(data=st.data())
def test_order_independence(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    shuffled = data.draw(st.permutations(tuples), label="shuffled")
    for kind, ctor in CTORS.items():
        a, b = ctor(build(domain, tuples)), ctor(build(domain, shuffled))
        assert a == b, kind
        assert hash(a) == hash(b), kind
        assert typed(pieces(domain, a)) == typed(pieces(domain, b)), kind
        b._check()


# --------------------------------------------------------------------------- incremental


def _fold_meter(domain, tuples):
    """Brute model of successive ``update`` calls: each step sums the stored (already
    rounded) piece values with the new interval's value, exactly, then rounds once."""
    state = []
    for t in tuples:
        exp = expected_pieces(domain, "meter", [*state, t])
        if domain.discrete:
            state = [(a, (b - a) // k + 1, k, v) for a, b, k, v, _ in exp]
        else:
            state = [(a, b, v) for a, b, v, _ in exp]
    return expected_pieces(domain, "meter", state) if state else []


@by_name(DOMAINS)
@FAST
@given(data=st.data())
def test_incremental_update_meter(domain, data):
    """W6: however a meter is built, it ends in the same canonical form."""
    tuples = data.draw(domain.strategy, label="intervals")
    ivs = build(domain, tuples)
    by_update, by_iadd = IntervalMeter(), IntervalMeter()
    for iv in ivs:
        by_update.update(iv)
        by_iadd += iv
        by_update._check()
    assert by_update == by_iadd
    assert typed(pieces(domain, by_update)) == typed(pieces(domain, by_iadd))
    if domain.exact:
        bulk = IntervalMeter(ivs)
        assert by_update == bulk
        assert typed(pieces(domain, by_update)) == typed(pieces(domain, bulk))
        assert_matches(domain, "meter", by_update, tuples)
    else:
        # A zero-valued interval adds nothing, not even a float type (docs/compatibility.md),
        # so the step-by-step model leaves zero values out.
        exp = _fold_meter(domain, [t for t in tuples if t[-1] != 0])
        got = pieces(domain, by_update)
        if domain.discrete:
            got = sorted(got, key=lambda p: (p[0], p[1], p[2]))
        assert got == [p[:-1] for p in exp]
        by_update._check()


@by_name(EXACT)
@FEW
@given(data=st.data())
def test_incremental_update_counter_and_set(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    ivs = build(domain, tuples)
    # counter: each update adds, then keeps counts >= 1
    c = IntervalCounter()
    state = []
    for iv, t in zip(ivs, tuples, strict=True):
        c.update(iv)
        exp = expected_pieces(domain, "counter", [*state, t])
        if domain.discrete:
            state = [(a, (b - a) // k + 1, k, v) for a, b, k, v, _ in exp]
        else:
            state = [(a, b, v) for a, b, v, _ in exp]
    assert_matches(domain, "counter", c, state)
    # set: adding positive intervals one by one is the union
    positive = [t for t in tuples if t[-1] > 0]
    s, s2 = IntervalSet(), IntervalSet()
    for iv in build(domain, positive):
        s.update(iv)
        s2 |= IntervalSet(iv)
    bulk = IntervalSet(build(domain, positive))
    if not domain.discrete or len({t[2] for t in positive}) <= 1:
        # Known limit: across lattices one point set has several run spellings, and
        # which one a set holds depends on its history; the points themselves agree
        # (checked below), so only same-lattice sets are compared piece by piece.
        assert s == bulk
        assert s2 == bulk
    if domain.discrete:
        discrete_set_check(domain, s, positive)
    else:
        assert_matches(domain, "set", s, positive)


# --------------------------------------------------------------------------- + and -


@by_name(DOMAINS)
@FAST
@given(data=st.data())
def test_meter_add_and_subtract(domain, data):
    """W1 (discrete too): m1 + m2 and m1 - m2 are the re-sweep of both operands."""
    t1 = data.draw(domain.strategy, label="list1")
    t2 = data.draw(domain.strategy, label="list2")
    m1, m2 = IntervalMeter(build(domain, t1)), IntervalMeter(build(domain, t2))
    total = m1 + m2
    diff = m1 - m2
    # exact reference for the (already rounded) stored values of both operands
    p1, p2 = as_tuples(domain, m1), as_tuples(domain, m2)
    assert_matches(domain, "meter", total, p1 + p2)
    assert_matches(domain, "meter", diff, p1 + negate(domain, p2))
    if domain.exact:
        assert total == IntervalMeter(build(domain, t1 + t2))
        assert diff == IntervalMeter(build(domain, t1 + negate(domain, t2)))
        assert_matches(domain, "meter", total, t1 + t2)
        assert_matches(domain, "meter", diff, t1 + negate(domain, t2))
    # the operands are unchanged
    assert_matches(domain, "meter", m1, p1)
    assert_matches(domain, "meter", m2, p2)
    # in place
    m1 += m2
    assert m1 == total
    m1 -= m2
    assert_matches(domain, "meter", m1, as_tuples(domain, total) + negate(domain, p2))
    # a single interval on the right
    if t2 and t2[0][-1] != 0:  # a zero-valued interval adds nothing, not even a float type
        (iv,) = build(domain, t2[:1])
        assert_matches(domain, "meter", IntervalMeter(build(domain, t1)) + iv, p1 + t2[:1])
        assert_matches(
            domain, "meter", IntervalMeter(build(domain, t1)) - iv, p1 + negate(domain, t2[:1])
        )


@by_name(DOMAINS)
@FEW
@given(data=st.data())
def test_counter_add(domain, data):
    t1 = data.draw(domain.strategy, label="list1")
    t2 = data.draw(domain.strategy, label="list2")
    c1, c2 = IntervalCounter(build(domain, t1)), IntervalCounter(build(domain, t2))
    total = c1 + c2
    assert type(total) is IntervalCounter
    assert_matches(domain, "counter", total, as_tuples(domain, c1) + as_tuples(domain, c2))
    if domain.exact and all(t[-1] >= 0 for t in t1 + t2):
        assert total == IntervalCounter(build(domain, t1 + t2))


# --------------------------------------------------------------------------- lookups


def _midpoint(s, e):
    if isinstance(s, datetime):
        if s.tzinfo is None:
            return s + (e - s) / 2
        mid = instant(s) + (instant(e) - instant(s)) / 2
        return mid.replace(tzinfo=timezone.utc).astimezone(s.tzinfo)
    mid = Fraction(s) / 2 + Fraction(e) / 2
    return int(mid) if mid.denominator == 1 else float(mid)


def _lookup_points(tuples, extra):
    pts = []
    for s, e, _ in tuples:
        pts += [s, e, _midpoint(s, e)]
    return pts + extra


@by_name(CONTINUOUS)
@FAST
@given(data=st.data())
def test_point_lookup(domain, data):
    """W6: m[x] is the value of the piece containing x; the left one at a shared
    boundary; 0 outside."""
    tuples = data.draw(domain.strategy, label="intervals")
    coord = {
        "int": st.one_of(INT_COORD, st.integers(-21, 21).map(lambda k: k / 2)),
        "float": FLOAT_COORD,
        "mixed": MIXED_COORD,
        "naive": NAIVE_COORD,
        "aware": _aware_coord(AWARE_BASES[0]) | _aware_coord(AWARE_BASES[1]),
        "aware_fold": FOLD_COORD,
    }[domain.name]
    extra = data.draw(st.lists(coord, max_size=4), label="extra points")
    pts = _lookup_points(tuples, extra)
    for kind in ("meter", "counter"):
        coll = CTORS[kind](build(domain, tuples))
        exp = expected_pieces(domain, kind, tuples)
        for x in pts:
            want = brute.value_at(exp, x)
            got = coll[x]
            assert got == want, f"{kind}[{x!r}]"
            if want != 0:
                kinds = next(k for a, b, v, k in exp if a <= instant(x) <= b)
                check_value(got, want, kinds, f"{kind}[{x!r}]")
            assert (x in coll) == any(a <= instant(x) <= b for a, b, _, _ in exp)
    s = IntervalSet(build(domain, tuples))
    exp = brute.set_pieces(tuples)
    for x in pts:
        covered = any(a <= instant(x) <= b for a, b, _, _ in exp)
        assert (x in s) == covered, f"{x!r} in set"
        assert s[x] == (1 if covered else 0)


@pytest.mark.parametrize(
    ("same", "offsets"),
    [(True, (0,)), (False, (0,)), (False, (2**64 + 1,))],
    ids=["same_lattice", "mixed_lattices", "big"],
)
@FAST
@given(data=st.data())
def test_discrete_point_lookup(same, offsets, data):
    """Lookups on discrete meters: the run value on the point's lattice, 0 off-lattice.
    With several lattices only points covered by exactly one lattice are asked."""
    domain = Domain(
        "d", discrete_lists(same, INT_VALUE, offsets=offsets), discrete=True, exact=True
    )
    tuples = data.draw(domain.strategy, label="intervals")
    m = IntervalMeter(build(domain, tuples))
    lattices = brute.discrete_points(tuples)
    runs = brute.discrete_meter_runs(tuples)
    lo = min((t[0] for t in tuples), default=0) - 3
    hi = max((t[0] + t[1] * t[2] for t in tuples), default=0) + 3
    for x in range(lo, hi + 1) if hi - lo < 200 else []:
        on = [lat for lat, pts in lattices.items() if x in pts]
        if len(on) > 1:
            continue
        want = 0
        for a, b, k, v, _ in runs:
            if a <= x <= b and (x - a) % k == 0:
                want = v
        assert m[x] == want, f"m[{x}]"


# --------------------------------------------------------------------------- lengths


@by_name(DOMAINS)
@FEW
@given(data=st.data())
def test_total_length(domain, data):
    tuples = data.draw(domain.strategy, label="intervals")
    ivs = build(domain, tuples)
    for kind, ctor in CTORS.items():
        coll = ctor(ivs)
        got = coll.total_length()
        if domain.discrete:
            assert got == 0, kind
            continue
        exp_pieces = expected_pieces(domain, kind, tuples)
        exp = brute.integral(exp_pieces)
        if not exp_pieces:
            assert got in (0, timedelta(0)), kind
        elif isinstance(exp, timedelta) or domain.exact:
            assert got == exp, kind
        else:
            # float arithmetic on the coordinates: error relative to their magnitude
            scale = sum(
                (abs(Fraction(a)) + abs(Fraction(b))) * abs(Fraction(v))
                for a, b, v, _ in exp_pieces
            )
            # (plus a few subnormal steps: a total below 2.2e-308 has fewer significant
            # bits, and the exact decimal reading of the values (W12) may round it one step
            # away from the binary reading)
            slack = float(scale) * 1e-12 + 8 * math.ulp(0.0) * len(exp_pieces)
            assert math.isclose(got, exp, rel_tol=1e-12, abs_tol=slack), kind


# --------------------------------------------------------------------------- set algebra

SET_IVS = st.lists(
    st.tuples(st.integers(-8, 8), st.integers(0, 6)).map(lambda t: (t[0], t[0] + t[1], 1)),
    max_size=5,
)
PROBES = [k / 2 for k in range(-20, 31)]


def _in(tuples, x):
    return brute.set_contains(tuples, x)


def _in_diff(a, b, x):
    """x in closure(A \\ B): closed sets keep the boundary points of the removed part.
    All endpoints are integers, so x +- 1/4 stands for "just left/right of x"."""
    return any(_in(a, y) and not _in(b, y) for y in (x - 0.25, x, x + 0.25))


@FAST
@given(a=SET_IVS, b=SET_IVS)
def test_set_algebra_continuous(a, b):
    sa, sb = IntervalSet([BaseInterval(*t) for t in a]), IntervalSet([BaseInterval(*t) for t in b])
    results = {
        "union": (sa | sb, sa.union(sb), sa + sb),
        "intersection": (sa & sb, sa.intersection(sb)),
        "difference": (sa - sb, sa.difference(sb)),
        "symmetric_difference": (sa ^ sb, sa.symmetric_difference(sb)),
    }
    expect = {
        "union": lambda x: _in(a, x) or _in(b, x),
        "intersection": lambda x: _in(a, x) and _in(b, x),
        "difference": lambda x: _in_diff(a, b, x),
        "symmetric_difference": lambda x: _in_diff(a, b, x) or _in_diff(b, a, x),
    }
    for name, colls in results.items():
        for coll in colls:
            assert type(coll) is IntervalSet
            assert coll == colls[0], name
            coll._check()
            for x in PROBES:
                assert (x in coll) == expect[name](x), f"{x} in {name}: {coll!r}"
    # in-place forms agree with the operators
    for op, name in (
        ("__ior__", "union"),
        ("__iand__", "intersection"),
        ("__isub__", "difference"),
        ("__ixor__", "symmetric_difference"),
    ):
        c = sa.copy()
        c = getattr(c, op)(sb)
        assert c == results[name][0], op
    assert sa.issubset(sa | sb) and (sa | sb).issuperset(sb)
    a_in_b = all(_in(b, x) for x in PROBES if _in(a, x))
    assert sa.issubset(sb) == a_in_b
    assert sb.issuperset(sa) == a_in_b
    assert sa.isdisjoint(sb) == (not any(_in(a, x) and _in(b, x) for x in PROBES))
    # lengths: the union's length is the measure of the union
    union_len = sum(1 for k in range(-20, 30) if _in(a, k + 0.5) or _in(b, k + 0.5))
    assert (sa | sb).total_length() == union_len


DISC_SET_IVS = st.lists(
    st.tuples(st.integers(-6, 10), st.integers(1, 6), st.sampled_from([1, 2, 3])),
    max_size=4,
)


def _points(tuples):
    return {s + i * k for s, c, k in tuples for i in range(c)}


@FAST
@given(a=DISC_SET_IVS, b=DISC_SET_IVS)
def test_set_algebra_discrete(a, b):
    """Discrete points are isolated: set algebra is plain set algebra on the points."""

    def mk(ts):
        return IntervalSet([BaseDiscreteInterval(s, count=c, step=k) for s, c, k in ts])

    sa, sb = mk(a), mk(b)
    pa, pb = _points(a), _points(b)
    for coll, want in (
        (sa | sb, pa | pb),
        (sa & sb, pa & pb),
        (sa - sb, pa - pb),
        (sa ^ sb, pa ^ pb),
    ):
        coll._check()
        for x in range(-8, 30):
            assert (x in coll) == (x in want), f"{x} in {coll!r}"
    assert sa.issubset(sb) == (pa <= pb)
    assert sa.isdisjoint(sb) == (not (pa & pb))
