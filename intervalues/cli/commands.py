"""The argument parser, the ``combine`` command and ``main``."""

from __future__ import annotations

import argparse
import glob
import gzip
import os
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from .arrow_input import require_pyarrow
from .build import build
from .csv_input import read_csv
from .errors import EXIT_ERROR, EXIT_OK, KINDS, CliError, fail
from .output import check_plot_target, output_format, save_plot, write_pieces
from .parquet_input import PARQUET_SUFFIXES, read_parquet
from .progress import Progress
from .summary import print_summary, summary


def build_parser() -> argparse.ArgumentParser:
    """The ``intervalues`` argument parser, with one subcommand per task.

    >>> parser = build_parser()
    >>> args = parser.parse_args(["combine", "trips.csv", "--start", "dep", "--stop", "arr"])
    >>> args.command, args.start, args.stop, args.kind
    ('combine', 'dep', 'arr', None)
    """
    from intervalues import __version__

    parser = _Parser(
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
            "  intervalues combine shifts.csv --start start --stop stop --plot staffed.png\n"
            "  intervalues combine airborne.csv --start takeoff --stop landing \\\n"
            "      --skip-missing --out airborne.parquet\n"
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
        raise fail("cli_dask_needs_out")
    if args.plot is not None:
        raise fail("cli_dask_plot")
    try:
        from intervalues import dask as idask
    except ImportError:
        raise fail("cli_needs_dask") from None
    pattern = str(args.file)
    if not glob.glob(pattern):
        raise fail("cli_no_match", pattern=pattern)
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
    except (TypeError, ValueError, KeyError, OverflowError, TimeoutError) as exc:
        raise CliError(str(exc).strip("'\"")) from None
    print(f"result             Interval{args.kind.title()} of {pieces:,} pieces")
    print(f"partitions         {result.npartitions} (range-partitioned, sorted)")
    print(f"wrote the dataset to {args.out}")
    return EXIT_OK


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors in one line and a pointer to ``--help``."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_ERROR, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def run_combine(args: argparse.Namespace) -> int:
    path: Path = args.file
    if args.kind is None:
        args.kind = "meter" if args.value is not None else "counter"
    if args.kind == "set" and args.value is not None:
        raise fail("cli_set_value")
    if args.dask:
        return run_dask(args)
    if args.scheduler is not None:
        raise fail("cli_scheduler")
    if args.top < 1:
        raise fail("cli_top", value=args.top)
    if len(args.delimiter) != 1:
        raise fail("cli_delimiter", value=args.delimiter)
    if not path.exists():
        raise fail("cli_no_file", path=path)
    if path.is_dir():
        raise fail("cli_is_directory", path=path)
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
        raise fail("cli_cannot_read", path=path, reason=exc.strerror or exc) from None
    except zipfile.BadZipFile as exc:
        raise fail("cli_bad_zip", path=path, error=exc) from None
    except (EOFError, gzip.BadGzipFile) as exc:
        raise fail("cli_bad_compressed", path=path, error=exc) from None
    progress.note(f"combining {rows.used:,} intervals into an Interval{args.kind.title()}")
    collection = build(rows, args.kind)
    print_summary(summary(collection, rows, args))
    if args.out is not None:
        try:
            write_pieces(collection, args.out)
        except OSError as exc:
            reason = exc.strerror or exc
            raise fail("cli_cannot_write", path=args.out, reason=reason) from None
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
