"""The search result list: group headings and hits, each hit naming its item and showing a snippet.

Grouping, item names, snippets and counts come from :mod:`desktop_app.core.search.hits`, so the
list says what the tree and the command line say.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from desktop_app.core.language import Language
from desktop_app.core.presentation import visible_text
from desktop_app.core.search.hits import HitGroup, HitPlaces, count_label, group_hits
from desktop_app.core.search.types import Hit
from desktop_app.qt.models.hit_list import HitListModel

__all__ = ["ResultRow", "SearchResultsModel"]


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


class SearchResultsModel(HitListModel[ResultRow]):
    """Hits grouped under headings (goal area, section or the source article).

    A hit row's display text is ``item · field: …context【match】context…``; the delegate draws the
    item on one line and the snippet, match emphasised, on the next.
    """

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
        self._set_rows(rows, lang)
        return [row.hit for row in rows if row.hit is not None]

    def group_counts(self) -> dict[str, int]:
        """How many hits each group lists, by group key (what its heading says)."""
        return {row.group.key: row.count for row in self._rows if row.hit is None}

    def _heading(self, row: ResultRow) -> str:
        return count_label(visible_text(row.group.label, 60), row.count, self._lang)

    def _item(self, row: ResultRow, hit: Hit) -> str:
        return row.item

    def _row_data(self, row: ResultRow, role: int) -> Any:
        return row.unreviewed if role == self.UNREVIEWED_ROLE else None
