"""Columns in and out: lists, array, NumPy, pandas, pyarrow (issue: arrays in, arrays out)."""

from __future__ import annotations

import subprocess
import sys
from array import array
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from intervalues import (
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
    InvalidTypeError,
    combine_arrays,
)
from intervalues._engine import accel

np = pytest.importorskip("numpy")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")

STARTS = [5, 0, 2, 8]
STOPS = [9, 4, 6, 9]
VALUES = [1, 2, 3, 4]


def objects(starts, stops, values=None):
    values = values if values is not None else [1] * len(starts)
    return [BaseInterval(a, b, v) for a, b, v in zip(starts, stops, values, strict=True)]


def typed_pieces(coll):
    return [(iv.start, iv.stop, type(iv.value), iv.value) for iv in coll]


class TestInputKinds:
    @pytest.mark.parametrize(
        "convert",
        [
            list,
            tuple,
            lambda xs: array("q", xs),
            lambda xs: np.array(xs, dtype=np.int64),
            lambda xs: np.array(xs, dtype=np.int32),
            lambda xs: np.array(xs, dtype=np.uint16),
            lambda xs: pd.Series(xs),
            lambda xs: pa.array(xs),
            lambda xs: pa.chunked_array([xs[:2], xs[2:]]),
        ],
        ids=["list", "tuple", "array", "int64", "int32", "uint16", "series", "arrow", "chunked"],
    )
    @pytest.mark.parametrize("cls", [IntervalMeter, IntervalCounter, IntervalSet])
    def test_ints_equal_objects(self, convert, cls):
        got = cls.from_arrays(convert(STARTS), convert(STOPS), convert(VALUES))
        want = cls(objects(STARTS, STOPS, VALUES))
        assert got == want
        assert typed_pieces(got) == typed_pieces(want)

    def test_floats_equal_objects(self):
        s = np.array([0.5, 1.25, 3.0])
        e = np.array([2.0, 4.5, 3.5])
        v = np.array([0.1, 0.2, -0.3])
        got = IntervalMeter.from_arrays(s, e, v)
        want = IntervalMeter(objects(s.tolist(), e.tolist(), v.tolist()))
        assert typed_pieces(got) == typed_pieces(want)

    def test_default_values_are_one(self):
        assert IntervalMeter.from_arrays(np.array([0, 1]), np.array([2, 3])) == IntervalMeter(
            [(0, 2), (1, 3)]
        )

    def test_unsorted_input(self):
        s, e = np.array([8, 0, 4]), np.array([9, 3, 6])
        assert IntervalSet.from_arrays(s, e) == IntervalSet([(0, 3), (4, 6), (8, 9)])

    def test_int_and_float_columns_promote(self):
        got = IntervalMeter.from_arrays(np.array([0, 1]), np.array([1.5, 2.5]))
        assert got == IntervalMeter([(0.0, 1.5), (1.0, 2.5)])

    def test_naive_datetime64(self):
        t0 = datetime(2024, 1, 1, 9)
        s = np.array([t0, t0 + timedelta(hours=1)], dtype="datetime64[us]")
        e = s + np.timedelta64(2, "h")
        got = IntervalCounter.from_arrays(s, e)
        want = IntervalCounter(
            [
                BaseInterval(t0, t0 + timedelta(hours=2)),
                BaseInterval(t0 + timedelta(hours=1), t0 + timedelta(hours=3)),
            ]
        )
        assert got == want
        assert got.total_length() == timedelta(hours=4)

    def test_aware_pandas_series_keep_their_zone(self):
        tz = ZoneInfo("America/New_York")
        s = pd.Series(pd.to_datetime(["2013-03-10 01:00", "2013-03-10 01:30"]).tz_localize(tz))
        e = s + pd.Timedelta(hours=2)
        got = IntervalMeter.from_arrays(s, e)
        want = IntervalMeter(
            [BaseInterval(a.to_pydatetime(), b.to_pydatetime()) for a, b in zip(s, e, strict=True)]
        )
        assert got == want
        first = next(iter(got))
        assert first.start.tzinfo is not None
        assert first.start.utcoffset() == timedelta(hours=-5)  # before the DST jump

    def test_aware_arrow_timestamps(self):
        arr = pa.array(
            [datetime(2024, 1, 1, tzinfo=timezone.utc)], type=pa.timestamp("us", tz="UTC")
        )
        stop = pa.array(
            [datetime(2024, 1, 2, tzinfo=timezone.utc)], type=pa.timestamp("us", tz="UTC")
        )
        got = IntervalSet.from_arrays(arr, stop)
        assert got.total_length() == timedelta(days=1)

    def test_object_arrays_of_datetimes(self):
        t0 = datetime(2024, 1, 1)
        s = np.array([t0], dtype=object)
        e = np.array([t0 + timedelta(days=1)], dtype=object)
        assert IntervalMeter.from_arrays(s, e) == IntervalMeter(
            BaseInterval(t0, t0 + timedelta(days=1))
        )

    def test_big_unsigned_ints_stay_exact(self):
        big = 2**63 + 5
        got = IntervalMeter.from_arrays(
            np.array([big], dtype=np.uint64), np.array([big + 2], dtype=np.uint64)
        )
        assert list(got) == [BaseInterval(big, big + 2)]

    def test_from_pandas(self):
        df = pd.DataFrame({"a": STARTS, "b": STOPS, "w": VALUES})
        assert IntervalMeter.from_pandas(df, start="a", stop="b", value="w") == IntervalMeter(
            objects(STARTS, STOPS, VALUES)
        )
        assert IntervalSet.from_pandas(df, start="a", stop="b") == IntervalSet(
            objects(STARTS, STOPS)
        )

    def test_combine_arrays(self):
        got = combine_arrays(np.array(STARTS), np.array(STOPS), combined_type="counter")
        assert got == IntervalCounter(objects(STARTS, STOPS))
        with pytest.raises(TypeError, match="combined_type"):
            combine_arrays([0], [1], combined_type="list")


class TestBadColumns:
    def test_empty(self):
        assert IntervalMeter.from_arrays(
            np.array([], dtype=np.int64), np.array([], dtype=np.int64)
        ).is_empty
        assert IntervalSet.from_arrays([], []).is_empty

    def test_mismatched_lengths(self):
        with pytest.raises(ValueError, match="starts and stops"):
            IntervalMeter.from_arrays(np.array([0, 1]), np.array([2]))
        with pytest.raises(ValueError, match="values"):
            IntervalMeter.from_arrays(np.array([0]), np.array([2]), np.array([1, 2]))

    def test_nan(self):
        with pytest.raises(ValueError, match=r"stops.*NaN"):
            IntervalMeter.from_arrays(np.array([0.0]), np.array([np.nan]))
        with pytest.raises(ValueError, match=r"values.*NaN"):
            IntervalMeter.from_arrays(np.array([0.0]), np.array([1.0]), np.array([np.inf]))

    def test_nat(self):
        s = np.array(["2024-01-01", "NaT"], dtype="datetime64[us]")
        with pytest.raises(ValueError, match=r"starts.*NaT"):
            IntervalMeter.from_arrays(s, s)

    def test_pandas_missing_values(self):
        with pytest.raises(ValueError, match=r"starts.*missing"):
            IntervalMeter.from_arrays(pd.Series([0, None]), pd.Series([1, 2]))

    def test_arrow_nulls(self):
        with pytest.raises(ValueError, match=r"starts.*missing"):
            IntervalMeter.from_arrays(pa.array([0, None]), pa.array([1, 2]))

    def test_reversed(self):
        with pytest.raises(ValueError, match=r"interval 1 .*start after stop"):
            IntervalMeter.from_arrays(np.array([0, 5]), np.array([1, 2]))

    def test_mixed_numbers_and_datetimes(self):
        s = np.array(["2024-01-01"], dtype="datetime64[us]")
        with pytest.raises(TypeError, match="numbers and datetimes"):
            IntervalMeter.from_arrays(s, np.array([5]))

    def test_datetime_values(self):
        s = np.array(["2024-01-01"], dtype="datetime64[us]")
        with pytest.raises(TypeError, match="values"):
            IntervalMeter.from_arrays(np.array([0]), np.array([1]), s)

    def test_booleans(self):
        with pytest.raises(TypeError, match=r"starts.*booleans"):
            IntervalMeter.from_arrays(np.array([True]), np.array([1]))

    def test_two_dimensional(self):
        with pytest.raises(ValueError, match="one-dimensional"):
            IntervalMeter.from_arrays(np.zeros((2, 2)), np.ones((2, 2)))

    def test_missing_frame_column(self):
        with pytest.raises(ValueError, match="stop column 'b'"):
            IntervalMeter.from_pandas(pd.DataFrame({"a": [0]}), start="a", stop="b")

    def test_strings(self):
        with pytest.raises(TypeError):
            IntervalMeter.from_arrays("abc", "def")


class TestOutputs:
    def test_values_at_numpy_in_numpy_out(self):
        m = IntervalMeter(objects(STARTS, STOPS, VALUES))
        pts = np.array([-1, 0, 2, 3.5, 4, 6, 8.5, 9, 10])
        got = m.values_at(pts)
        assert isinstance(got, np.ndarray)
        assert got.tolist() == m.values_at(pts.tolist())

    def test_values_at_list_in_list_out(self):
        assert IntervalMeter([(0, 2, 3)]).values_at([1, 5]) == [3, 0]

    def test_values_at_shared_boundary_takes_left_piece(self):
        m = IntervalMeter([(0, 1, 1), (1, 2, 3)])
        assert m.values_at(np.array([1])).tolist() == [1]

    def test_values_at_datetimes(self):
        t0 = datetime(2024, 1, 1)
        m = IntervalMeter([BaseInterval(t0, t0 + timedelta(hours=2), 5)])
        pts = np.array([t0 + timedelta(hours=1), t0 + timedelta(hours=3)], dtype="datetime64[us]")
        assert m.values_at(pts).tolist() == [5, 0]
        with pytest.raises(InvalidTypeError):
            m.values_at(np.array([1.0]))

    def test_values_at_empty_meter(self):
        assert IntervalMeter().values_at(np.array([1, 2])).tolist() == [0, 0]

    def test_contains_many(self):
        s = IntervalSet([(0, 2), (5, 6)])
        pts = np.array([0, 1, 2, 3, 5, 7])
        assert s.contains_many(pts).tolist() == [True, True, True, False, True, False]
        assert s.contains_many([3, 5]) == [False, True]

    def test_to_arrays_round_trip(self):
        m = IntervalMeter(objects(STARTS, STOPS, VALUES))
        s, e, v = m.to_arrays()
        assert IntervalMeter.from_arrays(s, e, v) == m

    def test_to_pandas_round_trip_aware(self):
        tz = ZoneInfo("Europe/Amsterdam")
        t0 = datetime(2024, 10, 27, 0, tzinfo=tz)
        m = IntervalMeter([BaseInterval(t0, t0 + timedelta(hours=4), 2)])
        df = m.to_pandas()
        assert list(df.columns) == ["start", "stop", "value"]
        assert str(df["start"].dt.tz) == "Europe/Amsterdam"
        assert IntervalMeter.from_pandas(df, value="value") == m

    def test_set_to_pandas(self):
        df = IntervalSet([(0, 4), (2, 6), (8, 9)]).to_pandas()
        assert df.to_dict("list") == {"start": [0, 8], "stop": [6, 9]}


def test_package_works_without_numpy():
    code = (
        "import sys; sys.modules['numpy'] = None; sys.modules['pandas'] = None;"
        "sys.modules['pyarrow'] = None\n"
        "import intervalues as iv\n"
        "m = iv.IntervalMeter.from_arrays([0, 2], [4, 6])\n"
        "assert m.values_at([3]) == [2], m\n"
        "try:\n    m.to_arrays()\nexcept ImportError as e:\n    print(e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert "pip install 'intervalues[numpy]'" in out.stdout


class TestPdfFromArrays:
    def test_normalised(self):
        from intervalues import IntervalPdf

        p = IntervalPdf.from_arrays(np.array([0, 2]), np.array([4, 6]))
        assert p == IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])

    def test_negative_raw_weight_rejected_even_if_the_sum_is_positive(self):
        from intervalues import IntervalPdf

        with pytest.raises(ValueError, match="weights must be >= 0"):
            IntervalPdf.from_arrays(np.array([0, 1]), np.array([4, 2]), np.array([2, -1]))


@pytest.mark.skipif(not accel.available(), reason="accelerator not installed")
def test_numpy_decimal_floats_reach_the_kernel(monkeypatch):
    monkeypatch.delenv("INTERVALUES_BACKEND", raising=False)
    calls = []
    real = accel.combine_bytes

    def spy(*args):
        calls.append(args[4:])
        return real(*args)

    monkeypatch.setattr(accel, "combine_bytes", spy)
    m = IntervalMeter.from_arrays(np.array([0, 0]), np.array([1, 1]), np.array([0.1, 0.2]))
    assert calls == [("i", "f")]
    assert list(m) == [BaseInterval(0, 1, 0.3)]


def test_arrow_fixed_offset_zone():
    tz = "-05:00"
    start = pa.array(
        [datetime(2024, 1, 1, 12, tzinfo=timezone.utc)], type=pa.timestamp("us", tz=tz)
    )
    stop = pa.array([datetime(2024, 1, 1, 14, tzinfo=timezone.utc)], type=pa.timestamp("us", tz=tz))
    (piece,) = IntervalMeter.from_arrays(start, stop)
    assert piece.start == datetime(2024, 1, 1, 12, tzinfo=timezone.utc)
    assert piece.start.utcoffset() == timedelta(hours=-5)
