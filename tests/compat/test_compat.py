"""Differential suite: the same calls on this package and on intervalues 0.4.0 (issue 14).

Every call's outcome (repr, type, value fingerprint, or exception class and message)
must be identical to 0.4.0's, or excused by a documented departure
(``departures.py``), or listed as a known gap (``known_gaps.json``, phase 1 of issue
14). Anything else fails. The 0.4.0 side runs in its own venv (``build/compat-venv``);
without it the suite skips with the reason. Runs once per backend under
``scripts/test.sh`` (the reference outcomes are cached, so the second run only
evaluates our side).
"""

from __future__ import annotations

import collections

import pytest

from . import conftest, harness


@pytest.fixture(scope="module")
def report() -> harness.Report:
    try:
        harness.reference_python()
    except harness.ReferenceUnavailable as e:
        line = f"compat: SKIPPED, intervalues 0.4.0 reference unavailable: {e}"
        conftest.SUMMARY.append(line)
        pytest.skip(line)
    result = harness.evaluate()
    conftest.SUMMARY.append(f"{result.line} (backend: {result.backend})")
    return result


def _show(verdicts: list[harness.Verdict], limit: int = 25) -> str:
    lines = []
    for v in verdicts[:limit]:
        lines.append(f"- {v.call_id}")
        lines.append(f"    0.4.0: {harness.summary_of(v.old, 200)}")
        lines.append(f"    ours : {harness.summary_of(v.new, 200)}")
    if len(verdicts) > limit:
        lines.append(f"... and {len(verdicts) - limit} more")
    return "\n".join(lines)


def test_runs_on_both_sides(report: harness.Report) -> None:
    assert report.header.get("file", "").startswith(str(harness.ROOT)), report.header
    assert len(report.verdicts) >= 2000


def test_no_unexplained_difference(report: harness.Report) -> None:
    bad = [v for v in report.verdicts if v.status == "unexplained"]
    assert not bad, (
        f"{report.line}\nDifferences from 0.4.0 that no departure excuses and no known gap lists"
        f" (fix them, or add a departure row with its documentation):\n{_show(bad)}"
    )


def test_known_gaps_are_current(report: harness.Report) -> None:
    assert not report.stale, (
        f"{len(report.stale)} known_gaps.json entries no longer match (fixed or changed); "
        "refresh with `.venv/bin/python tests/compat/regen_gaps.py`: "
        + ", ".join(report.stale[:10])
    )


def test_every_departure_row_is_used_or_speed_only(report: harness.Report) -> None:
    from .departures import DEPARTURES

    used = collections.Counter(
        r for v in report.verdicts for r in v.reasons if v.status == "departure"
    )
    idle = [d.id for d in DEPARTURES if not used[d.id] and "excuses no call" not in d.summary]
    assert not idle, f"departure rows that excuse nothing (remove or narrow): {idle}"


def test_docs_list_exactly_the_departure_rows() -> None:
    """docs/compatibility.md's table holds every row of the departure table, and no
    other (issue 14: the documentation lists the departures and nothing more)."""
    import re

    from .departures import DEPARTURES

    text = (harness.ROOT / "docs" / "compatibility.md").read_text(encoding="utf-8")
    table = text.split("## The departure table", 1)[1].split("\n## ", 1)[0]
    documented = re.findall(r"^\| (W\d+(?:-[A-Z]+)?|C-[A-Z-]+) \|", table, re.MULTILINE)
    assert len(documented) == len(set(documented)), documented
    assert set(documented) == {d.id for d in DEPARTURES}
