"""The Targets & outcomes view through its real widgets: table, filters, chart, click-through, CSV."""

from __future__ import annotations

import csv
import dataclasses
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.targets import FigureRef, Pair, Verdict, verdict
from desktop_app.core.targets.chart import MarkShape
from desktop_app.core.targets.csv import COLUMNS
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.targets import TargetsView


def _missed(pairs: list[Pair]) -> Pair:
    """A GDP pair with a made-up outcome below the 2018 target's tolerance (the core judges it)."""
    base = next(p for p in pairs if p.series.key == "gdp_growth" and p.year == 2018)
    assert base.target is not None and base.outcome is not None
    outcome = dataclasses.replace(base.outcome, value=5.0, text="5%")
    found, rule = verdict(base.target, outcome, base.series)
    return dataclasses.replace(base, year=2030, outcome=outcome, verdict=found, rule=rule)


@pytest.fixture
def view(qapp: QApplication, qtbot: QtBot, pairs: list[Pair]) -> TargetsView:
    widget = TargetsView(lang=Language.ZH)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.set_pairs([*pairs, _missed(pairs)])
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _row(view: TargetsView, key: str, year: int) -> list[str]:
    index = view.cell_index(key, year, 0)
    assert index.isValid(), (key, year)
    model = view.proxy()
    return [str(model.index(index.row(), c).data()) for c in range(model.columnCount())]


def _click(view: TargetsView, index: QModelIndex) -> None:
    table = view.table()
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(index).center(),
    )


def test_object_names(view: TargetsView) -> None:
    assert view.objectName() == "targetsView"
    assert view.table().objectName() == "targetsTable"
    chart = view.chart()
    assert chart is not None and chart.objectName() == "seriesChart"
    for name in ("targetsSeriesFilter", "targetsVerdictFilter", "targetsYearFilter"):
        assert view.findChild(QComboBox, name) is not None


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, pairs: list[Pair]) -> None:
    model = TargetsTableModel()
    model.set_pairs(pairs)
    qtmodeltester.check(model)


def test_gdp_growth_targets_and_outcomes_read_as_a_table(view: TargetsView) -> None:
    row = _row(view, "gdp_growth", 2015)
    assert row[:5] == ["国内生产总值增长", "2015", "7%左右", "6.9%", "达成"]
    assert "容差" in row[5]  # the rule next to the verdict
    assert _row(view, "gdp_growth", 2016)[2:5] == ["6.5%－7%", "6.7%", "达成"]
    no_later = _row(view, "gdp_growth", 2019)
    assert no_later[3:5] == ["—", "无后续报告"]


def test_cpi_below_is_not_missed(view: TargetsView) -> None:
    row = _row(view, "cpi", 2016)
    assert row[2:5] == ["3%左右", "2%", "低于目标"]
    assert "不算未达成" in row[5]


def test_verdict_has_colour_icon_and_word(view: TargetsView) -> None:
    index = view.cell_index("gdp_growth", 2015, TargetsTableModel.VERDICT)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "达成"
    assert not index.data(Qt.ItemDataRole.DecorationRole).isNull()
    assert index.data(Qt.ItemDataRole.ForegroundRole).color().green() > 100
    missed = view.cell_index("gdp_growth", 2030, TargetsTableModel.VERDICT)
    assert missed.data() == "未达成"
    assert missed.data(Qt.ItemDataRole.ForegroundRole).color().red() > 150


def test_gdp_growth_chart_has_outcomes_and_target_marks(view: TargetsView) -> None:
    view.filter_series("gdp_growth")
    chart = view.chart()
    series = view.chart_series()
    assert chart is not None and series is not None and series.key == "gdp_growth"
    assert chart.outcome_data()[:4] == [(2015, 6.9), (2016, 6.7), (2017, 6.9), (2018, 6.6)]
    bands = dict((year, (low, high)) for year, low, high in chart.band_data())
    assert bands[2015] == (6.5, 7.5)  # 7%左右 with the series' tolerance ±0.5
    assert bands[2016] == (6.5, 7.0)  # the range 6.5%－7%
    assert (2021, 6.0) in chart.symbol_data(MarkShape.FLOOR)  # 6%以上


def test_new_pairs_of_the_same_first_series_redraw_its_chart(view: TargetsView, pairs: list[Pair]) -> None:
    # Before: the chart was kept when the first series was the one already drawn, so pairs loaded
    # again (the unreviewed toggle, a report added) left the old chart under the new table.
    first = view.chart_series()
    assert first is not None and view.chart() is not None
    assert view.chart().outcome_data()  # type: ignore[union-attr]
    without = [dataclasses.replace(p, outcome=None) if p.series.key == first.key else p for p in pairs]
    view.set_pairs(without)
    assert view.chart_series() is not None and view.chart_series().key == first.key  # type: ignore[union-attr]
    chart = view.chart()
    assert chart is not None and chart.outcome_data() == []


def test_the_verdict_column_fits_a_verdict_marked_unreviewed(view: TargetsView, pairs: list[Pair]) -> None:
    # Before: the column was as wide as the longest verdict word, so 未写明结果 [未审核] was cut short.
    marked = [
        dataclasses.replace(p, unreviewed=True) if p.verdict is Verdict.NO_OUTCOME_STATED else p
        for p in pairs
    ]
    view.set_pairs(marked)
    index = next(
        view.proxy().index(row, TargetsTableModel.VERDICT)
        for row in range(view.proxy().rowCount())
        if view.proxy().index(row, TargetsTableModel.VERDICT).data() == "未写明结果 [未审核]"
    )
    table = view.table()
    needed = table.fontMetrics().horizontalAdvance(str(index.data())) + table.iconSize().width()
    assert table.columnWidth(TargetsTableModel.VERDICT) > needed


def test_clicking_target_and_outcome_cells_requests_their_sentences(view: TargetsView, qtbot: QtBot) -> None:
    target_cell = view.cell_index("gdp_growth", 2015, TargetsTableModel.TARGET)
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        _click(view, target_cell)
    target = blocker.args[0]
    assert isinstance(target, FigureRef)
    assert target.report_year == 2015 and "国内生产总值增长7%左右" in target.sentence
    outcome_cell = view.cell_index("gdp_growth", 2015, TargetsTableModel.OUTCOME)
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        _click(view, outcome_cell)
    assert blocker.args[0].report_year == 2016 and "增长6.9%" in blocker.args[0].sentence


def test_a_click_on_an_empty_cell_requests_nothing(view: TargetsView, qtbot: QtBot) -> None:
    empty = view.cell_index("gdp_growth", 2019, TargetsTableModel.OUTCOME)
    with qtbot.assertNotEmitted(view.sentence_requested):
        _click(view, empty)


def test_clicking_the_chart_requests_the_sentence_and_selects_the_row(
    view: TargetsView, qtbot: QtBot
) -> None:
    view.filter_series("gdp_growth")
    chart = view.chart()
    assert chart is not None
    chart.grab()
    plot_view = chart.getPlotItem().getViewBox()
    point = QPoint(chart.mapFromScene(plot_view.mapViewToScene(QPointF(2017, 6.9))))
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        QTest.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    assert blocker.args[0].report_year == 2018 and "6.9%" in blocker.args[0].sentence
    current = view.table().currentIndex()
    assert current.column() == TargetsTableModel.OUTCOME and _row(view, "gdp_growth", 2017)[1] == "2017"
    assert view.proxy().index(current.row(), 1).data() == "2017"


def test_filter_to_missed(view: TargetsView) -> None:
    view.filter_verdict(Verdict.MISSED)
    shown = view.visible_pairs()
    assert [(p.series.key, p.year) for p in shown] == [("gdp_growth", 2030)]
    box = view.findChild(QComboBox, "targetsVerdictFilter")
    assert box is not None and box.currentText() == "未达成"


def test_filters_combine(view: TargetsView, pairs: list[Pair]) -> None:
    view.filter_series("gdp_growth")
    assert {p.series.key for p in view.visible_pairs()} == {"gdp_growth"}
    view.filter_year(2016)
    assert [(p.series.key, p.year) for p in view.visible_pairs()] == [("gdp_growth", 2016)]
    view.filter_series(None)
    assert {p.year for p in view.visible_pairs()} == {2016}
    assert len(view.visible_pairs()) == sum(1 for p in pairs if p.year == 2016)
    view.filter_year(None)
    view.filter_verdict(Verdict.NO_LATER_REPORT)
    assert view.visible_pairs() and all(p.verdict is Verdict.NO_LATER_REPORT for p in view.visible_pairs())


def test_export_csv_writes_the_filtered_pairs(view: TargetsView, tmp_path: Path) -> None:
    view.filter_series("gdp_growth")
    path = tmp_path / "gdp.csv"
    assert view.export_csv(path) == 7
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel reads the Chinese right
    rows = list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(rows[0]) == COLUMNS
    first = rows[0]
    assert (
        first["series"],
        first["year"],
        first["target_text"],
        first["outcome_value"],
        first["verdict"],
    ) == (
        "gdp_growth",
        "2015",
        "7%左右",
        "6.9",
        "met",
    )
    assert first["target_report_year"] == "2015" and first["outcome_report_year"] == "2016"
    assert "容差" in first["rule"]


@pytest.mark.parametrize(
    ("button", "suffix", "magic"),
    [("targetsExportCsv", ".csv", b"\xef\xbb\xbf"), ("targetsExportPdf", ".pdf", b"%PDF")],
)
def test_the_export_buttons_ask_where_and_add_the_suffix(
    view: TargetsView,
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    button: str,
    suffix: str,
    magic: bytes,
) -> None:
    # The buttons ask through the charts' one save dialog (ask_save_path); a name typed without
    # its suffix gets it, a cancelled dialog writes nothing.
    asked: list[str] = []
    answer = [str(tmp_path / "gdp")]

    def save_dialog(_parent: object, _caption: str, suggested: str, _filter: str) -> tuple[str, str]:
        asked.append(suggested)
        return answer[0], ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_dialog))
    view.filter_series("gdp_growth")
    push = view.findChild(QPushButton, button)
    assert push is not None
    with qtbot.waitSignal(view.status_message) as said:
        push.click()
    written = tmp_path / f"gdp{suffix}"
    assert written.read_bytes().startswith(magic) and str(written) in said.args[0]
    assert Path(asked[0]).name == f"targets{suffix}"
    answer[0] = ""
    written.unlink()
    push.click()
    assert list(tmp_path.iterdir()) == []


def test_export_chart_png_and_svg(view: TargetsView, tmp_path: Path) -> None:
    view.filter_series("cpi")
    view.export_chart(tmp_path / "cpi.png", "png")
    view.export_chart(tmp_path / "cpi.svg", "svg")
    assert (tmp_path / "cpi.png").read_bytes()[:4] == b"\x89PNG"
    assert "居民消费价格涨幅" in (tmp_path / "cpi.svg").read_text(encoding="utf-8")


def test_english(qapp: QApplication, qtbot: QtBot, pairs: list[Pair]) -> None:
    widget = TargetsView(lang=Language.EN)
    qtbot.addWidget(widget)
    widget.set_pairs(pairs)
    index = widget.cell_index("cpi", 2016, TargetsTableModel.VERDICT)
    assert index.data() == "below"
    assert widget.proxy().index(index.row(), 0).data() == "Consumer price inflation (CPI)"
    chart = widget.chart()
    assert chart is not None and "Outcome" in chart.legend_labels()


def test_the_chinese_view_shows_no_english_code_words(view: TargetsView) -> None:
    # Issue 10's "the Chinese UI shows no English enum words", for this view's verdicts and bases too.
    from desktop_app.core.targets.types import Basis
    from tests.qt.test_chinese_words import CODES

    codes = {*CODES, *(v.value for v in Verdict), *(b.value for b in Basis)}
    word = re.compile(
        r"(?<![A-Za-z0-9_\-])(" + "|".join(map(re.escape, sorted(codes))) + r")(?![A-Za-z0-9_\-])"
    )
    proxy = view.proxy()
    texts = [
        str(proxy.index(row, column).data(role) or "")
        for row in range(proxy.rowCount())
        for column in range(proxy.columnCount())
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    texts += [str(proxy.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(proxy.columnCount())]
    assert len(texts) > 100
    assert [text for text in texts if word.search(text)] == []
