"""Scale-out benchmark: combine a Parquet dataset of intervals on a dask LocalCluster.

    make bench-dask                                   # 10M and 50M intervals, kill runs
    .venv/bin/python benchmarks/bench_dask.py --rows 10000000 --no-kill
    .venv/bin/python benchmarks/bench_dask.py --rows 10000000 --distinct

For each size: writes the dataset once (one Parquet file per 1,000,000 rows, seeded,
reused on later runs) under benchmarks/.data/ (git-ignored); runs the single-process
baseline in a child process (``pandas.read_parquet`` of every file, then
``IntervalMeter.from_pandas``, then ``to_arrays()`` into a DataFrame and ``to_parquet``:
read + combine + write,
with its peak RSS); runs ``intervalues.dask.combine_files`` (read pass, ranges, mend,
one Parquet file per range) on a LocalCluster of 2 worker processes x 1 thread, each
limited to 1 GiB, whose workers were warmed up first (modules imported, as on a
long-lived cluster); and prints the wall-time ratio, each worker's peak RSS (the kernel's
high-water mark, reset before the run) and whether the pieces are equal to the baseline's,
bit for bit. ``--repeat N`` alternates baseline and distributed runs N times (the machine
is shared: report medians).

At the largest size it then kills: one worker SIGKILLed when half of the input has been
read (the run must complete with the same pieces), and, on a second cluster whose workers
run without nannies, every worker killed mid-run (the run must fail with a clear
TimeoutError once ``intervalues.no-workers-timeout``, set to ``--timeout``, has passed).

Data ("sensor events"): starts uniform over one year at minute resolution, durations
1..240 minutes, integer values 1..5 (``--floats``: 0.1..5.0 in steps of 0.1, summed by the
decimal rule). ``--distinct``: every coordinate distinct (random 60-bit starts, lengths
up to 2**40), the worst case for the events: 2 per interval, 32 bytes.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MINUTES_PER_YEAR = 365 * 24 * 60
MIB = 2**20

SINGLE = r"""
import glob, json, resource, sys, time
import pandas as pd
from intervalues import IntervalMeter
data, out = sys.argv[1], sys.argv[2]
t0 = time.perf_counter()
frame = pd.concat([pd.read_parquet(f) for f in sorted(glob.glob(data + "/*.parquet"))],
                  ignore_index=True)
t1 = time.perf_counter()
result = IntervalMeter.from_pandas(frame, value="value")
t2 = time.perf_counter()
del frame
s, e, v = result.to_arrays()  # to_pandas() is far slower on millions of pieces
pd.DataFrame({"start": s, "stop": e, "value": v}).to_parquet(out, index=False)
t3 = time.perf_counter()
usage = resource.getrusage(resource.RUSAGE_SELF)
rss, cpu = usage.ru_maxrss * 1024, usage.ru_utime + usage.ru_stime
print(json.dumps({"read": t1 - t0, "combine": t2 - t1, "write": t3 - t2, "rss": rss, "cpu": cpu}))
"""


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


def write_dataset(path: Path, rows: int, chunk: int, kind: str) -> float:
    """One Parquet file per chunk; reused when a complete dataset is already there."""
    done = path / "_COMPLETE"
    if done.exists() and done.read_text() == f"{rows} {chunk} {kind}":
        return 0.0
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    t0 = time.perf_counter()
    for i, first in enumerate(range(0, rows, chunk)):
        n = min(chunk, rows - first)
        rng = np.random.default_rng(1000 + i)
        if kind == "distinct":
            start = rng.integers(0, 2**60, n, dtype=np.int64)
            stop = start + rng.integers(1, 2**40, n, dtype=np.int64)
        else:
            start = rng.integers(0, MINUTES_PER_YEAR, n, dtype=np.int64)
            stop = start + rng.integers(1, 241, n, dtype=np.int64)
        if kind == "floats":
            value = rng.integers(1, 51, n) / 10  # 0.1 .. 5.0, shortest reprs
        else:
            value = rng.integers(1, 6, n, dtype=np.int64)
        frame = pd.DataFrame({"start": start, "stop": stop, "value": value})
        frame.to_parquet(path / f"part-{i:05d}.parquet", index=False)
    done.write_text(f"{rows} {chunk} {kind}")
    return time.perf_counter() - t0


def single(data: Path, out: Path) -> dict:
    """The one-process baseline in a child process: its times and peak RSS."""
    import json

    run = subprocess.run(
        [sys.executable, "-c", SINGLE, str(data), str(out)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    return json.loads(run.stdout.strip().splitlines()[-1])


class Peaks:
    """Each worker process's peak RSS over a run (VmHWM, reset before the run)."""

    def __init__(self, client) -> None:
        self.client = client
        self.pids = list(client.run(os.getpid).values())
        for pid in self.pids:
            with contextlib.suppress(OSError):  # reset the high-water mark
                Path(f"/proc/{pid}/clear_refs").write_text("5")

    def read(self) -> list[int]:
        out = []
        for pid in self.pids:
            try:
                for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                    if line.startswith("VmHWM:"):
                        out.append(int(line.split()[1]) * 1024)
            except OSError:  # the worker was killed
                pass
        return sorted(out)


def cpu_seconds() -> float:
    """CPU time of this process so far (all threads), user + system."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def read_so_far(dask_scheduler) -> int:
    """Input partitions read (their events in memory), counted on the scheduler."""
    return sum(
        1
        for ts in dask_scheduler.tasks.values()
        if ts.state == "memory" and "_local" in str(ts.key)
    )


def kill_when_read(client, fraction: float, pids: list[int], nparts: int) -> threading.Thread:
    def run() -> None:
        deadline = time.monotonic() + 600
        while client.run_on_scheduler(read_so_far) < fraction * nparts:
            if time.monotonic() > deadline:
                return
            time.sleep(0.05)
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        thread.killed_at = time.monotonic()

    thread = threading.Thread(target=run, daemon=True)
    thread.killed_at = None
    thread.start()
    return thread


def same_pieces(written: Path, reference: Path) -> bool:
    got = pd.read_parquet(written)
    want = pd.read_parquet(reference)
    return len(got) == len(want) and all(
        got[c].to_numpy().tobytes() == want[c].to_numpy().tobytes() for c in want.columns
    )


def cluster(args, **kw):
    import distributed

    return distributed.LocalCluster(
        threads_per_worker=1,
        processes=True,
        memory_limit=args.memory_limit,
        dashboard_address=":0",
        silence_logs=50,
        **kw,
    )


def warm_up(client, tmp: Path) -> None:
    """Import everything on the workers with a tiny run (a long-lived cluster has)."""
    from intervalues.dask import combine_files

    tmp.mkdir(parents=True, exist_ok=True)
    pd.DataFrame({"start": [0, 1], "stop": [2, 3], "value": [1, 2]}).to_parquet(tmp / "w.parquet")
    combine_files(
        str(tmp / "w.parquet"), "start", "stop", "value", scheduler=client,
        out=str(tmp / "out"), progress=False,
    )  # fmt: skip


def run_size(args, rows: int, kind: str, last: bool) -> None:
    import distributed

    from intervalues.dask import combine_files

    data = args.data / f"dask-{rows}-{kind}"
    out = args.data / f"dask-{rows}-{kind}-result"
    ref = args.data / f"dask-{rows}-{kind}-single.parquet"
    wrote = write_dataset(data, rows, args.chunk, kind)
    files = sorted(data.glob("*.parquet"))
    disk = sum(f.stat().st_size for f in files)
    print(
        f"\n== {rows:,} intervals ({kind}): {len(files)} Parquet files, {disk / MIB:,.0f} MiB"
        f" on disk, {rows * 24 / MIB:,.0f} MiB as columns"
        + (f" (written in {wrote:.1f} s)" if wrote else " (reused)")
    )
    singles, walls, peaks = [], [], []
    with cluster(args, n_workers=args.workers) as c, distributed.Client(c) as client:
        warm_up(client, args.data / "warm")
        for _ in range(args.repeat):
            one = single(data, ref)
            singles.append(one["read"] + one["combine"] + one["write"])
            print(
                f"single process: read {one['read']:.1f} s + combine {one['combine']:.1f} s"
                f" + write {one['write']:.1f} s = {singles[-1]:.1f} s,"
                f" CPU {one['cpu']:.1f} s (with imports), peak RSS {one['rss'] / MIB:,.0f} MiB"
            )
            shutil.rmtree(out, ignore_errors=True)
            peak = Peaks(client)
            cpu0 = sum(client.run(cpu_seconds).values()) + cpu_seconds()
            t0 = time.perf_counter()
            written = combine_files(
                str(data / "*.parquet"), "start", "stop", "value",
                scheduler=client, out=str(out), progress=args.progress,
            )  # fmt: skip
            walls.append(time.perf_counter() - t0)
            cpu = sum(client.run(cpu_seconds).values()) + cpu_seconds() - cpu0
            peaks.append(peak.read())
            equal = same_pieces(out, ref)
            print(
                f"distributed:    {walls[-1]:.1f} s for {written.npartitions} ranges"
                f" ({walls[-1] / singles[-1]:.2f}x one process), CPU {cpu:.1f} s (workers and"
                f" scheduler), peak RSS per worker "
                + ", ".join(f"{p / MIB:,.0f}" for p in peaks[-1])
                + f" MiB, pieces bit-identical: {equal}"
            )
            if not equal:
                sys.exit(1)
        ratio = statistics.median(w / s for w, s in zip(walls, singles))
        print(
            f"=> {rows:,} {kind}: median {statistics.median(walls):.1f} s vs"
            f" {statistics.median(singles):.1f} s; median of the paired ratios"
            f" {ratio:.2f}x one process;"
            f" max worker peak {max(max(p) for p in peaks) / MIB:,.0f} MiB"
            f" (limit {parse_limit(args.memory_limit) / MIB:,.0f} MiB)"
        )
        if last and args.kill:
            kill_one(args, client, data, out, ref, len(files))
    if last and args.kill:
        kill_all(args, data, out, len(files))


def kill_one(args, client, data, out, ref, nparts) -> None:
    from intervalues.dask import combine_files

    client.wait_for_workers(args.workers)
    shutil.rmtree(out, ignore_errors=True)
    victim = sorted(client.run(os.getpid).values())[0]
    killer = kill_when_read(client, 0.5, [victim], nparts)
    t0 = time.perf_counter()
    combine_files(
        str(data / "*.parquet"), "start", "stop", "value",
        scheduler=client, out=str(out), progress=False,
    )  # fmt: skip
    wall = time.perf_counter() - t0
    killer.join()
    when = "after half the input was read" if killer.killed_at else "never (the run was faster)"
    print(
        f"one worker SIGKILLed {when}: completed in {wall:.1f} s,"
        f" pieces bit-identical: {same_pieces(out, ref)}"
    )


def kill_all(args, data, out, nparts) -> None:
    import dask
    import distributed

    from intervalues.dask import TIMEOUT_SETTING, combine_files

    with (
        dask.config.set({TIMEOUT_SETTING: f"{args.timeout}s"}),
        cluster(args, n_workers=0) as c,
        distributed.Client(c) as client,
    ):
        workers = [
            subprocess.Popen(
                [sys.executable, "-m", "distributed.cli.dask_worker", c.scheduler_address,
                 "--no-nanny", "--nthreads", "1", "--memory-limit", str(args.memory_limit),
                 "--no-dashboard"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            for _ in range(args.workers)
        ]  # fmt: skip
        try:
            client.wait_for_workers(args.workers, timeout=120)
            killer = kill_when_read(client, 0.3, [w.pid for w in workers], nparts)
            shutil.rmtree(out, ignore_errors=True)
            try:
                combine_files(
                    str(data / "*.parquet"), "start", "stop", "value",
                    scheduler=client, out=str(out), progress=False,
                )  # fmt: skip
                print("every worker SIGKILLed: the run completed (the kill came too late)")
            except TimeoutError as exc:
                after = time.monotonic() - killer.killed_at
                print(
                    f"every worker SIGKILLed: TimeoutError {after:.1f} s after the kill"
                    f" (setting {args.timeout} s): {exc}"
                )
        finally:
            for w in workers:
                w.kill()
                w.wait()


def parse_limit(limit: object) -> int:
    from dask.utils import parse_bytes

    return int(parse_bytes(limit)) if isinstance(limit, str) else int(limit)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, nargs="+", default=[10_000_000, 50_000_000])
    parser.add_argument("--chunk", type=int, default=1_000_000, help="rows per Parquet file")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--memory-limit", default="1GiB", help="per worker")
    parser.add_argument("--floats", action="store_true", help="decimal float values")
    parser.add_argument("--distinct", action="store_true", help="every coordinate distinct")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--no-kill", dest="kill", action="store_false")
    parser.add_argument("--timeout", type=float, default=20.0, help="no-workers timeout, s")
    parser.add_argument("--progress", action="store_true")
    parser.add_argument("--data", type=Path, default=ROOT / "benchmarks" / ".data")
    args = parser.parse_args()

    import dask
    import distributed

    from intervalues._engine import accel

    kind = "distinct" if args.distinct else "floats" if args.floats else "ints"
    print(f"machine: {machine()} (shared: other jobs ran at the same time)")
    print(
        f"dask {dask.__version__}, distributed {distributed.__version__}, pandas"
        f" {pd.__version__}, accelerator: {accel.available()}; cluster: LocalCluster,"
        f" {args.workers} worker processes x 1 thread, {args.memory_limit} each"
    )
    for i, rows in enumerate(args.rows):
        run_size(args, rows, kind, i == len(args.rows) - 1)


if __name__ == "__main__":
    main()
