"""PriorityIntervalMap and its result types (SPEC §3.13, §4, §7 priority rows)."""

from __future__ import annotations

import dataclasses
import math
from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues.base_interval import BaseInterval
from intervalues.interval_map import (
    IntervalMap,
    PriorityIntervalMap,
    PriorityLookupResult,
    PriorityResolutionExplanation,
    PrioritySourceHandle,
)

T0 = datetime(2024, 1, 1, 9)
H = timedelta(hours=1)
AMS = ZoneInfo("Europe/Amsterdam")


def make_map(*segments, default=None) -> IntervalMap:
    m = IntervalMap(default=default)
    for a, b, p in segments:
        m.assign(a, b, p)
    return m


@pytest.fixture
def xy():
    return make_map((0, 4, 1)), make_map((2, 6, 10))


class TestSpecExample:
    def test_example(self, xy):
        x, y = xy
        pmap = PriorityIntervalMap(default="def")
        h1, _ = pmap.add(x, 1)
        h2, _ = pmap.add(y, 5)
        assert (pmap[1], pmap[3], pmap[9]) == (1, 10, "def")
        assert pmap.active_regions(h1) == (BaseInterval(0, 2),)
        assert repr(pmap.active_regions(h1)) == "(BaseInterval[0;2],)"
        assert pmap.active_regions(h2) == (BaseInterval(2, 6),)
        pmap.update_priority(h1, 10)
        assert pmap[3] == 1


class TestConstruction:
    def test_defaults(self):
        pm = PriorityIntervalMap()
        assert pm.default is None and pm.tie_policy == "first"

    @pytest.mark.parametrize("policy", ["error", "first", "last", "key"])
    def test_policies(self, policy):
        assert PriorityIntervalMap(tie_policy=policy).tie_policy == policy

    @pytest.mark.parametrize("bad", ["random", "", None, "FIRST"])
    def test_bad_policy(self, bad):
        with pytest.raises(ValueError):
            PriorityIntervalMap(tie_policy=bad)

    def test_tie_policy_keyword_only(self):
        with pytest.raises(TypeError):
            PriorityIntervalMap(None, "first")  # type: ignore[misc]

    def test_repr(self, xy):
        pm = PriorityIntervalMap(default="d", tie_policy="last")
        pm.add(xy[0], 1)
        assert repr(pm) == "<PriorityIntervalMap with 1 source, default='d', tie_policy='last'>"
        pm.add(xy[1], 2)
        assert repr(pm).startswith("<PriorityIntervalMap with 2 sources,")

    def test_default_is_mutable_attribute(self, xy):
        pm = PriorityIntervalMap(default=1)
        pm.default = 2
        assert pm[100] == 2

    def test_no_len_no_iteration_identity_equality(self):
        pm = PriorityIntervalMap()
        with pytest.raises(TypeError):
            len(pm)
        with pytest.raises(TypeError):
            iter(pm)
        assert pm == pm and pm != PriorityIntervalMap()
        assert isinstance(hash(pm), int)


class TestAdd:
    def test_returns_handle_and_wins(self, xy):
        x, _y = xy
        pm = PriorityIntervalMap()
        h1, wins1 = pm.add(x, 5)
        h2, wins2 = pm.add(make_map((1, 2, "hidden")), 1)
        assert isinstance(h1, PrioritySourceHandle) and wins1 is True
        assert wins2 is False
        assert pm.active_regions(h2) == ()
        _h3, wins3 = pm.add(make_map(), 10)
        assert wins3 is False

    def test_same_map_twice_gives_two_handles(self, xy):
        x, _ = xy
        pm = PriorityIntervalMap()
        h1, _ = pm.add(x, 1)
        h2, _ = pm.add(x, 2)
        assert h1 is not h2
        assert pm.lookup(1, with_priority=True).source is h2

    def test_float_and_negative_priorities(self, xy):
        x, y = xy
        pm = PriorityIntervalMap()
        pm.add(x, -1.5)
        pm.add(y, -2)
        assert pm[3] == 1

    def test_fraction_priority(self, xy):
        x, _ = xy
        pm = PriorityIntervalMap()
        _h, _ = pm.add(x, Fraction(1, 2))
        assert pm.lookup(0, with_priority=True).priority == 0.5

    def test_priorities_are_kept_as_given(self, xy):
        # as 0.4.0: an IntEnum member, a Fraction or a large int comes back unchanged
        import enum

        class P(enum.IntEnum):
            LOW = 1
            HIGH = 2

        x, y = xy
        pm = PriorityIntervalMap(tie_policy="first")
        pm.add(x, P.HIGH)
        pm.add(y, P.LOW)
        got = pm.lookup(3, with_priority=True).priority
        assert got is P.HIGH
        pm = PriorityIntervalMap()
        pm.add(x, Fraction(1, 3))
        assert type(pm.lookup(0, with_priority=True).priority) is Fraction
        pm.add(y, 10**30 + 1)
        pm.add(x, 10**30)  # distinct from 10**30 + 1, even beyond float precision
        assert pm.lookup(3, with_priority=True).priority == 10**30 + 1

    def test_handle_repr_as_040(self):
        from intervalues.interval_map import PrioritySourceHandle

        h = PrioritySourceHandle()
        assert repr(h) == f"<intervalues.interval_map.PrioritySourceHandle object at {id(h):#x}>"

    @pytest.mark.parametrize("bad", [True, False, "1", None, [1], 1j])
    def test_priority_type(self, xy, bad):
        pm = PriorityIntervalMap()
        with pytest.raises(TypeError):
            pm.add(xy[0], bad)
        assert pm.snapshot().items() == ()

    @pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
    def test_priority_finite(self, xy, bad):
        pm = PriorityIntervalMap()
        with pytest.raises(ValueError):
            pm.add(xy[0], bad)
        assert pm.snapshot().items() == ()

    @pytest.mark.parametrize("bad", [None, {}, [], "map", BaseInterval(0, 1), 5])
    def test_source_type(self, bad):
        pm = PriorityIntervalMap()
        with pytest.raises(TypeError):
            pm.add(bad, 1)

    def test_missing_priority(self, xy):
        with pytest.raises(TypeError):
            PriorityIntervalMap().add(xy[0])  # type: ignore[call-arg]

    def test_failed_add_registers_nothing(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d", tie_policy="error")
        h, _ = pm.add(x, 1)
        with pytest.raises(ValueError):
            pm.add(y, 1)
        assert pm[5] == "d"
        assert pm.explain(5).uncovered_sources == (h,)


class TestTiePolicies:
    def test_error(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(tie_policy="error")
        h1, _ = pm.add(x, 1)
        with pytest.raises(ValueError):
            pm.add(y, 1)
        with pytest.raises(ValueError):
            pm.add(y, 1.0)
        h2, _ = pm.add(y, 2)
        with pytest.raises(ValueError):
            pm.update_priority(h2, 1)
        assert pm[3] == 10
        assert pm.update_priority(h1, 1) is True  # its own priority is fine

    def test_first(self, xy):
        x, y = xy
        pm = PriorityIntervalMap()
        pm.add(x, 1)
        pm.add(y, 1)
        assert pm[3] == 1

    def test_last(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(tie_policy="last")
        pm.add(x, 1)
        pm.add(y, 1)
        assert pm[3] == 10

    def test_key(self, xy):
        x, y = xy
        z = make_map((0, 10, "z"))
        pm = PriorityIntervalMap(tie_policy="key")
        hx, _ = pm.add(x, 1, tie_break_key=5)
        _hy, _ = pm.add(y, 1, tie_break_key=7)
        assert pm[3] == 10
        _hz, _ = pm.add(z, 1, tie_break_key=7)  # equal key: earlier registration wins
        assert pm[3] == 10 and pm[8] == "z"
        pm.update_priority(hx, 1, tie_break_key=8)
        assert pm[3] == 1
        pm.update_priority(hx, 0)  # key kept, priority lowered
        assert pm[3] == 10

    def test_key_required_and_refused(self, xy):
        x, _ = xy
        with pytest.raises(TypeError):
            PriorityIntervalMap(tie_policy="key").add(x, 1)
        for policy in ("error", "first", "last"):
            pm = PriorityIntervalMap(tie_policy=policy)
            with pytest.raises(TypeError):
                pm.add(x, 1, tie_break_key=3)
            h, _ = pm.add(x, 1)
            with pytest.raises(TypeError):
                pm.update_priority(h, 2, tie_break_key=3)

    def test_incomparable_keys_rejected(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(tie_policy="key")
        pm.add(x, 1, tie_break_key=1)
        with pytest.raises(TypeError):
            pm.add(y, 1, tie_break_key="a")
        assert pm[3] == 1

    def test_priority_beats_key_and_order(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(tie_policy="key")
        pm.add(x, 2, tie_break_key=0)
        pm.add(y, 1, tie_break_key=100)
        assert pm[3] == 1


class TestLiveSources:
    def test_changes_in_sources_show(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d")
        h1, _ = pm.add(x, 1)
        pm.add(y, 5)
        y.reset(BaseInterval(2, 4))
        assert pm[3] == 1
        x.assign(10, 12, "new")
        assert pm[11] == "new"
        assert pm.active_regions(h1) == (BaseInterval(0, 4), BaseInterval(10, 12))

    def test_source_default_never_masks(self):
        low = make_map((0, 10, "low"))
        high = make_map((4, 6, "high"), default="HIGH DEFAULT")
        pm = PriorityIntervalMap(default="d")
        pm.add(low, 1)
        pm.add(high, 2)
        assert (pm[2], pm[5], pm[20]) == ("low", "high", "d")

    def test_nested_resolver(self, xy):
        x, y = xy
        inner = PriorityIntervalMap(default="inner default")
        inner.add(x, 1)
        inner.add(y, 2)
        base = make_map((-5, 20, "base"))
        outer = PriorityIntervalMap(default="outer")
        h_inner, wins = outer.add(inner, 10)
        h_base, _ = outer.add(base, 1)
        assert wins is True
        assert (outer[-1], outer[1], outer[3], outer[7], outer[30]) == (
            "base",
            1,
            10,
            "base",
            "outer",
        )
        assert outer.active_regions(h_inner) == (BaseInterval(0, 6),)
        assert outer.active_regions(h_base) == (BaseInterval(-5, 0), BaseInterval(6, 20))
        result = outer.lookup(3, with_priority=True)
        assert result == PriorityLookupResult(10, h_inner, 10)
        # the nested resolver is live too
        y.assign(6, 8, "late")
        assert outer[7] == "late"
        assert 7 in outer and 30 not in outer

    def test_nested_snapshot(self, xy):
        x, y = xy
        inner = PriorityIntervalMap()
        inner.add(x, 2)
        inner.add(y, 1)
        outer = PriorityIntervalMap()
        outer.add(inner, 0)
        assert outer.snapshot() == inner.snapshot()

    def test_cycles_rejected(self, xy):
        a = PriorityIntervalMap()
        b = PriorityIntervalMap()
        c = PriorityIntervalMap()
        with pytest.raises(ValueError):
            a.add(a, 1)
        a.add(b, 1)
        b.add(c, 1)
        with pytest.raises(ValueError):
            c.add(a, 1)
        with pytest.raises(ValueError):
            b.add(a, 1)
        # diamonds are fine
        d = PriorityIntervalMap()
        a.add(d, 2)
        b.add(d, 3)
        h, _ = c.add(xy[0], 1)
        with pytest.raises(ValueError):
            c.replace(h, a)
        assert a[1] == 1


class TestRemoveReplaceUpdate:
    def test_remove(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d")
        _h1, _ = pm.add(x, 1)
        h2, _ = pm.add(y, 5)
        pm.remove(h2)
        assert pm[3] == 1
        with pytest.raises(KeyError):
            pm.remove(h2)
        with pytest.raises(KeyError):
            pm.active_regions(h2)
        with pytest.raises(KeyError):
            pm.update_priority(h2, 3)
        with pytest.raises(KeyError):
            pm.replace(h2, y)

    def test_handles_belong_to_their_map(self, xy):
        x, _ = xy
        a, b = PriorityIntervalMap(), PriorityIntervalMap()
        h, _ = a.add(x, 1)
        with pytest.raises(KeyError):
            b.remove(h)
        with pytest.raises(KeyError):
            a.remove(PrioritySourceHandle())

    @pytest.mark.parametrize("bad", [None, 1, "h", object()])
    def test_non_handles(self, xy, bad):
        pm = PriorityIntervalMap()
        pm.add(xy[0], 1)
        for call in (
            lambda: pm.remove(bad),
            lambda: pm.replace(bad, xy[1]),
            lambda: pm.update_priority(bad, 2),
            lambda: pm.active_regions(bad),
        ):
            with pytest.raises(TypeError):
                call()

    def test_replace(self, xy):
        x, y = xy
        pm = PriorityIntervalMap()
        _h1, _ = pm.add(x, 1)
        h2, _ = pm.add(y, 5)
        pm.replace(h2, make_map((3, 4, "r")))
        assert (pm[2], pm[3], pm[5]) == (1, "r", None)
        with pytest.raises(TypeError):
            pm.replace(h2, "not a map")
        assert pm[3] == "r"

    def test_replace_keeps_registration_order(self, xy):
        x, y = xy
        pm = PriorityIntervalMap()
        h1, _ = pm.add(x, 1)
        pm.add(y, 1)
        pm.replace(h1, make_map((0, 10, "first")))
        assert pm[5] == "first"

    def test_update_priority_returns_wins(self, xy):
        _x, y = xy
        pm = PriorityIntervalMap()
        h1, _ = pm.add(make_map((2, 3, "inside")), 1)
        pm.add(y, 5)
        assert pm.update_priority(h1, 2) is False
        assert pm.update_priority(h1, 6) is True
        assert pm[2.5] == "inside"

    def test_update_priority_validation(self, xy):
        pm = PriorityIntervalMap()
        h, _ = pm.add(xy[0], 1)
        with pytest.raises(TypeError):
            pm.update_priority(h, True)
        with pytest.raises(ValueError):
            pm.update_priority(h, math.nan)
        assert pm.lookup(0, with_priority=True).priority == 1

    def test_update_priority_keeps_order_for_first(self, xy):
        x, y = xy
        pm = PriorityIntervalMap()
        _h1, _ = pm.add(x, 1)
        h2, _ = pm.add(y, 2)
        pm.update_priority(h2, 1)
        assert pm[3] == 1  # x registered first


class TestLookups:
    def test_lookup_with_priority(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d")
        _h1, _ = pm.add(x, 1)
        h2, _ = pm.add(y, 5)
        r = pm.lookup(3, with_priority=True)
        assert r == PriorityLookupResult(10, h2, 5)
        assert r.used_default is False
        d = pm.lookup(50, with_priority=True)
        assert d == PriorityLookupResult("d", None, None)
        assert d.used_default is True
        assert pm.lookup(1) == 1 and pm.lookup(50) == "d"

    def test_half_open(self, xy):
        x, _ = xy
        pm = PriorityIntervalMap(default="d")
        pm.add(x, 1)
        assert (pm[0], pm[4]) == (1, "d")

    def test_lookup_many(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d")
        h1, _ = pm.add(x, 1)
        _h2, _ = pm.add(y, 5)
        assert pm.lookup_many([1, 3, 9]) == (1, 10, "d")
        assert pm.lookup_many(iter([1])) == (1,)
        assert pm.lookup_many([]) == ()
        many = pm.lookup_many([1, 9], with_priority=True)
        assert many == (PriorityLookupResult(1, h1, 1), PriorityLookupResult("d", None, None))

    def test_lookup_many_validates_everything_first(self, xy):
        x, _ = xy
        pm = PriorityIntervalMap()
        pm.add(x, 1)
        with pytest.raises(TypeError):
            pm.lookup_many([1, 2, "bad"])
        with pytest.raises(ValueError):
            pm.lookup_many([1, math.nan])

        def generate():
            yield 1
            raise RuntimeError("consumed lazily")

        with pytest.raises(RuntimeError):
            pm.lookup_many(generate())

    @pytest.mark.parametrize(
        "bad, exc",
        [
            ("a", TypeError),
            (None, TypeError),
            (True, TypeError),
            (math.nan, ValueError),
            (math.inf, ValueError),
        ],
    )
    def test_bad_coordinates(self, xy, bad, exc):
        pm = PriorityIntervalMap()
        pm.add(xy[0], 1)
        with pytest.raises(exc):
            pm[bad]
        with pytest.raises(exc):
            pm.lookup(bad)
        with pytest.raises(exc):
            pm.explain(bad)
        assert (bad in pm) is False

    def test_empty_resolver(self):
        pm = PriorityIntervalMap(default=0)
        assert pm[1] == 0 and pm[T0] == 0
        assert 1 not in pm
        assert pm.explain(1) == PriorityResolutionExplanation(1, 0, None, None, ())
        assert pm.snapshot() == IntervalMap(default=0)

    def test_contains(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default="d")
        pm.add(x, 1)
        pm.add(y, 5)
        assert 0 in pm and 5.9 in pm and 6 not in pm and -1 not in pm
        assert "a" not in pm and T0 not in pm


class TestExplain:
    def test_gaps_ranked_above_winner(self, xy):
        x, y = xy
        z = make_map((100, 101, "far"))
        pm = PriorityIntervalMap(default="d")
        hx, _ = pm.add(x, 1)
        hy, _ = pm.add(y, 5)
        hz, _ = pm.add(z, 9)
        e = pm.explain(1)
        assert e == PriorityResolutionExplanation(1, 1, hx, 1, (hz, hy))
        assert e.used_default is False
        e = pm.explain(3)
        assert e.uncovered_sources == (hz,) and e.source is hy and e.priority == 5
        e = pm.explain(50)
        assert e.used_default and e.value == "d" and e.uncovered_sources == (hz, hy, hx)
        assert e.coordinate == 50

    def test_frozen_dataclasses(self):
        r = PriorityLookupResult(1, None, None)
        e = PriorityResolutionExplanation(0, 1, None, None, ())
        for obj in (r, e):
            assert dataclasses.is_dataclass(obj)
            with pytest.raises(dataclasses.FrozenInstanceError):
                obj.value = 2  # type: ignore[misc]
        assert [f.name for f in dataclasses.fields(r)] == ["value", "source", "priority"]
        assert [f.name for f in dataclasses.fields(e)] == [
            "coordinate",
            "value",
            "source",
            "priority",
            "uncovered_sources",
        ]

    def test_handles_are_identity_only(self):
        a, b = PrioritySourceHandle(), PrioritySourceHandle()
        assert a != b and a == a
        assert len({a, b, a}) == 2
        assert "PrioritySourceHandle" in repr(a)


class TestSnapshot:
    def test_snapshot_is_independent_and_compares_by_value(self, xy):
        x, y = xy
        pm = PriorityIntervalMap(default=0)
        pm.add(x, 1)
        pm.add(y, 5)
        snap = pm.snapshot()
        expected = make_map((0, 2, 1), (2, 6, 10), default=0)
        assert snap == expected
        x.assign(0, 10, "changed")
        assert snap == expected
        assert pm.snapshot() != expected

    def test_snapshot_merges_equal_neighbours(self):
        pm = PriorityIntervalMap()
        pm.add(make_map((0, 2, "v")), 1)
        pm.add(make_map((2, 4, "v")), 2)
        assert pm.snapshot().items() == ((BaseInterval(0, 4), "v"),)

    def test_active_regions_merge_touching(self):
        pm = PriorityIntervalMap()
        h, _ = pm.add(make_map((0, 2, "a"), (2, 4, "b")), 1)
        pm.add(make_map((10, 11, "c")), 2)
        assert pm.active_regions(h) == (BaseInterval(0, 4),)


class TestDatetimes:
    def test_naive_layers(self):
        day = make_map((T0, T0 + 8 * H, "day rate"))
        peak = make_map((T0 + 2 * H, T0 + 3 * H, "peak"))
        pm = PriorityIntervalMap(default="night")
        h_day, _ = pm.add(day, 0)
        pm.add(peak, 1)
        assert pm[T0 + 2.5 * H] == "peak"
        assert pm[T0 + 4 * H] == "day rate"
        assert pm[T0 + 9 * H] == "night"
        assert pm.active_regions(h_day) == (
            BaseInterval(T0, T0 + 2 * H),
            BaseInterval(T0 + 3 * H, T0 + 8 * H),
        )
        with pytest.raises(TypeError):
            pm[5]
        assert 5 not in pm

    def test_aware_by_instant_and_fold(self):
        first = datetime(2024, 10, 27, 2, 0, tzinfo=AMS, fold=0)
        second = datetime(2024, 10, 27, 2, 0, tzinfo=AMS, fold=1)
        end = datetime(2024, 10, 27, 3, 0, tzinfo=AMS)
        layer = make_map((first, second, "first pass"), (second, end, "second pass"))
        pm = PriorityIntervalMap()
        pm.add(layer, 1)
        assert pm[datetime(2024, 10, 27, 2, 30, tzinfo=AMS, fold=0)] == "first pass"
        assert pm[datetime(2024, 10, 27, 2, 30, tzinfo=AMS, fold=1)] == "second pass"
        assert pm[datetime(2024, 10, 27, 1, 30, tzinfo=timezone.utc)] == "second pass"

    def test_mixed_domains_rejected(self):
        pm = PriorityIntervalMap()
        pm.add(make_map((T0, T0 + H, "t")), 1)
        with pytest.raises(TypeError):
            pm.add(make_map((0, 1, "n")), 2)
        aware = T0.replace(tzinfo=timezone.utc)
        with pytest.raises(TypeError):
            pm.add(make_map((aware, aware + H, "a")), 2)
        empty = IntervalMap()
        _h, _ = pm.add(empty, 2)  # an empty source has no domain yet
        empty.assign(0, 1, "n")  # ...and later gets the wrong one
        with pytest.raises(TypeError):
            pm[T0]
        with pytest.raises(TypeError):
            pm.snapshot()
        assert (T0 in pm) is False


# ---------------------------------------------------------------------------------------
# Property test: resolution equals a brute-force reference.

GRID = 10
RANGE = st.tuples(st.integers(0, GRID), st.integers(0, GRID)).filter(lambda ab: ab[0] < ab[1])
SOURCE = st.lists(st.tuples(RANGE, st.integers(0, 3)), max_size=4)


def rank(regs: list[dict], policy: str) -> list[dict]:
    """Reference ranking, written as one explicit sort key per policy."""
    if policy == "first":
        return sorted(regs, key=lambda r: (-r["priority"], r["order"]))
    if policy == "last":
        return sorted(regs, key=lambda r: (-r["priority"], -r["order"]))
    if policy == "key":
        return sorted(regs, key=lambda r: (-r["priority"], -r["key"], r["order"]))
    return sorted(regs, key=lambda r: -r["priority"])  # "error": priorities are distinct


def cover(source, x):
    """Reference coverage of one source: (covered, payload)."""
    if isinstance(source, IntervalMap):
        return (True, source[x]) if x in source else (False, None)
    for reg in rank(source.ref_regs, source.tie_policy):
        covered, value = cover(reg["source"], x)
        if covered:
            return True, value
    return False, None


def winner(regs: list[dict], policy: str, x: float):
    """The handle of the reference winner at x, or None."""
    for reg in rank(regs, policy):
        if cover(reg["source"], x)[0]:
            return reg["handle"]
    return None


def runs(points: list[tuple[float, object]]) -> list[tuple[int, int, object]]:
    """Merge unit cells (given by their midpoints) into maximal equal runs."""
    out: list[list] = []
    for x, value in points:
        i = math.floor(x)
        if out and out[-1][1] == i and out[-1][2] == value:
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1, value])
    return [tuple(r) for r in out]


class RefPriorityMap(PriorityIntervalMap):
    """A resolver that also records its registrations for the reference."""

    __slots__ = ("ref_regs",)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(["error", "first", "last", "key"]),
    st.lists(
        st.tuples(SOURCE, st.integers(-2, 2), st.integers(0, 2), st.booleans()),
        min_size=1,
        max_size=5,
    ),
    st.lists(st.tuples(st.integers(0, 10), st.integers(-2, 2), st.integers(0, 2)), max_size=3),
    st.lists(st.integers(0, 10), max_size=2),
)
def test_priority_matches_brute_force(policy, sources, updates, removals):
    pm = RefPriorityMap(default="default", tie_policy=policy)
    pm.ref_regs = []
    for n, (segments, priority, key, make_nested) in enumerate(sources):
        m = IntervalMap(default="ignored")
        for (a, b), p in segments:
            m.assign(a, b, p)
        source = m
        if make_nested:  # wrap the map in a nested resolver together with a fixed layer
            nested = RefPriorityMap(tie_policy="first")
            nested.ref_regs = []
            base = IntervalMap()
            base.assign(n, n + 1, f"base{n}")
            for order, (src, prio) in enumerate([(m, 1), (base, 0)]):
                _h, _ = nested.add(src, prio)
                nested.ref_regs.append({"source": src, "priority": prio, "order": order})
            source = nested
        kwargs = {"tie_break_key": key} if policy == "key" else {}
        if policy == "error" and any(r["priority"] == priority for r in pm.ref_regs):
            with pytest.raises(ValueError):
                pm.add(source, priority, **kwargs)
            continue
        handle, wins = pm.add(source, priority, **kwargs)
        pm.ref_regs.append(
            {"source": source, "priority": priority, "key": key, "order": n, "handle": handle}
        )
        assert wins == any(winner(pm.ref_regs, policy, i + 0.5) is handle for i in range(GRID))
    for index, priority, key in updates:
        if not pm.ref_regs:
            break
        reg = pm.ref_regs[index % len(pm.ref_regs)]
        kwargs = {"tie_break_key": key} if policy == "key" else {}
        others = [r for r in pm.ref_regs if r is not reg]
        if policy == "error" and any(r["priority"] == priority for r in others):
            with pytest.raises(ValueError):
                pm.update_priority(reg["handle"], priority, **kwargs)
            continue
        pm.update_priority(reg["handle"], priority, **kwargs)
        reg["priority"] = priority
        if policy == "key":
            reg["key"] = key
    for index in removals:
        if not pm.ref_regs:
            break
        reg = pm.ref_regs.pop(index % len(pm.ref_regs))
        pm.remove(reg["handle"])
        with pytest.raises(KeyError):
            pm.remove(reg["handle"])

    ranked = rank(pm.ref_regs, policy)
    winners: dict[int, list] = {id(r["handle"]): [] for r in ranked}
    resolved = []
    for twice in range(-2, 2 * GRID + 2):
        x = twice / 2
        gaps = []
        for reg in ranked:
            covered, value = cover(reg["source"], x)
            if covered:
                expected = PriorityLookupResult(value, reg["handle"], reg["priority"])
                break
            gaps.append(reg["handle"])
        else:
            expected = PriorityLookupResult("default", None, None)
        assert pm[x] == expected.value
        assert pm.lookup(x, with_priority=True) == expected
        assert (x in pm) == (expected.source is not None)
        assert pm.explain(x) == PriorityResolutionExplanation(
            x, expected.value, expected.source, expected.priority, tuple(gaps)
        )
        if x != int(x) and expected.source is not None:
            winners[id(expected.source)].append((x, None))
            resolved.append((x, expected.value))
    xs = [i / 2 for i in range(-2, 2 * GRID + 2)]
    assert pm.lookup_many(xs) == tuple(pm[x] for x in xs)
    snap = pm.snapshot()
    assert [(iv.start, iv.stop, p) for iv, p in snap.items()] == runs(resolved)
    assert snap.default == "default"
    for reg in ranked:
        regions = [(iv.start, iv.stop) for iv in pm.active_regions(reg["handle"])]
        assert regions == [(a, b) for a, b, _ in runs(winners[id(reg["handle"])])]
