"""Rows of cells into checked columns (the bookkeeping the summary reports)."""

from __future__ import annotations

import argparse
import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from .cells import MISSING, _domain, _fast_parser, parse_coordinate, parse_value
from .errors import CliError
from .summary import format_coordinate

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)


_CHECK_EVERY = 4096  # rows between progress updates


@dataclass
class Rows:
    """The parsed columns and the bookkeeping the summary reports."""

    starts: Any = field(default_factory=list)
    stops: Any = field(default_factory=list)
    values: Any = None  # None: every interval counts 1
    read: int = 0  # data rows in the file
    skipped_missing: int = 0
    skipped_reversed: int = 0

    @property
    def used(self) -> int:
        return self.read - self.skipped_missing - self.skipped_reversed


class RowReader:
    """Turns rows of cells into columns, checking each cell (see :func:`parse_coordinate`).

    ``where(i)`` names row ``i`` in messages (``line 7`` for CSV, ``row 6`` for Parquet).
    Cells may be strings (CSV, Parquet text columns) or already typed values (Parquet).
    """

    def __init__(self, args: argparse.Namespace, where: Any) -> None:
        self.args = args
        self.where = where
        self.domain: str | None = None  # of the start/stop columns, from the first row
        self.first: tuple[str, Any] = ("", None)  # (column, cell) that fixed the domain
        self._fast: Any = None  # the parser for the domain's usual cells, once known

    @staticmethod
    def _missing(cell: Any) -> bool:
        if cell is None:
            return True
        if isinstance(cell, str):
            return (len(cell) < 8 or cell.isspace()) and cell.strip().lower() in MISSING
        return isinstance(cell, float) and math.isnan(cell)

    def _coordinate(self, cell: Any, column: str, row: int) -> Any:
        """A checked start/stop cell. Once the first row has fixed the domain, cells are
        tried with that domain's parser first; anything else takes the careful path."""
        fast = self._fast
        if fast is not None and isinstance(cell, str):
            try:
                return fast(cell)
            except (ValueError, TypeError):
                pass
        if isinstance(cell, str):
            try:
                x = parse_coordinate(cell.strip(), self.args.datetime_format)
            except ValueError as exc:
                raise CliError(f"{self.where(row)}, column {column!r}: {exc}") from None
        elif isinstance(cell, (int, float, datetime)) and not isinstance(cell, bool):
            x = cell
            if isinstance(x, float) and not math.isfinite(x):
                raise CliError(f"{self.where(row)}, column {column!r}: {x!r} is not finite")
        else:
            raise CliError(
                f"{self.where(row)}, column {column!r}: {cell!r} is not a number or a datetime"
            )
        domain = _domain(x)
        if self.domain is None:
            self.domain, self.first = domain, (column, cell)
            self._fast = _fast_parser(domain, self.args.datetime_format)
        elif domain != self.domain:
            raise CliError(
                f"{self.where(row)}, column {column!r}: {cell!r} is one of the {domain}, but "
                f"the start/stop columns began with {self.domain} ({self.first[1]!r} in "
                f"column {self.first[0]!r})"
            )
        return x

    def _value(self, cell: Any, column: str, row: int) -> Any:
        if isinstance(cell, str):
            try:
                return parse_value(cell.strip())
            except ValueError as exc:
                raise CliError(f"{self.where(row)}, column {column!r}: {exc}") from None
        if isinstance(cell, (int, float)) and not isinstance(cell, bool):
            if isinstance(cell, float) and not math.isfinite(cell):
                raise CliError(f"{self.where(row)}, column {column!r}: {cell!r} is not finite")
            return cell
        raise CliError(f"{self.where(row)}, column {column!r}: {cell!r} is not a number")

    def read(self, cells: Iterable[tuple[int, Any, Any, Any]], tick: Any = None) -> Rows:
        """Columns from ``(row, start, stop, value)`` cells (``value`` ignored without
        ``--value``). ``tick(rows)`` is called every few thousand rows."""
        args = self.args
        out = Rows(values=[] if args.value is not None else None)
        starts, stops, values = out.starts, out.stops, out.values
        missing = self._missing
        n = 0
        for n, (row, a, b, w) in enumerate(cells, 1):
            if tick is not None and not n % _CHECK_EVERY:
                tick(n)
            if missing(a) or missing(b) or (values is not None and missing(w)):
                if args.skip_missing:
                    out.skipped_missing += 1
                    continue
                empty = [
                    name
                    for name, cell in ((args.start, a), (args.stop, b), (args.value, w))
                    if name is not None and missing(cell)
                ]
                raise CliError(
                    f"{self.where(row)}: column {empty[0]!r} is empty"
                    " (use --skip-missing to skip such rows)"
                )
            start = self._coordinate(a, args.start, row)
            stop = self._coordinate(b, args.stop, row)
            if start > stop:
                if args.skip_reversed:
                    out.skipped_reversed += 1
                    continue
                raise CliError(
                    f"{self.where(row)}: start {format_coordinate(start)} (column "
                    f"{args.start!r}) is after stop {format_coordinate(stop)} (column "
                    f"{args.stop!r}) (use --skip-reversed to skip such rows)"
                )
            starts.append(start)
            stops.append(stop)
            if values is not None:
                values.append(self._value(w, args.value, row))
        out.read = n
        return out


def as_column(items: list[Any]) -> Any:
    """A parsed column as NumPy when that changes nothing (all ints within int64, all
    floats, naive datetimes), so ``from_arrays`` needs no Python object per row. Mixed
    ints and floats stay a list: the library then keeps each value's type, as it would
    for the same values given one by one (a piece covered only by ints stays an int).

    >>> as_column([2**70, 1]) == [2**70, 1], as_column([1, 2.5]) == [1, 2.5]
    (True, True)
    """
    try:
        import numpy as np
    except ImportError:
        return items
    if not items:
        return items
    first = items[0]
    if isinstance(first, datetime):
        if first.utcoffset() is None:
            return np.array(items, dtype="datetime64[us]")
        return _aware_column(items, np)
    floats = sum(type(x) is float for x in items)
    if floats == len(items):
        return np.array(items, dtype=np.float64)
    if floats or min(items) < -(2**63) or max(items) >= 2**63:
        return items
    return np.array(items, dtype=np.int64)


def _aware_column(items: list[datetime], np: Any) -> Any:
    """Aware datetimes that all share one named zone (UTC or an IANA zone) as a pyarrow
    timestamp column in that zone; anything else (mixed or fixed-offset zones, or no
    pyarrow) stays a list, which the library handles exactly, object by object."""
    zone = items[0].tzinfo
    name = "UTC" if zone is timezone.utc else getattr(zone, "key", None)
    if not isinstance(name, str) or any(x.tzinfo is not zone for x in items):
        return items
    try:
        import pyarrow
    except ImportError:
        return items
    micros = np.fromiter(
        ((x - _EPOCH) // _MICROSECOND for x in items), dtype=np.int64, count=len(items)
    )
    return pyarrow.array(micros, type=pyarrow.timestamp("us", tz=name))
