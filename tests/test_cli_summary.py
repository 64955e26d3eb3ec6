"""The command line's summary, computed on columns: same numbers as the library's
methods, readable formatting, and the plot's labels."""

from __future__ import annotations

import heapq
import math
import sys
from datetime import timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from intervalues import IntervalCounter, IntervalMeter
from intervalues.cli import main
from intervalues.cli.summary import _fsum, format_length, top_indexes

np = pytest.importorskip("numpy")

FLOATS = st.floats(allow_nan=False, allow_infinity=False, width=64)


class TestColumnArithmetic:
    @settings(max_examples=300, deadline=None)
    @given(
        st.lists(
            st.one_of(FLOATS, st.sampled_from([0.1, -0.1, 1e308, -1e308, 5e-324])), max_size=60
        )
    )
    def test_fsum_is_math_fsum(self, xs):
        try:
            want = math.fsum(xs)
        except OverflowError:  # fsum's partials overflow even where the exact sum need not
            try:
                got = _fsum(np.array(xs, dtype=np.float64), np)
            except OverflowError:
                return
            assert math.isfinite(got)
            return
        got = _fsum(np.array(xs, dtype=np.float64), np)
        assert (got == want and math.copysign(1, got) == math.copysign(1, want)) or got == want == 0

    @settings(max_examples=200, deadline=None)
    @given(st.lists(st.integers(-3, 3), max_size=40), st.integers(1, 5))
    def test_top_indexes_is_nlargest(self, values, n):
        want = heapq.nlargest(n, range(len(values)), key=values.__getitem__)
        assert top_indexes(np.array(values, dtype=np.int64), n, np) == want
        assert top_indexes(values, n, None) == want


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert code == 0, err
    return out


class TestFormatting:
    def test_one_piece_and_separators(self, tmp_path, capsys):
        path = tmp_path / "one.csv"
        path.write_text("s,e,v\n0,1,12507375697168.73\n")
        out = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v")
        assert "IntervalMeter of 1 piece from 0 to 1" in out
        assert "12,507,375,697,168.73 on 1 stretch: [0, 1]" in out

    def test_long_durations(self):
        length = timedelta(days=834143, hours=23, minutes=39, seconds=22, microseconds=600000)
        assert format_length(length) == "834,143 days 23:39:22.6 (20,019,455.66 h)"
        assert format_length(timedelta(hours=6, minutes=30)) == "6:30:00 (6.50 h)"
        assert format_length(timedelta(days=1)) == "1 day 0:00:00 (24.00 h)"

    def test_numbers_match_the_library(self, tmp_path, capsys):
        rows = [(i * 37 % 101, i * 37 % 101 + i % 13, (i % 7) / 4) for i in range(500)]
        path = tmp_path / "m.csv"
        path.write_text("s,e,v\n" + "".join(f"{a},{b},{v}\n" for a, b, v in rows))
        out = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v")
        m = IntervalMeter.from_arrays(*zip(*rows))
        assert f"total measure      {m.total_length():,}  (length x value)" in out
        assert f"covered length     {m.coverage_length():,}" in out
        peak = m.maximum_value()
        assert f"peak value         {peak:,} on " in out

    def test_without_numpy(self, tmp_path, capsys, monkeypatch):
        rows = [(i, i + 3, i % 4 + 0.5) for i in range(50)]
        path = tmp_path / "m.csv"
        path.write_text("s,e,v\n" + "".join(f"{a},{b},{v}\n" for a, b, v in rows))
        with_numpy = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v")
        monkeypatch.setitem(sys.modules, "numpy", None)
        monkeypatch.setitem(sys.modules, "pyarrow", None)
        without = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--value", "v")
        assert with_numpy == without


class TestPlot:
    @pytest.mark.parametrize("options,label", [(["--value", "weight"], "weight"), ([], "count")])
    def test_y_label_is_the_value_column(self, options, label, tmp_path, capsys, monkeypatch):
        pytest.importorskip("matplotlib")
        from matplotlib.figure import Figure

        labels = []

        def savefig(self, path, **kwargs):
            labels.append(self.axes[0].get_ylabel())

        monkeypatch.setattr(Figure, "savefig", savefig)
        path = tmp_path / "w.csv"
        path.write_text("s,e,weight\n0,2,3\n1,4,1\n")
        run(
            capsys,
            "combine",
            path,
            "--start",
            "s",
            "--stop",
            "e",
            *options,
            "--plot",
            tmp_path / "p.png",
        )
        assert labels == [label]


def test_counter_result_equals_the_library(tmp_path, capsys):
    path = tmp_path / "c.csv"
    path.write_text("s,e\n0,4\n2,6\n")
    out = run(capsys, "combine", path, "--start", "s", "--stop", "e", "--out", tmp_path / "o.csv")
    assert IntervalCounter([(0, 4), (2, 6)]).total_length() == 8
    assert "total measure      8  (length x value)" in out
    assert (tmp_path / "o.csv").read_bytes() == b"start,stop,value\r\n0,2,1\r\n2,4,2\r\n4,6,1\r\n"
