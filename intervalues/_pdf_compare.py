"""Distances between piecewise-constant densities, and goodness-of-fit tests.

Both densities are cut at the union of their breakpoints into elementary segments on
which each is constant and each CDF is linear, so every distance below is computed
exactly per segment and summed with ``math.fsum``. The functions take validated
``IntervalPdf`` objects (anything with the :class:`Density` methods); the pdf's public
methods of the same names delegate here.

>>> from intervalues import BaseInterval, IntervalPdf
>>> p, q = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(1, 3))
>>> kolmogorov_distance(p, q), overlap_coefficient(p, q)
(0.5, 0.5)
"""

from __future__ import annotations

import math
from typing import Any, Protocol

__all__ = [
    "PROB_TOL",
    "Density",
    "comparison_segments",
    "empirical_cdf_distance",
    "first_order_stochastically_dominates",
    "goodness_of_fit_test",
    "hellinger_distance",
    "jensen_shannon_divergence",
    "kl_divergence",
    "kolmogorov_distance",
    "ks_statistic",
    "overlap_coefficient",
    "total_variation_distance",
    "two_sample_ks_test",
    "wasserstein_distance",
]

# Absolute tolerance on probabilities (CDF values live in [0, 1]) used where a decision
# must not flip on a rounding residue: dominance checks and mass targets.
PROB_TOL = 1e-12

Grid = tuple[list[Any], list[tuple[float, float]], list[float], list[float]]


class Density(Protocol):
    """What these functions need of a pdf."""

    def _dcols(self) -> tuple[Any, Any, Any]: ...
    def _cdf(self, x: Any) -> float: ...
    def _draw(self, k: int, gen: Any) -> list[float]: ...


def grid(p: Density, q: Density) -> Grid:
    """Breakpoints of both pdfs, the densities on each elementary segment, the CDFs."""
    s1, e1, d1 = p._dcols()
    s2, e2, d2 = q._dcols()
    xs = sorted({*s1, *e1, *s2, *e2})
    dens: list[tuple[float, float]] = []
    i = j = 0
    for x0 in xs[:-1]:
        while i < len(s1) and e1[i] <= x0:
            i += 1
        while j < len(s2) and e2[j] <= x0:
            j += 1
        f = d1[i] if i < len(s1) and s1[i] <= x0 else 0.0
        g = d2[j] if j < len(s2) and s2[j] <= x0 else 0.0
        dens.append((float(f), float(g)))
    return xs, dens, [p._cdf(x) for x in xs], [q._cdf(x) for x in xs]


def comparison_segments(
    p: Density, q: Density
) -> list[tuple[Any, Any, float, float, float, float]]:
    """``(start, stop, density, other_density, cdf_at_start, other_cdf_at_start)`` of
    each elementary segment."""
    xs, dens, fs, gs = grid(p, q)
    return [(xs[k], xs[k + 1], dens[k][0], dens[k][1], fs[k], gs[k]) for k in range(len(dens))]


def kolmogorov_distance(p: Density, q: Density) -> float:
    """sup |CDF_p − CDF_q|, attained at a breakpoint (both CDFs are piecewise linear)."""
    _, _, fs, gs = grid(p, q)
    return max(abs(f - g) for f, g in zip(fs, gs))


def wasserstein_distance(p: Density, q: Density) -> float:
    """∫ |CDF_p − CDF_q| dx, exactly per segment (a zero crossing splits the triangle)."""
    xs, _, fs, gs = grid(p, q)
    parts = []
    for k in range(len(xs) - 1):
        width = xs[k + 1] - xs[k]
        h0, h1 = fs[k] - gs[k], fs[k + 1] - gs[k + 1]
        if h0 * h1 >= 0:
            parts.append(width * (abs(h0) + abs(h1)) / 2)
        else:  # the linear difference crosses zero inside the segment
            parts.append(width * (h0 * h0 + h1 * h1) / (2 * (abs(h0) + abs(h1))))
    return math.fsum(parts)


def total_variation_distance(p: Density, q: Density) -> float:
    """½ ∫ |f − g| dx."""
    xs, dens, _, _ = grid(p, q)
    return math.fsum(abs(f - g) * (xs[k + 1] - xs[k]) for k, (f, g) in enumerate(dens)) / 2


def overlap_coefficient(p: Density, q: Density) -> float:
    """∫ min(f, g) dx."""
    xs, dens, _, _ = grid(p, q)
    return math.fsum(min(f, g) * (xs[k + 1] - xs[k]) for k, (f, g) in enumerate(dens))


def hellinger_distance(p: Density, q: Density) -> float:
    """sqrt(½ ∫ (sqrt f − sqrt g)² dx), summed as 0.4.0 sums it (the same bits)."""
    xs, dens, _, _ = grid(p, q)
    squared = 0.5 * math.fsum(
        (xs[k + 1] - xs[k]) * (math.sqrt(f) - math.sqrt(g)) ** 2 for k, (f, g) in enumerate(dens)
    )
    return math.sqrt(max(0.0, squared))


def jensen_shannon_divergence(p: Density, q: Density) -> float:
    """½ KL(p ‖ m) + ½ KL(q ‖ m) with m = (f + g) / 2, in nats."""
    xs, dens, _, _ = grid(p, q)
    parts = []
    for k, (f, g) in enumerate(dens):
        m = (f + g) / 2
        width = xs[k + 1] - xs[k]
        if f:
            parts.append(width * f * math.log(f / m) / 2)
        if g:
            parts.append(width * g * math.log(g / m) / 2)
    return max(0.0, math.fsum(parts))


def kl_divergence(p: Density, q: Density) -> float:
    """KL(p ‖ q) in nats; ``inf`` where ``q`` has no density under mass of ``p``."""
    xs, dens, _, _ = grid(p, q)
    parts = []
    for k, (f, g) in enumerate(dens):
        if f:
            if not g:
                return math.inf
            parts.append((xs[k + 1] - xs[k]) * f * math.log(f / g))
    return max(0.0, math.fsum(parts))


def first_order_stochastically_dominates(p: Density, q: Density, strict: bool) -> bool:
    """0.4.0's convention, ``p <=st q``: CDF_p >= CDF_q everywhere (and ``>`` somewhere
    when ``strict``), up to PROB_TOL: values of ``p`` tend to be no larger."""
    _, _, fs, gs = grid(p, q)
    if any(f < g - PROB_TOL for f, g in zip(fs, gs)):
        return False
    return not strict or any(f > g + PROB_TOL for f, g in zip(fs, gs))


def ks_statistic(p: Density, xs: list[float]) -> float:
    """sup |empirical CDF of the sorted samples ``xs`` − CDF_p|."""
    n = len(xs)
    d = 0.0
    for i, x in enumerate(xs):
        f = p._cdf(x)
        d = max(d, (i + 1) / n - f, f - i / n)
    return d


def empirical_cdf_distance(p: Density, xs: list[float]) -> float:
    """The one-sample Kolmogorov-Smirnov statistic of (unsorted) samples."""
    return ks_statistic(p, sorted(xs))


def goodness_of_fit_test(
    p: Density, xs: list[float], simulations: int, gen: Any
) -> tuple[float, float]:
    """``(statistic, p_value)``: the KS statistic and a Monte-Carlo p-value from
    ``simulations`` samples of the same size drawn from ``p``."""
    xs = sorted(xs)
    d_obs = ks_statistic(p, xs)
    hits = sum(
        ks_statistic(p, sorted(p._draw(len(xs), gen))) >= d_obs - PROB_TOL
        for _ in range(simulations)
    )
    return d_obs, (hits + 1) / (simulations + 1)


def two_sample_ks_test(
    xa: list[float], xb: list[float], permutations: int, gen: Any
) -> tuple[float, float]:
    """``(statistic, p_value)``: two-sample KS statistic and its permutation p-value."""
    n, m = len(xa), len(xb)
    d_obs = _ks2(sorted(xa), sorted(xb))
    pooled = xa + xb
    hits = 0
    for _ in range(permutations):
        shuffled = pooled.copy()  # each permutation from the pooled order, as in 0.4.0
        gen.shuffle(shuffled)
        hits += _ks2(sorted(shuffled[:n]), sorted(shuffled[n:])) >= d_obs
    return d_obs / (n * m), (hits + 1) / (permutations + 1)


def _ks2(a: list[float], b: list[float]) -> int:
    """n·m × the two-sample KS statistic of sorted samples (an exact integer)."""
    n, m = len(a), len(b)
    i = j = 0
    best = 0
    while i < n and j < m:
        x = a[i] if a[i] <= b[j] else b[j]
        while i < n and a[i] == x:
            i += 1
        while j < m and b[j] == x:
            j += 1
        best = max(best, abs(i * m - j * n))
    return best
