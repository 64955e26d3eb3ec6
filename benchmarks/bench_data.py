"""Seeded random workloads: the same columns feed every contender.

Three data sets of ``n`` intervals, built with the standard library only so that the
reference release's subprocess can rebuild exactly the same intervals from the columns:

- ``int``: integer starts uniform in 0..1e6, integer lengths 1..1000, values 1..5;
- ``float``: float starts uniform in 0..1e6, lengths uniform in 1..1000, values in
  0.25-steps (0.25..5.0; their decimal reading equals their binary value);
- ``decimal``: the same float coordinates, values like 0.1, 0.2, 2.675 (decimals that
  binary floats cannot hold exactly; the library sums them as the decimals they print as).
"""

from __future__ import annotations

import random
from array import array
from dataclasses import dataclass, field
from typing import Any

from intervalues import BaseInterval

DECIMAL_VALUES = (0.1, 0.2, 0.3, 0.7, 1.1, 2.675, 3.3)


@dataclass
class Dataset:
    """Parallel columns of one workload; ``intervals()`` builds the BaseIntervals once."""

    name: str
    starts: list[Any]
    stops: list[Any]
    values: list[Any]
    _intervals: list[BaseInterval] | None = field(default=None, repr=False)

    def __len__(self) -> int:
        return len(self.starts)

    @property
    def coord_code(self) -> str:
        """The accelerator's type code for the coordinates: ``"i"`` or ``"f"``."""
        return "i" if isinstance(self.starts[0], int) else "f"

    @property
    def value_code(self) -> str:
        return "i" if isinstance(self.values[0], int) else "f"

    def intervals(self) -> list[BaseInterval]:
        if self._intervals is None:
            self._intervals = [
                BaseInterval(a, b, v) for a, b, v in zip(self.starts, self.stops, self.values)
            ]
        return self._intervals

    def head(self, n: int) -> Dataset:
        """The first ``n`` intervals (sharing the already built BaseIntervals)."""
        built = self._intervals[:n] if self._intervals is not None else None
        return Dataset(self.name, self.starts[:n], self.stops[:n], self.values[:n], built)

    def column_bytes(self) -> tuple[bytes, bytes, bytes]:
        """``(starts, stops, values)`` as native int64/float64 bytes for the kernel."""
        coords = "q" if self.coord_code == "i" else "d"
        vals = "q" if self.value_code == "i" else "d"
        return (
            array(coords, self.starts).tobytes(),
            array(coords, self.stops).tobytes(),
            array(vals, self.values).tobytes(),
        )


def make_datasets(n: int, seed: int = 20130101) -> dict[str, Dataset]:
    """The ``int``, ``float`` and ``decimal`` workloads of ``n`` intervals each."""
    rng = random.Random(seed)
    starts = [rng.randint(0, 1_000_000) for _ in range(n)]
    stops = [a + rng.randint(1, 1000) for a in starts]
    values = [rng.randint(1, 5) for _ in range(n)]
    int_data = Dataset("int", starts, stops, values)

    rng = random.Random(seed + 1)
    fstarts = [rng.uniform(0.0, 1e6) for _ in range(n)]
    fstops = [a + rng.uniform(1.0, 1000.0) for a in fstarts]
    quarters = [rng.randint(1, 20) * 0.25 for _ in range(n)]
    decimals = [rng.choice(DECIMAL_VALUES) for _ in range(n)]
    return {
        "int": int_data,
        "float": Dataset("float", fstarts, fstops, quarters),
        "decimal": Dataset("decimal", fstarts, fstops, decimals),
    }


def random_points(n: int, seed: int = 7) -> list[int]:
    """``n`` integer lookup points uniform in 0..1e6."""
    rng = random.Random(seed)
    return [rng.randint(0, 1_000_000) for _ in range(n)]
