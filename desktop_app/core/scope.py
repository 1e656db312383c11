"""What a summary, a CSV file or a printout covers, resolved once.

"Scope" here means only this: the part of a report a document covers — the whole report, its
figures as tables, or one goal area. (A figure's geographic frame is :class:`model.Scope`; what
a search looks in is a search *filter*; the File-menu choice "the selected goal area" is turned
into one of these by the window.) :func:`resolve_scope` checks the key and computes everything
the summary, the CSV export and printing need, so none of them decides it again.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop_app.core.charting import ChartGroup, chart_groups
from desktop_app.core.language import Language
from desktop_app.core.model import AnyIndicator, GoalArea, Report
from desktop_app.core.presentation import goal_label, report_title
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
    """

    key: str
    kind: ScopeKind
    goal: GoalArea | None
    figures: tuple[AnyIndicator, ...]
    chart_groups: tuple[ChartGroup, ...]
    title: str
    language: Language

    @property
    def file_stem_suffix(self) -> str:
        """What to add to a suggested file name: nothing for the whole report, else ``-KEY``."""
        return "" if self.kind is ScopeKind.ALL else f"-{self.key}"


def scope_keys(report: Report) -> list[str]:
    """Every valid key for ``report``: ``all``, ``figures`` and each goal area's id."""
    return [ALL, FIGURES, *(g.id for g in report.goal_areas)]


def resolve_scope(report: Report, key: str, language: Language | str = Language.ZH) -> SummaryScope:
    """Resolve a scope key once, for every consumer.

    Raises:
        ValueError: ``key`` is neither ``"all"``, ``"figures"`` nor a goal-area id of ``report``.
    """
    lang = Language.from_tag(language)
    title_of_report = report_title(report, lang)
    if key in (ALL, FIGURES):
        figures = tuple(report.all_indicators())
        if key == FIGURES:
            title = f"{title_of_report} · {word('doc.figures_title', lang)}"
            return SummaryScope(key, ScopeKind.FIGURES, None, figures, (), title, lang)
        groups = tuple(chart_groups(figures))
        return SummaryScope(key, ScopeKind.ALL, None, figures, groups, title_of_report, lang)
    goal = report.goal_by_id.get(key)
    if goal is None:
        raise ValueError(f"unknown scope {key!r}: expected one of {', '.join(scope_keys(report))}")
    figures = tuple(report.indicators_for_goal(goal.id))
    title = f"{title_of_report} · {goal_label(goal, report, lang)}"
    return SummaryScope(key, ScopeKind.GOAL, goal, figures, tuple(chart_groups(figures)), title, lang)
