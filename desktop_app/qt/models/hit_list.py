"""What the two result lists share: group headings and hits in one list, stepped through hit by hit.

:class:`~desktop_app.qt.models.search_results.SearchResultsModel` (one report's hits under goal
areas and sections) and :class:`~desktop_app.qt.models.library_results.LibraryResultsModel` (a
library search's hits under their reports) answer the same roles, so the search panel and the hit
delegate draw and step through both alike; each says only what a heading reads and how a hit's
item is named.
"""

from __future__ import annotations

import re
from typing import Any, Final, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core.language import Language
from desktop_app.core.presentation import visible_text
from desktop_app.core.search.hits import snippet
from desktop_app.core.search.types import Hit

__all__ = ["CONTEXT_WIDTH", "HitListModel", "HitRow", "hit_context"]

CONTEXT_WIDTH: Final = 14
"""At most this many characters of context on either side of a match."""

ModelIndex = QModelIndex | QPersistentModelIndex
_WHITESPACE_RUN: Final = re.compile(r"\s+")


class HitRow(Protocol):
    """A row of a result list: a heading (``hit`` is None) or a hit."""

    @property
    def hit(self) -> Hit | None: ...

    @property
    def number(self) -> int:
        """The hit's 1-based position among the hits listed (0 for a heading)."""
        ...


RowT = TypeVar("RowT", bound=HitRow)


def hit_context(hit: Hit) -> tuple[str, str, str]:
    """A hit's snippet as (context before, match, context after), each on one line."""
    cut = snippet(hit, CONTEXT_WIDTH)
    before = ("…" if cut.cut_before else "") + cut.before
    after = cut.after + ("…" if cut.cut_after else "")
    return _one_line(before), _one_line(cut.match), _one_line(after)


def _one_line(text: str) -> str:
    return visible_text(_WHITESPACE_RUN.sub(" ", text), 200)


class HitListModel(QAbstractListModel, Generic[RowT]):
    """Headings and hits; a hit row's display text is ``item: …context【match】context…``.

    A subclass fills the rows (:meth:`_set_rows`) and says what a heading reads (:meth:`_heading`)
    and what a hit belongs to (:meth:`_item`); :meth:`_row_data` answers any further role.
    """

    HIT_ROLE: Final = Qt.ItemDataRole.UserRole + 1
    CONTEXT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
    HEADER_ROLE: Final = Qt.ItemDataRole.UserRole + 3
    ITEM_ROLE: Final = Qt.ItemDataRole.UserRole + 4
    UNREVIEWED_ROLE: Final = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[RowT] = []
        self._hit_rows: list[int] = []
        self._lang = Language.ZH

    def _set_rows(self, rows: list[RowT], lang: Language) -> None:
        self.beginResetModel()
        self._lang = lang
        self._rows = rows
        self._hit_rows = [n for n, row in enumerate(rows) if row.hit is not None]
        self.endResetModel()

    def _heading(self, row: RowT) -> str:
        raise NotImplementedError

    def _item(self, row: RowT, hit: Hit) -> str:
        raise NotImplementedError

    def _row_data(self, row: RowT, role: int) -> Any:
        return None

    def hit_count(self) -> int:
        """How many hits are listed."""
        return len(self._hit_rows)

    def row_of_hit(self, number: int) -> int:
        """The list row of the ``number``-th hit (0-based)."""
        return self._hit_rows[number]

    def hit_number(self, row: int) -> int | None:
        """The 0-based position among the hits of the hit in ``row``; None for a heading."""
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

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        row = self._rows[index.row()]
        hit = row.hit
        if role == self.HIT_ROLE:
            return hit
        if role == self.HEADER_ROLE:
            return hit is None
        if hit is None:
            return self._heading(row) if role == Qt.ItemDataRole.DisplayRole else self._row_data(row, role)
        if role == Qt.ItemDataRole.DisplayRole:
            before, match, after = hit_context(hit)
            return visible_text(f"{self._item(row, hit)}: {before}【{match}】{after}")
        if role == self.CONTEXT_ROLE:
            return hit_context(hit)
        if role == self.ITEM_ROLE:
            return visible_text(self._item(row, hit), 200)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return visible_text(f"{self._item(row, hit)}: {hit.matched}", 200)
        return self._row_data(row, role)
