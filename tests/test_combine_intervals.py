"""combine_intervals* functions and combine_via_rust (SPEC §3.11, §6 as amended by W2)."""

from datetime import datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
    combine_intervals,
    combine_intervals_counter,
    combine_intervals_counter_discrete,
    combine_intervals_meter,
    combine_intervals_meter_discrete,
    combine_intervals_set,
    combine_intervals_set_discrete,
    combine_via_rust,
)
from intervalues._engine import accel

CONT = [BaseInterval(0, 3), BaseInterval(2, 5)]
DISC = [BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)]


class TestCombineIntervals:
    def test_counter_example(self):
        got = combine_intervals(CONT, combined_type="counter")
        assert type(got) is IntervalCounter
        assert (
            repr(got)
            == "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}"
        )

    def test_default_is_meter(self):
        got = combine_intervals(CONT)
        assert type(got) is IntervalMeter
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}"
        )

    def test_set(self):
        got = combine_intervals(CONT, combined_type="set")
        assert type(got) is IntervalSet
        assert repr(got) == "IntervalSet:{BaseInterval[0;5]}"

    def test_empty(self):
        assert repr(combine_intervals([])) == "IntervalMeter:{}"

    def test_discrete_dispatch(self):
        got = combine_intervals(DISC)
        assert repr(got) == (
            "IntervalMeter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;5;1]: 1}"
        )
        assert (
            repr(combine_intervals(DISC, combined_type="set"))
            == "IntervalSet:{BaseDiscreteInterval[0;5;1]}"
        )

    @pytest.mark.parametrize(
        "target, expected",
        [
            (
                IntervalMeter,
                "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}",
            ),
            (
                IntervalCounter,
                "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, "
                "BaseInterval[3;5]: 1}",
            ),
            (IntervalSet, "IntervalSet:{BaseInterval[0;5]}"),
        ],
    )
    def test_object_exists_is_filled_by_its_type(self, target, expected):
        obj = target()
        combine_intervals(CONT, object_exists=obj)
        assert repr(obj) == expected

    def test_matches_constructor(self):
        ivs = [BaseInterval(0, 4, 2), BaseInterval(1, 2, -1), BaseInterval(3, 9, 0.5)]
        assert combine_intervals(ivs) == IntervalMeter(ivs)
        assert combine_intervals(ivs, combined_type="counter") == IntervalCounter(ivs)
        assert combine_intervals(ivs, combined_type="set") == IntervalSet(ivs)


class TestContinuousCombiners:
    def test_meter(self):
        assert repr(combine_intervals_meter(CONT)) == (
            "IntervalMeter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}"
        )

    def test_counter(self):
        got = combine_intervals_counter([BaseInterval(0, 3, 1.5), BaseInterval(2, 5)])
        assert (
            repr(got)
            == "IntervalCounter:{BaseInterval[0;2]: 1, BaseInterval[2;3]: 2, BaseInterval[3;5]: 1}"
        )

    def test_set(self):
        assert repr(combine_intervals_set([*CONT, BaseInterval(7, 8)])) == (
            "IntervalSet:{BaseInterval[0;5], BaseInterval[7;8]}"
        )

    def test_object_exists(self):
        m = IntervalMeter()
        combine_intervals_meter(CONT, object_exists=m)
        assert m == IntervalMeter(CONT)

    def test_datetime(self):
        t0 = datetime(2024, 1, 1)
        h = timedelta(hours=1)
        got = combine_intervals_meter(
            [BaseInterval(t0, t0 + 2 * h), BaseInterval(t0 + h, t0 + 3 * h)]
        )
        assert list(got.values()) == [1, 2, 1]
        assert got.bounds == (t0, t0 + 3 * h)


class TestDiscreteCombiners:
    def test_set_discrete(self):
        assert (
            repr(combine_intervals_set_discrete(DISC))
            == "IntervalSet:{BaseDiscreteInterval[0;5;1]}"
        )

    def test_meter_discrete(self):
        assert repr(combine_intervals_meter_discrete(DISC)) == (
            "IntervalMeter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;5;1]: 1}"
        )

    def test_counter_discrete(self):
        assert repr(combine_intervals_counter_discrete(DISC)) == (
            "IntervalCounter:{BaseDiscreteInterval[0;1;1]: 1, BaseDiscreteInterval[2;3;1]: 2, "
            "BaseDiscreteInterval[4;5;1]: 1}"
        )

    def test_counter_discrete_drops_zero_counts(self):
        got = combine_intervals_counter_discrete(
            [BaseDiscreteInterval(0, 3, value=0.5), BaseDiscreteInterval(2, 5, value=2)]
        )
        assert repr(got) == "IntervalCounter:{BaseDiscreteInterval[2;5;1]: 2}"


class TestCombineViaRust:
    def test_equals_meter_no_rounding_by_default(self):
        ivs = [BaseInterval(0.1, 0.3), BaseInterval(0.2, 0.4)]
        got = combine_via_rust(ivs)
        assert type(got) is IntervalMeter
        assert got == IntervalMeter(ivs)
        assert repr(got) == (
            "IntervalMeter:{BaseInterval[0.1;0.2]: 1, BaseInterval[0.2;0.3]: 2, "
            "BaseInterval[0.3;0.4]: 1}"
        )

    def test_float_values_accepted(self):
        assert (
            repr(combine_via_rust([BaseInterval(0, 2, 0.5)]))
            == "IntervalMeter:{BaseInterval[0;2]: 0.5}"
        )

    def test_nr_digits_none_is_default(self):
        ivs = [BaseInterval(1000000.25, 1000000.75), BaseInterval(1000000.5, 1000001)]
        assert combine_via_rust(ivs, nr_digits=None) == combine_via_rust(ivs) == IntervalMeter(ivs)
        assert repr(combine_via_rust(ivs)) == (
            "IntervalMeter:{BaseInterval[1000000.25;1000000.5]: 1, "
            "BaseInterval[1000000.5;1000000.75]: 2, "
            "BaseInterval[1000000.75;1000001]: 1}"
        )

    def test_nr_digits_rounds_coordinates_and_values(self):
        got = combine_via_rust([BaseInterval(0.5, 2.25, 0.3)], nr_digits=1)
        assert repr(got) == f"IntervalMeter:{{BaseInterval[0.5;{round(2.25, 1)}]: 0.3}}"
        assert got == IntervalMeter([BaseInterval(0.5, 2.2, 0.3)])

    def test_nr_digits_rounding_like_python_round(self):
        ivs = [BaseInterval(0.123, 0.456, 1.049), BaseInterval(0.3, 0.9, 2)]
        rounded = [
            BaseInterval(round(iv.start, 2), round(iv.stop, 2), round(iv.value, 2)) for iv in ivs
        ]
        assert combine_via_rust(ivs, nr_digits=2) == IntervalMeter(rounded)

    def test_nr_digits_zero(self):
        got = combine_via_rust([BaseInterval(0.4, 2.6)], nr_digits=0)
        assert got == IntervalMeter(BaseInterval(0, 3))
        assert repr(got) == "IntervalMeter:{BaseInterval[0.0;3.0]: 1}"

    def test_big_ints_exact(self):
        got = combine_via_rust([BaseInterval(2**63, 2**63 + 3)])
        assert (
            repr(got) == "IntervalMeter:{BaseInterval[9223372036854775808;9223372036854775811]: 1}"
        )

    def test_big_int_values_exact(self):
        got = combine_via_rust([BaseInterval(0, 1, 2**70), BaseInterval(0, 1, 1)])
        assert list(got.values()) == [2**70 + 1]

    def test_discrete_input(self):
        assert combine_via_rust(DISC) == IntervalMeter(DISC)

    def test_datetime_input(self):
        t0 = datetime(2024, 1, 1)
        ivs = [
            BaseInterval(t0, t0 + timedelta(hours=2)),
            BaseInterval(t0 + timedelta(hours=1), t0 + timedelta(hours=3)),
        ]
        assert combine_via_rust(ivs) == IntervalMeter(ivs)

    def test_merges_touching_and_drops_zero(self):
        assert (
            repr(combine_via_rust([BaseInterval(0, 1), BaseInterval(1, 2)]))
            == "IntervalMeter:{BaseInterval[0;2]: 1}"
        )
        assert (
            repr(combine_via_rust([BaseInterval(0, 1), BaseInterval(0, 1, -1)]))
            == "IntervalMeter:{}"
        )

    @pytest.mark.skipif(not accel.available(), reason="accelerator not installed")
    def test_meter_use_rust_with_nr_digits_matches(self):
        ivs = [BaseInterval(0.123, 0.456, 1.049), BaseInterval(0.3, 0.9, 2)]
        assert IntervalMeter(ivs, use_rust=True, nr_digits=2) == combine_via_rust(ivs, nr_digits=2)


ints = st.integers(min_value=-50, max_value=50)
int_intervals = st.lists(
    st.tuples(
        ints, st.integers(min_value=0, max_value=20), st.integers(min_value=-3, max_value=3)
    ).map(lambda t: BaseInterval(t[0], t[0] + t[1], t[2])),
    max_size=25,
)
floats = st.floats(min_value=-1e6, max_value=1e6, allow_nan=False, allow_infinity=False)
float_intervals = st.lists(
    st.tuples(
        floats, st.floats(min_value=0, max_value=1e3), st.floats(min_value=-10, max_value=10)
    ).map(lambda t: BaseInterval(t[0], t[0] + t[1], t[2])),
    max_size=15,
)


class TestCombineProperties:
    @settings(max_examples=60, deadline=None)
    @given(int_intervals)
    def test_via_rust_equals_meter_ints(self, ivs):
        assert combine_via_rust(ivs) == IntervalMeter(ivs)
        assert repr(combine_via_rust(ivs)) == repr(IntervalMeter(ivs))

    @settings(max_examples=60, deadline=None)
    @given(float_intervals)
    def test_via_rust_equals_meter_floats(self, ivs):
        assert repr(combine_via_rust(ivs)) == repr(IntervalMeter(ivs))

    @settings(max_examples=60, deadline=None)
    @given(int_intervals, st.randoms(use_true_random=False))
    def test_order_independent(self, ivs, rnd):
        shuffled = list(ivs)
        rnd.shuffle(shuffled)
        assert repr(IntervalMeter(shuffled)) == repr(IntervalMeter(ivs))
        assert repr(IntervalCounter(shuffled)) == repr(IntervalCounter(ivs))
        assert repr(IntervalSet(shuffled)) == repr(IntervalSet(ivs))

    @settings(max_examples=60, deadline=None)
    @given(
        int_intervals,
        st.lists(st.integers(min_value=-60, max_value=80).map(lambda v: v / 2), max_size=20),
    )
    def test_meter_lookup_matches_brute_force(self, ivs, xs):
        m = IntervalMeter(ivs)
        for x in xs:
            # value just left of x wins at a shared boundary; at a left edge the piece to the right
            left = sum(iv.value for iv in ivs if iv.start < x <= iv.stop)
            right = sum(iv.value for iv in ivs if iv.start <= x < iv.stop)
            assert m[x] == (left if left != 0 else right)

    @settings(max_examples=60, deadline=None)
    @given(int_intervals)
    def test_canonical_form(self, ivs):
        m = IntervalMeter(ivs)
        m._check()
        assert all(type(v) is int for v in m.values())
