"""The search result list: group headings and hits, each hit naming its item and showing a snippet.

Grouping, item names, snippets and counts come from :mod:`desktop_app.core.search.hits`, so the
list says what the tree and the command line say.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_app.core.language import Language
from desktop_app.core.presentation import visible_text
from desktop_app.core.search.hits import HitGroup, HitPlaces, count_label, group_hits, snippet
from desktop_app.core.search.types import Hit

__all__ = ["CONTEXT_WIDTH", "ResultRow", "SearchResultsModel"]

CONTEXT_WIDTH: Final = 14
"""At most this many characters of context on either side of a match."""

ModelIndex = QModelIndex | QPersistentModelIndex
_WHITESPACE_RUN: Final = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class ResultRow:
    """A row of the result list: a group heading (``hit`` is None) or one hit.

    Attributes:
        group: the group the row belongs to.
        hit: the hit, or None for the heading.
        number: the hit's 1-based position in the list (0 for a heading).
        count: how many hits the group lists (headings only).
        item: what the hit belongs to and the field it is in (hits only).
        unreviewed: the hit is in a figure awaiting review (``item`` then begins with ``〔未审核〕``).
    """

    group: HitGroup
    hit: Hit | None
    number: int = 0
    count: int = 0
    item: str = ""
    unreviewed: bool = False


class SearchResultsModel(QAbstractListModel):
    """Hits grouped under headings (goal area, section or the source article).

    A hit row's display text is ``item · field: …context【match】context…``; the delegate draws the
    item on one line and the snippet, match emphasised, on the next.
    """

    HIT_ROLE: Final = Qt.ItemDataRole.UserRole + 1
    CONTEXT_ROLE: Final = Qt.ItemDataRole.UserRole + 2
    HEADER_ROLE: Final = Qt.ItemDataRole.UserRole + 3
    ITEM_ROLE: Final = Qt.ItemDataRole.UserRole + 4
    UNREVIEWED_ROLE: Final = Qt.ItemDataRole.UserRole + 5

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._hit_rows: list[int] = []
        self._lang = Language.ZH

    def set_hits(self, hits: Sequence[Hit], places: HitPlaces | None, lang: Language) -> list[Hit]:
        """Show ``hits`` grouped; returns them in list order (the order stepping follows).

        Args:
            hits: the hits to list, in result order.
            places: the report's groups and item names (None: nothing to list).
            lang: the language of headings.
        """
        rows: list[ResultRow] = []
        if places is not None:
            number = 0
            for group, members in group_hits(hits, places):
                rows.append(ResultRow(group, None, count=len(members)))
                for hit in members:
                    number += 1
                    rows.append(
                        ResultRow(
                            group,
                            hit,
                            number=number,
                            item=places.describe(hit),
                            unreviewed=places.unreviewed(hit),
                        )
                    )
        self.beginResetModel()
        self._lang = lang
        self._rows = rows
        self._hit_rows = [n for n, row in enumerate(rows) if row.hit is not None]
        self.endResetModel()
        return [row.hit for row in rows if row.hit is not None]

    def group_counts(self) -> dict[str, int]:
        """How many hits each group lists, by group key (what its heading says)."""
        return {row.group.key: row.count for row in self._rows if row.hit is None}

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
        if role == Qt.ItemDataRole.DisplayRole:
            if hit is None:
                return count_label(visible_text(row.group.label, 60), row.count, self._lang)
            before, match, after = self.context(hit)
            return visible_text(f"{row.item}: {before}【{match}】{after}")
        if role == self.CONTEXT_ROLE and hit is not None:
            return self.context(hit)
        if role == self.ITEM_ROLE and hit is not None:
            return visible_text(row.item, 200)
        if role == self.UNREVIEWED_ROLE:
            return row.unreviewed
        if role == self.HIT_ROLE:
            return hit
        if role == self.HEADER_ROLE:
            return hit is None
        if role == Qt.ItemDataRole.AccessibleTextRole and hit is not None:
            return visible_text(f"{row.item}: {hit.matched}", 200)
        return None

    @staticmethod
    def context(hit: Hit) -> tuple[str, str, str]:
        """A hit's snippet as (context before, match, context after), each on one line."""
        cut = snippet(hit, CONTEXT_WIDTH)
        before = ("…" if cut.cut_before else "") + cut.before
        after = cut.after + ("…" if cut.cut_after else "")
        return _one_line(before), _one_line(cut.match), _one_line(after)


def _one_line(text: str) -> str:
    return visible_text(_WHITESPACE_RUN.sub(" ", text), 200)
