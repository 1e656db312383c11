"""Tables of figures: a read-only QAbstractTableModel, sortable through a proxy on SORT_ROLE."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject, Qt

from desktop_app.core.model import AnyIndicator, DerivedIndicator, Indicator, Report
from desktop_app.core.presentation import (
    derived_marker,
    editorial_text,
    figure_name,
    kind_label,
    location_text,
    modifier_text,
    number_text,
    scope_label,
    visible_text,
)
from desktop_app.core.unreviewed import is_unreviewed, unreviewed_label, unreviewed_tag
from desktop_app.qt.models.looks import unreviewed_brush_colour, unreviewed_font
from desktop_app.qt.models.roles import DOMAIN_ROLE, ITEM_ID_ROLE, SORT_ROLE
from desktop_app.qt.models.table import ModelIndex, RowTableModel
from desktop_app.qt.text import tooltip

CELL_LIMIT = 120


class IndicatorTableModel(RowTableModel[AnyIndicator]):
    """Figures as rows: name, value, unit, year, kind, modifier, scope, source."""

    NAME, VALUE, UNIT, YEAR, KIND, MODIFIER, SCOPE, SOURCE = range(8)
    COLUMNS = 8

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report: Report | None = None  # for where a figure stands (page and paragraph)

    def set_indicators(self, indicators: Sequence[AnyIndicator]) -> None:
        self._set_rows(indicators)

    def set_report(self, report: Report) -> None:
        """The report the figures come from: the Source column says where they stand in it."""
        self._report = report
        self._all_changed()

    def indicator(self, row: int) -> AnyIndicator:
        return self._rows[row]

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Figure"),
            self.tr("Value"),
            self.tr("Unit"),
            self.tr("Year"),
            self.tr("Kind"),
            self.tr("Modifier"),
            self.tr("Scope"),
            self.tr("Source"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self._item_at(index)
        if item is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(item, column)
        if role == SORT_ROLE:
            if column == self.VALUE:
                return float(item.value)
            if column == self.YEAR:
                return item.year
            return self._display(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.VALUE, self.YEAR):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            review = unreviewed_label(self._lang) if is_unreviewed(item) else ""
            # A narrow column elides its cell (desktop_app.qt.widgets.table_fit): the tooltip leads with it.
            cell = self._display(item, column) if column != self.NAME else ""
            if isinstance(item, Indicator):
                return tooltip(cell, item.name, item.sentence.text, review)
            return tooltip(
                cell,
                item.name,
                item.formula,
                editorial_text(item.explanation, item.explanation_en, self._lang),
                review,
            )
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole) and is_unreviewed(item):
            # The whole row looks apart; the name cell also says 未审核 in words.
            return unreviewed_font() if role == Qt.ItemDataRole.FontRole else unreviewed_brush_colour()
        if role == DOMAIN_ROLE:
            return item
        if role == ITEM_ID_ROLE:
            return item.id
        return None

    def _display(self, item: AnyIndicator, column: int) -> str:
        lang = self._lang
        if column == self.NAME:
            return unreviewed_tag(item, lang) + visible_text(figure_name(item, lang), CELL_LIMIT)
        if column == self.VALUE:
            return derived_marker(isinstance(item, DerivedIndicator), lang) + number_text(item.value)
        if column == self.UNIT:
            return visible_text(item.unit, CELL_LIMIT)
        if column == self.YEAR:
            return str(item.year)
        if column == self.KIND:
            return kind_label(item.kind, lang)
        if column == self.MODIFIER:
            if isinstance(item, DerivedIndicator):
                return visible_text(item.formula, CELL_LIMIT)
            return visible_text(modifier_text(item.modifier, item.modifier_meaning, lang), CELL_LIMIT)
        if column == self.SCOPE:
            return scope_label(item.scope, lang)
        if column == self.SOURCE:
            if isinstance(item, DerivedIndicator):
                return self.tr("derived")
            if self._report is None:
                return ""
            return location_text(item.span.paragraph_id, self._report, lang)
        return ""
