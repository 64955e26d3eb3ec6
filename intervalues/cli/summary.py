"""The printed summary, computed on the result's columns (NumPy when installed).

Rows, pieces, the peak and where it is, the busiest (or, for a set, the longest)
stretches, the total measure and the covered length. Only the few pieces shown become
Python objects; the rest is column arithmetic with the library's exact rules (int sums
exact, float sums as ``math.fsum``: the exact sum rounded once).

>>> format_number(1234567), format_number(12507375697168.73), format_number(3.0)
('1,234,567', '12,507,375,697,168.73', '3.0')
>>> format_length(timedelta(days=834143, seconds=85162, microseconds=600000))
'834,143 days 23:39:22.6 (20,019,455.66 h)'
"""

from __future__ import annotations

import argparse
import heapq
import math
import operator
from array import array
from datetime import datetime, timedelta
from itertools import compress, repeat
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .columns import Rows


def format_number(x: Any) -> str:
    """A number with thousands separators (a float otherwise as Python prints it)."""
    return f"{x:,}"


def format_coordinate(x: Any) -> str:
    if isinstance(x, datetime):
        return x.isoformat(sep=" ")
    return repr(x)


def format_length(x: Any) -> str:
    """A length: a number, or a duration as ``[D days ]H:MM:SS[.f] (hours h)``."""
    if not isinstance(x, timedelta):
        return format_number(x)
    hours = x / timedelta(hours=1)
    sign, x = ("-", -x) if x < timedelta(0) else ("", x)
    minutes, seconds = divmod(x.seconds, 60)
    clock = f"{minutes // 60}:{minutes % 60:02d}:{seconds:02d}"
    if x.microseconds:
        clock += f"{x.microseconds / 1e6:.6f}".rstrip("0")[1:]
    days = f"{x.days:,} day{'s' if x.days != 1 else ''} " if x.days else ""
    return f"{sign}{days}{clock} ({hours:,.2f} h)"


def plural(n: int, word: str) -> str:
    """``1 piece``, ``2 pieces``.

    >>> plural(1, "piece"), plural(1_000, "piece"), plural(2, "stretch")
    ('1 piece', '1,000 pieces', '2 stretches')
    """
    if n == 1:
        return f"1 {word}"
    return f"{n:,} {word}{'es' if word.endswith('ch') else 's'}"


class Result:
    """The result's stored columns (keys: numbers, or microseconds for datetimes) and
    how to show a key; NumPy views of them when NumPy is installed."""

    def __init__(self, collection: Any) -> None:
        from intervalues._engine.coords import from_key

        self.starts, self.stops, self.values = collection._key_columns()
        if collection._kind == "set":
            self.values = None
        self.domain = collection._layout.domain
        self._from_key = from_key
        self.np = _numpy_of(self.starts, self.stops, self.values)

    def __len__(self) -> int:
        return len(self.starts)

    def coordinate(self, k: Any) -> Any:
        return k if self.domain is None else self._from_key(k, self.domain)

    def length(self, k: Any) -> Any:
        """A sum of key lengths as the user sees it (a ``timedelta`` for datetimes)."""
        if self.domain is None or self.domain.kind == "number":
            return k
        return timedelta(microseconds=k)

    def stretch(self, a: Any, b: Any) -> str:
        return f"[{format_coordinate(self.coordinate(a))}, {format_coordinate(self.coordinate(b))}]"

    def column(self, col: Any) -> Any:
        """A NumPy view of a typed column (when NumPy is used), else the column."""
        np = self.np
        if np is None or not isinstance(col, array):
            return col
        return np.frombuffer(col, dtype=np.int64 if col.typecode == "q" else np.float64)


def _numpy_of(*cols: Any) -> Any:
    """NumPy, when it is installed and every column is a typed array."""
    if not all(c is None or isinstance(c, array) for c in cols):
        return None
    try:
        import numpy
    except ImportError:
        return None
    return numpy


def top_indexes(values: Any, n: int, np: Any) -> list[int]:
    """Indexes of the ``n`` largest values, largest first, ties in index order (as
    ``heapq.nlargest``).

    >>> top_indexes([1, 3, 2, 3], 2, None)
    [1, 3]
    """
    if np is None:
        return heapq.nlargest(n, range(len(values)), key=values.__getitem__)
    if len(values) > n:
        threshold = np.partition(values, len(values) - n)[len(values) - n]
        candidates = np.flatnonzero(values >= threshold)
    else:
        candidates = np.arange(len(values))
    order = np.argsort(-values[candidates], kind="stable")[:n]
    return candidates[order].tolist()


def exact_sum(terms: Any, np: Any) -> Any:
    """The library's sum of lengths or measures: exact for ints, ``math.fsum`` (the
    exact sum rounded once) for floats; on NumPy columns without a Python object per
    term.

    >>> exact_sum([0.1] * 10, None), exact_sum([2**62, 2**62], None)
    (1.0, 9223372036854775808)
    """
    if np is None or not hasattr(terms, "dtype"):
        terms = list(terms)
        return math.fsum(terms) if any(type(t) is float for t in terms) else sum(terms)
    if terms.dtype.kind == "f":
        return _fsum(terms, np)
    return _int_sum(terms, np)


def _fsum(x: Any, np: Any) -> float:
    """``math.fsum`` of a float64 array, vectorised: each float is ``m * 2**e`` with a
    53-bit integer ``m``; the ``m``s are summed exactly per exponent in 18-bit slices
    (float64 sums of fewer than 2**35 such slices are exact integers), and the Python
    int total is rounded once (``int / 2**k`` is correctly rounded)."""
    if len(x) == 0:
        return 0.0
    if not np.isfinite(x).all() or len(x) >= 1 << 35:
        return math.fsum(x.tolist())
    mantissa, exponent = np.frexp(x)
    m = (mantissa * 2.0**53).astype(np.int64)
    e = exponent.astype(np.int64) - 53
    low = int(e.min())
    index = e - low
    size = int(index.max()) + 1
    total = 0
    for shift in (0, 18, 36):
        part = (m >> shift) & 0x3FFFF if shift < 36 else m >> 36
        sums = np.bincount(index, weights=part.astype(np.float64), minlength=size)
        total += sum(int(s) << (k + shift) for k, s in enumerate(sums.tolist()) if s)
    if low >= 0:
        return float(total << low)
    return total / (1 << -low)


def _int_sum(col: Any, np: Any) -> int:
    """An exact int sum of an int64 NumPy column (in chunks that cannot overflow)."""
    if not len(col):
        return 0
    biggest = max(abs(int(col.max())), abs(int(col.min())))
    step = max(1, (2**63 - 1) // max(biggest, 1))
    return sum(int(col[i : i + step].sum()) for i in range(0, len(col), step))


def lengths_and_measures(res: Result) -> tuple[Any, Any]:
    """``(covered length, total measure)`` as the library computes them."""
    np = res.np
    if np is None:
        return _pure_lengths(res.starts, res.stops, res.values)
    s, e = res.column(res.starts), res.column(res.stops)
    ints = s.dtype.kind == "i"
    if ints and (int(e.max()) - int(s.min())) >= 2**62:  # a length may overflow int64
        res.np = None
        try:
            return lengths_and_measures(res)
        finally:
            res.np = np
    lengths = e - s
    covered = _int_sum(lengths, np) if ints else _fsum(lengths, np)
    if res.values is None:
        return covered, None
    v = res.column(res.values)
    if v.dtype.kind == "f" or not ints:
        return covered, _fsum(lengths.astype(np.float64) * v, np)
    biggest = int(lengths.max()) * max(abs(int(v.max())), abs(int(v.min())))
    if biggest >= 2**63:
        measures = [int(a) * int(b) for a, b in zip(lengths.tolist(), v.tolist())]
        return covered, sum(measures)
    return covered, _int_sum(lengths * v, np)


def _pure_lengths(starts: Any, stops: Any, values: Any) -> tuple[Any, Any]:
    """:func:`lengths_and_measures` without NumPy: C-level loops over the columns."""

    def floaty(col: Any) -> bool:
        if isinstance(col, array):
            return col.typecode == "d"
        return any(type(x) is float for x in col)

    coords_float = floaty(starts) or floaty(stops)
    add = math.fsum if coords_float else sum
    covered = add(map(operator.sub, stops, starts))
    if values is None:
        return covered, None
    add = math.fsum if coords_float or floaty(values) else sum
    return covered, add(map(operator.mul, map(operator.sub, stops, starts), values))


def summary(collection: Any, rows: Rows, args: argparse.Namespace) -> list[tuple[str, str]]:
    """``(label, text)`` lines describing the input and the combined collection."""
    lines = [("file", str(args.file)), ("rows read", format_number(rows.read))]
    skipped = []
    if rows.skipped_missing:
        skipped.append(f"{rows.skipped_missing:,} with an empty cell")
    if rows.skipped_reversed:
        skipped.append(f"{rows.skipped_reversed:,} with start after stop")
    if skipped:
        lines.append(("rows skipped", ", ".join(skipped)))
    weight = f"value={args.value}" if args.value else "each counts 1"
    lines.append(("intervals", f"{rows.used:,} (start={args.start}, stop={args.stop}, {weight})"))
    res = Result(collection)
    name = type(collection).__name__
    n = len(res)
    if not n:
        lines.append(("result", f"{name} of 0 pieces"))
        return lines
    first, last = res.coordinate(res.starts[0]), res.coordinate(res.stops[-1])
    where = f"from {format_coordinate(first)} to {format_coordinate(last)}"
    lines.append(("result", f"{name} of {plural(n, 'piece')} {where}"))
    np = res.np
    covered, measure = lengths_and_measures(res)
    if res.values is None:
        s, e = res.column(res.starts), res.column(res.stops)
        longest = top_indexes(
            e - s if np is not None else list(map(operator.sub, e, s)), args.top, np
        )
        items = [(res.stretch(res.starts[i], res.stops[i]), "") for i in longest]
        lines += _ranked("longest stretches", items)
    else:
        values = res.column(res.values)
        peak = values.max().item() if np is not None else max(values)
        if np is not None:
            at = np.flatnonzero(values == peak).tolist()
        else:
            at = list(compress(range(n), map(operator.eq, values, repeat(peak))))
        stretches = _merged(at, res)
        shown = ", ".join(res.stretch(a, b) for a, b in stretches[:3])
        more = f" and {len(stretches) - 3:,} more" if len(stretches) > 3 else ""
        lines.append(
            (
                "peak value",
                f"{format_number(peak)} on {plural(len(stretches), 'stretch')}: {shown}{more}",
            )
        )
        busiest = top_indexes(values, args.top, np)
        items = [
            (res.stretch(res.starts[i], res.stops[i]), f"value {format_number(res.values[i])}")
            for i in busiest
        ]
        lines += _ranked("busiest stretches", items)
        lines.append(("total measure", format_length(res.length(measure)) + "  (length x value)"))
    lines.append(("covered length", format_length(res.length(covered))))
    return lines


def _merged(indexes: list[int], res: Result) -> list[tuple[Any, Any]]:
    """The pieces at ``indexes`` as stretches, touching ones merged (sorted input)."""
    out: list[tuple[Any, Any]] = []
    for i in indexes:
        a, b = res.starts[i], res.stops[i]
        if out and out[-1][1] == a:
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out


def _ranked(label: str, items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    width = max((len(text) for text, _ in items), default=0)
    out = []
    for rank, (text, note) in enumerate(items, 1):
        line = f"{rank}. {text:<{width}}  {note}".rstrip()
        out.append((label if rank == 1 else "", line))
    return out


def print_summary(lines: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in lines)
    for label, text in lines:
        print(f"{label:<{width}}  {text}".rstrip())
