"""The printed summary: rows, pieces, the peak, the busiest stretches, lengths."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .columns import Rows


def format_number(x: Any) -> str:
    """An int with thousands separators; a float as Python prints it."""
    if isinstance(x, int):
        return f"{x:,}"
    return repr(x)


def format_coordinate(x: Any) -> str:
    if isinstance(x, datetime):
        return x.isoformat(sep=" ")
    return repr(x)


def format_length(x: Any) -> str:
    if isinstance(x, timedelta):
        hours = x / timedelta(hours=1)
        return f"{x} ({hours:,.2f} h)"
    return format_number(x)


def stretch(piece: Any) -> str:
    return f"[{format_coordinate(piece.start)}, {format_coordinate(piece.stop)}]"


def summary(collection: Any, rows: Rows, args: argparse.Namespace) -> list[tuple[str, str]]:
    """``(label, text)`` lines describing the input and the combined collection."""
    lines = [("file", str(args.file)), ("rows read", format_number(rows.read))]
    skipped = []
    if rows.skipped_missing:
        skipped.append(f"{rows.skipped_missing:,} with an empty cell")
    if rows.skipped_reversed:
        skipped.append(f"{rows.skipped_reversed:,} with start after stop")
    if skipped:
        lines.append(("rows skipped", ", ".join(skipped)))
    weight = f"value={args.value}" if args.value else "each counts 1"
    lines.append(
        (
            "intervals",
            f"{rows.used:,} (start={args.start}, stop={args.stop}, {weight})",
        )
    )
    name = type(collection).__name__
    bounds = collection.bounds
    where = (
        f" from {format_coordinate(bounds[0])} to {format_coordinate(bounds[1])}" if bounds else ""
    )
    lines.append(("result", f"{name} of {len(collection):,} pieces{where}"))
    if not len(collection):
        return lines
    if args.kind == "set":
        longest = sorted(collection, key=lambda p: (-(p.stop - p.start), p.start))[: args.top]
        lines += _ranked("longest stretches", [(stretch(p), "") for p in longest])
    else:
        peak = collection.maximum_value()
        at_peak = sorted(collection.regions_at_least(peak), key=lambda p: p.start)
        shown = ", ".join(stretch(p) for p in at_peak[:3])
        more = f" and {len(at_peak) - 3:,} more" if len(at_peak) > 3 else ""
        count = "stretch" if len(at_peak) == 1 else "stretches"
        lines.append(
            ("peak value", f"{format_number(peak)} on {len(at_peak):,} {count}: {shown}{more}")
        )
        busiest = collection.most_common(args.top)
        lines += _ranked(
            "busiest stretches",
            [(stretch(piece), f"value {format_number(v)}") for piece, v in busiest],
        )
        lines.append(
            ("total measure", format_length(collection.total_length()) + "  (length x value)")
        )
    lines.append(("covered length", format_length(collection.coverage_length())))
    return lines


def _ranked(label: str, items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    width = max((len(text) for text, _ in items), default=0)
    out = []
    for rank, (text, note) in enumerate(items, 1):
        line = f"{rank}. {text:<{width}}  {note}".rstrip()
        out.append((label if rank == 1 else "", line))
    return out


def print_summary(lines: list[tuple[str, str]]) -> None:
    width = max(len(label) for label, _ in lines)
    for label, text in lines:
        print(f"{label:<{width}}  {text}".rstrip())
