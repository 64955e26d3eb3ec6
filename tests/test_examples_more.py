"""Smoke tests for the examples beyond the airfield one: each runs with ``--quick``.

Every example is run as a script in a subprocess (as a user would run it) and its
output is checked for the sections and the self-checks it prints.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run_example(name: str, *args: str) -> str:
    """Run ``examples/<name>`` with ``args``; return its stdout (it must exit with 0)."""
    result = subprocess.run(
        [sys.executable, str(EXAMPLES / name), *args],
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_count_criteria() -> None:
    out = run_example("count_criteria.py", "--quick")
    assert "25 requirements" in out
    assert "bulk == one by one: True" in out
    assert "sum of the requirements' lengths" in out and ": True" in out
    assert "Requirements holding at sample points" in out
    assert "regions_at_least(" in out
    assert "Where no requirement holds" in out


def test_student_regulations() -> None:
    out = run_example("student_regulations.py", "--quick")
    assert "10 regulations on student numbers 1-999,999" in out
    assert "both + exactly one == at least one: True" in out
    for section in ("1. Students hit by R01 and R02", "2. Regulations per student", "3. Where"):
        assert section in out
    assert "worst off on balance" in out


def test_python_vs_rust_timing() -> None:
    out = run_example("python_vs_rust_timing.py", "--quick")
    assert "10,000 | floats" in out
    assert "1,000,000" not in out
    if "not installed" not in out:
        assert "gave equal meters for every input: True" in out
        assert "False" not in out


def test_time_of_use_prices() -> None:
    out = run_example("time_of_use_prices.py", "--quick")
    for section in (
        "1. Resolved price per slot",
        "2. explain(",
        "3. Where each layer wins (active_regions)",
        "4. snapshot()",
        "5. The flexible load",
    ):
        assert section in out
    assert "resolver says 999.0, snapshot still says" in out
    assert "+00:00" not in out  # times are printed as HH:MM UTC


@pytest.mark.parametrize(
    "name",
    [
        "count_criteria.py",
        "student_regulations.py",
        "python_vs_rust_timing.py",
        "time_of_use_prices.py",
    ],
)
def test_examples_have_help(name: str) -> None:
    assert "--quick" in run_example(name, "--help")
