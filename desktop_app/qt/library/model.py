"""The library as a tree: collections, and under each its reports, newest year first.

One read-only :class:`LibraryModel` over nodes it owns (each node knows its row: O(1) ``parent()``);
:data:`DOMAIN_ROLE` returns the core's :class:`Collection` or :class:`Entry`. Filtering by level,
region and years is :class:`LibraryFilter`, a proxy, never hidden rows. The model only shows what the
core's library says; it decides nothing about the reports.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.language import Language
from desktop_app.core.library import Collection, Entry
from desktop_app.core.presentation import fill, visible_text
from desktop_app.core.presentation import level_label as presentation_level_label
from desktop_app.qt.models.roles import DOMAIN_ROLE, ITEM_ID_ROLE, SORT_ROLE
from desktop_app.qt.text import tooltip

__all__ = ["LibraryFilter", "LibraryModel", "YearRange", "parse_years"]

ModelIndex = QModelIndex | QPersistentModelIndex
LABEL_LIMIT = 80
_BROKEN = QColor("#b00020")


@dataclass(frozen=True, slots=True)
class YearRange:
    """Years from ``first`` to ``last``, both included; None leaves that end open."""

    first: int | None = None
    last: int | None = None

    def __contains__(self, year: object) -> bool:
        if not isinstance(year, int):
            return self.first is None and self.last is None
        return (self.first is None or year >= self.first) and (self.last is None or year <= self.last)


_YEARS = re.compile(r"^\s*(\d{4})?\s*(?:([-–—~至到]|\.\.)\s*(\d{4})?)?\s*$")


def parse_years(text: str) -> YearRange | None:
    """What the reader typed in the year filter: ``2025``, ``2010-2025``, ``2010-``, ``-1990``.

    Returns:
        The range (open at an end left empty; reversed ends are swapped), or None when the text is
        not a year or a range of years (the filter then says so and keeps every report).
    """
    match = _YEARS.match(text.translate(str.maketrans("０１２３４５６７８９", "0123456789")))
    if match is None:
        return None
    first, dash, last = match.groups()
    if first is None and last is None:
        return YearRange() if dash is None else None
    low = int(first) if first else None
    high = int(last) if last else (low if dash is None else None)
    if low is not None and high is not None and low > high:
        low, high = high, low
    return YearRange(low, high)


def level_label(level: str, lang: Language | str) -> str:
    """A report's level in ``lang`` (全国, 省级 …); the code itself for a level the app does not know."""
    try:
        return presentation_level_label(level, lang)
    except (KeyError, ValueError):
        return level


@dataclass(eq=False)
class _Node:
    item: Collection | Entry
    parent: _Node | None = None
    row: int = 0
    children: list[_Node] = field(default_factory=list)


class LibraryModel(QAbstractItemModel):
    """Collections → reports. Columns: title, year, figures confirmed, figures awaiting review."""

    TITLE, YEAR, CONFIRMED, UNREVIEWED = range(4)
    LAST = UNREVIEWED

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[_Node] = []
        self._by_id: dict[str, _Node] = {}
        self._lang = Language.ZH
        self._current = ""

    # --- filling ----------------------------------------------------------------------------

    def set_library(self, collections: Sequence[Collection], entries: Sequence[Entry]) -> None:
        """Show ``collections`` in order, each with its entries, newest year first."""
        self.beginResetModel()
        self._roots = []
        for row, collection in enumerate(collections):
            node = _Node(collection, None, row)
            mine = [e for e in entries if e.collection == collection.id]
            mine.sort(key=lambda e: (-(e.year or 0), e.title, e.id))
            node.children = [_Node(e, node, i) for i, e in enumerate(mine)]
            self._roots.append(node)
        self._by_id = {c.item.id: c for r in self._roots for c in r.children}
        self.endResetModel()

    def set_language(self, lang: Language | str) -> None:
        self._lang = Language.from_tag(lang)
        self._changed_all()

    def set_current(self, entry_id: str) -> None:
        """Mark the report shown in the window (drawn bold)."""
        before = self.index_for_entry(self._current)
        self._current = entry_id
        for index in (before, self.index_for_entry(entry_id)):
            if index.isValid():
                self.dataChanged.emit(index, index.siblingAtColumn(self.LAST))

    def current_id(self) -> str:
        """The report marked as shown ("" when the window shows a file from outside the library)."""
        return self._current

    def _changed_all(self) -> None:
        if self._roots:
            self.layoutChanged.emit()  # every label may change (language): views re-read them

    # --- reading ----------------------------------------------------------------------------

    def entries(self) -> list[Entry]:
        return [c.item for r in self._roots for c in r.children if isinstance(c.item, Entry)]

    def collections(self) -> list[Collection]:
        return [r.item for r in self._roots if isinstance(r.item, Collection)]

    def index_for_entry(self, entry_id: str) -> QModelIndex:
        node = self._by_id.get(entry_id)
        return self.createIndex(node.row, 0, node) if node is not None else QModelIndex()

    def _node(self, index: ModelIndex) -> _Node | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, _Node) else None

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column > self.LAST:
            return QModelIndex()
        siblings = self._roots if not parent.isValid() else self._children(parent)
        if 0 <= row < len(siblings):
            return self.createIndex(row, column, siblings[row])
        return QModelIndex()

    def _children(self, parent: ModelIndex) -> list[_Node]:
        node = self._node(parent)
        return node.children if node is not None and parent.column() == 0 else []

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._roots)
        return len(self._children(parent))

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= self.LAST:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Report"), self.tr("Year"), self.tr("Confirmed"), self.tr("Unreviewed"))[section]
        if role == Qt.ItemDataRole.ToolTipRole and section >= self.CONFIRMED:
            if section == self.CONFIRMED:
                return self.tr("Figures a person checked against the text")
            return self.tr("Figures proposed by the importer, not yet reviewed")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        item = node.item
        if role == DOMAIN_ROLE:
            return item
        if role == ITEM_ID_ROLE:
            return item.id
        if isinstance(item, Collection):
            return self._collection_data(item, index.column(), role)
        return self._entry_data(item, index.column(), role)

    def _collection_data(self, collection: Collection, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and column == self.TITLE:
            name = collection.name_en if self._lang is Language.EN and collection.name_en else collection.name
            return f"{visible_text(name, LABEL_LIMIT)} ({collection.count})"
        if role == Qt.ItemDataRole.FontRole and column == self.TITLE:
            font = QFont()
            font.setBold(True)
            return font
        if role == SORT_ROLE:
            return collection.id
        return None

    def _entry_data(self, entry: Entry, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.TITLE:
                title = visible_text(entry.title, LABEL_LIMIT)
                return fill(self.tr("%1 (cannot be opened)"), title) if entry.broken else title
            if column == self.YEAR:
                return str(entry.year) if entry.year is not None else ""
            if entry.broken:
                return ""
            return str(entry.confirmed if column == self.CONFIRMED else entry.proposed)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(entry)
        if role == Qt.ItemDataRole.ForegroundRole and entry.broken:
            return QBrush(_BROKEN)
        if role == Qt.ItemDataRole.FontRole and entry.id == self._current:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.TITLE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SORT_ROLE:
            return (entry.title, entry.year or 0, entry.confirmed, entry.proposed)[column]
        return None

    def figures_text(self, entry: Entry) -> str:
        """Figures a person confirmed, and figures awaiting review (未审核)."""
        return fill(self.tr("%1 confirmed · %2 unreviewed"), entry.confirmed, entry.proposed)

    def tooltip(self, entry: Entry) -> str:
        """The entry's facts, or for a broken one why it cannot be opened (escaped)."""
        lines = [entry.title]
        place = " · ".join(p for p in (level_label(entry.level, self._lang), entry.region) if p)
        if place:
            lines.append(place)
        if not entry.broken:
            lines.append(self.figures_text(entry))
        lines += [p for p in (entry.meeting, entry.presenter, entry.source) if p]
        if entry.broken:
            lines.append(self.tr("Cannot be opened:"))
            lines += list(entry.errors[:10])
        return tooltip(*lines)


class LibraryFilter(QSortFilterProxyModel):
    """Keeps the reports of one level, one region and a range of years (collections stay shown)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._level = ""
        self._region = ""
        self._years = YearRange()
        self.setRecursiveFilteringEnabled(False)

    def set_filter(self, level: str = "", region: str = "", years: YearRange | None = None) -> None:
        """Keep reports of ``level`` and ``region`` ("" for any) within ``years`` (None for any)."""
        self.beginFilterChange()
        self._level = level
        self._region = region
        self._years = years or YearRange()
        self.endFilterChange()

    def is_active(self) -> bool:
        return bool(self._level or self._region or self._years != YearRange())

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not source_parent.isValid():
            return True  # a collection: shown, with what it keeps
        model = self.sourceModel()
        entry = model.index(source_row, 0, source_parent).data(DOMAIN_ROLE)
        if not isinstance(entry, Entry):
            return True
        if self._level and entry.level != self._level:
            return False
        if self._region and entry.region != self._region:
            return False
        return entry.year in self._years
