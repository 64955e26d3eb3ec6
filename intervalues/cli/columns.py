"""Cells into typed columns, a batch at a time, without a Python object per row.

A column has one type, decided by all of its cells as pyarrow or pandas would decide it:
ints (``array('q')``), or floats (``array('d')``) as soon as one cell is a float, or
datetimes (ISO 8601, or ``--datetime-format``). Each batch of cells is converted in one
go (``array('q', map(int, cells))``); only a batch holding something else (a float in
an int column, an empty cell, a bad cell) is looked at cell by cell, to promote the
column, skip the row or name the line in the error. The pyarrow reader
(:mod:`.csv_input`) follows the same rule, and hands any file it cannot read exactly the
same way back to this one, so both give the same answers and the same messages.

>>> reader = ColumnReader(Options("s", "e", "w"), lambda k: f"line {k + 2}")
>>> reader.add([["0", "4", "84"], ["2", "6", "84.5"]])
>>> rows = reader.finish()
>>> rows.starts, rows.values
(array('q', [0, 2]), array('d', [84.0, 84.5]))
"""

from __future__ import annotations

import math
import operator
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from itertools import compress
from typing import Any

from .cells import MISSING, NOT_A_NUMBER, parse_coordinate, parse_value
from .errors import CliError, fail
from .summary import format_coordinate

_I64 = 2**63

_ROLES = ("start", "stop", "value")


@dataclass
class Options:
    """What the readers need from the command line (a subset of its arguments)."""

    start: str
    stop: str
    value: str | None = None
    datetime_format: str | None = None
    skip_missing: bool = False
    skip_reversed: bool = False

    @classmethod
    def of(cls, args: Any) -> Options:
        return cls(
            args.start,
            args.stop,
            args.value,
            args.datetime_format,
            args.skip_missing,
            args.skip_reversed,
        )


@dataclass
class Rows:
    """The typed columns and the bookkeeping the summary reports."""

    starts: Any = field(default_factory=lambda: array("q"))
    stops: Any = field(default_factory=lambda: array("q"))
    values: Any = None  # None: every interval counts 1
    read: int = 0  # data rows in the file
    skipped_missing: int = 0
    skipped_reversed: int = 0

    @property
    def used(self) -> int:
        return self.read - self.skipped_missing - self.skipped_reversed


class _Column:
    """One needed column: its type so far (``None`` until a cell is seen) and its data."""

    def __init__(self, name: str, coordinate: bool) -> None:
        self.name = name
        self.coordinate = coordinate
        self.kind: str | None = None  # "int", "float", "naive", "aware"
        self.data: Any = array("q")

    def fast(self, cells: list[str], fmt: str | None) -> Any:
        """The batch converted in one go, or None when some cell needs a closer look."""
        try:
            if fmt is not None and self.coordinate:
                return None
            if self.kind in (None, "int"):
                part = array("q", map(int, cells))
                if self.kind is None and part:
                    self.kind = "int"
                return part
            if self.kind == "float":
                floats = array("d", map(float, cells))
                return floats if all(map(math.isfinite, floats)) else None
        except (ValueError, OverflowError):
            return None
        return None  # datetimes: cell by cell

    def promote(self, kind: str) -> None:
        """Adopt the batch's kind: ints become floats when a float appears."""
        if self.kind == kind or kind is None:
            return
        if self.kind in (None, "int") and kind == "float":
            self.data = array("d", self.data)
        elif self.kind is None and kind in ("naive", "aware"):
            self.data = []
        self.kind = kind

    def extend(self, part: Sequence[Any]) -> None:
        if self.kind == "float" and not (isinstance(part, array) and part.typecode == "d"):
            part = array("d", part)
        self.data.extend(part)


class ColumnReader:
    """Batches of rows (lists of cells) into typed columns, checked as a whole.

    ``where(k)`` names data row ``k`` (0-based) in messages, e.g. ``line 7``; ``index``
    maps each role to its cell's position in a row.
    """

    def __init__(
        self,
        options: Options,
        where: Callable[[int], str],
        index: dict[str, int] | None = None,
    ) -> None:
        self.options = options
        self.where = where
        names = {"start": options.start, "stop": options.stop, "value": options.value}
        self.roles = [r for r in _ROLES if names[r] is not None]
        self.index = index or {role: i for i, role in enumerate(self.roles)}
        self.columns = {role: _Column(str(names[role]), role != "value") for role in self.roles}
        self.rows = Rows()
        self.domain: str | None = None  # of the start/stop columns: "numbers", "naive"...
        self.first: tuple[str, str] = ("", "")  # (column, cell) that fixed the domain
        self.zone: Any = None  # an aware column's zone: that of its first cell

    # -- one batch ---------------------------------------------------------------------
    def add(self, batch: list[list[str]]) -> None:
        """Convert one batch of rows (each a list of cells, long enough) and append it."""
        base = self.rows.read
        self.rows.read += len(batch)
        if not batch:
            return
        fmt = self.options.datetime_format
        numbers = self.domain in (None, "numbers")
        cells: dict[str, list[str]] = {}
        parts: dict[str, Any] = {}
        slow = False
        for role in self.roles:
            col = self.columns[role]
            cells[role] = list(map(operator.itemgetter(self.index[role]), batch))
            part = col.fast(cells[role], fmt) if numbers or not col.coordinate else None
            if part is None:
                part = self._slow(col, cells[role], base)
                slow = True
            parts[role] = part
        if slow:
            settled = self._settle(parts, cells, base)
            if settled is None:
                return
            parts = settled
        elif self.domain is None:
            self._set_domain("numbers", self.options.start, cells["start"][0])
        parts = self._drop_reversed(parts, base)
        for role in self.roles:
            self.columns[role].extend(parts[role])

    def _set_domain(self, domain: str, column: str, cell: str) -> None:
        self.domain, self.first = domain, (column, cell)

    def _slow(self, col: _Column, cells: list[str], base: int) -> _Slow:
        """Each cell parsed on its own: values, missing cells, the first error."""
        fmt = self.options.datetime_format
        out: list[Any] = []
        missing: dict[int, str] = {}  # row -> "" (empty) or the NaN cell ("NaN", "nat"...)
        error: tuple[int, str] | None = None
        for k, cell in enumerate(cells):
            text = cell.strip()
            low = text.lower() if len(text) < 8 else "-"
            if low in MISSING:
                out.append(None)
                missing[k] = ""
                continue
            if low in NOT_A_NUMBER:
                out.append(None)
                missing[k] = text
                continue
            try:
                x = parse_coordinate(text, fmt) if col.coordinate else parse_value(text)
            except ValueError as exc:
                out.append(None)
                if error is None:
                    where = self.where(base + k)
                    error = (k, str(fail("cli_cell", where=where, name=col.name, error=exc)))
                continue
            if type(x) is int and not -_I64 <= x < _I64:
                x = float(x)  # beyond int64, as pyarrow reads it: a float column
            out.append(x)
        return _Slow(out, missing, error)

    def _settle(
        self, parts: dict[str, Any], cells: dict[str, list[str]], base: int
    ) -> dict[str, Any] | None:
        """Decide the batch's kinds and the rows to skip; raise the first problem (the
        one a reader going row by row would meet first)."""
        opts = self.options
        problems: list[tuple[int, int, str]] = []  # (row, order in the row, message)
        drop: set[int] = set()
        for role in self.roles:
            part = parts[role]
            if not isinstance(part, _Slow):
                continue
            for k, cell in part.missing.items():
                if opts.skip_missing:
                    drop.add(k)
                else:
                    where, name = self.where(base + k), self.columns[role].name
                    key = "cli_cell_nan" if cell else "cli_row_empty"
                    text = fail(key, where=where, name=name, cell=cell)
                    problems.append((k, -1, str(text)))
        for order, role in enumerate(self.roles):
            part = parts[role]
            col = self.columns[role]
            if not isinstance(part, _Slow):
                kept = [k for k in range(min(len(part), len(drop) + 1)) if k not in drop]
                if col.coordinate and kept:  # a batch of numbers: is that the domain?
                    k = kept[0]
                    problem = self._check_kind(col, part[k], cells[role][k])
                    if problem is not None:
                        where = self.where(base + k)
                        text = fail("cli_cell", where=where, name=col.name, error=problem)
                        problems.append((k, order, str(text)))
                continue
            if part.error is not None:
                problems.append((part.error[0], order, part.error[1]))
            for k, x in enumerate(part.out):
                if x is None or k in drop:
                    continue
                problem = self._check_kind(col, x, cells[role][k])
                if problem is not None:
                    where = self.where(base + k)
                    text = fail("cli_cell", where=where, name=col.name, error=problem)
                    problems.append((k, order, str(text)))
                    break
        problems = [p for p in problems if p[0] not in drop]
        if problems:
            raise CliError(min(problems)[2])
        outs = {role: (p.out if isinstance(p, _Slow) else p) for role, p in parts.items()}
        if not drop:
            return outs
        self.rows.skipped_missing += len(drop)
        keep = [k not in drop for k in range(len(cells["start"]))]
        if not any(keep):
            return None
        return {role: list(compress(p, keep)) for role, p in outs.items()}

    def _check_kind(self, col: _Column, x: Any, cell: str) -> str | None:
        """Fold one parsed cell into its column's kind; a message when it cannot be."""
        kind = _kind(x)
        if col.coordinate:
            domain = "numbers" if kind in ("int", "float") else f"{kind} datetimes"
            if self.domain is None:
                self._set_domain(domain, col.name, cell)
                if kind == "aware":
                    self.zone = x.tzinfo
            elif domain != self.domain:
                return str(
                    fail(
                        "cli_cell_domain",
                        cell=cell.strip(),
                        domain=domain,
                        first_domain=self.domain,
                        first_cell=self.first[1],
                        first_column=self.first[0],
                    )
                )
        if col.kind in ("int", "float", None) and kind in ("int", "float"):
            col.promote("float" if kind == "float" or col.kind == "float" else "int")
        elif col.kind is None:
            col.promote(kind)
        return None

    def _drop_reversed(self, parts: dict[str, Any], base: int) -> dict[str, Any]:
        starts, stops = parts["start"], parts["stop"]
        if not any(map(operator.gt, starts, stops)):
            return parts
        reversed_ = list(map(operator.gt, starts, stops))
        if not self.options.skip_reversed:
            k = reversed_.index(True)
            opts = self.options
            raise fail(
                "cli_reversed",
                where=self.where(base + k),
                start=format_coordinate(starts[k]),
                start_column=opts.start,
                stop=format_coordinate(stops[k]),
                stop_column=opts.stop,
            )
        self.rows.skipped_reversed += sum(reversed_)
        keep = [not r for r in reversed_]
        return {role: list(compress(p, keep)) for role, p in parts.items()}

    def finish(self) -> Rows:
        """The columns read: typed arrays (datetimes: lists of ``datetime``)."""
        rows = self.rows
        rows.starts = self.columns["start"].data
        rows.stops = self.columns["stop"].data
        if "value" in self.columns:
            rows.values = self.columns["value"].data
        return rows


class _Slow:
    """A batch of one column parsed cell by cell (``None`` where a cell was not a value)."""

    __slots__ = ("error", "missing", "out")

    def __init__(
        self, out: list[Any], missing: dict[int, str], error: tuple[int, str] | None
    ) -> None:
        self.out, self.missing, self.error = out, missing, error

    def __len__(self) -> int:
        return len(self.out)


def _kind(x: Any) -> str:
    if isinstance(x, datetime):
        return "aware" if x.utcoffset() is not None else "naive"
    return "float" if isinstance(x, float) else "int"
