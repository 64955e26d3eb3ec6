"""Reading a Parquet file (needs pyarrow): typed columns stay pyarrow arrays."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .csv_input import _column_indexes
from .errors import CliError
from .progress import Progress
from .rows import RowReader, Rows
from .summary import format_coordinate

PARQUET_SUFFIXES = (".parquet", ".pq")


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
