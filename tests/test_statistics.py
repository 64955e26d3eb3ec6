"""Meter/counter statistics and region queries (SPEC §3.5, 0.4 members)."""

from datetime import datetime, timedelta

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
)


def make_m():
    return IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])


def make_dm():
    # points 0..5 with values 1,1,2,2,1,1
    return IntervalMeter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])


class TestAverageValue:
    def test_whole_support(self):
        assert make_m().average_value() == pytest.approx(4 / 3)

    def test_within_counts_uncovered_as_zero(self):
        assert make_m().average_value(BaseInterval(0, 8)) == 1.0
        assert make_m().average_value(within=BaseInterval(0, 8)) == 1.0

    def test_within_partial(self):
        assert make_m().average_value(within=BaseInterval(1, 3)) == pytest.approx(1.5)

    def test_float_values(self):
        m = IntervalMeter([BaseInterval(0, 1, 0.5), BaseInterval(1, 3, 1.5)])
        assert m.average_value() == pytest.approx(3.5 / 3)

    def test_negative_values(self):
        m = IntervalMeter([BaseInterval(0, 1, 2), BaseInterval(1, 3, -1)])
        assert m.average_value() == pytest.approx(0)

    def test_empty_meter_with_domain(self):
        assert IntervalMeter().average_value(within=BaseInterval(0, 2)) == 0

    def test_counter(self):
        assert IntervalCounter(
            [BaseInterval(0, 4), BaseInterval(2, 6)]
        ).average_value() == pytest.approx(4 / 3)

    def test_discrete_by_point_count(self):
        assert make_dm().average_value() == pytest.approx(8 / 6)
        assert make_dm().average_value(within=BaseDiscreteInterval(0, 9)) == pytest.approx(0.8)


class TestMinMaxValue:
    def test_min_max(self):
        assert make_m().minimum_value() == 1
        assert make_m().maximum_value() == 2

    def test_within(self):
        assert make_m().minimum_value(within=BaseInterval(0, 8)) == 0
        assert make_m().maximum_value(within=BaseInterval(5, 8)) == 1
        assert make_m().minimum_value(within=BaseInterval(2.5, 3.5)) == 2

    def test_negative(self):
        m = IntervalMeter([BaseInterval(0, 1, 2), BaseInterval(1, 3, -1)])
        assert m.minimum_value() == -1
        assert m.maximum_value(within=BaseInterval(1, 5)) == 0

    def test_discrete(self):
        assert make_dm().minimum_value() == 1
        assert make_dm().maximum_value() == 2
        assert make_dm().minimum_value(within=BaseDiscreteInterval(0, 6)) == 0


class TestMedianValue:
    def test_median(self):
        assert make_m().median_value() == 1

    def test_central_tie_is_averaged(self):
        m = IntervalMeter([BaseInterval(0, 1, 1), BaseInterval(1, 2, 3)])
        assert m.median_value() == 2

    def test_within(self):
        # values by length on [0,10]: 0 on 4 units, 1 on 4, 2 on 2 -> median sits at 5: value 1
        assert make_m().median_value(within=BaseInterval(0, 10)) == 1
        # [0,14]: 0 on 8 units, 1 on 4, 2 on 2 -> median 0
        assert make_m().median_value(within=BaseInterval(-8, 6)) == 0

    def test_discrete(self):
        assert make_dm().median_value() == 1
        dm = IntervalMeter([BaseDiscreteInterval(0, 1), BaseDiscreteInterval(2, 3, value=3)])
        assert dm.median_value() == 2


class TestModeValue:
    def test_mode(self):
        assert make_m().mode_value() == (1,)

    def test_tied_modes(self):
        m = IntervalMeter([BaseInterval(0, 1, 1), BaseInterval(1, 2, 3)])
        assert m.mode_value() == (1, 3)

    def test_within(self):
        assert make_m().mode_value(within=BaseInterval(0, 10)) == (0, 1)
        assert make_m().mode_value(within=BaseInterval(1.5, 4)) == (2,)

    def test_discrete(self):
        assert make_dm().mode_value() == (1,)
        assert make_dm().mode_value(within=BaseDiscreteInterval(0, 11)) == (0,)


class TestRegions:
    def test_regions_at_least(self):
        got = make_m().regions_at_least(2)
        assert isinstance(got, IntervalSet)
        assert repr(got) == "IntervalSet:{BaseInterval[2;4]}"
        assert repr(make_m().regions_at_least(1)) == "IntervalSet:{BaseInterval[0;6]}"
        assert repr(make_m().regions_at_least(3)) == "IntervalSet:set()"

    def test_regions_at_least_float_threshold(self):
        assert repr(make_m().regions_at_least(1.5)) == "IntervalSet:{BaseInterval[2;4]}"

    def test_regions_below(self):
        assert (
            repr(make_m().regions_below(2)) == "IntervalSet:{BaseInterval[0;2], BaseInterval[4;6]}"
        )
        assert repr(make_m().regions_below(1)) == "IntervalSet:set()"

    def test_regions_below_within_adds_uncovered(self):
        got = make_m().regions_below(2, within=BaseInterval(-2, 8))
        assert repr(got) == "IntervalSet:{BaseInterval[-2;2], BaseInterval[4;8]}"

    def test_regions_below_zero_within_adds_nothing_uncovered(self):
        m = IntervalMeter([BaseInterval(0, 2), BaseInterval(2, 4, -1)])
        assert (
            repr(m.regions_below(0, within=BaseInterval(-2, 8)))
            == "IntervalSet:{BaseInterval[2;4]}"
        )

    def test_discrete_regions(self):
        assert repr(make_dm().regions_at_least(2)) == "IntervalSet:{BaseDiscreteInterval[2;3;1]}"


class TestSupport:
    def test_support_and_coverage(self):
        m = IntervalMeter([BaseInterval(0, 1), BaseInterval(3, 5, -2)])
        assert repr(m.support) == "IntervalSet:{BaseInterval[0;1], BaseInterval[3;5]}"
        assert m.coverage_length() == 3

    def test_empty(self):
        assert repr(IntervalMeter().support) == "IntervalSet:set()"
        assert IntervalMeter().coverage_length() == 0

    def test_support_point_count(self):
        assert make_dm().support_point_count() == 6

    def test_support_point_count_distinct_across_lattices(self):
        m = IntervalMeter([BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(0, 3, step=3)])
        assert m.support_point_count() == 4


class TestDatetimeStatistics:
    T0 = datetime(2024, 1, 1, 9)
    H = timedelta(hours=1)

    def meter(self):
        t0, h = self.T0, self.H
        return IntervalMeter([BaseInterval(t0, t0 + 2 * h), BaseInterval(t0 + h, t0 + 3 * h)])

    def test_average_by_seconds(self):
        assert self.meter().average_value() == pytest.approx(4 / 3)
        t0, h = self.T0, self.H
        assert self.meter().average_value(within=BaseInterval(t0, t0 + 4 * h)) == pytest.approx(1.0)

    def test_median_mode(self):
        assert self.meter().median_value() == 1
        assert self.meter().mode_value() == (1,)
        assert self.meter().maximum_value() == 2

    def test_coverage_length_is_timedelta(self):
        assert self.meter().coverage_length() == timedelta(hours=3)

    def test_regions(self):
        t0, h = self.T0, self.H
        assert self.meter().regions_at_least(2) == IntervalSet(BaseInterval(t0 + h, t0 + 2 * h))
