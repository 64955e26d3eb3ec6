"""Bad input (SPEC §7 rows for the in-scope types, DEPARTURES W15).

Right exception class, a message naming the argument, and no partial change after a failed
mutating call.
"""

import copy
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

import intervalues
from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
    combine_intervals,
    combine_via_rust,
)

AMS = ZoneInfo("Europe/Amsterdam")
NAIVE = datetime(2024, 1, 1, 9)
AWARE = datetime(2024, 1, 1, 9, tzinfo=timezone.utc)
H = timedelta(hours=1)
NAN, INF = float("nan"), float("inf")
BOUND = "start|stop|loc"


def invalid_type_error():
    return intervalues.InvalidTypeError


class TestBaseIntervalConstruction:
    @pytest.mark.parametrize(
        "args",
        [
            ("a", "b"),
            (object(), 1),
            (0, "1"),
            (True, 2),
            (0, False),
            (None, 1),
            ([0, "x"],),
            (0, 1j),
        ],
        ids=[
            "strings",
            "object",
            "str-stop",
            "bool-start",
            "bool-stop",
            "none-start",
            "seq-with-str",
            "complex",
        ],
    )
    def test_bad_bound_type(self, args):
        with pytest.raises(TypeError, match=BOUND):
            BaseInterval(*args)

    def test_strings_are_not_index_error(self):
        with pytest.raises(TypeError):
            BaseInterval("ab")

    @pytest.mark.parametrize(
        "args", [(0, NAIVE), (NAIVE, 5), (NAIVE, AWARE), (AWARE, NAIVE + 2 * H)]
    )
    def test_domain_mix(self, args):
        with pytest.raises(TypeError):
            BaseInterval(*args)

    @pytest.mark.parametrize("args", [(2, 1), (NAIVE + H, NAIVE), (0.5, -0.5)])
    def test_reversed(self, args):
        with pytest.raises(ValueError, match=BOUND):
            BaseInterval(*args)

    @pytest.mark.parametrize("args", [(0, INF), (-INF, 0), (NAN, 1), (0, NAN)])
    def test_non_finite_bounds(self, args):
        with pytest.raises(ValueError, match=BOUND):
            BaseInterval(*args)

    def test_datetime_without_stop(self):
        with pytest.raises(TypeError, match="stop"):
            BaseInterval(NAIVE)

    @pytest.mark.parametrize("value", ["a", True, [1], object()])
    def test_bad_value_type(self, value):
        with pytest.raises(TypeError, match="value"):
            BaseInterval(0, 1, value)

    @pytest.mark.parametrize("value", [NAN, INF, -INF])
    def test_non_finite_value(self, value):
        with pytest.raises(ValueError, match="value"):
            BaseInterval(0, 1, value)


class TestDiscreteConstruction:
    @pytest.mark.parametrize("count", [2.0, "3", True])
    def test_count_not_int(self, count):
        with pytest.raises(TypeError, match="count"):
            BaseDiscreteInterval(0, count=count)

    @pytest.mark.parametrize("count", [0, -1])
    def test_count_below_one(self, count):
        with pytest.raises(ValueError, match="count"):
            BaseDiscreteInterval(0, count=count)

    @pytest.mark.parametrize("step", [0, -1, NAN, INF, -0.5])
    def test_bad_step(self, step):
        with pytest.raises(ValueError, match="step"):
            BaseDiscreteInterval(0, 4, step=step)

    def test_bool_step(self):
        with pytest.raises((TypeError, ValueError), match="step"):
            BaseDiscreteInterval(0, 4, step=True)

    def test_stop_before_start(self):
        with pytest.raises(ValueError, match=BOUND):
            BaseDiscreteInterval(4, 0)

    def test_datetime_without_timedelta_step(self):
        with pytest.raises(TypeError, match="step"):
            BaseDiscreteInterval(NAIVE, NAIVE + H)
        with pytest.raises(TypeError, match="step"):
            BaseDiscreteInterval(NAIVE, NAIVE + H, step=1)

    def test_timedelta_step_with_numbers(self):
        with pytest.raises(TypeError, match="step"):
            BaseDiscreteInterval(0, 4, step=H)

    def test_coordinate_at_out_of_range(self):
        with pytest.raises(IndexError):
            BaseDiscreteInterval(0, 4).coordinate_at(5)

    @pytest.mark.parametrize("i", [1.0, "1", None])
    def test_coordinate_at_not_int(self, i):
        with pytest.raises(TypeError):
            BaseDiscreteInterval(0, 4).coordinate_at(i)

    @pytest.mark.parametrize("x", [5, 1.5, -1])
    def test_index_of_non_member(self, x):
        with pytest.raises(ValueError):
            BaseDiscreteInterval(0, 4).index_of(x)


class TestIntervalMethodErrors:
    def test_clamp_nan(self):
        with pytest.raises(ValueError):
            BaseInterval(0, 2).clamp(NAN)

    @pytest.mark.parametrize("points", [[INF], [NAN], [True], [1, -INF]])
    def test_split_at_bad_points(self, points):
        with pytest.raises(ValueError):
            BaseInterval(0, 6).split_at(points)

    @pytest.mark.parametrize("other", ["2", None, [2], BaseInterval(0, 1)])
    def test_mul_by_non_number(self, other):
        with pytest.raises(invalid_type_error()):
            BaseInterval(0, 1) * other

    def test_mul_error_is_still_value_error(self):
        with pytest.raises(ValueError):
            BaseInterval(0, 1) * "2"

    def test_continuous_discrete_intersection(self):
        with pytest.raises(TypeError):
            BaseInterval(0, 3).intersection_support(BaseDiscreteInterval(0, 3))
        with pytest.raises(TypeError):
            BaseInterval(0, 3).intersection(BaseDiscreteInterval(0, 3))
        with pytest.raises(TypeError):
            BaseDiscreteInterval(0, 3).intersection(BaseInterval(0, 3))

    @pytest.mark.parametrize(
        "a, b",
        [
            (BaseInterval(0, 1), BaseInterval(NAIVE, NAIVE + H)),
            (BaseInterval(NAIVE, NAIVE + H), BaseInterval(AWARE, AWARE + H)),
        ],
    )
    def test_comparing_domains(self, a, b):
        with pytest.raises(TypeError):
            a < b  # noqa: B015
        with pytest.raises(TypeError):
            b >= a  # noqa: B015

    def test_adding_domains(self):
        with pytest.raises(TypeError):
            BaseInterval(0, 1) + BaseInterval(NAIVE, NAIVE + H)


COLLECTIONS = [
    lambda: IntervalMeter(BaseInterval(0, 1)),
    lambda: IntervalCounter(BaseInterval(0, 1)),
    lambda: IntervalSet(BaseInterval(0, 1)),
    lambda: IntervalList(BaseInterval(0, 1)),
]
COLLECTION_IDS = ["meter", "counter", "set", "list"]


class TestCollectionQueries:
    @pytest.mark.parametrize("make", COLLECTIONS, ids=COLLECTION_IDS)
    @pytest.mark.parametrize("query", ["x", None, object()])
    def test_in_unsupported_type(self, make, query):
        with pytest.raises(invalid_type_error()):
            query in make()  # noqa: B015

    @pytest.mark.parametrize("make", COLLECTIONS, ids=COLLECTION_IDS)
    def test_getitem_unsupported_type(self, make):
        with pytest.raises(invalid_type_error()):
            make()["x"]

    @pytest.mark.parametrize("make", COLLECTIONS, ids=COLLECTION_IDS)
    def test_in_unsupported_is_still_value_error(self, make):
        with pytest.raises(ValueError):
            "x" in make()  # noqa: B015

    def test_set_query_other_kind(self):
        with pytest.raises(TypeError):
            BaseDiscreteInterval(0, 2) in IntervalSet(BaseInterval(0, 5))  # noqa: B015
        with pytest.raises(TypeError):
            BaseInterval(0, 2) in IntervalSet(BaseDiscreteInterval(0, 5))  # noqa: B015

    @pytest.mark.parametrize("make", COLLECTIONS, ids=COLLECTION_IDS)
    @pytest.mark.parametrize(
        "query", [NAIVE, BaseInterval(NAIVE, NAIVE + H)], ids=["datetime", "dt-interval"]
    )
    def test_datetime_query_on_numeric_collection(self, make, query):
        with pytest.raises(TypeError):
            query in make()  # noqa: B015
        with pytest.raises(TypeError):
            make()[query]

    def test_naive_query_on_aware_meter(self):
        m = IntervalMeter(BaseInterval(AWARE, AWARE + H))
        with pytest.raises(TypeError):
            m[NAIVE]
        with pytest.raises(TypeError):
            NAIVE in m  # noqa: B015

    @pytest.mark.parametrize("make", COLLECTIONS, ids=COLLECTION_IDS)
    def test_min_max_of_empty(self, make):
        empty = type(make())()
        with pytest.raises(ValueError):
            empty.min()
        with pytest.raises(ValueError):
            empty.max()


class TestCollectionConstruction:
    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet, IntervalList])
    @pytest.mark.parametrize("record", [object(), "ab", None], ids=["object", "str", "none"])
    def test_non_interval_records(self, cls, record):
        with pytest.raises(TypeError):
            cls([BaseInterval(0, 1), record])

    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
    def test_discrete_and_continuous_mixed(self, cls):
        with pytest.raises(TypeError):
            cls([BaseDiscreteInterval(0, 3), BaseInterval(0, 3)])

    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
    @pytest.mark.parametrize(
        "other",
        [BaseInterval(NAIVE, NAIVE + H), BaseInterval(AWARE, AWARE + H)],
        ids=["numeric-naive", "numeric-aware"],
    )
    def test_numeric_and_datetime_mixed(self, cls, other):
        with pytest.raises(TypeError):
            cls([BaseInterval(0, 3), other])

    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
    def test_naive_and_aware_mixed(self, cls):
        with pytest.raises(TypeError):
            cls([BaseInterval(NAIVE, NAIVE + H), BaseInterval(AWARE, AWARE + H)])

    def test_bad_tuple_record(self):
        with pytest.raises(TypeError, match=BOUND):
            IntervalMeter([("a", "b")])
        with pytest.raises(ValueError, match=BOUND):
            IntervalMeter([(2, 1)])


class TestStatisticsErrors:
    M = staticmethod(lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]))

    @pytest.mark.parametrize(
        "stat", ["average_value", "minimum_value", "maximum_value", "median_value", "mode_value"]
    )
    def test_empty_meter_without_domain(self, stat):
        with pytest.raises(ValueError):
            getattr(IntervalMeter(), stat)()

    @pytest.mark.parametrize(
        "stat", ["average_value", "minimum_value", "maximum_value", "median_value", "mode_value"]
    )
    def test_zero_measure_domain(self, stat):
        with pytest.raises(ValueError, match="within"):
            getattr(self.M(), stat)(within=BaseInterval(1, 1))

    @pytest.mark.parametrize("within", [5, "x", object()])
    def test_within_not_an_interval(self, within):
        with pytest.raises(TypeError, match="within"):
            self.M().average_value(within=within)

    def test_within_wrong_kind(self):
        with pytest.raises(TypeError, match="within"):
            self.M().average_value(within=BaseDiscreteInterval(0, 3))
        with pytest.raises(TypeError, match="within"):
            IntervalMeter([BaseDiscreteInterval(0, 3)]).median_value(within=BaseInterval(0, 3))

    def test_coverage_length_on_discrete(self):
        with pytest.raises(TypeError):
            IntervalMeter([BaseDiscreteInterval(0, 3)]).coverage_length()

    def test_support_point_count_on_continuous(self):
        with pytest.raises(TypeError):
            self.M().support_point_count()

    @pytest.mark.parametrize("method", ["regions_at_least", "regions_below"])
    def test_non_number_threshold(self, method):
        with pytest.raises(TypeError):
            getattr(self.M(), method)("1")

    @pytest.mark.parametrize("method", ["regions_at_least", "regions_below"])
    @pytest.mark.parametrize("threshold", [NAN, INF])
    def test_non_finite_threshold(self, method, threshold):
        with pytest.raises(ValueError):
            getattr(self.M(), method)(threshold)


class TestCombineErrors:
    @pytest.mark.parametrize("kind", ["list", "bogus", "pdf"])
    def test_unknown_combined_type(self, kind):
        with pytest.raises(TypeError, match="combined_type"):
            combine_intervals([BaseInterval(0, 1)], combined_type=kind)

    def test_mixing(self):
        with pytest.raises(TypeError):
            combine_intervals([BaseDiscreteInterval(0, 3), BaseInterval(0, 3)])
        with pytest.raises(TypeError):
            combine_intervals([BaseInterval(0, 3), BaseInterval(NAIVE, NAIVE + H)])
        with pytest.raises(TypeError):
            combine_via_rust([BaseDiscreteInterval(0, 3), BaseInterval(0, 3)])

    @pytest.mark.parametrize("nr_digits", [-1, -5])
    def test_negative_nr_digits(self, nr_digits):
        with pytest.raises(ValueError, match="nr_digits"):
            combine_via_rust([BaseInterval(0, 1)], nr_digits=nr_digits)
        with pytest.raises(ValueError, match="nr_digits"):
            IntervalMeter([BaseInterval(0, 1)], use_rust=True, nr_digits=nr_digits)


class TestTimezoneErrors:
    def test_numeric(self):
        with pytest.raises(TypeError):
            BaseInterval(0, 1).to_timezone(AMS)

    def test_ambiguous(self):
        with pytest.raises(ValueError):
            BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 3, 30)).to_timezone(
                AMS
            )

    def test_nonexistent(self):
        with pytest.raises(ValueError):
            BaseInterval(datetime(2024, 3, 31, 2, 30), datetime(2024, 3, 31, 3, 30)).to_timezone(
                AMS
            )

    @pytest.mark.parametrize("fold", [2, -1])
    def test_bad_fold(self, fold):
        with pytest.raises(ValueError, match="fold"):
            BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4)).to_timezone(
                AMS, fold=fold
            )

    def test_inconsistent_remove_timezone(self):
        iv = BaseInterval(AWARE, AWARE + H)
        with pytest.raises(ValueError, match=r"remove_timezone|tz"):
            iv.to_timezone(None)
        with pytest.raises(ValueError, match=r"remove_timezone|tz"):
            iv.to_timezone(AMS, remove_timezone=True)

    def test_strip_naive(self):
        with pytest.raises(TypeError):
            BaseInterval(NAIVE, NAIVE + H).to_timezone(None, remove_timezone=True)


def iadd(o, x):
    o += x


def isub(o, x):
    o -= x


def imul(o, x):
    o *= x


def ior(o, x):
    o |= x


def snapshot(obj):
    if isinstance(obj, BaseInterval):
        return (repr(obj), obj.start, obj.stop, obj.value, type(obj))
    return (repr(obj), [copy.copy(iv) for iv in obj], len(obj), type(obj))


MUTATIONS = [
    # (id, factory, mutation, expected exception)
    (
        "meter.update-str",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update("x"),
        TypeError,
    ),
    (
        "meter.update-discrete",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update(BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "meter.update-datetime",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update(BaseInterval(NAIVE, NAIVE + H)),
        TypeError,
    ),
    (
        "meter.update-bad-times",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update(BaseInterval(0, 1), times="2"),
        TypeError,
    ),
    (
        "meter.update-nan-times",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update(BaseInterval(0, 1), times=NAN),
        ValueError,
    ),
    (
        "meter.iadd-str",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: iadd(o, "x"),
        TypeError,
    ),
    (
        "meter.isub-discrete",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: isub(o, BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "meter.imul-str",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: imul(o, "2"),
        TypeError,
    ),
    (
        "meter.imul-nan",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: imul(o, NAN),
        ValueError,
    ),
    (
        "meter.subtract-str",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.subtract("x"),
        TypeError,
    ),
    (
        "meter.set_data-str-weight",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.set_data({BaseInterval(0, 1): "a"}),
        TypeError,
    ),
    (
        "meter.set_data-str-key",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.set_data({"x": 1}),
        TypeError,
    ),
    (
        "meter.set_data-nan-weight",
        lambda: IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.set_data({BaseInterval(0, 1): NAN}),
        ValueError,
    ),
    (
        "counter.update-str",
        lambda: IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update("x"),
        TypeError,
    ),
    (
        "counter.isub-discrete",
        lambda: IntervalCounter([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: isub(o, BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "discrete-meter.update-continuous",
        lambda: IntervalMeter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)]),
        lambda o: o.update(BaseInterval(0, 3)),
        TypeError,
    ),
    (
        "set.add-str",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.add("x"),
        TypeError,
    ),
    (
        "set.add-discrete",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.add(BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "set.discard-str",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.discard("x"),
        TypeError,
    ),
    (
        "set.discard-discrete",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.discard(BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "set.remove-absent",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.remove(BaseInterval(100, 101)),
        KeyError,
    ),
    (
        "set.remove-part-of-piece",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.remove(BaseInterval(1, 2)),
        KeyError,
    ),
    (
        "set.update-str",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.update("x"),
        TypeError,
    ),
    (
        "set.ior-datetime",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: ior(o, IntervalSet(BaseInterval(NAIVE, NAIVE + H))),
        TypeError,
    ),
    (
        "set.isub-discrete",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: isub(o, BaseDiscreteInterval(0, 3)),
        TypeError,
    ),
    (
        "set.intersection_update-discrete",
        lambda: IntervalSet([BaseInterval(0, 4), BaseInterval(8, 9)]),
        lambda o: o.intersection_update(IntervalSet(BaseDiscreteInterval(0, 3))),
        TypeError,
    ),
    (
        "list.append-str",
        lambda: IntervalList([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.append("x"),
        TypeError,
    ),
    (
        "list.append-object",
        lambda: IntervalList([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.append(object()),
        TypeError,
    ),
    (
        "list.extend-partially-bad",
        lambda: IntervalList([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.extend([BaseInterval(7, 8), "x"]),
        TypeError,
    ),
    (
        "list.insert-str",
        lambda: IntervalList([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.insert(0, "x"),
        TypeError,
    ),
    (
        "list.update-str",
        lambda: IntervalList([BaseInterval(0, 4), BaseInterval(2, 6)]),
        lambda o: o.update("x"),
        TypeError,
    ),
    (
        "interval.set_value-str",
        lambda: BaseInterval(0, 1, 2),
        lambda o: o.set_value("a"),
        TypeError,
    ),
    (
        "interval.set_value-nan",
        lambda: BaseInterval(0, 1, 2),
        lambda o: o.set_value(NAN),
        ValueError,
    ),
    (
        "interval.mult_value-str",
        lambda: BaseInterval(0, 1, 2),
        lambda o: o.mult_value("2"),
        TypeError,
    ),
    ("interval.imul-str", lambda: BaseInterval(0, 1, 2), lambda o: imul(o, "2"), TypeError),
    (
        "interval.convert-numeric",
        lambda: BaseInterval(0, 1, 2),
        lambda o: o.convert_timezone_inplace(AMS),
        TypeError,
    ),
    (
        "interval.convert-ambiguous",
        lambda: BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4)),
        lambda o: o.convert_timezone_inplace(AMS),
        ValueError,
    ),
    (
        "interval.convert-bad-fold",
        lambda: BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4)),
        lambda o: o.convert_timezone_inplace(AMS, fold=3),
        ValueError,
    ),
    (
        "meter.convert-one-bad-piece",
        lambda: IntervalMeter(
            [
                BaseInterval(datetime(2024, 10, 26, 12), datetime(2024, 10, 26, 13)),
                BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4), 2),
            ]
        ),
        lambda o: o.convert_timezone_inplace(AMS),
        ValueError,
    ),
    (
        "set.convert-one-bad-piece",
        lambda: IntervalSet(
            [
                BaseInterval(datetime(2024, 10, 26, 12), datetime(2024, 10, 26, 13)),
                BaseInterval(datetime(2024, 3, 31, 2, 30), datetime(2024, 3, 31, 4)),
            ]
        ),
        lambda o: o.convert_timezone_inplace(AMS),
        ValueError,
    ),
    (
        "list.convert-one-bad-piece",
        lambda: IntervalList(
            [
                BaseInterval(datetime(2024, 10, 26, 12), datetime(2024, 10, 26, 13)),
                BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4)),
            ]
        ),
        lambda o: o.convert_timezone_inplace(AMS),
        ValueError,
    ),
    (
        "discrete.convert-uneven",
        lambda: BaseDiscreteInterval(datetime(2024, 10, 27, 0), count=4, step=H),
        lambda o: o.convert_timezone_inplace(AMS, fold=0),
        ValueError,
    ),
]


@pytest.mark.parametrize(
    "factory, mutation, exc", [m[1:] for m in MUTATIONS], ids=[m[0] for m in MUTATIONS]
)
def test_failed_mutation_leaves_object_unchanged(factory, mutation, exc):
    obj = factory()
    before = snapshot(obj)
    with pytest.raises(exc):
        mutation(obj)
    assert snapshot(obj) == before


class TestInplaceOperatorStatements:
    """The same, through the augmented-assignment statements users actually write."""

    def test_meter_iadd_str(self):
        m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        before = snapshot(m)
        alias = m
        with pytest.raises(TypeError):
            m += "x"
        assert snapshot(alias) == before

    def test_meter_imul_str(self):
        m = IntervalMeter([BaseInterval(0, 4), BaseInterval(2, 6)])
        before = snapshot(m)
        alias = m
        with pytest.raises(TypeError):
            m *= "2"
        assert snapshot(alias) == before

    def test_list_iadd_str(self):
        lst = IntervalList([BaseInterval(0, 4)])
        before = snapshot(lst)
        alias = lst
        with pytest.raises(TypeError):
            lst += "x"
        assert snapshot(alias) == before

    def test_interval_imul_str(self):
        iv = BaseInterval(0, 1, 2)
        alias = iv
        with pytest.raises(invalid_type_error()):
            iv *= "2"
        assert repr(alias) == "BaseInterval[0;1;2]"
