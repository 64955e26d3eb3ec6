"""Results that follow 0.4.0 (issue 14, decision 9): interval sums, EmptyInterval, types.

Where 0.4.0 gave a wrong answer we keep ours (a departure, documented in
docs/compatibility.md); those cases are pinned here too.
"""

from __future__ import annotations

import copy
import math
import pickle
from datetime import datetime, timedelta, timezone

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    EmptyInterval,
    IntervalList,
    IntervalMeter,
    IntervalPdf,
    IntervalSet,
)

BI, BDI = BaseInterval, BaseDiscreteInterval


class TestEmptyInterval:
    def test_is_a_base_interval_named_empty(self) -> None:
        e = EmptyInterval()
        assert type(e) is BaseInterval
        assert repr(e) == "EmptyInterval[0;0]" and e.__name__ == "EmptyInterval"
        assert e == BI(0, 0) and hash(e) == hash(BI(0, 0))

    def test_copies_are_plain_base_intervals(self) -> None:
        e = EmptyInterval()
        for c in (e.copy(), copy.copy(e), e.as_index(), e * 2, -e, *e.split_at([])):
            assert repr(c).startswith("BaseInterval[0;0"), c

    def test_in_place_changes_and_deep_copies_keep_the_name(self) -> None:
        e = EmptyInterval()
        assert repr(copy.deepcopy(e)) == "EmptyInterval[0;0]"
        assert repr(pickle.loads(pickle.dumps(e))) == "EmptyInterval[0;0]"
        e.mult_value(3)
        assert repr(e) == "EmptyInterval[0;0;3]"

    def test_a_list_keeps_the_record_as_given(self) -> None:
        assert repr(EmptyInterval().as_list()) == "IntervalList:[EmptyInterval[0;0]]"
        assert repr(IntervalList([EmptyInterval()]).at(0)) == "EmptyInterval[0;0]"


class TestIntervalSums:
    """0.4.0's three single-interval cases; every other sum is a meter."""

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (BI(0, 1), BI(1, 2), BI(0, 2)),  # touching, equal values
            (BI(1, 2, 3), BI(0, 1, 3), BI(0, 2, 3)),  # touching the other way
            (BI(0, 2), BI(0, 2, 3), BI(0, 2, 4)),  # same bounds: values add
            (BI(1, 1), BI(1, 1), BI(1, 1)),  # zero-length, touching
            (BI(1, 1, 2), BI(1, 1, 3), BI(1, 1, 5)),
            (BI(0, 1, 0.1), BI(0, 1, 0.2), BI(0, 1, 0.3)),  # exact decimal sum (W12)
        ],
    )
    def test_one_interval(self, a: BaseInterval, b: BaseInterval, expected: BaseInterval) -> None:
        got = a + b
        assert type(got) is BaseInterval and got == expected

    @pytest.mark.parametrize(
        ("a", "b"),
        [(BI(0, 2), BI(1, 1)), (EmptyInterval(), BI(0, 2, 3)), (BI(0, 2), BI(1, 3))],
    )
    def test_otherwise_a_meter(self, a: BaseInterval, b: BaseInterval) -> None:
        got = a + b
        assert type(got) is IntervalMeter
        assert got == IntervalMeter([a, b])

    def test_zero_length_pieces_give_an_empty_meter(self) -> None:
        assert BI(1, 1) + EmptyInterval() == IntervalMeter()
        assert type(BI(1, 1) - EmptyInterval()) is IntervalMeter

    def test_zero_sum_is_empty(self) -> None:  # W14: 0.4.0 gave BaseInterval[0;2;0]
        assert repr(BI(0, 2) + BI(0, 2, -1)) == "EmptyInterval[0;0]"
        assert repr(BI(0, 2, 3) - BI(0, 2, 3)) == "EmptyInterval[0;0]"

    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (BI(0, 3), BI(0, 1), BI(1, 3)),
            (BI(0, 3), BI(0, 4), BI(3, 4, -1)),
            (BI(0, 3), BI(1, 3), BI(0, 1)),
            (BI(1, 3), BI(0, 3), BI(0, 1, -1)),
            (BI(0, 2, 5), BI(0, 2, 3), BI(0, 2, 2)),
        ],
    )
    def test_difference_one_interval(
        self, a: BaseInterval, b: BaseInterval, expected: BaseInterval
    ) -> None:
        got = a - b
        assert type(got) is BaseInterval and got == expected
        # the single interval is the same step function as the meter of the difference
        assert IntervalMeter(got) == IntervalMeter([a, -b])

    def test_difference_otherwise_a_meter(self) -> None:
        got = BI(0, 3) - BI(1, 2)
        assert type(got) is IntervalMeter and got == IntervalMeter([BI(0, 1), BI(2, 3)])
        assert BI(0, 2) - EmptyInterval() == IntervalMeter(BI(0, 2))


class TestDiscreteSums:
    @pytest.mark.parametrize(
        ("a", "b", "expected"),
        [
            (BDI(0, 3), BDI(4, 6), BDI(0, 6)),  # adjacent runs
            (BDI(4, 6), BDI(0, 3), BDI(0, 6)),
            (BDI(0, 4, step=2), BDI(6, count=1), BDI(0, 6, step=2)),  # a point after
            (BDI(0, 4, step=2), BDI(-2, count=1), BDI(-2, 4, step=2)),  # a point before
            (BDI(0, 4, step=2), BDI(1, 5, step=2), BDI(0, 5)),  # interleaved: half step
            (BDI(0, 3), BDI(0, 3, value=2), BDI(0, 3, value=3)),  # same points
        ],
    )
    def test_one_run(self, a: BDI, b: BDI, expected: BDI) -> None:
        got = a + b
        assert type(got) is BaseDiscreteInterval and got == expected

    def test_other_sums_are_meters(self) -> None:
        assert BDI(0, 1) + BDI(5, 6) == IntervalMeter([BDI(0, 1), BDI(5, 6)])
        assert BDI(0, count=1) + BDI(5, count=1) == IntervalMeter([BDI(0, 0), BDI(5, 5)])
        assert BDI(0, 10) - BDI(0, 2) == IntervalMeter(BDI(3, 10))

    def test_a_point_one_step_before_a_run_of_another_step(self) -> None:
        # departure: 0.4.0 returned BaseDiscreteInterval[5;7;2], losing 6 and 8
        got = BDI(5, count=1) + BDI(6, 8, step=2)
        assert got == IntervalMeter([BDI(5, count=1), BDI(6, 8, step=2)])
        assert [p for p in range(10) if got[p]] == [5, 6, 8]

    def test_same_points_cancel_to_empty(self) -> None:
        assert repr(BDI(0, 3) + BDI(0, 3, value=-1)) == "EmptyInterval[0;0]"
        assert repr(BDI(0, 3) - BDI(0, 3)) == "EmptyInterval[0;0]"


class TestIntResultsStayInts:
    """0.4.0 returned these as ints; so do we (W13 keeps int sums as ints)."""

    def test_meter_interval_lookup_with_unit_query(self) -> None:
        from intervalues import IntervalCounter

        m = IntervalMeter(BI(0, 1))
        assert m[BI(0, 1)] == 1 and type(m[BI(0, 1)]) is int
        assert type(m.get_length(BI(0, 1))) is int
        c = IntervalCounter([BI(0, 2, 2), BI(1, 3, -1)])
        assert c[BI(0, 1)] == 2 and type(c[BI(0, 1)]) is int
        assert IntervalMeter(BI(0, 2, 4))[BI(0, 1, 2)] == 2.0  # a weighted query divides

    def test_meter_boundary_point_query_takes_the_left_piece(self) -> None:  # W6
        m = IntervalMeter([BI(0, 4), BI(2, 6)])
        assert m[BI(2, 2)] == m[2] == 1

    @pytest.mark.parametrize("other", [BI(0, 4, 0.5), BI(2, 4), BI(1.5, 4.25)])
    def test_distance_of_meeting_intervals(self, other: BaseInterval) -> None:
        d = BI(1.5, 4.25, -2).distance_to(other)
        assert d == 0 and type(d) is int

    def test_distance_keeps_the_coordinate_type(self) -> None:
        assert BI(0, 1.5).distance_to(BI(2, 3)) == 0.5
        assert BI(0, 1).distance_to(BI(4, 5)) == 3

    def test_pdf_total_and_extreme_quantiles(self) -> None:
        from intervalues import IntervalPdf

        p = IntervalPdf([BI(0, 4), BI(2, 6)])
        assert p.total_length() == 1 and type(p.total_length()) is int
        assert type(p.get_length()) is int
        assert (p.inverse_cumulative(0), p.inverse_cumulative(1)) == (0, 6)
        assert type(p.inverse_cumulative(1)) is int
        assert type(IntervalPdf(BI(0.5, 2)).inverse_cumulative(0)) is float


class TestOperatorMixes:
    """Between two collection types, what 0.4.0 refused is refused the same way
    (decision 7); ``+`` converts, ``2 * collection`` is an extension (C-RMUL)."""

    @staticmethod
    def _colls() -> dict[str, object]:
        from intervalues import IntervalCounter, IntervalPdf, IntervalSet

        return {
            "meter": IntervalMeter([BI(0, 4), BI(2, 6)]),
            "counter": IntervalCounter([BI(0, 4), BI(2, 6)]),
            "list": IntervalList([BI(1, 3)]),
            "pdf": IntervalPdf([BI(0, 4)]),
            "set": IntervalSet([BI(0, 4), BI(8, 9)]),
        }

    @pytest.mark.parametrize("left", ["meter", "counter", "list", "pdf"])
    @pytest.mark.parametrize("op", ["&", "|", "^"])
    def test_set_operators_with_another_collection_on_the_left(self, left: str, op: str) -> None:
        c = self._colls()
        names = {"x": c[left], "y": c["set"]}
        with pytest.raises(TypeError, match=rf"unsupported operand type\(s\) for \{op}: "):
            eval(f"x {op} y", {}, names)  # the operator is the test parameter
        with pytest.raises(TypeError, match=rf"unsupported operand type\(s\) for \{op}=: "):
            exec(f"x {op}= y", {}, names)

    @pytest.mark.parametrize("right", ["meter", "counter", "list", "pdf", "set"])
    def test_list_has_no_difference(self, right: str) -> None:
        x, y = self._colls()["list"], self._colls()[right]
        with pytest.raises(TypeError, match="unsupported operand"):
            x - y
        with pytest.raises(TypeError, match="unsupported operand"):
            x - BI(0, 1)

    @pytest.mark.parametrize(
        ("left", "right"),
        [
            ("set", "meter"),
            ("set", "list"),
            ("set", "counter"),
            ("meter", "set"),
            ("meter", "list"),
            ("counter", "meter"),
            ("counter", "set"),
            ("list", "meter"),
        ],
    )
    def test_update_and_difference_take_the_own_type(self, left: str, right: str) -> None:
        from intervalues import InvalidTypeError

        c = self._colls()
        x, y = c[left], c[right]
        before = repr(x)
        text = f"Input {y} is not of type {type(x)} or {BaseInterval}"
        with pytest.raises(InvalidTypeError) as err:
            x.update(y)  # type: ignore[attr-defined]
        assert text in str(err.value)
        assert repr(x) == before
        if left != "list":
            with pytest.raises(ValueError, match="is not of type"):
                x - y
            with pytest.raises(ValueError, match="is not of type"):
                x -= y

    def test_plus_converts_any_collection(self) -> None:
        c = self._colls()
        assert c["set"] + c["meter"] == c["set"] | c["meter"].support
        assert c["meter"] + c["set"] == IntervalMeter([BI(0, 4), BI(2, 6), BI(0, 4), BI(8, 9)])
        assert len(c["list"] + c["meter"]) == 4
        assert c["meter"] - c["counter"] == IntervalMeter()  # a subclass is accepted

    def test_a_number_times_a_collection(self) -> None:  # C-RMUL
        m = self._colls()["meter"]
        assert 2 * m == m * 2


class TestRefusedAs040:
    """Inputs 0.4.0 refused and we used to accept (decision 8): refused the same way."""

    @pytest.mark.parametrize("i", [-1, -3, 3, 10])
    def test_coordinate_at_has_no_negative_index(self, i: int) -> None:
        with pytest.raises(IndexError, match="discrete interval index out of range"):
            BDI(1, 7, step=3).coordinate_at(i)

    def test_credible_interval_level_one(self) -> None:
        from intervalues import IntervalPdf

        with pytest.raises(ValueError, match=r"level must be finite and in \(0, 1\)"):
            IntervalPdf(BI(0, 100)).credible_interval(1)

    def test_pdf_zero_weight_pieces(self) -> None:
        from intervalues import IntervalPdf

        with pytest.raises(ValueError, match="IntervalPdf intervals must have positive length"):
            IntervalPdf([BI(0, 1), BI(0, 1, 0)])
        p = IntervalPdf([BI(0, 4), BI(2, 6)])
        before = repr(p)
        with pytest.raises(ValueError, match="IntervalPdf intervals must have positive length"):
            p + BI(0, 1, 0)
        for empty in (IntervalMeter(), IntervalList()):
            with pytest.raises(ValueError):
                p + empty
            with pytest.raises(ValueError):
                p += empty
        assert repr(p) == before


class TestOnePieceEquality:
    @pytest.mark.parametrize("iv", [BI(0, 1), BI(0, 2, 3), BDI(0, 3)])
    def test_a_one_record_list_equals_and_hashes_like_its_record(self, iv: BaseInterval) -> None:
        lst = IntervalList(iv)
        assert lst == iv and iv == lst
        assert hash(lst) == hash(iv) and len({iv, lst}) == 1

    def test_a_one_piece_meter_hashes_like_its_unit_key(self) -> None:
        from intervalues import IntervalCounter, IntervalPdf, IntervalSet

        for coll in (IntervalMeter(BI(0, 2)), IntervalCounter(BI(0, 2)), IntervalSet(BI(0, 2))):
            assert coll == BI(0, 2) and BI(0, 2) == coll and hash(coll) == hash(BI(0, 2))
        assert hash(IntervalPdf(BI(0, 2))) == hash(BI(0, 2))  # density 0.5, as in 0.4.0
        assert IntervalMeter(BI(0, 2, 3)) != BI(0, 2, 3)  # weight 1 only, as in 0.4.0

    def test_discrete_both_ways(self) -> None:  # C-ONEPIECE
        x = BDI(0, 3)
        for coll in (IntervalMeter(x), IntervalList(x)):
            assert x == coll and coll == x and len({x, coll}) == 1


class TestPdfAs040:
    def test_plus_mixes_with_equal_weights(self) -> None:
        from intervalues import IntervalPdf

        p = IntervalPdf([BI(0, 4), BI(2, 6)])
        assert p + BI(4, 9) == IntervalPdf.mixture([p, IntervalPdf(BI(4, 9))])
        assert BI(4, 9) + p == p + BI(4, 9)
        q = IntervalPdf([BI(0, 4), BI(2, 6)])
        q.update(BI(4, 9))  # update adds raw mass (5 here to the pdf's 1) and renormalises
        assert q == IntervalPdf.mixture([p, IntervalPdf(BI(4, 9))], weights=[1, 5])

    def test_same_bits_as_0_4_0_formulas(self) -> None:
        from intervalues import IntervalPdf

        p = IntervalPdf([BI(0, 1), BI(2, 4, 3)])
        q = IntervalPdf([BI(0, 4), BI(2, 6)])
        assert p.mean() == 2.642857142857143
        assert p.hellinger_distance(q) == 0.4601257527413682

    def test_two_sample_permutations_start_from_the_pooled_order(self) -> None:
        import random

        from intervalues import IntervalPdf

        got = IntervalPdf.two_sample_ks_test([1, 2, 3], [2, 3, 4, 8], 30, random.Random(4))
        assert got == (0.5, 0.3870967741935484)  # 0.4.0's value for this seed


class TestMeterLookupsAndTotals:
    def test_a_discrete_query_inside_one_continuous_piece(self) -> None:
        m = IntervalMeter([BI(0, 4), BI(2, 6)])
        assert BDI(0, 2) in m and m[BDI(0, 2)] == 1
        assert BDI(1, 3) not in m and m[BDI(1, 3)] == 0  # spans two pieces (W20)

    def test_total_length_sums_the_pieces_exactly(self) -> None:  # W12
        # each piece's length x value as a float, the products summed exactly (fsum), on
        # both backends (the engine's rule); 0.4.0 also summed its residue pieces
        m = IntervalMeter([BI(0.0, 2.5, -0.3), BI(8.0, 8.0), BI(-1.0, 1.5)])
        products = [(iv.stop - iv.start) * v for iv, v in m.items()]
        assert m.total_length() == math.fsum(products) == 1.7499999999999998
        m = IntervalMeter([BI(-1, 3, 1.5), BI(8.0, 10.5, 0.2), BI(0, 2, 2), BI(8, 12, 2.0)])
        assert m.total_length() == 18.5
        assert IntervalMeter([BI(0, 2, 3), BI(1, 3)]).total_length() == 8


class TestListsAs040:
    def test_count_and_lookup_sum_each_records_own_lookup(self) -> None:
        lst = IntervalList([BI(0, 2), BI(1, 3, 2)])
        assert lst.count(1.5) == 3 and lst[1.5] == 3
        # an interval query: value / query value of each record containing it (0.4.0)
        assert lst.count(BI(1, 2, 2)) == 1.5
        assert lst[BI(1, 2)] == 3.0
        assert lst.get_length(BI(1, 2)) == 3.0

    def test_interval_plus_list_appends_the_interval(self) -> None:
        lst = IntervalList([BI(0, 2), BI(1, 3, 2)])
        assert list(BI(5, 6) + lst) == [BI(0, 2), BI(1, 3, 2), BI(5, 6)]
        assert list(BI(5, 6) + lst) == list(lst + BI(5, 6))


class TestDiscreteConstructorAs040:
    def test_an_explicit_count_beats_a_stop(self) -> None:
        x = BDI(0, 10, count=3)
        assert (x.start, x.stop, x.step) == (0, 2, 1)

    def test_a_sequences_stop_beats_its_count(self) -> None:
        x = BDI((0, 10, 1, 3))
        assert (x.start, x.stop) == (0, 10)

    def test_start_and_none_is_one_point(self) -> None:
        x = BDI((0, None))
        assert (x.start, x.stop) == (0, 0)

    def test_the_losing_stop_is_still_validated(self) -> None:
        with pytest.raises((TypeError, ValueError)):
            BDI(0, "ten", count=3)  # type: ignore[arg-type]


class TestSeveralLatticesInCoordinateOrder:
    def test_pieces_of_several_lattices_come_in_first_point_order(self) -> None:
        m = IntervalMeter([BDI(4, 6, step=2), BDI(1, 3, step=1)])
        assert list(m) == [BDI(1, 3), BDI(4, 6, step=2)]
        s = IntervalSet([BDI(4, 8, step=2), BDI(1, 3, step=1)])
        assert list(s) == [BDI(1, 3), BDI(4, 8, step=2)]

    def test_popitem_takes_the_last_piece_in_that_order(self) -> None:
        m = IntervalMeter([BDI(4, 6, step=2), BDI(1, 3, step=1, value=2)])
        assert m.popitem() == (BDI(4, 6, step=2), 1)
        assert m == IntervalMeter([BDI(1, 3, value=2)])


T0 = datetime(2024, 1, 1, 9)
HOUR = timedelta(hours=1)
DOMAIN = "coordinates must use the same numeric/datetime domain and timezone awareness"


class TestQueriesOfAnotherDomainAreRefused:
    """0.4.0 raised TypeError where a query mixes numbers, naive and aware datetimes."""

    @pytest.mark.parametrize(
        "interval",
        [BI(0, 2), BDI(0, 4, step=2), EmptyInterval(), BI(T0, T0 + HOUR)],
        ids=["continuous", "discrete", "empty", "datetime"],
    )
    def test_a_coordinate_of_another_domain(self, interval: BaseInterval) -> None:
        other = 1 if isinstance(interval.start, datetime) else T0
        with pytest.raises(TypeError, match=DOMAIN):
            other in interval  # noqa: B015
        with pytest.raises(TypeError, match=DOMAIN):
            interval[other]

    def test_naive_against_aware(self) -> None:
        aware = BI(T0.replace(tzinfo=timezone.utc), T0.replace(tzinfo=timezone.utc) + HOUR)
        with pytest.raises(TypeError, match=DOMAIN):
            T0 in aware  # noqa: B015
        with pytest.raises(TypeError, match=DOMAIN):
            BI(T0, T0 + HOUR) == aware  # noqa: B015

    def test_non_coordinates_are_simply_not_members(self) -> None:
        assert "a" not in BI(0, 2) and None not in BDI(0, 4)
        assert BI(0, 2)["a"] == 0

    def test_equality_across_domains(self) -> None:
        with pytest.raises(TypeError, match=DOMAIN):
            BI(0, 1) == BI(T0, T0 + HOUR)  # noqa: B015
        assert BDI(0, 1) != BDI(T0, T0 + HOUR, step=HOUR)  # 0.4.0 compared their args
        assert EmptyInterval() != BI(T0, T0 + HOUR)

    def test_collection_queries(self) -> None:
        m = IntervalMeter([BI(T0, T0 + 2 * HOUR), BI(T0 + HOUR, T0 + 3 * HOUR)])
        with pytest.raises(TypeError, match=DOMAIN):
            m.find_all_containing(1)
        with pytest.raises(TypeError, match=DOMAIN):
            m.find_which_contains(BI(0, 1))
        with pytest.raises(TypeError, match=DOMAIN):
            m.regions_below(2, within=BI(-2, 8))
        with pytest.raises(TypeError, match=r"^collection intervals must use the same"):
            m.maximum_value(BI(-2, 8))
        assert IntervalMeter().maximum_value(BI(T0, T0 + HOUR)) == 0  # empty: no domain

    def test_removing_an_interval_of_another_domain_is_a_key_error(self) -> None:
        s = IntervalSet([BI(T0, T0 + 2 * HOUR)])
        with pytest.raises(KeyError):
            s.remove(BI(0, 6))

    def test_discrete_against_continuous(self) -> None:
        with pytest.raises(TypeError, match=r"^Cannot intersect discrete and continuous"):
            IntervalList([BDI(0, 4, step=2), BDI(1, 3)]).filter_by_range(BI(3, 4))
        with pytest.raises(TypeError, match=r"^Cannot compare discrete and continuous"):
            IntervalSet([BDI(0, 10), BDI(20, 30, step=5)]).contained_intervals(BI(0, 10))
        assert IntervalSet().contained_intervals(BI(0, 1)) == ()
        assert IntervalList().filter_by_range(BDI(0, 1)) == IntervalList()


class TestDiscreteFiltersAndStatistics:
    def test_filter_by_range_needs_a_shared_point(self) -> None:  # as 0.4.0
        even, odd, shared = BDI(0, 4, step=2), BDI(1, 5, step=2), BDI(2, 6, step=2)
        lst = IntervalList([even, odd, shared])
        assert list(lst.filter_by_range(BDI(4, 4))) == [even, shared]
        assert list(lst.filter_by_range(BDI(2, 3, step=2))) == [even, shared]
        assert list(lst.filter_by_range(BDI(1, 2))) == [even, odd, shared]

    def test_statistics_of_several_lattices_count_each_point_once(self) -> None:
        # W1: a point held by two lattices has the sum of their values, as m[x] says
        # (0.4.0 averaged 2.6, taking one lattice's value at the shared point 0)
        m = IntervalMeter([BDI(0, 4, step=2, value=1), BDI(0, 6, step=3, value=5)])
        assert [m[x] for x in (0, 2, 3, 4, 6)] == [6, 1, 5, 1, 5]
        assert m.average_value() == pytest.approx(3.6)
        assert (m.minimum_value(), m.maximum_value(), m.median_value()) == (1, 6, 5)
        assert m.mode_value() == (1, 5)
        assert m.average_value() == pytest.approx(
            m.average_value(within=BDI(0, 6)) * 7 / 5  # the window adds two zero points
        )

    @pytest.mark.parametrize(
        "runs",
        [
            [(0, 12, 2, 1), (0, 12, 3, 2), (1, 11, 5, -4)],
            [(0, 10, 2, 3), (1, 9, 2, 3), (4, 4, 1, 7)],
            [(-6, 6, 4, 2), (-6, 6, 6, 2), (-3, 9, 3, 1)],
        ],
    )
    def test_statistics_of_several_lattices_match_the_points(self, runs) -> None:
        # brute force: the distinct points of every run, each valued m[x]
        m = IntervalMeter([BDI(a, b, step=s, value=v) for a, b, s, v in runs])
        points = sorted({p for a, b, s, _ in runs for p in range(a, b + 1, s)})
        values = sorted(m[p] for p in points)
        assert m.average_value() == pytest.approx(sum(values) / len(values))
        assert (m.minimum_value(), m.maximum_value()) == (values[0], values[-1])
        mid = len(values) // 2
        median = values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2
        assert m.median_value() == median
        top = max(values.count(v) for v in values)
        assert m.mode_value() == tuple(sorted({v for v in values if values.count(v) == top}))

    def test_filter_by_range_of_a_point_off_every_lattice_is_empty(self) -> None:
        lst = IntervalList([BDI(0, 4, step=2), BDI(1, 5, step=2)])
        assert list(lst.filter_by_range(BDI(3, 3))) == [BDI(1, 5, step=2)]
        assert list(lst.filter_by_range(BDI(2, 2))) == [BDI(0, 4, step=2)]
        assert list(IntervalList([BDI(0, 8, step=4)]).filter_by_range(BDI(1, 3))) == []

    def test_one_lattice_statistics_unchanged(self) -> None:
        m = IntervalMeter([BDI(0, 4, step=2, value=1), BDI(6, 8, step=2, value=3)])
        assert (m.average_value(), m.maximum_value(), m.mode_value()) == (1.8, 3, (1,))


class TestMoreOf040sContracts:
    def test_index_of_another_domain_is_a_type_error(self) -> None:
        start = datetime(2024, 1, 1, tzinfo=timezone.utc)
        dt = BDI(start, count=4, step=timedelta(seconds=3))
        with pytest.raises(TypeError, match=r"^datetime intervals require datetime coordinates"):
            dt.index_of(0)
        with pytest.raises(TypeError, match=DOMAIN):
            dt.index_of(datetime(2024, 1, 1))  # naive against aware
        with pytest.raises(TypeError, match=r"^datetime coordinates require a datetime"):
            BDI(0, 4).index_of(start)
        with pytest.raises(TypeError):
            BDI(0, 4).index_of("a")  # type: ignore[arg-type]
        with pytest.raises(ValueError, match="not a point"):
            dt.index_of(start + timedelta(seconds=7))
        assert dt.index_of(start + timedelta(seconds=6)) == 2

    def test_datetime_points_measure_timedelta_zero_in_collections(self) -> None:
        start = datetime(2024, 1, 1, tzinfo=timezone.utc)
        iv = BDI(start, count=3, step=timedelta(minutes=10), value=2)
        for coll in (IntervalList(iv), IntervalSet(iv), IntervalMeter(iv)):
            assert coll.total_length() == timedelta(0), type(coll)
            assert isinstance(coll.total_length(), timedelta)
        assert IntervalMeter(BDI(0, 4)).total_length() == 0

    def test_collections_share_the_intervals_point_tolerance(self) -> None:  # W19
        iv = BDI(0, count=3)
        assert 1.0000001 in iv
        assert 1.0000001 in IntervalSet(iv) and IntervalMeter(iv)[1.0000001] == 1
        assert 1.1 not in IntervalSet(iv)
        shifted = IntervalSet(BDI(1e-7, count=3))
        assert (IntervalSet(iv) & shifted).is_empty  # the algebra stays exact

    def test_priority_lookup_many_needs_one_domain(self) -> None:
        from intervalues import PriorityIntervalMap

        resolver = PriorityIntervalMap(default="gap")
        assert resolver.lookup_many([0, 1.5]) == ("gap", "gap")
        with pytest.raises(TypeError, match=DOMAIN):
            resolver.lookup_many([0, datetime(2024, 1, 1, tzinfo=timezone.utc)])


class TestPdfSetData:
    """``IntervalPdf.set_data`` re-normalises in 0.4.0's words; a failure changes nothing."""

    @pytest.mark.parametrize(
        ("data", "text"),
        [
            ({}, "Cannot normalize an empty IntervalPdf"),
            ({BI(0, 1): -2}, "IntervalPdf weights must be finite and non-negative"),
            ({BI(0, 1): 1, BI(1, 2): float("inf")}, "weights must be finite and non-negative"),
            ({BI(0, 1): float("nan")}, "IntervalPdf weights must be finite and non-negative"),
            ({BI(0, 1): 0}, "IntervalPdf must have finite, positive weighted length"),
        ],
    )
    def test_refusals(self, data, text) -> None:
        p = IntervalPdf([BI(0, 4), BI(2, 6)])
        before = repr(p)
        with pytest.raises(ValueError, match=text):
            p.set_data(data)
        assert repr(p) == before

    def test_zero_weights_allowed_beside_a_positive_one(self) -> None:
        p = IntervalPdf(BI(0, 1))
        p.set_data({BI(0, 1): 0, BI(1, 3): 4})
        assert p == IntervalPdf(BI(1, 3))

    def test_key_problems_are_the_collections_own(self) -> None:
        p = IntervalPdf(BI(0, 1))
        with pytest.raises(TypeError, match="probability-mass"):
            p.set_data({BDI(0, 1): -1})  # the key is judged first, as 0.4.0 did
