"""Targets and outcomes as a grid: series as rows, years as columns, one pair per cell.

The same pairs as :class:`~desktop_app.qt.models.targets_table.TargetsTableModel`'s rows (those
its filter proxy keeps), laid out by :func:`desktop_app.core.targets.grid.pair_grid`. A cell reads
``达成`` over ``5%左右 → 5.2%`` after its verdict's icon, in its verdict's colours: icon, word and colours
are the list's own (``verdict_icon``, ``verdict_label``, ``verdict_foreground``/``verdict_background``).
The pair behind a cell comes back through :data:`~desktop_app.qt.models.roles.DOMAIN_ROLE`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt

from desktop_app.core.language import Language
from desktop_app.core.presentation import fill, visible_text, year_text
from desktop_app.core.targets.display import figure_cell_text, verdict_label
from desktop_app.core.targets.grid import PairGrid, pair_grid, target_to_outcome
from desktop_app.core.targets.types import FigureRef, Pair
from desktop_app.qt.models.looks import unreviewed_font
from desktop_app.qt.models.roles import DOMAIN_ROLE
from desktop_app.qt.models.table import ModelIndex
from desktop_app.qt.models.targets_table import (
    CELL_LIMIT,
    verdict_background,
    verdict_foreground,
    verdict_icon,
)
from desktop_app.qt.text import tooltip

__all__ = ["TargetsGridModel", "cell_lines"]


def cell_lines(pair: Pair, lang: Language | str) -> tuple[str, str]:
    """What a cell reads after its icon, in two lines: the verdict's word; target → outcome."""
    return verdict_label(pair, lang), visible_text(target_to_outcome(pair), CELL_LIMIT)


class TargetsGridModel(QAbstractTableModel):
    """Pairs by series (rows, headed by the series' name) and year (columns, headed by the year)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._grid = PairGrid()
        self._lang = Language.ZH

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """Show ``pairs`` (series in the order they first come)."""
        self.beginResetModel()
        self._grid = pair_grid(pairs)
        self.endResetModel()

    def set_language(self, lang: Language | str) -> None:
        self._lang = Language.from_tag(lang)
        self.beginResetModel()
        self.endResetModel()

    def grid(self) -> PairGrid:
        return self._grid

    def pair(self, index: ModelIndex) -> Pair | None:
        """The pair in a cell; None for an empty cell."""
        return self._grid.pair(index.row(), index.column()) if index.isValid() else None

    def cell(self, key: str, year: int) -> QModelIndex:
        """The index of a series' year, invalid when the grid has no such cell."""
        where = self._grid.position(key, year)
        return self.index(*where) if where is not None else QModelIndex()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._grid.series)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._grid.years)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            years = self._grid.years
            return year_text(years[section], self._lang) if 0 <= section < len(years) else None
        series = self._grid.series
        if not 0 <= section < len(series):
            return None
        name = visible_text(series[section].name(self._lang), CELL_LIMIT)
        return name if role == Qt.ItemDataRole.DisplayRole else tooltip(name)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if self.pair(index) is None:
            return Qt.ItemFlag.NoItemFlags  # an empty cell: nothing to select or open
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self.pair(index)
        if pair is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(cell_lines(pair, self._lang))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return " ".join(cell_lines(pair, self._lang))
        if role == DOMAIN_ROLE:
            return pair
        if role == Qt.ItemDataRole.DecorationRole:
            return verdict_icon(pair.verdict)
        if role == Qt.ItemDataRole.ForegroundRole:
            return verdict_foreground(pair.verdict)
        if role == Qt.ItemDataRole.BackgroundRole:
            return verdict_background(pair.verdict)
        if role == Qt.ItemDataRole.FontRole and pair.unreviewed:
            return unreviewed_font()  # its word says 未审核 as well
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(pair)
        return None

    def _figure_lines(self, label: str, figure: FigureRef | None) -> tuple[str, str]:
        if figure is None:
            return fill(self.tr("%1: %2"), label, "—"), ""
        where = year_text(figure.report_year, self._lang)
        return fill(self.tr("%1 (%2): %3"), label, where, figure_cell_text(figure)), figure.sentence

    def _tooltip(self, pair: Pair) -> str:
        lang = self._lang
        head = f"{pair.series.name(lang)} · {year_text(pair.year, lang)} · {verdict_label(pair, lang)}"
        click = self.tr("Click the target or the outcome to open its sentence")
        return tooltip(
            head,
            *self._figure_lines(self.tr("Target"), pair.target),
            *self._figure_lines(self.tr("Outcome"), pair.outcome),
            pair.rule.text(self._lang),
            click,
        )
