"""IntervalMap, combine_maps, resolve_maps (SPEC §3.12, §4, §7 map rows; W15, W18)."""

from __future__ import annotations

import copy
import math
import pickle
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues.base_interval import BaseInterval
from intervalues.base_interval_discrete import BaseDiscreteInterval
from intervalues.interval_map import IntervalMap, combine_maps, resolve_maps

T0 = datetime(2024, 1, 1, 9)
H = timedelta(hours=1)
AMS = ZoneInfo("Europe/Amsterdam")


def state(m: IntervalMap) -> tuple:
    """Everything observable about a map, for "unchanged after failure" checks."""
    return (m.items(), m.default, len(m), repr(m))


@pytest.fixture
def xy():
    x = IntervalMap()
    x.assign(0, 4, 1)
    y = IntervalMap()
    y.assign(2, 6, 10)
    return x, y


class TestSpecExamples:
    def test_assign_split_and_merge(self):
        m = IntervalMap(default="off")
        m.assign(0, 10, "a")
        m.assign(3, 5, "b")
        m.assign(BaseInterval(5, 7), value="a")
        assert m.items() == (
            (BaseInterval(0, 3), "a"),
            (BaseInterval(3, 5), "b"),
            (BaseInterval(5, 10), "a"),
        )
        assert repr(m.items()) == (
            "((BaseInterval[0;3], 'a'), (BaseInterval[3;5], 'b'), (BaseInterval[5;10], 'a'))"
        )
        assert (m[5], m[10]) == ("a", "off")

    def test_spec_example_with_payload_tuple(self):
        # SPEC writes BaseInterval(5, 7, 'a'); BaseInterval only takes numeric values, so
        # the payload-carrying form is the (start, stop, payload) tuple.
        m = IntervalMap(default="off")
        m.assign(0, 10, "a")
        m.assign(3, 5, "b")
        m.assign((5, 7, "a"))
        assert [p for _, p in m.items()] == ["a", "b", "a"]
        assert (m[5], m[10]) == ("a", "off")

    def test_combine_maps(self, xy):
        x, y = xy
        got = combine_maps([x, y], combine=tuple, absent=None)
        assert got.items() == (
            (BaseInterval(0, 2), (1, None)),
            (BaseInterval(2, 4), (1, 10)),
            (BaseInterval(4, 6), (None, 10)),
        )
        assert got.default is None

    def test_resolve_maps(self, xy):
        x, y = xy
        got = resolve_maps([y, x], default=0)
        assert got.items() == ((BaseInterval(0, 2), 1), (BaseInterval(2, 6), 10))
        assert got.default == 0


class TestAssign:
    def test_interval_value_is_default_payload(self):
        m = IntervalMap()
        m.assign(BaseInterval(0, 2, 5))
        m.assign(BaseInterval(2, 3))
        assert m.items() == ((BaseInterval(0, 2), 5), (BaseInterval(2, 3), 1))

    def test_value_keyword_wins_over_interval_value(self):
        m = IntervalMap()
        m.assign(BaseInterval(0, 2, 5), value="x")
        assert m[1] == "x"

    def test_keyword_call_form(self):
        m = IntervalMap()
        m.assign(start=0, stop=1, value="k")
        assert m[0.5] == "k"

    def test_tuple_interval_forms(self):
        m = IntervalMap()
        m.assign((0, 1), value="a")
        m.assign([1, 2, "b"])
        assert m.items() == ((BaseInterval(0, 1), "a"), (BaseInterval(1, 2), "b"))

    def test_inner_assign_splits(self):
        m = IntervalMap()
        m.assign(0, 10, "a")
        m.assign(4, 6, "b")
        assert [(iv.start, iv.stop, p) for iv, p in m.items()] == [
            (0, 4, "a"),
            (4, 6, "b"),
            (6, 10, "a"),
        ]

    def test_overwrite_spanning_several(self):
        m = IntervalMap()
        for i in range(10):
            m.assign(i, i + 1, i)
        m.assign(2.5, 7.5, "z")
        assert [(iv.start, iv.stop, p) for iv, p in m.items()] == [
            (0, 1, 0),
            (1, 2, 1),
            (2, 2.5, 2),
            (2.5, 7.5, "z"),
            (7.5, 8, 7),
            (8, 9, 8),
            (9, 10, 9),
        ]

    def test_equal_payload_inside_keeps_one_segment(self):
        m = IntervalMap()
        m.assign(0, 10, "a")
        m.assign(3, 5, "a")
        assert m.items() == ((BaseInterval(0, 10), "a"),)

    def test_touching_equal_payloads_merge_both_sides(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.assign(2, 3, "a")
        m.assign(1, 2, "a")
        assert m.items() == ((BaseInterval(0, 3), "a"),)

    def test_touching_different_payloads_stay(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.assign(1, 2, "b")
        assert len(m) == 2

    def test_equal_by_eq_not_identity(self):
        m = IntervalMap()
        m.assign(0, 1, [1, 2])
        m.assign(1, 2, [1, 2])
        assert len(m) == 1
        m2 = IntervalMap()
        m2.assign(0, 1, 1)
        m2.assign(1, 2, 1.0)
        assert len(m2) == 1

    def test_merged_segment_keeps_leftmost_payload_object(self):
        m = IntervalMap()
        m.assign(0, 2, 1.0)
        m.assign(0, 1, 1)
        assert m.items() == ((BaseInterval(0, 2), 1),)
        assert type(m[1.5]) is int

    def test_gap_prevents_merge(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.assign(1.5, 2, "a")
        assert len(m) == 2

    def test_unmergeable_payloads_keep_the_map_unchanged(self):
        # as 0.4.0: a payload == that raises while merging neighbours propagates, and
        # the assignment is atomic (the map is left as it was)
        class Weird:
            def __eq__(self, other):
                raise RuntimeError("no comparison")

            __hash__ = object.__hash__

        m = IntervalMap()
        w1, w2 = Weird(), Weird()
        m.assign(0, 1, w1)
        before = m.items()
        with pytest.raises(RuntimeError, match="no comparison"):
            m.assign(1, 2, w2)  # touches w1: the merge compares them
        assert m.items() == before and len(m) == 1
        m.assign(2, 3, w2)  # no neighbour to compare with
        m.assign(3, 4, w2)  # identity counts as equal: no == is called
        assert len(m) == 2 and m[3.5] is w2
        with pytest.raises(RuntimeError, match="no comparison"):
            m.assign(1, 2, w1)  # touches w1 (identical) and w2 (raises)
        assert len(m) == 2 and m[1.5] is None

    def test_mixed_int_and_float_bounds(self):
        m = IntervalMap()
        m.assign(0, 1.0, "a")
        m.assign(1, 2, "a")
        assert len(m) == 1
        assert m[1.0] == "a"

    def test_payload_may_be_anything(self):
        m = IntervalMap()
        obj = object()
        m.assign(0, 1, obj)
        m.assign(1, 2, None)
        m.assign(2, 3, float("nan"))
        assert m[0] is obj
        assert m[1] is None and 1 in m
        assert math.isnan(m[2])

    def test_returns_none(self):
        assert IntervalMap().assign(0, 1, "a") is None

    def test_big_ints_exact(self):
        m = IntervalMap()
        m.assign(2**64, 2**64 + 2, "a")
        assert m[2**64 + 1] == "a"
        assert m[2**64 - 1] is None
        assert m[2**64 + 2] is None


class TestReset:
    def test_reset_middle(self):
        m = IntervalMap(default="-")
        m.assign(0, 10, "a")
        m.reset(BaseInterval(3, 5))
        assert m.items() == ((BaseInterval(0, 3), "a"), (BaseInterval(5, 10), "a"))
        assert (m[3], m[4.99], m[5]) == ("-", "-", "a")
        assert 4 not in m

    def test_reset_forms(self):
        m = IntervalMap()
        m.assign(0, 10, "a")
        m.reset((0, 2))
        m.reset(8, 10)
        assert m.items() == ((BaseInterval(2, 8), "a"),)

    def test_reset_everything_and_uncovered(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.reset(BaseInterval(5, 6))
        assert len(m) == 1
        m.reset(BaseInterval(-1, 2))
        assert len(m) == 0

    def test_reset_then_other_domain(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.reset(BaseInterval(0, 1))
        m.assign(T0, T0 + H, "t")
        assert m[T0] == "t"

    @pytest.mark.parametrize(
        "args, exc",
        [
            ((BaseInterval(1, 1),), ValueError),
            ((2, 1), ValueError),
            (("a",), TypeError),
            ((BaseInterval(0, 1), 2), TypeError),
            ((0, float("inf")), ValueError),
        ],
    )
    def test_reset_errors_leave_map_unchanged(self, args, exc):
        m = IntervalMap()
        m.assign(0, 10, "a")
        before = state(m)
        with pytest.raises(exc):
            m.reset(*args)
        assert state(m) == before


class TestLookups:
    def test_half_open(self):
        m = IntervalMap(default="off")
        m.assign(0, 10, "on")
        assert (m[-0.001], m[0], m[9.999], m[10]) == ("off", "on", "on", "off")
        assert (0 in m, 10 in m) == (True, False)

    def test_empty_map_default(self):
        m = IntervalMap(default=42)
        assert m[3] == 42 and m[T0] == 42
        assert 3 not in m

    def test_default_attribute_is_mutable(self):
        m = IntervalMap()
        m.default = "new"
        assert m[0] == "new"

    @pytest.mark.parametrize("bad", ["a", None, True, [1], BaseInterval(0, 1)])
    def test_bad_coordinate_type(self, bad):
        m = IntervalMap()
        m.assign(0, 1, "a")
        with pytest.raises(TypeError):
            m[bad]
        assert (bad in m) is False

    @pytest.mark.parametrize("bad", [float("nan"), float("inf"), -float("inf")])
    def test_non_finite_coordinate(self, bad):
        m = IntervalMap()
        m.assign(0, 1, "a")
        with pytest.raises(ValueError):
            m[bad]
        assert (bad in m) is False

    def test_other_numeric_types(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        assert m[Fraction(1, 2)] == "a"
        assert Fraction(1, 2) in m

    def test_domain_mismatch_lookup(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        with pytest.raises(TypeError):
            m[T0]
        assert (T0 in m) is False
        d = IntervalMap()
        d.assign(T0, T0 + H, "a")
        with pytest.raises(TypeError):
            d[0]
        with pytest.raises(TypeError):
            d[T0.replace(tzinfo=timezone.utc)]

    def test_items_are_copies(self):
        m = IntervalMap()
        m.assign(0, 2, "a")
        iv, _ = m.items()[0]
        iv.start = 1
        next(iter(m)).stop = 7
        assert m.items() == ((BaseInterval(0, 2), "a"),)
        assert isinstance(m.items(), tuple)

    def test_iter_and_len(self):
        m = IntervalMap()
        m.assign(0, 1, "a")
        m.assign(2, 3, "b")
        assert list(m) == [BaseInterval(0, 1), BaseInterval(2, 3)]
        assert len(m) == 2
        assert bool(m) and not bool(IntervalMap())

    def test_clear(self):
        m = IntervalMap(default="d")
        m.assign(0, 1, "a")
        m.clear()
        assert len(m) == 0 and m.items() == () and m[0] == "d" and m.default == "d"

    def test_copy_is_shallow(self):
        payload = ["x"]
        m = IntervalMap(default="d")
        m.assign(0, 1, payload)
        c = m.copy()
        assert c == m and c is not m
        assert c[0] is payload
        c.assign(0, 1, "other")
        assert m[0] is payload
        assert copy.copy(m) == m

    def test_deepcopy_and_pickle(self):
        m = IntervalMap(default="d")
        m.assign(0, 1, ["x"])
        d = copy.deepcopy(m)
        assert d == m and d[0] is not m[0]
        assert pickle.loads(pickle.dumps(m)) == m


class TestRepr:
    def test_repr(self):
        m = IntervalMap(default="off")
        m.assign(0, 3, "a")
        m.assign(3, 5, "b")
        assert repr(m) == (
            "IntervalMap(items=((BaseInterval[0;3], 'a'), (BaseInterval[3;5], 'b')), default='off')"
        )

    def test_repr_empty(self):
        assert repr(IntervalMap()) == "IntervalMap(items=(), default=None)"

    def test_subclass_repr(self):
        class MyMap(IntervalMap):
            pass

        assert repr(MyMap()).startswith("MyMap(")


class TestConstructor:
    def test_default_positional(self):
        assert IntervalMap("off").default == "off"

    def test_items_keyword(self):
        m = IntervalMap(default=0, items=[(BaseInterval(0, 2), "a"), ((1, 3), "b")])
        assert m.items() == ((BaseInterval(0, 1), "a"), (BaseInterval(1, 3), "b"))

    def test_items_round_trip(self):
        m = IntervalMap(default="d")
        m.assign(0, 3, "a")
        m.assign(5, 6, "b")
        assert IntervalMap(default=m.default, items=m.items()) == m

    def test_items_bad_pair(self):
        with pytest.raises(TypeError):
            IntervalMap(items=[BaseInterval(0, 1)])


class TestEquality:
    """W18: maps compare by value."""

    def test_empty_maps_equal(self):
        assert IntervalMap() == IntervalMap()

    def test_history_independent(self):
        a = IntervalMap()
        a.assign(0, 10, "x")
        a.assign(3, 4, "y")
        a.assign(3, 4, "x")
        b = IntervalMap()
        b.assign(0, 5, "x")
        b.assign(5, 10, "x")
        assert a == b

    def test_default_matters(self):
        assert IntervalMap(default=1) != IntervalMap(default=2)

    def test_payload_matters(self):
        a, b = IntervalMap(), IntervalMap()
        a.assign(0, 1, "x")
        b.assign(0, 1, "y")
        assert a != b

    def test_domain_matters(self):
        a, b = IntervalMap(), IntervalMap()
        a.assign(0, 1, "x")
        b.assign(datetime(1970, 1, 1), datetime(1970, 1, 1, 0, 0, 0, 1), "x")
        assert a != b

    def test_aware_by_instant(self):
        a, b = IntervalMap(), IntervalMap()
        start = datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
        a.assign(start, start + H, "x")
        b.assign(start.astimezone(AMS), (start + H).astimezone(AMS), "x")
        assert a == b

    def test_unhashable(self):
        with pytest.raises(TypeError):
            hash(IntervalMap())

    def test_other_types(self):
        assert IntervalMap() != {}
        assert (IntervalMap() == None) is False  # noqa: E711


class TestErrors:
    """SPEC §7, maps row: each failure raises the stated exception and changes nothing."""

    @pytest.mark.parametrize(
        "args, kwargs, exc",
        [
            (("a", 1, "v"), {}, TypeError),
            ((0, "b", "v"), {}, TypeError),
            ((True, 2, "v"), {}, TypeError),
            ((None, 2, "v"), {}, TypeError),
            ((0, T0, "v"), {}, TypeError),
            ((T0, T0.replace(tzinfo=timezone.utc), "v"), {}, TypeError),
            ((T0, T0 + H, "v"), {}, TypeError),  # map holds numbers
            ((float("nan"), 1, "v"), {}, ValueError),
            ((0, float("inf"), "v"), {}, ValueError),
            ((1, 1, "v"), {}, ValueError),
            ((2, 1, "v"), {}, ValueError),
            ((BaseInterval(1, 1),), {"value": "v"}, ValueError),
            ((0, 1, "v"), {"conflict": "keep"}, ValueError),
            ((BaseInterval(0, 1),), {"value": "v", "conflict": "merge"}, ValueError),
            ((0, 1), {}, TypeError),
            ((0,), {}, TypeError),
            ((), {}, TypeError),
            (((0, 1),), {}, TypeError),  # tuple interval without payload
            ((BaseInterval(0, 1), 5), {}, TypeError),
            ((BaseDiscreteInterval(0, 4),), {"value": "v"}, TypeError),
            (((0, 1, 2, 3),), {}, TypeError),
            (({0: 1},), {"value": "v"}, TypeError),
        ],
    )
    def test_assign_errors(self, args, kwargs, exc):
        m = IntervalMap(default="d")
        m.assign(0, 10, "a")
        m.assign(3, 5, "b")
        before = state(m)
        with pytest.raises(exc):
            m.assign(*args, **kwargs)
        assert state(m) == before

    def test_conflict_checked_on_empty_map(self):
        m = IntervalMap()
        with pytest.raises(ValueError, match="conflict"):
            m.assign(0, 1, "a", conflict="first")
        assert len(m) == 0

    def test_messages_name_the_argument(self):
        m = IntervalMap()
        with pytest.raises(TypeError, match="start"):
            m.assign("a", 1, "v")
        with pytest.raises(ValueError, match="start < stop"):
            m.assign(1, 1, "v")


class TestDatetimes:
    def test_naive(self):
        m = IntervalMap(default="closed")
        m.assign(T0, T0 + 8 * H, "open")
        m.assign(T0 + 3 * H, T0 + 4 * H, "lunch")
        assert m[T0 + 3.5 * H] == "lunch"
        assert m[T0 + 8 * H] == "closed"
        assert m.items()[0] == (BaseInterval(T0, T0 + 3 * H), "open")

    def test_aware_compared_by_instant(self):
        m = IntervalMap()
        utc = datetime(2024, 6, 1, 10, tzinfo=timezone.utc)
        m.assign(utc, utc + 2 * H, "x")
        local = utc.astimezone(AMS)  # 12:00 local
        assert m[local + H] == "x"
        assert m[local + 2 * H] is None
        # keeps the representation it was given
        assert m.items()[0][0].start.tzinfo is timezone.utc

    def test_mixed_zones_in_one_map(self):
        m = IntervalMap()
        utc = datetime(2024, 6, 1, 10, tzinfo=timezone.utc)
        m.assign(utc, utc + 2 * H, "x")
        m.assign((utc + H).astimezone(AMS), (utc + 3 * H).astimezone(AMS), "y")
        assert [p for _, p in m.items()] == ["x", "y"]
        assert m[utc + 1.5 * H] == "y"

    def test_dst_fold_occurrences_distinct(self):
        first = datetime(2024, 10, 27, 2, 30, tzinfo=AMS, fold=0)  # CEST, 00:30 UTC
        second = datetime(2024, 10, 27, 2, 30, tzinfo=AMS, fold=1)  # CET, 01:30 UTC
        m = IntervalMap(default="none")
        first_end = datetime(2024, 10, 27, 2, 31, tzinfo=AMS, fold=0)
        second_end = datetime(2024, 10, 27, 2, 31, tzinfo=AMS, fold=1)  # + keeps fold=0
        m.assign(first, first_end, "summer")
        assert m[first] == "summer"
        assert m[second] == "none"
        m.assign(second, second_end, "winter")
        assert len(m) == 2
        assert (m[first], m[second]) == ("summer", "winter")

    def test_fold_range_spans_the_repeated_hour(self):
        start = datetime(2024, 10, 27, 2, 0, tzinfo=AMS, fold=0)
        stop = datetime(2024, 10, 27, 2, 0, tzinfo=AMS, fold=1)  # one hour later
        m = IntervalMap()
        m.assign(start, stop, "first pass")
        assert m[datetime(2024, 10, 27, 2, 59, tzinfo=AMS, fold=0)] == "first pass"
        assert m[datetime(2024, 10, 27, 2, 1, tzinfo=AMS, fold=1)] is None

    def test_naive_vs_aware_rejected(self):
        m = IntervalMap()
        m.assign(T0, T0 + H, "x")
        aware = T0.replace(tzinfo=timezone.utc)
        with pytest.raises(TypeError):
            m.assign(aware, aware + H, "y")
        with pytest.raises(TypeError):
            m[aware]

    def test_combine_and_resolve_datetimes(self):
        a, b = IntervalMap(), IntervalMap()
        a.assign(T0, T0 + 2 * H, "a")
        b.assign(T0 + H, T0 + 3 * H, "b")
        r = resolve_maps([b, a])
        assert r.items() == (
            (BaseInterval(T0, T0 + H), "a"),
            (BaseInterval(T0 + H, T0 + 3 * H), "b"),
        )
        c = combine_maps([a, b], combine=lambda ps: sum(p is not None for p in ps), absent=None)
        assert [p for _, p in c.items()] == [1, 2, 1]

    def test_combine_rejects_mixed_domains(self):
        a, b = IntervalMap(), IntervalMap()
        a.assign(T0, T0 + H, "a")
        b.assign(0, 1, "b")
        with pytest.raises(TypeError):
            combine_maps([a, b], combine=tuple, absent=None)
        with pytest.raises(TypeError):
            resolve_maps([a, b])


class TestCombineAndResolve:
    def test_combine_ignores_defaults_and_omits_uncovered(self):
        x = IntervalMap(default="X")
        x.assign(0, 1, 1)
        y = IntervalMap(default="Y")
        y.assign(2, 3, 2)
        got = combine_maps([x, y], combine=tuple, absent="-")
        assert got.items() == ((BaseInterval(0, 1), (1, "-")), (BaseInterval(2, 3), ("-", 2)))
        assert got.default == "-"
        assert got[1.5] == "-"

    def test_combine_merges_equal_results(self):
        x, y = IntervalMap(), IntervalMap()
        x.assign(0, 2, 1)
        y.assign(1, 3, 1)
        got = combine_maps([x, y], combine=lambda ps: "any", absent=None)
        assert got.items() == ((BaseInterval(0, 3), "any"),)

    def test_combine_sum(self):
        x, y = IntervalMap(), IntervalMap()
        x.assign(0, 4, 1)
        y.assign(2, 6, 10)
        got = combine_maps([x, y], combine=lambda ps: sum(p for p in ps if p), absent=0)
        assert [(iv.start, iv.stop, p) for iv, p in got.items()] == [
            (0, 2, 1),
            (2, 4, 11),
            (4, 6, 10),
        ]

    def test_combine_receives_tuples_in_input_order(self):
        x, y, z = IntervalMap(), IntervalMap(), IntervalMap()
        x.assign(0, 1, "x")
        z.assign(0, 1, "z")
        seen = []
        combine_maps([x, y, z], combine=lambda ps: seen.append(ps) or 0, absent=None)
        assert seen == [("x", None, "z")]

    def test_combine_no_maps(self):
        assert combine_maps([], combine=tuple, absent=0) == IntervalMap(default=0)

    def test_combine_accepts_any_iterable(self, xy):
        got = combine_maps(iter(xy), combine=tuple, absent=None)
        assert len(got) == 3

    def test_combine_exception_propagates(self, xy):
        def boom(ps):
            raise RuntimeError("boom")

        with pytest.raises(RuntimeError):
            combine_maps(xy, combine=boom, absent=None)

    def test_results_are_independent(self, xy):
        x, y = xy
        r = resolve_maps([x, y])
        x.assign(0, 6, "changed")
        assert r[1] == 1 and r[5] == 10

    def test_resolve_default(self, xy):
        assert resolve_maps(xy).default is None
        assert resolve_maps(xy, default="d")[100] == "d"

    def test_resolve_first_wins(self, xy):
        x, y = xy
        assert resolve_maps([x, y]).items() == (
            (BaseInterval(0, 4), 1),
            (BaseInterval(4, 6), 10),
        )

    @pytest.mark.parametrize("bad", [IntervalMap(), 5, [IntervalMap(), {}], ["x"]])
    def test_maps_argument_type(self, bad):
        with pytest.raises(TypeError):
            combine_maps(bad, combine=tuple, absent=None)
        with pytest.raises(TypeError):
            resolve_maps(bad)

    def test_combine_not_callable(self, xy):
        with pytest.raises(TypeError):
            combine_maps(xy, combine=5, absent=None)

    def test_missing_arguments(self, xy):
        with pytest.raises(TypeError):
            combine_maps(xy, combine=tuple)  # type: ignore[call-arg]
        with pytest.raises(TypeError):
            combine_maps(xy)  # type: ignore[call-arg]


# ---------------------------------------------------------------------------------------
# Property test: a map equals a brute-force last-write-wins reference.

GRID = 12
PAYLOADS = st.sampled_from(["a", "b", "c", 1, 1.0, 2])
RANGE = st.tuples(st.integers(0, GRID), st.integers(0, GRID)).filter(lambda ab: ab[0] < ab[1])
OPERATION = st.one_of(
    st.tuples(st.just("assign"), RANGE, PAYLOADS),
    st.tuples(st.just("reset"), RANGE, st.none()),
    st.tuples(st.just("bad"), st.tuples(st.integers(0, GRID), st.integers(0, GRID)), PAYLOADS),
)


def reference_runs(cells: dict[int, object]) -> list[tuple[int, int, object]]:
    """Maximal runs of equal payloads over the unit cells of the grid."""
    runs: list[list] = []
    for i in range(GRID):
        if i not in cells:
            continue
        if runs and runs[-1][1] == i and runs[-1][2] == cells[i]:
            runs[-1][1] = i + 1
        else:
            runs.append([i, i + 1, cells[i]])
    return [tuple(r) for r in runs]


@settings(max_examples=300, deadline=None)
@given(st.lists(OPERATION, max_size=25))
def test_map_matches_last_write_wins_reference(operations):
    m = IntervalMap(default="default")
    cells: dict[int, object] = {}  # unit cell [i, i+1) -> payload
    for op, (a, b), payload in operations:
        if op == "assign":
            m.assign(a, b, payload)
            for i in range(a, b):
                cells[i] = payload
        elif op == "reset":
            m.reset(BaseInterval(a, b))
            for i in range(a, b):
                cells.pop(i, None)
        else:  # an invalid call: reversed/empty range or a bad coordinate
            before = state(m)
            with pytest.raises((TypeError, ValueError)):
                if a < b:
                    m.assign(a, "b", payload)
                else:
                    m.assign(a, b, payload)
            assert state(m) == before
    for twice in range(-2, 2 * GRID + 3):
        x = twice / 2
        cell = math.floor(x)
        expected = cells.get(cell, "default")
        got = m[x]
        assert got == expected  # 1 and 1.0 merge: the leftmost payload object is kept
        assert (x in m) == (cell in cells)
    assert [(iv.start, iv.stop, p) for iv, p in m.items()] == reference_runs(cells)
    m._check()
    assert m == IntervalMap(default="default", items=m.items())


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.lists(st.tuples(RANGE, PAYLOADS), max_size=6), min_size=1, max_size=4),
)
def test_combine_and_resolve_match_brute_force(spec):
    maps = []
    for assigns in spec:
        m = IntervalMap(default="ignored")
        for (a, b), p in assigns:
            m.assign(a, b, p)
        maps.append(m)
    combined = combine_maps(maps, combine=tuple, absent=None)
    resolved = resolve_maps(maps, default="d")
    for i in range(-1, GRID + 1):
        for x in (i, i + 0.5):
            payloads = tuple((m[x] if x in m else None) for m in maps)  # noqa: SIM401 (no .get)
            if any(x in m for m in maps):
                assert combined[x] == payloads
                assert resolved[x] == next(m[x] for m in maps if x in m)
            else:
                assert x not in combined and x not in resolved
                assert resolved[x] == "d"
    combined._check()
    resolved._check()
