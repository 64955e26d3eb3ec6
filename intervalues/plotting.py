"""Pictures of collections with matplotlib (extra: ``pip install 'intervalues[plot]'``).

:func:`plot_steps` draws what a collection *is*, piece by piece, with nothing resampled:

* a meter, counter or pdf as a continuous step line that is 0 outside its pieces, so gaps
  drop to zero and the line rises from and returns to 0 at the ends;
* a set as filled spans of height 1 (one-point pieces ``[x;x]`` as vertical lines);
* discrete collections and pmfs as stems: a marker at every point, on a line from 0.

Datetime coordinates give a date axis; timezone-aware ones are labelled in the
collection's own zone. matplotlib is imported only when a plot is asked for, and the Agg
backend is chosen when there is no display (so it works on servers and in CI).

>>> from matplotlib.figure import Figure
>>> from intervalues import IntervalMeter
>>> ax = Figure().add_subplot()
>>> ax = plot_steps(IntervalMeter([(0, 2, 1), (1, 3, 2), (5, 6, 1)]), ax=ax)
>>> line = ax.lines[0]
>>> line.get_xdata().tolist(), line.get_ydata().tolist()
([0, 0, 1, 2, 3, 5, 6], [0, 1, 3, 2, 0, 1, 0])
"""

from __future__ import annotations

import os
import sys
from datetime import datetime, tzinfo
from typing import Any

from ._checks import fail

__all__ = ["plot_steps", "require_matplotlib", "step_vertices"]

INSTALL_HINT = "pip install 'intervalues[plot]'"


def require_matplotlib() -> Any:
    """The ``matplotlib`` module, with the Agg backend when there is no display.

    Raises ``ImportError`` naming the install command when matplotlib is missing. The
    backend is left alone when pyplot is already in use or ``MPLBACKEND`` is set.

    >>> mpl = require_matplotlib()
    >>> mpl.__name__
    'matplotlib'
    """
    try:
        import matplotlib
    except ImportError:
        raise fail("missing_matplotlib", hint=INSTALL_HINT) from None
    if (
        "matplotlib.pyplot" not in sys.modules
        and not os.environ.get("MPLBACKEND")
        and not _has_display()
    ):
        matplotlib.use("Agg")
    return matplotlib


def _has_display() -> bool:
    if sys.platform in ("win32", "darwin"):
        return True
    return bool(os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def step_vertices(starts: Any, stops: Any, values: Any) -> tuple[Any, Any]:
    """``(xs, ys)`` NumPy arrays for ``ax.step(xs, ys, where="post")`` that draw sorted,
    disjoint pieces exactly: 0 before, between and after them. O(n), vectorised.

    ``ys[i]`` is the height on ``[xs[i], xs[i+1]]``; the leading ``(start, 0)`` makes the
    line rise from 0 at the first start, the trailing 0 makes it drop at the last stop,
    and a gap between two pieces gets its own 0 step.

    >>> xs, ys = step_vertices([0, 1, 4], [1, 2, 6], [5, 3, 1])
    >>> xs.tolist(), ys.tolist()
    ([0, 0, 1, 2, 4, 6], [0, 5, 3, 0, 1, 0])
    >>> [a.tolist() for a in step_vertices([], [], [])]
    [[], []]
    """
    import numpy as np

    starts, stops, values = np.asarray(starts), np.asarray(stops), np.asarray(values)
    n = len(starts)
    if n == 0:
        return starts[:0], values[:0]
    # Piece i adds the edges (start_i, stop_i) and the heights (0, value_i), where start_i
    # and the 0 are left out when it touches the piece before (the first has no 0 either:
    # the leading 0 below covers it).
    gap = np.ones(n, dtype=bool)
    gap[1:] = starts[1:] != stops[:-1]
    keep_edges = np.ones((n, 2), dtype=bool)
    keep_edges[:, 0] = gap
    keep_heights = keep_edges.copy()
    keep_heights[0, 0] = False
    edges = np.stack([starts, stops], axis=1)[keep_edges]
    heights = np.stack([np.zeros_like(values), values], axis=1)[keep_heights]
    zero = np.zeros(1, dtype=heights.dtype)
    return np.concatenate([edges[:1], edges]), np.concatenate([zero, heights, zero])


def plot_steps(collection: Any, ax: Any = None, **kwargs: Any) -> Any:
    """Draw a meter, counter, pdf, set or pmf on ``ax`` (default: pyplot's current Axes)
    and return the Axes. O(n) in the number of pieces (discrete: in the number of points).

    ``kwargs`` go to the main matplotlib call: ``ax.step`` for step functions,
    ``ax.broken_barh`` for sets, the marker ``ax.plot`` for stems (e.g. ``color``,
    ``label``, ``linewidth``). The y label is set only when the Axes has none.

    >>> from matplotlib.figure import Figure
    >>> from intervalues import IntervalSet
    >>> ax = plot_steps(IntervalSet([(0, 2), (5, 6)]), ax=Figure().add_subplot(), color="C2")
    >>> [float(p.get_extents().x0) for p in ax.collections[0].get_paths()]
    [0.0, 5.0]
    """
    require_matplotlib()
    if ax is None:
        import matplotlib.pyplot as plt

        ax = plt.gca()
    kind = _kind_of(collection)
    if kind == "pmf":
        _stems(ax, list(collection.items()), kwargs)
    elif kind == "set":
        pieces = list(collection)
        if pieces and _is_discrete(pieces[0]):
            _stems(ax, _point_values(pieces, unit=True), kwargs)
        else:
            _spans(ax, [(p.start, p.stop) for p in pieces], kwargs)
    else:
        head = next(iter(collection), None)
        if head is not None and _is_discrete(head):
            _stems(ax, _point_values(list(collection), unit=False), kwargs)
        else:
            xs, ys = step_vertices(*collection.to_arrays())  # no object per piece
            ax.step(xs, ys, where="post", **kwargs)
    if not ax.get_ylabel():
        ax.set_ylabel(_Y_LABELS[kind])
    first = _first_coordinate(collection)
    if isinstance(first, datetime):
        _date_axis(ax, first.tzinfo if first.utcoffset() is not None else None)
    return ax


_Y_LABELS = {
    "meter": "value",
    "counter": "count",
    "pdf": "density",
    "set": "covered",
    "pmf": "probability",
}


def _kind_of(collection: Any) -> str:
    """Which drawing a collection gets, by its class (checked without importing more)."""
    names = [cls.__name__ for cls in type(collection).__mro__]
    for name, kind in (
        ("IntervalPmf", "pmf"),
        ("IntervalPdf", "pdf"),
        ("IntervalCounter", "counter"),
        ("IntervalMeter", "meter"),
        ("IntervalSet", "set"),
    ):
        if name in names:
            return kind
    raise fail("plot_type", type=type(collection).__name__)


def _is_discrete(piece: Any) -> bool:
    from .base_interval_discrete import BaseDiscreteInterval

    return isinstance(piece, BaseDiscreteInterval)


def _point_values(pieces: list[Any], unit: bool) -> list[tuple[Any, Any]]:
    """``(point, value)`` for every point of discrete pieces, summed where pieces on
    different lattices share a point (as the collection's own lookup does), sorted."""
    totals: dict[Any, Any] = {}
    for piece in pieces:
        for point, value in piece:
            totals[point] = 1 if unit else totals.get(point, 0) + value
    return sorted(totals.items())


def _stems(ax: Any, points: list[tuple[Any, Any]], kwargs: dict[str, Any]) -> None:
    xs = [x for x, _ in points]
    ys = [y for _, y in points]
    options = {"linestyle": "none", "marker": "o", **kwargs}
    (markers,) = ax.plot(xs, ys, **options)
    if xs:
        ax.vlines(xs, 0, ys, colors=markers.get_color(), linewidth=options.get("linewidth", 1))


def _spans(ax: Any, pieces: list[tuple[Any, Any]], kwargs: dict[str, Any]) -> None:
    options = {"alpha": 0.6, **kwargs}
    wide = [(a, b - a) for a, b in pieces if a != b]
    points = [a for a, b in pieces if a == b]
    bars = ax.broken_barh(wide, (0, 1), **options)
    if points:
        color = bars.get_facecolor()
        ax.vlines(points, 0, 1, colors=color[:1] if len(color) else None)


def _first_coordinate(collection: Any) -> Any:
    if _kind_of(collection) == "pmf":
        return next(iter(collection), None)
    return next((p.start for p in collection), None)


def _date_axis(ax: Any, tz: tzinfo | None) -> None:
    """Date ticks with concise labels, in ``tz`` for aware data (naive: as given)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(tz=tz)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, tz=tz))
