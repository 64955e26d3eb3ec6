"""Reading a Parquet file (needs pyarrow): typed columns stay pyarrow arrays."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from .arrow_input import arrow_rows, require_pyarrow
from .columns import ColumnReader, Options, Rows
from .csv_input import BATCH, _column_indexes
from .errors import fail
from .progress import Progress

PARQUET_SUFFIXES = (".parquet", ".pq")


def read_parquet(path: Path, args: argparse.Namespace, progress: Progress) -> Rows:
    """Read the needed columns row group by row group; typed columns go on as pyarrow
    arrays (no Python object per row), text columns are parsed like CSV cells."""
    pa = require_pyarrow("reading Parquet")
    try:
        parquet = pa.parquet.ParquetFile(path)
    except (pa.ArrowException, OSError) as exc:
        raise fail("cli_not_parquet", path=path, error=exc) from None
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
        rows = arrow_rows(pa, columns, args, table.num_rows, by_row=True)
        assert rows is not None  # by_row: problems are raised
        return rows
    # text columns: parsed like CSV cells, a batch at a time
    index = {role: i for i, role in enumerate(columns)}
    reader = ColumnReader(Options.of(args), lambda k: f"row {k + 1}", index)
    lists = [["" if x is None else str(x) for x in col.to_pylist()] for col in columns.values()]
    for lo in range(0, table.num_rows, BATCH):
        reader.add([list(row) for row in zip(*(c[lo : lo + BATCH] for c in lists))])
    return reader.finish()


def _arrow_typed(pa: Any, kind: Any) -> bool:
    """Whether a column can go to ``from_arrays`` as it is: numbers or timestamps."""
    types = pa.types
    return bool(types.is_integer(kind) or types.is_floating(kind) or types.is_timestamp(kind))
