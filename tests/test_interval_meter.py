"""Public behaviour of IntervalMeter and the shared collection API (SPEC §3.4, §3.5, §8)."""

from collections import Counter
from datetime import datetime, timedelta

import pytest

from intervalues import (
    AbstractIntervalCollection,
    BaseDiscreteInterval,
    BaseInterval,
    EmptyInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)
from intervalues._engine import accel

T0 = datetime(2024, 1, 1, 9)
H = timedelta(hours=1)

M_REPR = "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}"


def make_m():
    return IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])


class TestConstruction:
    def test_sequence_is_swept(self):
        assert repr(make_m()) == M_REPR

    def test_tuple_sequence(self):
        assert repr(IntervalMeter((BaseInterval(0, 4), BaseInterval(2, 6)))) == M_REPR

    def test_empty(self):
        assert repr(IntervalMeter()) == "IntervalMeter:{}"
        assert repr(IntervalMeter([])) == "IntervalMeter:{}"
        assert len(IntervalMeter()) == 0

    def test_single_interval(self):
        assert repr(IntervalMeter(BaseInterval(0, 1, 3))) == "IntervalMeter:{BaseInterval[0;1]: 3}"

    def test_negative_values_kept(self):
        got = IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3, -1)])
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1, BaseInterval[2;3]: -1}"

    def test_cancellation_drops_pieces(self):
        assert (
            repr(IntervalMeter([BaseInterval(0, 2), BaseInterval(0, 2, -1)])) == "IntervalMeter:{}"
        )

    def test_touching_equal_values_merge(self):
        got = IntervalMeter([BaseInterval(0, 1), BaseInterval(1, 2)])
        assert repr(got) == "IntervalMeter:{BaseInterval[0;2]: 1}"

    def test_zero_length_inputs_contribute_nothing(self):
        got = IntervalMeter([BaseInterval(0, 1), BaseInterval(5, 5, 3)])
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 1}"

    def test_float_values(self):
        got = IntervalMeter([BaseInterval(0, 2, 0.5), BaseInterval(1, 3, 0.25)])
        assert (
            repr(got) == "IntervalMeter:{BaseInterval[0;1]: 0.5, BaseInterval[1;2]: 0.75, "
            "BaseInterval[2;3]: 0.25}"
        )

    def test_discrete_sequence(self):
        got = IntervalMeter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])
        assert repr(got) == (
            "IntervalMeter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;5;1]: 1}"
        )

    def test_discrete_different_lattices_side_by_side(self):
        got = IntervalMeter(
            [BaseDiscreteInterval(5, 11, step=3), BaseDiscreteInterval(0, 4, step=2)]
        )
        assert (
            repr(got)
            == "IntervalMeter:{BaseDiscreteInterval[0;4;2]: 1, BaseDiscreteInterval[5;11;3]: 1}"
        )

    def test_skip_combine_with_disjoint_input(self):
        got = IntervalMeter([BaseInterval(0, 1), BaseInterval(2, 3, 2)], skip_combine=True)
        assert got == IntervalMeter([BaseInterval(0, 1), BaseInterval(2, 3, 2)])

    @pytest.mark.skipif(not accel.available(), reason="accelerator not installed")
    def test_use_rust_gives_same_result(self):
        ivs = [BaseInterval(0.5, 2), BaseInterval(1, 3, 0.5)]
        assert IntervalMeter(ivs, use_rust=True) == IntervalMeter(ivs)
        assert IntervalMeter(ivs, use_rust=False) == IntervalMeter(ivs)

    def test_input_order_irrelevant(self):
        ivs = [BaseInterval(0, 4), BaseInterval(2, 6), BaseInterval(1, 5, 3)]
        assert repr(IntervalMeter(ivs)) == repr(IntervalMeter(ivs[::-1]))

    def test_is_collection(self):
        assert isinstance(make_m(), AbstractIntervalCollection)


class TestLookup:
    @pytest.mark.parametrize(
        "x, expected", [(3, 2), (7, 0), (1, 1), (5.5, 1), (-1, 0), (0, 1), (6, 1)]
    )
    def test_point(self, x, expected):
        assert make_m()[x] == expected

    @pytest.mark.parametrize("x, expected", [(2, 1), (4, 2)])
    def test_shared_boundary_gives_left_piece(self, x, expected):
        assert make_m()[x] == expected

    def test_interval_spanning_two_pieces_is_zero(self):
        assert make_m()[BaseInterval(1, 3)] == 0

    def test_interval_inside_one_piece(self):
        assert make_m()[BaseInterval(2.5, 3.5)] == 2
        assert make_m()[BaseInterval(2.5, 3.5, 4)] == 0.5

    def test_in(self):
        m = make_m()
        assert 3 in m
        assert 6 in m
        assert 7 not in m
        assert BaseInterval(0.5, 1.5) in m
        assert BaseInterval(5, 8) not in m

    def test_find_which_contains(self):
        assert make_m().find_which_contains(3) == BaseInterval(2, 4)
        assert make_m().find_which_contains(7) is False

    def test_find_all_containing(self):
        m = make_m()
        assert list(m.find_all_containing(3)) == [BaseInterval(2, 4, 2)]
        assert list(m.find_all_containing(2)) == [BaseInterval(0, 2), BaseInterval(2, 4, 2)]
        assert list(m.find_all_containing(9)) == []


class TestIterationAndViews:
    def test_len(self):
        assert len(make_m()) == 3

    def test_iter_yields_weighted_pieces(self):
        assert repr(list(make_m())) == "[BaseInterval[0;2], BaseInterval[2;4;2], BaseInterval[4;6]]"

    def test_keys_values_items(self):
        m = make_m()
        assert list(m.keys()) == [BaseInterval(0, 2), BaseInterval(2, 4), BaseInterval(4, 6)]
        assert list(m.values()) == [1, 2, 1]
        assert list(m.items()) == [
            (BaseInterval(0, 2), 1),
            (BaseInterval(2, 4), 2),
            (BaseInterval(4, 6), 1),
        ]

    def test_get(self):
        m = make_m()
        assert m.get(BaseInterval(2, 4)) == 2
        assert m.get(BaseInterval(9, 10)) is None
        assert m.get(BaseInterval(9, 10), 0) == 0

    def test_pop(self):
        m = make_m()
        assert m.pop(BaseInterval(2, 4)) == 2
        assert repr(m) == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[4;6]: 1}"

    def test_popitem(self):
        m = IntervalMeter(BaseInterval(0, 1, 3))
        assert m.popitem() == (BaseInterval(0, 1), 3)
        assert len(m) == 0

    def test_setdefault(self):
        m = IntervalMeter(BaseInterval(0, 1, 3))
        assert m.setdefault(BaseInterval(0, 1), 7) == 3
        assert m[0.5] == 3

    def test_clear(self):
        m = make_m()
        m.clear()
        assert repr(m) == "IntervalMeter:{}"
        assert m.is_empty

    def test_copy_is_independent(self):
        m = make_m()
        c = m.copy()
        assert c == m
        assert type(c) is IntervalMeter
        c.update(BaseInterval(0, 6))
        assert repr(m) == M_REPR

    def test_deep_copy_is_independent(self):
        m = make_m()
        c = m.deep_copy()
        assert c == m
        c.update(BaseInterval(0, 6))
        assert repr(m) == M_REPR

    def test_elements(self):
        assert list(make_m().elements()) == [
            BaseInterval(0, 2),
            BaseInterval(2, 4),
            BaseInterval(2, 4),
            BaseInterval(4, 6),
        ]

    def test_most_common(self):
        assert make_m().most_common(1) == [(BaseInterval(2, 4), 2)]

    def test_total(self):
        assert make_m().total() == 4

    def test_data_and_get_data(self):
        m = make_m()
        assert dict(m.data) == {BaseInterval(0, 2): 1, BaseInterval(2, 4): 2, BaseInterval(4, 6): 1}
        assert dict(m.get_data()) == dict(m.data)

    def test_set_data(self):
        m = make_m()
        m.set_data(Counter({BaseInterval(0, 1): 3}))
        assert repr(m) == "IntervalMeter:{BaseInterval[0;1]: 3}"


class TestCollectionBasics:
    def test_is_empty(self):
        assert IntervalMeter().is_empty is True
        assert make_m().is_empty is False

    def test_bounds(self):
        assert make_m().bounds == (0, 6)
        assert IntervalMeter().bounds is None

    def test_min_max(self):
        assert (make_m().min(), make_m().max()) == (0, 6)

    def test_as_single_interval(self):
        assert repr(make_m().as_single_interval()) == "BaseInterval[0;6]"


class TestLengths:
    def test_total_length(self):
        assert make_m().total_length() == 8
        assert make_m().get_length() == 8

    def test_get_length_of_interval(self):
        assert make_m().get_length(BaseInterval(2, 3)) == 2
        assert make_m().get_length(BaseInterval(1, 3)) == 0

    def test_support(self):
        got = make_m().support
        assert isinstance(got, IntervalSet)
        assert repr(got) == "IntervalSet:{BaseInterval[0;6]}"

    def test_support_with_gap_and_negative(self):
        got = IntervalMeter([BaseInterval(0, 1), BaseInterval(3, 4, -2)]).support
        assert repr(got) == "IntervalSet:{BaseInterval[0;1], BaseInterval[3;4]}"

    def test_coverage_length(self):
        assert make_m().coverage_length() == 6

    def test_discrete_total_length_is_zero(self):
        assert IntervalMeter([BaseDiscreteInterval(0, 3)]).total_length() == 0


class TestArithmetic:
    def test_add_interval(self):
        got = make_m() + BaseInterval(4, 9)
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;6]: 2, BaseInterval[6;9]: 1}"
        )

    def test_add_does_not_mutate(self):
        m = make_m()
        _ = m + BaseInterval(4, 9)
        assert repr(m) == M_REPR

    def test_sub_interval(self):
        assert repr(make_m() - BaseInterval(0, 6)) == "IntervalMeter:{BaseInterval[2;4]: 1}"

    def test_add_meter(self):
        got = make_m() + IntervalMeter(BaseInterval(0, 6, -1))
        assert repr(got) == "IntervalMeter:{BaseInterval[2;4]: 1}"

    def test_iadd_isub(self):
        m = make_m()
        m += BaseInterval(4, 9)
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;6]: 2, BaseInterval[6;9]: 1}"
        )
        m -= BaseInterval(4, 9)
        assert repr(m) == M_REPR

    def test_update_times(self):
        m = make_m()
        m.update(BaseInterval(0, 6), times=2)
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;2]: 3, BaseInterval[2;4]: 4, BaseInterval[4;6]: 3}"
        )

    def test_update_with_meter(self):
        m = make_m()
        m.update(IntervalMeter([BaseInterval(6, 7, 1)]))
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;7]: 1}"
        )

    def test_subtract(self):
        m = make_m()
        m.subtract(BaseInterval(0, 6))
        assert repr(m) == "IntervalMeter:{BaseInterval[2;4]: 1}"

    def test_mul(self):
        assert (
            repr(make_m() * 2)
            == "IntervalMeter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 4, BaseInterval[4;6]: 2}"
        )
        assert (
            repr(2 * make_m())
            == "IntervalMeter:{BaseInterval[0;2]: 2, BaseInterval[2;4]: 4, BaseInterval[4;6]: 2}"
        )
        assert repr(make_m() * 0.5) == (
            "IntervalMeter:{BaseInterval[0;2]: 0.5, BaseInterval[2;4]: 1.0, BaseInterval[4;6]: 0.5}"
        )

    def test_mul_zero_empties(self):
        assert repr(make_m() * 0) == "IntervalMeter:{}"

    def test_imul(self):
        m = make_m()
        m *= 3
        assert (
            repr(m)
            == "IntervalMeter:{BaseInterval[0;2]: 3, BaseInterval[2;4]: 6, BaseInterval[4;6]: 3}"
        )

    def test_neg(self):
        assert (
            repr(-make_m())
            == "IntervalMeter:{BaseInterval[0;2]: -1, BaseInterval[2;4]: -2, BaseInterval[4;6]: -1}"
        )

    def test_meter_plus_set_result_is_meter(self):
        got = IntervalMeter(BaseInterval(0, 2, 3)) + IntervalSet(BaseInterval(1, 4))
        assert type(got) is IntervalMeter
        assert repr(got) == (
            "IntervalMeter:{BaseInterval[0;1]: 3, BaseInterval[1;2]: 4, BaseInterval[2;4]: 1}"
        )

    def test_minus_itself_is_empty(self):
        assert repr(make_m() - make_m()) == "IntervalMeter:{}"

    def test_float_and_int_sum_is_float(self):
        m = IntervalMeter([BaseInterval(0, 1, 1), BaseInterval(0, 1, 0.5)])
        assert repr(m) == "IntervalMeter:{BaseInterval[0;1]: 1.5}"

    def test_interval_minus_meter(self):
        got = BaseInterval(0, 6) - make_m()
        assert repr(got) == "IntervalMeter:{BaseInterval[2;4]: -1}"


class TestEqualityHashOrdering:
    def test_equal_whatever_the_construction(self):
        assert make_m() == IntervalMeter(
            [BaseInterval(0, 2), BaseInterval(2, 4, 2), BaseInterval(4, 6)]
        )

    def test_meter_not_equal_counter(self):
        assert make_m() != IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)])

    def test_one_piece_meter_equals_interval_only_with_weight_one(self):
        assert IntervalMeter(BaseInterval(0, 1)) == BaseInterval(0, 1)
        assert IntervalMeter(BaseInterval(0, 1, 2)) != BaseInterval(0, 1, 2)
        assert hash(IntervalMeter(BaseInterval(0, 1))) == hash(BaseInterval(0, 1))

    def test_single_piece_meter_and_counter_differ(self):
        assert IntervalMeter(BaseInterval(0, 1)) != IntervalCounter(BaseInterval(0, 1))

    def test_empty_interval_is_the_zero_length_interval_it_is(self):
        # a meter gives a zero-length interval no weight; a set keeps it as the point
        # [0;0], as 0.4.0's IntervalSet(EmptyInterval()) does
        assert repr(IntervalMeter(EmptyInterval())) == "IntervalMeter:{}"
        assert repr(IntervalSet(EmptyInterval())) == "IntervalSet:{BaseInterval[0;0]}"
        assert IntervalSet(EmptyInterval()) == IntervalSet([BaseInterval(0, 0)])

    def test_hash_order_independent(self):
        a = IntervalMeter([BaseInterval(0, 1), BaseInterval(2, 3, 2)])
        b = IntervalMeter([BaseInterval(2, 3, 2), BaseInterval(0, 1)])
        assert a == b
        assert hash(a) == hash(b)

    def test_ordering(self):
        assert IntervalMeter(BaseInterval(0, 1)) < IntervalMeter(BaseInterval(0, 2))
        assert IntervalMeter(BaseInterval(0, 1)) <= IntervalMeter(BaseInterval(0, 1))
        assert IntervalMeter(BaseInterval(0, 1, 2)) > IntervalMeter(BaseInterval(0, 1))
        assert IntervalMeter(BaseInterval(1, 2)) >= IntervalMeter(BaseInterval(0, 5))


class TestConversions:
    def test_as_set(self):
        assert repr(make_m().as_set()) == "IntervalSet:{BaseInterval[0;6]}"

    def test_as_counter(self):
        assert repr(make_m().as_counter()) == (
            "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;4]: 2, BaseInterval[4;6]: 1}"
        )

    def test_as_list(self):
        got = make_m().as_list()
        assert isinstance(got, IntervalList)
        assert (
            repr(got) == "IntervalList:[BaseInterval[0;2], BaseInterval[2;4;2], BaseInterval[4;6]]"
        )

    def test_as_meter(self):
        assert make_m().as_meter() == make_m()

    def test_as_my_type(self):
        got = IntervalMeter.as_my_type(BaseInterval(0, 1, 3))
        assert repr(got) == "IntervalMeter:{BaseInterval[0;1]: 3}"


class TestDatetime:
    def test_spec_example(self):
        m = IntervalMeter([BaseInterval(T0, T0 + 2 * H), BaseInterval(T0 + H, T0 + 3 * H)])
        assert list(m.items()) == [
            (BaseInterval(T0, T0 + H), 1),
            (BaseInterval(T0 + H, T0 + 2 * H), 2),
            (BaseInterval(T0 + 2 * H, T0 + 3 * H), 1),
        ]
        assert m.total_length() == timedelta(seconds=14400)
        assert m[T0 + 1.5 * H] == 2
        assert m[T0 + 5 * H] == 0

    def test_discrete_datetime_points(self):
        m = IntervalMeter(
            [
                BaseDiscreteInterval(T0, count=4, step=H),
                BaseDiscreteInterval(T0 + 2 * H, count=3, step=H),
            ]
        )
        assert [m[T0 + k * H] for k in range(6)] == [1, 1, 2, 2, 1, 0]
        assert m[T0 + 0.5 * H] == 0
        assert m.support_point_count() == 5

    def test_repr_uses_str_of_datetimes(self):
        m = IntervalMeter(BaseInterval(T0, T0 + H, 2))
        assert repr(m) == f"IntervalMeter:{{BaseInterval[{T0};{T0 + H}]: 2}}"


def _int_intervals(max_size=12):
    from hypothesis import strategies as st

    return st.lists(
        st.tuples(st.integers(-20, 20), st.integers(0, 8), st.integers(-3, 3)).map(
            lambda t: BaseInterval(t[0], t[0] + t[1], t[2])
        ),
        max_size=max_size,
    )


def _discrete_intervals(max_size=8):
    from hypothesis import strategies as st

    return st.lists(
        st.tuples(
            st.integers(-10, 10), st.integers(1, 6), st.integers(1, 3), st.integers(-2, 3)
        ).map(lambda t: BaseDiscreteInterval(t[0], count=t[1], step=t[2], value=t[3])),
        max_size=max_size,
    )


class TestIncrementalEqualsBulkProperties:
    from hypothesis import given, settings

    @settings(max_examples=80, deadline=None)
    @given(_int_intervals())
    def test_update_one_by_one_equals_constructor(self, ivs):
        built = IntervalMeter()
        for iv in ivs:
            built.update(iv)
        assert repr(built) == repr(IntervalMeter(ivs))
        # a set is a union, not a sum: compare with positive-valued input only
        positive = [iv for iv in ivs if iv.value > 0]
        built_set = IntervalSet()
        for iv in positive:
            built_set.update(iv)
        assert repr(built_set) == repr(IntervalSet(positive))
        # counters: positive int counts never truncate, so one-by-one equals bulk
        built_counter = IntervalCounter()
        for iv in positive:
            built_counter.update(iv)
        assert repr(built_counter) == repr(IntervalCounter(positive))

    @settings(max_examples=80, deadline=None)
    @given(_int_intervals(), _int_intervals())
    def test_add_sub_mul(self, a, b):
        ma, mb = IntervalMeter(a), IntervalMeter(b)
        assert repr(ma + mb) == repr(IntervalMeter(a + b))
        assert repr(ma - mb) == repr(IntervalMeter(a + [-iv for iv in b]))
        assert repr(ma + ma) == repr(ma * 2)
        assert repr(ma - ma) == "IntervalMeter:{}"

    @settings(max_examples=80, deadline=None)
    @given(_discrete_intervals())
    def test_discrete_lookup_matches_brute_force(self, ivs):
        m = IntervalMeter(ivs)
        for x in range(-12, 32):
            expected = sum(
                iv.value for iv in ivs for k in range(iv.count) if iv.start + k * iv.step == x
            )
            assert m[x] == expected, x

    @settings(max_examples=80, deadline=None)
    @given(_discrete_intervals(), _discrete_intervals())
    def test_discrete_add_equals_bulk(self, a, b):
        assert repr(IntervalMeter(a) + IntervalMeter(b)) == repr(IntervalMeter(a + b))
        built = IntervalMeter()
        for iv in a:
            built.update(iv)
        assert repr(built) == repr(IntervalMeter(a))
