"""Time ``IntervalMeter(list_of_BaseInterval)`` of the installed ``intervalues`` (0.4.0).

Run by ``bench_reference.py`` inside ``benchmarks/.ref-venv`` with ``python -I`` (so the
repository's own package cannot shadow the reference). Standard library only. Reads the
columns written by the parent, builds the BaseIntervals (not timed), times only the meter
construction and prints one JSON line.

    python -I reference_worker.py COLUMNS_FILE [--use-rust] [--repeats N] [--limit S]
"""

from __future__ import annotations

import argparse
import gc
import json
import signal
import sys
import time
from array import array


def read_columns(path: str) -> tuple[list, list, list]:
    """The file: one JSON header line, then starts, stops, values as native bytes."""
    with open(path, "rb") as handle:
        header = json.loads(handle.readline())
        blob = handle.read()
    n, coords, vals = header["n"], header["coords"], header["vals"]
    out = []
    offset = 0
    for code in (coords, coords, vals):
        column = array(code)
        column.frombytes(blob[offset : offset + 8 * n])
        offset += 8 * n
        out.append(column.tolist())
    return out[0], out[1], out[2]


class TimeLimit(Exception):
    pass


def on_alarm(signum, frame):
    raise TimeLimit


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("columns")
    parser.add_argument("--use-rust", action="store_true")
    parser.add_argument("--repeats", type=int, default=1)
    parser.add_argument("--limit", type=int, default=0, help="give up after S seconds")
    args = parser.parse_args()

    import intervalues
    from intervalues import BaseInterval, IntervalMeter

    starts, stops, values = read_columns(args.columns)
    intervals = [BaseInterval(a, b, v) for a, b, v in zip(starts, stops, values)]
    del starts, stops, values
    kwargs = {"use_rust": True} if args.use_rust else {}
    report = {"version": intervalues.__version__, "path": intervalues.__file__, "times": []}
    signal.signal(signal.SIGALRM, on_alarm)
    try:
        for _ in range(args.repeats):
            gc.collect()
            signal.alarm(args.limit)
            started = time.perf_counter()
            meter = IntervalMeter(intervals, **kwargs)
            elapsed = time.perf_counter() - started
            signal.alarm(0)
            report["times"].append(elapsed)
            report["pieces"] = len(meter)
            del meter
    except TimeLimit:
        report["timeout"] = args.limit
    except Exception as error:  # report any failure of the reference to the parent
        signal.alarm(0)
        report["error"] = f"{type(error).__name__}: {error}"
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main())
