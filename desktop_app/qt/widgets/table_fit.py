"""A table's columns fitted to its width, so that the reader need not scroll sideways.

One column (a figure's name) takes the width the others leave and elides; the others are as wide
as their contents, each at least as wide as its header. Where the pane is too narrow for that, the
widest columns give way first (water-filling down to their headers' width) and elide; columns that
must never be cut (a value, a year) keep their contents' width. The cells' tooltips hold the text.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

__all__ = ["ColumnFitter"]

CAP = 320
"""No column but the stretching one is wider than this (px), however long its text."""

NAME_CHARS = 12
"""The stretching column keeps room for about this many average characters while others give way."""


# QStyle's PM_HeaderMargin in Qt's own styles (Fusion, Windows). Not asked of the style: naming QStyle
# here would make PySide build its type before the first paint (44 M instructions; tests/qt/test_app.py).
_HEADER_MARGIN = 4


class ColumnFitter(QObject):
    """Keeps ``table``'s columns within its viewport: on :meth:`fit` and whenever the viewport resizes.

    Args:
        table: the table (its model set).
        stretch: the column that takes the remaining width and elides.
        keep: columns never narrower than their contents (numbers).
    """

    def __init__(self, table: QTableView, stretch: int, keep: Collection[int] = ()) -> None:
        super().__init__(table)
        self._table = table
        self._stretch = stretch
        self._keep = frozenset(keep)
        self._fitting = False
        self._again = False
        header = table.horizontalHeader()
        header.setStretchLastSection(False)
        # The style's minimum (about 43 px) is wider than a short header needs ("Unit", 单位).
        header.setMinimumSectionSize(header.fontMetrics().averageCharWidth() * 2)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.setTextElideMode(Qt.TextElideMode.ElideRight)
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self._table.viewport():
            self.fit()
        return False

    def header_width(self, column: int) -> int:
        """The width the header of ``column`` needs to show its text whole."""
        header = self._table.horizontalHeader()
        text = str(self._table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        return header.fontMetrics().horizontalAdvance(text) + 2 * _HEADER_MARGIN + 4

    def fit(self) -> None:
        """Fit the columns to the viewport's width now.

        Resizing a section may show or hide a scroll bar, which resizes the viewport and asks for
        another fit from within this one: that inner request is run after this fit, not inside it.
        """
        if self._fitting:
            self._again = True
            return
        self._fitting = True
        try:
            for _ in range(4):
                self._again = False
                self._fit_once()
                if not self._again:
                    break
        finally:
            self._fitting = False

    def _fit_once(self) -> None:
        table = self._table
        model = table.model()
        header = table.horizontalHeader()
        columns = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        others = [c for c in columns if c != self._stretch]
        least = {c: self.header_width(c) for c in columns}
        natural = {c: min(CAP, max(table.sizeHintForColumn(c), least[c])) for c in others}
        floor = {c: natural[c] if c in self._keep else least[c] for c in others}
        name_room = max(least.get(self._stretch, 0), header.fontMetrics().averageCharWidth() * NAME_CHARS)
        room = table.viewport().width() - name_room

        def widths(level: int) -> dict[int, int]:
            return {c: max(floor[c], min(natural[c], level)) for c in others}

        # The highest level at which the others still leave the name its room (binary search).
        low, high = 0, CAP
        while low < high:
            middle = (low + high + 1) // 2
            if sum(widths(middle).values()) <= room:
                low = middle
            else:
                high = middle - 1
        chosen = widths(low)
        if self._stretch in columns:
            rest = table.viewport().width() - sum(chosen.values())
            chosen[self._stretch] = max(least[self._stretch], rest)
        # Narrower ones first, so that the columns never overflow on the way (a passing scroll bar).
        for column, width in sorted(chosen.items(), key=lambda item: item[1] - header.sectionSize(item[0])):
            header.resizeSection(column, width)
