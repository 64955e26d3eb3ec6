"""`IntervalPdf`: a piecewise-constant probability density, normalised to total mass 1.

The density is an ``IntervalMeter`` whose weights are densities, plus one more column:
``_cum[i]``, the probability mass before piece ``i`` (``_cum[0] == 0``, ``_cum[-1] == 1``).
The column is derived inside every method that changes the content, so the CDF and
quantiles are a ``bisect`` away (O(log n)) and there is no cache to invalidate.
"""

from __future__ import annotations

import math
import numbers
import random
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import accumulate, pairwise
from typing import Any, NoReturn

from . import _pdf_compare
from ._checks import check_nr_digits, check_scaled, check_use_rust, fail, finite_sums
from ._engine import combine
from ._engine.columns import Layout, Track, TrackId
from ._engine.coords import NUMBER, key_of
from ._gather import gather
from .abstract_interval import AbstractIntervalCollection
from .base_interval import BaseInterval
from .interval_meter import IntervalMeter
from .interval_set import IntervalSet

__all__ = ["IntervalPdf"]

_PROB_TOL = _pdf_compare.PROB_TOL


class IntervalPdf(IntervalMeter):
    """A probability density that is constant on each piece, with total mass 1.

    ``data`` is one continuous numeric interval or an iterable of them; each interval's
    value is its relative density (finite, ``>= 0``). Overlaps add up, then the result
    is normalised. Empty input, a non-positive length or total mass, a negative or
    non-finite weight raise ``ValueError``; discrete intervals, datetimes and
    non-intervals raise ``TypeError``.

    >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
    >>> p
    IntervalPdf:{BaseInterval[0;2]: 0.125, BaseInterval[2;4]: 0.25, BaseInterval[4;6]: 0.125}
    >>> p.cumulative(2), p.probability_between(1, 5), p.median()
    (0.25, 0.75, 3.0)
    """

    __slots__ = ("_cum",)

    _cum: list[float]

    def __init__(
        self,
        data: Iterable[BaseInterval] | BaseInterval | None = None,
        *,
        skip_combine: bool = False,
        use_rust: bool | None = None,
        nr_digits: int | None = None,
    ) -> None:
        check_nr_digits(nr_digits)
        check_use_rust(use_rust)
        layout, cols = _gather(data, nr_digits)
        if not cols:
            raise fail("pdf_empty", type=type(data).__name__)
        with finite_sums("IntervalPdf"):
            tracks = combine.build(cols, "meter", use_rust)
        self._assign(layout, tracks)

    @classmethod
    def from_arrays(
        cls, starts: Any, stops: Any, values: Any = None, *, use_rust: bool | None = None
    ) -> IntervalPdf:
        """A normalised density from columns; every raw weight must be finite and >= 0.

        >>> IntervalPdf.from_arrays([0, 2], [4, 6])
        IntervalPdf:{BaseInterval[0;2]: 0.125, BaseInterval[2;4]: 0.25, BaseInterval[4;6]: 0.125}
        """
        from ._arrays import build_from_arrays, columns_from_arrays

        _, cols = columns_from_arrays(starts, stops, values, cls.__name__)
        if isinstance(cols, dict):  # Python objects, per track
            raw: Any = [v for _, _, track_values in cols.values() for v in track_values]
        else:
            raw = cols[2].data
        if len(raw) and min(raw) < 0:  # before the sweep can hide it behind other weights
            raise fail("pdf_weights", value=min(raw))
        layout, tracks = build_from_arrays(starts, stops, values, "meter", use_rust, cls.__name__)
        return cls._from(layout, tracks)

    # -- the one place where content is set ------------------------------------------
    def _assign(self, layout: Layout, tracks: dict[TrackId, Track]) -> None:
        """Normalise ``tracks`` (any non-negative weights) and derive the CDF column.

        Every method that changes the content ends here; nothing is stored on failure.
        """
        _check_layout(layout)
        tr = tracks.get(None)
        if tr is None or not len(tr):
            raise fail("pdf_total", value=0)
        starts, stops, values = tr.starts, tr.stops, tr.values
        if min(values) < 0:
            raise fail("pdf_weights", value=min(values))
        prefix = _prefix_sums(_masses(starts, stops, values))
        total = prefix[-1]
        if isinstance(total, float) and not math.isfinite(total):  # huge weights: scale down
            top = max(values)
            values = [v / top for v in values]
            prefix = _prefix_sums(_masses(starts, stops, values))
            total = prefix[-1]
            if not math.isfinite(total):
                raise fail("pdf_overflow")
        if not total > 0:
            raise fail("pdf_total", value=total)
        if total == 1 and all(type(v) is float for v in values):
            dens = list(values)
        else:
            dens = [v / total for v in values]
        for a, b, d in zip(starts, stops, dens):
            if d - d != 0:  # a piece too short for its mass: 1 / 5e-324 is inf
                raise fail("density_not_finite", start=a, stop=b, density=d)
            if not d:  # a piece too long for its mass: 1 / 10**330 is 0.0, never dropped
                raise fail("density_underflow", start=a, stop=b)
        new = Track(starts[:], stops[:], dens).canonical()
        if len(new) != len(starts):  # rounding merged or dropped pieces: measure again
            prefix = _prefix_sums(_masses(new.starts, new.stops, new.values))
            total = prefix[-1]
        super()._assign(Layout(NUMBER, False), {None: new})
        self._cum = [c / total for c in prefix]

    def _replace_with(self, other: Any) -> None:
        """Take over another pdf's content as it is (already normalised)."""
        self._layout, self._tracks, self._cum = other._layout, other._tracks, other._cum

    def _dcols(self) -> tuple[list[Any], list[Any], list[float]]:
        """The live columns: starts, stops, densities (read them, never write)."""
        tr = self._tracks[None]
        return tr.starts, tr.stops, tr.values

    def _masses(self) -> list[float]:
        cum = self._cum
        return [cum[i + 1] - cum[i] for i in range(len(cum) - 1)]

    def copy(self) -> IntervalPdf:
        """An independent copy (no renormalisation: the copy equals the original).

        >>> p = IntervalPdf(BaseInterval(0, 2)); p.copy() == p
        True
        """
        new = object.__new__(type(self))
        new._layout = self._layout.copy()
        new._tracks = {t: tr.copy() for t, tr in self._tracks.items()}
        new._cum = self._cum[:]
        return new

    def normalize(self) -> None:
        """Rescale the densities so that Σ length × density = 1 (already the case).

        >>> p = IntervalPdf(BaseInterval(0, 4, 3)); p.normalize(); p
        IntervalPdf:{BaseInterval[0;4]: 0.25}
        """
        self._assign(self._layout, self._tracks)

    def _check(self) -> None:
        super()._check()
        starts, _, dens = self._dcols()
        cum = self._cum
        assert list(self._tracks) == [None]
        assert len(cum) == len(starts) + 1 and cum[0] == 0 and cum[-1] == 1.0
        assert all(d > 0 for d in dens)
        assert all(x <= y for x, y in pairwise(cum))

    # -- content changes ------------------------------------------------------------------
    def _coerce_other(self, other: Any, what: str) -> IntervalMeter:
        if isinstance(other, (BaseInterval, tuple)):
            items: Any = other
        elif isinstance(other, AbstractIntervalCollection):
            items = list(other)
        elif what == "update":
            raise fail("pdf_update_type", value=other, type=type(other).__name__)
        else:  # ``+``: an InvalidTypeError lets Python try the other operand
            raise fail(
                "update_type",
                value=other,
                cls=type(self),
                iv_cls=BaseInterval,
                what=what,
                type=type(other).__name__,
            )
        layout, cols = _gather(items, None, update=what == "update")
        with finite_sums("IntervalPdf"):
            return IntervalMeter._from(layout, combine.build(cols, "meter", None))

    def update(self, other: object, times: float = 1) -> None:
        """Add non-negative mass (an interval or collection, × ``times``), then renormalise.

        A pdf carries mass 1, so adding another pdf gives their equal-weight mixture.

        >>> p = IntervalPdf(BaseInterval(0, 1)); p.update(IntervalPdf(BaseInterval(1, 3))); p
        IntervalPdf:{BaseInterval[0;1]: 0.5, BaseInterval[1;3]: 0.25}
        """
        self._add_mass(other, times, "update")

    def update_meter(self, other: Any, times: Any = 1, one_by_one: bool = False) -> None:
        """Compatibility name for :meth:`update`.

        >>> p = IntervalPdf(BaseInterval(0, 1)); p.update_meter(BaseInterval(1, 2)); p
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        """
        self._add_mass(other, times, "update")

    def _update(self, other: Any, times: Any, op: str) -> None:
        """``+`` and ``+=``: the operand becomes a pdf first (0.4.0's ``as_my_type``: it
        must make a valid one, checked in 0.4.0's words), then the two are mixed with
        equal weights, as in 0.4.0."""
        if not isinstance(other, IntervalPdf):
            add = self._coerce_other(other, "add")
            if not add._tracks:
                raise fail("pdf_empty", type=type(other).__name__)
            other = IntervalPdf(add)
        self._add_mass(other, times, "update")

    def _add_mass(self, other: Any, times: Any, what: str) -> None:
        if isinstance(times, bool) or not isinstance(times, numbers.Real):
            raise fail("pdf_times_type", value=times, type=type(times).__name__)
        if not _finite_at_least(times, 0):
            raise fail("pdf_times_value", value=times)
        add = self._coerce_other(other, what)
        if times == 0 or not add._tracks:
            return
        tmp = IntervalMeter._from(self._layout.copy(), {None: self._tracks[None].copy()})
        tmp.update(add, times)  # type: ignore[arg-type]  # any Real, checked above
        self._assign(tmp._layout, tmp._tracks)

    def _remove_piece(self, t: TrackId, i: int) -> None:
        """Remove a piece and renormalise; refused when it is the last one."""
        if len(self._tracks[t]) == 1:
            raise fail("pdf_remove_last")
        super()._remove_piece(t, i)

    def setdefault(self, key: BaseInterval, default: float | None = None) -> NoReturn:
        """Not supported: a density cannot take a piece without renormalising the rest.

        >>> IntervalPdf(BaseInterval(0, 1)).setdefault(BaseInterval(2, 3))
        Traceback (most recent call last):
        ...
        NotImplementedError: setdefault is not supported for IntervalPdf; use update instead
        """
        raise fail("pdf_setdefault")

    def set_data(self, data: object) -> None:
        """Replace the content by a mapping of intervals to weights, normalised; as in
        0.4.0 a zero weight is allowed while some weight is positive (its piece is not
        stored, W11), and a failing call leaves the pdf unchanged.

        >>> p = IntervalPdf(BaseInterval(0, 1))
        >>> p.set_data({BaseInterval(0, 2): 1, BaseInterval(2, 3): 0}); p
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        >>> p.set_data({})
        Traceback (most recent call last):
        ...
        ValueError: Cannot normalize an empty IntervalPdf
        """
        if hasattr(data, "items"):
            items = list(data.items())
            if not items:
                raise fail("pdf_set_empty")
            for key, weight in items:  # 0.4.0's order: the first bad item decides
                if not isinstance(key, BaseInterval) or key._discrete:
                    break  # the collection's own checks word it
                if _is_number(weight) and not _finite_at_least(weight, 0):
                    raise fail("pdf_set_weight", value=weight, interval=key)
            kept = {k: w for k, w in items if not (_is_number(w) and w == 0)}
            if not kept:
                raise fail("pdf_set_total")
            data = kept
        super().set_data(data)

    def clear(self) -> None:
        """Not supported: an empty pdf has no mass to normalise.

        >>> IntervalPdf(BaseInterval(0, 1)).clear()
        Traceback (most recent call last):
        ...
        NotImplementedError: An IntervalPdf cannot be cleared; construct a new PDF instead
        """
        raise fail("pdf_clear")

    def subtract(self, other: object) -> None:
        """Not supported: removing mass could make the density negative.

        >>> IntervalPdf(BaseInterval(0, 2)).subtract(BaseInterval(0, 1))
        Traceback (most recent call last):
        ...
        NotImplementedError: Subtraction is not defined for probability distributions
        """
        raise fail("pdf_subtract")

    def __sub__(self, other: Any) -> NoReturn:
        """Not supported (see :meth:`subtract`).

        >>> IntervalPdf(BaseInterval(0, 2)) - BaseInterval(0, 1)
        Traceback (most recent call last):
        ...
        NotImplementedError: Subtraction is not defined for probability distributions
        """
        raise fail("pdf_subtract")

    def __rsub__(self, other: Any) -> Any:
        """Not supported: ``interval - pdf`` would negate a density (0.4.0's text says so;
        another collection on the left: ``TypeError``, as in 0.4.0).

        >>> BaseInterval(0, 2) - IntervalPdf(BaseInterval(0, 1))
        Traceback (most recent call last):
        ...
        NotImplementedError: Negation is not defined for probability distributions
        """
        if isinstance(other, AbstractIntervalCollection):
            return NotImplemented
        raise fail("pdf_negate")

    def __isub__(self, other: Any) -> NoReturn:
        """Not supported (see :meth:`subtract`).

        >>> p = IntervalPdf(BaseInterval(0, 2))
        >>> p -= BaseInterval(0, 1)
        Traceback (most recent call last):
        ...
        NotImplementedError: Subtraction is not defined for probability distributions
        """
        raise fail("pdf_subtract")

    def __neg__(self) -> NoReturn:
        """Not supported: a negated density is not a density.

        >>> -IntervalPdf(BaseInterval(0, 2))
        Traceback (most recent call last):
        ...
        NotImplementedError: Negation is not defined for probability distributions
        """
        raise fail("pdf_negate")

    def __mul__(self, factor: float) -> IntervalPdf:
        """A copy: a pdf is scale-free, but the factor must still be finite and > 0.

        >>> IntervalPdf(BaseInterval(0, 2)) * 3
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        """
        _check_scale(factor)
        return self.copy()

    __rmul__ = __mul__

    def __imul__(self, factor: float) -> IntervalPdf:
        """In place ``*``: checks the factor, changes nothing.

        >>> p = IntervalPdf(BaseInterval(0, 2)); p *= 5; p
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        """
        _check_scale(factor)
        return self

    def __truediv__(self, factor: float) -> IntervalPdf:
        """A copy, like ``*`` (the divisor must be finite and > 0).

        >>> IntervalPdf(BaseInterval(0, 2)) / 4
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        """
        _check_scale(factor)
        return self.copy()

    def convert_timezone_inplace(
        self, target_timezone: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> None:
        """Not applicable: a pdf holds numbers only (raises ``TypeError`` like ``to_timezone``).

        >>> IntervalPdf(BaseInterval(0, 1)).convert_timezone_inplace(None)
        Traceback (most recent call last):
        ...
        TypeError: timezone conversion requires datetime coordinates: an IntervalPdf holds numbers
        """
        raise fail("tz_needs_datetimes", what="an IntervalPdf")

    def to_timezone(
        self, target_timezone: Any, *, remove_timezone: bool = False, fold: int | None = None
    ) -> Any:
        """Not applicable: a pdf holds numbers only.

        >>> IntervalPdf(BaseInterval(0, 1)).to_timezone(None)
        Traceback (most recent call last):
        ...
        TypeError: timezone conversion requires datetime coordinates: an IntervalPdf holds numbers
        """
        raise fail("tz_needs_datetimes", what="an IntervalPdf")

    # -- conversions --------------------------------------------------------------------------
    def as_pdf(self) -> IntervalPdf:
        """A copy.

        >>> IntervalPdf(BaseInterval(0, 2)).as_pdf()
        IntervalPdf:{BaseInterval[0;2]: 0.5}
        """
        return self.copy()

    @staticmethod
    def as_my_type(other: Any) -> IntervalPdf:
        """``other`` (an interval or collection) as a normalised ``IntervalPdf``.

        >>> IntervalPdf.as_my_type(BaseInterval(0, 4, 2))
        IntervalPdf:{BaseInterval[0;4]: 0.25}
        """
        if isinstance(other, IntervalPdf):
            return other.copy()
        return IntervalPdf(other if isinstance(other, BaseInterval) else list(other))

    # -- lengths and pointwise ----------------------------------------------------------------
    def total_length(self, force: bool = False) -> float:
        """The total mass: ``1`` (as in 0.4.0), or with ``force=True`` Σ length × density
        as computed.

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> p.total_length(), p.total_length(force=True)
        (1, 1.0)
        """
        if not force:
            return 1
        starts, stops, dens = self._dcols()
        return math.fsum((b - a) * d for a, b, d in zip(starts, stops, dens))

    def density_at(self, x: float) -> float:
        """The density at ``x``: right-continuous at inner boundaries, the last piece's
        density at the right end, 0 outside. O(log n).

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> p.density_at(2), p.density_at(6), p.density_at(7)
        (0.25, 0.125, 0.0)
        """
        x = _real(x, "x", _X_KEYS)
        starts, stops, dens = self._dcols()
        i = bisect_right(starts, x) - 1
        if i >= 0 and x < stops[i]:
            return float(dens[i])
        if x == stops[-1]:
            return float(dens[-1])
        return 0.0

    def _cdf(self, x: Any) -> float:
        starts, stops, dens = self._dcols()
        if x <= starts[0]:
            return 0.0
        if x >= stops[-1]:
            return 1.0
        i = bisect_right(starts, x) - 1
        cum = self._cum
        if x >= stops[i]:
            return cum[i + 1]
        return min(cum[i + 1], max(cum[i], cum[i] + (x - starts[i]) * dens[i]))

    def cumulative(self, x: float) -> float:
        """P(X <= x), the cumulative distribution function. O(log n).

        ``x`` may be ``±inf``; NaN raises ``ValueError``.

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).cumulative(2)
        0.25
        """
        return self._cdf(_real(x, "x", _X_KEYS))

    def cumsum(self, x: float) -> float:
        """Alias of :meth:`cumulative`.

        >>> IntervalPdf(BaseInterval(0, 4)).cumsum(1)
        0.25
        """
        return self.cumulative(x)

    def survival(self, x: float) -> float:
        """P(X > x) = 1 − CDF(x). O(log n).

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).survival(2)
        0.75
        """
        return 1.0 - self.cumulative(x)

    def probability_between(self, start: float, stop: float) -> float:
        """P(start <= X <= stop) = CDF(stop) − CDF(start); ``start > stop`` raises
        ``ValueError``. O(log n).

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).probability_between(1, 5)
        0.75
        """
        start, stop = _real(start, "start", _BETWEEN_KEYS), _real(stop, "stop", _BETWEEN_KEYS)
        if start > stop:
            raise fail("pdf_reversed", a=start, b=stop)
        return max(0.0, self._cdf(stop) - self._cdf(start))

    # -- quantiles ------------------------------------------------------------------------------
    def _quantile(self, q: float) -> float:
        starts, stops, dens = self._dcols()
        if q <= 0:
            return float(starts[0])
        if q >= 1:
            return float(stops[-1])
        cum = self._cum
        i = min(max(bisect_left(cum, q) - 1, 0), len(starts) - 1)
        x = starts[i] + (q - cum[i]) / dens[i]
        return float(min(max(x, starts[i]), stops[i]))

    def inverse_cumulative(self, p: float) -> float:
        """The smallest ``x`` with CDF(x) >= p (``p`` in [0, 1]). O(log n). At ``p`` 0 and 1
        the support's bounds as stored (an ``int`` stays an ``int``, as in 0.4.0).

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> p.inverse_cumulative(0.25), p.inverse_cumulative(0), p.inverse_cumulative(1)
        (2.0, 0, 6)
        """
        q = _probability(p, "p", _P_KEYS)
        if q in (0, 1):
            starts, stops, _ = self._dcols()
            return starts[0] if q == 0 else stops[-1]
        return self._quantile(q)

    def quantile(self, p: float) -> float:
        """Alias of :meth:`inverse_cumulative`.

        >>> IntervalPdf(BaseInterval(0, 10)).quantile(0.9)
        9.0
        """
        return self.inverse_cumulative(p)

    def median(self) -> float:
        """The 0.5 quantile.

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).median()
        3.0
        """
        return self._quantile(0.5)

    def credible_interval(self, level: float = 0.95) -> tuple[float, float]:
        """The equal-tailed interval holding ``level`` of the mass (``0 < level < 1``).

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).credible_interval(0.5)
        (2.0, 4.0)
        """
        level = _probability(level, "level", _LEVEL_KEYS)
        if level in (0, 1):
            raise fail("pdf_level_range", value=level)
        tail = (1.0 - level) / 2
        return self._quantile(tail), self._quantile(1.0 - tail)

    def highest_density_region(self, mass: float = 0.95) -> IntervalSet:
        """A region holding ``mass`` (``0 < mass <= 1``), as an ``IntervalSet``, chosen as
        0.4.0 chooses it: pieces densest first (leftmost first among equal densities),
        whole while they fit, and the first piece that does not fit is trimmed to its
        centred part holding the rest.

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> p.highest_density_region(0.5)
        IntervalSet:{BaseInterval[2;4]}
        >>> p.highest_density_region(0.75)
        IntervalSet:{BaseInterval[0;4]}
        >>> p.highest_density_region(0.625)
        IntervalSet:{BaseInterval[0.5;1.5], BaseInterval[2;4]}
        """
        mass = _probability(mass, "mass", _MASS_KEYS)
        if mass == 0:
            raise fail("pdf_mass_range", value=mass)
        starts, stops, dens = self._dcols()
        order = sorted(range(len(dens)), key=lambda i: (-dens[i], starts[i]))
        remaining = mass
        chosen: list[BaseInterval] = []
        for i in order:
            a, b, d = starts[i], stops[i], dens[i]
            piece_mass = d * (b - a)
            if remaining >= piece_mass or math.isclose(
                remaining, piece_mass, rel_tol=1e-12, abs_tol=1e-15
            ):
                chosen.append(BaseInterval(a, b))
                remaining = max(0.0, remaining - piece_mass)
                if remaining == 0:
                    break
                continue
            margin = ((b - a) - remaining / d) / 2
            chosen.append(BaseInterval(a + margin, b - margin))
            break
        return IntervalSet(chosen)

    # -- moments -------------------------------------------------------------------------------
    def mean(self) -> float:
        """The expected value.

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).mean()
        3.0
        """
        starts, stops, dens = self._dcols()  # 0.4.0's terms, so the same bits
        return math.fsum(d * (b - a) * (a + b) / 2 for a, b, d in zip(starts, stops, dens))

    def variance(self) -> float:
        """The variance (each piece contributes its spread around the mean and width²/12).

        >>> round(IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).variance(), 6)
        2.333333
        """
        mu = self.mean()
        starts, stops, _ = self._dcols()
        masses = self._masses()
        return math.fsum(
            m * (((a + b) / 2 - mu) ** 2 + (b - a) ** 2 / 12)
            for a, b, m in zip(starts, stops, masses)
        )

    def standard_deviation(self) -> float:
        """The square root of :meth:`variance`.

        >>> IntervalPdf(BaseInterval(0, 12)).standard_deviation() == math.sqrt(12)
        True
        """
        return math.sqrt(self.variance())

    # -- sampling and transformations ---------------------------------------------------------
    def sample(self, k: int = 1, rng: random.Random | None = None) -> list[float]:
        """``k`` independent draws (inverse CDF of uniform numbers), as a list of floats.

        ``rng`` is an optional ``random.Random`` for reproducible draws.

        >>> p = IntervalPdf(BaseInterval(0, 1))
        >>> p.sample(3, random.Random(1)) == p.sample(3, random.Random(1))
        True
        >>> len(p.sample(5)), all(0 <= x <= 1 for x in p.sample(5))
        (5, True)
        """
        return self._draw(_count(k, "k", _K_KEYS), _rng(rng))

    def _draw(self, k: int, gen: Any) -> list[float]:
        draw = gen.random
        return [self._quantile(draw()) for _ in range(k)]

    def condition(self, start: float, stop: float) -> IntervalPdf:
        """The pdf truncated to ``[start, stop]`` and renormalised (bounds may be infinite).

        A region of zero probability raises ``ValueError``.

        >>> IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)]).condition(3, float("inf"))
        IntervalPdf:{BaseInterval[3;4]: 0.5, BaseInterval[4;6]: 0.25}
        """
        start, stop = _real(start, "start", _RANGE_KEYS), _real(stop, "stop", _RANGE_KEYS)
        if start > stop:
            raise fail("pdf_reversed", a=start, b=stop)
        start, stop = key_of(start), key_of(stop)  # -0.0 is stored as 0.0
        starts, stops, dens = self._dcols()
        lo = bisect_left(stops, start)
        hi = bisect_right(starts, stop)
        cut = Track([], [], [])
        for s, e, d in zip(starts[lo:hi], stops[lo:hi], dens[lo:hi]):
            s2, e2 = (s if s >= start else start), (e if e <= stop else stop)
            if s2 < e2:
                cut.starts.append(s2)
                cut.stops.append(e2)
                cut.values.append(d)
        if not len(cut):
            raise fail("pdf_condition_zero", a=start, b=stop)
        return type(self)._from(Layout(NUMBER, False), {None: cut})

    @classmethod
    def mixture(
        cls, distributions: Iterable[IntervalPdf], weights: Iterable[Any] | None = None
    ) -> IntervalPdf:
        """The weighted mixture of distributions (weights finite, ``>= 0``, renormalised).

        >>> IntervalPdf.mixture(
        ...     [IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(2, 4))], weights=[3, 1]
        ... )
        IntervalPdf:{BaseInterval[0;1]: 0.75, BaseInterval[2;4]: 0.125}
        """
        distributions = list(distributions)
        if not distributions:
            raise fail("mixture_empty")
        for p in distributions:
            if not isinstance(p, IntervalPdf):
                raise fail("mixture_type", type=type(p).__name__)
        if weights is None:
            ws: list[Any] = [1] * len(distributions)
        else:
            ws = list(weights)
            if len(ws) != len(distributions):
                raise fail("mixture_weight_count", pdfs=len(distributions), weights=len(ws))
            for w in ws:
                if isinstance(w, bool) or not isinstance(w, numbers.Real):
                    raise fail("mixture_weight_type", type=type(w).__name__, value=w)
                if not _finite_at_least(w, 0):
                    raise fail("mixture_weight_value", value=w)
            if not any(ws):
                raise fail("mixture_weight_zero", value=ws)
        starts: list[Any] = []
        stops: list[Any] = []
        values: list[Any] = []
        for p, w in zip(distributions, ws):
            if w:
                s, e, d = p._dcols()
                starts.extend(s)
                stops.extend(e)
                values.extend(check_scaled([x * w for x in d], d, w, "weights"))
        with finite_sums("IntervalPdf.mixture"):
            tracks = combine.build({None: (starts, stops, values)}, "meter", None)
        return cls._from(Layout(NUMBER, False), tracks)

    # -- comparing two pdfs ---------------------------------------------------------------------
    def _other(self, other: Any) -> IntervalPdf:
        if not isinstance(other, IntervalPdf):
            raise fail("pdf_compare", type=type(other).__name__)
        return other

    def comparison_segments(
        self, other: IntervalPdf
    ) -> list[tuple[Any, Any, float, float, float, float]]:
        """Elementary segments of both pdfs: ``(start, stop, density, other_density,
        cdf_at_start, other_cdf_at_start)``, covering both supports and the gaps between.

        >>> p, q = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(1, 3))
        >>> p.comparison_segments(q)
        [(0, 1, 0.5, 0.0, 0.0, 0.0), (1, 2, 0.5, 0.5, 0.5, 0.0), (2, 3, 0.0, 0.5, 1.0, 0.5)]
        """
        return _pdf_compare.comparison_segments(self, self._other(other))

    def kolmogorov_distance(self, other: IntervalPdf) -> float:
        """sup |CDF − other CDF| (attained at a breakpoint: both CDFs are piecewise linear).

        >>> IntervalPdf(BaseInterval(0, 2)).kolmogorov_distance(IntervalPdf(BaseInterval(1, 3)))
        0.5
        """
        return _pdf_compare.kolmogorov_distance(self, self._other(other))

    def wasserstein_distance(self, other: IntervalPdf) -> float:
        """The first Wasserstein (earth mover's) distance, ∫ |CDF − other CDF| dx, exactly.

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> p.wasserstein_distance(IntervalPdf(BaseInterval(2, 8)))
        2.0
        """
        return _pdf_compare.wasserstein_distance(self, self._other(other))

    def total_variation_distance(self, other: IntervalPdf) -> float:
        """½ ∫ |density − other density| dx, in [0, 1].

        >>> p = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        >>> round(p.total_variation_distance(IntervalPdf(BaseInterval(2, 8))), 6)
        0.416667
        """
        return _pdf_compare.total_variation_distance(self, self._other(other))

    def overlap_coefficient(self, other: IntervalPdf) -> float:
        """∫ min(density, other density) dx (1 − total variation), in [0, 1].

        >>> IntervalPdf(BaseInterval(0, 2)).overlap_coefficient(IntervalPdf(BaseInterval(1, 3)))
        0.5
        """
        return _pdf_compare.overlap_coefficient(self, self._other(other))

    def hellinger_distance(self, other: IntervalPdf) -> float:
        """sqrt(1 − ∫ sqrt(density × other density) dx), in [0, 1].

        >>> IntervalPdf(BaseInterval(0, 1)).hellinger_distance(IntervalPdf(BaseInterval(2, 3)))
        1.0
        """
        return _pdf_compare.hellinger_distance(self, self._other(other))

    def jensen_shannon_divergence(self, other: IntervalPdf) -> float:
        """½ KL(p ‖ m) + ½ KL(q ‖ m) with m the average density, in nats (at most ln 2).

        >>> p, q = IntervalPdf(BaseInterval(0, 1)), IntervalPdf(BaseInterval(2, 3))
        >>> p.jensen_shannon_divergence(q) == math.log(2)
        True
        """
        return _pdf_compare.jensen_shannon_divergence(self, self._other(other))

    def kl_divergence(self, other: IntervalPdf) -> float:
        """Kullback-Leibler divergence KL(self ‖ other) in nats; ``inf`` where ``other`` has
        no density under mass of ``self``.

        >>> IntervalPdf(BaseInterval(0, 1)).kl_divergence(IntervalPdf(BaseInterval(0, 2)))
        0.6931471805599453
        >>> IntervalPdf(BaseInterval(0, 2)).kl_divergence(IntervalPdf(BaseInterval(0, 1)))
        inf
        """
        return _pdf_compare.kl_divergence(self, self._other(other))

    def quantile_difference(
        self, other: IntervalPdf, probabilities: float | Iterable[float]
    ) -> float | list[tuple[float, float]]:
        """``(p, self.quantile(p) − other.quantile(p))`` pairs for a sequence of ``p``, as
        in 0.4.0; for one ``p`` just the difference.

        >>> p, q = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(1, 3))
        >>> p.quantile_difference(q, 0.5), p.quantile_difference(q, [0, 1])
        (-1.0, [(0, -1), (1, -1)])
        """
        other = self._other(other)
        if isinstance(probabilities, (numbers.Real, str, bytes)):
            q = _probability(probabilities, "probabilities", _PS_KEYS)
            return self.inverse_cumulative(q) - other.inverse_cumulative(q)
        ps = list(probabilities)  # type: ignore[arg-type]
        qs = [_probability(p, "each of probabilities", _PS_KEYS) for p in ps]
        return [
            (p, self.inverse_cumulative(q) - other.inverse_cumulative(q)) for p, q in zip(ps, qs)
        ]

    def first_order_stochastically_dominates(
        self, other: IntervalPdf, *, strict: bool = False
    ) -> bool:
        """0.4.0's convention, ``self <=st other``: CDF(x) >= other CDF(x) everywhere, so
        values of ``self`` tend to be no larger; with ``strict=True`` also ``>``
        somewhere. Rounding residues below 1e-12 are ignored.

        >>> p, q = IntervalPdf(BaseInterval(1, 3)), IntervalPdf(BaseInterval(0, 2))
        >>> p.first_order_stochastically_dominates(q), q.first_order_stochastically_dominates(p)
        (False, True)
        >>> p.first_order_stochastically_dominates(p, strict=True)
        False
        """
        return _pdf_compare.first_order_stochastically_dominates(self, self._other(other), strict)

    # -- goodness of fit -------------------------------------------------------------------------
    def empirical_cdf_distance(self, samples: Iterable[float]) -> float:
        """The one-sample Kolmogorov-Smirnov statistic sup |empirical CDF − CDF|.

        >>> IntervalPdf(BaseInterval(0, 1)).empirical_cdf_distance([0.25, 0.75])
        0.25
        """
        return _pdf_compare.empirical_cdf_distance(self, _samples(samples, "samples"))

    def goodness_of_fit_test(
        self, samples: Iterable[Any], simulations: int = 999, rng: random.Random | None = None
    ) -> tuple[float, float]:
        """``(statistic, p_value)``: the KS statistic of ``samples`` against this pdf and a
        Monte-Carlo p-value from ``simulations`` samples of the same size drawn from it.

        >>> p = IntervalPdf(BaseInterval(0, 1))
        >>> stat, pval = p.goodness_of_fit_test([0.1, 0.4, 0.8], 99, random.Random(0))
        >>> round(stat, 6), 0 < pval <= 1
        (0.266667, True)
        """
        xs = _samples(samples, "samples")
        sims = _count(simulations, "simulations", _RUNS_KEYS)
        if sims < 1:
            raise fail("pdf_runs_min", name="simulations", value=sims)
        return _pdf_compare.goodness_of_fit_test(self, xs, sims, _rng(rng))

    @staticmethod
    def two_sample_ks_test(
        samples_a: Iterable[Any],
        samples_b: Iterable[Any],
        permutations: int = 999,
        rng: random.Random | None = None,
    ) -> tuple[float, float]:
        """``(statistic, p_value)``: two-sample KS statistic and its permutation p-value.

        >>> IntervalPdf.two_sample_ks_test([1, 2, 3], [1, 2, 3], 99, random.Random(0))
        (0.0, 1.0)
        >>> stat, pval = IntervalPdf.two_sample_ks_test([1, 2, 3], [7, 8, 9], 99, random.Random(0))
        >>> stat, pval < 0.2
        (1.0, True)
        """
        xa, xb = _samples(samples_a, "samples_a"), _samples(samples_b, "samples_b")
        perms = _count(permutations, "permutations", _RUNS_KEYS)
        if perms < 1:
            raise fail("pdf_runs_min", name="permutations", value=perms)
        return _pdf_compare.two_sample_ks_test(xa, xb, perms, _rng(rng))


# -- helpers -------------------------------------------------------------------------------------
def _gather(
    data: Any, nr_digits: int | None, update: bool = False
) -> tuple[Layout, dict[Any, Any]]:
    """Validated raw columns: continuous numbers, positive lengths, weights >= 0. Errors
    read as 0.4.0's for the first bad interval (``update``: as 0.4.0's updates)."""
    try:
        layout, cols = gather(data, "IntervalPdf", nr_digits)
    except TypeError:
        if not update:
            _first_bad_input(data)
        raise
    _check_layout(layout, update)
    if not cols:
        return layout, cols
    if not update and not any(cols[None][2]):
        raise fail("pdf_zero_weights")
    for a, b, v in zip(*cols[None]):  # 0.4.0 checked length x weight: "positive length"
        if not a < b:
            key = "pdf_update_weights" if update else "pdf_length"
            raise fail(key, interval=f"[{a};{b}]")
        if v < 0:
            key = "pdf_update_weights" if update else "pdf_negative"
            raise fail(key, interval=f"[{a};{b}]", value=v)
        if v == 0 and not update:  # a zero weight is a zero weighted length, as in 0.4.0
            raise fail("pdf_length", interval=f"[{a};{b};{v}]")
    return layout, cols


def _first_bad_input(data: Any) -> None:
    """Raise 0.4.0's error for the first input of ``data`` that no pdf accepts (0.4.0
    checked interval by interval, before looking at the mix)."""
    if isinstance(data, BaseInterval):
        items: Any = [data]
    elif isinstance(data, (list, tuple, str)):
        items = data
    else:
        raise fail("pdf_not_intervals", type=type(data).__name__)
    for iv in items:
        if not isinstance(iv, BaseInterval):
            raise fail("pdf_input_type", type=type(iv).__name__, value=iv)
        if isinstance(iv.start, datetime):
            raise fail("pdf_datetime", value=iv)
        if iv._discrete:
            raise fail("pdf_discrete", value=iv)


def _check_layout(layout: Layout, update: bool = False) -> None:
    """A pdf holds continuous numeric intervals only (0.4.0's texts)."""
    if layout.domain is not None and layout.domain.kind != "number":
        if update:
            raise fail("pdf_update_weights", interval="datetime intervals")
        raise fail("pdf_datetime", value="datetime intervals")
    if layout.discrete:
        if update:
            raise fail("pdf_update_weights", interval="discrete intervals")
        raise fail("pdf_discrete", value="discrete intervals")


def _masses(starts: Sequence[Any], stops: Sequence[Any], values: Sequence[Any]) -> list[Any]:
    """``(stop - start) * value`` of each piece (``inf`` past the float range); an int
    beyond the float range meeting a float is the clear ``"pdf_overflow"``."""
    try:
        return [(b - a) * v for a, b, v in zip(starts, stops, values)]
    except OverflowError:
        raise fail("pdf_overflow") from None


def _prefix_sums(masses: list[Any]) -> list[Any]:
    """Running totals ``[0, m0, m0 + m1, ...]``: exact for ints, compensated for floats."""
    if all(type(m) is int for m in masses):
        return [0, *accumulate(masses)]
    out: list[Any] = [0.0]
    total = 0.0
    comp = 0.0
    for m in masses:  # Neumaier's compensated summation
        t = total + m
        if abs(total) >= abs(m):
            comp += (total - t) + m
        else:
            comp += (m - t) + total
        total = t
        out.append(total + comp)
    return out


#: Message keys ``(wrong type, NaN or out of range)`` per argument, with 0.4.0's texts.
_X_KEYS = ("real_type", "pdf_x_nan")
_BETWEEN_KEYS = ("real_type", "pdf_range_nan")
_RANGE_KEYS = ("pdf_range_type", "pdf_range_nan")
_P_KEYS = ("pdf_p_type", "pdf_p_range")
_LEVEL_KEYS = ("pdf_level_type", "pdf_level_range")
_MASS_KEYS = ("pdf_mass_type", "pdf_mass_range")
_PS_KEYS = ("pdf_probabilities_type", "pdf_probabilities_range")
_K_KEYS = ("pdf_k_type", "pdf_k_negative")
_RUNS_KEYS = ("pdf_runs_type", "pdf_runs_min")


def _real(x: Any, name: str, keys: tuple[str, str]) -> Any:
    """A real number (``±inf`` allowed, NaN not); ``keys`` name the two messages."""
    if isinstance(x, bool) or not isinstance(x, numbers.Real):
        raise fail(keys[0], name=name, type=type(x).__name__, value=x)
    if isinstance(x, float) or not isinstance(x, int):
        x = float(x)
        if math.isnan(x):
            raise fail(keys[1], name=name, value=x)
    return x


def _probability(p: Any, name: str, keys: tuple[str, str]) -> float:
    p = _real(p, name, keys)
    if not 0 <= p <= 1:
        raise fail(keys[1], name=name, value=p)
    return float(p)


def _count(k: Any, name: str, keys: tuple[str, str]) -> int:
    if isinstance(k, bool) or not isinstance(k, int):
        raise fail(keys[0], name=name, type=type(k).__name__, value=k)
    if k < 0:
        raise fail(keys[1], name=name, value=k)
    return k


def _rng(rng: Any) -> Any:
    """``rng``, or the ``random`` module itself (its shared generator, which has the same
    ``random``/``shuffle`` functions) when ``rng`` is None."""
    if rng is None:
        return random
    if not isinstance(rng, random.Random):
        raise fail("pdf_rng", type=type(rng).__name__)
    return rng


def _samples(samples: Any, name: str) -> list[float]:
    """Finite observations, checked in 0.4.0's order: type, emptiness, then each one."""
    if isinstance(samples, (str, bytes)) or not isinstance(samples, Iterable):
        raise fail("pdf_samples_type", name=name, type=type(samples).__name__)
    items = list(samples)
    if not items:
        raise fail("pdf_samples_empty", name=name)
    xs = []
    for x in items:
        if isinstance(x, bool) or not isinstance(x, numbers.Real):
            raise fail("pdf_samples_item_type", name=name, type=type(x).__name__, value=x)
        try:
            x = float(x)
        except OverflowError:  # an int or Fraction beyond the float range
            raise fail("pdf_samples_finite", name=name, value=x) from None
        if not math.isfinite(x):
            raise fail("pdf_samples_finite", name=name, value=x)
        xs.append(x)
    return xs


def _check_scale(factor: Any) -> None:
    if isinstance(factor, bool) or not isinstance(factor, numbers.Real):
        raise fail("pdf_scale_type", type=type(factor).__name__, value=factor)
    if not _finite_at_least(factor, 0) or factor == 0:
        raise fail("pdf_scale_value", value=factor)


def _finite_at_least(x: Any, low: int) -> bool:
    """Whether the real number ``x`` is finite and ``>= low`` (big ints included)."""
    if isinstance(x, numbers.Integral):
        return int(x) >= low
    try:
        return math.isfinite(x) and x >= low
    except OverflowError:  # a Fraction beyond the float range is finite
        return bool(x >= low)


def _is_number(x: object) -> bool:
    """A real number that is not a bool (a weight the pdf can judge)."""
    return isinstance(x, numbers.Real) and not isinstance(x, bool)
