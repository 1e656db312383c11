"""A term's trend as a table: one row per report (year, report, occurrences, characters, rate)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt

from desktop_app.core.presentation import number_text, visible_text
from desktop_app.qt.models.roles import ITEM_ID_ROLE, SORT_ROLE
from desktop_app.qt.models.table import ModelIndex, RowTableModel

if TYPE_CHECKING:
    # Only its type: the trend itself is computed in the core (desktop_app.core.library.trend).
    from desktop_app.core.library.trend import TrendRow

__all__ = ["TrendTableModel"]


class TrendTableModel(RowTableModel["TrendRow"]):
    """Rows of a trend, newest year first; :data:`ITEM_ID_ROLE` gives a row's report id."""

    # The numbers first: in a narrow table the report's title is what gets cut.
    YEAR, OCCURRENCES, CHARACTERS, RATE, REPORT = range(5)
    COLUMNS = 5

    def set_rows(self, rows: Sequence[TrendRow]) -> None:
        """Show ``rows``, newest first."""
        self._set_rows(sorted(rows, key=lambda r: (-r.year, r.report_id)))

    @staticmethod
    def title(row: TrendRow) -> str:
        """The report's title; its id where it has none."""
        return row.title or row.report_id

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Year"),
            self.tr("Occurrences"),
            self.tr("Characters"),
            self.tr("Per 10,000 characters"),
            self.tr("Report"),
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._item_at(index)
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(row.year),
                f"{row.occurrences:,}",
                f"{row.characters:,}",
                number_text(round(row.rate, 2)),
                visible_text(self.title(row), 80),
            )[column]
        if role == SORT_ROLE:
            return (row.year, row.occurrences, row.characters, row.rate, self.title(row))[column]
        if role == ITEM_ID_ROLE:
            return row.report_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.REPORT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
