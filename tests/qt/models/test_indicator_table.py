"""The figures table model: columns, sorting values, languages, the model tester."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester

from desktop_app.core.model import Report
from desktop_app.qt.models.indicator_table import IndicatorTableModel
from desktop_app.qt.models.roles import DOMAIN_ROLE, ITEM_ID_ROLE, SORT_ROLE


def test_model_and_sorting_proxy_pass_the_model_tester(
    app: QApplication, report: Report, qtmodeltester: ModelTester
) -> None:
    model = IndicatorTableModel()
    model.set_indicators(list(report.all_indicators()))
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(IndicatorTableModel.VALUE, Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(proxy)
    values = [proxy.index(r, 0).data(DOMAIN_ROLE).value for r in range(proxy.rowCount())]
    assert values == sorted(values, reverse=True)  # numbers sort as numbers, not as text
    model.set_indicators([])
    qtmodeltester.check(model)


def test_rows_return_their_figures(app: QApplication, report: Report) -> None:
    model = IndicatorTableModel()
    figures = list(report.all_indicators())
    model.set_indicators(figures)
    assert model.rowCount() == len(figures)
    for row, figure in enumerate(figures):
        assert model.index(row, 0).data(DOMAIN_ROLE) is figure
        assert model.index(row, 3).data(ITEM_ID_ROLE) == figure.id
        assert model.index(row, IndicatorTableModel.YEAR).data() == str(figure.year)


def test_a_derived_row_shows_its_own_scope(app: QApplication, report: Report) -> None:
    """Issue 12, point 1: the Scope column of Zibo's implied output says city (市), not district."""
    model = IndicatorTableModel()
    model.set_indicators(
        [
            report.indicator_by_id["ind-industrial-output"],
            report.indicator_by_id["der-city-industrial-output"],
        ]
    )
    assert [model.index(row, IndicatorTableModel.SCOPE).data() for row in (0, 1)] == ["区", "市"]
