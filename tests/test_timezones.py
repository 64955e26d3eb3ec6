"""Datetime coordinates and timezone conversions (SPEC §2, §3.1, §3.3, §3.4, §4)."""

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalList,
    IntervalMeter,
    IntervalSet,
)

AMS = ZoneInfo("Europe/Amsterdam")
UTC = timezone.utc
H = timedelta(hours=1)


def utc(*args):
    return datetime(*args, tzinfo=UTC)


def ams(*args, fold=0):
    return datetime(*args, tzinfo=AMS, fold=fold)


class TestAwareComparedByInstant:
    def test_equal_across_zones(self):
        a = BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10))
        b = BaseInterval(ams(2024, 1, 1, 10), ams(2024, 1, 1, 11))
        assert a == b
        assert hash(a) == hash(b)

    def test_ordering_by_instant(self):
        a = BaseInterval(ams(2024, 1, 1, 9, 30), ams(2024, 1, 1, 12))  # 08:30Z
        b = BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10))
        assert a < b
        assert sorted([b, a]) == [a, b]

    def test_membership_by_instant(self):
        iv = BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10))
        assert ams(2024, 1, 1, 10, 30) in iv
        assert ams(2024, 1, 1, 9, 30) not in iv

    def test_dst_fold_occurrences_distinct(self):
        first, second = ams(2024, 10, 27, 2, 30, fold=0), ams(2024, 10, 27, 2, 30, fold=1)
        iv = BaseInterval(first, second)
        assert iv.get_length() == H
        assert BaseInterval(first, first + H) != BaseInterval(second, second + H)

    def test_fold_reversed_is_rejected(self):
        with pytest.raises(ValueError):
            BaseInterval(ams(2024, 10, 27, 2, 30, fold=1), ams(2024, 10, 27, 2, 30, fold=0))

    def test_length_across_fall_back_is_elapsed_time(self):
        iv = BaseInterval(ams(2024, 10, 27, 0), ams(2024, 10, 27, 6))
        assert iv.get_length() == timedelta(hours=7)

    def test_length_across_spring_forward_is_elapsed_time(self):
        iv = BaseInterval(ams(2024, 3, 31, 0), ams(2024, 3, 31, 6))
        assert iv.get_length() == timedelta(hours=5)

    def test_meter_combines_by_instant_across_zones(self):
        m = IntervalMeter(
            [
                BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 11)),
                BaseInterval(ams(2024, 1, 1, 11), ams(2024, 1, 1, 13)),  # 10Z-12Z
            ]
        )
        assert list(m.values()) == [1, 2, 1]
        assert m.total_length() == timedelta(hours=4)
        assert m[utc(2024, 1, 1, 10, 30)] == 2
        assert m.bounds[0] == utc(2024, 1, 1, 9)
        assert m.bounds[1] == utc(2024, 1, 1, 12)

    def test_aware_meter_lengths_across_fall_back(self):
        m = IntervalMeter([BaseInterval(ams(2024, 10, 27, 0), ams(2024, 10, 27, 6))])
        assert m.total_length() == timedelta(hours=7)
        assert m.coverage_length() == timedelta(hours=7)
        assert m[ams(2024, 10, 27, 2, 30, fold=1)] == 1

    def test_meter_across_dst_fold(self):
        m = IntervalMeter(
            [
                BaseInterval(ams(2024, 10, 27, 2, 0, fold=0), ams(2024, 10, 27, 2, 30, fold=1)),
                BaseInterval(ams(2024, 10, 27, 2, 30, fold=0), ams(2024, 10, 27, 3, 0)),
            ]
        )
        assert m.total_length() == timedelta(minutes=90) + timedelta(minutes=90)
        assert m.coverage_length() == timedelta(hours=2)


class TestIntervalToTimezone:
    def test_aware_keeps_instant(self):
        iv = BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10), 3)
        got = iv.to_timezone(AMS)
        assert got.start == ams(2024, 1, 1, 10)
        assert got.start.tzinfo == AMS and got.stop.tzinfo == AMS
        assert got.start.hour == 10
        assert got.value == 3
        assert got == iv
        assert iv.start.tzinfo is UTC

    def test_naive_is_wall_time_in_target_zone(self):
        iv = BaseInterval(datetime(2024, 7, 1, 9), datetime(2024, 7, 1, 10))
        got = iv.to_timezone(AMS)
        assert got.start.utcoffset() == timedelta(hours=2)
        assert got == BaseInterval(utc(2024, 7, 1, 7), utc(2024, 7, 1, 8))
        assert iv.start.tzinfo is None

    def test_ambiguous_needs_fold(self):
        iv = BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4))
        with pytest.raises(ValueError, match=r"(?i)ambiguous|fold"):
            iv.to_timezone(AMS)

    @pytest.mark.parametrize(
        "fold, length", [(0, timedelta(hours=2, minutes=30)), (1, timedelta(hours=1, minutes=30))]
    )
    def test_ambiguous_with_fold(self, fold, length):
        iv = BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4))
        got = iv.to_timezone(AMS, fold=fold)
        assert got.get_length() == length
        expected = utc(2024, 10, 27, 0, 30) if fold == 0 else utc(2024, 10, 27, 1, 30)
        # compare instants: PEP 495 makes inter-zone == False for times in a fold
        assert got.start.timestamp() == expected.timestamp()
        assert got.start.tzinfo == AMS

    def test_nonexistent_rejected(self):
        iv = BaseInterval(datetime(2024, 3, 31, 2, 30), datetime(2024, 3, 31, 4))
        with pytest.raises(ValueError):
            iv.to_timezone(AMS)

    def test_bad_fold(self):
        iv = BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4))
        with pytest.raises(ValueError, match="fold"):
            iv.to_timezone(AMS, fold=2)

    def test_remove_timezone(self):
        iv = BaseInterval(ams(2024, 7, 1, 9), ams(2024, 7, 1, 10))
        got = iv.to_timezone(None, remove_timezone=True)
        assert got == BaseInterval(datetime(2024, 7, 1, 9), datetime(2024, 7, 1, 10))
        assert got.start.tzinfo is None

    def test_strip_from_naive_is_type_error(self):
        iv = BaseInterval(datetime(2024, 7, 1, 9), datetime(2024, 7, 1, 10))
        with pytest.raises(TypeError):
            iv.to_timezone(None, remove_timezone=True)

    def test_numeric_is_type_error(self):
        with pytest.raises(TypeError):
            BaseInterval(0, 1).to_timezone(AMS)

    def test_aware_to_utc_then_back(self):
        iv = BaseInterval(ams(2024, 7, 1, 9), ams(2024, 7, 1, 10))
        assert iv.to_timezone(UTC).to_timezone(AMS).start.hour == 9


class TestConvertTimezoneInplace:
    def test_mutates_self(self):
        iv = BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10))
        iv.convert_timezone_inplace(AMS)
        assert iv.start.tzinfo == AMS
        assert iv.start.hour == 10
        assert iv == BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10))

    def test_unchanged_on_failure(self):
        iv = BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4))
        before = (iv.start, iv.stop, iv.value, repr(iv))
        with pytest.raises(ValueError):
            iv.convert_timezone_inplace(AMS)
        assert (iv.start, iv.stop, iv.value, repr(iv)) == before
        assert iv.start.tzinfo is None


class TestDiscreteTimezone:
    def test_aware_keeps_step_count_value(self):
        d = BaseDiscreteInterval(utc(2024, 10, 26, 23), count=4, step=H, value=2)
        got = d.to_timezone(AMS)
        assert (got.step, got.count, got.value) == (H, 4, 2)
        assert got == d
        assert got.start.tzinfo == AMS

    def test_naive_across_fall_back_refused(self):
        # wall-clock points 00:00..03:00 are not evenly spaced in absolute time on this day
        d = BaseDiscreteInterval(datetime(2024, 10, 27, 0), count=4, step=H)
        with pytest.raises(ValueError):
            d.to_timezone(AMS, fold=0)

    def test_naive_regular_day(self):
        d = BaseDiscreteInterval(datetime(2024, 7, 1, 0), count=4, step=H)
        got = d.to_timezone(AMS)
        assert got.count == 4
        assert got.start == utc(2024, 6, 30, 22)

    def test_convert_inplace_unchanged_on_failure(self):
        d = BaseDiscreteInterval(datetime(2024, 10, 27, 0), count=4, step=H)
        before = repr(d)
        with pytest.raises(ValueError):
            d.convert_timezone_inplace(AMS, fold=0)
        assert repr(d) == before


class TestCollectionTimezone:
    def make_meter(self):
        return IntervalMeter(
            [
                BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 11)),
                BaseInterval(utc(2024, 1, 1, 10), utc(2024, 1, 1, 12), 3),
            ]
        )

    def test_meter_to_timezone(self):
        m = self.make_meter()
        got = m.to_timezone(AMS)
        assert type(got) is IntervalMeter
        assert got == m
        assert [iv.start.tzinfo for iv in got] == [AMS, AMS, AMS]
        assert [iv.start.hour for iv in got] == [10, 11, 12]
        assert list(got.values()) == [1, 4, 3]
        assert all(iv.start.tzinfo is UTC for iv in m)

    def test_meter_convert_inplace(self):
        m = self.make_meter()
        m.convert_timezone_inplace(AMS)
        assert [iv.start.hour for iv in m] == [10, 11, 12]
        assert m == self.make_meter()

    def test_meter_convert_inplace_atomic(self):
        m = IntervalMeter(
            [
                BaseInterval(datetime(2024, 10, 26, 12), datetime(2024, 10, 26, 13)),
                BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 4), 2),
            ]
        )
        before = repr(m)
        with pytest.raises(ValueError):
            m.convert_timezone_inplace(AMS)
        assert repr(m) == before
        assert all(iv.start.tzinfo is None for iv in m)

    def test_set_and_list(self):
        s = IntervalSet(BaseInterval(utc(2024, 1, 1, 9), utc(2024, 1, 1, 10)))
        assert [iv.start.hour for iv in s.to_timezone(AMS)] == [10]
        lst = IntervalList([BaseInterval(datetime(2024, 7, 1, 9), datetime(2024, 7, 1, 10), 2)])
        got = lst.to_timezone(AMS)
        assert list(got) == [BaseInterval(utc(2024, 7, 1, 7), utc(2024, 7, 1, 8), 2)]
        lst.convert_timezone_inplace(AMS)
        assert next(iter(lst)).start.tzinfo == AMS

    def test_remove_timezone_on_collection(self):
        s = IntervalSet(BaseInterval(ams(2024, 7, 1, 9), ams(2024, 7, 1, 10)))
        got = s.to_timezone(None, remove_timezone=True)
        assert got == IntervalSet(BaseInterval(datetime(2024, 7, 1, 9), datetime(2024, 7, 1, 10)))

    def test_numeric_collection_is_type_error(self):
        with pytest.raises(TypeError):
            IntervalMeter(BaseInterval(0, 1)).to_timezone(AMS)


class TestSpecExamples:
    def test_discrete_quarter_hours(self):
        t0 = datetime(2024, 1, 1, 9)
        assert BaseDiscreteInterval(t0, t0 + H, step=timedelta(minutes=15)).count == 5

    def test_naive_ambiguous_to_amsterdam(self):
        iv = BaseInterval(datetime(2024, 10, 27, 2, 30), datetime(2024, 10, 27, 3, 30))
        with pytest.raises(ValueError):
            iv.to_timezone(AMS)


class TestAsZeroFourZero:
    """Facts measured against 0.4.0 (the compat harness's tz.convert calls)."""

    def test_shift_moves_by_elapsed_time_across_dst(self):
        from datetime import datetime, timedelta
        from zoneinfo import ZoneInfo

        from intervalues import BaseInterval

        ams = ZoneInfo("Europe/Amsterdam")
        iv = BaseInterval(
            datetime(2024, 10, 27, 0, tzinfo=ams), datetime(2024, 10, 27, 1, tzinfo=ams)
        )
        moved = iv >> timedelta(hours=3)  # 22:00 UTC + 3 h = 01:00 UTC = 02:00 CET
        assert str(moved.start) == "2024-10-27 02:00:00+01:00"
        assert moved.start.tzinfo is ams
        assert (moved << timedelta(hours=3)) == iv

    def test_localizing_a_naive_time_gives_the_fold_1_spelling(self):
        from datetime import datetime, timedelta, timezone

        from intervalues import BaseInterval

        iv = BaseInterval(datetime(2024, 1, 1, 9), datetime(2024, 1, 1, 10)).to_timezone(
            timezone.utc
        )
        assert (iv.start.fold, iv.stop.fold) == (1, 1)  # one instant either way, as 0.4.0
        assert iv.start == datetime(2024, 1, 1, 9, tzinfo=timezone.utc)
        assert iv.stop - iv.start == timedelta(hours=1)
