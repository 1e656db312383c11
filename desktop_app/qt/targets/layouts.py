"""The Targets & outcomes view's two layouts of its pairs: the list's column widths, and the grid.

The list is a plain ``QTableView`` over the view's filter proxy, its columns sized by
:func:`size_list_columns`. :class:`TargetsGrid` (series as rows, years as columns) shows the
pairs the view's filters keep (:class:`TargetsGridModel`); a click on a cell is
:attr:`TargetsGrid.pair_clicked`, which the view answers as it answers a click in the list.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.targets.display import verdict_label, verdict_text
from desktop_app.core.targets.grid import compact_figure_text
from desktop_app.core.targets.series import Series
from desktop_app.core.targets.types import Pair, Verdict
from desktop_app.qt.models.targets_grid import TargetsGridModel, cell_lines
from desktop_app.qt.models.targets_table import ICON_SIZE, TargetsTableModel

__all__ = ["TargetsGrid", "size_list_columns"]

WIDEST_CELL_EMS = 10
"""A year's column is as wide as its widest cell up to this many 中 (longer texts elide: tooltip)."""
WIDEST_NAME_EMS = 10
"""The series' names (the rows' headers) take up to this many 中; longer names elide (tooltip)."""


def size_list_columns(
    table: QTableView,
    model: TargetsTableModel,
    series: Sequence[Series],
    pairs: Sequence[Pair],
    lang: Language,
) -> None:
    """The list's column widths from the texts' widths (resizeColumnsToContents asks every cell: 1 s)."""
    metrics = table.fontMetrics()
    pad = metrics.horizontalAdvance("中") * 2
    em = metrics.horizontalAdvance("中")
    names = {s.name(lang) for s in series}
    # A verdict marked unreviewed (未达成 [未审核]) is wider than any verdict word.
    marked = {verdict_label(p, lang) for p in pairs if p.unreviewed}
    verdicts = {verdict_text(v, lang) for v in Verdict} | marked
    widths = {
        TargetsTableModel.SERIES: min(max((metrics.horizontalAdvance(n) for n in names), default=0), em * 12),
        TargetsTableModel.YEAR: metrics.horizontalAdvance("00000"),
        TargetsTableModel.TARGET: em * 8,
        TargetsTableModel.OUTCOME: em * 8,
        TargetsTableModel.VERDICT: max(metrics.horizontalAdvance(v) for v in verdicts) + em * 2,
    }
    header = table.horizontalHeader()
    for column, width in widths.items():
        title = model.headerData(column, Qt.Orientation.Horizontal)
        header.resizeSection(column, max(width, metrics.horizontalAdvance(str(title))) + pad)


class TargetsGrid(QTableView):
    """Pairs by series and year; each cell its verdict's icon, word and colours, target → outcome.

    Signals:
        pair_clicked(object, str): a cell with a pair was clicked or activated (Enter): the
            :class:`Pair`, and ``"target"`` or ``"outcome"`` — the one clicked on (a click left of
            the arrow, or Enter, is the target's; without a target, the outcome's).
        pair_current(object): the current cell moved to a pair (the view charts its series).
    """

    pair_clicked = Signal(object, str)
    pair_current = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, lang: Language = Language.ZH) -> None:
        super().__init__(parent)
        self.setObjectName("targetsGrid")
        self.setAccessibleName(self.tr("Targets and outcomes by series and year"))
        self._lang = lang
        self._to_latest = False
        self._release: QPoint | None = None  # where the click that Qt reports as clicked() ended
        self._model = TargetsGridModel(self)
        self._model.set_language(lang)
        self.setModel(self._model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = self.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(
            round(self.fontMetrics().lineSpacing() * 2 + self.fontMetrics().height() * 0.6)
        )
        rows.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        rows.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.clicked.connect(self._on_clicked)
        self.activated.connect(self._on_clicked)
        self.selectionModel().currentChanged.connect(self._on_current_changed)

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """Show ``pairs`` (those the view's filters keep), columns sized to them."""
        self._model.set_pairs(pairs)
        self._size_sections()

    def cell_index(self, key: str, year: int) -> QModelIndex:
        """The index of a series' year; invalid when the grid shows no such cell (filtered out)."""
        return self._model.cell(key, year)

    def _size_sections(self) -> None:
        """Widths from the texts' widths (resizeColumnsToContents would ask every cell for its size)."""
        metrics = self.fontMetrics()
        em = max(metrics.horizontalAdvance("中"), metrics.horizontalAdvance("M"))
        extra = max(self.iconSize().width(), ICON_SIZE) + em * 2  # the icon, its gap and the cell's margins
        grid = self._model.grid()
        header = self.horizontalHeader()
        for column, year in enumerate(grid.years):
            texts = [
                line
                for s in grid.series
                if (p := grid.cells.get((s.key, year)))
                for line in cell_lines(p, self._lang)
            ]
            widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
            title = str(self._model.headerData(column, Qt.Orientation.Horizontal))
            header.resizeSection(
                column,
                max(min(widest + extra, em * WIDEST_CELL_EMS + extra), metrics.horizontalAdvance(title) + em),
            )
        names = self.verticalHeader()
        names.setMaximumWidth(em * WIDEST_NAME_EMS + em)
        self._to_latest = True
        if self.isVisible():
            self._scroll_to_latest()

    def _scroll_to_latest(self) -> None:
        """The latest years in sight: the years a reader checks first (earlier ones a scroll away)."""
        self._to_latest = False
        self.updateGeometries()  # the scroll range for these columns and this viewport
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().maximum())

    def resizeEvent(self, event: QResizeEvent) -> None:
        bar = self.horizontalScrollBar()
        at_latest = bar.value() >= bar.maximum()
        super().resizeEvent(event)
        if at_latest:  # the latest years stay in sight as the window narrows or widens
            self._scroll_to_latest()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._to_latest:  # new pairs while the list was on show: once, not at every switch
            self._scroll_to_latest()

    def figure_at(self, index: QModelIndex, point: QPoint) -> str:
        """``"target"`` or ``"outcome"``: which a click at ``point`` (viewport) in a cell is on.

        Right of where the arrow of ``target → outcome`` is drawn is the outcome's (on either line of the
        cell); left of it, the target's. A cell missing one of them is all the other's.
        """
        pair = self._model.pair(index)
        if pair is None or pair.outcome is None:
            return "target"
        if pair.target is None:
            return "outcome"
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        option.rect = self.visualRect(index)
        delegate = self.itemDelegateForIndex(index)
        if isinstance(delegate, QStyledItemDelegate):
            delegate.initStyleOption(option, index)  # the icon's room, the cell's font
        style = self.style()
        text = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, self)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self) + 1  # as Qt draws
        arrow = (
            text.left()
            + margin
            + option.fontMetrics.horizontalAdvance(compact_figure_text(pair.target) + " ")
        )
        return "outcome" if point.x() >= arrow else "target"

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        self._release = event.position().toPoint()
        super().mouseReleaseEvent(event)  # emits clicked()
        self._release = None

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        pair = self._model.pair(index)
        if pair is not None:
            where = self._release if self._release is not None else QPoint(-1, 0)  # Enter: the target
            self.pair_clicked.emit(pair, self.figure_at(index, where))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pair = self._model.pair(current)
        if pair is not None:
            self.pair_current.emit(pair)
