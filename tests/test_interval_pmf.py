"""IntervalPmf (SPEC §3.10, §7 pmf rows, W18 value equality)."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from intervalues import BaseDiscreteInterval, BaseInterval, IntervalMeter
from intervalues.interval_pmf import IntervalPmf


def make_pm() -> IntervalPmf:
    return IntervalPmf([BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(2, 3, value=2)])


class TestSpecExamples:
    def test_masses(self):
        pm = make_pm()
        assert pm.items() == [(0, 1 / 7), (2, 3 / 7), (3, 2 / 7), (4, 1 / 7)]

    def test_repr_sorted(self):
        assert repr(make_pm()) == (
            "IntervalPmf:{0: 0.14285714285714285, 2: 0.42857142857142855, "
            "3: 0.2857142857142857, 4: 0.14285714285714285}"
        )
        assert str(make_pm()) == repr(make_pm())

    def test_cumulative_and_inverse(self):
        pm = make_pm()
        assert pm.cumulative(2) == pytest.approx(4 / 7)
        assert pm.cumulative(2) == 0.5714285714285714
        assert pm.inverse_cumulative(0.5) == 2

    def test_as_pmf(self):
        pm = BaseDiscreteInterval(1, 7, step=3).as_pmf()
        assert isinstance(pm, IntervalPmf)
        assert repr(pm) == (
            "IntervalPmf:{1: 0.3333333333333333, 4: 0.3333333333333333, 7: 0.3333333333333333}"
        )

    def test_as_pmf_keeps_value_scaling(self):
        assert BaseDiscreteInterval(0, 1, value=5).as_pmf() == IntervalPmf(
            BaseDiscreteInterval(0, 1)
        )


class TestAccess:
    def test_data_is_read_only(self):
        pm = make_pm()
        assert dict(pm.data) == {0: 1 / 7, 2: 3 / 7, 3: 2 / 7, 4: 1 / 7}
        assert list(pm.data) == [0, 2, 4, 3]  # the order the intervals gave, as 0.4.0
        assert list(pm) == [0, 2, 3, 4]
        with pytest.raises(TypeError):
            pm.data[0] = 1.0  # type: ignore[index]
        with pytest.raises(TypeError):
            del pm.data[0]  # type: ignore[attr-defined]
        with pytest.raises(AttributeError):
            pm.data = {}  # type: ignore[misc]
        assert pm == make_pm()

    def test_len_iter_contains(self):
        pm = make_pm()
        assert len(pm) == 4
        assert list(pm) == [0, 2, 3, 4]
        assert 3 in pm and 1 not in pm and "x" not in pm and [1] not in pm

    def test_mass_at_and_getitem(self):
        pm = make_pm()
        assert pm[2] == pm.mass_at(2) == 3 / 7
        assert pm[2.0] == 3 / 7
        assert pm[1] == 0.0 and pm[2.5] == 0.0 and pm[-math.inf] == 0.0
        assert pm[Fraction(2)] == 3 / 7

    @pytest.mark.parametrize("bad", ["2", None, True, [2], 1j])
    def test_non_real_lookup(self, bad):
        with pytest.raises(TypeError):
            make_pm()[bad]
        with pytest.raises(TypeError):
            make_pm().mass_at(bad)

    def test_nan_lookup(self):
        with pytest.raises(ValueError):
            make_pm()[math.nan]

    def test_total_mass(self):
        assert make_pm().total_mass() == pytest.approx(1.0)
        assert IntervalPmf(BaseDiscreteInterval(0, 2)).total_mass() == 1.0

    def test_immutable(self):
        pm = make_pm()
        with pytest.raises(AttributeError):
            pm.extra = 1  # type: ignore[attr-defined]


class TestConstruction:
    def test_masses_add_per_coordinate(self):
        pm = IntervalPmf([BaseDiscreteInterval(0, 2), BaseDiscreteInterval(0, 2, step=2)])
        assert pm.items() == [(0, 0.4), (1, 0.2), (2, 0.4)]

    def test_float_steps_and_equal_float_int_points(self):
        pm = IntervalPmf([BaseDiscreteInterval(0, 1, step=0.5), BaseDiscreteInterval(1, 2)])
        assert list(pm) == [0, 0.5, 1, 2]
        assert pm[1] == 0.4

    def test_float_values_count_as_decimals(self):
        pm = IntervalPmf(
            [BaseDiscreteInterval(0, 0, value=0.1), BaseDiscreteInterval(1, 1, value=0.2)]
        )
        assert pm.items() == [(0, 1 / 3), (1, 2 / 3)]

    def test_zero_mass_points_are_not_stored(self):
        pm = IntervalPmf([BaseDiscreteInterval(0, 3, value=0), BaseDiscreteInterval(5, 6)])
        assert list(pm) == [5, 6] and pm[1] == 0.0

    def test_generators_and_meters(self):
        ivs = [BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(2, 3, value=2)]
        assert IntervalPmf(iv for iv in ivs) == make_pm()
        assert IntervalPmf(tuple(ivs)) == make_pm()
        assert IntervalPmf(IntervalMeter(ivs)) == make_pm()

    @pytest.mark.parametrize(
        "data",
        [
            BaseInterval(0, 1),
            [BaseInterval(0, 1)],
            [BaseDiscreteInterval(0, 1), BaseInterval(0, 1)],
            [(0, 1)],
            5,
            "ab",
            [3],
        ],
    )
    def test_non_discrete_input(self, data):
        with pytest.raises(TypeError):
            IntervalPmf(data)

    def test_datetime_input(self):
        t = datetime(2024, 1, 1)
        with pytest.raises(TypeError):
            IntervalPmf(BaseDiscreteInterval(t, t + timedelta(hours=2), step=timedelta(hours=1)))

    @pytest.mark.parametrize("data", [[], (), iter([])])
    def test_empty(self, data):
        with pytest.raises(ValueError):
            IntervalPmf(data)

    def test_invalid_masses(self):
        with pytest.raises(ValueError, match="-1"):
            IntervalPmf(BaseDiscreteInterval(0, 2, value=-1))
        with pytest.raises(ValueError):
            IntervalPmf([BaseDiscreteInterval(0, 2), BaseDiscreteInterval(5, 6, value=-0.5)])
        with pytest.raises(ValueError):
            IntervalPmf(BaseDiscreteInterval(0, 2, value=0))

    def test_non_finite_mass(self):
        d = BaseDiscreteInterval(0, 2)
        d.value = math.inf  # bypassing the constructor's check
        with pytest.raises(ValueError):
            IntervalPmf(d)


class TestDistribution:
    def test_cumulative(self):
        pm = make_pm()
        assert pm.cumulative(-1) == 0.0
        assert pm.cumulative(0) == 1 / 7
        assert pm.cumulative(1.9) == 1 / 7
        assert pm.cumulative(4) == 1.0 and pm.cumulative(math.inf) == 1.0
        assert pm.cumulative(-math.inf) == 0.0
        with pytest.raises(ValueError):
            pm.cumulative(math.nan)
        with pytest.raises(TypeError):
            pm.cumulative("1")

    def test_inverse_cumulative(self):
        pm = make_pm()
        assert pm.inverse_cumulative(0) == 0
        assert pm.inverse_cumulative(1 / 7) == 0
        assert pm.inverse_cumulative(0.15) == 2
        assert pm.inverse_cumulative(0.6) == 3
        assert pm.inverse_cumulative(1) == 4
        for bad in (-0.1, 1.1, math.nan):
            with pytest.raises(ValueError):
                pm.inverse_cumulative(bad)
        with pytest.raises(TypeError):
            pm.inverse_cumulative("0.5")

    def test_sample(self):
        pm = make_pm()
        assert pm.sample(20, random.Random(3)) == pm.sample(20, random.Random(3))
        draws = pm.sample(7000, random.Random(0))
        assert set(draws) <= {0, 2, 3, 4}
        assert draws.count(2) / len(draws) == pytest.approx(3 / 7, abs=0.03)
        assert len(pm.sample()) == 1 and pm.sample(0) == []

    def test_sample_errors(self):
        pm = make_pm()
        with pytest.raises(TypeError):
            pm.sample(1.0)
        with pytest.raises(TypeError):
            pm.sample(True)
        with pytest.raises(ValueError):
            pm.sample(-1)
        with pytest.raises(TypeError):
            pm.sample(2, rng=7)


class TestValueEquality:  # W18
    def test_equal_content_equal_objects(self):
        a = IntervalPmf(BaseDiscreteInterval(0, 3))
        b = IntervalPmf(BaseDiscreteInterval(0, 3))
        assert a == b
        assert (a != b) is False
        assert hash(a) == hash(b)
        assert len({a, b}) == 1

    def test_same_distribution_from_different_inputs(self):
        a = IntervalPmf(BaseDiscreteInterval(0, 3, value=5))
        b = IntervalPmf([BaseDiscreteInterval(0, 1), BaseDiscreteInterval(2, 3)])
        assert a == b and hash(a) == hash(b)

    def test_different_content(self):
        assert IntervalPmf(BaseDiscreteInterval(0, 3)) != IntervalPmf(BaseDiscreteInterval(0, 4))
        assert make_pm() != dict(make_pm().data)
        assert make_pm() != make_pm().items()


# -- properties ---------------------------------------------------------------------------------
@st.composite
def discrete(draw):
    start = draw(st.integers(-30, 30))
    step = draw(st.sampled_from([1, 2, 3, 0.5, 0.25]))
    count = draw(st.integers(1, 12))
    value = draw(st.one_of(st.integers(0, 9), st.sampled_from([0.1, 0.25, 1.5, 2.0])))
    return BaseDiscreteInterval(start, step=step, count=count, value=value)


def brute(ivs: list[BaseDiscreteInterval]) -> dict[Fraction, Fraction]:
    out: dict[Fraction, Fraction] = {}
    for iv in ivs:
        for x, v in iv:
            key = Fraction(repr(x))
            out[key] = out.get(key, Fraction(0)) + Fraction(repr(v))
    total = sum(out.values())
    return {x: m / total for x, m in sorted(out.items()) if m}


class TestProperties:
    @given(st.lists(discrete(), min_size=1, max_size=6))
    def test_masses_sum_to_one_and_match_brute_force(self, ivs):
        assume(any(iv.value > 0 for iv in ivs))
        pm = IntervalPmf(ivs)
        assert pm.total_mass() == pytest.approx(1.0, abs=1e-12)
        expected = brute(ivs)
        assert [Fraction(repr(x)) for x in pm] == list(expected)
        assert [m for _, m in pm.items()] == [float(m) for m in expected.values()]
        assert pm.cumulative(max(pm)) == 1.0

    @given(st.lists(discrete(), min_size=1, max_size=6), st.floats(0, 1))
    def test_inverse_cumulative_is_the_generalised_inverse(self, ivs, p):
        assume(any(iv.value > 0 for iv in ivs))
        pm = IntervalPmf(ivs)
        x = pm.inverse_cumulative(p)
        assert x in pm
        assert pm.cumulative(x) >= p - 1e-12
        below = [y for y in pm if y < x]
        if below:
            assert pm.cumulative(below[-1]) < p + 1e-12

    @given(st.lists(discrete(), min_size=1, max_size=6))
    def test_cdf_at_points_inverts(self, ivs):
        assume(any(iv.value > 0 for iv in ivs))
        pm = IntervalPmf(ivs)
        for x in pm:
            assert pm.inverse_cumulative(pm.cumulative(x)) == x
