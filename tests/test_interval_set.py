"""Public behaviour of IntervalSet (SPEC §3.7; sets print sorted, docs/compatibility.md)."""

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)

S_REPR = "IntervalSet:{BaseInterval[0;6], BaseInterval[8;9]}"


def make_s():
    return IntervalSet([BaseInterval(0, 4), BaseInterval(2, 6), BaseInterval(8, 9)])


class TestConstruction:
    def test_sequence_sorted_repr(self):
        assert repr(make_s()) == S_REPR

    def test_empty(self):
        assert repr(IntervalSet()) == "IntervalSet:set()"
        assert repr(IntervalSet([])) == "IntervalSet:set()"

    def test_single_interval_stored_unit_valued(self):
        assert repr(IntervalSet(BaseInterval(0, 1, 5))) == "IntervalSet:{BaseInterval[0;1]}"

    def test_only_positive_stretches(self):
        got = IntervalSet([BaseInterval(0, 3), BaseInterval(2, 5, -4)])
        assert repr(got) == "IntervalSet:{BaseInterval[0;2]}"

    def test_touching_pieces_merge_regardless_of_value(self):
        assert (
            repr(IntervalSet([BaseInterval(0, 1), BaseInterval(1, 2, 3)]))
            == "IntervalSet:{BaseInterval[0;2]}"
        )

    def test_discrete_runs_merged(self):
        got = IntervalSet([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])
        assert repr(got) == "IntervalSet:{BaseDiscreteInterval[0;5;1]}"

    def test_discrete_covered_run_dropped(self):
        got = IntervalSet([BaseDiscreteInterval(0, 10, step=2), BaseDiscreteInterval(2, 6, step=2)])
        assert repr(got) == "IntervalSet:{BaseDiscreteInterval[0;10;2]}"

    def test_discrete_other_lattices_side_by_side(self):
        got = IntervalSet(
            [BaseDiscreteInterval(20, 26, step=3), BaseDiscreteInterval(0, 10, step=5)]
        )
        assert (
            repr(got) == "IntervalSet:{BaseDiscreteInterval[0;10;5], BaseDiscreteInterval[20;26;3]}"
        )

    def test_discrete_property(self):
        assert IntervalSet(BaseDiscreteInterval(0, 3)).discrete is True
        assert make_s().discrete is False
        assert IntervalSet().discrete is False


class TestLookup:
    @pytest.mark.parametrize("x, expected", [(3, 1), (6, 1), (7, 0), (8.5, 1), (-1, 0)])
    def test_getitem_point(self, x, expected):
        assert make_s()[x] == expected

    def test_getitem_interval(self):
        assert make_s()[BaseInterval(1, 2)] == 1
        assert make_s()[BaseInterval(5, 8)] == 0

    def test_in(self):
        s = make_s()
        assert 3 in s
        assert 7 not in s
        assert BaseInterval(1, 5) in s
        assert BaseInterval(5, 8) not in s

    def test_discrete_in(self):
        s = IntervalSet(BaseDiscreteInterval(0, 10, step=2))
        assert 4 in s
        assert 5 not in s
        assert BaseDiscreteInterval(2, 6, step=2) in s

    def test_len_iter(self):
        assert len(make_s()) == 2
        assert list(make_s()) == [BaseInterval(0, 6), BaseInterval(8, 9)]

    def test_find_which_contains(self):
        assert make_s().find_which_contains(3) == BaseInterval(0, 6)
        assert make_s().find_which_contains(7) is False

    def test_contained_intervals(self):
        assert list(make_s().contained_intervals(BaseInterval(-1, 7))) == [BaseInterval(0, 6)]
        assert list(make_s().contained_intervals(BaseInterval(-1, 10))) == [
            BaseInterval(0, 6),
            BaseInterval(8, 9),
        ]
        assert list(make_s().contained_intervals(BaseInterval(1, 10))) == [BaseInterval(8, 9)]


class TestUnion:
    def test_add_interval(self):
        s = make_s()
        s.add(BaseInterval(6, 8))
        assert repr(s) == "IntervalSet:{BaseInterval[0;9]}"

    def test_add_set(self):
        s = make_s()
        s.add(IntervalSet(BaseInterval(10, 11)))
        assert repr(s) == "IntervalSet:{BaseInterval[0;6], BaseInterval[8;9], BaseInterval[10;11]}"

    @pytest.mark.parametrize("op", ["+", "|", "union"])
    def test_binary_union(self, op):
        s, o = make_s(), IntervalSet(BaseInterval(5, 8.5))
        got = {"+": lambda: s + o, "|": lambda: s | o, "union": lambda: s.union(o)}[op]()
        assert repr(got) == "IntervalSet:{BaseInterval[0;9]}"
        assert repr(s) == S_REPR

    def test_inplace_union(self):
        s = make_s()
        s += BaseInterval(9, 10)
        assert repr(s) == "IntervalSet:{BaseInterval[0;6], BaseInterval[8;10]}"
        s |= IntervalSet(BaseInterval(6, 7))
        assert repr(s) == "IntervalSet:{BaseInterval[0;7], BaseInterval[8;10]}"


class TestDifference:
    def test_sub_interval_keeps_boundaries(self):
        assert repr(make_s() - BaseInterval(3, 5)) == (
            "IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}"
        )

    def test_difference_method_and_inplace(self):
        s = make_s()
        assert s.difference(IntervalSet(BaseInterval(3, 5))) == make_s() - BaseInterval(3, 5)
        s.difference_update(IntervalSet(BaseInterval(3, 5)))
        assert repr(s) == "IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}"

    def test_subtract_isub_discard(self):
        for mutate in (
            lambda s: s.subtract(BaseInterval(3, 5)),
            lambda s: s.discard(BaseInterval(3, 5)),
        ):
            s = make_s()
            mutate(s)
            assert (
                repr(s) == "IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}"
            )
        s = make_s()
        s -= IntervalSet(BaseInterval(3, 5))
        assert repr(s) == "IntervalSet:{BaseInterval[0;3], BaseInterval[5;6], BaseInterval[8;9]}"

    def test_closed_difference(self):
        got = IntervalSet(BaseInterval(0, 3)) - IntervalSet(BaseInterval(1, 2))
        assert repr(got) == "IntervalSet:{BaseInterval[0;1], BaseInterval[2;3]}"
        assert 1 in got

    def test_remove_exact_piece(self):
        s = make_s()
        s.remove(BaseInterval(8, 9))
        assert repr(s) == "IntervalSet:{BaseInterval[0;6]}"

    def test_discrete_difference_across_steps(self):
        got = IntervalSet(BaseDiscreteInterval(0, 10)) - IntervalSet(
            BaseDiscreteInterval(0, 10, step=3)
        )
        assert repr(got) == (
            "IntervalSet:{BaseDiscreteInterval[1;7;3], BaseDiscreteInterval[2;8;3], "
            "BaseDiscreteInterval[10;10;1]}"
        )


class TestIntersection:
    def test_and_touching_gives_degenerate(self):
        got = make_s() & IntervalSet(BaseInterval(5, 8))
        assert repr(got) == "IntervalSet:{BaseInterval[5;6], BaseInterval[8;8]}"

    def test_intersection_method_and_inplace(self):
        s = make_s()
        assert s.intersection(IntervalSet(BaseInterval(5, 8))) == make_s() & IntervalSet(
            BaseInterval(5, 8)
        )
        s.intersection_update(IntervalSet(BaseInterval(1, 2)))
        assert repr(s) == "IntervalSet:{BaseInterval[1;2]}"
        s = make_s()
        s &= IntervalSet(BaseInterval(8.5, 20))
        assert repr(s) == "IntervalSet:{BaseInterval[8.5;9]}"

    def test_geometric_not_literal(self):
        assert (
            repr(IntervalSet(BaseInterval(0, 3)) & IntervalSet(BaseInterval(2, 5)))
            == "IntervalSet:{BaseInterval[2;3]}"
        )

    def test_clip(self):
        assert (
            repr(make_s().clip(BaseInterval(5, 8.5)))
            == "IntervalSet:{BaseInterval[5;6], BaseInterval[8;8.5]}"
        )

    def test_discrete_across_steps(self):
        got = IntervalSet(BaseDiscreteInterval(0, 10, step=2)) & IntervalSet(
            BaseDiscreteInterval(0, 10, step=3)
        )
        assert [x for x in range(11) if x in got] == [0, 6]


class TestSymmetricDifference:
    def test_xor(self):
        got = make_s() ^ IntervalSet(BaseInterval(5, 8.5))
        assert (
            repr(got) == "IntervalSet:{BaseInterval[0;5], BaseInterval[6;8], BaseInterval[8.5;9]}"
        )

    def test_method_and_inplace(self):
        o = IntervalSet(BaseInterval(5, 8.5))
        assert make_s().symmetric_difference(o) == make_s() ^ o
        s = make_s()
        s.symmetric_difference_update(o)
        assert s == make_s() ^ o
        s = make_s()
        s ^= o
        assert s == make_s() ^ o


class TestRelations:
    def test_isdisjoint(self):
        assert make_s().isdisjoint(IntervalSet(BaseInterval(6, 8))) is False
        assert make_s().isdisjoint(IntervalSet(BaseInterval(6.5, 7.5))) is True

    def test_subset_superset_geometric(self):
        assert IntervalSet(BaseInterval(1, 3)).issubset(make_s())
        assert not IntervalSet(BaseInterval(5, 8)).issubset(make_s())
        assert make_s().issuperset(IntervalSet([BaseInterval(1, 3), BaseInterval(8, 9)]))
        assert make_s().issubset(IntervalSet(BaseInterval(0, 9)))


class TestSetBasics:
    def test_pop(self):
        s = make_s()
        piece = s.pop()
        assert piece in (BaseInterval(0, 6), BaseInterval(8, 9))
        assert len(s) == 1
        assert piece not in list(s)

    def test_clear_copy(self):
        s = make_s()
        c = s.copy()
        s.clear()
        assert repr(s) == "IntervalSet:set()"
        assert repr(c) == S_REPR

    def test_lengths(self):
        assert make_s().total_length() == 7
        assert make_s().get_length() == 7
        assert make_s().get_length(BaseInterval(1, 2)) == 1
        assert make_s().get_length(BaseInterval(5, 8)) == 0

    def test_mul_and_neg_are_copies(self):
        assert make_s() * 2 == make_s()
        assert -make_s() == make_s()
        assert type(make_s() * 2) is IntervalSet

    def test_bounds_min_max(self):
        assert make_s().bounds == (0, 9)
        assert (make_s().min(), make_s().max()) == (0, 9)
        assert make_s().as_single_interval() == BaseInterval(0, 9)


class TestEqualityAndOrdering:
    def test_equal(self):
        assert make_s() == IntervalSet([BaseInterval(8, 9), BaseInterval(0, 6)])
        assert hash(make_s()) == hash(IntervalSet([BaseInterval(8, 9), BaseInterval(0, 6)]))
        assert make_s() != IntervalSet(BaseInterval(0, 9))

    def test_one_piece_equals_interval(self):
        assert IntervalSet(BaseInterval(0, 1)) == BaseInterval(0, 1)
        assert hash(IntervalSet(BaseInterval(0, 1))) == hash(BaseInterval(0, 1))

    def test_ordering_shorter_first(self):
        assert IntervalSet(BaseInterval(0, 1)) < IntervalSet(
            [BaseInterval(0, 1), BaseInterval(2, 3)]
        )
        assert IntervalSet(BaseInterval(0, 1)) < IntervalSet(BaseInterval(0, 2))
        assert IntervalSet(BaseInterval(1, 2)) > IntervalSet(BaseInterval(0, 5))


class TestConversions:
    def test_as_meter(self):
        got = make_s().as_meter()
        assert type(got) is IntervalMeter
        assert repr(got) == "IntervalMeter:{BaseInterval[0;6]: 1, BaseInterval[8;9]: 1}"

    def test_as_counter(self):
        got = make_s().as_counter()
        assert type(got) is IntervalCounter
        assert repr(got) == "IntervalCounter:{BaseInterval[0;6]: 1, BaseInterval[8;9]: 1}"

    def test_as_list(self):
        got = make_s().as_list()
        assert isinstance(got, IntervalList)
        assert repr(got) == "IntervalList:[BaseInterval[0;6], BaseInterval[8;9]]"

    def test_as_set(self):
        assert make_s().as_set() == make_s()


class TestSetAlgebraProperties:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    ivs = st.lists(
        st.tuples(st.integers(-10, 10), st.integers(0, 6)).map(
            lambda t: BaseInterval(t[0], t[0] + t[1])
        ),
        max_size=8,
    )
    # sample points strictly between integer coordinates, so closedness never matters
    XS = tuple(k / 4 for k in range(-48, 72) if k % 4)

    @settings(max_examples=80, deadline=None)
    @given(ivs, ivs)
    def test_pointwise(self, a, b):
        sa, sb = IntervalSet(a), IntervalSet(b)
        union, inter, diff, sym = sa | sb, sa & sb, sa - sb, sa ^ sb
        for x in self.XS:
            in_a = any(iv.start < x < iv.stop for iv in a)
            in_b = any(iv.start < x < iv.stop for iv in b)
            assert (x in union) == (in_a or in_b)
            assert (x in inter) == (in_a and in_b)
            assert (x in diff) == (in_a and not in_b)
            assert (x in sym) == (in_a != in_b)

    @settings(max_examples=80, deadline=None)
    @given(ivs)
    def test_canonical(self, a):
        IntervalSet(a)._check()
        built = IntervalSet()
        for iv in a:
            built.add(iv)
        assert repr(built) == repr(IntervalSet(a))
