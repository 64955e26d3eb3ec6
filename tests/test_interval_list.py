"""Public behaviour of IntervalList (SPEC §3.8; lists keep every record, W9)."""

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)

L_REPR = "IntervalList:[BaseInterval[1;3], BaseInterval[2;5], BaseInterval[1;3]]"


def make_l():
    return IntervalList([BaseInterval(1, 3), BaseInterval(2, 5), BaseInterval(1, 3)])


class TestConstruction:
    def test_keeps_records_verbatim(self):
        assert repr(make_l()) == L_REPR

    def test_empty(self):
        assert repr(IntervalList()) == "IntervalList:[]"
        assert len(IntervalList()) == 0

    def test_single_interval(self):
        assert repr(IntervalList(BaseInterval(0, 1, 3))) == "IntervalList:[BaseInterval[0;1;3]]"

    def test_keeps_discrete_zero_length_zero_value(self):
        got = IntervalList([BaseDiscreteInterval(0, 3), BaseInterval(0, 1, 0), BaseInterval(2, 2)])
        assert (
            repr(got)
            == "IntervalList:[BaseDiscreteInterval[0;3;1], BaseInterval[0;1;0], BaseInterval[2;2]]"
        )


class TestLookup:
    def test_getitem_sums_covering_values(self):
        assert make_l()[2.5] == 3
        assert make_l()[4] == 1
        assert make_l()[0] == 0

    def test_getitem_interval(self):
        assert make_l()[BaseInterval(2, 3)] == 3
        assert make_l()[BaseInterval(3, 5)] == 1

    def test_count(self):
        assert make_l().count(2.5) == 3
        assert make_l().count(BaseInterval(2, 3)) == 3

    def test_weighted_records(self):
        assert IntervalList([BaseInterval(0, 2, 2), BaseInterval(1, 3, 5)])[1.5] == 7

    def test_at_is_positional(self):
        assert repr(make_l().at(1)) == "BaseInterval[2;5]"
        assert make_l().at(0) == BaseInterval(1, 3)

    def test_in(self):
        assert 2.5 in make_l()
        assert 6 not in make_l()
        assert BaseInterval(2, 4) in make_l()

    def test_len_iter(self):
        assert len(make_l()) == 3
        assert list(make_l()) == [BaseInterval(1, 3), BaseInterval(2, 5), BaseInterval(1, 3)]

    def test_filter_by_coordinate(self):
        assert list(make_l().filter_by_coordinate(3)) == list(make_l())
        assert list(make_l().filter_by_coordinate(1.5)) == [BaseInterval(1, 3), BaseInterval(1, 3)]
        assert isinstance(make_l().filter_by_coordinate(1.5), IntervalList)

    def test_filter_by_range_endpoint_contact_counts(self):
        got = make_l().filter_by_range(BaseInterval(3, 4))
        assert list(got) == [BaseInterval(1, 3), BaseInterval(2, 5), BaseInterval(1, 3)]
        assert list(make_l().filter_by_range(BaseInterval(4, 9))) == [BaseInterval(2, 5)]
        assert list(make_l().filter_by_range(BaseInterval(6, 9))) == []

    def test_find_which_contains(self):
        assert list(make_l().find_which_contains(4)) == [BaseInterval(2, 5)]


class TestListOperations:
    def test_pop_insert(self):
        lst = make_l()
        assert lst.pop(1) == BaseInterval(2, 5)
        assert len(lst) == 2
        lst.insert(0, BaseInterval(0, 1))
        assert repr(lst) == "IntervalList:[BaseInterval[0;1], BaseInterval[1;3], BaseInterval[1;3]]"

    def test_reverse(self):
        lst = IntervalList([BaseInterval(0, 1), BaseInterval(5, 6, 2)])
        lst.reverse()
        assert repr(lst) == "IntervalList:[BaseInterval[5;6;2], BaseInterval[0;1]]"

    def test_sort(self):
        lst = IntervalList([BaseInterval(2, 3), BaseInterval(0, 5), BaseInterval(0, 1)])
        lst.sort()
        assert repr(lst) == "IntervalList:[BaseInterval[0;1], BaseInterval[0;5], BaseInterval[2;3]]"
        lst.sort(reverse=True)
        assert repr(lst) == "IntervalList:[BaseInterval[2;3], BaseInterval[0;5], BaseInterval[0;1]]"
        lst.sort(key=lambda iv: iv.stop - iv.start)
        assert repr(lst) == "IntervalList:[BaseInterval[2;3], BaseInterval[0;1], BaseInterval[0;5]]"

    def test_clear_copy(self):
        lst = make_l()
        c = lst.copy()
        lst.clear()
        assert repr(lst) == "IntervalList:[]"
        assert repr(c) == L_REPR

    def test_append_extend(self):
        lst = make_l()
        lst.append(BaseInterval(7, 8))
        lst.extend(IntervalList([BaseInterval(0, 1), BaseInterval(0, 1)]))
        assert list(lst)[3:] == [BaseInterval(7, 8), BaseInterval(0, 1), BaseInterval(0, 1)]

    def test_update(self):
        lst = make_l()
        lst.update(BaseInterval(7, 8))
        assert list(lst)[-1] == BaseInterval(7, 8)
        assert len(lst) == 4

    def test_add(self):
        got = make_l() + BaseInterval(7, 8)
        assert (
            repr(got) == "IntervalList:[BaseInterval[1;3], BaseInterval[2;5], BaseInterval[1;3], "
            "BaseInterval[7;8]]"
        )
        got = IntervalList(BaseInterval(0, 1)) + IntervalList(BaseInterval(0, 1, 2))
        assert repr(got) == "IntervalList:[BaseInterval[0;1], BaseInterval[0;1;2]]"

    def test_add_does_not_mutate(self):
        lst = make_l()
        _ = lst + BaseInterval(7, 8)
        assert repr(lst) == L_REPR

    def test_iadd(self):
        lst = make_l()
        lst += BaseInterval(7, 8)
        assert len(lst) == 4

    @pytest.mark.parametrize("n, expected_len", [(2, 6), (2.7, 6), (1, 3), (0, 0)])
    def test_mul_repeats_records(self, n, expected_len):
        got = make_l() * n
        assert isinstance(got, IntervalList)
        assert len(got) == expected_len
        assert sorted(got) == sorted(list(make_l()) * int(n))

    def test_imul(self):
        lst = make_l()
        lst *= 2
        assert len(lst) == 6


class TestLengths:
    def test_total_length(self):
        assert make_l().total_length() == 7
        assert make_l().get_length() == 7

    def test_get_length_interval(self):
        assert make_l().get_length(BaseInterval(2, 3)) == 3


class TestEqualityAndOrdering:
    def test_order_sensitive_equality(self):
        a, b = BaseInterval(0, 1), BaseInterval(2, 3)
        assert IntervalList([a, b]) == IntervalList([a, b])
        assert hash(IntervalList([a, b])) == hash(IntervalList([a, b]))
        assert IntervalList([a, b]) != IntervalList([b, a])

    def test_duplicates_matter(self):
        assert IntervalList([BaseInterval(0, 1)]) != IntervalList(
            [BaseInterval(0, 1), BaseInterval(0, 1)]
        )

    def test_ordering(self):
        assert IntervalList([BaseInterval(0, 1)]) < IntervalList([BaseInterval(0, 2)])
        assert IntervalList([BaseInterval(1, 2)]) > IntervalList([BaseInterval(0, 2)])


class TestConversions:
    def test_as_meter(self):
        got = make_l().as_meter()
        assert type(got) is IntervalMeter
        assert (
            repr(got)
            == "IntervalMeter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 3, BaseInterval[3;5]: 1}"
        )

    def test_as_counter(self):
        got = make_l().as_counter()
        assert type(got) is IntervalCounter
        assert (
            repr(got)
            == "IntervalCounter:{BaseInterval[1;2]: 2, BaseInterval[2;3]: 3, BaseInterval[3;5]: 1}"
        )

    def test_as_set(self):
        got = make_l().as_set()
        assert type(got) is IntervalSet
        assert repr(got) == "IntervalSet:{BaseInterval[1;5]}"

    def test_as_list(self):
        lst = make_l()
        got = lst.as_list()
        assert got == lst
        got.append(BaseInterval(9, 10))
        assert repr(lst) == L_REPR

    def test_discrete_as_meter(self):
        got = IntervalList([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)]).as_meter()
        assert got == IntervalMeter([BaseDiscreteInterval(0, 3), BaseDiscreteInterval(2, 5)])
