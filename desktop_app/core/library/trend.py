r"""Term trends: how often a query occurs per 10,000 characters, report by report, year by year. No Qt.

Occurrences are counted exactly as search counts hits (:meth:`SearchIndex.hit_counts`), in the
article text only (each report's paragraphs: a figure's sentence, which repeats its paragraph, is not
counted twice). So counting folds as search does: 說 is 说, full-width ２０２４ is 2024, letters are
case-folded, and spaces, punctuation and line breaks are ignored (``实\n体经济`` is 实体经济). The
characters a rate is taken over are folded the same way: punctuation, spaces and line breaks are not
counted, so a rate does not depend on how a year's text was laid out. :func:`folding_note` says this
in both languages for every view and export.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Final

from desktop_app.core.language import Language
from desktop_app.core.library.search import IndexedReport, LibraryIndex
from desktop_app.core.words import word

__all__ = ["PER_CHARACTERS", "Trend", "TrendRow", "folding_note", "term_trend"]

PER_CHARACTERS: Final = 10_000
"""Rates are occurrences per this many (folded) characters."""


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One report's figures.

    Attributes:
        year: the report's year.
        report_id: its id in the library.
        title: its title.
        occurrences: hits of the query in its article text.
        characters: characters of its article text, folded.
        rate: occurrences per :data:`PER_CHARACTERS` characters (0 for an empty text).
    """

    year: int
    report_id: str
    title: str
    occurrences: int
    characters: int
    rate: float

    def as_json(self) -> dict[str, Any]:
        """The row as a JSON object (rate rounded to 4 decimals)."""
        return {
            "year": self.year,
            "report_id": self.report_id,
            "title": self.title,
            "occurrences": self.occurrences,
            "characters": self.characters,
            "rate": round(self.rate, 4),
        }


@dataclass(frozen=True, slots=True)
class Trend:
    """A query's trend over a collection.

    Attributes:
        query: the query as typed.
        collection: the collection's id, or None for every report.
        rows: one per report with a year, oldest first (same year: by id); reports that could not
            be indexed are left out.
    """

    query: str
    collection: str | None
    rows: tuple[TrendRow, ...]

    @property
    def occurrences(self) -> int:
        """Occurrences in all reports."""
        return sum(row.occurrences for row in self.rows)


def folding_note(lang: Language | str = Language.EN) -> str:
    """How occurrences and characters are counted, in one sentence for a view or an export."""
    return word("trend.folding", lang)


def _rate(occurrences: int, characters: int) -> float:
    return occurrences * PER_CHARACTERS / characters if characters else 0.0


def term_trend(index: LibraryIndex, query: str, *, collection: str | None = None) -> Trend:
    """Occurrences of ``query`` per 10,000 characters in each report of a collection.

    Args:
        index: the library's index.
        query: the query as typed (terms, phrases, pinyin: anything search accepts).
        collection: the collection's id; None for every report in the index.

    Returns:
        One row per report that has a year, oldest first; reports without hits have 0.
    """
    rows: list[TrendRow] = []
    for shard in index.shards:
        reports = [
            report
            for report in shard.reports
            if report.year is not None
            and not report.error
            and (collection is None or report.collection == collection)
        ]
        if not reports:
            continue
        found = shard.index.hit_counts(query, within=_paragraph_ranges(reports))
        per: dict[str, int] = {}
        for document, count in found.items():
            report_id = shard.report_of(document).id
            per[report_id] = per.get(report_id, 0) + count
        for report in reports:
            assert report.year is not None
            occurrences = per.get(report.id, 0)
            rows.append(
                TrendRow(
                    report.year,
                    report.id,
                    report.title,
                    occurrences,
                    report.characters,
                    _rate(occurrences, report.characters),
                )
            )
    rows.sort(key=lambda row: (row.year, row.report_id))
    return Trend(query, collection, tuple(rows))


def _paragraph_ranges(reports: Iterable[IndexedReport]) -> list[range]:
    return sorted((report.paragraphs for report in reports if report.paragraphs), key=lambda r: r.start)
