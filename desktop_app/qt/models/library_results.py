"""The result list of a library search: one heading per report (with its count), then its hits.

The rows answer the same roles as :class:`SearchResultsModel`, so the search panel draws and steps
through both alike; :data:`REPORT_ROLE` says which report a row belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import Qt

from desktop_app.core.language import Language
from desktop_app.core.library.search import LibraryResults, ReportHits
from desktop_app.core.presentation import fill, visible_text
from desktop_app.core.search.hits import count_label
from desktop_app.core.search.types import Hit
from desktop_app.qt.models.hit_list import HitListModel

__all__ = ["LibraryResultsModel"]


@dataclass(frozen=True, slots=True)
class _Row:
    group: ReportHits
    hit: Hit | None
    number: int = 0  # 1-based position among the hits listed (0 for a heading)


class LibraryResultsModel(HitListModel[_Row]):
    """Reports with hits, newest first as the library lists them, each heading saying its count."""

    REPORT_ROLE: Final = Qt.ItemDataRole.UserRole + 10

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
        self._set_rows(rows, lang)
        return [(row.group.report.id, row.hit) for row in rows if row.hit is not None]

    def report_counts(self) -> dict[str, int]:
        """Every report's hit count (all of them, also those not listed), by report id."""
        return {row.group.report.id: row.group.count for row in self._rows if row.hit is None}

    def heading(self, group: ReportHits) -> str:
        """``2025 · 2025年…工作报告（12 处）``, saying so when only the first hits are listed."""
        report = group.report
        title = visible_text(report.title, 60)
        label = f"{report.year} · {title}" if report.year is not None else title
        text = count_label(label, f"{group.count}+" if group.more else group.count, self._lang)
        if len(group.hits) < group.count:
            text = fill(self.tr("%1, first %2 listed"), text, len(group.hits))
        return text

    def _heading(self, row: _Row) -> str:
        return self.heading(row.group)

    def _item(self, row: _Row, hit: Hit) -> str:
        return row.group.report.place(hit, self._lang)

    def _row_data(self, row: _Row, role: int) -> Any:
        return row.group.report.id if role == self.REPORT_ROLE else None
