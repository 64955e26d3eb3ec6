"""IntervalPdf (SPEC §3.9, §7 pdf rows, W15): densities, CDF, quantiles, distances."""

from __future__ import annotations

import math
import random
from datetime import datetime, timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)
from intervalues.interval_pdf import IntervalPdf


def make_p() -> IntervalPdf:
    return IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])


def make_q() -> IntervalPdf:
    return IntervalPdf(BaseInterval(2, 8))


# -- SPEC §3.9 examples ---------------------------------------------------------------------
class TestSpecExamples:
    def test_repr(self):
        assert repr(make_p()) == (
            "IntervalPdf:{BaseInterval[0;2]: 0.125, BaseInterval[2;4]: 0.25, "
            "BaseInterval[4;6]: 0.125}"
        )
        assert str(make_p()) == repr(make_p())

    def test_pieces(self):
        assert list(make_p().items()) == [
            (BaseInterval(0, 2), 0.125),
            (BaseInterval(2, 4), 0.25),
            (BaseInterval(4, 6), 0.125),
        ]

    def test_cumulative_and_probability_between(self):
        p = make_p()
        assert p.cumulative(2) == 0.25
        assert p.probability_between(1, 5) == 0.75

    def test_moments_and_median(self):
        p = make_p()
        assert p.mean() == 3.0
        assert p.variance() == pytest.approx(7 / 3)
        assert p.median() == 3.0

    def test_credible_interval_and_hdr(self):
        p = make_p()
        assert p.credible_interval(0.5) == (2.0, 4.0)
        hdr = p.highest_density_region(0.5)
        assert isinstance(hdr, IntervalSet)
        assert repr(hdr) == "IntervalSet:{BaseInterval[2;4]}"

    def test_distances(self):
        p, q = make_p(), make_q()
        assert p.wasserstein_distance(q) == pytest.approx(2.0, abs=1e-12)
        assert p.total_variation_distance(q) == pytest.approx(5 / 12, abs=1e-12)

    def test_mixture(self):
        mix = IntervalPdf.mixture(
            [IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(2, 4))], weights=[3, 1]
        )
        assert repr(mix) == "IntervalPdf:{BaseInterval[0;1]: 0.75, BaseInterval[2;4]: 0.125}"


# -- construction and validation ----------------------------------------------------------------
class TestConstruction:
    def test_single_interval_is_uniform(self):
        assert repr(IntervalPdf(BaseInterval(0, 4, 7))) == "IntervalPdf:{BaseInterval[0;4]: 0.25}"

    def test_values_are_floats(self):
        p = IntervalPdf(BaseInterval(0, 1))
        assert all(type(v) is float for v in p.values())

    def test_from_tuples_generators_and_collections(self):
        expected = make_p()
        assert IntervalPdf([(0, 4), (2, 6)]) == expected
        assert IntervalPdf(iv for iv in [BaseInterval(0, 4), BaseInterval(2, 6)]) == expected
        assert IntervalPdf(IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])) == expected
        assert IntervalPdf(make_p()) == expected

    def test_zero_weight_intervals_are_refused(self):  # as in 0.4.0 (decision 8)
        with pytest.raises(ValueError, match="positive length"):
            IntervalPdf([BaseInterval(0, 2), BaseInterval(5, 9, 0)])

    def test_as_pdf_hooks(self):
        expected = IntervalPdf(BaseInterval(0, 2))
        assert BaseInterval(0, 2, 5).as_pdf() == expected
        assert IntervalMeter(BaseInterval(0, 2)).as_pdf() == expected
        assert IntervalSet(BaseInterval(0, 2)).as_pdf() == expected
        assert IntervalList([BaseInterval(0, 2)]).as_pdf() == expected
        assert make_p().as_pdf() == make_p()
        assert IntervalPdf.as_my_type(BaseInterval(0, 2)) == expected
        assert IntervalPdf.as_my_type(make_p()) == make_p()

    def test_as_meter_keeps_densities(self):
        m = make_p().as_meter()
        assert type(m) is IntervalMeter
        assert list(m.values()) == [0.125, 0.25, 0.125]

    def test_equality_with_interval_and_hash(self):
        p = IntervalPdf(BaseInterval(0, 1, 3))
        assert p == BaseInterval(0, 1)
        assert hash(p) == hash(BaseInterval(0, 1))
        assert make_p() == make_p() and hash(make_p()) == hash(make_p())
        assert make_p() != make_q()
        assert make_p() != IntervalMeter(list(make_p()))

    @pytest.mark.parametrize("data", [None, [], (), IntervalMeter()])
    def test_empty_input(self, data):
        with pytest.raises(ValueError):
            IntervalPdf(data)

    def test_zero_length_interval(self):
        with pytest.raises(ValueError, match="positive length"):
            IntervalPdf(BaseInterval(1, 1))

    def test_zero_total_mass(self):
        with pytest.raises(ValueError, match="total weighted length is 0"):
            IntervalPdf([BaseInterval(0, 1, 0), BaseInterval(2, 3, 0.0)])

    def test_negative_weight_message_names_the_weight(self):  # W15
        with pytest.raises(ValueError) as info:
            IntervalPdf([BaseInterval(0, 1, -1)])
        msg = str(info.value)
        assert "weights must be >= 0" in msg and "-1" in msg  # 0.4.0's text comes first:
        assert msg.startswith("IntervalPdf intervals must have positive length")

    def test_negative_weight_even_when_total_positive(self):
        with pytest.raises(ValueError, match="weights must be >= 0"):
            IntervalPdf([BaseInterval(0, 4, 2), BaseInterval(1, 2, -1)])

    @pytest.mark.parametrize("bad", [math.inf, -math.inf, math.nan])
    def test_non_finite_weight(self, bad):
        with pytest.raises(ValueError):
            IntervalPdf([(0, 1, bad)])

    def test_non_finite_bounds(self):
        with pytest.raises(ValueError):
            IntervalPdf([(0, math.inf)])

    def test_discrete_input(self):
        with pytest.raises(TypeError):
            IntervalPdf(BaseDiscreteInterval(0, 3))
        with pytest.raises(TypeError):
            IntervalPdf([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(5, 6)])

    def test_datetime_input(self):
        t = datetime(2024, 1, 1)
        with pytest.raises(TypeError):
            IntervalPdf(BaseInterval(t, t + timedelta(hours=1)))
        with pytest.raises(TypeError):
            BaseInterval(t, t + timedelta(hours=1)).as_pdf()

    @pytest.mark.parametrize("data", [5, "ab", [1, 2], [object()]])
    def test_non_intervals(self, data):
        with pytest.raises(TypeError):
            IntervalPdf(data)

    def test_huge_weights(self):
        p = IntervalPdf([BaseInterval(0, 1, 10**400), BaseInterval(1, 2, 10**399)])
        assert list(p.values()) == [10 / 11, 1 / 11]
        q = IntervalPdf([BaseInterval(0, 1e300, 1e300), BaseInterval(0, 1e300, 1e300)])
        assert list(q.values()) == [1e-300] and q._cum == [0.0, 1.0]
        with pytest.raises(ValueError, match="overflows"):
            IntervalPdf(BaseInterval(-1e308, 1e308))

    def test_nr_digits_and_backend_arguments(self):
        assert IntervalPdf(BaseInterval(0, 2), use_rust=False) == IntervalPdf(BaseInterval(0, 2))
        with pytest.raises(ValueError):
            IntervalPdf(BaseInterval(0, 2), nr_digits=-1)
        with pytest.raises(TypeError):
            IntervalPdf(BaseInterval(0, 2), nr_digits=1.5)


# -- pointwise ---------------------------------------------------------------------------------
class TestDensityAndCdf:
    def test_getitem_left_piece_wins(self):
        p = make_p()
        assert p[1] == 0.125 and p[2] == 0.125 and p[3] == 0.25 and p[7] == 0

    def test_density_at_right_continuous(self):
        p = make_p()
        assert p.density_at(2) == 0.25
        assert p.density_at(4) == 0.125
        assert p.density_at(6) == 0.125  # the last piece at the right end
        assert p.density_at(-1) == 0.0 and p.density_at(6.5) == 0.0

    def test_density_at_gap(self):
        p = IntervalPdf([BaseInterval(0, 1), BaseInterval(2, 3)])
        assert p.density_at(1) == 0.0  # right-continuous: the gap follows
        assert p.density_at(1.5) == 0.0
        assert p.density_at(3) == 0.5

    def test_cumulative_values(self):
        p = make_p()
        assert [p.cumulative(x) for x in (-1, 0, 1, 2, 3, 4, 5, 6, 9)] == [
            0.0,
            0.0,
            0.125,
            0.25,
            0.5,
            0.75,
            0.875,
            1.0,
            1.0,
        ]
        assert p.cumulative(-math.inf) == 0.0 and p.cumulative(math.inf) == 1.0
        assert p.cumsum(3) == p.cumulative(3)

    def test_cumulative_in_gap_is_flat(self):
        p = IntervalPdf([BaseInterval(0, 1), BaseInterval(2, 3)])
        assert p.cumulative(1) == p.cumulative(1.5) == p.cumulative(2) == 0.5

    def test_survival(self):
        p = make_p()
        assert p.survival(2) == 0.75 and p.survival(6) == 0.0 and p.survival(-3) == 1.0

    def test_probability_between(self):
        p = make_p()
        assert p.probability_between(-math.inf, math.inf) == 1.0
        assert p.probability_between(3, 3) == 0.0
        with pytest.raises(ValueError):
            p.probability_between(5, 1)

    @pytest.mark.parametrize("method", ["cumulative", "density_at", "survival", "cumsum"])
    def test_point_arguments(self, method):
        p = make_p()
        with pytest.raises(TypeError):
            getattr(p, method)("1")
        with pytest.raises(TypeError):
            getattr(p, method)(True)
        with pytest.raises(ValueError):
            getattr(p, method)(math.nan)

    def test_total_length(self):
        p = make_p()
        assert p.total_length() == 1.0
        assert p.total_length(force=True) == pytest.approx(1.0)
        assert p.get_length() == 1.0


class TestQuantiles:
    def test_quantiles(self):
        p = make_p()
        assert p.inverse_cumulative(0.25) == 2.0
        assert p.quantile(0.5) == 3.0
        assert p.quantile(0) == 0.0 and p.quantile(1) == 6.0
        assert p.quantile(0.875) == 5.0
        assert type(p.quantile(0.3)) is float
        assert type(p.quantile(0)) is int and type(p.quantile(1)) is int  # the bounds, as 0.4.0

    def test_quantile_is_the_generalised_inverse_over_gaps(self):
        p = IntervalPdf([BaseInterval(0, 1), BaseInterval(2, 3)])
        assert p.quantile(0.5) == 1.0  # smallest x with CDF(x) >= 0.5
        assert p.quantile(0.75) == 2.5

    @pytest.mark.parametrize("bad", [-0.1, 1.1, math.inf, math.nan])
    def test_probability_out_of_range(self, bad):
        with pytest.raises(ValueError):
            make_p().quantile(bad)

    @pytest.mark.parametrize("bad", ["0.5", None, True])
    def test_probability_type(self, bad):
        with pytest.raises(TypeError):
            make_p().inverse_cumulative(bad)

    def test_credible_interval(self):
        p = IntervalPdf(BaseInterval(0, 100))
        lo, hi = p.credible_interval()
        assert lo == pytest.approx(2.5) and hi == pytest.approx(97.5)
        for bad in (0, 1, 1.5, -0.5):  # 1 refused, as in 0.4.0 (decision 8)
            with pytest.raises(ValueError):
                p.credible_interval(bad)


class TestMomentsAndRegions:
    def test_uniform_moments(self):
        p = IntervalPdf(BaseInterval(2, 8))
        assert p.mean() == 5.0
        assert p.variance() == pytest.approx(3.0)
        assert p.standard_deviation() == pytest.approx(math.sqrt(3.0))

    def test_two_point_masses_like(self):
        p = IntervalPdf([BaseInterval(0, 1), BaseInterval(9, 10)])
        assert p.mean() == 5.0
        assert p.variance() == pytest.approx(4.5**2 + 1 / 12)

    def test_hdr_whole_and_trimmed(self):
        p = make_p()
        assert p.highest_density_region(1) == IntervalSet(BaseInterval(0, 6))
        uni = IntervalPdf(BaseInterval(0, 4))
        assert uni.highest_density_region(0.5) == IntervalSet(BaseInterval(1.0, 3.0))

    def test_hdr_ties_leftmost_first(self):  # 0.4.0's choice (decision 9)
        p = make_p()  # [0;2]: 0.125, [2;4]: 0.25, [4;6]: 0.125
        assert p.highest_density_region(0.75) == IntervalSet(BaseInterval(0, 4))
        hdr = p.highest_density_region(0.625)  # the leftmost tied piece, trimmed to its centre
        assert hdr == IntervalSet([BaseInterval(0.5, 1.5), BaseInterval(2, 4)])
        hdr = p.highest_density_region()
        assert hdr == IntervalSet([BaseInterval(0, 4), BaseInterval(4.2, 5.8)])
        assert hdr.total_length() == pytest.approx(5.6)

    def test_hdr_default_mass(self):
        hdr = IntervalPdf(BaseInterval(0, 100)).highest_density_region()
        assert hdr.total_length() == pytest.approx(95.0)

    @pytest.mark.parametrize("bad", [0, -0.1, 1.01, math.nan])
    def test_hdr_mass_out_of_range(self, bad):
        with pytest.raises(ValueError):
            make_p().highest_density_region(bad)


# -- sampling, conditioning, mixtures ------------------------------------------------------------
class TestSample:
    def test_reproducible_with_rng(self):
        p = make_p()
        assert p.sample(10, random.Random(3)) == p.sample(10, random.Random(3))

    def test_values_in_support_and_floats(self):
        xs = make_p().sample(200, random.Random(0))
        assert len(xs) == 200
        assert all(type(x) is float and 0 <= x <= 6 for x in xs)

    def test_default_k_and_global_random(self):
        random.seed(5)
        a = make_p().sample()
        random.seed(5)
        assert make_p().sample() == a and len(a) == 1
        assert make_p().sample(0) == []

    def test_distribution_roughly_right(self):
        xs = make_p().sample(4000, random.Random(1))
        inside = sum(2 <= x <= 4 for x in xs) / len(xs)
        assert inside == pytest.approx(0.5, abs=0.05)

    @pytest.mark.parametrize("k", [1.0, "2", None, True])
    def test_k_must_be_int(self, k):
        with pytest.raises(TypeError):
            make_p().sample(k)

    def test_negative_k(self):
        with pytest.raises(ValueError):
            make_p().sample(-1)

    @pytest.mark.parametrize("rng", [1, "seed", random])
    def test_rng_must_be_random(self, rng):
        with pytest.raises(TypeError):
            make_p().sample(2, rng)


class TestCondition:
    def test_truncates_and_renormalises(self):
        c = make_p().condition(1, 3)
        assert repr(c) == (
            "IntervalPdf:{BaseInterval[1;2]: 0.3333333333333333, "
            "BaseInterval[2;3]: 0.6666666666666666}"
        )
        assert c.total_length(force=True) == pytest.approx(1.0)

    def test_infinite_bounds(self):
        p = make_p()
        assert p.condition(-math.inf, math.inf) == p
        assert p.condition(4, math.inf) == IntervalPdf(BaseInterval(4, 6))

    def test_does_not_change_original(self):
        p = make_p()
        p.condition(0, 1)
        assert p == make_p()

    def test_zero_probability(self):
        p = IntervalPdf([BaseInterval(0, 1), BaseInterval(2, 3)])
        for a, b in [(1, 2), (7, 9), (1.5, 1.5), (-5, 0)]:
            with pytest.raises(ValueError):
                p.condition(a, b)

    def test_bad_bounds(self):
        with pytest.raises(ValueError):
            make_p().condition(3, 1)
        with pytest.raises(ValueError):
            make_p().condition(math.nan, 1)
        with pytest.raises(TypeError):
            make_p().condition("0", 1)


class TestMixtureAndUpdate:
    def test_default_weights_equal(self):
        a, b = IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(2, 4))
        mix = IntervalPdf.mixture([a, b])
        assert list(mix.items()) == [(BaseInterval(0, 1), 0.5), (BaseInterval(2, 4), 0.25)]

    def test_weights_renormalised(self):
        a, b = IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(2, 4))
        assert IntervalPdf.mixture([a, b], [6, 2]) == IntervalPdf.mixture([a, b], [0.75, 0.25])
        assert IntervalPdf.mixture([a, b], [1, 0]) == a

    def test_errors(self):
        a = IntervalPdf(BaseInterval(0, 1))
        with pytest.raises(ValueError):
            IntervalPdf.mixture([])
        with pytest.raises(ValueError):
            IntervalPdf.mixture([a, a], [1])
        with pytest.raises(ValueError):
            IntervalPdf.mixture([a, a], [1, -1])
        with pytest.raises(ValueError):
            IntervalPdf.mixture([a, a], [0, 0])
        with pytest.raises(ValueError):
            IntervalPdf.mixture([a], [math.inf])
        with pytest.raises(TypeError):
            IntervalPdf.mixture([a, IntervalMeter(BaseInterval(0, 1))])
        with pytest.raises(TypeError):
            IntervalPdf.mixture([a], ["1"])

    def test_plus_is_equal_weight_mixture(self):
        p, q = make_p(), make_q()
        total = p + q
        assert type(total) is IntervalPdf
        mix = IntervalPdf.mixture([p, q])
        for (k1, v1), (k2, v2) in zip(total.items(), mix.items(), strict=True):
            assert k1 == k2 and v1 == pytest.approx(v2)
        assert p == make_p()  # operands unchanged

    def test_update_adds_mass_then_renormalises(self):
        p = IntervalPdf(BaseInterval(0, 1))
        p.update(BaseInterval(1, 2, 3))
        assert list(p.items()) == [(BaseInterval(0, 1), 0.25), (BaseInterval(1, 2), 0.75)]
        p.check_intervals()

    def test_update_times(self):
        p = IntervalPdf(BaseInterval(0, 1))
        p.update(IntervalPdf(BaseInterval(1, 2)), times=3)
        assert list(p.items()) == [(BaseInterval(0, 1), 0.25), (BaseInterval(1, 2), 0.75)]
        p.update(BaseInterval(5, 6), times=0)
        assert list(p.items()) == [(BaseInterval(0, 1), 0.25), (BaseInterval(1, 2), 0.75)]
        with pytest.raises(ValueError):
            p.update(BaseInterval(5, 6), times=-1)

    def test_iadd_and_radd(self):
        p = IntervalPdf(BaseInterval(0, 1))
        p += BaseInterval(1, 2)
        assert p == IntervalPdf(BaseInterval(0, 2))
        assert sum([IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(1, 2))]) == p
        assert type(BaseInterval(1, 2) + IntervalPdf(BaseInterval(0, 1))) is IntervalPdf

    def test_update_compat_names(self):
        p = IntervalPdf(BaseInterval(0, 1))
        p.update_meter(IntervalMeter(BaseInterval(1, 2)))
        p.update_interval(BaseInterval(2, 4))
        assert p.cumulative(2) == pytest.approx(1 / 3)  # masses 1 + 1 (renormalised) + 2

    def test_update_rejects_bad_mass_and_leaves_pdf_unchanged(self):
        p = make_p()
        for bad in (
            BaseInterval(0, 1, -2),
            IntervalMeter(BaseInterval(0, 1, -2)),
            BaseDiscreteInterval(0, 2),
            BaseInterval(3, 3),
        ):
            with pytest.raises((ValueError, TypeError)):
                p.update(bad)
            assert p == make_p()
            p.check_intervals()
        with pytest.raises(TypeError):
            p + "x"


# -- mutation protocol ----------------------------------------------------------------------------
class TestMutation:
    def test_pop_renormalises(self):
        p = make_p()
        assert p.pop(BaseInterval(2, 4)) == 0.25
        assert list(p.items()) == [(BaseInterval(0, 2), 0.25), (BaseInterval(4, 6), 0.25)]
        assert p.cumulative(3) == 0.5
        p.check_intervals()

    def test_pop_missing(self):
        p = make_p()
        assert p.pop(BaseInterval(7, 8), None) is None
        with pytest.raises(KeyError):
            p.pop(BaseInterval(7, 8))

    def test_pop_refuses_to_empty(self):
        p = IntervalPdf(BaseInterval(0, 1))
        with pytest.raises(ValueError):
            p.pop(BaseInterval(0, 1))
        with pytest.raises(ValueError):
            p.popitem()
        assert p == IntervalPdf(BaseInterval(0, 1))

    def test_popitem(self):
        p = make_p()
        assert p.popitem() == (BaseInterval(4, 6), 0.125)
        assert list(p.items()) == [(BaseInterval(0, 2), 1 / 6), (BaseInterval(2, 4), 1 / 3)]
        assert p.cumulative(4) == 1.0

    def test_set_data(self):
        p = make_p()
        p.set_data({BaseInterval(0, 2): 1, BaseInterval(2, 3): 2})
        assert list(p.items()) == [(BaseInterval(0, 2), 0.25), (BaseInterval(2, 3), 0.5)]
        assert p.cumulative(2) == 0.5
        p.data = {BaseInterval(0, 1): 5}
        assert p == IntervalPdf(BaseInterval(0, 1))

    @pytest.mark.parametrize(
        "bad",
        [
            {},
            {BaseInterval(0, 1): -1},
            {BaseInterval(0, 1): math.inf},
            {BaseInterval(0, 1): 0},
            {BaseDiscreteInterval(0, 1): 1},
            {BaseInterval(0, 1): "1"},
            [BaseInterval(0, 1)],
        ],
    )
    def test_set_data_rolls_back(self, bad):
        p = make_p()
        with pytest.raises((ValueError, TypeError)):
            p.set_data(bad)
        assert p == make_p()
        assert p.cumulative(2) == 0.25

    def test_data_is_a_snapshot_counter(self):
        p = make_p()
        assert dict(p.data) == {
            BaseInterval(0, 2): 0.125,
            BaseInterval(2, 4): 0.25,
            BaseInterval(4, 6): 0.125,
        }

    def test_normalize_is_idempotent(self):
        p = make_p()
        p.normalize()
        assert p == make_p()
        p.align_intervals()
        assert p.check_intervals() is True

    def test_copy_is_independent(self):
        p = make_p()
        c = p.copy()
        assert c == p and type(c) is IntervalPdf
        c.update(BaseInterval(10, 11))
        assert p == make_p() and c != p
        assert p.deep_copy() == p


class TestDisabledOperations:
    def test_subtraction(self):
        p, q = make_p(), make_q()
        with pytest.raises(NotImplementedError):
            p - q
        with pytest.raises(NotImplementedError):
            p - BaseInterval(0, 1)
        with pytest.raises(NotImplementedError):
            BaseInterval(0, 1) - p
        with pytest.raises(NotImplementedError):
            p -= q
        with pytest.raises(NotImplementedError):
            p.subtract(q)
        assert p == make_p()

    def test_negation_clear_setdefault(self):
        p = make_p()
        with pytest.raises(NotImplementedError):
            -p  # noqa: B018
        with pytest.raises(NotImplementedError):
            p.clear()
        with pytest.raises(NotImplementedError):
            p.setdefault(BaseInterval(0, 1))
        assert p == make_p()


class TestScaling:
    @pytest.mark.parametrize("factor", [1, 2, 0.5, 1e300])
    def test_scale_returns_unchanged_copy(self, factor):
        p = make_p()
        for r in (p * factor, factor * p, p / factor):
            assert r == p and r is not p
        p *= factor
        assert p == make_p()

    @pytest.mark.parametrize("factor", [0, -1, -0.5, math.inf, math.nan])
    def test_bad_scale(self, factor):
        p = make_p()
        with pytest.raises(ValueError):
            p * factor
        with pytest.raises(ValueError):
            p / factor
        with pytest.raises(ValueError):
            p *= factor

    def test_non_number_scale(self):
        with pytest.raises(TypeError):
            make_p() * "2"


# -- comparing two pdfs -----------------------------------------------------------------------
class TestDistances:
    def test_identical(self):
        p = make_p()
        assert p.kolmogorov_distance(p) == 0.0
        assert p.wasserstein_distance(p) == 0.0
        assert p.total_variation_distance(p) == 0.0
        assert p.overlap_coefficient(p) == pytest.approx(1.0)
        assert p.hellinger_distance(p) == pytest.approx(0.0, abs=1e-7)
        assert p.jensen_shannon_divergence(p) == 0.0
        assert p.kl_divergence(p) == 0.0

    def test_disjoint(self):
        a, b = IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(5, 7))
        assert a.kolmogorov_distance(b) == 1.0
        assert a.total_variation_distance(b) == 1.0
        assert a.overlap_coefficient(b) == 0.0
        assert a.hellinger_distance(b) == 1.0
        assert a.jensen_shannon_divergence(b) == pytest.approx(math.log(2))
        assert a.kl_divergence(b) == math.inf
        assert a.wasserstein_distance(b) == pytest.approx(5.5)  # mean shift of 5.5

    def test_shift_wasserstein_equals_shift(self):
        a = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        b = IntervalPdf([BaseInterval(1.5, 5.5), BaseInterval(3.5, 7.5)])
        assert a.wasserstein_distance(b) == pytest.approx(1.5)
        assert b.wasserstein_distance(a) == pytest.approx(1.5)

    def test_crossing_cdfs_wasserstein(self):
        # U(0, 2) vs U(0.5, 1.5): CDFs cross at 1; ∫|F-G| = 2 × (0.25 + 0.25) / 2 ... exact: 0.25
        a, b = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(0.5, 1.5))
        assert a.wasserstein_distance(b) == pytest.approx(0.25)

    def test_spec_pair_others(self):
        p, q = make_p(), make_q()
        assert p.kolmogorov_distance(q) == pytest.approx(5 / 12)
        assert p.overlap_coefficient(q) == pytest.approx(7 / 12)
        bc = 2 * math.sqrt(0.25 / 6) + 2 * math.sqrt(0.125 / 6)
        assert p.hellinger_distance(q) == pytest.approx(math.sqrt(1 - bc))
        assert p.kl_divergence(q) == math.inf
        assert q.kl_divergence(p) == math.inf

    def test_kl_known_value(self):
        a, b = IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(0, 2))
        assert a.kl_divergence(b) == pytest.approx(math.log(2))
        assert b.kl_divergence(a) == math.inf

    @pytest.mark.parametrize(
        "method",
        [
            "kolmogorov_distance",
            "wasserstein_distance",
            "total_variation_distance",
            "overlap_coefficient",
            "hellinger_distance",
            "jensen_shannon_divergence",
            "kl_divergence",
            "comparison_segments",
            "first_order_stochastically_dominates",
        ],
    )
    @pytest.mark.parametrize(
        "other", [IntervalMeter(BaseInterval(0, 1)), BaseInterval(0, 1), 3, None]
    )
    def test_non_pdf_is_type_error(self, method, other):
        with pytest.raises(TypeError):
            getattr(make_p(), method)(other)

    def test_ordering_compares_pieces_like_meters(self):  # as in 0.4.0
        p, q = make_p(), make_q()
        assert (p < q) == (list(p) < list(q))
        assert p <= p and p >= p and p.key_compare(p) is False
        for other in (IntervalMeter(BaseInterval(0, 1)), BaseInterval(0, 1), IntervalSet()):
            pieces = [other] if isinstance(other, BaseInterval) else list(other)
            assert (p < other) == (list(p) < pieces)
            assert (p >= other) == (list(p) >= pieces)
            assert p.key_compare(other) == (sorted(p) < sorted(pieces))
        assert (BaseInterval(0, 1) < p) == ([BaseInterval(0, 1)] < list(p))
        assert p != IntervalMeter(list(p)) and p != 3

    def test_quantile_difference_non_pdf(self):
        with pytest.raises(TypeError):
            make_p().quantile_difference(IntervalMeter(BaseInterval(0, 1)), [0.5])


class TestComparisonHelpers:
    def test_comparison_segments(self):
        p, q = make_p(), make_q()
        segs = p.comparison_segments(q)
        assert [s[:2] for s in segs] == [(0, 2), (2, 4), (4, 6), (6, 8)]
        assert segs[0][2:] == (0.125, 0.0, 0.0, 0.0)
        assert segs[1][2:4] == (0.25, pytest.approx(1 / 6))
        assert segs[1][4:] == (0.25, 0.0)
        assert segs[3][2] == 0.0 and segs[3][4] == 1.0

    def test_segments_include_gaps(self):
        a = IntervalPdf([BaseInterval(0, 1), BaseInterval(3, 4)])
        segs = a.comparison_segments(a)
        assert [s[:3] for s in segs] == [(0, 1, 0.5), (1, 3, 0.0), (3, 4, 0.5)]

    def test_quantile_difference(self):
        p, q = make_p(), make_q()
        assert p.quantile_difference(q, 0.5) == pytest.approx(3.0 - 5.0)
        diffs = p.quantile_difference(q, [0, 0.5, 1])  # (p, difference) pairs, as 0.4.0
        assert diffs == [(0, -2), (0.5, -2.0), (1, -2)]
        with pytest.raises(ValueError):
            p.quantile_difference(q, [0.5, 2])
        with pytest.raises(TypeError):
            p.quantile_difference(q, ["a"])

    def test_stochastic_dominance(self):
        # 0.4.0's convention: x.first_order_stochastically_dominates(y) is x <=st y
        low, high = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(1, 3))
        assert low.first_order_stochastically_dominates(high)
        assert low.first_order_stochastically_dominates(high, strict=True)
        assert not high.first_order_stochastically_dominates(low)
        assert low.first_order_stochastically_dominates(low)
        assert not low.first_order_stochastically_dominates(low, strict=True)
        # crossing CDFs: neither dominates
        wide, narrow = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(0.5, 1.5))
        assert not wide.first_order_stochastically_dominates(narrow)
        assert not narrow.first_order_stochastically_dominates(wide)


class TestGoodnessOfFit:
    def test_empirical_cdf_distance(self):
        u = IntervalPdf(BaseInterval(0, 1))
        assert u.empirical_cdf_distance([0.5]) == 0.5
        assert u.empirical_cdf_distance([0.25, 0.75]) == 0.25
        assert u.empirical_cdf_distance([2, 3]) == 1.0
        assert u.empirical_cdf_distance(x for x in [0.25, 0.75]) == 0.25

    def test_empirical_cdf_distance_errors(self):
        u = IntervalPdf(BaseInterval(0, 1))
        with pytest.raises(ValueError):
            u.empirical_cdf_distance([])
        with pytest.raises(ValueError):
            u.empirical_cdf_distance([0.5, math.nan])
        with pytest.raises(TypeError):
            u.empirical_cdf_distance(["a"])
        with pytest.raises(TypeError):
            u.empirical_cdf_distance(3)

    def test_goodness_of_fit_accepts_own_samples(self):
        p = make_p()
        data = p.sample(200, random.Random(11))
        stat, pval = p.goodness_of_fit_test(data, 199, random.Random(2))
        assert stat == p.empirical_cdf_distance(data)
        assert pval > 0.01

    def test_goodness_of_fit_rejects_other_samples(self):
        p = make_p()
        data = IntervalPdf(BaseInterval(4, 10)).sample(200, random.Random(11))
        stat, pval = p.goodness_of_fit_test(data, 199, random.Random(2))
        assert stat > 0.5 and pval == 1 / 200

    def test_goodness_of_fit_reproducible_and_validated(self):
        p = make_p()
        data = [1, 2, 3, 4]
        assert p.goodness_of_fit_test(data, 50, random.Random(4)) == p.goodness_of_fit_test(
            data, 50, random.Random(4)
        )
        with pytest.raises(TypeError):
            p.goodness_of_fit_test(data, 9.5)
        with pytest.raises(ValueError):
            p.goodness_of_fit_test(data, 0)
        with pytest.raises(TypeError):
            p.goodness_of_fit_test(data, 9, rng=42)

    def test_two_sample_ks(self):
        stat, pval = IntervalPdf.two_sample_ks_test(
            [1, 2, 3, 4], [1, 2, 3, 4], 99, random.Random(0)
        )
        assert (stat, pval) == (0.0, 1.0)
        stat, pval = IntervalPdf.two_sample_ks_test(
            list(range(10)), list(range(20, 30)), 199, random.Random(0)
        )
        assert stat == 1.0 and pval < 0.01
        stat, _ = IntervalPdf.two_sample_ks_test([1, 2], [2, 3], 9, random.Random(0))
        assert stat == 0.5

    def test_two_sample_ks_errors(self):
        with pytest.raises(ValueError):
            IntervalPdf.two_sample_ks_test([], [1])
        with pytest.raises(TypeError):
            IntervalPdf.two_sample_ks_test([1], [2], permutations=1.5)
        with pytest.raises(ValueError):
            IntervalPdf.two_sample_ks_test([1], [2], permutations=0)
        with pytest.raises(TypeError):
            IntervalPdf.two_sample_ks_test([1], [2], rng=object())


# -- the cumulative column ---------------------------------------------------------------------
class TestCumulativeColumn:
    def test_column_follows_every_content_change(self):
        p = make_p()
        assert p._cum == [0.0, 0.25, 0.75, 1.0]
        p.update(BaseInterval(6, 8, 1))  # adds mass 2 to mass 1
        assert p.cumulative(6) == pytest.approx(1 / 3)
        p.pop(BaseInterval(6, 8))
        assert p.cumulative(6) == 1.0 and p._cum[-1] == 1.0
        p.set_data({BaseInterval(0, 1): 1})
        assert p._cum == [0.0, 1.0]
        p.check_intervals()

    def test_many_lookups_agree_with_brute_force(self):
        # speed (logarithmic lookups) is measured in benchmarks/run.py, section 6
        n = 2000
        p = IntervalPdf([BaseInterval(2 * i, 2 * i + 1, 1 + i % 7) for i in range(n)])
        rng = random.Random(0)
        total = sum(1 + i % 7 for i in range(n))
        for x in (rng.uniform(0, 2 * n) for _ in range(200)):
            k = int(x // 2)
            below = sum(1 + i % 7 for i in range(min(k, n)))
            inside = min(max(x - 2 * k, 0), 1) * (1 + k % 7) if k < n else 0
            assert p.cumulative(x) == pytest.approx((below + inside) / total, abs=1e-12)
        for q in (rng.random() for _ in range(200)):
            assert p.cumulative(p.quantile(q)) == pytest.approx(q, abs=1e-9)


# -- properties ---------------------------------------------------------------------------------
coord = st.one_of(st.integers(-50, 50), st.floats(-50, 50, allow_nan=False, allow_infinity=False))
# no subnormal weights: their normalised density rounds to 0 and the piece vanishes
# (a zero weight is refused, as in 0.4.0)
weight = st.one_of(st.integers(1, 9), st.floats(1e-3, 9))


@st.composite
def intervals(draw):
    a = draw(coord)
    length = draw(st.one_of(st.integers(1, 20), st.floats(0.01, 20)))
    return BaseInterval(a, a + length, draw(weight))


@st.composite
def pdfs(draw):
    ivs = draw(st.lists(intervals(), min_size=1, max_size=12))
    assume(any(iv.value > 0 for iv in ivs))
    return IntervalPdf(ivs)


class TestProperties:
    @given(pdfs())
    def test_density_integrates_to_one(self, p):
        assert p.total_length(force=True) == pytest.approx(1.0, abs=1e-12)
        assert p._cum[0] == 0 and p._cum[-1] == 1.0
        assert p.cumulative(p.max()) == 1.0 and p.cumulative(p.min()) == 0.0
        p.check_intervals()

    @given(st.lists(intervals(), min_size=1, max_size=12))
    def test_density_is_normalised_meter(self, ivs):
        m = IntervalMeter(ivs)
        assume(m.total_length() > 0)
        p = IntervalPdf(ivs)
        # densities are floats: pieces the meter keeps apart as 1 and 1.0 are one piece
        m = IntervalMeter([iv.with_value(float(iv.value)) for iv in m])
        total = m.total_length()
        for (k1, v1), (k2, v2) in zip(p.items(), m.items(), strict=True):
            assert k1 == k2
            assert v1 == pytest.approx(v2 / total, rel=1e-12)

    @given(pdfs(), st.floats(0, 1))
    def test_cdf_of_quantile_is_identity(self, p, q):
        x = p.quantile(q)
        assert p.cumulative(x) == pytest.approx(q, abs=1e-9)
        # the generalised inverse: nothing to the left reaches q
        assert p.cumulative(x - 1e-6 * (1 + abs(x))) <= q + 1e-9

    @given(pdfs(), st.floats(0.001, 0.999))
    def test_quantile_of_cdf_is_identity_on_the_support(self, p, frac):
        pieces = list(p)
        piece = pieces[int(frac * len(pieces))]
        x = piece.start + (piece.stop - piece.start) * frac
        q = p.cumulative(x)
        back = p.quantile(q)
        # the generalised inverse never lands right of x and gives back the same CDF value
        assert back <= x + 1e-9 * (1 + abs(x))
        assert p.cumulative(back) == pytest.approx(q, abs=1e-9)
        # with real mass between the piece start and x, it gives x itself
        if (x - piece.start) * piece.value > 1e-6:
            assert back == pytest.approx(x, abs=1e-7 * (1 + abs(x)))

    @given(pdfs(), st.floats(-60, 80), st.floats(-60, 80))
    def test_cdf_is_monotone(self, p, a, b):
        a, b = min(a, b), max(a, b)
        assert 0.0 <= p.cumulative(a) <= p.cumulative(b) <= 1.0
        assert p.probability_between(a, b) == pytest.approx(
            p.cumulative(b) - p.cumulative(a), abs=1e-15
        )

    @settings(max_examples=50)
    @given(pdfs(), pdfs())
    def test_distances_are_consistent(self, p, q):
        tv = p.total_variation_distance(q)
        assert -1e-12 <= tv <= 1 + 1e-12
        assert p.overlap_coefficient(q) == pytest.approx(1 - tv, abs=1e-9)
        assert p.wasserstein_distance(q) == pytest.approx(q.wasserstein_distance(p), abs=1e-9)
        assert p.kolmogorov_distance(q) <= tv + 1e-9
        assert 0 <= p.hellinger_distance(q) <= 1
        assert 0 <= p.jensen_shannon_divergence(q) <= math.log(2) + 1e-12
        assert abs(p.mean() - q.mean()) <= p.wasserstein_distance(q) + 1e-9

    @settings(max_examples=50)
    @given(pdfs(), pdfs())
    def test_plus_is_mixture(self, p, q):
        total = p + q
        mix = IntervalPdf.mixture([p, q])
        for x in [iv.start for iv in total] + [iv.stop for iv in total]:
            assert total.cumulative(x) == pytest.approx(mix.cumulative(x), abs=1e-9)
        total.check_intervals()

    @settings(max_examples=50)
    @given(pdfs(), st.floats(-60, 60), st.floats(0.5, 40))
    def test_condition_matches_cdf_ratio(self, p, a, width):
        b = a + width
        mass = p.probability_between(a, b)
        assume(mass > 1e-6)
        c = p.condition(a, b)
        mid = a + width / 2
        expected = (p.cumulative(mid) - p.cumulative(a)) / mass
        assert c.cumulative(mid) == pytest.approx(expected, abs=1e-9)
        c.check_intervals()
