"""Tests for ``intervalues.plotting``: what is drawn equals the pieces, and PNGs render.

Figures are made with ``matplotlib.figure.Figure`` (no pyplot state, Agg canvas) and the
drawn data is read back from ``ax.lines`` / ``ax.collections``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from intervalues import (
    BaseDiscreteInterval,
    BaseInterval,
    IntervalCounter,
    IntervalMeter,
    IntervalSet,
)
from intervalues.interval_pdf import IntervalPdf
from intervalues.interval_pmf import IntervalPmf
from intervalues.plotting import plot_steps, step_vertices

mpl = pytest.importorskip("matplotlib")
mdates = pytest.importorskip("matplotlib.dates")
from matplotlib.figure import Figure  # noqa: E402  (after the importorskip)

ROOT = Path(__file__).resolve().parent.parent
NEW_YORK = ZoneInfo("America/New_York")
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


def new_axes() -> object:
    return Figure(figsize=(6, 3)).add_subplot()


def pieces_of_steps(xs: list, ys: list) -> list[tuple]:
    """Read the constant pieces back from ``where="post"`` step data (zeros are gaps)."""
    return [
        (xs[i], xs[i + 1], ys[i]) for i in range(len(xs) - 1) if xs[i] != xs[i + 1] and ys[i] != 0
    ]


def pieces(collection: object) -> list[tuple]:
    return [(p.start, p.stop, p.value) for p in collection]


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data[:8] == PNG_SIGNATURE
    assert len(data) > 5_000  # a real picture, not an empty canvas


def reference_vertices(pieces: list[tuple]) -> tuple[list, list]:
    """The step data written out piece by piece (what ``step_vertices`` vectorises)."""
    xs: list = []
    ys: list = []
    for start, stop, value in pieces:
        if not xs:
            xs += [start, start]
            ys.append(0)
        elif xs[-1] != start:
            ys.append(0)
            xs.append(start)
        ys.append(value)
        xs.append(stop)
    return xs, ([*ys, 0] if xs else ys)


class TestStepVertices:
    def test_touching_pieces_and_a_gap(self) -> None:
        xs, ys = step_vertices([0, 1, 4], [1, 2, 6], [5, 3, 1])
        assert xs.tolist() == [0, 0, 1, 2, 4, 6]
        assert ys.tolist() == [0, 5, 3, 0, 1, 0]
        assert pieces_of_steps(xs.tolist(), ys.tolist()) == [(0, 1, 5), (1, 2, 3), (4, 6, 1)]

    def test_negative_values_and_the_ends_at_zero(self) -> None:
        xs, ys = step_vertices([-3], [-1], [-2.5])
        assert (xs.tolist(), ys.tolist()) == ([-3, -3, -1], [0, -2.5, 0])

    def test_empty(self) -> None:
        assert [a.tolist() for a in step_vertices([], [], [])] == [[], []]

    @pytest.mark.parametrize("seed", range(20))
    def test_matches_the_piece_by_piece_reference(self, seed: int) -> None:
        import random

        rng = random.Random(seed)
        meter = IntervalMeter(
            [
                (a, a + rng.randint(1, 8), rng.choice([1, 2, -1, 0.5]))
                for a in (rng.randint(0, 60) for _ in range(rng.randint(1, 12)))
            ]
        )
        xs, ys = step_vertices(*meter.to_arrays())
        assert (xs.tolist(), ys.tolist()) == reference_vertices(pieces(meter))
        assert pieces_of_steps(xs.tolist(), ys.tolist()) == pieces(meter)


class TestStepFunctions:
    def test_meter_line_is_the_pieces_with_gaps_at_zero(self) -> None:
        meter = IntervalMeter([(0, 2, 1), (1, 3, 2.5), (5, 6, 1), (8, 9, -1)])
        ax = plot_steps(meter, ax=new_axes())
        (line,) = ax.lines
        xs, ys = line.get_xdata().tolist(), line.get_ydata().tolist()
        assert line.get_drawstyle() == "steps-post"
        assert pieces_of_steps(xs, ys) == pieces(meter)
        assert ys[0] == 0 and ys[-1] == 0  # rises from and returns to zero
        steps = [(xs[i], xs[i + 1], ys[i]) for i in range(len(xs) - 1)]
        assert (3, 5, 0) in steps and (6, 8, 0) in steps  # the gaps are drawn at 0
        assert ax.get_ylabel() == "value"

    def test_counter_and_kwargs(self) -> None:
        counter = IntervalCounter([(0, 10), (5, 15), (8, 9)])
        ax = plot_steps(counter, ax=new_axes(), color="red", label="planes")
        (line,) = ax.lines
        assert pieces_of_steps(line.get_xdata().tolist(), line.get_ydata().tolist()) == pieces(
            counter
        )
        assert line.get_color() == "red" and line.get_label() == "planes"
        assert ax.get_ylabel() == "count"

    def test_pdf_draws_densities(self) -> None:
        pdf = IntervalPdf([BaseInterval(0, 4), BaseInterval(2, 6)])
        ax = plot_steps(pdf, ax=new_axes())
        (line,) = ax.lines
        drawn = pieces_of_steps(line.get_xdata().tolist(), line.get_ydata().tolist())
        assert drawn == [(0, 2, 0.125), (2, 4, 0.25), (4, 6, 0.125)]
        assert ax.get_ylabel() == "density"

    def test_existing_ylabel_is_kept(self) -> None:
        ax = new_axes()
        ax.set_ylabel("aircraft")
        plot_steps(IntervalCounter([(0, 1)]), ax=ax)
        assert ax.get_ylabel() == "aircraft"

    def test_empty_collection_returns_the_axes(self) -> None:
        ax = new_axes()
        assert plot_steps(IntervalMeter(), ax=ax) is ax
        (line,) = ax.lines
        assert len(line.get_xdata()) == 0


class TestDatetimeAxes:
    def test_naive_datetimes(self) -> None:
        t = datetime(2024, 5, 1, 8)
        counter = IntervalCounter(
            [(t, t + timedelta(hours=2)), (t + timedelta(hours=1), t + timedelta(hours=4))]
        )
        ax = plot_steps(counter, ax=new_axes())
        (line,) = ax.lines
        xs = line.get_xdata()  # datetime64 from to_arrays(), no object per piece
        assert xs.dtype.kind == "M"
        drawn = pieces_of_steps(xs.astype(datetime).tolist(), line.get_ydata().tolist())
        assert drawn == pieces(counter)
        assert isinstance(ax.xaxis.get_major_formatter(), mdates.ConciseDateFormatter)

    def test_aware_datetimes_are_labelled_in_their_zone(self) -> None:
        t = datetime(2013, 7, 1, 9, 0, tzinfo=NEW_YORK)
        counter = IntervalCounter([(t, t + timedelta(hours=3))])
        ax = plot_steps(counter, ax=new_axes())
        (line,) = ax.lines  # drawn at the UTC instants ...
        assert line.get_xdata().astype(datetime).tolist()[1] == datetime(2013, 7, 1, 13)
        assert ax.xaxis.get_major_locator().tz == NEW_YORK  # ... and labelled in the zone
        # 09:00 in New York is 13:00 UTC; the axis reads it back as local time
        assert ax.format_xdata(mdates.date2num(t)).startswith("2013-07-01 09:00")
        utc_axis = plot_steps(counter.to_timezone(timezone.utc), ax=new_axes())
        assert utc_axis.format_xdata(mdates.date2num(t)).startswith("2013-07-01 13:00")

    def test_set_of_datetimes(self) -> None:
        t = datetime(2024, 1, 1)
        ax = plot_steps(IntervalSet([(t, t + timedelta(days=2))]), ax=new_axes())
        (bars,) = ax.collections
        extents = bars.get_paths()[0].get_extents()
        assert (extents.x0, extents.x1) == pytest.approx(
            (mdates.date2num(t), mdates.date2num(t + timedelta(days=2)))
        )


class TestSets:
    def test_spans_of_height_one(self) -> None:
        covered = IntervalSet([(0, 4), (2, 6), (8, 9)])
        ax = plot_steps(covered, ax=new_axes())
        (bars,) = ax.collections
        boxes = [path.get_extents() for path in bars.get_paths()]
        assert [(b.x0, b.x1, b.y0, b.y1) for b in boxes] == [(0, 6, 0, 1), (8, 9, 0, 1)]
        assert ax.get_ylabel() == "covered"

    def test_one_point_pieces_are_vertical_lines(self) -> None:
        covered = IntervalSet([(0, 4), (2, 6), (8, 9)]) & IntervalSet([(5, 8)])
        assert pieces(covered) == [(5, 6, 1), (8, 8, 1)]
        ax = plot_steps(covered, ax=new_axes())
        bars, points = ax.collections
        assert [(p.get_extents().x0, p.get_extents().x1) for p in bars.get_paths()] == [(5, 6)]
        assert [seg.tolist() for seg in points.get_segments()] == [[[8, 0], [8, 1]]]


class TestDiscrete:
    def test_counter_stems_sum_points_of_different_lattices(self) -> None:
        counter = IntervalCounter(
            [BaseDiscreteInterval(0, 10, step=2), BaseDiscreteInterval(3, 9, step=3)]
        )
        ax = plot_steps(counter, ax=new_axes())
        (markers,) = ax.lines
        expected = {x: counter[x] for x in range(11) if counter[x]}
        assert dict(zip(markers.get_xdata().tolist(), markers.get_ydata().tolist())) == expected
        assert expected[6] == 2  # on both lattices
        (stems,) = ax.collections
        assert [seg.tolist() for seg in stems.get_segments()] == [
            [[x, 0], [x, y]] for x, y in sorted(expected.items())
        ]

    def test_discrete_set_points_at_height_one(self) -> None:
        ax = plot_steps(IntervalSet(BaseDiscreteInterval(0, 6, step=3)), ax=new_axes())
        (markers,) = ax.lines
        assert markers.get_xdata().tolist() == [0, 3, 6]
        assert markers.get_ydata().tolist() == [1, 1, 1]

    def test_pmf_stems_are_the_masses(self) -> None:
        pmf = IntervalPmf([BaseDiscreteInterval(0, 4, step=2), BaseDiscreteInterval(2, 3, value=2)])
        ax = plot_steps(pmf, ax=new_axes())
        (markers,) = ax.lines
        assert list(zip(markers.get_xdata().tolist(), markers.get_ydata().tolist())) == list(
            pmf.items()
        )
        assert ax.get_ylabel() == "probability"


class TestRendering:
    def test_png_of_every_kind(self, tmp_path: Path) -> None:
        t = datetime(2013, 1, 1, 5, tzinfo=NEW_YORK)
        figure = Figure(figsize=(8, 6))
        axes = figure.subplots(2, 2).ravel()
        plot_steps(IntervalMeter([(0, 2, 1), (1, 3, 2.5), (5, 6, 1)]), ax=axes[0])
        plot_steps(
            IntervalCounter([(t + timedelta(hours=h), t + timedelta(hours=h + 3)) for h in (0, 1)]),
            ax=axes[1],
        )
        plot_steps(IntervalSet([(0, 4), (6, 9)]), ax=axes[2])
        plot_steps(IntervalCounter(BaseDiscreteInterval(0, 10, step=2)), ax=axes[3])
        out = tmp_path / "kinds.png"
        figure.savefig(out, dpi=80)
        assert_png(out)

    def test_default_axes_come_from_pyplot(self, tmp_path: Path) -> None:
        plt = pytest.importorskip("matplotlib.pyplot")
        figure = plt.figure()
        try:
            ax = plot_steps(IntervalCounter([(0, 10), (5, 15)]))
            assert ax is plt.gca() and ax.figure is figure
            out = tmp_path / "pyplot.png"
            figure.savefig(out)
            assert_png(out)
        finally:
            plt.close(figure)

    def test_agg_backend_without_a_display(self) -> None:
        env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
        env.pop("MPLBACKEND", None)
        env["PYTHONPATH"] = str(ROOT)
        code = (
            "from intervalues.plotting import require_matplotlib; "
            "print(require_matplotlib().get_backend())"
        )
        if sys.platform in ("win32", "darwin"):
            pytest.skip("there is always a display here")
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip().lower() == "agg"


class TestErrors:
    def test_not_a_collection(self) -> None:
        with pytest.raises(TypeError, match="plot_steps\\(\\) draws an IntervalMeter"):
            plot_steps([BaseInterval(0, 1)], ax=new_axes())

    def test_missing_matplotlib_names_the_extra(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setitem(sys.modules, "matplotlib", None)
        with pytest.raises(ImportError, match=r"pip install 'intervalues\[plot\]'"):
            plot_steps(IntervalCounter([(0, 1)]))
