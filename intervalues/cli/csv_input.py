"""Reading a CSV file (plain, ``.gz``, or a ``.zip`` holding one CSV)."""

from __future__ import annotations

import argparse
import csv
import gzip
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from .errors import CliError
from .progress import Progress
from .rows import RowReader, Rows


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
