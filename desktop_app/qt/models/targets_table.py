"""Targets and outcomes as a table: one row per series and year, with a filter proxy.

Columns: series, year, target (as written, with its modifier), outcome, verdict (colour, icon and
word) and the rule that produced the verdict. The pair behind a row comes back through
:data:`~desktop_app.qt.models.roles.DOMAIN_ROLE`. What a verdict looks like is decided in
:mod:`desktop_app.core.targets.display`; this module only paints its icon.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from PySide6.QtCore import (
    QObject,
    QPointF,
    QRectF,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

from desktop_app.core.presentation import visible_text, year_text
from desktop_app.core.targets.display import (
    VERDICT_COLOURS,
    VERDICT_ICONS,
    figure_cell_text,
    verdict_label,
)
from desktop_app.core.targets.types import FigureRef, Pair, Verdict
from desktop_app.qt.models.looks import unreviewed_brush_colour, unreviewed_font
from desktop_app.qt.models.roles import DOMAIN_ROLE, SORT_ROLE
from desktop_app.qt.models.table import ModelIndex, RowTableModel
from desktop_app.qt.text import tooltip

__all__ = [
    "TargetsFilterProxy",
    "TargetsTableModel",
    "verdict_background",
    "verdict_foreground",
    "verdict_icon",
]

CELL_LIMIT = 160
ICON_SIZE = 16


def _icon_path(name: str, size: float) -> QPainterPath:
    """The outline of a verdict's icon in a ``size`` square (see ``VERDICT_ICONS``)."""
    s = size
    path = QPainterPath()
    if name == "check":
        path.moveTo(s * 0.2, s * 0.52)
        path.lineTo(s * 0.42, s * 0.74)
        path.lineTo(s * 0.8, s * 0.28)
    elif name == "cross":
        path.moveTo(s * 0.25, s * 0.25)
        path.lineTo(s * 0.75, s * 0.75)
        path.moveTo(s * 0.75, s * 0.25)
        path.lineTo(s * 0.25, s * 0.75)
    elif name in ("up", "down"):
        tip, base = (0.2, 0.8) if name == "up" else (0.8, 0.2)
        path.moveTo(s * 0.5, s * base)
        path.lineTo(s * 0.5, s * tip)
        path.moveTo(s * 0.28, s * (tip + (0.22 if name == "up" else -0.22)))
        path.lineTo(s * 0.5, s * tip)
        path.lineTo(s * 0.72, s * (tip + (0.22 if name == "up" else -0.22)))
    elif name == "pair":
        path.moveTo(s * 0.38, s * 0.25)
        path.lineTo(s * 0.38, s * 0.75)
        path.moveTo(s * 0.62, s * 0.25)
        path.lineTo(s * 0.62, s * 0.75)
    elif name == "equals":
        path.moveTo(s * 0.25, s * 0.4)
        path.lineTo(s * 0.75, s * 0.4)
        path.moveTo(s * 0.25, s * 0.6)
        path.lineTo(s * 0.75, s * 0.6)
    elif name == "dash":
        path.moveTo(s * 0.28, s * 0.5)
        path.lineTo(s * 0.72, s * 0.5)
    else:  # ellipsis
        for x in (0.28, 0.5, 0.72):
            path.addEllipse(QPointF(s * x, s * 0.5), s * 0.04, s * 0.04)
    return path


@cache
def verdict_icon(verdict: Verdict, size: int = ICON_SIZE) -> QIcon:
    """A verdict's icon: its shape in white on a disc of its colour (drawn, not a font glyph)."""
    pixmap = QPixmap(size * 2, size * 2)  # drawn at twice the size: sharp on a high-DPI screen
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(VERDICT_COLOURS[verdict])
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(QRectF(0.5, 0.5, size - 1.0, size - 1.0))
    pen = QPen(QColor("white"))
    pen.setWidthF(size * 0.12)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    painter.setBrush(QBrush(QColor("white")))
    path = _icon_path(VERDICT_ICONS[verdict], float(size))
    painter.drawPath(path) if VERDICT_ICONS[verdict] == "ellipsis" else painter.strokePath(path, pen)
    painter.end()
    return QIcon(pixmap)


def verdict_foreground(verdict: Verdict) -> QBrush:
    """A verdict's text colour (its colour, a shade darker to read on its tint); list and grid alike."""
    return QBrush(QColor(VERDICT_COLOURS[verdict]).darker(115))


def verdict_background(verdict: Verdict) -> QBrush:
    """A verdict's cell fill: a light tint of its colour; list and grid alike."""
    colour = QColor(VERDICT_COLOURS[verdict])
    colour.setAlpha(38)
    return QBrush(colour)


class TargetsTableModel(RowTableModel[Pair]):
    """Pairs as rows: series, year, target, outcome, verdict, rule (read-only)."""

    SERIES, YEAR, TARGET, OUTCOME, VERDICT, RULE = range(6)
    COLUMNS = 6

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """Show ``pairs``, by series (in the order given) and year."""
        self._set_rows(pairs)

    def pair(self, row: int) -> Pair:
        return self._rows[row]

    def pairs(self) -> tuple[Pair, ...]:
        return tuple(self._rows)

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Series"),
            self.tr("Year"),
            self.tr("Target"),
            self.tr("Outcome"),
            self.tr("Verdict"),
            self.tr("Rule"),
        )

    def figure(self, index: ModelIndex) -> FigureRef | None:
        """The target or outcome a cell shows (None for other columns and empty cells)."""
        pair = self._item_at(index)
        if pair is None:
            return None
        if index.column() == self.TARGET:
            return pair.target
        if index.column() == self.OUTCOME:
            return pair.outcome
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        pair = self._item_at(index)
        if pair is None:
            return None
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._display(pair, column)
        if role == SORT_ROLE:
            return pair.year if column == self.YEAR else self._display(pair, column)
        if role == DOMAIN_ROLE:
            return pair
        if role == Qt.ItemDataRole.FontRole and pair.unreviewed:
            # The row looks apart; its verdict says 未审核 in words as well.
            return unreviewed_font()
        if role == Qt.ItemDataRole.ForegroundRole and pair.unreviewed and column != self.VERDICT:
            return unreviewed_brush_colour()
        if column == self.VERDICT:
            if role == Qt.ItemDataRole.DecorationRole:
                return verdict_icon(pair.verdict)
            if role == Qt.ItemDataRole.ForegroundRole:
                return verdict_foreground(pair.verdict)
            if role == Qt.ItemDataRole.BackgroundRole:
                return verdict_background(pair.verdict)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(pair, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.YEAR:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, pair: Pair, column: int) -> str:
        lang = self._lang
        if column == self.SERIES:
            return visible_text(pair.series.name(lang), CELL_LIMIT)
        if column == self.YEAR:
            return str(pair.year)
        if column == self.TARGET:
            return visible_text(figure_cell_text(pair.target), CELL_LIMIT)
        if column == self.OUTCOME:
            return visible_text(figure_cell_text(pair.outcome), CELL_LIMIT)
        if column == self.VERDICT:
            return verdict_label(pair, lang)
        if column == self.RULE:
            return visible_text(pair.rule.text(lang), CELL_LIMIT)
        return ""

    def _tooltip(self, pair: Pair, column: int) -> str | None:
        figure = pair.target if column == self.TARGET else pair.outcome if column == self.OUTCOME else None
        if figure is not None:
            where = year_text(figure.report_year, self._lang)
            return tooltip(f"{where} · {figure_cell_text(figure)}", figure.sentence, self.tr("Click to open"))
        if column in (self.VERDICT, self.RULE):
            return tooltip(verdict_label(pair, self._lang), pair.rule.text(self._lang))
        return None


class TargetsFilterProxy(QSortFilterProxyModel):
    """Keeps the rows of one series, one verdict and one year (each None: any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._series: str | None = None
        self._verdict: Verdict | None = None
        self._year: int | None = None
        self.setSortRole(SORT_ROLE)

    def set_series(self, key: str | None) -> None:
        self.beginFilterChange()
        self._series = key
        self.endFilterChange()

    def set_verdict(self, verdict: Verdict | None) -> None:
        self.beginFilterChange()
        self._verdict = verdict
        self.endFilterChange()

    def set_year(self, year: int | None) -> None:
        self.beginFilterChange()
        self._year = year
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        model = self.sourceModel()
        if not isinstance(model, TargetsTableModel):
            return True
        pair = model.pair(source_row)
        return (
            (self._series is None or pair.series.key == self._series)
            and (self._verdict is None or pair.verdict is self._verdict)
            and (self._year is None or pair.year == self._year)
        )

    def visible_pairs(self) -> list[Pair]:
        """The pairs the filters keep, in the view's order."""
        rows = []
        for row in range(self.rowCount()):
            pair = self.index(row, 0).data(DOMAIN_ROLE)
            if isinstance(pair, Pair):
                rows.append(pair)
        return rows
