"""The reference release ``intervalues==0.4.0``, in its own virtualenv, timed in a subprocess.

``benchmarks/.ref-venv`` is created on first use (``python3 -m venv`` + ``pip install
intervalues==0.4.0`` from PyPI; git-ignored). The data travels through a temporary file
of raw columns; ``reference_worker.py`` rebuilds the same BaseIntervals there and times
only ``IntervalMeter(list)``.
"""

from __future__ import annotations

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from array import array
from dataclasses import dataclass
from pathlib import Path

from bench_data import Dataset

HERE = Path(__file__).resolve().parent
VENV = HERE / ".ref-venv"
PYTHON = VENV / "bin" / "python"
WORKER = HERE / "reference_worker.py"
VERSION = "0.4.0"


@dataclass
class RefResult:
    seconds: float | None = None  # median of the runs
    pieces: int | None = None
    problem: str | None = None  # why there is no time (error, timeout)


def ensure_venv() -> str | None:
    """Create the reference venv if needed; None when ready, else what went wrong."""
    if PYTHON.is_file() and _installed_version() == VERSION:
        return None
    base = shutil.which("python3") or sys.executable
    print(f"    creating {VENV.relative_to(HERE.parent)} with intervalues=={VERSION} ...")
    try:
        if not PYTHON.is_file():
            subprocess.run([base, "-m", "venv", str(VENV)], check=True)
        subprocess.run(
            [str(PYTHON), "-m", "pip", "install", "-q", f"intervalues=={VERSION}"], check=True
        )
    except (OSError, subprocess.CalledProcessError) as error:
        return (
            f"could not install intervalues=={VERSION} into {VENV} ({error}); try: "
            f"python3 -m venv {VENV} && {PYTHON} -m pip install intervalues=={VERSION}"
        )
    if _installed_version() != VERSION:
        return f"{VENV} does not hold intervalues {VERSION}"
    return None


def _installed_version() -> str | None:
    try:
        out = subprocess.run(
            [str(PYTHON), "-I", "-c", "import intervalues; print(intervalues.__version__)"],
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() if out.returncode == 0 else None


def write_columns(data: Dataset, path: Path) -> None:
    coords = "q" if data.coord_code == "i" else "d"
    vals = "q" if data.value_code == "i" else "d"
    header = {"n": len(data), "coords": coords, "vals": vals}
    with open(path, "wb") as handle:
        handle.write(json.dumps(header).encode() + b"\n")
        for code, column in ((coords, data.starts), (coords, data.stops), (vals, data.values)):
            handle.write(array(code, column).tobytes())


def time_meter(
    data: Dataset, *, use_rust: bool = False, repeats: int = 1, limit: int = 0
) -> RefResult:
    """Median seconds of the reference's ``IntervalMeter(list)`` on ``data``.

    ``limit`` (seconds, 0 = none) makes the worker give up on a construction that
    takes longer; the result then says so instead of holding a time.
    """
    with tempfile.TemporaryDirectory(prefix="intervalues-bench-") as tmp:
        path = Path(tmp) / f"{data.name}-{len(data)}.columns"
        write_columns(data, path)
        command = [str(PYTHON), "-I", str(WORKER), str(path), "--repeats", str(repeats)]
        if use_rust:
            command.append("--use-rust")
        if limit:
            command += ["--limit", str(limit)]
        try:
            done = subprocess.run(
                command,
                capture_output=True,
                text=True,
                cwd=tmp,  # -I keeps the repository off sys.path; cwd is belt and braces
                timeout=(limit or 3600) * max(1, repeats) + 600,
            )
        except subprocess.TimeoutExpired:
            return RefResult(problem="subprocess timed out")
    if done.returncode != 0 or not done.stdout.strip():
        return RefResult(problem=f"worker failed: {done.stderr.strip()[-300:]}")
    report = json.loads(done.stdout.strip().splitlines()[-1])
    if report.get("version") != VERSION or str(HERE.parent / "intervalues") in report["path"]:
        return RefResult(problem=f"wrong package timed: {report.get('path')}")
    if "timeout" in report:
        return RefResult(problem=f"over {report['timeout']} s")
    if "error" in report:
        return RefResult(problem=report["error"])
    return RefResult(statistics.median(report["times"]), report.get("pieces"))
