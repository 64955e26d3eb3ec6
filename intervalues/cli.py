"""The ``intervalues`` command line: combine the intervals in a file and summarise them.

::

    intervalues combine FILE --start COL --stop COL [--value COL] [--kind meter|counter|set]
                             [--out FILE] [--plot FILE.png] [--datetime-format FMT] ...
    python -m intervalues combine ...          (the same)

``FILE`` is a CSV file (also ``.csv.gz``, or a ``.zip`` holding one CSV) or a Parquet file
(``.parquet``/``.pq``, needs pyarrow). Each row is one interval: the ``--start`` and
``--stop`` columns are its bounds (numbers, or datetimes: ISO 8601 including a trailing
``Z``, or ``--datetime-format``), ``--value`` its weight (default 1). The rows are built
into an ``IntervalMeter``, ``IntervalCounter`` or ``IntervalSet`` with ``from_arrays``
(as whole columns), and a summary is printed: rows read, pieces, the peak and where it
is, the busiest stretches, the total measure and the covered length. ``--out`` writes
the combined pieces (``start,stop,value``) as CSV or Parquet, ``--plot`` draws them.

Problems with the input (a missing file, an unknown column, a cell that is not a number
or a datetime, a start after its stop) are reported in one line naming the row and the
column, with exit code 2 and no traceback. ``--skip-missing`` and ``--skip-reversed``
skip such rows instead (and count them in the summary).

>>> format_number(1234567), format_number(0.5), format_number(3.0)
('1,234,567', '0.5', '3.0')
>>> parse_coordinate("2013-01-01T10:00:00Z")
datetime.datetime(2013, 1, 1, 10, 0, tzinfo=datetime.timezone.utc)
>>> parse_coordinate("17"), parse_coordinate("2.5e3")
(17, 2500.0)
"""

from __future__ import annotations

import argparse
import csv
import glob
import gzip
import io
import math
import os
import sys
import time
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import IO, Any

__all__ = ["CliError", "build_parser", "main", "parse_coordinate"]

EXIT_OK = 0
EXIT_ERROR = 2  # bad input or options, as argparse uses for usage errors
KINDS = ("meter", "counter", "set")
MISSING = frozenset({"", "na", "n/a", "nan", "nat", "null", "none"})
PARQUET_SUFFIXES = (".parquet", ".pq")
_OLD_ISO = sys.version_info < (3, 11)  # fromisoformat() learnt 'Z' and more in 3.11
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_MICROSECOND = timedelta(microseconds=1)
PROGRESS_DELAY = 0.5  # seconds: on a terminal, inputs read faster than this show no bar
_CHECK_EVERY = 4096  # rows between progress updates


class CliError(Exception):
    """A problem with the input or the options: printed as one line, exit code 2.

    >>> args = build_parser().parse_args(["combine", "no-such.csv", "--start", "a", "--stop", "b"])
    >>> args.run(args)
    Traceback (most recent call last):
        ...
    intervalues.cli.CliError: no-such.csv: no such file
    """


# --------------------------------------------------------------------------- parsing cells


def parse_coordinate(cell: str, datetime_format: str | None = None) -> Any:
    """A start/stop cell as ``int``, ``float`` or ``datetime`` (``ValueError`` if none).

    With ``datetime_format`` the cell must be a datetime in that ``strptime`` format;
    otherwise an int, a finite float or an ISO 8601 datetime (``Z`` means UTC).

    >>> parse_coordinate("2013-06-01 08:30+02:00").isoformat()
    '2013-06-01T08:30:00+02:00'
    >>> parse_coordinate("01/06/2013 08:30", "%d/%m/%Y %H:%M")
    datetime.datetime(2013, 6, 1, 8, 30)
    >>> parse_coordinate("soon")
    Traceback (most recent call last):
    ...
    ValueError: 'soon' is not a number or an ISO 8601 datetime
    """
    if datetime_format is not None:
        try:
            return datetime.strptime(cell, datetime_format)
        except ValueError:
            raise ValueError(
                f"{cell!r} is not a datetime in the format {datetime_format!r}"
            ) from None
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell)
    except ValueError:
        pass
    else:
        if not math.isfinite(number):
            raise ValueError(f"{cell!r} is not a finite number")
        return number
    text = cell[:-1] + "+00:00" if cell[-1:] in ("Z", "z") else cell  # 'Z' for Python 3.10
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{cell!r} is not a number or an ISO 8601 datetime") from None


def parse_value(cell: str) -> int | float:
    """A ``--value`` cell as an ``int`` or a finite ``float``.

    >>> parse_value("3"), parse_value("0.25")
    (3, 0.25)
    """
    try:
        return int(cell)
    except ValueError:
        pass
    try:
        number = float(cell)
    except ValueError:
        raise ValueError(f"{cell!r} is not a number") from None
    if not math.isfinite(number):
        raise ValueError(f"{cell!r} is not a finite number")
    return number


def _fast_parser(domain: str, datetime_format: str | None) -> Any:
    """A quick parser for the usual cells of a domain: it raises ``ValueError`` or
    ``TypeError`` on anything else (which then gets the full check and message)."""
    if domain == "numbers":

        def number(cell: str) -> Any:
            try:
                return int(cell)
            except ValueError:
                x = float(cell)
                if x - x != 0:  # inf or nan
                    raise ValueError(cell) from None
                return x

        return number
    aware = domain == "aware datetimes"

    def moment(cell: str) -> datetime:
        if datetime_format is not None:
            x = datetime.strptime(cell, datetime_format)
        elif _OLD_ISO and cell[-1:] in ("Z", "z"):
            x = datetime.fromisoformat(cell[:-1] + "+00:00")
        else:
            x = datetime.fromisoformat(cell)
        if (x.tzinfo is not None) != aware:  # the careful path decides the rare cases
            raise ValueError(cell)
        return x

    return moment


def _domain(x: Any) -> str:
    if isinstance(x, datetime):
        return "aware datetimes" if x.utcoffset() is not None else "naive datetimes"
    return "numbers"


# --------------------------------------------------------------------------- the rows


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


# --------------------------------------------------------------------------- reading files


class _Counted(io.RawIOBase):
    """A readable byte stream that counts the bytes read through it (for the progress)."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self.raw.read(len(buffer))
        n = len(data)
        buffer[:n] = data
        self.count += n
        return n


def _open_csv(path: Path) -> tuple[IO[str], _Counted, int, list[Any]]:
    """The CSV text of ``path`` (plain, ``.gz``, or a ``.zip`` with one CSV), the byte
    counter, the number of bytes expected through it, and what to close afterwards."""
    closers: list[Any] = []
    if zipfile.is_zipfile(path):
        archive = zipfile.ZipFile(path)
        closers.append(archive)
        names = [info for info in archive.infolist() if not info.is_dir()]
        csvs = [info for info in names if info.filename.lower().endswith(".csv")]
        if len(csvs) != 1:
            archive.close()
            listed = ", ".join(info.filename for info in names) or "nothing"
            raise CliError(f"{path} must hold exactly one .csv file; it holds {listed}")
        raw: IO[bytes] = archive.open(csvs[0])
        closers.insert(0, raw)
        total = csvs[0].file_size
        counted = _Counted(raw)
    else:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the caller, via closers)
        closers.append(handle)
        counted = _Counted(handle)
        total = path.stat().st_size
        if path.suffix.lower() == ".gz":  # progress counts the compressed bytes
            raw = gzip.GzipFile(fileobj=io.BufferedReader(counted, 1 << 16))
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")
            return text, counted, total, [text, *closers]
    text = io.TextIOWrapper(io.BufferedReader(counted, 1 << 16), encoding="utf-8-sig", newline="")
    closers.insert(0, text)
    return text, counted, total, closers


def read_csv(path: Path, args: argparse.Namespace, progress: Progress) -> Rows:
    """Parse the needed columns of a CSV file row by row (stdlib ``csv``)."""
    text, counted, total, closers = _open_csv(path)
    progress.start(f"reading {path.name}", total)
    try:
        reader = csv.reader(text, delimiter=args.delimiter)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise CliError(f"{path}: not a readable CSV file ({exc})") from None
        if not header:
            raise CliError(f"{path} is empty: expected a header row with the column names")
        header = [name.strip() for name in header]
        index = _column_indexes(header, args, path)
        width = max(index.values()) + 1
        i_start, i_stop = index["start"], index["stop"]
        i_value = index.get("value")

        def cells() -> Iterator[tuple[int, Any, Any, Any]]:
            for fields in reader:
                if not fields:
                    continue  # a blank line
                if len(fields) < width:
                    raise CliError(
                        f"line {reader.line_num}: {len(fields)} fields, but the header has "
                        f"{len(header)} (is --delimiter right?)"
                    )
                value = fields[i_value] if i_value is not None else None
                yield reader.line_num, fields[i_start], fields[i_stop], value

        try:
            rows = RowReader(args, lambda line: f"line {line}").read(
                cells(), lambda n: progress.update(counted.count, n)
            )
        except csv.Error as exc:
            raise CliError(f"{path}, line {reader.line_num}: {exc}") from None
        progress.update(total, rows.read, final=True)
        return rows
    except UnicodeDecodeError as exc:
        raise CliError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start})") from None
    finally:
        for closer in closers:
            closer.close()
        progress.finish()


def _column_indexes(header: list[str], args: argparse.Namespace, path: Path) -> dict[str, int]:
    index: dict[str, int] = {}
    for role in ("start", "stop", "value"):
        name = getattr(args, role)
        if name is None:
            continue
        if name not in header:
            raise CliError(
                f"--{role} column {name!r} is not in {path.name}; "
                f"the columns are: {', '.join(header)}"
            )
        index[role] = header.index(name)
    return index


def require_pyarrow(what: str) -> Any:
    """``pyarrow`` (with ``pyarrow.parquet``), or a ``CliError`` naming the extra."""
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.parquet
    except ImportError:
        raise CliError(f"{what} needs pyarrow: pip install 'intervalues[arrow]'") from None
    return pyarrow


def read_parquet(path: Path, args: argparse.Namespace, progress: Progress) -> Rows:
    """Read the needed columns row group by row group; typed columns go on as pyarrow
    arrays (no Python object per row), text columns are parsed like CSV cells."""
    pa = require_pyarrow("reading Parquet")
    try:
        parquet = pa.parquet.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise CliError(f"{path}: not a readable Parquet file ({exc})") from None
    names = parquet.schema_arrow.names
    index = _column_indexes(names, args, path)
    wanted = [names[i] for i in dict.fromkeys(index.values())]
    progress.start(f"reading {path.name}", parquet.metadata.num_rows)
    try:
        tables = []
        done = 0
        for group in range(parquet.num_row_groups):
            tables.append(parquet.read_row_group(group, columns=wanted))
            done += tables[-1].num_rows
            progress.update(done, done, final=group == parquet.num_row_groups - 1)
        table = (pa.concat_tables(tables) if tables else parquet.schema_arrow.empty_table()).select(
            wanted
        )
    finally:
        progress.finish()
    columns = {
        role: table.column(getattr(args, role)).combine_chunks()
        for role in ("start", "stop", "value")
        if getattr(args, role) is not None
    }
    if all(_arrow_typed(pa, col.type) for col in columns.values()):
        return _typed_rows(pa, columns, args, table.num_rows)
    lists = {role: col.to_pylist() for role, col in columns.items()}
    values = lists.get("value", [None] * table.num_rows)
    rows = zip(range(1, table.num_rows + 1), lists["start"], lists["stop"], values)
    return RowReader(args, lambda row: f"row {row}").read(rows)


def _arrow_typed(pa: Any, kind: Any) -> bool:
    """Whether a column can go to ``from_arrays`` as it is: numbers, or timestamps
    without a zone or with a named one (fixed offsets go through Python objects)."""
    types = pa.types
    if types.is_integer(kind) or types.is_floating(kind):
        return True
    if types.is_timestamp(kind):
        return kind.tz is None or kind.tz[:1] not in "+-"
    return False


def _typed_rows(pa: Any, columns: dict[str, Any], args: argparse.Namespace, n: int) -> Rows:
    """Missing cells and reversed bounds found (and skipped, if asked) column-wise."""
    pc = pa.compute
    out = Rows(read=n)
    keep = None
    missing = None
    for role, col in columns.items():
        null = pc.is_null(col, nan_is_null=True)
        if pc.any(null).as_py():
            if not args.skip_missing:
                row = pc.index(null, True).as_py()
                raise CliError(
                    f"row {row + 1}: column {getattr(args, role)!r} is empty"
                    " (use --skip-missing to skip such rows)"
                )
            missing = null if missing is None else pc.or_(missing, null)
    if missing is not None:
        out.skipped_missing = pc.sum(missing).as_py()
        keep = pc.invert(missing)
    try:
        reversed_ = pc.fill_null(pc.greater(columns["start"], columns["stop"]), False)
    except pa.ArrowNotImplementedError:
        raise CliError(
            f"--start column {args.start!r} ({columns['start'].type}) and --stop column "
            f"{args.stop!r} ({columns['stop'].type}) are not of the same kind"
        ) from None
    if pc.any(reversed_).as_py():
        if not args.skip_reversed:
            row = pc.index(reversed_, True).as_py()
            start = format_coordinate(columns["start"][row].as_py())
            stop = format_coordinate(columns["stop"][row].as_py())
            raise CliError(
                f"row {row + 1}: start {start} (column {args.start!r}) is after stop {stop} "
                f"(column {args.stop!r}) (use --skip-reversed to skip such rows)"
            )
        out.skipped_reversed = pc.sum(reversed_).as_py()
        ok = pc.invert(reversed_)
        keep = ok if keep is None else pc.and_(keep, ok)
    if keep is not None:
        columns = {role: col.filter(keep) for role, col in columns.items()}
    out.starts, out.stops = columns["start"], columns["stop"]
    out.values = columns.get("value")
    return out


# --------------------------------------------------------------------------- progress


class Progress:
    """A one-line progress bar on stderr: ``mode`` is ``"on"`` (always), ``"off"``, or
    ``"auto"`` (only on a terminal, and only once reading takes longer than 0.5 s)."""

    def __init__(self, mode: str) -> None:
        self.mode = mode
        self.label = ""
        self.total = 0
        self.began = 0.0
        self.shown = False
        self.used = False  # whether any bar was drawn
        self.last = 0.0

    def start(self, label: str, total: int) -> None:
        self.label, self.total = label, total
        self.began = self.last = time.monotonic()
        self.shown = False
        if self.mode == "on":
            self._draw(0, 0)

    def update(self, done: int, rows: int, final: bool = False) -> None:
        """Redraw (at most every 0.1 s; ``final``: always, if a bar is on screen)."""
        if self.mode == "off" or (final and not self.shown):
            return
        now = time.monotonic()
        if self.mode == "auto" and not self.shown and now - self.began < PROGRESS_DELAY:
            return
        if self.shown and now - self.last < 0.1 and not final:
            return
        self.last = now
        self._draw(done, rows)

    def _draw(self, done: int, rows: int) -> None:
        self.shown = self.used = True
        if self.total:
            part = min(done / self.total, 1.0)
            filled = round(30 * part)
            bar = f" [{'#' * filled}{'-' * (30 - filled)}] {part:4.0%}"
        else:
            bar = ""
        sys.stderr.write(f"\r{self.label}{bar}  {rows:,} rows")
        sys.stderr.flush()

    def finish(self) -> None:
        if self.shown:
            sys.stderr.write("\n")
            sys.stderr.flush()
        self.shown = False

    def note(self, message: str) -> None:
        """A line about a step without a bar (shown whenever a bar would be)."""
        if self.used:
            sys.stderr.write(message + "\n")
            sys.stderr.flush()


# --------------------------------------------------------------------------- building


def build(rows: Rows, kind: str) -> Any:
    """The collection of ``kind`` from the columns, via ``from_arrays`` (whose own column
    checks report anything the reader let through)."""
    from .interval_meter import IntervalCounter, IntervalMeter
    from .interval_set import IntervalSet

    cls = {"meter": IntervalMeter, "counter": IntervalCounter, "set": IntervalSet}[kind]
    values = rows.values
    if isinstance(rows.starts, list):
        starts, stops = as_column(rows.starts), as_column(rows.stops)
        values = as_column(values) if values is not None else None
    else:
        starts, stops = rows.starts, rows.stops
    try:
        return cls.from_arrays(starts, stops, values)
    except (TypeError, ValueError) as exc:
        raise CliError(f"cannot combine the columns: {exc}") from None


# --------------------------------------------------------------------------- the summary


def format_number(x: Any) -> str:
    """An int with thousands separators; a float as Python prints it."""
    if isinstance(x, int):
        return f"{x:,}"
    return repr(x)


def format_coordinate(x: Any) -> str:
    if isinstance(x, datetime):
        return x.isoformat(sep=" ")
    return repr(x)


def format_length(x: Any) -> str:
    if isinstance(x, timedelta):
        hours = x / timedelta(hours=1)
        return f"{x} ({hours:,.2f} h)"
    return format_number(x)


def stretch(piece: Any) -> str:
    return f"[{format_coordinate(piece.start)}, {format_coordinate(piece.stop)}]"


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
    lines.append(
        (
            "intervals",
            f"{rows.used:,} (start={args.start}, stop={args.stop}, {weight})",
        )
    )
    name = type(collection).__name__
    bounds = collection.bounds
    where = (
        f" from {format_coordinate(bounds[0])} to {format_coordinate(bounds[1])}" if bounds else ""
    )
    lines.append(("result", f"{name} of {len(collection):,} pieces{where}"))
    if not len(collection):
        return lines
    if args.kind == "set":
        longest = sorted(collection, key=lambda p: (-(p.stop - p.start), p.start))[: args.top]
        lines += _ranked("longest stretches", [(stretch(p), "") for p in longest])
    else:
        peak = collection.maximum_value()
        at_peak = sorted(collection.regions_at_least(peak), key=lambda p: p.start)
        shown = ", ".join(stretch(p) for p in at_peak[:3])
        more = f" and {len(at_peak) - 3:,} more" if len(at_peak) > 3 else ""
        count = "stretch" if len(at_peak) == 1 else "stretches"
        lines.append(
            ("peak value", f"{format_number(peak)} on {len(at_peak):,} {count}: {shown}{more}")
        )
        busiest = collection.most_common(args.top)
        lines += _ranked(
            "busiest stretches",
            [(stretch(piece), f"value {format_number(v)}") for piece, v in busiest],
        )
        lines.append(
            ("total measure", format_length(collection.total_length()) + "  (length x value)")
        )
    lines.append(("covered length", format_length(collection.coverage_length())))
    return lines


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


# --------------------------------------------------------------------------- output


def output_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise CliError(f"--out {path}: unknown file type {suffix or '(none)'!r}; use .csv or .parquet")


def write_pieces(collection: Any, path: Path) -> None:
    """The pieces as ``start,stop,value`` rows (a set's pieces have value 1)."""
    pieces = [(p.start, p.stop, p.value) for p in collection]
    if output_format(path) == "csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(["start", "stop", "value"])
            for start, stop, value in pieces:
                writer.writerow([_cell(start), _cell(stop), value])
        return
    pa = require_pyarrow("writing Parquet")
    columns = list(zip(*pieces)) if pieces else [[], [], []]
    table = pa.table(
        {name: pa.array(list(col)) for name, col in zip(("start", "stop", "value"), columns)}
    )
    pa.parquet.write_table(table, path)


def _cell(x: Any) -> str:
    return x.isoformat() if isinstance(x, datetime) else repr(x)


def check_plot_target(path: Path) -> None:
    """Fail before reading when matplotlib is missing or cannot write this file type."""
    from .plotting import require_matplotlib

    try:
        require_matplotlib()
    except ImportError as exc:
        raise CliError(str(exc)) from None
    from matplotlib.figure import Figure

    types = Figure().canvas.get_supported_filetypes()
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in types:
        raise CliError(
            f"--plot {path}: unknown image type {suffix or '(none)'!r}; "
            f"use one of {', '.join(sorted(types))}"
        )


def save_plot(collection: Any, path: Path, args: argparse.Namespace) -> None:
    """Draw the collection (``plot_steps``) on a new figure and save it."""
    from matplotlib.figure import Figure

    from .plotting import plot_steps

    figure = Figure(figsize=(10, 4), layout="constrained")
    ax = figure.add_subplot()
    plot_steps(collection, ax=ax)
    ax.set_title(f"{type(collection).__name__} of {Path(args.file).name}")
    ax.set_xlabel(f"{args.start} .. {args.stop}")
    ax.grid(True, alpha=0.3)
    try:
        figure.savefig(path, dpi=120)
    except OSError as exc:
        raise CliError(f"--plot {path}: cannot write the image ({exc})") from None


# --------------------------------------------------------------------------- the commands


def build_parser() -> argparse.ArgumentParser:
    """The ``intervalues`` argument parser, with one subcommand per task.

    >>> parser = build_parser()
    >>> args = parser.parse_args(["combine", "trips.csv", "--start", "dep", "--stop", "arr"])
    >>> args.command, args.start, args.stop, args.kind
    ('combine', 'dep', 'arr', None)
    """
    from . import __version__

    parser = argparse.ArgumentParser(
        prog="intervalues",
        description="Combine valued intervals from files into step functions, counts or sets.",
    )
    parser.add_argument("--version", action="version", version=f"intervalues {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    combine = commands.add_parser(
        "combine",
        help="combine the intervals in a CSV or Parquet file and summarise them",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description=(
            "Read one interval per row from a CSV file (plain, .gz, or a .zip holding one\n"
            "CSV) or a Parquet file, combine them, and print a summary: rows, pieces, the\n"
            "peak and where it is, the busiest stretches, total measure and covered length."
        ),
        epilog=(
            "examples:\n"
            "  intervalues combine flights.csv.zip --start dep_time --stop arr_time \\\n"
            "      --skip-missing --skip-reversed --plot flights.png\n"
            "  intervalues combine prices.parquet --start from --stop to --value eur \\\n"
            "      --out combined.csv\n"
            "\n"
            "Input problems are reported in one line naming the row and column (exit code 2)."
        ),
    )
    combine.add_argument(
        "file",
        type=Path,
        metavar="FILE",
        help="the CSV or Parquet file (with --dask: a glob such as 'data/*.parquet')",
    )
    combine.add_argument("--start", required=True, metavar="COL", help="column of the starts")
    combine.add_argument("--stop", required=True, metavar="COL", help="column of the stops")
    combine.add_argument(
        "--value", metavar="COL", help="column of the values (weights); default: 1 each"
    )
    combine.add_argument(
        "--kind",
        choices=KINDS,
        help="what to build: summed values (meter), integer counts (counter) or the "
        "covered set (set); default: meter with --value, counter without",
    )
    combine.add_argument(
        "--out", type=Path, metavar="FILE", help="write the pieces to FILE (.csv or .parquet)"
    )
    combine.add_argument(
        "--plot", type=Path, metavar="FILE.png", help="draw the result (needs matplotlib)"
    )
    combine.add_argument(
        "--datetime-format",
        metavar="FMT",
        help="strptime format of the start/stop cells, e.g. '%%d/%%m/%%Y %%H:%%M' "
        "(default: numbers or ISO 8601 datetimes)",
    )
    combine.add_argument(
        "--delimiter", default=",", metavar="CHAR", help="CSV field separator (default: ',')"
    )
    combine.add_argument(
        "--skip-missing",
        action="store_true",
        help="skip rows with an empty start/stop/value cell (default: error)",
    )
    combine.add_argument(
        "--skip-reversed",
        action="store_true",
        help="skip rows whose start is after their stop (default: error)",
    )
    combine.add_argument(
        "--top", type=int, default=3, metavar="N", help="busiest stretches to list (default: 3)"
    )
    combine.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="progress bar on stderr (default: on a terminal, for inputs that take a while)",
    )
    combine.add_argument(
        "--dask",
        action="store_true",
        help="combine a glob of files with Dask, range-partitioned, into a Parquet dataset "
        "(--out DIR is required; pip install 'intervalues[dask]')",
    )
    combine.add_argument(
        "--scheduler",
        metavar="ADDR",
        help="with --dask: 'tcp://host:8786' for a cluster, or threads/processes/synchronous "
        "(default: an existing client, else local threads)",
    )
    combine.set_defaults(run=run_combine)
    return parser


def run_dask(args: argparse.Namespace) -> int:
    """``combine --dask``: a glob of files through ``intervalues.dask.combine_files``."""
    if args.out is None:
        raise CliError("--dask writes a partitioned Parquet dataset: give --out DIR")
    if args.plot is not None:
        raise CliError("--plot is not available with --dask (plot the written dataset instead)")
    try:
        from . import dask as idask
    except ImportError:
        raise CliError("--dask needs Dask: pip install 'intervalues[dask]'") from None
    pattern = str(args.file)
    if not glob.glob(pattern):
        raise CliError(f"{pattern}: no file matches")
    progress = args.progress if args.progress is not None else sys.stderr.isatty()
    try:
        result = idask.combine_files(
            pattern,
            args.start,
            args.stop,
            args.value,
            kind=args.kind,
            scheduler=args.scheduler,
            out=str(args.out),
            progress=progress,
        )
        pieces = len(result)
    except (TypeError, ValueError, KeyError, OverflowError) as exc:
        raise CliError(str(exc).strip("'\"")) from None
    print(f"result             Interval{args.kind.title()} of {pieces:,} pieces")
    print(f"partitions         {result.npartitions} (range-partitioned, sorted)")
    print(f"wrote the dataset to {args.out}")
    return EXIT_OK


def run_combine(args: argparse.Namespace) -> int:
    path: Path = args.file
    if args.kind is None:
        args.kind = "meter" if args.value is not None else "counter"
    if args.dask:
        return run_dask(args)
    if args.scheduler is not None:
        raise CliError("--scheduler goes with --dask")
    if args.top < 1:
        raise CliError(f"--top must be at least 1, got {args.top}")
    if len(args.delimiter) != 1:
        raise CliError(f"--delimiter must be one character, got {args.delimiter!r}")
    if not path.exists():
        raise CliError(f"{path}: no such file")
    if path.is_dir():
        raise CliError(f"{path} is a directory, not a file")
    parquet = path.suffix.lower() in PARQUET_SUFFIXES
    if parquet:
        require_pyarrow("reading Parquet")
    if args.out is not None and output_format(args.out) == "parquet":
        require_pyarrow("writing Parquet")
    if args.plot is not None:
        check_plot_target(args.plot)
    interactive = sys.stderr.isatty()
    mode = {True: "on", False: "off", None: "auto" if interactive else "off"}[args.progress]
    progress = Progress(mode)
    try:
        rows = (read_parquet if parquet else read_csv)(path, args, progress)
    except OSError as exc:
        raise CliError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except zipfile.BadZipFile as exc:
        raise CliError(f"{path}: damaged zip file ({exc})") from None
    except (EOFError, gzip.BadGzipFile) as exc:
        raise CliError(f"{path}: damaged compressed file ({exc})") from None
    progress.note(f"combining {rows.used:,} intervals into an Interval{args.kind.title()}")
    collection = build(rows, args.kind)
    print_summary(summary(collection, rows, args))
    if args.out is not None:
        try:
            write_pieces(collection, args.out)
        except OSError as exc:
            raise CliError(f"--out {args.out}: cannot write ({exc.strerror or exc})") from None
        print(f"wrote {len(collection):,} pieces to {args.out}")
    if args.plot is not None:
        save_plot(collection, args.plot, args)
        print(f"wrote the plot to {args.plot}")
    return EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``); return the exit code.

    >>> main(["--version"])  # doctest: +ELLIPSIS
    intervalues ...
    0
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, usage errors: argparse has printed
        return exc.code if isinstance(exc.code, int) else EXIT_ERROR
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_ERROR
    try:
        return int(args.run(args))
    except CliError as exc:
        print(f"intervalues: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("intervalues: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # e.g. piped into `head`
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK
