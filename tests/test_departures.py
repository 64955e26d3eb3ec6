"""One class per deliberate departure from the reference 0.4.0 release (DEPARTURES.md).

Every test here fails on the reference release (see the evidence snippets in
DEPARTURES.md) and passes on ours.
"""

import random

import pytest

import intervalues
from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    EmptyInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)


class TestW1DiscreteCollectionsAddPerLattice:
    EXPECTED = (
        "{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
        "BaseDiscreteInterval[4;5;1]: 1}"
    )

    def test_adding_discrete_meters_is_not_continuous_garbage(self):
        got = IntervalMeter([BaseDiscreteInterval(0, 3)]) + IntervalMeter(
            [BaseDiscreteInterval(2, 5)]
        )
        assert repr(got) == "IntervalMeter:" + self.EXPECTED
        assert got == IntervalMeter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])

    def test_adding_discrete_counters(self):
        got = IntervalCounter([BaseDiscreteInterval(0, 3)]) + IntervalCounter(
            [BaseDiscreteInterval(2, 5)]
        )
        assert repr(got) == "IntervalCounter:" + self.EXPECTED

    def test_meter_plus_discrete_interval(self):
        got = IntervalMeter([BaseDiscreteInterval(0, 3)]) + BaseDiscreteInterval(2, 5)
        assert repr(got) == "IntervalMeter:" + self.EXPECTED

    def test_update_discrete_meter(self):
        m = IntervalMeter([BaseDiscreteInterval(0, 3)])
        m.update(IntervalMeter([BaseDiscreteInterval(2, 5)]))
        assert repr(m) == "IntervalMeter:" + self.EXPECTED

    def test_iadd_discrete_counter(self):
        c = IntervalCounter([BaseDiscreteInterval(0, 3)])
        c += BaseDiscreteInterval(2, 5)
        assert repr(c) == "IntervalCounter:" + self.EXPECTED

    def test_different_lattices_added(self):
        a = IntervalMeter([BaseDiscreteInterval(0, 4, step=2)])
        b = IntervalMeter([BaseDiscreteInterval(10, 16, step=3)])
        assert a + b == IntervalMeter(
            [BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(10, 16, step=3)]
        )
        assert (a + b).total_length() == 0


class TestW4UpdatesAndLookups:
    """W4's speed (updates not quadratic, lookups logarithmic) is measured in
    ``benchmarks/run.py`` (section 6); here: the answers of many updates and lookups."""

    def test_10k_updates_equal_one_build_and_lookups_match_brute_force(self):
        rng = random.Random(4)
        ivs = []
        for _ in range(10_000):
            s = rng.uniform(0, 1000)
            ivs.append(BaseInterval(s, s + rng.uniform(0, 10), rng.randint(1, 5)))
        m = IntervalMeter()
        for iv in ivs:
            m.update(iv)
        m._check()
        assert m == IntervalMeter(ivs)
        xs = [rng.uniform(-5, 1015) for _ in range(2_000)]
        got = [m[x] for x in xs]
        for x, v in list(zip(xs, got, strict=True))[:200]:
            left = sum(iv.value for iv in ivs if iv.start < x <= iv.stop)
            right = sum(iv.value for iv in ivs if iv.start <= x < iv.stop)
            assert v == (left if left != 0 else right)


class TestW5CounterMinusIntervalSubtracts:
    def make(self):
        return IntervalCounter([BaseInterval(0, 2), BaseInterval(1, 3)])

    def test_counter_minus_interval_is_not_a_no_op(self):
        assert repr(self.make() - BaseInterval(0, 3)) == "IntervalCounter:{BaseInterval[1;2]: 1}"
        assert self.make() - BaseInterval(0, 3) == self.make() - IntervalCounter(BaseInterval(0, 3))

    def test_subtract_method(self):
        c = self.make()
        c.subtract(BaseInterval(0, 3))
        assert repr(c) == "IntervalCounter:{BaseInterval[1;2]: 1}"

    def test_isub(self):
        c = self.make()
        c -= BaseInterval(0, 3)
        assert repr(c) == "IntervalCounter:{BaseInterval[1;2]: 1}"

    def test_partial_overlap(self):
        assert repr(self.make() - BaseInterval(1.5, 2.5)) == (
            "IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[1;1.5]: 2, "
            "BaseInterval[1.5;2]: 1, "
            "BaseInterval[2.5;3]: 1}"
        )


class TestW6CanonicalFormAndLeftBoundaryLookup:
    def test_update_gives_same_representation_as_constructor(self):
        a = IntervalMeter(BaseInterval(0, 1))
        a.update(BaseInterval(1, 2))
        b = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2)])
        assert repr(a) == repr(b) == "IntervalMeter:{BaseInterval[0;2]: 1}"
        assert a == b

    def test_boundary_lookup_independent_of_insertion_order(self):
        x = IntervalMeter(BaseInterval(1, 2, 3))
        x.update(BaseInterval(0, 1))
        y = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2, 3)])
        assert x == y
        assert x[1] == y[1] == 1

    def test_zero_length_query_at_boundary_does_not_sum_neighbours(self):
        y = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2, 3)])
        assert y[BaseInterval(1, 1)] == 1

    def test_pieces_sorted_after_updates(self):
        m = IntervalMeter(BaseInterval(5, 6))
        m.update(BaseInterval(0, 1, 2))
        m.update(BaseInterval(2, 3))
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;1]: 2, BaseInterval[2;3]: 1, BaseInterval[5;6]: 1}"
        )


class TestW7BothOperandsCount:
    def test_interval_minus_set(self):
        got = BaseInterval(0, 5) - IntervalSet(BaseInterval(1, 2))
        assert repr(got) == "IntervalSet:{BaseInterval[0;1], BaseInterval[2;5]}"

    def test_interval_minus_counter(self):
        got = BaseInterval(0, 5) - IntervalCounter(BaseInterval(1, 2))
        assert repr(got) == "IntervalCounter:{BaseInterval[0;1]: 1, BaseInterval[2;5]: 1}"

    def test_set_xor_interval(self):
        assert repr(IntervalSet(BaseInterval(0, 1)) ^ BaseInterval(0, 1)) == "IntervalSet:set()"
        assert repr(IntervalSet(BaseInterval(0, 2)) ^ BaseInterval(1, 3)) == (
            "IntervalSet:{BaseInterval[0;1], BaseInterval[2;3]}"
        )

    def test_set_plus_meter_uses_meter(self):
        s = IntervalSet(BaseInterval(0, 5))
        m = IntervalMeter([BaseInterval(4, 8, -3)])
        got = s + m
        assert type(got) is IntervalSet
        assert repr(got) == "IntervalSet:{BaseInterval[0;4]}"

    def test_set_plus_positive_meter(self):
        got = IntervalSet(BaseInterval(0, 5)) + IntervalMeter([BaseInterval(4, 8, 2)])
        assert repr(got) == "IntervalSet:{BaseInterval[0;8]}"


class TestW8DiscretePlusContinuousRaises:
    def test_discrete_plus_continuous(self):
        with pytest.raises(TypeError):
            BaseDiscreteInterval(0, 3) + BaseInterval(0, 3)

    def test_continuous_plus_discrete(self):
        with pytest.raises(TypeError):
            BaseInterval(0, 3) + BaseDiscreteInterval(0, 3)

    def test_meter_plus_other_kind(self):
        with pytest.raises(TypeError):
            IntervalMeter(BaseInterval(0, 3)) + BaseDiscreteInterval(0, 3)
        with pytest.raises(TypeError):
            IntervalMeter([BaseDiscreteInterval(0, 3)]) + BaseInterval(0, 3)

    def test_discrete_minus_continuous(self):
        with pytest.raises(TypeError):
            BaseDiscreteInterval(0, 3) - BaseInterval(0, 3)


class TestW9ListKeepsEveryRecord:
    def test_append_keeps_discrete_zero_valued_zero_length(self):
        lst = IntervalList()
        lst.append(BaseDiscreteInterval(0, 3))
        lst.append(BaseInterval(0, 1, 0))
        lst.append(BaseInterval(2, 2))
        assert (
            repr(lst)
            == "IntervalList:[BaseDiscreteInterval[0;3;1], BaseInterval[0;1;0], BaseInterval[2;2]]"
        )

    def test_extend_keeps_records(self):
        lst = IntervalList()
        lst.extend(IntervalList([BaseDiscreteInterval(0, 3), BaseInterval(2, 2)]))
        assert repr(lst) == "IntervalList:[BaseDiscreteInterval[0;3;1], BaseInterval[2;2]]"

    def test_plus_keeps_records(self):
        got = IntervalList() + BaseDiscreteInterval(0, 3)
        assert repr(got) == "IntervalList:[BaseDiscreteInterval[0;3;1]]"
        got = IntervalList(BaseInterval(0, 1)) + BaseInterval(5, 5)
        assert repr(got) == "IntervalList:[BaseInterval[0;1], BaseInterval[5;5]]"

    def test_append_matches_constructor(self):
        lst = IntervalList()
        lst.append(BaseDiscreteInterval(0, 3))
        assert lst == IntervalList([BaseDiscreteInterval(0, 3)])


class TestW10AnyIterableAndTuples:
    def test_set_of_intervals(self):
        got = IntervalMeter({BaseInterval(0, 1), BaseInterval(2, 3)})
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[2;3]: 1}"

    def test_generator(self):
        got = IntervalSet(iv for iv in [BaseInterval(0, 1)])
        assert repr(got) == "IntervalSet:{BaseInterval[0;1]}"

    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet, IntervalList])
    def test_generator_every_collection(self, cls):
        assert cls(iv for iv in [BaseInterval(0, 1), BaseInterval(3, 4)]) == cls(
            [BaseInterval(0, 1), BaseInterval(3, 4)]
        )

    def test_tuples_as_intervals(self):
        assert IntervalMeter([(0, 1)]) == IntervalMeter([BaseInterval(0, 1)])
        assert repr(IntervalMeter([(0, 2), (1, 3, 2)])) == (
            "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 3, BaseInterval[2;3]: 2}"
        )
        assert repr(IntervalSet([(0, 1), (1, 2)])) == "IntervalSet:{BaseInterval[0;2]}"

    def test_tuple_in_update(self):
        m = IntervalMeter(BaseInterval(0, 1))
        m.update((1, 2, 2))
        assert repr(m) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2}"

    def test_combine_intervals_generator(self):
        got = intervalues.combine_intervals(iv for iv in [BaseInterval(0, 2), BaseInterval(1, 3)])
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}"
        )


class TestW11OneRuleForSingleAndSequence:
    @pytest.mark.parametrize(
        "cls, iv, expected",
        [
            (IntervalMeter, BaseInterval(0, 1, 0), "IntervalMeter:{}"),
            (IntervalSet, BaseInterval(0, 1, -1), "IntervalSet:set()"),
            (IntervalCounter, BaseInterval(0, 1, 0.5), "IntervalCounter:{}"),
        ],
    )
    def test_single_interval_matches_one_element_list(self, cls, iv, expected):
        assert repr(cls(iv)) == expected
        assert repr(cls([iv])) == expected

    def test_no_count_zero_pieces_and_runs_merged(self):
        got = IntervalCounter(
            [BaseDiscreteInterval(0, 3, value=0.5), BaseDiscreteInterval(2, 5, value=2)]
        )
        assert repr(got) == "IntervalCounter:{BaseDiscreteInterval[2;5;1]: 2}"

    def test_zero_length_single_interval(self):
        assert repr(IntervalMeter(BaseInterval(1, 1, 5))) == repr(
            IntervalMeter([BaseInterval(1, 1, 5)])
        )


class TestW12ExactFloatSums:
    def test_cancellation_residue_dropped(self):
        got = IntervalMeter(
            [BaseInterval(0, 1, 0.1), BaseInterval(0, 1, 0.2), BaseInterval(0, 1, -0.3)]
        )
        assert repr(got) == "IntervalMeter:{}"

    def test_near_equal_neighbours_merge(self):
        got = IntervalMeter(
            [BaseInterval(0, 1, 0.3), BaseInterval(1, 2, 0.1), BaseInterval(1, 2, 0.2)]
        )
        assert repr(got) == "IntervalMeter:{BaseInterval[0;2]: 0.3}"

    def test_sum_independent_of_order(self):
        ivs = [BaseInterval(0, 1, 1e16), BaseInterval(0, 1, 1.0), BaseInterval(0, 1, -1e16)]
        for perm in (ivs, ivs[::-1], [ivs[1], ivs[0], ivs[2]]):
            assert repr(IntervalMeter(perm)) == "IntervalMeter:{BaseInterval[0;1]: 1.0}"

    def test_update_path_also_exact(self):
        m = IntervalMeter(BaseInterval(0, 1, 0.1))
        m.update(BaseInterval(0, 1, 0.2))
        m.update(BaseInterval(0, 1, -0.3))
        assert repr(m) == "IntervalMeter:{}"


class TestW13WeightTypes:
    def test_elements_with_int_weights_after_sweep(self):
        got = list(IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)]).elements())
        assert got == [
            BaseInterval(0, 1),
            BaseInterval(1, 2),
            BaseInterval(1, 2),
            BaseInterval(2, 3),
        ]

    def test_single_and_sequence_same_weight_type(self):
        assert repr(IntervalMeter(BaseInterval(0, 1))) == "IntervalMeter:{BaseInterval[0;1]: 1}"
        assert repr(IntervalMeter([BaseInterval(0, 1)])) == "IntervalMeter:{BaseInterval[0;1]: 1}"

    def test_int_sums_stay_int(self):
        m = IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)])
        assert [type(v) for v in m.values()] == [int, int, int]
        assert type(m[1.5]) is int
        assert type(m.pop(BaseInterval(1, 2))) is int
        assert type(m.most_common(1)[0][1]) is int

    def test_big_int_sums_exact(self):
        m = IntervalMeter([BaseInterval(0, 1, 10**30), BaseInterval(0, 1, 1)])
        assert list(m.values()) == [10**30 + 1]

    def test_total_length_int(self):
        assert repr(IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)]).total_length()) == "4"


class TestW14SelfMinusSelfIsEmpty:
    def test_interval_minus_itself(self):
        got = BaseInterval(0, 2) - BaseInterval(0, 2)
        assert repr(got) == "EmptyInterval[0;0]"
        assert got == EmptyInterval()

    def test_weighted_interval_minus_itself(self):
        assert repr(BaseInterval(1, 4, 3) - BaseInterval(1, 4, 3)) == "EmptyInterval[0;0]"


class TestW15ClearErrors:
    def test_string_bounds_type_error_not_index_error(self):
        with pytest.raises(TypeError, match=r"start|stop|loc"):
            BaseInterval("a", "b")

    def test_tuple_records_accepted_object_records_type_error(self):
        assert IntervalMeter([(0, 1)]) == IntervalMeter(BaseInterval(0, 1))
        with pytest.raises(TypeError):
            IntervalMeter([object()])

    def test_mul_by_string_is_invalid_type_error(self):
        with pytest.raises(intervalues.InvalidTypeError):
            BaseInterval(0, 1) * "2"

    def test_in_with_string_is_invalid_type_error(self):
        with pytest.raises(intervalues.InvalidTypeError):
            "x" in IntervalSet(BaseInterval(0, 1))  # noqa: B015

    def test_bool_bound_rejected(self):
        with pytest.raises(TypeError, match=r"start|stop|loc"):
            BaseInterval(True, 2)

    def test_nan_value_rejected(self):
        with pytest.raises(ValueError, match="value"):
            BaseInterval(0, 1, float("nan"))

    def test_string_value_rejected(self):
        with pytest.raises(TypeError, match="value"):
            BaseInterval(0, 1, "a")


class TestW17CollectionsDoNotShareCallerObjects:
    def test_single_interval_meter(self):
        iv = BaseInterval(0, 1)
        m = IntervalMeter(iv)
        iv.start = -5
        assert repr(m) == "IntervalMeter:{BaseInterval[0;1]: 1}"

    def test_list(self):
        iv = BaseInterval(0, 1)
        lst = IntervalList([iv])
        iv.set_value(5)
        assert repr(lst) == "IntervalList:[BaseInterval[0;1]]"

    def test_list_append(self):
        iv = BaseInterval(0, 1)
        lst = IntervalList()
        lst.append(iv)
        iv.mult_value(3)
        assert repr(lst) == "IntervalList:[BaseInterval[0;1]]"

    def test_mutating_returned_keys_does_not_corrupt(self):
        m = IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)])
        for k in list(m.keys()):
            k.set_value(7)
            k.stop = 100
        for piece in m:
            piece.start = -100
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[1;2]: 2, BaseInterval[2;3]: 1}"
        )
        assert m[1.5] == 2


class TestW19DiscreteStepsAndTolerance:
    def test_float_step_exact_in_decimal(self):
        d = BaseDiscreteInterval(0.1, 0.7, step=0.2)
        assert repr(d) == "BaseDiscreteInterval[0.1;0.7;0.2]"
        assert d.stop == 0.7
        assert d.count == 4

    def test_tolerance_relative_to_small_step(self):
        d = BaseDiscreteInterval(0, count=5, step=1e-9)
        assert 2e-9 in d
        assert 5e-10 not in d
        assert 1.5e-9 not in d

    def test_tolerance_relative_to_large_step(self):
        d = BaseDiscreteInterval(0, 4_000_000, step=1_000_000)
        assert 1_000_000.5 in d
        assert d[1_000_000.5] == 1


class TestWholeFloatsAreExactIntegers:
    """Regression: a huge whole float was read through its repr and left a residue."""

    def test_big_whole_float_cancels_the_equal_int(self):
        m = IntervalMeter([BaseInterval(0, 1, 2**64), BaseInterval(0, 1, -(2.0**64))])
        assert m == IntervalMeter()

    def test_big_whole_float_difference_of_meters(self):
        a = IntervalMeter([BaseInterval(0, 1, 2**64)])
        assert (a - IntervalMeter([BaseInterval(0, 1, 2.0**64)])).is_empty

    def test_fractional_floats_still_read_as_decimals(self):
        m = IntervalMeter([BaseInterval(0, 1, 0.1), BaseInterval(0, 1, 0.2)])
        assert list(m) == [BaseInterval(0, 1, 0.3)]
