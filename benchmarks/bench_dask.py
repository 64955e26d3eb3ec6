"""Scale-out benchmark: combine a Parquet dataset of intervals on a dask LocalCluster.

    make bench-dask                                    # 50,000,000 intervals
    .venv/bin/python benchmarks/bench_dask.py --rows 5000000   # a smaller run

Writes the dataset in chunks (one Parquet file per chunk, seeded, reused on later runs)
under benchmarks/.data/ (git-ignored), combines it with ``intervalues.dask.combine_files``
on a LocalCluster whose workers each have a memory limit of 1 GiB (smaller than the 50M
dataset; ``--memory-limit`` to change) and a peer-to-peer shuffle send buffer of 1/8 of
that (docs/dask.md, "Memory per worker"), and prints: rows, result pieces, wall time,
the single-process time on the same data (``IntervalMeter.from_pandas`` after
``pandas.read_parquet``; ``--single-rows`` limits it to a prefix, ``--no-single`` skips
it), the peak memory of each worker, and whether the two results are equal, piece by
piece and bit for bit.

The data model "sensor events": starts uniform over one year at minute resolution,
durations 1..240 minutes, integer values 1..5 (``--floats``: values 0.1..5.0 in steps
of 0.1, summed by the decimal rule).
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINUTES_PER_YEAR = 365 * 24 * 60


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    ram = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu}, {os.cpu_count()} cores, {ram:.0f} GiB RAM, Python {platform.python_version()}"


def write_dataset(path: Path, rows: int, chunk: int, floats: bool) -> float:
    """One Parquet file per chunk; reused when a complete dataset is already there."""
    done = path / "_COMPLETE"
    if done.exists() and done.read_text() == f"{rows} {chunk} {floats}":
        return 0.0
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    t0 = time.perf_counter()
    for i, first in enumerate(range(0, rows, chunk)):
        n = min(chunk, rows - first)
        rng = np.random.default_rng(1000 + i)
        start = rng.integers(0, MINUTES_PER_YEAR, n, dtype=np.int64)
        stop = start + rng.integers(1, 241, n, dtype=np.int64)
        if floats:
            value = rng.integers(1, 51, n) / 10  # 0.1 .. 5.0, shortest reprs
        else:
            value = rng.integers(1, 6, n, dtype=np.int64)
        frame = pd.DataFrame({"start": start, "stop": stop, "value": value})
        frame.to_parquet(path / f"part-{i:05d}.parquet", index=False)
    done.write_text(f"{rows} {chunk} {floats}")
    return time.perf_counter() - t0


class PeakMemory:
    """Samples each worker's resident memory (RSS) while a computation runs."""

    def __init__(self, client, every: float = 0.2) -> None:
        self.client, self.every = client, every
        self.peak: dict[str, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @staticmethod
    def _rss() -> int:
        import psutil

        return psutil.Process().memory_info().rss

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                for addr, rss in self.client.run(self._rss).items():
                    self.peak[addr] = max(self.peak.get(addr, 0), rss)
            except Exception:  # a worker restarting: keep sampling the others
                pass
            self._stop.wait(self.every)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=50_000_000)
    parser.add_argument("--chunk", type=int, default=1_000_000, help="rows per Parquet file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help="threads per worker")
    parser.add_argument(
        "--memory-limit", default=None, help="per worker, e.g. 1GiB (default: below the dataset)"
    )
    parser.add_argument("--floats", action="store_true", help="decimal float values")
    parser.add_argument("--single-rows", type=int, default=None)
    parser.add_argument("--no-single", action="store_true")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument(
        "--shuffle", default=None, help="dask's shuffle method: p2p (default here) or tasks"
    )
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    args = parser.parse_args()

    import dask
    import distributed

    from intervalues import IntervalMeter
    from intervalues._engine import accel
    from intervalues.dask import combine_files

    kind = "floats" if args.floats else "ints"
    data = args.data / f"dask-{args.rows}-{kind}"
    out = args.data / f"dask-{args.rows}-{kind}-result"
    dataset_bytes = args.rows * 3 * 8
    # 1 GiB: below the 50M dataset (1,144 MiB as columns); enough for 1M-row partitions
    limit = args.memory_limit or 2**30
    print(f"machine: {machine()}")
    print(
        f"dask {dask.__version__}, distributed {distributed.__version__}, "
        f"accelerator: {accel.available()}"
    )
    wrote = write_dataset(data, args.rows, args.chunk, args.floats)
    disk = sum(f.stat().st_size for f in data.glob("*.parquet"))
    print(
        f"dataset: {args.rows:,} intervals ({kind} values), {len(list(data.glob('*.parquet')))}"
        f" Parquet files, {disk / 2**20:,.0f} MiB on disk, {dataset_bytes / 2**20:,.0f} MiB"
        f" as columns in memory" + (f" (written in {wrote:.1f} s)" if wrote else " (reused)")
    )
    shutil.rmtree(out, ignore_errors=True)
    # the peer-to-peer shuffle buffers up to 1 GiB of outgoing shards per worker by
    # default: more than the whole worker may hold here (docs/dask.md, "Memory per worker")
    comm_buffer = max(32 * 2**20, parse_limit(limit) // 8)
    dask.config.set({"distributed.p2p.comm.buffer": comm_buffer})
    with (
        distributed.LocalCluster(
            n_workers=args.workers,
            threads_per_worker=args.threads,
            processes=True,
            memory_limit=limit,
            dashboard_address=":0",
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        lim = parse_limit(limit)
        print(
            f"cluster: LocalCluster, {args.workers} worker processes x {args.threads} thread(s),"
            f" memory limit {lim / 2**20:,.0f} MiB per worker"
            f" ({lim / dataset_bytes:.0%} of the dataset's in-memory size),"
            f" p2p comm buffer {comm_buffer / 2**20:,.0f} MiB"
        )
        if args.shuffle:
            dask.config.set({"dataframe.shuffle.method": args.shuffle})
        with PeakMemory(client) as peak:
            t0 = time.perf_counter()
            written = combine_files(
                str(data / "*.parquet"),
                "start",
                "stop",
                "value",
                scheduler=client,
                out=str(out),
                progress=args.progress,
            )
            wall = time.perf_counter() - t0
        result = written.compute()
    pieces = len(result)
    print(
        f"distributed: {pieces:,} result pieces in {written.npartitions} ranges, "
        f"wall {wall:.1f} s (survey + shuffle + combine + mend + write Parquet)"
    )
    print(
        "peak worker memory (RSS): "
        + ", ".join(f"{v / 2**20:,.0f} MiB" for v in sorted(peak.peak.values()))
    )
    if args.no_single:
        print("single process: skipped (--no-single)")
        return
    files = sorted(data.glob("*.parquet"))
    rows = args.single_rows or args.rows
    t0 = time.perf_counter()
    frame = pd.concat(
        [pd.read_parquet(f) for f in files[: -(-rows // args.chunk)]], ignore_index=True
    ).iloc[:rows]
    t_read = time.perf_counter() - t0
    t0 = time.perf_counter()
    one = IntervalMeter.from_pandas(frame, value="value").to_pandas()
    t_combine = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**10
    print(
        f"single process on {rows:,} rows: read {t_read:.1f} s + combine {t_combine:.1f} s"
        f" = {t_read + t_combine:.1f} s, peak RSS of this process {rss:,.0f} MiB"
    )
    if rows != args.rows:
        print("equal: not checked (the single-process run used a prefix of the data)")
        return
    equal = result.reset_index(drop=True).equals(one) and all(
        (result[c].to_numpy() == one[c].to_numpy()).all() for c in one.columns
    )
    print(f"equal to the single-process result, piece by piece and bit for bit: {equal}")
    if not equal:
        sys.exit(1)


def parse_limit(limit: object) -> int:
    from dask.utils import parse_bytes

    return int(parse_bytes(limit)) if isinstance(limit, str) else int(limit)


if __name__ == "__main__":
    main()
