"""Public behaviour of IntervalCounter (SPEC §3.6)."""

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
)

C_REPR = "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}"


def make_c():
    return IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)])


class TestConstruction:
    def test_sequence(self):
        assert repr(make_c()) == C_REPR

    def test_is_a_meter(self):
        assert isinstance(make_c(), IntervalMeter)

    def test_empty(self):
        assert repr(IntervalCounter()) == "IntervalCounter:{}"

    def test_totals_truncated(self):
        assert (
            repr(IntervalCounter([BaseInterval(0, 1, 2.7)]))
            == "IntervalCounter:{BaseInterval[0;1]: 2}"
        )

    def test_truncation_after_summing(self):
        got = IntervalCounter([BaseInterval(0, 1, 0.5), BaseInterval(0, 1, 0.6)])
        assert repr(got) == "IntervalCounter:{BaseInterval[0;1]: 1}"

    def test_below_one_dropped(self):
        got = IntervalCounter([BaseInterval(0, 2, 2), BaseInterval(1, 3, -1)])
        assert repr(got) == "IntervalCounter:{BaseInterval[0;1]: 2, BaseInterval[1;2]: 1}"

    @pytest.mark.parametrize("value", [0, -2, 0.5])
    def test_single_interval_below_one_is_empty(self, value):
        assert repr(IntervalCounter(BaseInterval(0, 1, value))) == "IntervalCounter:{}"

    def test_single_interval(self):
        assert (
            repr(IntervalCounter(BaseInterval(0, 1, 3))) == "IntervalCounter:{BaseInterval[0;1]: 3}"
        )

    def test_counts_are_ints(self):
        c = IntervalCounter([BaseInterval(0, 2, 1.5), BaseInterval(1, 3, 2.25)])
        assert all(type(v) is int for v in c.values())
        assert list(c.values()) == [1, 3, 2]

    def test_discrete(self):
        got = IntervalCounter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])
        assert repr(got) == (
            "IntervalCounter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;5;1]: 1}"
        )


class TestLookup:
    @pytest.mark.parametrize("x, expected", [(1, 1), (3, 2), (2, 1), (7, 0)])
    def test_point(self, x, expected):
        assert make_c()[x] == expected

    def test_most_common_and_elements(self):
        c = make_c()
        assert c.most_common(1) == [(BaseInterval(2, 4), 2)]
        assert list(c.elements()) == [
            BaseInterval(0, 2),
            BaseInterval(2, 4),
            BaseInterval(2, 4),
            BaseInterval(4, 6),
        ]
        assert c.total() == 4

    def test_total_length(self):
        assert make_c().total_length() == 8


class TestArithmetic:
    def test_mul_truncates(self):
        assert (
            repr(make_c() * 2.5)
            == "IntervalCounter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 5, BaseInterval[4;6]: 2}"
        )

    @pytest.mark.parametrize("factor", [0, -1, -2.5])
    def test_mul_non_positive_empties(self, factor):
        assert repr(make_c() * factor) == "IntervalCounter:{}"

    def test_mul_below_one_drops_small_counts(self):
        assert repr(make_c() * 0.5) == "IntervalCounter:{BaseInterval[2;4]: 1}"

    def test_imul(self):
        c = make_c()
        c *= 2
        assert (
            repr(c)
            == "IntervalCounter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 4, BaseInterval[4;6]: 2}"
        )

    def test_add_interval(self):
        got = make_c() + BaseInterval(1, 5)
        assert repr(got) == (
            "IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;4]: 3, "
            "BaseInterval[4;5]: 2, BaseInterval[5;6]: 1}"
        )
        assert type(got) is IntervalCounter

    def test_update_and_iadd(self):
        c = make_c()
        c.update(BaseInterval(6, 8))
        assert (
            repr(c)
            == "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;8]: 1}"
        )
        c += IntervalCounter(BaseInterval(0, 8))
        assert (
            repr(c)
            == "IntervalCounter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 3, BaseInterval[4;8]: 2}"
        )

    def test_sub_counter(self):
        c = IntervalCounter([BaseInterval(0, 2), BaseInterval(1, 3)])
        assert (
            repr(c)
            == "IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}"
        )
        assert (
            repr(c - IntervalCounter(BaseInterval(0, 3)))
            == "IntervalCounter:{BaseInterval[1;2]: 1}"
        )

    def test_subtraction_never_goes_below_one(self):
        c = IntervalCounter(BaseInterval(0, 2))
        c -= IntervalCounter(BaseInterval(0, 2, 3))
        assert repr(c) == "IntervalCounter:{}"


class TestEqualityAndOrdering:
    def test_not_equal_to_meter(self):
        assert make_c() != IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])

    def test_equal_to_itself_rebuilt(self):
        assert make_c() == IntervalCounter(
            [BaseInterval(0, 2), BaseInterval(2, 4, 2), BaseInterval(4, 6)]
        )
        assert hash(make_c()) == hash(IntervalCounter([BaseInterval(2, 6), BaseInterval(0, 4)]))

    def test_one_piece_equals_interval(self):
        assert IntervalCounter(BaseInterval(0, 1)) == BaseInterval(0, 1)

    def test_ordering(self):
        assert IntervalCounter(BaseInterval(0, 1)) < IntervalCounter(BaseInterval(0, 2))
        assert IntervalCounter(BaseInterval(0, 1, 2)) > IntervalCounter(BaseInterval(0, 1))


class TestConversions:
    def test_as_meter(self):
        got = make_c().as_meter()
        assert type(got) is IntervalMeter
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}"
        )

    def test_as_counter_copy(self):
        c = make_c()
        d = c.as_counter()
        assert d == c
        d *= 3
        assert repr(c) == C_REPR

    def test_copy_type(self):
        assert type(make_c().copy()) is IntervalCounter
        assert make_c().copy() == make_c()

    def test_as_set(self):
        assert make_c().as_set() == IntervalSet(BaseInterval(0, 6))

    def test_as_my_type(self):
        assert (
            repr(IntervalCounter.as_my_type(BaseInterval(0, 1, 2.9)))
            == "IntervalCounter:{BaseInterval[0;1]: 2}"
        )

    def test_meter_as_counter_truncates(self):
        m = IntervalMeter([BaseInterval(0, 1, 1.5), BaseInterval(1, 2, 0.5)])
        assert repr(m.as_counter()) == "IntervalCounter:{BaseInterval[0;1]: 1}"


class TestStatisticsInherited:
    def test_average_and_regions(self):
        c = make_c()
        assert c.average_value() == pytest.approx(4 / 3)
        assert repr(c.regions_at_least(2)) == "IntervalSet:{BaseInterval[2;4]}"
        assert c.coverage_length() == 6
