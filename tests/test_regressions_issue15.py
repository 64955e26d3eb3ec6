"""Regression tests for the audit of issue 15 (items 1-5, 7-11) and issue 14 items 3-4.

Each test is named after what broke; each failed on main before its fix. The model
suite in ``tests/model/`` covers the classes of these bugs with random operations.
"""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from fractions import Fraction
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalPdf,
    IntervalSet,
)
from intervalues._engine import accel

D = BaseDiscreteInterval
AMS = ZoneInfo("Europe/Amsterdam")
KRA = ZoneInfo("America/Kralendijk")
UTC = timezone.utc

needs_rust = pytest.mark.skipif(not accel.available(), reason="accelerator not installed")
BACKENDS = [False, True] if accel.available() else [False]


@pytest.fixture
def both_backends(monkeypatch):
    """Let ``use_rust=False/True`` pick the backend (the suite may force one)."""
    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)


# -- 1: one spelling of zero -------------------------------------------------------------------
@pytest.mark.usefixtures("both_backends")
class TestNegativeZero:
    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_negative_zero_coordinate_is_stored_as_plus_zero(self, use_rust):
        assert repr(IntervalMeter([(-0.0, 1.0)], use_rust=use_rust)) == (
            "IntervalMeter:{BaseInterval[0.0;1.0]: 1}"
        )
        assert repr(IntervalSet([(-0.0, 1.0)], use_rust=use_rust)) == (
            "IntervalSet:{BaseInterval[0.0;1.0]}"
        )

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_nr_digits_rounding_to_negative_zero_gives_plus_zero(self, use_rust):
        m = IntervalMeter([(-0.001, 1.0)], nr_digits=2, use_rust=use_rust)
        assert repr(m) == "IntervalMeter:{BaseInterval[0.0;1.0]: 1}"

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_negative_zero_from_numpy_columns_gives_plus_zero(self, use_rust):
        starts, stops = np.array([-0.0, -2.0]), np.array([1.0, -0.0])
        m = IntervalMeter.from_arrays(starts, stops, use_rust=use_rust)
        assert repr(m) == "IntervalMeter:{BaseInterval[-2.0;1.0]: 1}"
        s = IntervalSet.from_arrays(np.array([-0.0]), np.array([1.0]), use_rust=use_rust)
        assert repr(s) == "IntervalSet:{BaseInterval[0.0;1.0]}"

    def test_big_update_through_the_kernel_spells_zero_as_plus_zero(self):
        starts = [float(i) for i in range(1, 5000)]
        m = IntervalMeter([(a, a + 0.5, i % 3 + 1) for i, a in enumerate(starts)], use_rust=False)
        small = m.copy()
        m.update(IntervalMeter([(-0.0, 6000.0)], use_rust=False))  # >= 4096 pieces: the kernel
        small.update(IntervalMeter([(-0.0, 0.25)], use_rust=False))  # a few: Python
        assert repr(next(iter(m)).start) == "0.0"
        assert repr(next(iter(small)).start) == "0.0"


# -- 2: overlapping lattices of different steps --------------------------------------------------
class TestOverlappingLattices:
    def meter(self):
        return IntervalMeter([D(0, 6, step=2), D(0, 6, step=3)])  # 0:2, 2:1, 3:1, 4:1, 6:2

    def test_statistics_follow_the_pointwise_sum_of_overlapping_lattices(self):
        m = self.meter()
        assert m[0] == 2 and m[3] == 1 and m[6] == 2
        assert m.maximum_value() == 2
        assert m.minimum_value() == 1
        assert m.average_value() == 1.4
        assert m.median_value() == 1
        assert m.mode_value() == (1,)

    def test_regions_follow_the_pointwise_sum_of_overlapping_lattices(self):
        m = self.meter()
        high = m.regions_at_least(2)
        assert high.contains_many([0, 2, 3, 4, 6]) == [True, False, False, False, True]
        assert high.support_point_count() == 2
        low = m.regions_below(2)
        assert low.contains_many([0, 2, 3, 4, 6]) == [False, True, True, True, False]

    def test_counter_maximum_over_overlapping_lattices(self):
        c = IntervalCounter([D(0, 6, step=2), D(0, 6, step=3, value=3)])
        assert c.maximum_value() == 4
        assert c.minimum_value() == 1


# -- 3: exact comparisons between int and float coordinates ----------------------------------------
class TestExactLookups:
    def test_numpy_float_points_in_int_meter_beyond_2_53(self):
        m = IntervalMeter([(2**53 + 1, 2**53 + 3)])
        assert m[2.0**53] == 0
        assert m.values_at(np.array([2.0**53])).tolist() == [0]
        assert m.values_at([2.0**53]) == [0]
        s = IntervalSet([(2**53 + 1, 2**53 + 3)])
        assert s.contains_many(np.array([2.0**53])).tolist() == [False]
        assert s.contains_many(np.array([2**53 + 3], dtype=np.int64)).tolist() == [True]

    def test_numpy_int_points_in_float_meter_beyond_2_53(self):
        m = IntervalMeter([(2.0**53 + 2, 2.0**53 + 4)])
        pts = np.array([2**53 + 1, 2**53 + 2, 2**53 + 4, 2**53 + 5], dtype=np.int64)
        assert m.values_at(pts).tolist() == [0, 1, 1, 0]
        assert [m[int(p)] for p in pts] == [0, 1, 1, 0]
        s = IntervalSet([(2.0**53 + 2, 2.0**53 + 4)])
        assert s.contains_many(pts).tolist() == [False, True, True, False]

    def test_numpy_lookups_near_the_int64_limits(self):
        m = IntervalMeter([(2**63 - 5, 2**63 - 1)])
        pts = np.array([2.0**63, 9.223372036854775e18, -(2.0**63)])
        assert m.values_at(pts).tolist() == [m[float(p)] for p in pts] == [0, 0, 0]
        m = IntervalMeter([(-(2**63), -(2**63) + 8)])
        assert m.values_at(np.array([-(2.0**63), -(2.0**63) - 4096.0])).tolist() == [1, 0]

    def test_pandas_and_arrow_points_are_exact(self):
        pd = pytest.importorskip("pandas")
        pa = pytest.importorskip("pyarrow")
        m = IntervalMeter([(2**53 + 1, 2**53 + 3)])
        assert m.values_at(pd.Series([2.0**53])).tolist() == [0]
        assert m.values_at(pa.array([2.0**53])).tolist() == [0]

    def test_mixed_int_float_keys_are_looked_up_exactly(self):
        m = IntervalMeter([(2**53 + 1, 2**53 + 3), (0.5, 1.5)])  # keys stored as a list
        assert m.values_at(np.array([2.0**53, 1.0])).tolist() == [0, 1]


# -- 4, 5: datetime64 columns ----------------------------------------------------------------------
class TestDatetime64Columns:
    def test_datetime64_beyond_year_9999_is_rejected_naming_the_column(self):
        starts = np.array(["9999-12-30"], dtype="M8[D]")
        stops = np.array(["10000-01-02"], dtype="M8[D]")
        with pytest.raises(ValueError, match="stops"):
            IntervalMeter.from_arrays(starts, stops)
        with pytest.raises(ValueError, match="starts"):
            IntervalMeter.from_arrays(np.array(["0000-12-31"], dtype="M8[D]"), starts)

    def test_datetime64_years_far_out_of_range_are_rejected(self):
        starts = np.array([0], dtype="M8[Y]")
        stops = np.array([200000], dtype="M8[Y]")
        with pytest.raises(ValueError, match="stops"):
            IntervalSet.from_arrays(starts, stops)

    def test_sub_microsecond_datetime64_intervals_are_not_dropped_silently(self):
        starts = np.array([100], dtype="M8[ns]")
        stops = np.array([900], dtype="M8[ns]")
        with pytest.raises(ValueError, match="starts"):
            IntervalMeter.from_arrays(starts, stops)
        ok = IntervalMeter.from_arrays(np.array([1000], dtype="M8[ns]"), np.array([3000], "M8[ns]"))
        assert ok.total_length() == timedelta(microseconds=2)

    def test_sub_microsecond_lookup_points_are_compared_exactly(self):
        m = IntervalMeter.from_arrays(np.array([1000], dtype="M8[ns]"), np.array([3000], "M8[ns]"))
        pts = np.array([999, 1000, 3000, 3001], dtype="M8[ns]")
        assert m.values_at(pts).tolist() == [0, 1, 1, 0]
        s = IntervalSet.from_arrays(np.array([1000], dtype="M8[ns]"), np.array([3000], "M8[ns]"))
        assert s.contains_many(pts).tolist() == [False, True, True, False]

    def test_aware_column_near_the_end_of_time_is_rejected(self):
        pd = pytest.importorskip("pandas")
        starts = pd.Series(pd.to_datetime(["2024-01-01"])).dt.tz_localize("Asia/Tokyo")
        stops = pd.Series(pd.to_datetime(["2024-01-02"])).dt.tz_localize("Asia/Tokyo")
        assert repr(IntervalMeter.from_arrays(starts, stops))  # in range: fine
        late = np.array(["9999-12-31T23:00"], dtype="M8[us]")
        starts = (
            pd.Series(late - np.timedelta64(1, "h"))
            .dt.tz_localize("UTC")
            .dt.tz_convert("Etc/GMT+5")
        )
        stops = pd.Series(late).dt.tz_localize("UTC").dt.tz_convert("Etc/GMT+5")
        m = IntervalMeter.from_arrays(starts, stops)  # shown at 18:00 -05:00: fine
        assert m.bounds is not None

    def test_aware_column_shown_past_year_9999_is_rejected(self):
        pa = pytest.importorskip("pyarrow")
        late = np.array(["9999-12-31T20:00", "9999-12-31T23:00"], dtype="M8[us]")
        starts = pa.array(late[:1], type=pa.timestamp("us", tz="Asia/Tokyo"))
        stops = pa.array(late[1:], type=pa.timestamp("us", tz="Asia/Tokyo"))
        with pytest.raises(ValueError, match="starts"):  # 10000-01-01 05:00 in Tokyo
            IntervalMeter.from_arrays(starts, stops)


# -- 7: no non-finite values -----------------------------------------------------------------------
class TestNonFiniteValues:
    def test_scaling_by_a_huge_factor_raises_and_keeps_the_meter(self):
        m = IntervalMeter([(0, 1, 2)])
        with pytest.raises(ValueError, match="finite"):
            m * 1e308
        with pytest.raises(ValueError, match="finite"):
            m *= 1e308
        assert repr(m) == "IntervalMeter:{BaseInterval[0;1]: 2}"
        with pytest.raises(ValueError, match="finite"):
            m / 1e-308
        with pytest.raises(ValueError, match="finite"):
            IntervalCounter([(0, 1, 2)]) * 1e308
        with pytest.raises(ValueError, match="finite"):
            BaseInterval(0, 1, 2) * 1e308  # the interval itself, for comparison

    @pytest.mark.usefixtures("both_backends")
    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_sums_beyond_the_float_range_raise_and_keep_the_meter(self, use_rust):
        with pytest.raises(ValueError, match="finite"):
            IntervalMeter([(0, 2, 1.7e308), (1, 3, 1.7e308)], use_rust=use_rust)
        with pytest.raises(ValueError, match="finite"):
            IntervalCounter([(0, 2, 1.7e308), (1, 3, 1.7e308)], use_rust=use_rust)
        with pytest.raises(ValueError, match="finite"):
            IntervalMeter.from_arrays([0, 1], [2, 3], [1.7e308, 1.7e308], use_rust=use_rust)
        m = IntervalMeter([(0, 2, 1.7e308)], use_rust=use_rust)
        before = repr(m)
        with pytest.raises(ValueError, match="finite"):
            m.update(BaseInterval(1, 3, 1.7e308))
        with pytest.raises(ValueError, match="finite"):
            m.update(BaseInterval(1, 3, 1e308), times=2)
        with pytest.raises(ValueError, match="finite"):
            m + BaseInterval(1, 3, 1.7e308)
        assert repr(m) == before
        m.update(BaseInterval(1, 3, -1.7e308))  # cancelling stays fine
        assert m.maximum_value() == 1.7e308

    def test_scaling_then_adding_works_after_a_refused_overflow(self):
        m = IntervalMeter([(0, 1, 2)])
        with pytest.raises(ValueError):
            m * 1e308
        m = m + BaseInterval(0, 2)
        assert m.average_value() == 2.0


# -- 8 and issue 14 item 4: time zones -------------------------------------------------------------
def _utc_iv():
    return BaseInterval(datetime(2024, 1, 1, 9, tzinfo=UTC), datetime(2024, 1, 1, 11, tzinfo=UTC))


def _ams_iv():
    return BaseInterval(datetime(2024, 1, 1, 11, tzinfo=AMS), datetime(2024, 1, 1, 13, tzinfo=AMS))


class TestZones:
    def test_zones_do_not_depend_on_input_order(self):
        a = IntervalMeter([_utc_iv(), _ams_iv()])
        b = IntervalMeter([_ams_iv(), _utc_iv()])
        assert repr(a) == repr(b)
        assert a.min().tzinfo is b.min().tzinfo
        assert a.max().tzinfo is b.max().tzinfo

    def test_each_boundary_keeps_its_own_zone(self):
        a = BaseInterval(datetime(2024, 1, 1, 10, tzinfo=AMS), datetime(2024, 1, 1, 12, tzinfo=AMS))
        k = BaseInterval(datetime(2024, 1, 1, 5, tzinfo=KRA), datetime(2024, 1, 1, 8, tzinfo=KRA))
        for s in (IntervalSet([a, k]), IntervalSet([k, a])):
            assert s.min() == datetime(2024, 1, 1, 9, tzinfo=UTC)
            assert s.max().tzinfo is KRA and s.max().hour == 8
            assert repr(s) == repr(IntervalSet([a, k]))
        m = IntervalMeter([_utc_iv(), _ams_iv()])
        assert m.min().tzinfo is UTC and m.max().tzinfo is AMS

    def test_zones_meeting_at_one_instant_pick_a_deterministic_zone(self):
        # 10:00 Amsterdam and 05:00 Kralendijk are the same instant (09:00 UTC)
        a = BaseInterval(datetime(2024, 1, 1, 10, tzinfo=AMS), datetime(2024, 1, 1, 12, tzinfo=AMS))
        k = BaseInterval(datetime(2024, 1, 1, 5, tzinfo=KRA), datetime(2024, 1, 1, 6, tzinfo=KRA))
        assert repr(IntervalMeter([a, k])) == repr(IntervalMeter([k, a]))
        assert repr(IntervalSet([a, k])) == repr(IntervalSet([k, a]))

    def test_update_and_algebra_keep_zones_independent_of_order(self):
        u, a = _utc_iv(), _ams_iv()
        m1 = IntervalMeter(u)
        m1.update(a)
        m2 = IntervalMeter(a)
        m2.update(u)
        assert repr(m1) == repr(m2) == repr(IntervalMeter([u, a]))
        assert repr(IntervalSet(u) | IntervalSet(a)) == repr(IntervalSet(a) | IntervalSet(u))
        assert repr(IntervalSet(u) & IntervalSet(a)) == repr(IntervalSet(a) & IntervalSet(u))

    def test_a_removed_zone_leaves_no_trace(self):
        u, a = _utc_iv(), _ams_iv()
        m = IntervalMeter([u, a])
        m.update(a, times=-1)
        assert repr(m) == repr(IntervalMeter(u))

    def test_to_timezone_converts_every_boundary(self):
        m = IntervalMeter([_utc_iv(), _ams_iv()]).to_timezone(KRA)
        assert {p.start.tzinfo for p in m} | {p.stop.tzinfo for p in m} == {KRA}

    def test_an_array_column_in_one_zone_stores_no_zone_per_piece(self):
        pd = pytest.importorskip("pandas")
        hours = pd.date_range("2024-01-01", periods=1000, freq="h", tz="Europe/Amsterdam")
        starts = pd.Series(hours)
        m = IntervalMeter.from_arrays(starts, starts + pd.Timedelta(minutes=90))
        assert not m._layout.zones
        assert next(iter(m)).start.tzinfo is not None


# -- 9: equal int and float keys -------------------------------------------------------------------
class TestEqualIntFloatKeys:
    @pytest.mark.parametrize(
        "items",
        [
            [(0.0, 1), (0, 2)],
            [(0, 2.0), (0, 2, 2), (1.0, 2)],
            [(0.0, 1), (-0.0, 2)],
        ],
    )
    def test_equal_int_and_float_keys_do_not_depend_on_input_order(self, items):
        for cls in (IntervalMeter, IntervalCounter, IntervalSet):
            reprs = {repr(cls(items)), repr(cls(items[::-1]))}
            assert len(reprs) == 1, reprs

    def test_the_int_spelling_wins(self):
        assert repr(IntervalMeter([(0.0, 1), (0, 2)])) == (
            "IntervalMeter:{BaseInterval[0;1]: 2, BaseInterval[1;2]: 1}"
        )

    def test_set_algebra_on_equal_int_and_float_keys_is_symmetric(self):
        a, b = IntervalSet([(0, 2)]), IntervalSet([(0.0, 2.0)])
        assert repr(a & b) == repr(b & a) == "IntervalSet:{BaseInterval[0;2]}"
        assert repr(a | b) == repr(b | a)
        c = IntervalSet([(1.0, 3.0)])
        assert repr(a - c) == "IntervalSet:{BaseInterval[0;1.0]}"  # no int 1 anywhere
        assert repr(c - a) == "IntervalSet:{BaseInterval[2;3.0]}"

    def test_value_types_do_not_depend_on_history(self):
        one_shot = IntervalMeter([(0, 1, 2.0), (1, 2, 2), (1.5, 3, 1)])
        m = IntervalMeter([(0, 1, 2.0), (1, 2, 2)])
        m.update(BaseInterval(1.5, 3, 1))
        assert repr(m) == repr(one_shot)


# -- 10: step tolerance in collections -------------------------------------------------------------
class TestStepTolerance:
    def test_collections_honour_the_discrete_step_tolerance(self):
        d = D(0.1, 0.7, step=0.2)
        x = 0.1 + 0.2
        assert x in d
        assert x in IntervalSet([d])
        assert IntervalMeter([d])[x] == 1
        assert IntervalMeter([d]).values_at([x]) == [1]
        assert IntervalSet([d]).contains_many(np.array([x])).tolist() == [True]

    def test_tolerance_is_relative_to_the_step(self):
        d = D(0, 4, step=2)
        assert 2.0000009 in IntervalSet([d])  # 4.5e-7 of a step
        assert 2.000003 not in IntervalSet([d])  # 1.5e-6 of a step
        big = D(0, 4 * 10**6, step=2 * 10**6)
        assert 2 * 10**6 + 1 in IntervalSet([big])  # 5e-7 of a step
        assert 2 * 10**6 + 3 not in IntervalSet([big])


# -- 11: no infinite density ------------------------------------------------------------------
class TestPdfDensity:
    def test_pdf_refuses_an_infinite_density(self):
        with pytest.raises(ValueError, match="densit"):
            IntervalPdf([BaseInterval(0, 5e-324)])
        with pytest.raises(ValueError, match="densit"):
            IntervalPdf.from_arrays([0.0], [5e-324])


# -- issue 14 item 3: points in sets ----------------------------------------------------------
class TestPointIntervals:
    def test_a_zero_length_interval_is_a_point_of_a_set(self):
        point = IntervalSet(BaseInterval(1, 1))
        assert repr(point) == "IntervalSet:{BaseInterval[1;1]}"
        assert point == IntervalSet([BaseInterval(0, 1)]) & IntervalSet([BaseInterval(1, 2)])
        assert IntervalSet([BaseInterval(1, 1)]) == point
        assert IntervalSet([(0, 1), (3, 3)]) == IntervalSet([(0, 1)]) | point.__class__([(3, 3)])
        assert 1 in point and 1.5 not in point

    def test_points_follow_one_rule_everywhere(self):
        expected = "IntervalSet:{BaseInterval[0;1], BaseInterval[3;3]}"
        assert repr(IntervalSet([(0, 1), (3, 3)])) == expected
        assert repr(IntervalSet.from_arrays([0, 3], [1, 3])) == expected
        assert repr(IntervalSet.from_arrays(np.array([0, 3]), np.array([1, 3]))) == expected
        s = IntervalSet([(0, 1)])
        s.update(BaseInterval(3, 3))
        assert repr(s) == expected
        s = IntervalSet([(0, 1)])
        s.add(BaseInterval(3, 3))
        assert repr(s) == expected
        assert repr(IntervalSet([(0, 1)]) | IntervalSet(BaseInterval(3, 3))) == expected
        assert repr(IntervalSet([(0, 1), (1, 1), (3, 3), (3, 3)])) == expected

    def test_points_with_a_non_positive_value_are_not_members(self):
        assert IntervalSet([BaseInterval(1, 1, 0)]).is_empty
        assert IntervalSet(BaseInterval(1, 1, -1)).is_empty

    def test_meters_ignore_zero_length_intervals(self):
        assert IntervalMeter(BaseInterval(1, 1)).is_empty
        assert IntervalCounter([BaseInterval(1, 1)]).is_empty


# -- found by the model suite (tests/model) ----------------------------------------------------
class TestFoundByTheModel:
    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_set_points_from_mixed_columns_are_python_numbers(self, use_rust):
        # found by the deep run: an int64 start column with an object stop column
        s = IntervalSet([BaseInterval(0, 0), BaseInterval(1, 1.5)], use_rust=use_rust)
        starts, stops = s.to_arrays()
        back = IntervalSet.from_arrays(starts, stops, use_rust=use_rust)
        assert [(repr(iv.start), repr(iv.stop)) for iv in back] == [
            ("0.0", "0.0"),
            ("1.0", "1.5"),
        ]
        back._check()

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_discrete_counts_beyond_the_float_range_times_a_float(self, use_rust):
        # found by the deep run (the point model itself raised OverflowError here)
        a = IntervalCounter(use_rust=use_rust)
        b = IntervalCounter([BaseDiscreteInterval(0, 1, value=1.7e308)], use_rust=use_rust)
        a.update(b, 2)  # an int count of 2 * int(1.7e308): exact
        before = repr(b)
        with pytest.raises(ValueError, match="would make a weight non-finite"):
            b.update(a, 0.5)
        assert repr(b) == before

    def test_to_arrays_keeps_big_ints_and_mixed_keys_exact(self):
        m = IntervalMeter([(2**53 + 1, 2**64 + 1, 1), (0.5, 1.5, 2)])
        starts, stops, values = m.to_arrays()
        assert starts.tolist() == [0.5, 2**53 + 1]
        assert stops.tolist() == [1.5, 2**64 + 1]
        assert IntervalMeter.from_arrays(starts, stops, values) == m
        big = IntervalMeter([(0, 1, 2**64), (1, 2, 0.5)])
        assert big.values_at(np.array([0.5, 1.5])).tolist() == [2**64, 0.5]

    def test_statistics_use_exact_lengths_of_mixed_coordinates(self):
        # 2**63 - 1 - 1.0 is not 2.0**63 - 1.0: the -0.3 piece is shorter than the 1.0 one
        m = IntervalMeter([(-(2**63), 0, 1.0), (1.0, 2**63 - 1, -0.3)])
        assert m.mode_value() == (1.0,)
        assert m.median_value() == 1.0

    def test_a_point_is_spelled_by_all_the_inputs(self):
        a = IntervalSet([(0.0, 0.0), (0, 0, 0)])
        b = IntervalSet([(0, 0, 0), (0.0, 0.0)])
        assert repr(a) == repr(b) == "IntervalSet:{BaseInterval[0;0]}"

    def test_int64_minimum_is_not_promoted_to_float_next_to_a_float_column(self):
        m = IntervalMeter.from_arrays(np.array([-(2**63)]), np.array([0.1]))
        assert repr(m) == "IntervalMeter:{BaseInterval[-9223372036854775808;0.1]: 1}"

    def test_an_emptied_lattice_leaves_no_float_spelling_behind(self):
        empty = IntervalMeter([D(1, step=3.0, count=1, value=0)])
        m = IntervalMeter([D(1, step=3, count=1, value=1)])
        m.update(empty)
        assert repr(m) == "IntervalMeter:{BaseDiscreteInterval[1;1;3]: 1}"

    def test_an_average_beyond_the_float_range_is_a_clear_error(self):
        m = IntervalMeter([(0, 1, 10**400)])
        with pytest.raises(ValueError, match="average_value"):
            m.average_value()
        with pytest.raises(ValueError, match="median_value"):
            IntervalMeter([(0, 1, 10**400), (1, 2, 10**400 + 2)]).median_value()
        assert m.maximum_value() == 10**400

    def test_discrete_numpy_lookups_keep_big_int_values_exact(self):
        runs = [D(2.25, step=0.5, count=2, value=-1), D(2.25, step=0.5, count=1, value=2**64)]
        m = IntervalMeter(runs)
        assert m.values_at(np.array([2.25, 2.75])).tolist() == [2**64 - 1, -1]

    def test_a_median_between_two_huge_values_is_finite(self):
        m = IntervalMeter([(0, 1, 1.7e308), (1, 2, 1.6e308)])
        assert m.median_value() == 1.6499999999999999e308  # the exact midpoint, rounded once

    def test_statistics_with_inexact_float_lengths_agree_on_both_backends(self):
        # 1e300 - 0.1 is not exact in floats: the kernel used the rounded length (average
        # 0.15000000000000002), Python the exact one; the kernel now leaves it to Python
        m = IntervalMeter([(0.1, 1e300, 0.1), (-1e300, 1e300, 0.1)])
        assert m.average_value() == 0.15

    def test_numpy_float_point_two_to_the_63_on_an_int_start(self):
        # found by the deep run: an int64 start and a float64 stop column; the float point
        # 2.0**63 was floored to 2**63 - 1024 (below the start), not to the int64 maximum
        m = IntervalMeter([(2**63 - 2, 1e300, 1)])
        assert m.values_at(np.array([2.0**63])).tolist() == [1] == m.values_at([2.0**63])
        s = IntervalSet([(2**63 - 2, 1e300)])
        assert s.contains_many(np.array([2.0**63, -(2.0**64)])).tolist() == [True, False]

    def test_scaling_huge_int_counts_by_floats_is_a_clear_value_error(self):
        # found by the deep run: int * float beyond the float range is Python's
        # OverflowError ("int too large to convert to float"); it is the finite-weights
        # ValueError, and nothing changes
        c = IntervalCounter([(0.0, 0.1, 1.7e308)])
        c = c + c  # counts are ints: 2 * int(1.7e308), beyond the float range
        before = repr(c)
        for change in (lambda: c * 1e308, lambda: c / 1e-308, lambda: c.update(c, 0.5)):
            with pytest.raises(ValueError, match="would make a weight non-finite"):
                change()
            assert repr(c) == before
        with pytest.raises(ValueError, match="would make a weight non-finite"):
            IntervalMeter([(0, 1, 10**400)]) / 3

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_an_int_weight_beyond_the_float_range_next_to_a_float(self, use_rust):
        # found by the deep run: math.isfinite(10**330) raised OverflowError in the checks
        ivs = [BaseInterval(-1e-300, 0.0, 10**330), BaseInterval(0.0, 0.1, 0.1)]
        m = IntervalMeter(ivs, use_rust=use_rust)
        m._check()
        assert m.values_at([-1e-301, 0.05]) == [10**330, 0.1]
        back = IntervalMeter.from_arrays(*m.to_arrays(), use_rust=use_rust)
        assert back == m and repr(back) == repr(m)
        assert m.regions_at_least(10**400) == IntervalSet()

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_int_coordinates_and_points_beyond_the_float_range_next_to_floats(self, use_rust):
        s = IntervalSet([BaseInterval(0.5, 10**400)], use_rust=use_rust)
        s._check()
        assert s.contains_many([10**399, 1.0, 10**401]) == [True, True, False]
        assert BaseInterval(0, 1).clamp(10**400) == 1

    def test_pdf_inputs_beyond_the_float_range_are_clear_errors(self):
        pdf = IntervalPdf({BaseInterval(0, 1): 10**400, BaseInterval(1, 2): 10**400})
        assert pdf == IntervalPdf([BaseInterval(0, 2)])
        with pytest.raises(ValueError, match="samples must contain only finite values"):
            pdf.empirical_cdf_distance([10**400, 1.0])

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_lengths_beyond_the_float_range_are_clear_errors_never_inf(self, use_rust):
        # found while closing the deep run: float products past the range gave inf,
        # an int beyond the range meeting a float raised OverflowError
        huge = IntervalMeter([BaseInterval(0, 1e300, 1e300)], use_rust=use_rust)
        wide = IntervalSet([BaseInterval(-1.7e308, 1.7e308)], use_rust=use_rust)
        big = IntervalMeter([BaseInterval(0, 1.5, 10**330), BaseInterval(1.5, 2, 0.5)])
        calls = [
            huge.total_length,
            lambda: huge.integrate(0, 1e300),
            lambda: huge.get_length(BaseInterval(0, 1e300)),
            wide.total_length,
            wide.coverage_length,
            big.total_length,
            big.total,
            lambda: BaseInterval(0.5, 10**330).get_length(),
            lambda: IntervalList([(0, 1, 10**330), (0, 1, 0.5)]).count(0.5),
        ]
        for call in calls:
            with pytest.raises(ValueError, match="beyond the float range"):
                call()

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_lengths_whose_float_terms_overflow_are_exact(self, use_rust):
        # each product is past the float range, their sum is not
        m = IntervalMeter(
            [BaseInterval(-1e300, 0.0, 1e300), BaseInterval(0.0, 1e300, -1e300)],
            use_rust=use_rust,
        )
        assert m.total_length() == 0.0
        assert IntervalMeter([BaseInterval(0, 10**330, 5e-324)]).total_length() == float(
            Fraction(10**330) * Fraction(5e-324)
        )
        assert IntervalMeter([(0, 1, 2**53 + 1), (2, 3, 0.5)], use_rust=use_rust).total() == float(
            Fraction(2**53 + 1) + Fraction(1, 2)
        )

    def test_a_pdf_never_drops_a_piece_whose_density_underflows(self):
        with pytest.raises(ValueError, match="below the smallest float"):
            IntervalPdf([BaseInterval(0, 1), BaseInterval(2, 10**330)])
        with pytest.raises(ValueError, match="finite, positive weighted length"):
            IntervalPdf([BaseInterval(0.5, 10**330), BaseInterval(0, 1.0)])

    def test_discrete_regions_keep_int_points_beyond_the_float_range(self):
        big = 10**330
        c = IntervalCounter([D(0.5, 10.5, step=0.5), D(big, big + 4, step=2)])
        high = c.regions_at_least(1)
        high._check()
        assert [(iv.start, iv.stop) for iv in high][-1] == (big, big + 4)

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_from_arrays_with_a_numpy_and_a_typed_coordinate_column(self, use_rust):
        # found by the deep run: an int64 column next to an object column (mixed
        # values) reached the kernel as one NumPy and one typed array; the kernel's
        # value-type pass assumed both were the same kind of container
        for ivs in ([(-1, 0, 1), (0, 0.1, 0.1)], [(-1, 0, 1), (0.1, 2**53 - 1, 0.1)]):
            cols = IntervalMeter(ivs).to_arrays()
            back = IntervalMeter.from_arrays(*cols, use_rust=use_rust)
            back._check()
            assert repr(back) == repr(IntervalMeter.from_arrays(*cols, use_rust=False))
            assert [type(v) for v in back.values()] == [int, float]

    @pytest.mark.parametrize("use_rust", BACKENDS)
    def test_from_arrays_float64_starts_with_int_stops_beyond_the_float_range(self, use_rust):
        # found by the deep run: the reversed-row check compared NumPy floats with an
        # int beyond the float range (OverflowError); such columns stay Python numbers
        m = IntervalMeter([(0.0, 0.1, 1.1), (0.1, 10**330, 0.1)])
        back = IntervalMeter.from_arrays(*m.to_arrays(), use_rust=use_rust)
        back._check()
        assert repr(back) == repr(m)
        stops = np.array([10**330, 1], dtype=object)
        with pytest.raises(ValueError, match="start must be less than or equal to stop"):
            IntervalMeter.from_arrays(np.array([0.5, 1e300]), stops, use_rust=use_rust)
