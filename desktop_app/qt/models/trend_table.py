"""A term's trend as a table: one row per report (year, report, occurrences, characters, rate)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt

from desktop_app.core.presentation import number_text, visible_text
from desktop_app.qt.models.roles import ITEM_ID_ROLE, SORT_ROLE
from desktop_app.qt.models.table import ModelIndex, RowTableModel

__all__ = ["TrendRow", "TrendTableModel"]


class TrendRow(Protocol):
    """One report's count of the query (the core's trend row has these fields)."""

    @property
    def year(self) -> int: ...

    @property
    def report_id(self) -> str: ...

    @property
    def occurrences(self) -> int: ...

    @property
    def characters(self) -> int: ...

    @property
    def rate(self) -> float: ...


class TrendTableModel(RowTableModel[TrendRow]):
    """Rows of a trend, newest year first; :data:`ITEM_ID_ROLE` gives a row's report id."""

    # The numbers first: in a narrow table the report's title is what gets cut.
    YEAR, OCCURRENCES, CHARACTERS, RATE, REPORT = range(5)
    COLUMNS = 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._titles: Mapping[str, str] = {}

    def set_rows(self, rows: Sequence[TrendRow], titles: Mapping[str, str] | None = None) -> None:
        """Show ``rows``; ``titles`` names each report id (the id is shown where it has none)."""
        self._titles = dict(titles or {})
        self._set_rows(sorted(rows, key=lambda r: (-r.year, r.report_id)))

    def title(self, report_id: str) -> str:
        return self._titles.get(report_id, report_id)

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
                visible_text(self.title(row.report_id), 80),
            )[column]
        if role == SORT_ROLE:
            return (row.year, row.occurrences, row.characters, row.rate, self.title(row.report_id))[column]
        if role == ITEM_ID_ROLE:
            return row.report_id
        if role == Qt.ItemDataRole.TextAlignmentRole and column != self.REPORT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None
