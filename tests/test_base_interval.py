"""Public behaviour of BaseInterval, UnitInterval and EmptyInterval (SPEC §3.1, §3.2, §8)."""

import copy
from datetime import datetime, timedelta

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    EmptyInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
    UnitInterval,
)

T0 = datetime(2024, 1, 1, 9)
H = timedelta(hours=1)


class TestConstruction:
    def test_two_bounds_default_value_one(self):
        iv = BaseInterval(0, 2)
        assert (iv.start, iv.stop, iv.value) == (0, 2, 1)
        assert repr(iv) == "BaseInterval[0;2]"

    @pytest.mark.parametrize("seq", [(0, 2), [0, 2]])
    def test_bounds_from_sequence(self, seq):
        iv = BaseInterval(seq)
        assert iv == BaseInterval(0, 2)
        assert (iv.start, iv.stop, iv.value) == (0, 2, 1)

    def test_value_from_third_sequence_element(self):
        iv = BaseInterval((0, 2, 5))
        assert iv.value == 5
        assert repr(iv) == "BaseInterval[0;2;5]"

    @pytest.mark.parametrize(
        "args, kwargs, expected_value",
        [
            ((0, 2), {"value": 5}, 5),
            (([0, 2],), {"value": 7}, 7),
            (((0, 2, 5),), {"value": 7}, 7),
        ],
    )
    def test_keyword_value_wins(self, args, kwargs, expected_value):
        assert BaseInterval(*args, **kwargs).value == expected_value

    def test_numeric_scalar_is_unit_length(self):
        assert repr(BaseInterval(3)) == "BaseInterval[3;4]"

    def test_datetime_bounds(self):
        iv = BaseInterval(T0, T0 + 2 * H)
        assert (iv.start, iv.stop, iv.value) == (T0, T0 + 2 * H, 1)

    def test_zero_length_is_legal(self):
        iv = BaseInterval(1, 1)
        assert (iv.start, iv.stop) == (1, 1)
        assert iv.get_length() == 0

    def test_float_bounds_repr(self):
        assert repr(BaseInterval(0.5, 1.5)) == "BaseInterval[0.5;1.5]"

    def test_negative_value_repr(self):
        assert repr(BaseInterval(0, 1, -2)) == "BaseInterval[0;1;-2]"


class TestRepr:
    def test_repr_and_str(self):
        assert repr(BaseInterval(0, 2)) == "BaseInterval[0;2]"
        assert repr(BaseInterval(0, 2, 5)) == "BaseInterval[0;2;5]"
        assert str(BaseInterval(0, 2, 5)) == "[0;2;5]"
        assert str(BaseInterval(0, 2)) == "[0;2]"

    def test_name_attribute(self):
        assert BaseInterval.__name__ == "BaseInterval"


class TestAccessors:
    def test_get_length_is_value_scaled(self):
        assert BaseInterval(0, 2).get_length() == 2
        assert BaseInterval(0, 2, 3).get_length() == 6
        assert BaseInterval(1, 2, -1).get_length() == -1

    def test_datetime_length_is_timedelta_scaled_by_value(self):
        assert BaseInterval(T0, T0 + 2 * H).get_length() == timedelta(hours=2)
        assert BaseInterval(T0, T0 + 2 * H, 3).get_length() == timedelta(hours=6)

    def test_min_max(self):
        iv = BaseInterval(1, 4)
        assert (iv.min(), iv.max()) == (1, 4)

    def test_get_set_mult_value(self):
        iv = BaseInterval(0, 1, 2)
        assert iv.get_value() == 2
        iv.set_value(5)
        assert iv.value == 5
        iv.mult_value(3)
        assert iv.value == 15
        assert repr(iv) == "BaseInterval[0;1;15]"

    def test_with_value_is_a_copy(self):
        iv = BaseInterval(0, 1, 2)
        other = iv.with_value(7)
        assert repr(other) == "BaseInterval[0;1;7]"
        assert iv.value == 2

    def test_as_index_drops_value(self):
        iv = BaseInterval(0, 1, 2)
        assert repr(iv.as_index()) == "BaseInterval[0;1]"
        assert iv.value == 2

    def test_copy_is_equal_and_independent(self):
        iv = BaseInterval(0, 1, 2)
        for dup in (iv.copy(), copy.copy(iv)):
            assert dup == iv
            assert dup is not iv
            dup.set_value(9)
            assert iv.value == 2

    def test_copy_with_replace(self):
        iv = BaseInterval(0, 1, 2)
        assert iv.copy_with_replace({"start": -1}) == BaseInterval(-1, 1, 2)
        assert iv.copy_with_replace({"stop": 5, "value": 3}) == BaseInterval(0, 5, 3)
        assert iv == BaseInterval(0, 1, 2)

    def test_to_args(self):
        assert BaseInterval(0, 2).to_args() == (0, 2)
        assert BaseInterval(0, 2, 5).to_args() == (0, 2, 5)
        assert BaseInterval(0, 2, 5).to_args(ign_value=True) == (0, 2)

    def test_to_args_and_replace(self):
        assert BaseInterval(0, 2, 5).to_args_and_replace({"value": 1}) == (0, 2)
        assert BaseInterval(0, 2).to_args_and_replace({"stop": 3, "value": 4}) == (0, 3, 4)


class TestConversions:
    def test_as_meter_keeps_value(self):
        assert repr(BaseInterval(0, 2, 5).as_meter()) == "IntervalMeter:{BaseInterval[0;2]: 5}"

    def test_as_counter_truncates(self):
        assert (
            repr(BaseInterval(0, 1, 2.7).as_counter()) == "IntervalCounter:{BaseInterval[0;1]: 2}"
        )
        assert isinstance(BaseInterval(0, 1).as_counter(), IntervalCounter)

    def test_as_set_drops_value(self):
        assert repr(BaseInterval(0, 2, 5).as_set()) == "IntervalSet:{BaseInterval[0;2]}"

    def test_as_list_keeps_record(self):
        assert repr(BaseInterval(0, 2, 5).as_list()) == "IntervalList:[BaseInterval[0;2;5]]"
        assert isinstance(BaseInterval(0, 2).as_list(), IntervalList)


class TestMembershipAndLookup:
    @pytest.mark.parametrize(
        "x, inside", [(0, True), (1, True), (2, True), (2.0001, False), (-1, False)]
    )
    def test_coordinate_in_closed_range(self, x, inside):
        assert (x in BaseInterval(0, 2)) is inside

    def test_interval_containment(self):
        assert BaseInterval(0, 1) in BaseInterval(0, 2)
        assert BaseInterval(1, 3) not in BaseInterval(0, 2)

    def test_other_types_are_not_in(self):
        assert ("x" in BaseInterval(0, 2)) is False

    def test_getitem_coordinate(self):
        iv = BaseInterval(0, 2, 5)
        assert iv[1] == 5
        assert iv[2] == 5
        assert iv[3] == 0

    def test_getitem_interval_divides_by_query_value(self):
        assert BaseInterval(0, 2, 6)[BaseInterval(0, 1, 2)] == 3.0
        assert BaseInterval(0, 2, 6)[BaseInterval(1, 3)] == 0


class TestSweepEvents:
    def test_iter_yields_two_events(self):
        assert list(BaseInterval(0, 2, 5)) == [(0, 5), (2, -5)]

    def test_call_returns_events(self):
        assert tuple(BaseInterval(0, 2, 5)()) == ((0, 5), (2, -5))


class TestEqualityAndHash:
    def test_equal_bounds_and_value(self):
        assert BaseInterval(0, 1) == BaseInterval(0, 1)
        assert hash(BaseInterval(0, 1, 3)) == hash(BaseInterval(0, 1, 3))

    @pytest.mark.parametrize(
        "other", [BaseInterval(0, 1, 2), BaseInterval(0, 2), BaseInterval(-1, 1)]
    )
    def test_unequal(self, other):
        assert BaseInterval(0, 1) != other

    def test_int_and_float_bounds_equal(self):
        assert BaseInterval(0, 1) == BaseInterval(0.0, 1.0)
        assert hash(BaseInterval(0, 1)) == hash(BaseInterval(0.0, 1.0))

    def test_never_equal_to_discrete(self):
        assert BaseInterval(0, 3) != BaseDiscreteInterval(0, 3)

    def test_one_piece_unit_meter_equal_and_same_hash(self):
        assert BaseInterval(0, 1) == IntervalMeter(BaseInterval(0, 1))
        assert IntervalMeter(BaseInterval(0, 1)) == BaseInterval(0, 1)
        assert hash(BaseInterval(0, 1)) == hash(IntervalMeter(BaseInterval(0, 1)))

    def test_one_piece_weighted_meter_not_equal(self):
        assert (BaseInterval(0, 1, 2) == IntervalMeter(BaseInterval(0, 1, 2))) is False

    def test_one_piece_set_equal(self):
        assert BaseInterval(0, 1) == IntervalSet(BaseInterval(0, 1))
        assert hash(BaseInterval(0, 1)) == hash(IntervalSet(BaseInterval(0, 1)))

    def test_usable_as_dict_key(self):
        d = {BaseInterval(0, 1): "a"}
        assert d[BaseInterval(0, 1)] == "a"


class TestOrdering:
    def test_sorted_example(self):
        got = sorted([BaseInterval(1, 2), BaseInterval(0, 3), BaseInterval(0, 1)])
        assert repr(got) == "[BaseInterval[0;1], BaseInterval[0;3], BaseInterval[1;2]]"

    def test_total_order_uses_stop_then_value(self):
        assert BaseInterval(0, 1) < BaseInterval(0, 2)
        assert BaseInterval(0, 1) <= BaseInterval(0, 2)
        assert BaseInterval(0, 1, 1) < BaseInterval(0, 1, 2)
        assert BaseInterval(0, 2) > BaseInterval(0, 1)
        assert BaseInterval(0, 2) >= BaseInterval(0, 2)
        assert not BaseInterval(0, 2) < BaseInterval(0, 2)

    def test_continuous_before_discrete_with_same_bounds(self):
        assert BaseInterval(0, 3) < BaseDiscreteInterval(0, 3)
        assert BaseDiscreteInterval(0, 3) > BaseInterval(0, 3)


class TestRelations:
    def test_overlaps_counts_touching(self):
        assert BaseInterval(0, 2).overlaps(BaseInterval(2, 3)) is True
        assert BaseInterval(0, 2).overlaps(BaseInterval(1, 3)) is True
        assert BaseInterval(0, 2).overlaps(BaseInterval(2.5, 3)) is False

    def test_left_right_overlaps_strict(self):
        assert BaseInterval(0, 2).left_overlaps(BaseInterval(1, 3))
        assert not BaseInterval(0, 2).left_overlaps(BaseInterval(2, 3))
        assert BaseInterval(1, 3).right_overlaps(BaseInterval(0, 2))
        assert not BaseInterval(2, 3).right_overlaps(BaseInterval(0, 2))

    def test_contains(self):
        assert BaseInterval(0, 3).contains(BaseInterval(1, 2))
        assert BaseInterval(0, 3).contains(BaseInterval(0, 3))
        assert not BaseInterval(0, 3).contains(BaseInterval(2, 4))

    def test_borders(self):
        a, b = BaseInterval(0, 1), BaseInterval(1, 2)
        assert a.left_borders(b) and not a.right_borders(b)
        assert b.right_borders(a) and not b.left_borders(a)
        assert a.borders(b) and b.borders(a)
        assert not a.borders(BaseInterval(1.5, 2))

    def test_is_disjoint_with(self):
        assert BaseInterval(0, 2).is_disjoint_with(BaseInterval(2, 3)) is False
        assert BaseInterval(0, 2).is_disjoint_with(BaseInterval(2.5, 3)) is True


class TestIntersection:
    def test_intersection_multiplies_values(self):
        got = BaseInterval(0, 2, 3).intersection(BaseInterval(1, 5, 4))
        assert isinstance(got, IntervalMeter)
        assert repr(got) == "IntervalMeter:{BaseInterval[1;2]: 12}"

    def test_intersection_of_touching_is_empty_meter(self):
        assert repr(BaseInterval(0, 2).intersection(BaseInterval(2, 5))) == "IntervalMeter:{}"

    def test_intersection_support_touching_is_degenerate(self):
        got = BaseInterval(0, 2, 3).intersection_support(BaseInterval(2, 5, 4))
        assert isinstance(got, IntervalSet)
        assert repr(got) == "IntervalSet:{BaseInterval[2;2]}"

    def test_intersection_support_ignores_values(self):
        got = BaseInterval(0, 4, 3).intersection_support(BaseInterval(2, 5, 4))
        assert repr(got) == "IntervalSet:{BaseInterval[2;4]}"


class TestDistanceClampSplit:
    @pytest.mark.parametrize(
        "a, b, expected",
        [
            (BaseInterval(0, 2), BaseInterval(5, 6), 3),
            (BaseInterval(5, 6), BaseInterval(0, 2), 3),
            (BaseInterval(0, 2), BaseInterval(2, 6), 0),
            (BaseInterval(0, 4), BaseInterval(1, 2), 0),
        ],
    )
    def test_distance_to(self, a, b, expected):
        assert a.distance_to(b) == expected

    def test_datetime_distance_is_timedelta(self):
        got = BaseInterval(T0, T0 + H).distance_to(BaseInterval(T0 + 3 * H, T0 + 4 * H))
        assert got == timedelta(hours=2)

    @pytest.mark.parametrize("x, expected", [(7, 2), (-3, 0), (1.5, 1.5), (0, 0)])
    def test_clamp(self, x, expected):
        assert BaseInterval(0, 2).clamp(x) == expected

    def test_split_at_example(self):
        got = BaseInterval(0, 6, 2).split_at([2, 4, 9])
        assert isinstance(got, tuple)
        assert repr(got) == "(BaseInterval[0;2;2], BaseInterval[2;4;2], BaseInterval[4;6;2])"

    def test_split_at_ignores_outside_and_duplicates(self):
        got = BaseInterval(0, 6).split_at([3, 3, 0, 6, -1])
        assert got == (BaseInterval(0, 3), BaseInterval(3, 6))

    def test_split_at_no_interior_point(self):
        assert BaseInterval(0, 6).split_at([]) == (BaseInterval(0, 6),)


class TestAddition:
    def test_overlapping_gives_meter(self):
        got = BaseInterval(2, 4, 3) + BaseInterval(1, 3, 2)
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 5, BaseInterval[3;4]: 3}"
        )

    def test_touching_equal_values_merge(self):
        got = BaseInterval(0, 1) + BaseInterval(1, 2)
        assert type(got) is BaseInterval
        assert repr(got) == "BaseInterval[0;2]"

    def test_touching_different_values_gives_meter(self):
        got = BaseInterval(0, 1) + BaseInterval(1, 2, 2)
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2}"

    def test_same_bounds_sum_values(self):
        assert repr(BaseInterval(0, 2) + BaseInterval(0, 2, 3)) == "BaseInterval[0;2;4]"

    def test_disjoint_gives_meter(self):
        got = BaseInterval(0, 1) + BaseInterval(2, 3)
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[2;3]: 1}"

    def test_empty_interval_is_neutral(self):
        assert repr(BaseInterval(0, 1) + EmptyInterval()) == "BaseInterval[0;1]"

    def test_iadd(self):
        iv = BaseInterval(0, 1)
        iv += BaseInterval(1, 2)
        assert repr(iv) == "BaseInterval[0;2]"

    def test_interval_plus_collection_takes_collection_type(self):
        got = BaseInterval(0, 2) + IntervalCounter(BaseInterval(1, 3))
        assert (
            repr(got)
            == "IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}"
        )
        got = BaseInterval(0, 1) + IntervalSet(BaseInterval(2, 3))
        assert repr(got) == "IntervalSet:{BaseInterval[0;1], BaseInterval[2;3]}"
        got = BaseInterval(0, 2) + IntervalMeter(BaseInterval(1, 3))
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}"
        )

    def test_sum_builtin(self):
        assert sum([BaseInterval(0, 1), BaseInterval(1, 2)], EmptyInterval()) == BaseInterval(0, 2)


class TestSubtraction:
    def test_equal_start_gives_remainder(self):
        assert repr(BaseInterval(0, 3) - BaseInterval(0, 1)) == "BaseInterval[1;3]"

    def test_hole_gives_meter(self):
        got = BaseInterval(0, 3) - BaseInterval(1, 2)
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[2;3]: 1}"

    def test_equal_bounds_value_difference(self):
        assert repr(BaseInterval(0, 2, 5) - BaseInterval(0, 2, 2)) == "BaseInterval[0;2;3]"

    def test_self_minus_self_is_empty(self):
        got = BaseInterval(0, 2) - BaseInterval(0, 2)
        assert got == EmptyInterval()
        assert repr(got) == "EmptyInterval[0;0]"

    def test_unary_minus_negates_value(self):
        assert repr(-BaseInterval(0, 1, 2)) == "BaseInterval[0;1;-2]"
        assert repr(-BaseInterval(0, 1)) == "BaseInterval[0;1;-1]"


class TestScaling:
    def test_mul_rmul_div(self):
        assert repr(BaseInterval(0, 1) * 3) == "BaseInterval[0;1;3]"
        assert repr(3 * BaseInterval(0, 1)) == "BaseInterval[0;1;3]"
        assert repr(BaseInterval(0, 1, 2) / 4) == "BaseInterval[0;1;0.5]"
        assert repr(BaseInterval(0, 1, 3) * 0.5) == "BaseInterval[0;1;1.5]"

    def test_imul(self):
        iv = BaseInterval(0, 1, 2)
        iv *= 3
        assert repr(iv) == "BaseInterval[0;1;6]"

    def test_mul_does_not_mutate(self):
        iv = BaseInterval(0, 1, 2)
        _ = iv * 3
        assert iv.value == 2


class TestShift:
    def test_shift_right_left(self):
        assert repr(BaseInterval(0, 1) >> 2) == "BaseInterval[2;3]"
        assert repr(BaseInterval(0, 1, 4) << 1) == "BaseInterval[-1;0;4]"

    def test_datetime_shift_by_timedelta(self):
        assert BaseInterval(T0, T0 + H) >> H == BaseInterval(T0 + H, T0 + 2 * H)
        assert BaseInterval(T0, T0 + H) << H == BaseInterval(T0 - H, T0)


class TestUnitAndEmptyInterval:
    def test_unit_interval(self):
        assert repr(UnitInterval()) == "BaseInterval[0;1]"
        assert UnitInterval() == BaseInterval(0, 1)

    def test_empty_interval_repr_and_equality(self):
        e = EmptyInterval()
        assert repr(e) == "EmptyInterval[0;0]"
        assert isinstance(e, BaseInterval)
        assert e == BaseInterval(0, 0)
        assert hash(e) == hash(BaseInterval(0, 0))
        assert (e.start, e.stop) == (0, 0)

    def test_empty_interval_contains_zero(self):
        assert 0 in EmptyInterval()

    def test_empty_interval_has_no_length(self):
        assert EmptyInterval().get_length() == 0

    def test_empty_interval_does_not_rename_base_class(self):
        EmptyInterval()
        assert repr(BaseInterval(0, 0)) == "BaseInterval[0;0]"
        assert BaseInterval.__name__ == "BaseInterval"
