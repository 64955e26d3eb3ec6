"""Refresh known_gaps.json from a fresh run (phase 1 of issue 14), and print a report.

    .venv/bin/python tests/compat/regen_gaps.py [--report FILE.md]

Runs the corpus on 0.4.0 and on this package (both backends when the accelerator is
installed; their outcomes must agree), sorts every unexplained difference into a gap
group (``gaps.GROUPS``) and rewrites ``known_gaps.json``. Review the diff: a gap that
disappears was fixed; a new one is a regression or a new call.
"""

from __future__ import annotations

import argparse
import collections
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "compat"

from compat import corpus, departures, gaps, harness


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--report", type=Path, help="also write a markdown report here")
    args = parser.parse_args()

    calls = corpus.build().calls
    jobs = [c.job() for c in calls]
    old = harness.reference_results(jobs)
    _, new = harness.our_results(jobs, "python")
    try:
        import intervalues_pyrust  # noqa: F401 - only to know whether to compare backends
    except ImportError:
        print("accelerator not installed: the rust backend was not compared")
    else:
        _, rust = harness.our_results(jobs, "rust")
        split = [c.id for c in calls if new[c.id] != rust[c.id]]
        if split:
            print(f"WARNING: {len(split)} calls differ between the python and rust backends:")
            for cid in split[:20]:
                print(
                    "  ",
                    cid,
                    "\n     py:",
                    harness.summary_of(new[cid]),
                    "\n     rs:",
                    harness.summary_of(rust[cid]),
                )
    verdicts = harness.classify(calls, old, new, departures.explain, {})
    by_id = {c.id: c for c in calls}
    entries = []
    for v in verdicts:
        if v.status != "unexplained":
            continue
        entries.append(
            {
                "id": v.call_id,
                "group": gaps.assign(by_id[v.call_id], v.old, v.new),
                "old": harness.summary_of(v.old),
                "ours": harness.summary_of(v.new),
            }
        )
    entries.sort(key=lambda e: (e["group"], e["id"]))
    gaps.KNOWN_GAPS_FILE.write_text(json.dumps(entries, indent=0, ensure_ascii=False) + "\n")
    counts = collections.Counter(e["group"] for e in entries)
    known = {e["id"]: e for e in entries}
    final = harness.classify(calls, old, new, departures.explain, known)
    print(harness.summary_line(final))
    reasons = collections.Counter(r for v in final if v.status == "departure" for r in v.reasons)
    print("departures:", dict(sorted(reasons.items())))
    for g in gaps.GROUPS:
        if counts[g.key]:
            print(f"{counts[g.key]:6d}  {g.key:22s} [{g.item}] {g.title}")
    if args.report:
        write_report(args.report, final, by_id, counts, reasons)


def write_report(path: Path, verdicts: list[harness.Verdict], by_id: dict, counts, reasons) -> None:
    lines = [f"# compat run: {harness.summary_line(verdicts)}", ""]
    lines.append("## Departures used\n")
    for k, n in sorted(reasons.items()):
        lines.append(f"- {k}: {n}")
    for g in gaps.GROUPS:
        group = [v for v in verdicts if v.status == "gap" and v.reasons == [g.key]]
        if not group:
            continue
        lines += ["", f"## {g.key} ({len(group)}) [{g.item}] {g.title}", "", f"Fix: {g.fix}", ""]
        for v in group[:400]:
            lines.append(f"- `{v.call_id[:160]}`".replace("\n", "⏎"))
            lines.append(f"  - 0.4.0: `{harness.summary_of(v.old, 240)}`")
            lines.append(f"  - ours:  `{harness.summary_of(v.new, 240)}`")
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
