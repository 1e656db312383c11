"""The result list of a library search: one heading per report (with its count), then its hits.

The rows answer the same roles as :class:`SearchResultsModel`, so the search panel draws and steps
through both alike; :data:`REPORT_ROLE` says which report a row belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core.language import Language
from desktop_app.core.library.search import LibraryResults, ReportHits
from desktop_app.core.presentation import fill, visible_text
from desktop_app.core.search.hits import count_label, field_label
from desktop_app.core.search.types import Hit
from desktop_app.qt.models.search_results import SearchResultsModel

__all__ = ["LibraryResultsModel"]

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class _Row:
    group: ReportHits
    hit: Hit | None
    number: int = 0  # 1-based position among the hits listed (0 for a heading)


class LibraryResultsModel(QAbstractListModel):
    """Reports with hits, newest first as the library lists them, each heading saying its count."""

    HIT_ROLE: Final = SearchResultsModel.HIT_ROLE
    CONTEXT_ROLE: Final = SearchResultsModel.CONTEXT_ROLE
    HEADER_ROLE: Final = SearchResultsModel.HEADER_ROLE
    ITEM_ROLE: Final = SearchResultsModel.ITEM_ROLE
    REPORT_ROLE: Final = Qt.ItemDataRole.UserRole + 10

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[_Row] = []
        self._hit_rows: list[int] = []
        self._lang = Language.ZH

    def set_results(self, results: LibraryResults | None, lang: Language) -> list[tuple[str, Hit]]:
        """Show ``results``; returns (report id, hit) in list order (the order stepping follows)."""
        rows: list[_Row] = []
        number = 0
        if results is not None:
            for group in results.groups:
                rows.append(_Row(group, None))
                for hit in group.hits:
                    number += 1
                    rows.append(_Row(group, hit, number))
        self.beginResetModel()
        self._lang = lang
        self._rows = rows
        self._hit_rows = [n for n, row in enumerate(rows) if row.hit is not None]
        self.endResetModel()
        return [(row.group.report.id, row.hit) for row in rows if row.hit is not None]

    def report_counts(self) -> dict[str, int]:
        """Every report's hit count (all of them, also those not listed), by report id."""
        return {row.group.report.id: row.group.count for row in self._rows if row.hit is None}

    def hit_count(self) -> int:
        return len(self._hit_rows)

    def row_of_hit(self, number: int) -> int:
        return self._hit_rows[number]

    def hit_number(self, row: int) -> int | None:
        if 0 <= row < len(self._rows) and self._rows[row].hit is not None:
            return self._rows[row].number - 1
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def heading(self, group: ReportHits) -> str:
        """``2025 · 2025年…工作报告（12 处）``, saying so when only the first hits are listed."""
        report = group.report
        title = visible_text(report.title, 60)
        label = f"{report.year} · {title}" if report.year is not None else title
        text = count_label(label, f"{group.count}+" if group.more else group.count, self._lang)
        if len(group.hits) < group.count:
            text = fill(self.tr("%1, first %2 listed"), text, len(group.hits))
        return text

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == self.REPORT_ROLE:
            return row.group.report.id
        if role == self.HIT_ROLE:
            return hit
        if role == self.HEADER_ROLE:
            return hit is None
        if hit is None:
            return self.heading(row.group) if role == Qt.ItemDataRole.DisplayRole else None
        item = field_label(hit, self._lang)
        if role == Qt.ItemDataRole.DisplayRole:
            before, match, after = SearchResultsModel.context(hit)
            return visible_text(f"{item}: {before}【{match}】{after}")
        if role == self.CONTEXT_ROLE:
            return SearchResultsModel.context(hit)
        if role == self.ITEM_ROLE:
            return visible_text(item, 200)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return visible_text(f"{item}: {hit.matched}", 200)
        return None
