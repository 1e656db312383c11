"""What the app's tables share: one object per row, named columns, row numbers, a language.

The figures table, the targets table, a term's trend and the review table are each a
:class:`RowTableModel` over their own row objects: the base answers the shape of the table (row
and column counts, headers, read-only flags, the row under an index); a subclass names its columns
(:attr:`~RowTableModel.COLUMNS`, :meth:`~RowTableModel.headers`) and says what a cell shows.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core.language import Language

__all__ = ["ModelIndex", "RowTableModel"]

ModelIndex = QModelIndex | QPersistentModelIndex
RowT = TypeVar("RowT")


class RowTableModel(QAbstractTableModel, Generic[RowT]):
    """A flat table, one row object per row; the vertical header numbers the rows from 1."""

    COLUMNS: ClassVar[int]
    """How many columns (as many as :meth:`headers` names)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._lang = Language.ZH

    def headers(self) -> tuple[str, ...]:
        """The column headers, in the UI's language (``self.tr``)."""
        raise NotImplementedError

    def _set_rows(self, rows: Iterable[RowT]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def _all_changed(self) -> None:
        """Every cell may read otherwise now (another language, another report)."""
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMNS - 1))

    def set_language(self, lang: Language | str) -> None:
        """Write the cells' domain words (kinds, verdicts, …) in ``lang``."""
        self._lang = Language.from_tag(lang)
        self._all_changed()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMNS - 1)

    def row_at(self, row: int) -> RowT | None:
        """The object of ``row``, None outside the table."""
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def _item_at(self, index: ModelIndex) -> RowT | None:
        return self.row_at(index.row()) if index.isValid() else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's default
        return 0 if parent.isValid() else self.COLUMNS

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> str | None:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        headers = self.headers()
        return headers[section] if 0 <= section < len(headers) else None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
