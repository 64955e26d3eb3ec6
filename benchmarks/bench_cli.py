"""The command line against the Python pyarrow route, on the same files, in one run.

Each contender runs in its own fresh process (timed from outside, peak RSS from
``os.wait4``), one after the other, on files written once at the start:

- ``big.csv``: ``rows`` random intervals (int ``start``/``stop``, values with two
  decimals written as CSV writers print them: ``84``, ``84.5``, ``84.25``) and its
  Parquet twin ``big.parquet``;
- ``times.csv``: ``datetime_rows`` intervals with ISO 8601 ``Z`` datetimes.

The baseline ("pyarrow route") is what a Python user writes: ``pyarrow.csv.read_csv``
(or ``pyarrow.parquet.read_table``) + ``IntervalMeter.from_arrays`` + ``to_arrays`` +
``pyarrow.parquet.write_table``. The CLI runs ``python -m intervalues combine ... --out
r.parquet``; the zero-dependency CLI runs with pyarrow and NumPy blocked (it writes CSV,
as it cannot write Parquet). The pieces written are compared with the route's.

Run on its own: ``python benchmarks/bench_cli.py --rows 2000000``; ``make bench`` runs it
at 10,000,000 rows (``--cli-rows``).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

# Prefixed to every contender: at exit it writes its own peak RSS (VmHWM, which exec
# resets; ru_maxrss would include this process's memory inherited through fork).
MEASURE = """
import atexit, os, sys
def _peak():
    kb = None
    try:
        with open("/proc/self/status") as status:
            kb = next(int(x.split()[1]) for x in status if x.startswith("VmHWM:"))
    except (OSError, StopIteration):
        import resource
        kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ["BENCH_RSS_FILE"], "w") as out:
        out.write(str(kb))
atexit.register(_peak)
"""

CLI = "from intervalues.cli import main\nsys.exit(main(sys.argv[1:]))\n"

ROUTE = """
import sys
import pyarrow as pa, pyarrow.csv, pyarrow.parquet as pq
from intervalues import {cls}
src, out, start, stop, value = sys.argv[1:6]
table = pa.csv.read_csv(src) if src.endswith(".csv") else pq.read_table(src)
m = {cls}.from_arrays(table[start], table[stop], table[value] if value != "-" else None)
s, e, v = m.to_arrays()
names = ("start", "stop", "value")
pq.write_table(pa.table(dict(zip(names, (s, e, v)))), out)
print(len(m))
"""

BLOCKED = "sys.modules['pyarrow'] = None; sys.modules['numpy'] = None\n"


def write_data(folder: Path, rows: int, datetime_rows: int) -> dict[str, Path]:
    """The benchmark files (needs NumPy and pyarrow), seeded."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    rng = np.random.default_rng(20260101)
    start = rng.integers(0, 10**9, rows)
    table = pa.table(
        {
            "id": np.arange(rows),
            "start": start,
            "stop": start + rng.integers(1, 10**5, rows),
            "value": rng.integers(1, 10_000, rows) / 100,
        }
    )
    paths = {"csv": folder / "big.csv", "parquet": folder / "big.parquet"}
    pacsv.write_csv(table, paths["csv"])  # prints 84.0 as 84: a column of ints and floats
    pq.write_table(table, paths["parquet"])
    seconds = rng.integers(0, 365 * 86400, datetime_rows)
    t0 = np.datetime64("2024-01-01T00:00:00", "s")
    begin = t0 + seconds.astype("timedelta64[s]")
    end = begin + rng.integers(60, 8 * 3600, datetime_rows).astype("timedelta64[s]")
    times = pa.table(
        {
            "begin": pa.array(begin).cast(pa.timestamp("s", tz="UTC")),
            "end": pa.array(end).cast(pa.timestamp("s", tz="UTC")),
        }
    )
    paths["times"] = folder / "times.csv"
    # ISO 8601 with 'Z', as most exports write them
    iso = {
        name: pa.compute.strftime(times[name], format="%Y-%m-%dT%H:%M:%SZ")
        for name in times.column_names
    }
    pacsv.write_csv(pa.table(iso), paths["times"], pacsv.WriteOptions(quoting_style="none"))
    return paths


def run_child(code: str, args: list[str]) -> tuple[float, int, str]:
    """Wall seconds, peak RSS (bytes) and stdout of ``python -c MEASURE+code args``."""
    with tempfile.TemporaryDirectory() as tmp:
        rss_file = Path(tmp) / "rss"
        env = {**os.environ, "PYTHONPATH": str(ROOT), "BENCH_RSS_FILE": str(rss_file)}
        began = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", MEASURE + code, *args], env=env, capture_output=True, text=True
        )
        seconds = time.perf_counter() - began
        if done.returncode:
            raise RuntimeError(f"{' '.join(args)} failed:\n{done.stderr}")
        return seconds, int(rss_file.read_text()) * 1024, done.stdout


def same_pieces(a: Path, b: Path) -> bool:
    """Whether two written results hold the same pieces (Parquet or CSV)."""
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    def load(p: Path) -> list[list[float]]:
        t = pq.read_table(p) if p.suffix == ".parquet" else pacsv.read_csv(p)
        return [t.column(n).cast("float64").to_pylist() for n in ("start", "stop", "value")]

    if a.suffix == b.suffix == ".parquet":
        ta, tb = pq.read_table(a), pq.read_table(b)
        return all(_plain(ta.column(n)).equals(_plain(tb.column(n))) for n in ta.column_names)
    return load(a) == load(b)


def _plain(col: object) -> object:
    """Timestamps as int64 microseconds (the route writes them without their zone)."""
    import pyarrow as pa

    if pa.types.is_timestamp(col.type):  # type: ignore[attr-defined]
        return col.cast(pa.timestamp("us", tz=col.type.tz)).cast(pa.int64())  # type: ignore[attr-defined]
    return col


def cli_rows(table: object, rows: int, datetime_rows: int, zero_dependency: bool = True) -> None:
    """The section of ``benchmarks/run.py``: rows added to its table."""
    from bench_report import Row, count, fmt_ratio, fmt_seconds
    from bench_report import verdict as met

    table.section(  # type: ignore[attr-defined]
        f"9. command line vs the Python pyarrow route ({count(rows)} rows; fresh processes)"
    )
    with tempfile.TemporaryDirectory(prefix="intervalues-bench-cli-") as tmp:
        folder = Path(tmp)
        print(
            f"    writing the files ({count(rows)} and {count(datetime_rows)} rows) ...", flush=True
        )
        paths = write_data(folder, rows, datetime_rows)

        def route(src: Path, cls: str, start: str, stop: str, value: str) -> tuple[float, int]:
            out = folder / f"route-{src.stem}.parquet"
            seconds, rss, _ = run_child(
                ROUTE.format(cls=cls), [str(src), str(out), start, stop, value]
            )
            return seconds, rss

        def cli(src: Path, out: Path, *options: str, blocked: bool = False) -> tuple[float, int]:
            code = (BLOCKED if blocked else "") + CLI
            argv = ["combine", str(src), *options, "--out", str(out), "--no-progress"]
            seconds, rss, _ = run_child(code, argv)
            return seconds, rss

        def add(
            what: str,
            data: str,
            n: int,
            seconds: float,
            rss: int,
            derived: str = "",
            target: str = "",
            ok: bool | None = None,
        ) -> None:
            table.add(  # type: ignore[attr-defined]
                Row(
                    what,
                    data,
                    count(n),
                    fmt_seconds(seconds),
                    f"{derived}; peak RSS {rss / 2**20:,.0f} MiB".lstrip("; "),
                    target,
                    met(ok) if ok is not None else "",
                )
            )

        numbers = ("--start", "start", "--stop", "stop", "--value", "value")
        for kind in ("csv", "parquet"):
            src = paths[kind]
            r_s, r_rss = route(src, "IntervalMeter", "start", "stop", "value")
            add(
                f"pyarrow route: read {kind} + from_arrays + write Parquet",
                "int/2-decimal",
                rows,
                r_s,
                r_rss,
            )
            out = folder / f"cli-{kind}.parquet"
            c_s, c_rss = cli(src, out, *numbers)
            ratio_t, ratio_m = c_s / r_s, c_rss / r_rss
            add(
                f"intervalues combine {src.name} --out r.parquet",
                "int/2-decimal",
                rows,
                c_s,
                c_rss,
                f"time {fmt_ratio(ratio_t)}, memory {fmt_ratio(ratio_m)} the route",
                "≤ 1.5× time and memory",
                ratio_t <= 1.5 and ratio_m <= 1.5,
            )
            assert same_pieces(out, folder / f"route-{src.stem}.parquet"), f"{kind}: pieces differ"
            if kind == "csv" and zero_dependency:
                out_csv = folder / "cli-zero.csv"
                z_s, z_rss = cli(src, out_csv, *numbers, blocked=True)
                add(
                    "same, zero-dependency (no pyarrow, no NumPy; writes CSV)",
                    "int/2-decimal",
                    rows,
                    z_s,
                    z_rss,
                    f"time {fmt_ratio(z_s / r_s)} the route",
                    "≤ 10× time",
                    z_s / r_s <= 10,
                )
                assert same_pieces(out_csv, out), "zero-dependency: pieces differ"
        src = paths["times"]
        r_s, r_rss = route(src, "IntervalCounter", "begin", "end", "-")
        add("pyarrow route: ISO datetimes CSV", "datetimes", datetime_rows, r_s, r_rss)
        out = folder / "cli-times.parquet"
        c_s, c_rss = cli(src, out, "--start", "begin", "--stop", "end")
        add(
            f"intervalues combine {src.name} --out r.parquet",
            "datetimes",
            datetime_rows,
            c_s,
            c_rss,
            f"time {fmt_ratio(c_s / r_s)}, memory {fmt_ratio(c_rss / r_rss)} the route",
            "≤ 1.5× time",
            c_s / r_s <= 1.5,
        )
        assert same_pieces(out, folder / "route-times.parquet"), "datetimes: pieces differ"


def mixed_rows(table: object, n: int) -> None:
    """``from_arrays`` on lists whose values mix ints and floats (``84`` and ``84.5``):
    on the kernel, against the same intervals given to the constructor (which sums mixed
    values in the pure-Python kernel) and against all-float values."""
    import random

    from bench_report import Row, count, fmt_ratio, fmt_seconds, measure

    from intervalues import BaseInterval, IntervalMeter

    table.section(f"10. from_arrays with values mixing ints and floats ({count(n)} intervals)")  # type: ignore[attr-defined]
    rng = random.Random(17)
    starts = [rng.randrange(10**6) for _ in range(n)]
    stops = [a + rng.randrange(1, 1000) for a in starts]
    mixed: list[int | float] = [rng.randrange(1, 10_000) / 100 for _ in range(n)]
    mixed = [int(v) if v.is_integer() else v for v in mixed]  # 84, 84.5: as CSV writers print
    floats = [float(v) for v in mixed]
    objects = [BaseInterval(a, b, v) for a, b, v in zip(starts, stops, mixed)]
    t_mixed, got = measure(lambda: IntervalMeter.from_arrays(starts, stops, mixed), 3)
    t_floats, _ = measure(lambda: IntervalMeter.from_arrays(starts, stops, floats), 3)
    t_objects, want = measure(lambda: IntervalMeter(objects), 1)
    assert [(p.start, p.stop, type(p.value), p.value) for p in got] == [
        (p.start, p.stop, type(p.value), p.value) for p in want
    ], "mixed values: from_arrays differs from the constructor"
    add = table.add  # type: ignore[attr-defined]
    add(
        Row(
            "from_arrays(lists), values mixing ints and floats",
            "mixed",
            count(n),
            fmt_seconds(t_mixed),
            f"{fmt_ratio(t_mixed / t_floats)} the all-float lists",
        )
    )
    add(
        Row(
            "from_arrays(lists), the same values as floats",
            "float",
            count(n),
            fmt_seconds(t_floats),
        )
    )
    add(
        Row(
            "IntervalMeter(list_of_BaseInterval), same mixed values",
            "mixed",
            count(n),
            fmt_seconds(t_objects),
            f"from_arrays {fmt_ratio(t_objects / t_mixed)} faster, same pieces and types",
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=2_000_000)
    parser.add_argument("--datetime-rows", type=int, default=1_000_000)
    parser.add_argument("--no-zero-dependency", action="store_true")
    parser.add_argument("--mixed-rows", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(HERE))
    from bench_report import Table

    table = Table()
    cli_rows(table, args.rows, args.datetime_rows, not args.no_zero_dependency)
    mixed_rows(table, args.mixed_rows)
    print()
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
