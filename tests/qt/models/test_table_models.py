"""The tables' shared shape (models/table.py): one column per header, row numbers, read-only cells."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desktop_app.core.model import Report
from desktop_app.qt.models.indicator_table import IndicatorTableModel
from desktop_app.qt.models.table import RowTableModel
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.models.trend_table import TrendTableModel


@pytest.mark.parametrize("model_class", [IndicatorTableModel, TargetsTableModel, TrendTableModel])
def test_every_column_has_a_header(app: QApplication, model_class: type[RowTableModel[object]]) -> None:
    model = model_class()
    headers = model.headers()
    assert len(headers) == model.COLUMNS == model.columnCount()
    assert all(headers), "no empty header"
    horizontal = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.COLUMNS)]
    assert horizontal == list(headers)
    assert model.headerData(model.COLUMNS, Qt.Orientation.Horizontal) is None


def test_rows_are_numbered_and_read_only(
    app: QApplication, report: Report, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTableModel()
    indicators = list(report.all_indicators())[:3]
    model.set_indicators(indicators)
    qtmodeltester.check(model)
    assert [model.headerData(r, Qt.Orientation.Vertical) for r in range(3)] == ["1", "2", "3"]
    assert model.headerData(0, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) is None
    flags = model.flags(model.index(0, 0))
    assert flags & Qt.ItemFlag.ItemIsSelectable and not flags & Qt.ItemFlag.ItemIsEditable
    assert model.row_at(2) is indicators[2] and model.row_at(3) is None and model.row_at(-1) is None
    assert model.data(model.index(3, 0)) is None


def test_a_language_change_repaints_cells_and_headers(app: QApplication, report: Report) -> None:
    model = IndicatorTableModel()
    model.set_indicators(list(report.all_indicators())[:2])
    cells: list[tuple[int, int]] = []
    headers: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda top, bottom: cells.append((top.row(), bottom.column())))
    model.headerDataChanged.connect(lambda _orientation, first, last: headers.append((first, last)))
    model.set_language("en")
    assert cells == [(0, model.COLUMNS - 1)] and headers == [(0, model.COLUMNS - 1)]
