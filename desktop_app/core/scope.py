"""What a summary, a CSV file or a printout covers, resolved once.

"Scope" here means only this: the part of a report a document covers — the whole report, its
figures as tables, or one goal area. (A figure's geographic frame is :class:`model.Scope`; what
a search looks in is a search *filter*; the File-menu choice "the selected goal area" is turned
into one of these by the window.) :func:`resolve_scope` checks the key and computes everything
the summary, the CSV export and printing need, so none of them decides it again.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from desktop_app.core.charting import ChartGroup, chart_groups
from desktop_app.core.language import Language
from desktop_app.core.model import AnyIndicator, GoalArea, Report
from desktop_app.core.presentation import goal_label, report_title
from desktop_app.core.unreviewed import shown_report
from desktop_app.core.words import word

__all__ = ["ALL", "FIGURES", "ScopeKind", "SummaryScope", "resolve_scope", "scope_keys"]

ALL = "all"
"""The key of the whole report."""
FIGURES = "figures"
"""The key of every figure of the report as tables, without the rest of the summary."""


class ScopeKind(enum.StrEnum):
    ALL = "all"
    FIGURES = "figures"
    GOAL = "goal"


@dataclass(frozen=True, slots=True)
class SummaryScope:
    """A resolved scope.

    Attributes:
        key: ``"all"``, ``"figures"`` or the goal area's id, as given on the command line.
        kind: which of the three it is.
        goal: the goal area, for a goal-area scope.
        figures: the figures covered (stated, then derived; a goal area's in dataset order).
        chart_groups: the charts of those figures (none for the figures-only scope: tables only).
        title: the document's plain-text title in ``language``.
        language: the document's language.
        include_unreviewed: whether proposed (unreviewed) figures are among ``figures``, labelled
            (:mod:`desktop_app.core.unreviewed`); confirmed ones always are, rejected ones never.
        withheld: how many proposed figures the scope would cover but leaves out because
            unreviewed figures were not asked for (the document says so).
    """

    key: str
    kind: ScopeKind
    goal: GoalArea | None
    figures: tuple[AnyIndicator, ...]
    chart_groups: tuple[ChartGroup, ...]
    title: str
    language: Language
    include_unreviewed: bool = False
    withheld: int = 0

    @property
    def file_stem_suffix(self) -> str:
        """What to add to a suggested file name: nothing for the whole report, else ``-KEY``."""
        return "" if self.kind is ScopeKind.ALL else f"-{self.key}"


def scope_keys(report: Report) -> list[str]:
    """Every valid key for ``report``: ``all``, ``figures`` and each goal area's id."""
    return [ALL, FIGURES, *(g.id for g in report.goal_areas)]


def resolve_scope(
    report: Report,
    key: str,
    language: Language | str = Language.ZH,
    *,
    include_unreviewed: bool = False,
) -> SummaryScope:
    """Resolve a scope key once, for every consumer.

    Args:
        report: the report as loaded (every figure, whatever its review state).
        key: ``"all"``, ``"figures"`` or a goal area's id.
        language: the document's language.
        include_unreviewed: cover proposed (unreviewed) figures too, labelled as such.

    Raises:
        ValueError: ``key`` is neither ``"all"``, ``"figures"`` nor a goal-area id of ``report``.
    """
    lang = Language.from_tag(language)
    title_of_report = report_title(report, lang)
    shown = shown_report(report, include_unreviewed)
    if key in (ALL, FIGURES):
        figures = tuple(shown.all_indicators())
        withheld = _withheld(shown_report(report, True).all_indicators(), figures)
        if key == FIGURES:
            title = f"{title_of_report} · {word('doc.figures_title', lang)}"
            return SummaryScope(
                key, ScopeKind.FIGURES, None, figures, (), title, lang, include_unreviewed, withheld
            )
        groups = tuple(chart_groups(figures))
        return SummaryScope(
            key, ScopeKind.ALL, None, figures, groups, title_of_report, lang, include_unreviewed, withheld
        )
    goal = report.goal_by_id.get(key)
    if goal is None:
        raise ValueError(f"unknown scope {key!r}: expected one of {', '.join(scope_keys(report))}")
    figures = tuple(shown.indicators_for_goal(goal.id))
    withheld = _withheld(shown_report(report, True).indicators_for_goal(goal.id), figures)
    title = f"{title_of_report} · {goal_label(goal, report, lang)}"
    groups = tuple(chart_groups(figures))
    return SummaryScope(key, ScopeKind.GOAL, goal, figures, groups, title, lang, include_unreviewed, withheld)


def _withheld(candidates: Iterable[AnyIndicator], figures: Sequence[AnyIndicator]) -> int:
    """How many of the figures shown with unreviewed ones included are not among ``figures``."""
    covered = {f.id for f in figures}
    return sum(1 for f in candidates if f.id not in covered)
