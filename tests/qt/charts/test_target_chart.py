"""The chart of one series across years: outcomes as a line, targets as bands, floors and ceilings."""

from __future__ import annotations

import struct
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.targets.chart import MarkShape, OutcomePoint, SeriesChart, TargetMark
from desktop_app.qt.charts.targets import SeriesChartPlot, export_series_png, export_series_svg

GDP = "今年发展主要预期目标是：国内生产总值增长6.5%左右，城镇新增就业1100万人以上。"
HOSTILE = "<b>粗体</b> & <script>alert(1)</script>"


def _chart(sentence: str = GDP) -> SeriesChart:
    targets = (
        TargetMark(2017, 6.5, 6.0, 7.0, MarkShape.BAND, "6.5%左右", sentence, ("gdp", 2017, "target")),
        TargetMark(
            2018, 6.75, 6.5, 7.0, MarkShape.BAND, "6.5%－7%", "区间", ("gdp", 2018, "target"), stated=False
        ),
        TargetMark(2019, 6.0, 6.0, 6.0, MarkShape.FLOOR, "6%以上", "下限", ("gdp", 2019, "target")),
        TargetMark(2020, 3.0, 3.0, 3.0, MarkShape.CEILING, "3%以内", "上限", ("gdp", 2020, "target")),
        TargetMark(2021, 5.0, 5.0, 5.0, MarkShape.POINT, "5%", "确数", ("gdp", 2021, "target")),
    )
    outcomes = (
        OutcomePoint(2017, 6.9, "6.9%", "增长6.9%。", ("gdp", 2017, "outcome")),
        OutcomePoint(2018, 6.6, "6.6%", "增长6.6%。", ("gdp", 2018, "outcome")),
        OutcomePoint(2020, 2.3, "2.3%", "增长2.3%。", ("gdp", 2020, "outcome")),
    )
    return SeriesChart("gdp", "国内生产总值增长", "%", targets, outcomes)


@pytest.fixture
def plot(qapp: QApplication, qtbot: QtBot) -> SeriesChartPlot:
    widget = SeriesChartPlot(_chart())
    qtbot.addWidget(widget)
    widget.resize(640, 320)
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()  # painted once: the value axis takes its final width as its labels are drawn
    return widget


def _widget_point(plot: SeriesChartPlot, x: float, y: float) -> QPoint:
    view = plot.getPlotItem().getViewBox()
    return QPoint(plot.mapFromScene(view.mapViewToScene(QPointF(x, y))))


def test_an_unreviewed_outcome_is_a_hollow_point(
    qapp: QApplication, qtbot: QtBot, plot: SeriesChartPlot
) -> None:
    assert plot.hollow_outcome_years() == []  # every point filled
    chart = _chart()
    first, *rest = chart.outcomes
    tagged = OutcomePoint(2017, 6.9, "[unreviewed] 6.9%", "增长6.9%。", first.ref, unreviewed=True)
    widget = SeriesChartPlot(SeriesChart(chart.key, chart.title, chart.unit, chart.targets, (tagged, *rest)))
    qtbot.addWidget(widget)
    assert widget.hollow_outcome_years() == [2017]
    assert widget.outcome_data() == plot.outcome_data()  # the line is the same


def test_outcomes_are_one_line_broken_where_a_year_is_missing(plot: SeriesChartPlot) -> None:
    assert plot.outcome_data() == [(2017, 6.9), (2018, 6.6), (2020, 2.3)]
    xs, ys = plot.outcome_item.getData()
    assert list(xs) == [2017, 2018, 2019, 2020]
    assert ys[2] != ys[2]  # NaN: 2019 states no outcome, and the line is not drawn through it


def test_targets_are_bands_floors_ceilings_and_points(plot: SeriesChartPlot) -> None:
    assert plot.band_data() == [(2017, 6.0, 7.0), (2018, 6.5, 7.0)]
    assert plot.symbol_data(MarkShape.FLOOR) == [(2019, 6.0)]
    assert plot.symbol_data(MarkShape.CEILING) == [(2020, 3.0)]
    assert plot.symbol_data(MarkShape.POINT) == [(2021, 5.0)]
    # A stated 左右 value is drawn inside its band; a range states only its ends.
    xs, ys = plot.band_lines.getData()
    assert sorted(set(ys)) == [6.5] and min(xs) > 2016 and max(xs) < 2018


def test_legend_names_every_kind_of_mark(plot: SeriesChartPlot) -> None:
    assert plot.legend_labels() == [
        "目标（左右，含容差）",
        "目标下限（以上）",
        "目标上限（以内）",
        "目标",
        "实际",
    ]


def test_english_legend(qapp: QApplication, qtbot: QtBot) -> None:
    widget = SeriesChartPlot(_chart(), lang="en")
    qtbot.addWidget(widget)
    assert "Outcome" in widget.legend_labels()
    assert "Target floor (at least)" in widget.legend_labels()


def test_hover_shows_the_sentence(plot: SeriesChartPlot, qtbot: QtBot) -> None:
    # The pointer enters the chart first: run after tests/qt/targets/test_targets_window.py, the first
    # move into a new chart brought no hover (the test timed out; the cursor was elsewhere, not there).
    QTest.mouseMove(plot.viewport(), QPoint(1, 1))
    qtbot.wait(50)  # pyqtgraph drops mouse moves that come within 10 ms of the last
    with qtbot.waitSignal(plot.mark_hovered) as blocker:
        QTest.mouseMove(plot.viewport(), _widget_point(plot, 2017, 6.9))
    assert blocker.args == ["2017年实际：6.9% — 增长6.9%。"]
    # Anywhere inside a band hovers its target, and says the tolerance.
    qtbot.wait(50)  # pyqtgraph drops mouse moves that come within 10 ms of the last
    with qtbot.waitSignal(plot.mark_hovered) as blocker:
        QTest.mouseMove(plot.viewport(), _widget_point(plot, 2017.1, 6.2))
    assert blocker.args[0].startswith("2017年目标：6.5%左右（容差范围 6–7）")
    assert GDP in blocker.args[0]
    assert GDP in plot.toolTip()


def test_clicking_marks_and_points_emits_their_refs(plot: SeriesChartPlot, qtbot: QtBot) -> None:
    for (x, y), ref in (
        ((2017, 6.9), ("gdp", 2017, "outcome")),
        ((2019, 6.0), ("gdp", 2019, "target")),
        ((2020, 3.0), ("gdp", 2020, "target")),
        ((2020, 2.3), ("gdp", 2020, "outcome")),
        ((2021, 5.0), ("gdp", 2021, "target")),
    ):
        with qtbot.waitSignal(plot.mark_activated) as blocker:
            QTest.mouseClick(
                plot.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                _widget_point(plot, x, y),
            )
        assert blocker.args == [ref]


def test_empty_space_hits_nothing(plot: SeriesChartPlot) -> None:
    view = plot.getPlotItem().getViewBox()
    assert plot.target_at(view.mapViewToScene(QPointF(2019, 3.0))) is None


def _gdp_since_1992() -> SeriesChart:
    """GDP growth as the national collection has it: the highest outcomes in the first years."""
    targets = tuple(
        TargetMark(y, v, v - 0.5, v + 0.5, MarkShape.BAND, f"{v:g}%左右", "", ("gdp", y, "target"))
        for y, v in ((1995, 8.5), (2003, 7.0), (2013, 7.5), (2022, 5.5))
    )
    outcomes = tuple(
        OutcomePoint(y, v, f"{v:g}%", "", ("gdp", y, "outcome"))
        for y, v in ((1992, 12.8), (1993, 13.4), (1994, 11.8), (2003, 9.1), (2013, 7.7), (2022, 3.0))
    )
    return SeriesChart("gdp", "国内生产总值增长", "%", targets, outcomes)


@pytest.mark.parametrize("size", [(940, 170), (1340, 250), (640, 320), (400, 200)])
def test_the_legend_hides_no_mark(qapp: QApplication, qtbot: QtBot, size: tuple[int, int]) -> None:
    # The window at 1024×600 leaves the chart about 940×170 pixels: the legend's row covered the
    # outcomes of 1992 and 1993 (the headroom was a share of the values' span, not of the pixels).
    chart = _gdp_since_1992()
    widget = SeriesChartPlot(chart)
    qtbot.addWidget(widget)
    widget.resize(*size)
    widget.show()
    qtbot.waitExposed(widget)
    widget.grab()
    view = widget.getPlotItem().getViewBox()
    legend = widget.legend.sceneBoundingRect()
    for point in chart.outcomes:
        here = view.mapViewToScene(QPointF(point.year, point.value))
        assert not legend.adjusted(-5, -5, 5, 5).contains(here), (point.year, size)
        assert view.sceneBoundingRect().contains(here), (point.year, size)  # and still drawn
    for mark in chart.targets:
        assert not legend.contains(view.mapViewToScene(QPointF(mark.year, mark.high))), (mark.year, size)
    assert widget.legend_clearance() >= -0.5


def test_dataset_text_is_never_markup(qapp: QApplication, qtbot: QtBot) -> None:
    chart = _chart(HOSTILE)
    widget = SeriesChartPlot(SeriesChart("x", HOSTILE, "<i>万</i>", chart.targets, chart.outcomes))
    qtbot.addWidget(widget)
    widget.hover(chart.targets[0])
    assert "&lt;script&gt;" in widget.toolTip() and "<script>" not in widget.toolTip()
    label = widget.getPlotItem().getAxis("left").labelText
    assert "<i>" not in label and "&lt;i&gt;" in label


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_export_png_and_svg(qapp: QApplication, tmp_path: Path) -> None:
    png, svg = tmp_path / "gdp.png", tmp_path / "gdp.svg"
    export_series_png(_chart(), str(png), (600, 300))
    assert _png_size(png.read_bytes()) == (1200, 600)  # twice the screen's resolution
    export_series_svg(_chart(), str(svg), (600, 300))
    text = svg.read_text(encoding="utf-8")
    assert text.lstrip().startswith("<?xml") and "<svg" in text
    assert "<title>国内生产总值增长</title>" in text


def test_export_to_a_missing_folder_raises_and_leaves_nothing(qapp: QApplication, tmp_path: Path) -> None:
    with pytest.raises(OSError, match="missing"):
        export_series_png(_chart(), str(tmp_path / "missing" / "x.png"))
    assert not (tmp_path / "missing").exists()
