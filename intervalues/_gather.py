"""Interval objects to columns, and stored keys back to interval objects.

:func:`gather` validates what a user passes to a collection (one interval, a
``(start, stop[, value])`` tuple, or any iterable of them) and splits it into raw
``(starts, stops, values)`` columns per track, with the :class:`Layout` that maps keys
back to coordinates. :func:`interval_of` makes the user-facing interval of a stored
piece. Array inputs (NumPy, pandas, Arrow) go through ``_arrays`` instead.

>>> layout, cols = gather([(0, 2), (1, 3, 5)], "IntervalMeter")
>>> cols
{None: ([0, 1], [2, 3], [1, 5])}
>>> interval_of(layout, None, 0, 2, 3)
BaseInterval[0;2;3]
"""

from __future__ import annotations

import operator
from collections.abc import Iterable
from datetime import datetime, tzinfo
from typing import Any

from ._checks import check_same_domain, check_value, fail, finite
from ._engine.columns import Layout, TrackId
from ._engine.coords import NUMBER, Domain, domain_of, key_of, pick_zone, zone_rank
from ._engine.lattice import Lattice, divide, exact, exact_step, lattice_of
from .base_interval import BaseInterval, as_interval
from .base_interval_discrete import BaseDiscreteInterval

__all__ = ["Columns", "gather", "interval_of", "plus_zero", "zoned_layout"]

Columns = tuple[list[Any], list[Any], list[Any]]

_START = operator.attrgetter("start")
_STOP = operator.attrgetter("stop")
_VALUE = operator.attrgetter("value")


def interval_of(layout: Layout, track: TrackId, a: Any, b: Any, value: Any) -> BaseInterval:
    """The user-facing interval of a stored piece (no validation: keys are trusted)."""
    if track is None:
        iv = object.__new__(BaseInterval)
        iv.start = layout.coordinate(None, a)
        iv.stop = layout.coordinate(None, b)
        iv.value = value
        return iv
    d = object.__new__(BaseDiscreteInterval)
    d.start = layout.coordinate(track, a)
    d.stop = layout.coordinate(track, b - 1)
    d.step = layout.step(track)
    d.count = b - a
    d.value = value
    return d


def gather(
    items: Any, what: str, nr_digits: int | None = None, item_key: str = "not_an_interval"
) -> tuple[Layout, dict[TrackId, Columns]]:
    """Validate intervals and split them into raw columns per track.

    ``items`` is one interval (or ``(start, stop[, value])`` tuple) or any iterable of them.
    Raises ``TypeError`` for non-intervals (``item_key`` names the message for an item
    that is no interval) and for mixing discrete/continuous or domains.
    """
    if items is None:
        return Layout(None, None), {}
    if isinstance(items, BaseInterval) or (
        isinstance(items, tuple)
        and 2 <= len(items) <= 3
        and not isinstance(items[0], (BaseInterval, tuple, list))
    ):
        items = [items]
    elif isinstance(items, (str, bytes)) or not isinstance(items, Iterable):
        raise fail("not_intervals", type=type(items).__name__, where=what)
    ivs = items if type(items) is list else list(items)
    if not ivs:
        return Layout(None, None), {}
    item_types = set(map(type, ivs))
    if item_types == {BaseInterval}:  # the common case, checked at C speed
        discrete = False
    else:
        ivs = [
            x if isinstance(x, BaseInterval) else as_interval(x, "each item of data", item_key)
            for x in ivs
        ]
        discrete = ivs[0]._discrete
        if any(iv._discrete != discrete for iv in ivs):
            key = "set_mix_kind" if what == "IntervalSet" else "mixed_discrete"
            raise fail(key, where=what)
    if nr_digits is not None:
        ivs = [_rounded(iv, nr_digits) for iv in ivs]
    if discrete:
        return _gather_discrete(ivs, what)
    starts = list(map(_START, ivs))
    stops = list(map(_STOP, ivs))
    values = list(map(_VALUE, ivs))
    types = set(map(type, starts)) | set(map(type, stops))
    if types <= {int, float}:
        domain = NUMBER
        if float in types:
            if not (all(map(finite, starts)) and all(map(finite, stops))):
                raise fail("bounds_not_finite", where=what)
            starts, stops = plus_zero(starts), plus_zero(stops)
    else:
        bad = [x for x in starts + stops if not isinstance(x, datetime)]
        odd = [x for x in bad if type(x) not in (int, float)]
        if odd:
            raise fail("bound_type", value=odd[0])
        if bad:
            first = next(x for x in starts + stops if isinstance(x, datetime))
            check_same_domain(domain_of(bad[0]), domain_of(first), what)
        domain = _check_domains(starts + stops, what)
        coords = starts + stops
        starts = [key_of(x) for x in starts]
        stops = [key_of(x) for x in stops]
    _check_values(values)
    if any(map(operator.gt, starts, stops)):
        i = next(i for i, (a, b) in enumerate(zip(starts, stops)) if a > b)
        raise fail("start_after_stop", i=i, where=what, interval=ivs[i])
    if domain.kind == "aware":
        return zoned_layout(coords, starts + stops, False), {None: (starts, stops, values)}
    return Layout(domain, False), {None: (starts, stops, values)}


def zoned_layout(coords: list[Any], keys: list[Any], discrete: bool) -> Layout:
    """The layout of aware coordinates with their keys: every boundary keeps its own zone
    (where zones meet at one instant, the first by ``zone_rank``); the default zone is the
    first of all; one zone for everything costs no per-key entry.

    >>> from datetime import timezone
    >>> t = datetime(2024, 1, 1, tzinfo=timezone.utc)
    >>> lay = zoned_layout([t, t], [0, 0], False)
    >>> lay.domain.tz, lay.zones
    (datetime.timezone.utc, {})
    """
    tzs: list[tzinfo] = [x.tzinfo for x in coords]  # aware datetimes: tzinfo is set
    distinct = set(tzs)
    if len(distinct) == 1:
        return Layout(Domain("aware", tzs[0]), discrete)
    rank = {z: zone_rank(z) for z in distinct}
    best: dict[Any, Any] = {}
    for k, z in zip(keys, tzs):
        cur = best.get(k)
        if cur is None or rank[z] < rank[cur]:
            best[k] = z
    default = pick_zone(rank)
    zones = {k: z for k, z in best.items() if z is not default}
    return Layout(Domain("aware", default), discrete, zones=zones)


def plus_zero(col: list[Any]) -> list[Any]:
    """A float column with ``-0.0`` spelled ``0.0`` (one canonical zero on every path;
    the column itself when no zero is in it, found at C speed).

    >>> plus_zero([-0.0, 1.5]), plus_zero([0, 2.5])
    ([0.0, 1.5], [0, 2.5])
    """
    if 0 not in col:  # 0 == -0.0: any zero, of any type
        return col
    return [x + 0.0 if type(x) is float else x for x in col]  # -0.0 + 0.0 is 0.0


def _rounded(iv: BaseInterval, nr_digits: int) -> BaseInterval:
    def r(x: Any) -> Any:
        return round(x, nr_digits) if isinstance(x, float) else x

    if iv._discrete or isinstance(iv.start, datetime):
        return iv.with_value(r(iv.value))
    new = object.__new__(BaseInterval)
    new.start, new.stop, new.value = r(iv.start), r(iv.stop), r(iv.value)
    if new.start > new.stop:  # type: ignore[operator]  # numbers here
        new.stop = new.start
    return new


def _check_domains(coords: list[Any], what: str, discrete: bool = False) -> Domain:
    first = domain_of(coords[0])
    for x in coords:
        check_same_domain(first, domain_of(x), what, discrete=discrete)
    return first


def _check_values(values: list[Any]) -> None:
    types = set(map(type, values))
    if types <= {int, float}:
        if float in types and not all(map(finite, values)):
            bad = next(v for v in values if not finite(v))
            raise fail("must_be_finite", name="values", value=bad)
        return
    for v in values:
        check_value(v)


def _gather_discrete(ivs: list[BaseInterval], what: str) -> tuple[Layout, dict[TrackId, Columns]]:
    domain = _check_domains([iv.start for iv in ivs], what, discrete=True)
    if domain.kind == "aware":
        coords = [iv.start for iv in ivs] + [iv.stop for iv in ivs]
        layout = zoned_layout(coords, [key_of(x) for x in coords], True)
    else:
        layout = Layout(domain, True)
    cols: dict[TrackId, Columns] = {}
    _check_values([iv.value for iv in ivs])
    for iv in ivs:
        assert isinstance(iv, BaseDiscreteInterval)
        e_start, e_step = exact(iv.start), exact_step(iv.step)
        track: Lattice = lattice_of(e_start, e_step)
        k = divide(e_start - track[1], e_step)
        c = cols.get(track)
        if c is None:
            c = cols[track] = ([], [], [])
            layout.floaty[track] = False
        c[0].append(k)
        c[1].append(k + iv.count)
        c[2].append(iv.value)
        if isinstance(iv.start, float) or isinstance(iv.step, float):
            layout.floaty[track] = True
    return layout, cols
