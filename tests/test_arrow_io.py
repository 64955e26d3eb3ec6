"""Arrow tables and polars DataFrames in and out (``to_arrow``/``from_arrow``,
``to_polars``/``from_polars``): round trips keep values, types and zones."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from intervalues import BaseInterval, IntervalCounter, IntervalMeter, IntervalPdf, IntervalSet

pa = pytest.importorskip("pyarrow")


def typed(coll):
    return [(type(p.start), p.start, type(p.stop), p.stop, type(p.value), p.value) for p in coll]


METERS = {
    "ints": IntervalMeter([(0, 4, 2), (2, 6, 3)]),
    "floats": IntervalMeter([(0.5, 4.0, 0.1), (2.25, 6.5, 0.2)]),
    "mixed values": IntervalMeter([(0, 4, 2), (2, 6, 0.5)]),
    "naive": IntervalMeter([(datetime(2024, 1, 1), datetime(2024, 1, 3), 2)]),
    "named zone": IntervalMeter(
        [
            (
                datetime(2024, 3, 30, 22, tzinfo=ZoneInfo("Europe/Amsterdam")),
                datetime(2024, 3, 31, 5, tzinfo=ZoneInfo("Europe/Amsterdam")),
            )
        ]
    ),
    "fixed offset": IntervalMeter(
        [
            (
                datetime(2024, 1, 1, 8, tzinfo=timezone(timedelta(hours=-5))),
                datetime(2024, 1, 1, 9, tzinfo=timezone(timedelta(hours=-5))),
            )
        ]
    ),
    "empty": IntervalMeter(),
}


class TestArrow:
    @pytest.mark.parametrize("name", METERS)
    def test_meter_round_trip(self, name):
        m = METERS[name]
        t = m.to_arrow()
        assert t.column_names == ["start", "stop", "value"]
        back = IntervalMeter.from_arrow(t, value="value")
        assert back == m
        if name != "mixed values":  # an Arrow column has one type: the ints become floats
            assert typed(back) == typed(m)
        if m and isinstance(m.bounds[0], datetime) and m.bounds[0].tzinfo is not None:
            assert str(back.bounds[0]) == str(m.bounds[0])  # shown in the same zone

    def test_columns_are_typed(self):
        t = METERS["named zone"].to_arrow()
        assert t.schema.field("start").type == pa.timestamp("us", tz="Europe/Amsterdam")
        assert METERS["floats"].to_arrow().schema.field("value").type == pa.float64()
        assert METERS["mixed values"].to_arrow().schema.field("value").type == pa.float64()

    def test_counter_set_and_pdf(self):
        c = IntervalCounter([(0, 4), (2, 6)])
        assert IntervalCounter.from_arrow(c.to_arrow(), value="value") == c
        s = IntervalSet([(0, 3), (2, 5), (8, 9)])
        assert s.to_arrow().to_pydict() == {"start": [0, 8], "stop": [5, 9]}
        assert IntervalSet.from_arrow(s.to_arrow()) == s
        p = IntervalPdf.from_arrow(pa.table({"start": [0, 2], "stop": [4, 6]}))
        assert p == IntervalPdf.from_arrays([0, 2], [4, 6])

    def test_big_ints_have_no_arrow_type(self):
        with pytest.raises(ValueError, match="beyond 64 bits"):
            IntervalMeter([(0, 1, 2**70)]).to_arrow()

    def test_missing_column(self):
        with pytest.raises(ValueError, match="stop column 'b' is not in the table"):
            IntervalMeter.from_arrow(pa.table({"a": [0]}), "a", "b")

    def test_not_a_table(self):
        with pytest.raises(TypeError, match="needs a pyarrow Table"):
            IntervalMeter.from_arrow({"start": [0], "stop": [1]})

    def test_nulls_are_refused(self):
        with pytest.raises(ValueError, match="missing"):
            IntervalMeter.from_arrow(pa.table({"start": [0, None], "stop": [1, 2]}))


class TestPolars:
    pl = pytest.importorskip("polars")

    def test_round_trip(self):
        m = METERS["floats"]
        df = m.to_polars()
        assert df.columns == ["start", "stop", "value"]
        assert typed(IntervalMeter.from_polars(df, value="value")) == typed(m)

    def test_aware_datetimes(self):
        pl = self.pl
        zone = "America/New_York"
        df = pl.DataFrame(
            {
                "dep": [datetime(2013, 1, 1, 5), datetime(2013, 1, 1, 6)],
                "arr": [datetime(2013, 1, 1, 8), datetime(2013, 1, 1, 7)],
            }
        ).with_columns(pl.col("dep", "arr").dt.replace_time_zone(zone))
        c = IntervalCounter.from_polars(df, "dep", "arr")
        t = datetime(2013, 1, 1, 5, tzinfo=ZoneInfo(zone))
        assert list(c) == [
            BaseInterval(t, t + timedelta(hours=1), 1),
            BaseInterval(t + timedelta(hours=1), t + timedelta(hours=2), 2),
            BaseInterval(t + timedelta(hours=2), t + timedelta(hours=3), 1),
        ]
        assert c.to_polars().schema["start"] == pl.Datetime("us", zone)

    def test_set(self):
        s = IntervalSet([(0, 3), (2, 5)])
        assert IntervalSet.from_polars(s.to_polars()) == s

    def test_missing_column(self):
        with pytest.raises(ValueError, match="start column 'x'"):
            IntervalMeter.from_polars(self.pl.DataFrame({"a": [0]}), "x", "a")
