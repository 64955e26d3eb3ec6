"""Writing the pieces (``--out``) and drawing them (``--plot``)."""

from __future__ import annotations

import argparse
import csv
from array import array
from itertools import repeat
from pathlib import Path
from typing import Any

from .arrow_input import require_pyarrow
from .errors import CliError, fail
from .parquet_input import PARQUET_SUFFIXES
from .summary import Result


def output_format(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return "csv"
    if suffix in PARQUET_SUFFIXES:
        return "parquet"
    raise fail("cli_out_type", path=path, suffix=suffix or "(none)")


def write_pieces(collection: Any, path: Path) -> None:
    """The pieces as ``start,stop,value`` rows (a set's pieces have value 1), from the
    stored columns: Parquet through pyarrow (``to_arrow``), CSV with the ``csv`` module
    over the typed columns (no piece object is kept)."""
    if output_format(path) == "parquet":
        pa = require_pyarrow("writing Parquet")
        table = collection.to_arrow()
        if "value" not in table.column_names:  # a set
            ones = pa.Array.from_buffers(
                pa.int64(), table.num_rows, [None, pa.py_buffer(array("q", [1]) * table.num_rows)]
            )
            table = table.append_column("value", ones)
        pa.parquet.write_table(table, path)
        return
    res = Result(collection)
    values: Any = res.values if res.values is not None else repeat(1, len(res))
    starts, stops = res.starts, res.stops
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["start", "stop", "value"])
        if res.domain is None or res.domain.kind == "number":
            # numbers need no quoting: the csv module's own text (repr), a row at a time
            handle.writelines(map("%r,%r,%r\r\n".__mod__, zip(starts, stops, values)))
            return
        starts = (res.coordinate(k).isoformat() for k in starts)
        stops = (res.coordinate(k).isoformat() for k in stops)
        writer.writerows(zip(starts, stops, values))


def check_plot_target(path: Path) -> None:
    """Fail before reading when matplotlib is missing or cannot write this file type."""
    from intervalues.plotting import require_matplotlib

    try:
        require_matplotlib()
    except ImportError as exc:
        raise CliError(str(exc)) from None
    from matplotlib.figure import Figure

    types = Figure().canvas.get_supported_filetypes()
    suffix = path.suffix.lower().lstrip(".")
    if suffix not in types:
        raise fail(
            "cli_plot_type", path=path, suffix=suffix or "(none)", types=", ".join(sorted(types))
        )


def save_plot(collection: Any, path: Path, args: argparse.Namespace) -> None:
    """Draw the collection (``plot_steps``) on a new figure and save it."""
    from matplotlib.figure import Figure

    from intervalues.plotting import plot_steps

    figure = Figure(figsize=(10, 4), layout="constrained")
    ax = figure.add_subplot()
    label = args.value if args.value is not None else {"counter": "count", "set": ""}[args.kind]
    ax.set_ylabel(label)  # before plot_steps, which labels an unlabelled Axes
    plot_steps(collection, ax=ax)
    ax.set_title(f"{type(collection).__name__} of {Path(args.file).name}")
    ax.set_xlabel(f"{args.start} .. {args.stop}")
    ax.grid(True, alpha=0.3)
    try:
        figure.savefig(path, dpi=120)
    except OSError as exc:
        raise fail("cli_plot_write", path=path, error=exc) from None
