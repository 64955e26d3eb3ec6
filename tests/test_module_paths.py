"""Every module path SPEC lists for the in-scope types re-exports the same objects."""

import importlib
import inspect
from pathlib import Path

import pytest

import intervalues

ROOT = Path(__file__).resolve().parents[1]

MODULE_EXPORTS = {
    "intervalues.abstract_interval": ["AbstractInterval", "AbstractIntervalCollection"],
    "intervalues.base_interval": ["BaseInterval", "UnitInterval", "EmptyInterval"],
    "intervalues.base_interval_discrete": ["BaseDiscreteInterval"],
    "intervalues.combine_intervals": [
        "combine_intervals",
        "combine_intervals_meter",
        "combine_intervals_set",
        "combine_intervals_counter",
        "combine_intervals_meter_discrete",
        "combine_intervals_set_discrete",
        "combine_intervals_counter_discrete",
        "combine_via_rust",
    ],
    "intervalues.interval_meter": ["IntervalMeter", "IntervalCounter"],
    "intervalues.interval_set": ["IntervalSet"],
    "intervalues.interval_list": ["IntervalList"],
    "intervalues.interval_map": [
        "IntervalMap",
        "PriorityIntervalMap",
        "PriorityLookupResult",
        "PriorityResolutionExplanation",
        "PrioritySourceHandle",
        "combine_maps",
        "resolve_maps",
    ],
    "intervalues.function_interval": ["FunctionInterval"],
    "intervalues.interval_function": ["IntervalFunction"],
}

IN_SCOPE_ALL = [
    "BaseInterval",
    "BaseDiscreteInterval",
    "UnitInterval",
    "EmptyInterval",
    "AbstractInterval",
    "AbstractIntervalCollection",
    "IntervalMeter",
    "IntervalCounter",
    "IntervalSet",
    "IntervalList",
    "combine_intervals",
    "combine_intervals_meter",
    "combine_intervals_set",
    "combine_intervals_counter",
    "combine_intervals_meter_discrete",
    "combine_intervals_set_discrete",
    "combine_intervals_counter_discrete",
    "combine_via_rust",
    "Coordinate",
    "Length",
    "__version__",
]


@pytest.mark.parametrize(
    "module, name", [(m, n) for m, names in MODULE_EXPORTS.items() for n in names]
)
def test_module_path_reexports_same_object(module, name):
    mod = importlib.import_module(module)
    assert getattr(mod, name) is getattr(intervalues, name)


class TestPackageExports:
    @pytest.mark.parametrize("name", IN_SCOPE_ALL)
    def test_in_all(self, name):
        assert name in intervalues.__all__

    def test_every_all_name_exists(self):
        missing = [n for n in intervalues.__all__ if not hasattr(intervalues, n)]
        assert missing == []

    def test_star_import(self):
        ns = {}
        exec("from intervalues import *", ns)
        for name in IN_SCOPE_ALL:
            assert name in ns

    def test_version_matches_file(self):
        assert intervalues.__version__ == (ROOT / "VERSION").read_text().strip()
        with open(ROOT / "VERSION") as fh:
            assert intervalues.__version__ == fh.read().strip()

    def test_py_typed_shipped(self):
        assert (Path(intervalues.__file__).parent / "py.typed").is_file()

    def test_invalid_type_error_is_type_and_value_error(self):
        err = intervalues.InvalidTypeError
        assert issubclass(err, TypeError)
        assert issubclass(err, ValueError)


class TestHierarchy:
    def test_abstract_bases(self):
        assert inspect.isabstract(intervalues.AbstractInterval)
        with pytest.raises(TypeError):
            intervalues.AbstractInterval()

    def test_abstract_members(self):
        members = intervalues.AbstractInterval.__abstractmethods__
        for name in ["as_counter", "as_list", "as_meter", "as_set", "get_length", "max", "min"]:
            assert name in members

    @pytest.mark.parametrize(
        "cls", ["BaseInterval", "IntervalMeter", "IntervalCounter", "IntervalSet", "IntervalList"]
    )
    def test_concrete_are_abstract_intervals(self, cls):
        assert issubclass(getattr(intervalues, cls), intervalues.AbstractInterval)

    @pytest.mark.parametrize(
        "cls", ["IntervalMeter", "IntervalCounter", "IntervalSet", "IntervalList"]
    )
    def test_collections(self, cls):
        assert issubclass(getattr(intervalues, cls), intervalues.AbstractIntervalCollection)

    def test_subclassing(self):
        assert issubclass(intervalues.BaseDiscreteInterval, intervalues.BaseInterval)
        assert issubclass(intervalues.IntervalCounter, intervalues.IntervalMeter)

    def test_unit_and_empty_are_functions(self):
        assert callable(intervalues.UnitInterval) and not isinstance(intervalues.UnitInterval, type)
        assert callable(intervalues.EmptyInterval) and not isinstance(
            intervalues.EmptyInterval, type
        )
