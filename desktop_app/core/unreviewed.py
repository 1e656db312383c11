"""Unreviewed figures are never passed off as checked: which figures a view shows, and how. No Qt.

A figure an importer proposed counts only once a person has confirmed it (issue 14). This module is
the one place that decides, for every view (tree, figures table, detail pane, charts, search, CSV,
HTML, PDF, the command line):

* **What is shown** (:func:`is_shown`): confirmed figures always; proposed ones only when the
  reader asked for them (View › Show unreviewed figures, ``--include-unreviewed``); rejected ones
  never. A derived figure is only as checked as its least checked input (:func:`derived_review`).
* **How a shown proposed figure looks**: it carries the words ``未审核`` / ``unreviewed``
  (:func:`unreviewed_tag`), never colour alone; views add their own distinct look (italic rows,
  hatched bars) around those words.
* **How many await review** (:func:`review_counts`), for the status bar and the documents.

Views never filter figures themselves: they are given :func:`shown_report`, the report with only
the figures to show, and ask :func:`is_unreviewed` of each figure they draw.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from desktop_app.core.language import Language
from desktop_app.core.model import AnyIndicator, DerivedIndicator, Indicator, Report, Review
from desktop_app.core.words import word

__all__ = [
    "UNREVIEWED_COLOUR",
    "ReviewCounts",
    "derived_review",
    "is_shown",
    "is_unreviewed",
    "review_counts",
    "shown_figures",
    "shown_report",
    "unreviewed_label",
    "unreviewed_tag",
]

UNREVIEWED_COLOUR = "#ad1457"
"""The colour unreviewed figures are written in (tree, tables, documents): always beside the words."""

_Figure = TypeVar("_Figure", Indicator, DerivedIndicator, AnyIndicator)

# The weaker state wins: one rejected input rejects a derived figure, one proposed input leaves it proposed.
_WEAKNESS = {Review.CONFIRMED: 0, Review.PROPOSED: 1, Review.REJECTED: 2}


def derived_review(inputs: Iterable[Review]) -> Review:
    """The review state of a figure worked out from others: the least checked of its inputs.

    Args:
        inputs: the review states of its inputs.

    Returns:
        REJECTED if any input is rejected, else PROPOSED if any is proposed, else CONFIRMED.
    """
    return max(inputs, key=_WEAKNESS.__getitem__, default=Review.CONFIRMED)


def is_shown(review: Review, include_unreviewed: bool = False) -> bool:
    """The decision: does a view show a figure in this review state?

    Args:
        review: the figure's review state.
        include_unreviewed: whether the reader asked to see proposed (unreviewed) figures too.

    Returns:
        True for confirmed figures; for proposed ones only with ``include_unreviewed``; never for
        rejected ones.
    """
    if review is Review.CONFIRMED:
        return True
    return review is Review.PROPOSED and include_unreviewed


def is_unreviewed(figure: AnyIndicator) -> bool:
    """Whether a figure must be labelled unreviewed where it is shown (it is not confirmed)."""
    return figure.review is not Review.CONFIRMED


def shown_figures(figures: Iterable[_Figure], include_unreviewed: bool = False) -> list[_Figure]:
    """The figures a view shows, in their order (see :func:`is_shown`)."""
    return [f for f in figures if is_shown(f.review, include_unreviewed)]


def shown_report(report: Report, include_unreviewed: bool = False) -> Report:
    """The report as the views show it: only the figures :func:`is_shown` lets through.

    Derived figures get their review state again from the stated figures (so a report whose
    figures were confirmed since it was built is judged as it is now). Everything else is kept.

    Args:
        report: the report as loaded (every figure, whatever its review state).
        include_unreviewed: whether proposed figures are shown too.

    Returns:
        ``report`` itself when every figure is shown as it is (a fully reviewed report costs
        nothing), else a copy with the hidden figures left out.
    """
    stated = {i.id: i.review for i in report.indicators}
    changed = False
    derived = []
    for figure in report.derived:
        review = derived_review(stated.get(x.indicator_id, Review.REJECTED) for x in figure.inputs)
        if review is not figure.review:
            figure, changed = dataclasses.replace(figure, review=review), True
        if is_shown(review, include_unreviewed):
            derived.append(figure)
        else:
            changed = True
    indicators = shown_figures(report.indicators, include_unreviewed)
    if not changed and len(indicators) == len(report.indicators):
        return report
    return dataclasses.replace(report, indicators=tuple(indicators), derived=tuple(derived))


@dataclass(frozen=True, slots=True)
class ReviewCounts:
    """How many stated figures of a report are in each review state (derived ones are not counted).

    Attributes:
        confirmed: checked by a person; shown everywhere.
        proposed: awaiting review; shown only on request, labelled.
        rejected: turned down in review; never shown.
    """

    confirmed: int
    proposed: int
    rejected: int

    @property
    def awaiting(self) -> int:
        """How many await review (the status bar's "N awaiting review")."""
        return self.proposed


def review_counts(report: Report) -> ReviewCounts:
    """Count the stated figures of ``report`` (as loaded, not as shown) by review state."""
    states = [i.review for i in report.indicators]
    return ReviewCounts(
        states.count(Review.CONFIRMED), states.count(Review.PROPOSED), states.count(Review.REJECTED)
    )


def unreviewed_label(lang: Language | str = Language.ZH) -> str:
    """The word for an unreviewed figure: ``未审核`` / ``unreviewed``."""
    return word("figure.unreviewed", lang)


def unreviewed_tag(figure: AnyIndicator, lang: Language | str = Language.ZH) -> str:
    """What precedes an unreviewed figure's name wherever it is listed: ``〔未审核〕`` / ``[unreviewed] ``.

    Before the name, so that a view that cuts long names short never cuts the tag off.

    Returns:
        The tag, or "" for a confirmed figure.
    """
    if not is_unreviewed(figure):
        return ""
    return word("figure.unreviewed_tag", lang)
