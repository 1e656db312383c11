"""Pair each year's targets with the outcomes later reports state: :func:`pair`.

For one government (same level and region), the year-Y target of a series (a figure of kind
``target`` for year Y in the report of year Y) meets the first figure of the same series for year Y
that is not a target, in the reports after Y (the report of Y+1 first). A budget series (deficit,
bonds, central budget investment) is paired apart, budget vs budget: the report of Y+1 states its
own budget B and compares it with last year's (``比去年增加 C`` → B − C; ``比去年预算低 C`` → B + C;
``保持不变`` → B), and that implied figure is compared with the year-Y budget.

Only confirmed figures are paired unless ``include_proposed`` is set; then a pair with a proposed
figure says so (:attr:`Pair.unreviewed`). Rejected figures never count. This holds for the 比去年
change of a budget comparison too: an unconfirmed change gives no implied budget.

A report that sets the next year's targets (1979–1982) stands in for that year's report where it
sets none for a series. A budget series with no 比去年 comparison in the next report is paired with
a stated outcome where a later report gives one (basis ``outcome``).

Where a report sets several targets of one series for the year under different names (化学需氧量、
氨氮 2%, 二氧化硫、氮氧化物 3%), each is a pair of its own (:attr:`Pair.name` is then the figure's
name) and its outcome must name the same indicator. Targets and outcomes stated in words
(:mod:`.texts`) stand in where a report has no number for the series.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from desktop_app.core.model import Indicator, IndicatorKind, Report, Review
from desktop_app.core.presentation import value_text
from desktop_app.core.targets.propose import bare_name
from desktop_app.core.targets.semantics import semantics
from desktop_app.core.targets.series import Series, SeriesTable, series_table
from desktop_app.core.targets.texts import national_texts
from desktop_app.core.targets.types import Basis, FigureRef, Pair, TextFigure
from desktop_app.core.targets.verdicts import no_outcome_rule, verdict
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
_NAME_PARTS = re.compile(r"[、和及与]")


def government_key(report: Report) -> tuple[str, str]:
    """Which government a report is of: its level and region name."""
    region = report.metadata.region
    return (str(report.metadata.level), region.name or region.district or region.city or region.province)


def pair(
    reports: Sequence[Report],
    *,
    table: SeriesTable | None = None,
    include_proposed: bool = False,
    texts: Iterable[TextFigure] | None = None,
) -> list[Pair]:
    """Every target of every report paired with its outcome, government by government.

    Args:
        reports: the reports of a collection (any order, any governments).
        table: the series (default: the bundled ``data/series.json``).
        include_proposed: also pair figures a reviewer has not confirmed (such pairs say so).
        texts: targets and outcomes in words (:mod:`.texts`); None: the national review's words for
            the national reports among ``reports``; ``()`` for none.

    Returns:
        The pairs by government, year and the series' order in the table.
    """
    table = table if table is not None else series_table()
    words = national_texts(reports).figures if texts is None else tuple(texts)
    words_by_report: dict[str, list[TextFigure]] = defaultdict(list)
    for item in words:
        if item.series in table:
            words_by_report[item.report].append(item)
    groups: dict[tuple[str, str], list[tuple[str, Report]]] = defaultdict(list)
    for report in reports:
        groups[government_key(report)].append((report.id, report))
    out: list[Pair] = []
    for key in sorted(groups):
        out.extend(_pairs(groups[key], table, include_proposed, words_by_report))
    return out


@dataclass(frozen=True, slots=True)
class _Figures:
    """One report's figures, indexed once.

    ``figures``: those with a known series (not rejected) in reading order; ``outcomes``: the
    non-target ones by (series, year); ``by_sentence``: every figure not rejected by its sentence.
    """

    name: str
    report: Report
    figures: tuple[Indicator, ...]
    words: tuple[TextFigure, ...]
    outcomes: Mapping[tuple[str, int], tuple[Indicator, ...]]
    by_sentence: Mapping[tuple[str, int], tuple[Indicator, ...]]


@dataclass(frozen=True, slots=True)
class _Target:
    series: str
    name: str
    ref: FigureRef
    several: bool  # the report has several targets of the series for the year, told apart by name


def _pairs(
    reports: list[tuple[str, Report]],
    table: SeriesTable,
    include_proposed: bool,
    words: Mapping[str, Sequence[TextFigure]],
) -> list[Pair]:
    shown = include_proposed  # proposed figures too, as core/unreviewed.is_shown decides
    by_year = _by_year(reports, table, words)
    years = sorted(by_year)
    order = {key: i for i, key in enumerate(table)}
    out: list[Pair] = []
    for year in sorted({*years, *(y + 1 for y in years)}):
        later = [by_year[y] for y in years if y > year]
        following = by_year.get(year + 1)
        targets = _targets(by_year[year], year, shown) if year in by_year else []
        if year - 1 in by_year:
            # A report that sets next year's targets (1979–1982): used where that year's report sets none.
            have = {t.series for t in targets}
            targets += [t for t in _targets(by_year[year - 1], year, shown) if t.series not in have]
        for item in sorted(targets, key=lambda t: order[t.series]):  # stable: reading order within a series
            series = table[item.series]
            target = item.ref
            outcome, basis = _find(item, series, later, following, year, shown)
            # What an unreviewed figure would say is named (never used) where no reviewed one is found.
            hidden = None
            if outcome is None and following is not None and not include_proposed:
                hidden = _find(item, series, later, following, year, True)[0]
            if hidden is not None:
                found, rule = no_outcome_rule(year, year + 1, later_report=True, unreviewed=hidden.text)
            else:
                found, rule = verdict(
                    target, outcome, series, later_report=following is not None, later_year=year + 1
                )
            out.append(
                Pair(
                    series=series,
                    name=bare_name(item.name) if item.several else series.zh,
                    year=year,
                    target=target,
                    outcome=outcome,
                    semantics=semantics(
                        target.modifier,
                        series,
                        has_value=not target.is_text,
                        is_range=target.high is not None,
                    ),
                    verdict=found,
                    rule=rule,
                    basis=basis,
                    unreviewed=not target.confirmed or (outcome is not None and not outcome.confirmed),
                )
            )
    return out


def _by_year(
    reports: list[tuple[str, Report]], table: SeriesTable, words: Mapping[str, Sequence[TextFigure]]
) -> dict[int, _Figures]:
    """Each year's report (the first of a year) with its figures indexed."""
    by_year: dict[int, _Figures] = {}
    for name, report in sorted(reports, key=lambda r: r[1].metadata.year):
        if report.metadata.year not in by_year:
            by_year[report.metadata.year] = _index(name, report, table, tuple(words.get(report.id, ())))
    return by_year


def _index(name: str, report: Report, table: Mapping[str, Series], words: tuple[TextFigure, ...]) -> _Figures:
    kept = [i for i in report.indicators if i.review is not Review.REJECTED]
    with_series = [i for i in kept if i.series is not None and i.series in table]
    paragraph = {p.id: i for i, p in enumerate(report.paragraphs)}
    with_series.sort(key=lambda i: (paragraph.get(i.span.paragraph_id, 0), i.span.start))
    figures = tuple(with_series)
    outcomes: dict[tuple[str, int], list[Indicator]] = defaultdict(list)
    for item in figures:
        if item.kind not in _NOT_OUTCOMES and item.series is not None:
            outcomes[item.series, item.year].append(item)
    by_sentence: dict[tuple[str, int], list[Indicator]] = defaultdict(list)
    for item in kept:
        by_sentence[item.sentence.paragraph_id, item.sentence.start].append(item)
    return _Figures(
        name,
        report,
        figures,
        tuple(replace(w, report=name) for w in words),
        {k: tuple(v) for k, v in outcomes.items()},
        {k: tuple(v) for k, v in by_sentence.items()},
    )


def _find(
    item: _Target,
    series: Series,
    later: Sequence[_Figures],
    following: _Figures | None,
    year: int,
    unreviewed: bool,
) -> tuple[FigureRef | None, Basis]:
    """The outcome of a target and its basis.

    For a budget series, the budget the next report implies; else, and where it implies none, the
    outcome a later report states.
    """
    if series.budget:
        implied = _implied_budget(item.ref, following, item.series, unreviewed)
        if implied is not None:
            return implied, Basis.BUDGET
    outcome = _outcome(item, later, year, unreviewed)
    basis = Basis.BUDGET if series.budget and outcome is None else Basis.OUTCOME
    return outcome, basis


def _targets(figures: _Figures, year: int, unreviewed: bool) -> list[_Target]:
    """The report's targets for ``year``, in reading order: one per series and name.

    Two targets of a series in one sentence joined by a dash are one range; a second target of a
    series with the same name (a restatement) is left out; targets with different names
    (化学需氧量 2%, 二氧化硫 3%) are paired apart. Words stand for a series without a number.
    """
    found: dict[tuple[str, str], _Target] = {}
    items = [
        i
        for i in figures.figures
        if i.kind is IndicatorKind.TARGET and i.year == year and is_shown(i.review, unreviewed)
    ]
    joined: set[int] = set()
    for k, item in enumerate(items):
        if k in joined or item.series is None:
            continue
        ref = _ref(figures.name, figures.report, item)
        following = items[k + 1] if k + 1 < len(items) else None
        if following is not None and following.series == item.series and _is_range(item, following):
            ref = _range(ref, following)
            joined.add(k + 1)
        found.setdefault((item.series, bare_name(item.name)), _Target(item.series, item.name, ref, False))
    numbered = {series for series, _ in found}
    for words in figures.words:
        if words.role == "target" and words.year == year and words.series not in numbered:
            found.setdefault(
                (words.series, words.name), _Target(words.series, words.name, words.ref(), False)
            )
    per_series = Counter(series for series, _ in found)
    return [replace(t, several=per_series[t.series] > 1) for t in found.values()]


def _is_range(low: Indicator, high: Indicator) -> bool:
    if low.sentence != high.sentence or low.span.paragraph_id != high.span.paragraph_id:
        return False
    start = low.span.end - low.sentence.start
    end = high.span.start - low.sentence.start
    return bool(_RANGE_JOIN.match(low.sentence.text[start:end])) and high.value > low.value


def _range(low: FigureRef, high: Indicator) -> FigureRef:
    text = low.sentence[low.span.start - low.sentence_span.start : high.span.end - low.sentence_span.start]
    return replace(
        low,
        high=high.value * high.factor / low.factor,
        modifier=low.modifier or high.modifier,
        text=text,
        review=low.review if high.review is Review.CONFIRMED else high.review,
    )


def _same_indicator(target: str, outcome: str) -> bool:
    """Whether an outcome's name is (part of) a target's: 二氧化硫排放量 for 二氧化硫、氮氧化物排放量."""
    parts = [bare_name(p) for p in _NAME_PARTS.split(target) if p]
    name = bare_name(outcome)
    return any(name.startswith(p) or p.startswith(name) for p in parts if len(p) >= 2)


def _outcome(target: _Target, later: Iterable[_Figures], year: int, unreviewed: bool) -> FigureRef | None:
    """The first non-target figure of the series for ``year``, in the earliest later report with one.

    A figure in the target's unit comes before one in another unit in the same report. Where the
    target report has several targets of the series, the outcome must name the same indicator.
    Words for the year count only where the report has no figure. A target in words of a series
    (主要污染物排放继续减少) is also answered by figures of its parts (``major_pollutant_reduction.so2``).
    """
    key, unit = target.series, target.ref.unit_normalised
    for figures in later:
        candidates = [i for i in figures.outcomes.get((key, year), ()) if is_shown(i.review, unreviewed)]
        if not candidates and target.ref.is_text:
            parts = [
                i
                for (k, y), found in figures.outcomes.items()
                if y == year and k.startswith(f"{key}.")
                for i in found
            ]
            candidates = sorted(
                (i for i in parts if is_shown(i.review, unreviewed)), key=figures.figures.index
            )
        if target.several:
            candidates = [i for i in candidates if _same_indicator(target.name, i.name)]
        if candidates:
            same_unit = [i for i in candidates if i.unit_normalised == unit or i.unit == target.ref.unit]
            return _ref(figures.name, figures.report, (same_unit or candidates)[0])
        said = [w for w in figures.words if w.role == "outcome" and w.series == key and w.year == year]
        if target.several:
            said = [w for w in said if _same_indicator(target.name, w.name)]
        if said:
            return said[0].ref()
    return None


def _implied_budget(
    target: FigureRef, next_year: _Figures | None, key: str, unreviewed: bool
) -> FigureRef | None:
    """The year-Y budget implied by the next report's own budget and its 比去年 comparison."""
    if next_year is None:
        return None
    year = next_year.report.metadata.year
    figures = next_year.figures
    for budget in figures:
        if budget.series != key or budget.kind is not IndicatorKind.TARGET or budget.year != year:
            continue
        if not is_shown(budget.review, unreviewed):
            continue
        sentence = budget.sentence
        after = sentence.text[budget.span.end - sentence.start :]
        change = min(
            (
                i
                for i in next_year.by_sentence.get((sentence.paragraph_id, sentence.start), ())
                if i.span.start >= budget.span.end and is_shown(i.review, unreviewed)
            ),
            key=lambda i: i.span.start,
            default=None,
        )
        if change is not None:
            between = sentence.text[budget.span.end - sentence.start : change.span.start - sentence.start]
            sign = 1 if _LESS.match(between) else -1 if _MORE.match(between) else 0
            if sign:
                return _implied(target, budget, change, sign, next_year)
        if _SAME.match(after):
            return _implied(target, budget, None, 0, next_year)
    return None


def _implied(
    target: FigureRef, budget: Indicator, change: Indicator | None, sign: int, where: _Figures
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
        report=where.name,
        report_year=where.report.metadata.year,
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


def _ref(name: str, report: Report, indicator: Indicator) -> FigureRef:
    return FigureRef(
        report=name,
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
