"""Timing (median of repeats, ``time.perf_counter``), the machine description and the table."""

from __future__ import annotations

import gc
import os
import platform
import statistics
import subprocess
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


def measure(work: Callable[[], T], repeats: int, min_seconds: float = 0.0) -> tuple[float, T]:
    """Median seconds per call of ``work()`` over ``repeats`` runs, and its last result.

    With ``min_seconds``, each run loops the call until it lasts at least that long (for
    tiny inputs, where one call is below the clock's resolution); the time is per call.
    The garbage collector stays on (users run with it) but is emptied before every run.
    """
    loops = 1
    if min_seconds > 0:
        started = time.perf_counter()
        work()
        once = max(time.perf_counter() - started, 1e-9)
        loops = max(1, int(min_seconds / once) + 1)
    times = []
    result: Any = None
    for _ in range(max(1, repeats)):
        gc.collect()
        started = time.perf_counter()
        for _ in range(loops):
            result = work()
        times.append((time.perf_counter() - started) / loops)
    return statistics.median(times), result


def fmt_seconds(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    if seconds >= 1:
        return f"{seconds:.2f} s"
    if seconds >= 1e-3:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds * 1e6:.1f} µs"


def fmt_ratio(ratio: float) -> str:
    return f"{ratio:.2f}×" if ratio < 10 else f"{ratio:.1f}×"


def machine_description() -> list[str]:
    """CPU model, cores, memory, OS, Python, and the versions under test."""
    model = "unknown CPU"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.is_file():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    logical = os.cpu_count() or 0
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else logical
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(meminfo.read_text().split("MemTotal:")[1].split()[0])
        memory = f", {kib / 2**20:.0f} GiB RAM"
    lines = [
        f"machine: {model}, {logical} logical cores ({usable} usable){memory}",
        f"system:  {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()} ({platform.python_implementation()})",
        f"date:    {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, commit {git_commit()}",
    ]
    return lines


def load_average() -> str:
    """The 1/5/15-minute load averages: other work on the machine skews the times."""
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return "unknown"
    return f"{one:.1f} / {five:.1f} / {fifteen:.1f} (1/5/15 min)"


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "log", "-1", "--format=%h %cs"],
            capture_output=True,
            text=True,
            check=True,
            cwd=Path(__file__).resolve().parent,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    dirty = subprocess.run(
        ["git", "status", "--porcelain", "--", "intervalues", "rust"],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    ).stdout.strip()
    return out.stdout.strip() + (" (+ uncommitted changes)" if dirty else "")


@dataclass
class Row:
    """One line of the table. ``section`` rows are headings."""

    what: str
    data: str = ""
    n: str = ""
    measured: str = ""
    derived: str = ""
    target: str = ""
    met: str = ""
    section: bool = False


class Table:
    """Rows collected while the benchmarks run, printed once at the end."""

    columns = ("workload", "data", "n", "measured", "ratio / derived", "target", "met")

    def __init__(self) -> None:
        self.rows: list[Row] = []
        self.notes: list[str] = []

    def section(self, title: str) -> None:
        self.rows.append(Row(title, section=True))
        print(f"... {title}", flush=True)

    def add(self, row: Row) -> None:
        self.rows.append(row)
        print(f"    {row.what} [{row.data}, n={row.n}]: {row.measured} {row.derived}", flush=True)

    def note(self, text: str) -> None:
        self.notes.append(text)

    def render(self) -> str:
        cells = [
            (r.what, r.data, r.n, r.measured, r.derived, r.target, r.met)
            for r in self.rows
            if not r.section
        ]
        widths = [
            max([len(c)] + [len(row[i]) for row in cells]) for i, c in enumerate(self.columns)
        ]
        total = sum(widths) + 3 * (len(widths) - 1)

        def line(values: tuple[str, ...]) -> str:
            parts = []
            for i, (value, width) in enumerate(zip(values, widths)):
                right = i in (2, 3)
                parts.append(value.rjust(width) if right else value.ljust(width))
            return " | ".join(parts).rstrip()

        out = [line(self.columns), "-" * total]
        for r in self.rows:
            if r.section:
                out.append(f"[{r.what}]")
            else:
                out.append(line((r.what, r.data, r.n, r.measured, r.derived, r.target, r.met)))
        return "\n".join(out)


def verdict(ok: bool | None) -> str:
    if ok is None:
        return ""
    return "yes" if ok else "NO"


def count(n: int) -> str:
    """``1000000`` -> ``1M``, ``100000`` -> ``100k``, ``327346`` -> ``327,346``."""
    if n >= 1_000_000 and n % 1_000_000 == 0:
        return f"{n // 1_000_000}M"
    if n >= 1000 and n % 1000 == 0:
        return f"{n // 1000}k"
    return f"{n:,}"
