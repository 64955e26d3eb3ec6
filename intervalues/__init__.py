"""intervalues: valued intervals, combined exactly into step functions.

>>> from intervalues import BaseInterval, IntervalMeter, IntervalCounter, IntervalSet
>>> m = IntervalMeter([BaseInterval(2, 4, 3), BaseInterval(1, 3, 2)])
>>> m
IntervalMeter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 5, BaseInterval[3;4]: 3}
>>> m[2.5], m.maximum_value(), m.regions_at_least(3)
(5, 5, IntervalSet:{BaseInterval[2;4]})
>>> IntervalCounter([(0, 10), (5, 15), (8, 9)]).most_common(1)
[(BaseInterval[8;9], 3)]
>>> IntervalSet([(0, 4), (2, 6)]) - IntervalSet([(3, 5)])
IntervalSet:{BaseInterval[0;3], BaseInterval[5;6]}
"""

from __future__ import annotations

from pathlib import Path as _Path

from ._checks import InvalidTypeError
from .abstract_interval import AbstractInterval, AbstractIntervalCollection
from .base_interval import BaseInterval, Coordinate, EmptyInterval, Length, UnitInterval
from .base_interval_discrete import BaseDiscreteInterval
from .combine_intervals import (
    combine_arrays,
    combine_intervals,
    combine_intervals_counter,
    combine_intervals_counter_discrete,
    combine_intervals_meter,
    combine_intervals_meter_discrete,
    combine_intervals_set,
    combine_intervals_set_discrete,
    combine_via_rust,
)
from .function_interval import FunctionInterval
from .interval_function import IntervalFunction
from .interval_list import IntervalList
from .interval_map import (
    IntervalMap,
    PriorityIntervalMap,
    PriorityLookupResult,
    PriorityResolutionExplanation,
    PrioritySourceHandle,
    combine_maps,
    resolve_maps,
)
from .interval_meter import IntervalCounter, IntervalMeter
from .interval_pdf import IntervalPdf
from .interval_pmf import IntervalPmf
from .interval_set import IntervalSet


def _read_version() -> str:
    here = _Path(__file__).resolve().parent
    for candidate in (here / "VERSION", here.parent / "VERSION"):
        if candidate.is_file():
            return candidate.read_text().strip()
    from importlib.metadata import version

    return version("intervalues")


__version__ = _read_version()


def _bind_forward_references() -> None:
    """Let ``typing.get_type_hints`` resolve the value types' annotations at run time.

    ``BaseInterval.as_meter() -> IntervalMeter`` and the like name collections that the
    value types may not import at module level (the collections import them: the layers
    in ``pyproject.toml`` allow only lazy imports upwards). Once every module is loaded,
    the names are bound in those modules' namespaces, so annotations resolve to the
    concrete classes, as in 0.4.0.
    """
    from . import abstract_interval, base_interval, base_interval_discrete

    names = {
        "BaseInterval": BaseInterval,
        "IntervalCounter": IntervalCounter,
        "IntervalList": IntervalList,
        "IntervalMeter": IntervalMeter,
        "IntervalPdf": IntervalPdf,
        "IntervalPmf": IntervalPmf,
        "IntervalSet": IntervalSet,
    }
    for module in (abstract_interval, base_interval, base_interval_discrete):
        namespace = vars(module)
        for name, obj in names.items():
            namespace.setdefault(name, obj)


_bind_forward_references()

__all__ = [
    "AbstractInterval",
    "AbstractIntervalCollection",
    "BaseDiscreteInterval",
    "BaseInterval",
    "Coordinate",
    "EmptyInterval",
    "FunctionInterval",
    "IntervalCounter",
    "IntervalFunction",
    "IntervalList",
    "IntervalMap",
    "IntervalMeter",
    "IntervalPdf",
    "IntervalPmf",
    "IntervalSet",
    "InvalidTypeError",
    "Length",
    "PriorityIntervalMap",
    "PriorityLookupResult",
    "PriorityResolutionExplanation",
    "PrioritySourceHandle",
    "UnitInterval",
    "__version__",
    "combine_arrays",
    "combine_intervals",
    "combine_intervals_counter",
    "combine_intervals_counter_discrete",
    "combine_intervals_meter",
    "combine_intervals_meter_discrete",
    "combine_intervals_set",
    "combine_intervals_set_discrete",
    "combine_maps",
    "combine_via_rust",
    "resolve_maps",
]
