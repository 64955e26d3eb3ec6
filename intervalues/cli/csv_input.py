"""Reading a CSV file (plain, ``.gz``, or a ``.zip`` holding one CSV)."""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from itertools import islice
from pathlib import Path
from typing import IO, Any

from .columns import ColumnReader, Options, Rows
from .errors import fail
from .progress import Progress


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
            raise fail("cli_zip_contents", path=path, listed=listed)
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
            unzipped = gzip.GzipFile(fileobj=io.BufferedReader(counted, 1 << 16))
            gz_text = io.TextIOWrapper(unzipped, encoding="utf-8-sig", newline="")
            return gz_text, counted, total, [gz_text, *closers]
    text = io.TextIOWrapper(io.BufferedReader(counted, 1 << 16), encoding="utf-8-sig", newline="")
    closers.insert(0, text)
    return text, counted, total, closers


BATCH = 65_536  # rows per batch of the zero-dependency reader


def read_csv(path: Path, args: argparse.Namespace, progress: Progress) -> Rows:
    """The needed columns of a CSV file, typed as whole columns (see :mod:`.columns`):
    with pyarrow through ``pyarrow.csv`` (multithreaded), else with the ``csv`` module a
    batch of rows at a time. A file pyarrow cannot read the same way (odd cells, empty
    cells without ``--skip-missing``, errors to report by line) goes to the second."""
    first_start = _header(path, args)
    rows = None
    if _arrow_wanted(args):
        from .arrow_input import read_csv_arrow

        rows = read_csv_arrow(path, args, first_start, progress)
    return rows if rows is not None else read_csv_python(path, args, progress)


def _arrow_wanted(args: argparse.Namespace) -> bool:
    if args.datetime_format is not None and "%z" in args.datetime_format.lower():
        return False  # strptime's zones: Python's rules
    try:  # from_arrays reads pyarrow columns through NumPy
        import numpy  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        return False
    return True


def _header(path: Path, args: argparse.Namespace) -> str | None:
    """Check the header's column names against the options; the first start cell."""
    text, _, _, closers = _open_csv(path)
    try:
        reader = csv.reader(text, delimiter=args.delimiter)
        try:
            header = next(reader, None)
            first = next(reader, None)
        except csv.Error as exc:
            raise fail("cli_not_csv", path=path, error=exc) from None
    except UnicodeDecodeError as exc:
        raise fail("cli_not_utf8", path=path, reason=exc.reason, byte=exc.start) from None
    finally:
        for closer in closers:
            closer.close()
    if not header:
        raise fail("cli_empty_file", path=path)
    header = [name.strip() for name in header]
    index = _column_indexes(header, args, path, first)
    return first[index["start"]] if first and len(first) > index["start"] else None


def read_csv_python(path: Path, args: argparse.Namespace, progress: Progress) -> Rows:
    """The zero-dependency reader: ``csv`` rows, a batch at a time, into typed columns."""
    text, counted, total, closers = _open_csv(path)
    progress.start(f"reading {path.name}", total)
    try:
        reader = csv.reader(text, delimiter=args.delimiter)
        header = [name.strip() for name in next(reader)]
        index = _column_indexes(header, args, path)
        width = len(header)
        columns = ColumnReader(Options.of(args), lambda k: _line_of(path, args, k), index)
        while True:
            try:
                batch = list(islice(reader, BATCH))
            except csv.Error as exc:
                raise fail("cli_csv_line", path=path, line=reader.line_num, error=exc) from None
            if not batch:
                break
            if [] in batch:  # blank lines
                batch = [fields for fields in batch if fields]
            if min(map(len, batch)) != width or max(map(len, batch)) != width:
                k = next(k for k, fields in enumerate(batch) if len(fields) != width)
                raise fail(
                    "cli_field_count",
                    where=_line_of(path, args, columns.rows.read + k),
                    count=len(batch[k]),
                    width=width,
                )
            columns.add(batch)
            progress.update(counted.count, columns.rows.read)
        progress.update(total, columns.rows.read, final=True)
        return columns.finish()
    except UnicodeDecodeError as exc:
        raise fail("cli_not_utf8", path=path, reason=exc.reason, byte=exc.start) from None
    finally:
        for closer in closers:
            closer.close()
        progress.finish()


def _line_of(path: Path, args: argparse.Namespace, row: int) -> str:
    """``line N`` of data row ``row`` (0-based, blank lines not counted), found by
    reading the file again: only error messages need it."""
    text, _, _, closers = _open_csv(path)
    try:
        reader = csv.reader(text, delimiter=args.delimiter)
        next(reader)
        k = -1
        for fields in reader:
            if fields:
                k += 1
                if k == row:
                    break
        return f"line {reader.line_num}"
    finally:
        for closer in closers:
            closer.close()


def _column_indexes(
    header: list[str], args: argparse.Namespace, path: Path, first: list[str] | None = None
) -> dict[str, int]:
    """Each role's position in the header (``CliError`` naming the columns if missing);
    with ``first``, the first data row, a ``;``-separated file is recognised."""
    index: dict[str, int] = {}
    for role in ("start", "stop", "value"):
        name = getattr(args, role)
        if name is None:
            continue
        if name not in header:
            _suggest_delimiter(header, args, path, first)
            raise fail(
                "cli_unknown_column",
                role=role,
                name=name,
                file=path.name,
                columns=", ".join(header),
            )
        index[role] = header.index(name)
    return index


def _suggest_delimiter(
    header: list[str], args: argparse.Namespace, path: Path, first: list[str] | None
) -> None:
    """A ``CliError`` suggesting ``--delimiter`` when one other separator explains it."""
    if len(header) != 1:
        return
    for other in (";", "\t", "|", ","):
        if other != args.delimiter and other in header[0]:
            shown = "\\t" if other == "\t" else other
            raise fail("cli_delimiter_guess", file=path.name, header=header[0], shown=shown)
