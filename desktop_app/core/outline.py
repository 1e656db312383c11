"""Where a paragraph stands in its report: its section and its number (kept with the library index). No Qt.

A search hit in the article names its place, ``2024年工作回顾 · 第4段``: the open report's search from
the report (:class:`~desktop_app.core.search.hits.HitPlaces`), a library search from the outline the
index keeps of each report, which is not loaded (:func:`report_outline` when it is indexed, stored in
the index cache as JSON: :meth:`Outline.to_json`, :meth:`Outline.from_json`). One rule for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from desktop_app.core.language import Language
from desktop_app.core.presentation import paragraph_place

if TYPE_CHECKING:
    from desktop_app.core.model import Report

__all__ = ["Outline", "report_outline"]


class Outline:
    """A report's paragraphs in article order, the section each falls in, and the article's page.

    Attributes:
        paragraphs: paragraph ids in article order.
        sections: per paragraph, the index of its section in ``titles`` (-1: in no section).
        titles: each section's title and English title ("" when the dataset has none).
        page: the newspaper page the article stands on ("" when none).
    """

    __slots__ = ("_positions", "page", "paragraphs", "sections", "titles")

    def __init__(
        self,
        paragraphs: Sequence[str],
        sections: Sequence[int],
        titles: Sequence[tuple[str, str]],
        page: str = "",
    ) -> None:
        """Keep the outline; ValueError when its parts do not fit together.

        Args:
            paragraphs: paragraph ids in article order.
            sections: per paragraph, an index into ``titles`` or -1.
            titles: (title, English title) of each section.
            page: the newspaper page, or "".
        """
        if len(paragraphs) != len(sections) or any(not -1 <= s < len(titles) for s in sections):
            raise ValueError("an outline's sections do not fit its paragraphs")
        self.paragraphs = tuple(paragraphs)
        self.sections = tuple(sections)
        self.titles = tuple(titles)
        self.page = page
        self._positions: dict[str, int] | None = None  # made at the first place() asked for

    def place(self, paragraph_id: str, lang: Language | str = Language.ZH) -> str:
        """The paragraph's section and number, as the open report names it; "" for an unknown id."""
        if self._positions is None:
            self._positions = {pid: n for n, pid in enumerate(self.paragraphs)}
        position = self._positions.get(paragraph_id)
        if position is None:
            return ""
        section = self.sections[position]
        title = ""
        if section >= 0:
            zh, en = self.titles[section]
            title = en if Language.from_tag(lang) is Language.EN and en else zh
        return paragraph_place(title, position + 1, self.page, lang)

    def to_json(self) -> dict[str, Any]:
        """The outline as JSON values (for the index cache)."""
        return {
            "paragraphs": list(self.paragraphs),
            "sections": list(self.sections),
            "titles": [list(t) for t in self.titles],
            "page": self.page,
        }

    @classmethod
    def from_json(cls, data: object) -> Outline:
        """An outline read back from :meth:`to_json`'s values; ValueError for anything else."""
        if not isinstance(data, dict):
            raise ValueError("an outline is not an object")
        paragraphs, sections = data.get("paragraphs"), data.get("sections")
        titles, page = data.get("titles"), data.get("page")
        if not (
            isinstance(paragraphs, list)
            and all(isinstance(p, str) for p in paragraphs)
            and isinstance(sections, list)
            and all(isinstance(s, int) and not isinstance(s, bool) for s in sections)
            and isinstance(titles, list)
            and all(_is_title(t) for t in titles)
            and isinstance(page, str)
        ):
            raise ValueError("an outline's parts are of the wrong types")
        return cls(paragraphs, sections, [(t[0], t[1]) for t in titles], page)


def _is_title(value: object) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(x, str) for x in value)


def report_outline(report: Report) -> Outline:
    """The outline of a loaded report (a paragraph in several sections counts in the first)."""
    index: dict[str, int] = {}
    for number, section in enumerate(report.sections):
        for paragraph_id in section.paragraph_ids:
            index.setdefault(paragraph_id, number)
    article = report.metadata.article
    return Outline(
        [p.id for p in report.paragraphs],
        [index.get(p.id, -1) for p in report.paragraphs],
        [(s.title, s.title_en) for s in report.sections],
        article.page if article is not None else "",
    )
