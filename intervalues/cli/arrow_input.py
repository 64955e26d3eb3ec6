"""Reading with pyarrow: ``pyarrow.csv`` (multithreaded) and Parquet, as typed columns.

The columns go on as pyarrow arrays (no Python object per row). Missing cells (and NaN)
and reversed rows are found column-wise; they are skipped when asked to, and reported
by row for Parquet. A CSV file that needs a message by line, or whose columns pyarrow
types differently from the rule of :mod:`.columns` (text, odd spacing, dates with mixed
zones...), gives ``None``: the zero-dependency reader then reads it, with the same rule
and the same messages.
"""

from __future__ import annotations

import argparse
import zipfile
from datetime import tzinfo
from pathlib import Path
from typing import Any

from intervalues._arrow import zone_name

from .cells import parse_coordinate
from .columns import Rows
from .errors import CliError, fail
from .progress import Progress
from .summary import format_coordinate

# pyarrow's null_values are exact matches: the usual spellings of the cells that
# cells.MISSING and cells.NOT_A_NUMBER name (others go to the careful reader).
NULLS = ["", "NA", "na", "N/A", "n/a", "NULL", "null", "Null", "None", "none"]
NULLS += ["NaN", "nan", "NAN", "NaT", "nat", "NAT"]
BLOCK_SIZE = 1 << 22  # bytes per block pyarrow parses in parallel


def require_pyarrow(what: str) -> Any:
    """``pyarrow`` (with ``pyarrow.parquet``), or a ``CliError`` naming the extra."""
    try:
        import pyarrow
        import pyarrow.compute
        import pyarrow.csv
        import pyarrow.parquet
    except ImportError:
        raise fail("cli_needs_pyarrow", what=what) from None
    return pyarrow


def read_csv_arrow(
    path: Path, args: argparse.Namespace, first: str | None, progress: Progress
) -> Rows | None:
    """The needed columns through ``pyarrow.csv.read_csv``, or None (see the module)."""
    try:
        pa = require_pyarrow("reading CSV with pyarrow")
    except CliError:
        return None
    csv = pa.csv
    wanted = list(dict.fromkeys(n for n in (args.start, args.stop, args.value) if n))
    types = {}
    parsers = None
    if args.datetime_format is not None:
        types = {args.start: pa.timestamp("us"), args.stop: pa.timestamp("us")}
        parsers = [args.datetime_format]
    convert = csv.ConvertOptions(
        include_columns=wanted,
        column_types=types,
        null_values=NULLS,
        strings_can_be_null=True,
        timestamp_parsers=parsers,
    )
    total = path.stat().st_size
    progress.start(f"reading {path.name}", total)
    archive = None
    try:
        if zipfile.is_zipfile(path):
            archive = zipfile.ZipFile(path)
            (inner,) = [i for i in archive.infolist() if i.filename.lower().endswith(".csv")]
            source: Any = archive.open(inner)
        else:
            source = str(path)  # pyarrow decompresses .gz itself
        table = csv.read_csv(
            source,
            read_options=csv.ReadOptions(use_threads=True, block_size=BLOCK_SIZE),
            parse_options=csv.ParseOptions(delimiter=args.delimiter),
            convert_options=convert,
        )
    except (pa.ArrowException, OSError, ValueError):
        return None
    finally:
        if archive is not None:
            archive.close()
    progress.update(total, table.num_rows)
    progress.update(total, table.num_rows, final=True)
    progress.finish()
    columns = {
        role: table.column(getattr(args, role)).combine_chunks()
        for role in ("start", "stop", "value")
        if getattr(args, role) is not None
    }
    zone = _first_zone(first, args)
    for role, col in columns.items():
        col = _normalised(pa, col, zone if role != "value" else None)
        if col is None:
            return None
        columns[role] = col
    if not _same_domain(pa, columns):
        return None
    return arrow_rows(pa, columns, args, table.num_rows, by_row=False)


def _first_zone(first: str | None, args: argparse.Namespace) -> tzinfo | None:
    """The zone of the first start cell (aware columns are shown in it), if any."""
    if not first or args.datetime_format is not None:
        return None
    try:
        x = parse_coordinate(first.strip())
    except ValueError:
        return None
    return getattr(x, "tzinfo", None)


def _normalised(pa: Any, col: Any, zone: tzinfo | None) -> Any:
    """A CSV column as the rule types it, or None when pyarrow typed it otherwise."""
    t = col.type
    types = pa.types
    if types.is_int64(t):
        return col
    if types.is_float64(t):
        if pa.compute.any(pa.compute.is_inf(col)).as_py():
            return None  # the careful reader says which cell
        return col
    if types.is_date32(t):
        return col.cast(pa.timestamp("us"))
    if types.is_timestamp(t):
        try:
            if t.tz is None:
                return col.cast(pa.timestamp("us"))
            if zone is None or zone.utcoffset(None) is None:
                return None
            return col.cast(pa.timestamp("us", tz=zone_name(zone)))
        except pa.ArrowInvalid:  # beyond microseconds
            return None
    if types.is_null(t):  # every cell empty
        return col.cast(pa.int64())
    return None  # text and the rest


def _same_domain(pa: Any, columns: dict[str, Any]) -> bool:
    """Whether start and stop are both numbers, or both naive or both aware datetimes,
    and the values numbers."""

    def domain(t: Any) -> str:
        if pa.types.is_timestamp(t):
            return "aware" if t.tz else "naive"
        return "number"

    if "value" in columns and domain(columns["value"].type) != "number":
        return False
    return domain(columns["start"].type) == domain(columns["stop"].type)


def arrow_rows(
    pa: Any, columns: dict[str, Any], args: argparse.Namespace, n: int, by_row: bool
) -> Rows | None:
    """Missing cells (and NaN) and reversed bounds found, and skipped if asked,
    column-wise. A problem to report gives a ``CliError`` naming the row (``by_row``,
    for Parquet) or None (CSV: the careful reader names the line)."""
    pc = pa.compute
    out = Rows(read=n)
    keep = None
    missing = None
    for role, col in columns.items():
        null = pc.is_null(col, nan_is_null=True)
        if pc.any(null).as_py():
            if not args.skip_missing:
                if not by_row:
                    return None
                row = pc.index(null, True).as_py()
                key = "cli_row_empty" if col[row].as_py() is None else "cli_row_nan"
                raise fail(key, where=f"row {row + 1}", name=getattr(args, role))
            missing = null if missing is None else pc.or_(missing, null)
    if missing is not None:
        out.skipped_missing = pc.sum(missing).as_py()
        keep = pc.invert(missing)
    try:
        reversed_ = pc.fill_null(pc.greater(columns["start"], columns["stop"]), False)
    except pa.ArrowNotImplementedError:
        if not by_row:
            return None
        raise fail(
            "cli_column_kinds",
            start=args.start,
            start_type=columns["start"].type,
            stop=args.stop,
            stop_type=columns["stop"].type,
        ) from None
    if keep is not None:
        reversed_ = pc.and_(reversed_, keep)
    if pc.any(reversed_).as_py():
        if not args.skip_reversed:
            if not by_row:
                return None
            row = pc.index(reversed_, True).as_py()
            start = format_coordinate(columns["start"][row].as_py())
            stop = format_coordinate(columns["stop"][row].as_py())
            raise fail(
                "cli_reversed",
                where=f"row {row + 1}",
                start=start,
                start_column=args.start,
                stop=stop,
                stop_column=args.stop,
            )
        out.skipped_reversed = pc.sum(reversed_).as_py()
        ok = pc.invert(reversed_)
        keep = ok if keep is None else pc.and_(keep, ok)
    if keep is not None:
        columns = {role: col.filter(keep) for role, col in columns.items()}
    out.starts, out.stops = columns["start"], columns["stop"]
    out.values = columns.get("value")
    return out
