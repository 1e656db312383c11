"""Pair each year's targets with the outcomes later reports state: :func:`pair`.

For one government (same level and region), the year-Y target of a series (a figure of kind
``target`` for year Y in the report of year Y) meets the first figure of the same series for year Y
that is not a target, in the reports after Y (the report of Y+1 first). A budget series (deficit,
bonds, central budget investment) is paired apart, budget vs budget: the report of Y+1 states its
own budget B and compares it with last year's (``比去年增加 C`` → B − C; ``比去年预算低 C`` → B + C;
``保持不变`` → B), and that implied figure is compared with the year-Y budget.

Only confirmed figures are paired unless ``include_proposed`` is set; then a pair with a proposed
figure says so (:attr:`Pair.unreviewed`). Rejected figures never count.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop_app.core.model import Indicator, IndicatorKind, Report, Review
from desktop_app.core.presentation import value_text
from desktop_app.core.targets.semantics import semantics
from desktop_app.core.targets.series import Series, SeriesTable, series_table
from desktop_app.core.targets.types import Basis, FigureRef, Pair
from desktop_app.core.targets.verdicts import verdict
from desktop_app.core.unreviewed import is_shown

__all__ = ["government_key", "pair"]

# Between the two numbers of a range target: 6.5%－7%, 6%~6.5%, 6%至6.5%.
_RANGE_JOIN = re.compile(r"^\s*[-－—–~～至到]\s*$")
# After a budget figure: how it compares with last year's.
_MORE = re.compile(r"^[^。；]{0,12}?比(?:去年|上年)(?:预算)?(?:增加|增长|提高|多|高|扩大)$")
_LESS = re.compile(r"^[^。；]{0,12}?比(?:去年|上年)(?:预算)?(?:减少|下降|降低|少|低|压减)$")
_SAME = re.compile(r"^[^。；]{0,20}?(?:保持不变|与(?:去年|上年)持平|同(?:去年|上年)持平)")
_PERCENT_POINTS = {"个百分点": "%"}
_NOT_OUTCOMES = (IndicatorKind.TARGET, IndicatorKind.DERIVED)


def government_key(report: Report) -> tuple[str, str]:
    """Which government a report is of: its level and region name."""
    region = report.metadata.region
    return (str(report.metadata.level), region.name or region.district or region.city or region.province)


def pair(
    reports: Sequence[Report],
    *,
    table: SeriesTable | None = None,
    include_proposed: bool = False,
) -> list[Pair]:
    """Every target of every report paired with its outcome, government by government.

    Args:
        reports: the reports of a collection (any order, any governments).
        table: the series (default: the bundled ``data/series.json``).
        include_proposed: also pair figures a reviewer has not confirmed (such pairs say so).

    Returns:
        The pairs by government, year and the series' order in the table.
    """
    table = table if table is not None else series_table()
    groups: dict[tuple[str, str], list[Report]] = defaultdict(list)
    for report in reports:
        groups[government_key(report)].append(report)
    out: list[Pair] = []
    for key in sorted(groups):
        out.extend(_pairs(groups[key], table, include_proposed))
    return out


@dataclass(frozen=True, slots=True)
class _Figures:
    """One report's usable figures with a series, in reading order."""

    report: Report
    figures: tuple[Indicator, ...]


def _pairs(reports: list[Report], table: SeriesTable, include_proposed: bool) -> list[Pair]:
    by_year: dict[int, _Figures] = {}
    for report in sorted(reports, key=lambda r: r.metadata.year):
        by_year.setdefault(report.metadata.year, _usable(report, table, include_proposed))
    years = sorted(by_year)
    order = {key: i for i, key in enumerate(table)}
    out: list[Pair] = []
    for year in years:
        current = by_year[year]
        later = [by_year[y] for y in years if y > year]
        targets = _targets(current, year)
        for key in sorted(targets, key=order.__getitem__):
            series = table[key]
            target = targets[key]
            outcome = (
                _implied_budget(target, by_year.get(year + 1), key)
                if series.budget
                else _outcome(target, later, key, year)
            )
            found, rule = verdict(
                target, outcome, series, later_report=year + 1 in by_year, later_year=year + 1
            )
            out.append(
                Pair(
                    series=series,
                    name=series.zh,
                    year=year,
                    target=target,
                    outcome=outcome,
                    semantics=semantics(target.modifier, series, is_range=target.high is not None),
                    verdict=found,
                    rule=rule,
                    basis=Basis.BUDGET if series.budget else Basis.OUTCOME,
                    unreviewed=not target.confirmed or (outcome is not None and not outcome.confirmed),
                )
            )
    return out


def _usable(report: Report, table: Mapping[str, Series], include_proposed: bool) -> _Figures:
    """The report's figures that have a known series and may be paired, in reading order."""
    paragraph = {p.id: i for i, p in enumerate(report.paragraphs)}
    figures = [
        i
        for i in report.indicators
        if i.series is not None and i.series in table and is_shown(i.review, include_proposed)
    ]
    figures.sort(key=lambda i: (paragraph.get(i.span.paragraph_id, 0), i.span.start))
    return _Figures(report, tuple(figures))


def _targets(figures: _Figures, year: int) -> dict[str, FigureRef]:
    """The first target of each series for the report's own year (a range joined into one)."""
    out: dict[str, FigureRef] = {}
    items = [i for i in figures.figures if i.kind is IndicatorKind.TARGET and i.year == year]
    for k, item in enumerate(items):
        key = item.series
        if key is None or key in out:
            continue
        ref = _ref(figures.report, item)
        following = items[k + 1] if k + 1 < len(items) else None
        if following is not None and following.series == key and _is_range(item, following):
            ref = _range(ref, following)
        out[key] = ref
    return out


def _is_range(low: Indicator, high: Indicator) -> bool:
    if low.sentence != high.sentence or low.span.paragraph_id != high.span.paragraph_id:
        return False
    start = low.span.end - low.sentence.start
    end = high.span.start - low.sentence.start
    return bool(_RANGE_JOIN.match(low.sentence.text[start:end])) and high.value > low.value


def _range(low: FigureRef, high: Indicator) -> FigureRef:
    text = low.sentence[low.span.start - low.sentence_span.start : high.span.end - low.sentence_span.start]
    return FigureRef(
        report=low.report,
        report_year=low.report_year,
        figure=low.figure,
        value=low.value,
        high=high.value * high.factor / low.factor,
        unit=low.unit,
        unit_normalised=low.unit_normalised,
        factor=low.factor,
        modifier=low.modifier or high.modifier,
        text=text,
        sentence=low.sentence,
        sentence_span=low.sentence_span,
        span=low.span,
        review=low.review if high.review is Review.CONFIRMED else high.review,
    )


def _outcome(target: FigureRef, later: Iterable[_Figures], key: str, year: int) -> FigureRef | None:
    """The first figure of ``key`` for ``year`` that is not a target, in the earliest later report saying one.

    A figure in the target's unit comes before one in another unit in the same report.
    """
    for figures in later:
        candidates = [
            i for i in figures.figures if i.series == key and i.year == year and i.kind not in _NOT_OUTCOMES
        ]
        if candidates:
            same_unit = [i for i in candidates if i.unit_normalised == target.unit_normalised]
            return _ref(figures.report, (same_unit or candidates)[0])
    return None


def _implied_budget(target: FigureRef, next_year: _Figures | None, key: str) -> FigureRef | None:
    """The year-Y budget implied by the next report's own budget and its 比去年 comparison."""
    if next_year is None:
        return None
    year = next_year.report.metadata.year
    figures = next_year.figures
    for budget in figures:
        if budget.series != key or budget.kind is not IndicatorKind.TARGET or budget.year != year:
            continue
        sentence = budget.sentence
        after = sentence.text[budget.span.end - sentence.start :]
        following = [
            i
            for i in next_year.report.indicators
            if i.sentence == sentence and i.span.start >= budget.span.end and i.review is not Review.REJECTED
        ]
        change = min(following, key=lambda i: i.span.start, default=None)
        if change is not None:
            between = sentence.text[budget.span.end - sentence.start : change.span.start - sentence.start]
            sign = 1 if _LESS.match(between) else -1 if _MORE.match(between) else 0
            if sign:
                return _implied(target, budget, change, sign, next_year.report)
        if _SAME.match(after):
            return _implied(target, budget, None, 0, next_year.report)
    return None


def _implied(
    target: FigureRef, budget: Indicator, change: Indicator | None, sign: int, report: Report
) -> FigureRef | None:
    """The earlier budget as a figure reference: B ± C in the target's unit, with its formula."""
    budget_value = budget.value * budget.factor
    unit_normalised = budget.unit_normalised
    formula = f"{_written(budget)} (保持不变)"
    if change is not None:
        change_unit = _PERCENT_POINTS.get(change.unit, change.unit_normalised)
        if change_unit != unit_normalised:
            return None
        budget_value += sign * change.value * change.factor
        formula = f"{_written(budget)} {'+' if sign > 0 else '−'} {_written(change)}"
    anchor = change or budget
    if unit_normalised != target.unit_normalised:
        return None
    value = budget_value / target.factor
    return FigureRef(
        report=report.id,
        report_year=report.metadata.year,
        figure=anchor.id,
        value=round(value, 9),
        unit=target.unit,
        unit_normalised=target.unit_normalised,
        factor=target.factor,
        modifier="",
        text=anchor.span.text,
        sentence=anchor.sentence.text,
        sentence_span=anchor.sentence,
        span=anchor.span,
        review=budget.review if change is None or change.review is Review.CONFIRMED else change.review,
        formula=formula,
    )


def _written(indicator: Indicator) -> str:
    return value_text(indicator.value, indicator.unit).replace(" ", "")


def _ref(report: Report, indicator: Indicator) -> FigureRef:
    return FigureRef(
        report=report.id,
        report_year=report.metadata.year,
        figure=indicator.id,
        value=indicator.value,
        unit=indicator.unit,
        unit_normalised=indicator.unit_normalised,
        factor=indicator.factor,
        modifier=indicator.modifier,
        text=indicator.span.text,
        sentence=indicator.sentence.text,
        sentence_span=indicator.sentence,
        span=indicator.span,
        review=indicator.review,
    )
