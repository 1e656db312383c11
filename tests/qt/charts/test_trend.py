"""The trend chart: one bar per report by year, read back from pyqtgraph; hover, click and export."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.library.trend import TrendRow
from desktop_app.qt.charts.trend import TrendChart, bar_positions, trend_hover_text
from desktop_app.qt.charts.trend_view import TrendView


def _row(year: int, report_id: str, occurrences: int, characters: int, title: str = "") -> TrendRow:
    """The core's trend row, its rate worked out as the core does."""
    return TrendRow(year, report_id, title, occurrences, characters, occurrences * 10_000 / characters)


ROWS = [
    _row(2025, "national-2025", 12, 18_625, "2025年政府工作报告"),
    _row(2017, "national-2017", 3, 20_000),
    _row(2019, "national-2019", 0, 19_000),
    _row(2024, "national-2024", 9, 17_726),
]


@pytest.fixture
def chart(qtbot: QtBot) -> TrendChart:
    widget = TrendChart()
    qtbot.addWidget(widget)
    widget.resize(640, 320)
    widget.set_rows("高质量发展", ROWS, "zh")
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_bars_are_the_rates_by_year(chart: TrendChart) -> None:
    assert [r.year for r in chart.rows()] == [2017, 2019, 2024, 2025]
    bars = chart.bar_data()
    assert [round(x) for x, _ in bars] == [2017, 2019, 2024, 2025]
    assert bars[0][1] == pytest.approx(1.5) and bars[1][1] == 0.0
    assert bars[3][1] == pytest.approx(12 * 10_000 / 18_625)
    assert chart.title() == "“高质量发展”每万字出现次数"


def test_reports_of_one_year_stand_side_by_side() -> None:
    centres, width = bar_positions([2024, 2024, 2025])
    assert width == pytest.approx(0.4)
    assert centres[0] < 2024 < centres[1] and centres[2] == pytest.approx(2025)
    assert centres[1] - centres[0] == pytest.approx(width)


def test_hover_says_count_characters_and_rate(chart: TrendChart, qtbot: QtBot) -> None:
    assert trend_hover_text(ROWS[0], "en") == ("2025: 12 occurrences in 18,625 characters, 6.44 per 10,000")
    assert chart.hover_text(3) == "2025年：12 次，共 18,625 字，每万字 6.44 次"
    view = chart.getPlotItem().getViewBox()
    point = chart.mapFromScene(view.mapViewToScene(chart.bar_center(0)))
    # Start from elsewhere, then wait out pyqtgraph's mouse-move rate limit: after another test's
    # hover the cursor may already stand there (no move) or its last move be too recent (dropped).
    QTest.mouseMove(chart.viewport(), QPoint(1, 1))
    qtbot.wait(50)
    with qtbot.waitSignal(chart.hovered) as blocker:
        QTest.mouseMove(chart.viewport(), point)
    assert blocker.args == [chart.hover_text(0)]


def test_a_year_without_the_term_can_still_be_clicked(chart: TrendChart, qtbot: QtBot) -> None:
    view = chart.getPlotItem().getViewBox()
    # High above the empty 2019 bar, in its column.
    point = chart.mapFromScene(view.mapViewToScene(chart.bar_center(1)))
    point = QPoint(point.x(), point.y() - 100)
    with qtbot.waitSignal(chart.report_activated) as blocker:
        QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert blocker.args == ["national-2019"]


def test_png_and_svg_export(chart: TrendChart) -> None:
    image = QImage.fromData(chart.png_bytes(2.0))
    assert image.width() == 2 * chart.width() and image.height() == 2 * chart.height()
    svg = chart.svg_bytes().decode("utf-8")
    root = ET.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "2025" in svg


def test_trend_view_table_click_and_exports(qtbot: QtBot, tmp_path: Path, qtmodeltester: ModelTester) -> None:
    view = TrendView()
    qtbot.addWidget(view)
    view.set_rows(
        "高质量发展",
        ROWS,
        collection="国务院政府工作报告",
        lang="zh",
        csv_writer=lambda rows: "year,rate\r\n" + "".join(f"{r.year},{r.rate}\r\n" for r in rows),
    )
    assert view.objectName() == "trendView"
    qtmodeltester.check(view.table_model())
    table = view.table()
    # Newest first; the title where there is one, else the id.
    assert [table.model().index(r, 0).data() for r in range(4)] == ["2025", "2024", "2019", "2017"]
    assert table.model().index(0, 4).data() == "2025年政府工作报告"
    assert table.model().index(1, 4).data() == "national-2024"
    assert table.model().index(0, 3).data() == "6.44"
    with qtbot.waitSignal(view.report_activated) as blocker:
        table.activated.emit(table.model().index(2, 0))
    assert blocker.args == ["national-2019"]
    for file_format in ("png", "svg", "csv"):
        view.export(file_format, tmp_path / f"trend.{file_format}")
    assert not QImage(str(tmp_path / "trend.png")).isNull()
    assert ET.parse(tmp_path / "trend.svg").getroot().tag.endswith("svg")
    csv_text = (tmp_path / "trend.csv").read_bytes().decode("utf-8")
    assert csv_text.startswith("\ufeffyear,rate") and "2025," in csv_text
