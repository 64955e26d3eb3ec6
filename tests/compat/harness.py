"""Run the compatibility corpus on intervalues 0.4.0 and on this package, and compare.

The reference runs in its own virtual environment, created once from the package
registry (``pip install intervalues==0.4.0``) under ``build/compat-venv/`` and reused;
``INTERVALUES_COMPAT_REFERENCE_PYTHON`` may point at an existing interpreter that has
0.4.0 installed instead. Each side gets the whole batch in one subprocess round trip
(``worker.py``); the reference outcomes are cached next to the venv, keyed by the
corpus and worker, since 0.4.0 never changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
WORKER = HERE / "worker.py"
REF_VERSION = "0.4.0"
VENV_DIR = ROOT / "build" / "compat-venv"
ENV_OVERRIDE = "INTERVALUES_COMPAT_REFERENCE_PYTHON"


class ReferenceUnavailable(RuntimeError):
    """The 0.4.0 reference interpreter could not be found or created."""


def _check_reference(python: Path) -> None:
    try:
        probe = subprocess.run(
            [str(python), "-I", "-c", "import intervalues; print(intervalues.__version__)"],
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
            timeout=120,
        )
    except (OSError, subprocess.TimeoutExpired) as e:
        raise ReferenceUnavailable(f"cannot run {python}: {e}") from e
    version = probe.stdout.strip()
    if probe.returncode != 0 or version != REF_VERSION:
        detail = (probe.stderr.strip().splitlines() or [version or "no output"])[-1]
        raise ReferenceUnavailable(f"{python} does not provide intervalues {REF_VERSION}: {detail}")


def reference_python() -> Path:
    """The interpreter that runs 0.4.0, creating its venv on first use."""
    override = os.environ.get(ENV_OVERRIDE)
    if override:
        python = Path(override)
        _check_reference(python)
        return python
    python = VENV_DIR / "bin" / "python"
    stamp = VENV_DIR / f".ok-intervalues-{REF_VERSION}"
    if stamp.is_file() and python.exists():
        return python
    VENV_DIR.parent.mkdir(parents=True, exist_ok=True)
    base = getattr(sys, "_base_executable", None) or sys.executable
    steps = [
        [base, "-m", "venv", "--clear", str(VENV_DIR)],
        [
            str(python),
            "-m",
            "pip",
            "install",
            "--quiet",
            "--disable-pip-version-check",
            f"intervalues=={REF_VERSION}",
        ],
    ]
    for cmd in steps:
        try:
            done = subprocess.run(
                cmd, capture_output=True, text=True, timeout=600, cwd=tempfile.gettempdir()
            )
        except (OSError, subprocess.TimeoutExpired) as e:
            raise ReferenceUnavailable(f"{' '.join(cmd[:4])}: {e}") from e
        if done.returncode != 0:
            last = (done.stderr.strip().splitlines() or ["(no stderr)"])[-1]
            raise ReferenceUnavailable(f"{' '.join(cmd[:5])} failed: {last}")
    _check_reference(python)
    stamp.write_text(REF_VERSION + "\n")
    return python


# --------------------------------------------------------------------------- running


def run_worker(
    python: str | Path, calls: list[dict[str, str]], env: dict[str, str] | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Run ``calls`` in one subprocess; resume after a crash, marking the crashing call."""
    results: dict[str, dict[str, Any]] = {}
    header: dict[str, Any] = {}
    pending = list(calls)
    run_env = dict(os.environ if env is None else env)
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP"):
        run_env.pop(name, None)
    # 0.4.0 lists set pieces in hash order, and datetime hashes are salted: fix the salt
    # (so no -I, which would ignore it; -s and a neutral cwd keep the paths clean)
    run_env["PYTHONHASHSEED"] = "0"
    while pending:
        done = subprocess.run(
            [str(python), "-s", str(WORKER)],
            input=json.dumps(pending),
            capture_output=True,
            text=True,
            cwd=tempfile.gettempdir(),
            env=run_env,
            timeout=1800,
        )
        seen = 0
        for line in done.stdout.splitlines():
            record = json.loads(line)
            if record.get("header"):
                header = record
                continue
            results[record["id"]] = record
            seen += 1
        if seen == len(pending):
            break
        if seen == 0 and not header:
            raise RuntimeError(f"compat worker failed to start:\n{done.stderr[-3000:]}")
        crashed = pending[seen]
        results[crashed["id"]] = {
            "id": crashed["id"],
            "ok": False,
            "exc": "WorkerCrash",
            "mro": [],
            "msg": f"exit {done.returncode}: {done.stderr[-300:]}",
        }
        pending = pending[seen + 1 :]
    return header, results


def corpus_key(calls: list[dict[str, str]]) -> str:
    digest = hashlib.sha256(WORKER.read_bytes())
    digest.update(json.dumps(calls, sort_keys=True).encode())
    return digest.hexdigest()[:20]


def reference_results(calls: list[dict[str, str]]) -> dict[str, dict[str, Any]]:
    """0.4.0's outcomes for ``calls`` (cached on disk by corpus and worker digest)."""
    python = reference_python()
    cache = VENV_DIR / f"results-{corpus_key(calls)}.json"
    if not os.environ.get(ENV_OVERRIDE) and cache.is_file():
        return json.loads(cache.read_text())
    header, results = run_worker(python, calls)
    if header.get("version") != REF_VERSION:
        raise ReferenceUnavailable(f"reference worker reports version {header.get('version')}")
    if not os.environ.get(ENV_OVERRIDE):
        for old in VENV_DIR.glob("results-*.json"):
            old.unlink()
        cache.write_text(json.dumps(results))
    return results


def our_results(
    calls: list[dict[str, str]], backend: str | None = None
) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """This package's outcomes, in a subprocess of the running interpreter."""
    env = dict(os.environ)
    if backend is not None:
        env["INTERVALUES_BACKEND"] = backend
    return run_worker(sys.executable, calls, env)


# --------------------------------------------------------------------------- comparing

_FLOAT_INT = re.compile(r"(?<![\w.])(-?\d+)\.0(?![\d.eE])")


def strip_float_zero(text: str) -> str:
    """'1.0' -> '1' wherever a float literal is integral (for W13 comparisons)."""
    return _FLOAT_INT.sub(r"\1", text)


def exceptions_match(old: dict[str, Any], new: dict[str, Any]) -> str | None:
    """'same' / 'invalid-type' when ``new`` honours the containment rule for ``old``."""
    if old.get("ok") or new.get("ok"):
        return None
    if old["msg"] not in new["msg"]:
        return None
    if old["exc"] == new["exc"]:
        return "same"
    if old["exc"] == "ValueError" and new["exc"] == "InvalidTypeError":
        return "invalid-type"
    return None


def identical(old: dict[str, Any], new: dict[str, Any]) -> bool:
    if old.get("ok") != new.get("ok"):
        return False
    if old.get("ok"):
        return old["type"] == new["type"] and old["fp"] == new["fp"] and old["repr"] == new["repr"]
    return exceptions_match(old, new) == "same"


def summary_of(outcome: dict[str, Any], width: int = 300) -> str:
    """One line describing an outcome, as stored in known_gaps.json.

    Results are shown by their canonical repr (set and meter pieces sorted), so the
    line does not depend on hash order.
    """
    if outcome.get("ok"):
        text = f"{outcome['type']}: {outcome['crepr']}"
    else:
        text = f"{outcome['exc']}: {outcome['msg']}"
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


@dataclass
class Verdict:
    call_id: str
    status: str  # identical | departure | gap | unexplained
    reasons: list[str] = field(default_factory=list)
    old: dict[str, Any] = field(default_factory=dict)
    new: dict[str, Any] = field(default_factory=dict)


def classify(
    calls: Iterable[Any],
    old: dict[str, dict[str, Any]],
    new: dict[str, dict[str, Any]],
    explain: Any,
    gaps: dict[str, dict[str, Any]],
) -> list[Verdict]:
    """Compare call by call: identical, a documented departure, a known gap, or unexplained.

    ``explain(call, old, new)`` returns the ids of the departures that excuse a
    difference; ``gaps`` maps call ids to their known-gap entry.
    """
    verdicts = []
    for call in calls:
        o, n = old[call.id], new[call.id]
        if identical(o, n):
            verdicts.append(Verdict(call.id, "identical", old=o, new=n))
            continue
        reasons = explain(call, o, n)
        if reasons:
            verdicts.append(Verdict(call.id, "departure", reasons, o, n))
            continue
        gap = gaps.get(call.id)
        if gap and gap["old"] == summary_of(o) and gap["ours"] == summary_of(n):
            verdicts.append(Verdict(call.id, "gap", [gap["group"]], o, n))
            continue
        verdicts.append(Verdict(call.id, "unexplained", [], o, n))
    return verdicts


def summary_line(verdicts: list[Verdict]) -> str:
    count = {s: 0 for s in ("identical", "departure", "gap", "unexplained")}
    for v in verdicts:
        count[v.status] += 1
    return (
        f"compat: {len(verdicts)} calls, {count['identical']} identical, "
        f"{count['departure']} documented departures, {count['gap']} known gaps to fix, "
        f"{count['unexplained']} unexplained"
    )


# --------------------------------------------------------------------------- one run


@dataclass
class Report:
    verdicts: list[Verdict]
    stale: list[str]
    backend: str
    header: dict[str, Any]

    @property
    def line(self) -> str:
        return summary_line(self.verdicts)


def evaluate(backend: str | None = None) -> Report:
    """Build the corpus, run both sides, classify every call."""
    from . import corpus, departures, gaps

    calls = corpus.build().calls
    jobs = [c.job() for c in calls]
    old = reference_results(jobs)
    header, new = our_results(jobs, backend)
    known = gaps.load()
    verdicts = classify(calls, old, new, departures.explain, known)
    ids = {c.id for c in calls}
    matched = {v.call_id for v in verdicts if v.status == "gap"}
    stale = sorted(k for k in known if k not in ids or k not in matched)
    label = backend or os.environ.get("INTERVALUES_BACKEND", "") or "auto"
    return Report(verdicts, stale, label, header)
