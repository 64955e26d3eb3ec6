"""Public behaviour of BaseDiscreteInterval (SPEC §3.3, §5, §8)."""

from datetime import datetime, timedelta

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    EmptyInterval,
    IntervalMeter,
    IntervalSet,
)

T0 = datetime(2024, 1, 1, 9)
Q = timedelta(minutes=15)


class TestConstruction:
    def test_start_stop_step(self):
        d = BaseDiscreteInterval(0, 4, step=2)
        assert repr(d) == "BaseDiscreteInterval[0;4;2]"
        assert (d.start, d.stop, d.step, d.count, d.value) == (0, 4, 2, 3, 1)

    def test_default_step_is_one(self):
        d = BaseDiscreteInterval(0, 3)
        assert repr(d) == "BaseDiscreteInterval[0;3;1]"
        assert d.count == 4

    def test_stop_snapped_down_to_last_point(self):
        d = BaseDiscreteInterval(0, 2.4, step=0.5)
        assert repr(d) == "BaseDiscreteInterval[0;2.0;0.5]"
        assert d.stop == 2.0
        assert d.count == 5

    def test_count_form(self):
        d = BaseDiscreteInterval(0, count=5, step=0.5)
        assert d.stop == 2.0
        assert d.count == 5
        assert d == BaseDiscreteInterval(0, 2, step=0.5)

    def test_sequence_form(self):
        d = BaseDiscreteInterval((0, 4, 2, 3, 5))
        assert (d.start, d.stop, d.step, d.count, d.value) == (0, 4, 2, 3, 5)

    def test_sequence_form_count_used_when_stop_is_none(self):
        d = BaseDiscreteInterval((0, None, 2, 3, 1))
        assert repr(d) == "BaseDiscreteInterval[0;4;2]"

    def test_numeric_scalar_gives_two_points(self):
        d = BaseDiscreteInterval(3)
        assert repr(d) == "BaseDiscreteInterval[3;4;1]"
        assert list(d) == [(3, 1), (4, 1)]

    def test_value_keyword(self):
        d = BaseDiscreteInterval(0, 4, step=2, value=5)
        assert repr(d) == "BaseDiscreteInterval[0;4;2;5]"
        assert str(d) == "[0;4;2;5]"

    def test_is_a_base_interval(self):
        assert isinstance(BaseDiscreteInterval(0, 3), BaseInterval)

    def test_single_point(self):
        d = BaseDiscreteInterval(5, count=1)
        assert (d.start, d.stop, d.count) == (5, 5, 1)

    def test_datetime_points_with_timedelta_step(self):
        d = BaseDiscreteInterval(T0, T0 + timedelta(hours=1), step=Q)
        assert d.count == 5
        assert d.point_count == 5
        assert d.stop == T0 + timedelta(hours=1)

    def test_datetime_count_form(self):
        d = BaseDiscreteInterval(T0, count=3, step=Q)
        assert d.stop == T0 + 2 * Q

    def test_datetime_stop_snapped(self):
        d = BaseDiscreteInterval(T0, T0 + timedelta(minutes=40), step=Q)
        assert d.stop == T0 + 2 * Q
        assert d.count == 3


class TestRepr:
    def test_repr_str(self):
        assert repr(BaseDiscreteInterval(0, 4, step=2)) == "BaseDiscreteInterval[0;4;2]"
        assert str(BaseDiscreteInterval(0, 4, step=2)) == "[0;4;2]"


class TestPointHelpers:
    def test_point_count(self):
        assert BaseDiscreteInterval(1, 7, step=3).point_count == 3

    @pytest.mark.parametrize("i, expected", [(0, 1), (1, 4), (2, 7)])
    def test_coordinate_at(self, i, expected):
        assert BaseDiscreteInterval(1, 7, step=3).coordinate_at(i) == expected

    @pytest.mark.parametrize("x, expected", [(1, 0), (4, 1), (7, 2)])
    def test_index_of(self, x, expected):
        assert BaseDiscreteInterval(1, 7, step=3).index_of(x) == expected

    @pytest.mark.parametrize(
        "x, expected", [(5.5, 4), (5.6, 7), (-10, 1), (100, 7), (4, 4), (2.5, 1)]
    )
    def test_clamp_nearest_point_lower_on_tie(self, x, expected):
        assert BaseDiscreteInterval(1, 7, step=3).clamp(x) == expected

    def test_split_at_example(self):
        got = BaseDiscreteInterval(0, 10).split_at([2.5, 7])
        assert repr(got) == (
            "(BaseDiscreteInterval[0;2;1], BaseDiscreteInterval[3;7;1], "
            "BaseDiscreteInterval[8;10;1])"
        )

    def test_split_at_keeps_step_and_value(self):
        got = BaseDiscreteInterval(0, 8, step=2, value=3).split_at([4])
        assert got == (
            BaseDiscreteInterval(0, 4, step=2, value=3),
            BaseDiscreteInterval(6, 8, step=2, value=3),
        )

    def test_find_count(self):
        d = BaseDiscreteInterval(0, 3)
        assert d.find_count(0, 4, 2) == 3
        assert d.find_count(0, 10, 3) == 4

    def test_tolerance_helpers(self):
        d = BaseDiscreteInterval(0, 3)
        assert d.equal_with_tol(1, 1 + 1e-9)
        assert not d.equal_with_tol(1, 1.1)
        assert d.is_integer_tol(2.0000000001)
        assert not d.is_integer_tol(2.5)

    def test_class_tolerance(self):
        assert BaseDiscreteInterval.tol == 1e-6


class TestArgsAndIteration:
    @pytest.mark.parametrize(
        "d, args",
        [
            (BaseDiscreteInterval(0, 3), (0, 3)),
            (BaseDiscreteInterval(0, 4, step=2), (0, 4, 2, 3)),
            (BaseDiscreteInterval(0, 4, step=2, value=5), (0, 4, 2, 3, 5)),
        ],
    )
    def test_to_args(self, d, args):
        assert d.to_args() == args

    def test_to_args_full_and_call(self):
        d = BaseDiscreteInterval(1, 7, step=3)
        assert d() == (1, 7, 3, 3, 1)
        assert d.to_args_full() == (1, 7, 3, 3, 1)

    def test_iter_yields_points(self):
        assert list(BaseDiscreteInterval(1, 7, step=3)) == [(1, 1), (4, 1), (7, 1)]
        assert list(BaseDiscreteInterval(0, 2, value=4)) == [(0, 4), (1, 4), (2, 4)]

    def test_length_is_zero(self):
        assert BaseDiscreteInterval(0, 10, value=3).get_length() == 0


class TestMembership:
    @pytest.mark.parametrize(
        "x, inside",
        [(4, True), (5, False), (4.0000001, True), (1, True), (7, True), (10, False), (-2, False)],
    )
    def test_coordinate(self, x, inside):
        assert (x in BaseDiscreteInterval(1, 7, step=3)) is inside

    def test_getitem(self):
        d = BaseDiscreteInterval(0, 4, step=2, value=5)
        assert d[2] == 5
        assert d[1] == 0

    def test_discrete_in_discrete_needs_alignment(self):
        d = BaseDiscreteInterval(1, 7, step=3)
        assert BaseDiscreteInterval(1, 4, step=3) in d
        assert BaseDiscreteInterval(4, count=1) in d
        assert BaseDiscreteInterval(2, 5, step=3) not in d
        assert BaseDiscreteInterval(1, 10, step=3) not in d

    def test_continuous_never_in_discrete(self):
        assert BaseInterval(1, 4) not in BaseDiscreteInterval(1, 7, step=3)
        assert BaseInterval(4, 4) not in BaseDiscreteInterval(1, 7, step=3)

    def test_datetime_membership_exact(self):
        d = BaseDiscreteInterval(T0, T0 + timedelta(hours=1), step=Q)
        assert T0 + Q in d
        assert T0 + Q + timedelta(microseconds=1) not in d


class TestEqualityAndOrdering:
    def test_equal_and_hash(self):
        assert BaseDiscreteInterval(0, 4, step=2) == BaseDiscreteInterval(0, 4.5, step=2)
        assert hash(BaseDiscreteInterval(0, 4, step=2)) == hash(
            BaseDiscreteInterval(0, count=3, step=2)
        )

    def test_not_equal(self):
        assert BaseDiscreteInterval(0, 4, step=2) != BaseDiscreteInterval(0, 4, step=1)
        assert BaseDiscreteInterval(0, 4) != BaseDiscreteInterval(0, 4, value=2)
        assert BaseDiscreteInterval(0, 4) != BaseInterval(0, 4)
        assert BaseInterval(0, 4) != BaseDiscreteInterval(0, 4)

    def test_ordering_after_continuous_then_by_step(self):
        assert BaseInterval(0, 4) < BaseDiscreteInterval(0, 4)
        assert BaseDiscreteInterval(0, 4, step=1) < BaseDiscreteInterval(0, 4, step=2)
        assert BaseDiscreteInterval(0, 4) < BaseDiscreteInterval(0, 4, value=2)
        assert BaseDiscreteInterval(0, 4) < BaseDiscreteInterval(1, 4)


class TestBorders:
    def test_left_right_borders(self):
        a, b = BaseDiscreteInterval(0, 3), BaseDiscreteInterval(4, 6)
        assert a.left_borders(b)
        assert b.right_borders(a)
        assert not a.left_borders(BaseDiscreteInterval(3, 6))
        assert not a.left_borders(BaseDiscreteInterval(4, 6, step=2))


class TestAddition:
    def test_adjacent_runs_merge(self):
        assert (
            repr(BaseDiscreteInterval(0, 3) + BaseDiscreteInterval(4, 6))
            == "BaseDiscreteInterval[0;6;1]"
        )

    def test_overlapping_runs_give_discrete_meter(self):
        got = BaseDiscreteInterval(0, 3) + BaseDiscreteInterval(2, 6)
        assert isinstance(got, IntervalMeter)
        assert repr(got) == (
            "IntervalMeter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;6;1]: 1}"
        )

    def test_interleaved_half_step_runs_merge_with_int_coordinates(self):
        got = BaseDiscreteInterval(0, 4, step=2) + BaseDiscreteInterval(1, 5, step=2)
        assert repr(got) == "BaseDiscreteInterval[0;5;1]"

    def test_same_points_sum_values(self):
        assert (
            repr(BaseDiscreteInterval(0, 3) + BaseDiscreteInterval(0, 3, value=2))
            == "BaseDiscreteInterval[0;3;1;3]"
        )

    def test_single_point_extends_run(self):
        assert (
            repr(BaseDiscreteInterval(0, 3) + BaseDiscreteInterval(4, count=1))
            == "BaseDiscreteInterval[0;4;1]"
        )


class TestSubtraction:
    def test_identical_gives_empty_interval(self):
        got = BaseDiscreteInterval(0, 3) - BaseDiscreteInterval(0, 3)
        assert got == EmptyInterval()
        assert repr(got) == "EmptyInterval[0;0]"

    def test_difference_of_values(self):
        assert (
            repr(BaseDiscreteInterval(0, 3, value=5) - BaseDiscreteInterval(0, 3, value=2))
            == "BaseDiscreteInterval[0;3;1;3]"
        )


class TestIntersection:
    def test_intersection_multiplies_values(self):
        got = BaseDiscreteInterval(0, 4, value=2).intersection(BaseDiscreteInterval(2, 6, value=3))
        assert repr(got) == "IntervalMeter:{BaseDiscreteInterval[2;4;1]: 6}"

    def test_intersection_support_across_steps(self):
        got = BaseDiscreteInterval(0, 10, step=2).intersection_support(
            BaseDiscreteInterval(0, 10, step=3)
        )
        assert isinstance(got, IntervalSet)
        assert [x for x in range(11) if x in got] == [0, 6]
