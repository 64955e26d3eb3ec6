"""The command line reads columns, not cells: both readers give the same answers.

``intervalues combine`` reads CSV with ``pyarrow.csv`` when pyarrow is installed and
with the zero-dependency column reader otherwise. Each test here runs both (the
``reader`` fixture) and compares the printed summary, the written pieces and the
one-line errors; a subprocess with pyarrow and NumPy blocked checks the real
zero-dependency path.
"""

from __future__ import annotations

import csv
import gzip
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import intervalues.cli.csv_input as csv_input
from intervalues.cli import main

ROOT = Path(__file__).resolve().parent.parent
pytest.importorskip("pyarrow")
pytest.importorskip("numpy")


def run(capsys: pytest.CaptureFixture[str], *argv: object) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def both(monkeypatch, capsys, *argv, batch=4):
    """``(arrow, python)``: the same command through each reader (small batches, so that
    files cross batch boundaries)."""
    monkeypatch.setattr(csv_input, "BATCH", batch)
    used = []
    real_python = csv_input.read_csv_python

    def python_reader(*args):
        used.append("python")
        return real_python(*args)

    monkeypatch.setattr(csv_input, "read_csv_python", python_reader)
    arrow = run(capsys, *argv)
    arrow_used = "python" if used else "arrow"
    with monkeypatch.context() as patch:
        patch.setattr(csv_input, "_arrow_wanted", lambda args: False)
        python = run(capsys, *argv)
    return arrow, python, arrow_used


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


CLEAN = {
    "ints": "s,e\n0,4\n2,6\n5,9\n1,3\n7,8\n",
    "values mixing 84 and 84.5": "s,e,v\n0,4,84\n2,6,1\n5,9,2\n1,3,3\n7,8,84.5\n",
    "float coordinates": "s,e,v\n0.5,4,1\n2,6.25,2\n5,9,3\n1,3,4\n7,8,5\n",
    "ISO with Z and offsets": (
        "s,e\n2024-03-01T08:00:00Z,2024-03-01T12:00:00Z\n"
        "2024-03-01T10:00:00+00:00,2024-03-01T14:30:00Z\n"
        "2013-03-09T22:00:00-05:00,2013-03-10T05:00:00-04:00\n"
    ),
    "fixed offsets": (
        "s,e\n2013-03-09T22:00:00-05:00,2013-03-10T05:00:00-04:00\n"
        "2013-03-10T03:00:00-04:00,2013-03-10T04:00:00-04:00\n"
    ),
    "naive and dates": "s,e,v\n2024-01-01 00:00,2024-01-03 00:00,0.5\n2024-01-02,2024-01-04,2\n",
    "fractions of seconds": "s,e\n2024-01-01 00:00:00.25,2024-01-01T00:00:01.5\n",
    "big ints become floats": "s,e\n0,99999999999999999999\n5,7\n",
}


@pytest.mark.parametrize("name", CLEAN)
def test_clean_files_agree(name, tmp_path, monkeypatch, capsys):
    path = write(tmp_path / "in.csv", CLEAN[name])
    value = ["--value", "v"] if ",v\n" in CLEAN[name][:8] else []
    argv = ["combine", path, "--start", "s", "--stop", "e", *value, "--out", tmp_path / "o.csv"]
    arrow, python, used = both(monkeypatch, capsys, *argv)
    pieces = (tmp_path / "o.csv").read_text()
    assert arrow == python
    assert arrow[0] == 0, arrow[2]
    run(capsys, *argv)  # the last run (python) wrote o.csv; the pyarrow run writes the same
    assert (tmp_path / "o.csv").read_text() == pieces
    if name not in ("naive and dates", "big ints become floats"):
        assert used == "arrow"  # the fast path took these


def test_a_float_column_is_float_everywhere(tmp_path, monkeypatch, capsys):
    path = write(tmp_path / "in.csv", "s,e,v\n0,4,84\n2,6,1\n5,9,84.5\n")
    out = tmp_path / "o.csv"
    both(monkeypatch, capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v")
    run(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v", "--out", out)
    rows = list(csv.reader(out.open()))[1:]
    assert rows[0] == ["0", "2", "84.0"]  # one type per column, as pyarrow/pandas read it


SKIPPED = "s,e,v\n0,4,1\n,1,2\n9,3,3\nNA,5,4\n2,6,nan\n1,2,5\n"


def test_skips_agree(tmp_path, monkeypatch, capsys):
    path = write(tmp_path / "messy.csv", SKIPPED)
    argv = ["combine", path, "--start", "s", "--stop", "e", "--value", "v"]
    argv += ["--skip-missing", "--skip-reversed"]
    arrow, python, used = both(monkeypatch, capsys, *argv)
    assert arrow == python and arrow[0] == 0
    assert used == "arrow"
    assert "rows skipped       3 with an empty cell, 1 with start after stop" in arrow[1]


ERRORS = {
    "bad cell": ("s,e\n0,1\n2,3\n4,5\n6,7\n2x,9\n", "line 6, column 's': '2x' is not a number"),
    "empty": ("s,e\n0,1\n2,NA\n", "line 3: column 'e' is empty (use --skip-missing"),
    "NaN": ("s,e\n0,1\n2,nan\n", "line 3: column 'e' is 'nan' (not a number) (use --skip-missing"),
    "reversed": ("s,e\n0,1\n1,2\n3,4\n5,6\n9,3\n", "line 6: start 9 (column 's') is after stop 3"),
    "short row": ("s,e\n0,1\n2\n", "line 3: 1 fields, but the header has 2"),
    "long row": ("s,e\n0,1\n2,3,4\n", "line 3: 3 fields, but the header has 2"),
    "blank lines count": ("s,e\n0,1\n\n\n2,x\n", "line 5, column 'e': 'x' is not a number"),
    "numbers then datetimes": (
        "s,e\n0,1\n2,2024-01-01\n",
        "line 3, column 'e': '2024-01-01' is one of the naive datetimes, but the start/stop "
        "columns began with numbers ('0' in column 's')",
    ),
    "datetimes then numbers in one batch": (
        "s,e\n2024-01-01,1\n",
        "line 2, column 'e': '1' is one of the numbers, but the start/stop columns began "
        "with naive datetimes ('2024-01-01' in column 's')",
    ),
    "naive then aware": (
        "s,e\n2024-01-01,2024-01-02\n2024-01-01,2024-01-03T00:00Z\n",
        "line 3, column 'e': '2024-01-03T00:00Z' is one of the aware datetimes",
    ),
    "day/month/year": (
        "s,e\n01/02/2024 10:00,01/02/2024 12:00\n",
        "line 2, column 's': '01/02/2024 10:00' is not a number or an ISO 8601 datetime; "
        "for other datetimes give their format, e.g. --datetime-format '%d/%m/%Y %H:%M'",
    ),
    "infinite value": ("s,e,v\n0,1,1\n0,1,inf\n", "line 3, column 'v': 'inf' is not a finite"),
    "overflowing sum": (
        "s,e,v\n0,2,1.7e308\n0,2,1.7e308\n",
        "cannot combine the columns: a sum of the values is beyond the largest float",
    ),
}


@pytest.mark.parametrize("name", ERRORS)
def test_errors_agree_and_name_the_line(name, tmp_path, monkeypatch, capsys):
    text, message = ERRORS[name]
    path = write(tmp_path / "bad.csv", text)
    value = ["--value", "v"] if text.startswith("s,e,v") else []
    arrow, python, _ = both(
        monkeypatch, capsys, "combine", path, "--start", "s", "--stop", "e", *value
    )
    assert arrow == python
    code, _, err = arrow
    assert code == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1
    assert err.startswith("intervalues: error: " + message), err


def test_semicolons_suggest_the_delimiter(tmp_path, capsys):
    path = write(tmp_path / "eu.csv", "s;e\n0;1\n")
    code, _, err = run(capsys, "combine", path, "--start", "s", "--stop", "e")
    assert code == 2
    assert err.strip() == (
        "intervalues: error: eu.csv has one column 's;e': it looks ';'-separated; "
        "use --delimiter ';'"
    )


@pytest.mark.parametrize(
    "argv,message",
    [
        (["--kind", "bogus", "--start", "s", "--stop", "e"], "argument --kind: invalid choice"),
        (["--start", "s"], "the following arguments are required: --stop"),
    ],
)
def test_usage_errors_are_one_line(argv, message, tmp_path, capsys):
    path = write(tmp_path / "x.csv", "s,e\n0,1\n")
    code, _, err = run(capsys, "combine", path, *argv)
    assert code == 2
    assert err.count("\n") == 1 and "usage:" not in err
    assert message in err and err.rstrip().endswith("(see 'intervalues combine --help')")


def test_set_with_a_value_column_is_refused(tmp_path, capsys):
    path = write(tmp_path / "x.csv", "s,e,v\n0,1,0\n2,3,1\n")
    code, _, err = run(
        capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v", "--kind", "set"
    )
    assert code == 2
    assert "--kind set takes no --value" in err


def test_compressed_files_agree(tmp_path, monkeypatch, capsys):
    text = CLEAN["values mixing 84 and 84.5"]
    packed = tmp_path / "in.csv.gz"
    packed.write_bytes(gzip.compress(text.encode()))
    archive = tmp_path / "in.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("in.csv", "\ufeff" + text)
    for path in (packed, archive):
        argv = ["combine", path, "--start", "s", "--stop", "e", "--value", "v"]
        arrow, python, used = both(monkeypatch, capsys, *argv)
        assert arrow[1].replace(str(path), "") == python[1].replace(str(path), "")
        assert arrow[0] == 0 and used == "arrow"


def test_zero_dependency_subprocess(tmp_path, capsys):
    """pyarrow and NumPy blocked: the same summary and pieces as with them."""
    lines = ["id,s,e,v"] + [
        f"{i},{i * 7 % 1000},{i * 7 % 1000 + i % 50},{i % 9 / 4}" for i in range(5000)
    ]
    path = write(tmp_path / "big.csv", "\n".join(lines) + "\n")
    argv = ["combine", str(path), "--start", "s", "--stop", "e", "--value", "v"]
    code, with_arrow, _ = run(capsys, *argv, "--out", tmp_path / "a.csv")
    assert code == 0
    script = (
        "import sys; sys.modules['pyarrow'] = None; sys.modules['numpy'] = None\n"
        "from intervalues.cli import main; sys.exit(main(sys.argv[1:]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script, *argv, "--out", str(tmp_path / "b.csv")],
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.replace("b.csv", "a.csv") == with_arrow
    assert (tmp_path / "a.csv").read_text() == (tmp_path / "b.csv").read_text()


def test_datetime_format_agrees(tmp_path, monkeypatch, capsys):
    path = write(
        tmp_path / "eu.csv",
        "in,out\n01/06/2024 08:30,01/06/2024 10:00\n01/06/2024 09:00,02/06/2024 09:00\n",
    )
    argv = [
        "combine",
        path,
        "--start",
        "in",
        "--stop",
        "out",
        "--datetime-format",
        "%d/%m/%Y %H:%M",
    ]
    arrow, python, used = both(monkeypatch, capsys, *argv)
    assert arrow == python and arrow[0] == 0, arrow[2]
    assert used == "arrow"
    assert "2 on 1 stretch: [2024-06-01 09:00:00, 2024-06-01 10:00:00]" in arrow[1]
    bad = write(tmp_path / "bad.csv", "in,out\n2024-06-01,2024-06-02\n")
    arrow, python, _ = both(monkeypatch, capsys, "combine", bad, *argv[2:])
    assert arrow == python and arrow[0] == 2
    assert "line 2, column 'in': '2024-06-01' is not a datetime in the format" in arrow[2]
