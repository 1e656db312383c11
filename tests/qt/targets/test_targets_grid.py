"""The Targets & outcomes view's grid (series × years) through its real widgets: the same pairs and
verdict looks as the list, the filters, click-through to the sentence, zh and en headers."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.presentation import year_text
from desktop_app.core.targets import FigureRef, Pair, Verdict, verdict
from desktop_app.core.targets.display import verdict_text
from desktop_app.qt.models.targets_grid import TargetsGridModel
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.settings import Settings
from desktop_app.qt.targets import TargetsView


def _missed(pairs: list[Pair]) -> Pair:
    """A GDP pair with a made-up outcome below the 2018 target's tolerance (the core judges it)."""
    base = next(p for p in pairs if p.series.key == "gdp_growth" and p.year == 2018)
    assert base.target is not None and base.outcome is not None
    outcome = dataclasses.replace(base.outcome, value=5.0, text="5%")
    found, rule = verdict(base.target, outcome, base.series)
    return dataclasses.replace(base, year=2030, outcome=outcome, verdict=found, rule=rule)


def _view(qtbot: QtBot, pairs: list[Pair], lang: Language) -> TargetsView:
    widget = TargetsView(lang=lang)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.set_pairs([*pairs, _missed(pairs)])
    widget.show()
    qtbot.waitExposed(widget)
    box = widget.findChild(QComboBox, "targetsLayout")
    assert box is not None
    box.setCurrentIndex(box.findData("grid"))  # as a reader chooses it
    assert widget.grid().isVisible() and not widget.table().isVisible()
    return widget


@pytest.fixture
def view(qapp: QApplication, qtbot: QtBot, pairs: list[Pair]) -> TargetsView:
    return _view(qtbot, pairs, Language.ZH)


def _grid_cells(view: TargetsView) -> dict[tuple[str, str], QModelIndex]:
    """Every non-empty cell of the grid by (row header, column header), as the reader sees them."""
    model = view.grid().model()
    cells = {}
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            if index.data() is not None:
                name = model.headerData(row, Qt.Orientation.Vertical)
                year = model.headerData(column, Qt.Orientation.Horizontal)
                cells[(str(name), str(year))] = index
    return cells


def _click(view: TargetsView, index: QModelIndex, point: QPoint | None = None) -> None:
    grid = view.grid()
    grid.scrollTo(index)
    where = point if point is not None else grid.visualRect(index).center()
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)


def _on_line_two(view: TargetsView, index: QModelIndex, text: str) -> QPoint:
    """A point on the second line of a cell, just after the icon plus ``text``'s width."""
    grid = view.grid()
    grid.scrollTo(index)
    rect = grid.visualRect(index)
    metrics = grid.fontMetrics()
    x = rect.left() + max(grid.iconSize().width(), 16) + metrics.horizontalAdvance(text)
    return QPoint(x, rect.center().y() + metrics.lineSpacing() // 2)


def test_model_passes_the_model_tester(qtmodeltester: ModelTester, pairs: list[Pair]) -> None:
    model = TargetsGridModel()
    model.set_pairs(pairs)
    qtmodeltester.check(model)


def test_gdp_growth_years_are_columns_with_the_lists_verdicts(view: TargetsView) -> None:
    assert view.grid().objectName() == "targetsGrid" and view.layout_name() == "grid"
    model = view.grid().model()
    gdp_row = next(
        r
        for r in range(model.rowCount())
        if model.headerData(r, Qt.Orientation.Vertical) == "国内生产总值增长"
    )
    list_pairs = [p for p in view.visible_pairs() if p.series.key == "gdp_growth"]
    years = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for pair in list_pairs:
        column = years.index(year_text(pair.year, Language.ZH))
        cell = model.index(gdp_row, column)
        list_cell = view.cell_index("gdp_growth", pair.year, TargetsTableModel.VERDICT)
        word = list_cell.data()
        # The verdict's word, its icon and its colours are the list's.
        assert str(cell.data()).startswith(f"{word}\n"), (pair.year, cell.data())
        assert (
            cell.data(Qt.ItemDataRole.DecorationRole).cacheKey()
            == list_cell.data(Qt.ItemDataRole.DecorationRole).cacheKey()
        )
        for role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole):
            assert cell.data(role).color() == list_cell.data(role).color()
    cells = _grid_cells(view)
    assert cells[("国内生产总值增长", "2015年")].data() == "达成\n7%左右 → 6.9%"
    assert cells[("国内生产总值增长", "2016年")].data() == "达成\n6.5%－7% → 6.7%"
    assert cells[("国内生产总值增长", "2019年")].data() == "无后续报告\n6%－6.5% → —"
    assert cells[("国内生产总值增长", "2030年")].data() == "未达成\n6.5%左右 → 5%"
    assert cells[("居民消费价格涨幅", "2016年")].data() == "低于目标\n3%左右 → 2%"  # below, not missed
    tip = cells[("国内生产总值增长", "2015年")].data(Qt.ItemDataRole.ToolTipRole)
    assert "国内生产总值增长7%左右" in tip and "增长6.9%" in tip and "容差" in tip  # both sentences, the rule
    # The same pairs: one cell per pair the list shows.
    assert len(cells) == len(view.visible_pairs())


def test_filter_to_missed_leaves_only_missed_cells(view: TargetsView) -> None:
    view.filter_verdict(Verdict.MISSED)
    cells = _grid_cells(view)
    assert list(cells) == [("国内生产总值增长", "2030年")]
    assert all(str(i.data()).startswith(verdict_text(Verdict.MISSED, Language.ZH)) for i in cells.values())
    view.filter_verdict(None)
    view.filter_series("cpi")
    view.filter_year(2016)
    assert list(_grid_cells(view)) == [("居民消费价格涨幅", "2016年")]


def test_clicking_a_cell_opens_the_report_at_the_sentence(view: TargetsView, qtbot: QtBot) -> None:
    cell = _grid_cells(view)[("国内生产总值增长", "2015年")]
    assert cell.data() == "达成\n7%左右 → 6.9%"
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        _click(view, cell, _on_line_two(view, cell, "7"))  # on the target
    target = blocker.args[0]
    assert isinstance(target, FigureRef)
    assert target.report_year == 2015 and "国内生产总值增长7%左右" in target.sentence
    # As a click in the list does, it selects the pair there too and charts its series.
    assert view.table().currentIndex() == view.cell_index("gdp_growth", 2015, TargetsTableModel.TARGET)
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        _click(view, cell, _on_line_two(view, cell, "7%左右 → 6.9"))  # on the outcome
    outcome = blocker.args[0]
    assert outcome.report_year == 2016 and "增长6.9%" in outcome.sentence
    assert view.table().currentIndex() == view.cell_index("gdp_growth", 2015, TargetsTableModel.OUTCOME)
    # Enter on the current cell: its target.
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        QTest.keyClick(view.grid(), Qt.Key.Key_Return)
    assert blocker.args[0].report_year == 2015
    # A pair without an outcome: all of its cell opens the target.
    no_later = _grid_cells(view)[("国内生产总值增长", "2019年")]
    with qtbot.waitSignal(view.sentence_requested) as blocker:
        _click(
            view,
            no_later,
            QPoint(
                view.grid().visualRect(no_later).right() - 2, view.grid().visualRect(no_later).center().y()
            ),
        )
    assert blocker.args[0].report_year == 2019
    cpi = _grid_cells(view)[("居民消费价格涨幅", "2016年")]
    with qtbot.waitSignal(view.sentence_requested):
        _click(view, cpi)
    chart_series = view.chart_series()
    assert chart_series is not None and chart_series.key == "cpi"


def test_a_click_on_an_empty_cell_requests_nothing(view: TargetsView, qtbot: QtBot) -> None:
    model = view.grid().model()
    empty = next(
        model.index(r, c)
        for r in range(model.rowCount())
        for c in range(model.columnCount())
        if model.index(r, c).data() is None
    )
    with qtbot.assertNotEmitted(view.sentence_requested):
        _click(view, empty)


@pytest.mark.parametrize(
    ("lang", "name", "year"),
    [(Language.ZH, "国内生产总值增长", "2015年"), (Language.EN, "GDP growth", "2015")],
)
def test_headers_in_both_languages(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair], lang: Language, name: str, year: str
) -> None:
    widget = _view(qtbot, pairs, lang)
    model = widget.grid().model()
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    years = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert name in names and years[0] == year
    word = verdict_text(Verdict.MET, lang)
    assert _grid_cells(widget)[(name, year)].data().startswith(f"{word}\n")


def test_cells_read_whole_where_they_are_short_and_the_latest_year_is_in_sight(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair]
) -> None:
    gdp = next(p for p in pairs if p.series.key == "gdp_growth" and p.year == 2015)
    later = [dataclasses.replace(gdp, year=year) for year in range(2031, 2041)]  # more years than fit
    widget = _view(qtbot, [*pairs, *later], Language.EN)  # English verdict words are the longer ones
    widget.resize(1024, 600)
    qapp.processEvents()
    grid = widget.grid()
    assert grid.horizontalScrollBar().maximum() > 0
    metrics = grid.fontMetrics()
    for index in _grid_cells(widget).values():
        for line in str(index.data()).split("\n"):
            if metrics.horizontalAdvance(line) < metrics.horizontalAdvance("中") * 10:
                needed = metrics.horizontalAdvance(line) + grid.iconSize().width()
                assert grid.columnWidth(index.column()) > needed, line
    # Two lines fit a row.
    assert grid.rowHeight(0) >= metrics.lineSpacing() * 2
    # The latest year's column is in sight without scrolling (the earliest ones a scroll away).
    last = grid.model().columnCount() - 1
    assert grid.model().headerData(last, Qt.Orientation.Horizontal) == "2040"
    rect = grid.visualRect(grid.model().index(0, last))
    assert rect.right() <= grid.viewport().width() and rect.left() >= 0


def _opened(qtbot: QtBot, pairs: list[Pair], settings: Settings) -> TargetsView:
    """A Targets & outcomes window over the reader's settings, as the controller opens it."""
    widget = TargetsView(lang=Language.ZH, settings=settings)
    qtbot.addWidget(widget)
    widget.resize(1366, 768)
    widget.set_pairs(pairs)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_show_as_choice_is_kept_for_the_next_window(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair], tmp_path: Path
) -> None:
    file = str(tmp_path / "settings.ini")
    settings = Settings(QSettings(file, QSettings.Format.IniFormat))
    first = _opened(qtbot, pairs, settings)
    assert first.layout_name() == "list" and first.table().isVisible()  # nothing kept yet: the list
    box = first.findChild(QComboBox, "targetsLayout")
    assert box is not None
    box.setCurrentIndex(box.findData("grid"))  # as a reader chooses it
    first.close()
    assert settings.sync() is None  # as the main window does when it closes

    # A new window over the same settings file (a new session reads it afresh).
    reread = Settings(QSettings(file, QSettings.Format.IniFormat))
    again = _opened(qtbot, pairs, reread)
    box = again.findChild(QComboBox, "targetsLayout")
    assert box is not None and box.currentData() == "grid" and again.layout_name() == "grid"
    assert again.grid().isVisible() and not again.table().isVisible()
    # Choosing the list again is kept too.
    box.setCurrentIndex(box.findData("list"))
    assert reread.targets_layout() == "list"


@pytest.mark.parametrize("garbage", ["table", "", "Grid", 42, ["grid"]])
def test_a_garbage_show_as_setting_opens_the_list(
    qapp: QApplication, qtbot: QtBot, pairs: list[Pair], tmp_path: Path, garbage: object
) -> None:
    store = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    store.setValue("targets/layout", garbage)
    view = _opened(qtbot, pairs, Settings(store))
    assert view.layout_name() == "list" and view.table().isVisible() and not view.grid().isVisible()
