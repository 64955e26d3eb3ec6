"""0.4.0's call forms: parameter names (keyword callers), members and run-time annotations.

Issue 14: code written for 0.4.0 must run unchanged, including calls that pass
arguments by keyword and tools that read annotations with ``typing.get_type_hints``.
"""

from __future__ import annotations

import inspect
import typing
from datetime import datetime, timedelta, timezone

import pytest

from intervalues import (
    AbstractIntervalCollection,
    BaseDiscreteInterval,
    BaseInterval,
    FunctionInterval,
    IntervalCounter,
    IntervalFunction,
    IntervalList,
    IntervalMap,
    IntervalMeter,
    IntervalPdf,
    IntervalPmf,
    IntervalSet,
    PriorityIntervalMap,
)

COORD = int | float | datetime


class TestKeywordNames:
    """Each call passes 0.4.0's parameter name by keyword."""

    def test_intervals(self) -> None:
        iv = BaseInterval(0, 4)
        assert iv.clamp(value=7) == 4
        assert iv.copy_with_replace(replace={"stop": 5}) == BaseInterval(0, 5)
        assert iv.copy_with_replace() == iv
        iv.set_value(val=3)
        iv.mult_value(val=2)
        assert iv.value == 6
        d = BaseDiscreteInterval(0, 6, step=2)
        assert d.coordinate_at(index=1) == 2
        assert d.index_of(coordinate=4) == 2
        assert d.clamp(value=5) == 4
        assert d.equal_with_tol(num1=0.1, num2=0.1) and d.is_integer_tol(num=3.0)
        assert d.find_count(0, 4, 2) == 3  # an instance method, as in 0.4.0

    def test_collections(self) -> None:
        lst = IntervalList([BaseInterval(0, 2), BaseInterval(1, 3)])
        assert lst.at(index=1) == BaseInterval(1, 3)
        assert lst.count(item=1.5) == 2
        assert lst.filter_by_coordinate(coordinate=2.5) == IntervalList(BaseInterval(1, 3))
        assert len(lst.filter_by_range(interval=BaseInterval(2, 2))) == 2
        assert lst.get_length(index=BaseInterval(1, 2)) == 2
        lst.append(other=BaseInterval(5, 6))
        assert len(lst) == 3
        s = IntervalSet([BaseInterval(0, 4), BaseInterval(6, 8)])
        assert s.clip(interval=BaseInterval(3, 7)) == IntervalSet(
            [BaseInterval(3, 4), BaseInterval(6, 7)]
        )
        assert s.contained_intervals(interval=BaseInterval(5, 9)) == (BaseInterval(6, 8),)
        s.discard(item=BaseInterval(0, 1))
        s.remove(item=BaseInterval(6, 8))
        assert s == IntervalSet(BaseInterval(1, 4))
        m = IntervalMeter([BaseInterval(0, 2), BaseInterval(1, 3)])
        assert m.get_length(index=BaseInterval(1, 2)) == 2

    def test_pdf_pmf_maps_functions(self) -> None:
        p, q = IntervalPdf(BaseInterval(0, 2)), IntervalPdf(BaseInterval(1, 3))
        assert p.probability_between(start=0, stop=1) == 0.5
        assert p.condition(start=0, stop=1) == IntervalPdf(BaseInterval(0, 1))
        assert p.quantile_difference(other=q, probabilities=0.5) == -1.0
        mix = IntervalPdf.mixture(distributions=[p, q], weights=[1, 1])
        assert mix.total_length() == pytest.approx(1.0)
        assert IntervalPdf.two_sample_ks_test(samples_a=[1, 2], samples_b=[1, 2], rng=None)
        pmf = IntervalPmf(BaseDiscreteInterval(0, 1))
        assert pmf.mass_at(coordinate=0) == 0.5 and pmf.cumulative(coordinate=0) == 0.5
        assert pmf.inverse_cumulative(probability=1) == 1
        m = IntervalMap()
        m.assign(0, 4, "a")
        pm = PriorityIntervalMap()
        handle, _ = pm.add(interval_map=m, priority=1)
        pm.replace(handle, interval_map=m)
        assert pm.lookup(coordinate=1) == "a" and pm.explain(coordinate=1).value == "a"
        assert pm.lookup_many(coordinates=[1, 9]) == ("a", None)
        fi = FunctionInterval(0, 2, abs)
        assert fi.contains(coordinate=1)
        assert IntervalFunction(fi, combine=sum, default=0)(coordinate=1) == 1


class TestMembers:
    def test_abstract_collection_members(self) -> None:
        for name in ("set_data", "to_timezone", "convert_timezone_inplace", "__getitem__"):
            assert hasattr(AbstractIntervalCollection, name), name
        assert list(inspect.signature(AbstractIntervalCollection.set_data).parameters) == [
            "self",
            "data",
        ]

    @pytest.mark.parametrize(
        ("coll", "data", "expected"),
        [
            (IntervalMeter(), {BaseInterval(0, 2): 3}, IntervalMeter(BaseInterval(0, 2, 3))),
            (IntervalSet(), [BaseInterval(0, 2), BaseInterval(1, 3)], IntervalSet((0, 3))),
            (IntervalList(), [BaseInterval(0, 1)] * 2, IntervalList([BaseInterval(0, 1)] * 2)),
        ],
    )
    def test_set_data(
        self, coll: AbstractIntervalCollection, data: object, expected: object
    ) -> None:
        coll.set_data(data)
        assert coll == expected

    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet, IntervalList])
    def test_convert_timezone_inplace_returns_the_collection(self, cls: type) -> None:
        day = datetime(2024, 1, 1)
        coll = cls(BaseInterval(day, day + timedelta(hours=1)))
        assert coll.convert_timezone_inplace(timezone.utc) is coll
        assert coll.min().tzinfo is timezone.utc

    def test_interval_convert_timezone_inplace_returns_the_interval(self) -> None:
        iv = BaseInterval(datetime(2024, 1, 1), datetime(2024, 1, 2))
        assert iv.convert_timezone_inplace(timezone.utc) is iv
        d = BaseDiscreteInterval(datetime(2024, 1, 1), count=2, step=timedelta(days=1))
        assert d.convert_timezone_inplace(timezone.utc) is d

    def test_setdefault_default_is_none(self) -> None:
        m = IntervalMeter(BaseInterval(0, 1, 3))
        assert m.setdefault(BaseInterval(0, 1)) == 3
        assert m.setdefault(BaseInterval(5, 6)) is None
        assert m == IntervalMeter(BaseInterval(0, 1, 3))
        assert m.setdefault(BaseInterval(5, 6), 2) == 2
        assert m[5.5] == 2


PUBLIC_HINTS = [
    (BaseInterval.min, {"return": COORD}),
    (BaseInterval.clamp, {"value": COORD, "return": COORD}),
    (BaseInterval.distance_to, {"other": BaseInterval, "return": float | timedelta}),
    (BaseInterval.as_meter, {"return": IntervalMeter}),
    (BaseInterval.intersection_support, {"other": BaseInterval, "return": IntervalSet}),
    (BaseDiscreteInterval.coordinate_at, {"index": int, "return": COORD}),
    (BaseDiscreteInterval.as_pmf, {"return": IntervalPmf}),
    (AbstractIntervalCollection.min, {"return": COORD}),
    (AbstractIntervalCollection.as_single_interval, {"return": BaseInterval}),
    (IntervalList.get_length, {"index": BaseInterval | None, "return": float | timedelta}),
    (IntervalMap.__getitem__, None),
    # as 0.4.0's own type-contract tests compare them (typing's Sequence and Iterator)
    (BaseInterval.__init__, {"loc": typing.Sequence[COORD] | COORD}),
    (BaseInterval.__iter__, {"return": typing.Iterator[tuple[COORD, float]]}),
    (BaseDiscreteInterval.__iter__, {"return": typing.Iterator[tuple[COORD, float]]}),
    (IntervalMeter.get, {"return": float | None}),
    (IntervalMeter.minimum_value, {"return": float}),
    (IntervalMeter.maximum_value, {"return": float}),
    (IntervalMeter.median_value, {"return": float}),
    (IntervalMeter.mode_value, {"return": tuple[float, ...]}),
]


def test_class_annotations_as_040() -> None:
    assert typing.get_type_hints(BaseInterval)["start"] == COORD
    assert typing.get_type_hints(BaseInterval)["stop"] == COORD
    assert typing.get_type_hints(BaseDiscreteInterval)["step"] == float | timedelta
    assert typing.get_type_hints(BaseDiscreteInterval)["count"] is int


def test_to_timezone_returns_the_type_of_self_like_copy() -> None:
    to_tz = typing.get_type_hints(BaseInterval.to_timezone)["return"]
    assert to_tz is typing.get_type_hints(BaseInterval.copy)["return"]


@pytest.mark.parametrize(("func", "expected"), PUBLIC_HINTS)
def test_annotations_resolve_to_concrete_types(func: object, expected: dict | None) -> None:
    hints = typing.get_type_hints(func)
    assert typing.Any not in hints.values(), hints
    if expected is not None:
        for name, tp in expected.items():
            assert hints[name] == tp, (name, hints[name])


def test_every_public_annotation_resolves() -> None:
    import intervalues

    for name in intervalues.__all__:
        obj = getattr(intervalues, name)
        members = vars(obj).values() if inspect.isclass(obj) else [obj]
        for member in members:
            if callable(member):
                typing.get_type_hints(member)  # raises NameError on an unresolvable name
