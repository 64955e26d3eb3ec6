"""A day of electricity prices from three layers, resolved with ``PriorityIntervalMap``.

A flexible load (say an electric car that needs 3 hours of charging at 11 kW sometime
today) should run in the cheapest quarter-hours. Its price for each 15-minute UTC slot
comes from three sources of increasing authority:

* **day-ahead** prices, fixed the day before, cover all 96 slots (the base layer);
* **intraday** corrections, traded during the day, cover some stretches only;
* **live** prices, from the grid operator's balancing market, cover a few slots.

Each source is an ``IntervalMap`` from half-open UTC ranges ``[start, stop)`` (aware
``datetime`` objects) to a price in EUR/MWh. A ``PriorityIntervalMap`` stacks them: at
every moment the highest-priority layer that has a price wins. The script shows

1. the resolved price per hour (the four slots' prices) and which layer set each slot;
2. ``explain`` for one slot (winner, priority, layers ranked above it without a price);
3. ``active_regions``: where each layer wins;
4. a ``snapshot()``: an independent ``IntervalMap`` of the resolved day (touching
   slots with the same price merged) that stays put when a layer changes later;
5. the cost of the flexible load in its cheapest slots, against running it from 18:00.

Prices are random but reproducible (``--seed``). Run it from the repository root::

    PYTHONPATH=. python examples/time_of_use_prices.py
    PYTHONPATH=. python examples/time_of_use_prices.py --quick     # a shorter listing
"""

from __future__ import annotations

import argparse
import math
import random
from collections.abc import Sequence
from datetime import datetime, timedelta, timezone

from intervalues import IntervalMap, PriorityIntervalMap, PrioritySourceHandle

DAY = datetime(2026, 3, 2, tzinfo=timezone.utc)
SLOT = timedelta(minutes=15)
SLOTS = [DAY + i * SLOT for i in range(96)]  # slot starts; slot i is [SLOTS[i], + 15 min)
LOAD_KW = 11.0
LOAD_SLOTS = 12  # 3 hours of charging
EVENING = DAY + timedelta(hours=18)


def day_ahead_prices(rng: random.Random) -> IntervalMap[float]:
    """All 96 slots: a daily shape (cheap at night and midday, peaks morning and evening)."""
    prices: IntervalMap[float] = IntervalMap()
    for slot in SLOTS:
        hour = (slot - DAY) / timedelta(hours=1)
        shape = 25 * math.cos(2 * math.pi * (hour - 18) / 24) + 12 * math.cos(
            2 * math.pi * (hour - 8) / 12
        )
        prices.assign(slot, slot + SLOT, round(80 + shape + rng.uniform(-4, 4), 2))
    return prices


def intraday_corrections(day_ahead: IntervalMap[float], rng: random.Random) -> IntervalMap[float]:
    """Three stretches of one to three hours where intraday trading moved the price."""
    corrections: IntervalMap[float] = IntervalMap()
    for _ in range(3):
        first = rng.randrange(0, 96 - 12)
        for slot in SLOTS[first : first + rng.randint(4, 12)]:
            corrections.assign(slot, slot + SLOT, round(day_ahead[slot] + rng.uniform(-15, 15), 2))
    return corrections


def live_prices(rng: random.Random) -> IntervalMap[float]:
    """A few slots with balancing prices: spikes and one negative price (surplus wind)."""
    live: IntervalMap[float] = IntervalMap()
    for index, price in ((30, 190.0), (31, 160.5), (56, -12.0), (75, 240.25)):
        live.assign(SLOTS[index], SLOTS[index] + SLOT, round(price + rng.uniform(-5, 5), 2))
    return live


def hhmm(t: datetime) -> str:
    """``HH:MM`` of a UTC datetime (``24:00`` for the next midnight)."""
    return "24:00" if t == DAY + timedelta(days=1) else t.strftime("%H:%M")


def load_cost(prices: Sequence[float]) -> float:
    """EUR for running the load for one slot at each of ``prices`` (EUR/MWh)."""
    mwh_per_slot = LOAD_KW / 1000 * (SLOT / timedelta(hours=1))
    return sum(prices) * mwh_per_slot


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seed", type=int, default=11, help="random seed (11)")
    parser.add_argument("--quick", action="store_true", help="list six hours instead of 24")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)

    day_ahead = day_ahead_prices(rng)
    intraday = intraday_corrections(day_ahead, rng)
    live = live_prices(rng)
    prices: PriorityIntervalMap[float] = PriorityIntervalMap(default=None, tie_policy="error")
    layers: dict[PrioritySourceHandle, str] = {}
    for name, source, priority in (("day-ahead", day_ahead, 0), ("intraday", intraday, 1)):
        handle, _ = prices.add(source, priority)
        layers[handle] = name
    live_handle, live_wins = prices.add(live, 2)
    layers[live_handle] = "live"
    print(f"Prices for {DAY:%Y-%m-%d} (UTC), 96 slots of 15 minutes, EUR/MWh")
    print(f"  day-ahead: {len(day_ahead)} segments, intraday: {len(intraday)}, live: {len(live)}")
    print(f"  live layer wins somewhere: {live_wins}")

    # 1. Resolved prices per hour, marked with the layer that set each slot.
    hours = 6 if args.quick else 24
    mark = {"day-ahead": " ", "intraday": "i", "live": "L"}
    print("\n1. Resolved price per slot (i = intraday correction, L = live price)")
    print(f"  {'hour':<5}  {':00':>8} {':15':>8} {':30':>8} {':45':>8}   hourly mean")
    resolved = prices.lookup_many(SLOTS, with_priority=True)
    for hour in range(hours):
        row = resolved[4 * hour : 4 * hour + 4]
        cells = [f"{r.value:>7.2f}{mark[layers[r.source]]}" for r in row]
        mean = sum(r.value for r in row) / 4
        print(f"  {hour:02d}:00  {' '.join(cells)}   {mean:>7.2f}")
    if hours < 24:
        print(f"  ... ({24 - hours} more hours)")

    # 2. Why one slot has its price.
    slot = SLOTS[56]
    why = prices.explain(slot)
    print(f"\n2. explain({hhmm(slot)}): {why.value} EUR/MWh from the {layers[why.source]} layer")
    print(
        f"   (priority {why.priority}; higher layers without a price here: "
        f"{[layers[h] for h in why.uncovered_sources] or 'none'})"
    )
    slot = SLOTS[1]
    why = prices.explain(slot)
    print(
        f"   explain({hhmm(slot)}): {why.value} EUR/MWh from the {layers[why.source]} layer; "
        f"no price in: {', '.join(layers[h] for h in why.uncovered_sources)}"
    )

    # 3. Where each layer wins.
    print("\n3. Where each layer wins (active_regions)")
    for handle, name in layers.items():
        regions = prices.active_regions(handle)
        total = sum((r.stop - r.start for r in regions), timedelta())
        spans = ", ".join(f"{hhmm(r.start)}-{hhmm(r.stop)}" for r in regions)
        print(f"  {name:<9} {total / SLOT:>3.0f} slots: {spans}")

    # 4. A snapshot that no longer follows the layers.
    snapshot = prices.snapshot()
    live.assign(SLOTS[75], SLOTS[75] + SLOT, 999.0)  # the live price is revised upwards
    print("\n4. snapshot(): an IntervalMap of the resolved day")
    print(
        f"  {len(snapshot)} segments (touching equal prices would be one) covering "
        f"{hhmm(snapshot.items()[0][0].start)}-{hhmm(snapshot.items()[-1][0].stop)}"
    )
    print(
        f"  after a live revision at {hhmm(SLOTS[75])}: resolver says {prices[SLOTS[75]]}, "
        f"snapshot still says {snapshot[SLOTS[75]]}"
    )

    # 5. The flexible load in the cheapest slots (by the snapshot's prices).
    by_price = sorted(SLOTS, key=lambda s: snapshot[s])
    cheapest = sorted(by_price[:LOAD_SLOTS])
    evening = [s for s in SLOTS if s >= EVENING][:LOAD_SLOTS]
    smart = load_cost([snapshot[s] for s in cheapest])
    naive = load_cost([snapshot[s] for s in evening])
    print(f"\n5. The flexible load: {LOAD_KW:g} kW for {LOAD_SLOTS} slots ({LOAD_SLOTS / 4:g} h)")
    print(f"  cheapest slots: {', '.join(hhmm(s) for s in cheapest)}")
    print(
        f"  cost there: {smart:.2f} EUR; from {hhmm(EVENING)} instead: {naive:.2f} EUR "
        f"(saves {naive - smart:.2f} EUR)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
