"""How pairs of targets and outcomes are shown: verdict looks, cell texts, a series' chart. No Qt.

The Targets & outcomes view, its chart and its printed summary all call these, so a verdict has one
colour, one icon and one word everywhere (the CLI and CSV write the same words):

=====================  =========  ==========  =============================================
verdict                colour     icon        why
=====================  =========  ==========  =============================================
met                    green      check       within tolerance, or on the better side
missed                 red        cross       on the worse side of the target
above / below          amber      arrow       outside the tolerance where neither side is better
qualitative            violet     two bars    words beside words, not judged
consistent             teal       equals      budget vs budget agrees
no_outcome_stated      grey       dash        the later report is there but silent
no_later_report        grey       ellipsis    no later report in the library
=====================  =========  ==========  =============================================

Colour is never the only signal: every verdict also has its icon and its word.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType

from desktop_app.core.language import Language
from desktop_app.core.presentation import number_text
from desktop_app.core.targets.chart import MarkShape, OutcomePoint, SeriesChart, TargetMark
from desktop_app.core.targets.semantics import TargetSemantics
from desktop_app.core.targets.series import Series
from desktop_app.core.targets.types import FigureRef, Pair, Verdict
from desktop_app.core.targets.verdicts import unit_scale
from desktop_app.core.unreviewed import unreviewed_label
from desktop_app.core.words import word

__all__ = [
    "VERDICT_COLOURS",
    "VERDICT_ICONS",
    "figure_cell_text",
    "mark_shape",
    "series_chart",
    "verdict_label",
    "verdict_text",
]

VERDICT_COLOURS: Mapping[Verdict, str] = MappingProxyType(
    {
        Verdict.MET: "#2e7d32",
        Verdict.MISSED: "#c62828",
        Verdict.ABOVE: "#b26a00",
        Verdict.BELOW: "#b26a00",
        Verdict.QUALITATIVE: "#6a3d9a",
        Verdict.CONSISTENT: "#00796b",
        Verdict.NO_OUTCOME_STATED: "#6d6d6d",
        Verdict.NO_LATER_REPORT: "#9a9a9a",
    }
)
"""Each verdict's colour (text and icon; a light tint of it fills the cell)."""

VERDICT_ICONS: Mapping[Verdict, str] = MappingProxyType(
    {
        Verdict.MET: "check",
        Verdict.MISSED: "cross",
        Verdict.ABOVE: "up",
        Verdict.BELOW: "down",
        Verdict.QUALITATIVE: "pair",
        Verdict.CONSISTENT: "equals",
        Verdict.NO_OUTCOME_STATED: "dash",
        Verdict.NO_LATER_REPORT: "ellipsis",
    }
)
"""Each verdict's icon, by name (the Qt layer draws it: no glyph the bundled font may lack)."""

_SHAPES: Mapping[TargetSemantics, MarkShape] = MappingProxyType(
    {
        TargetSemantics.APPROXIMATELY: MarkShape.BAND,
        TargetSemantics.CEILING: MarkShape.BAND,  # a price's 左右 target is judged with its tolerance
        TargetSemantics.RANGE: MarkShape.BAND,
        TargetSemantics.AT_LEAST: MarkShape.FLOOR,
        TargetSemantics.ASPIRATION: MarkShape.FLOOR,
        TargetSemantics.AT_MOST: MarkShape.CEILING,
        TargetSemantics.EXACT: MarkShape.POINT,
    }
)


def verdict_text(verdict: Verdict, lang: Language | str = Language.ZH) -> str:
    """The verdict's word (``达成`` / ``met``)."""
    return word(f"verdict.{verdict.value}", lang)


def verdict_label(pair: Pair, lang: Language | str = Language.ZH) -> str:
    """A pair's verdict as every view words it: ``达成``, or ``达成 [未审核]`` on an unreviewed figure.

    A pair rests on a figure nobody has confirmed only when the reader asked for them (issue 14).
    """
    text = verdict_text(pair.verdict, lang)
    return f"{text} [{unreviewed_label(lang)}]" if pair.unreviewed else text


_AFTER_NUMBER = frozenset({"左右", "上下", "以上", "以内", "以下", "多"})
"""Modifier words written after the number (7%左右); the others come before it (控制在3%, 力争突破)."""


def figure_cell_text(figure: FigureRef | None) -> str:
    """A target or outcome as the table shows it: as written, with its modifier (``6.5%左右``).

    A figure's text that lacks its modifier gets it back in its place: ``3%`` with ``控制在`` is
    ``控制在3%``, ``1100万人`` with ``力争…以上`` is ``力争1100万人以上``. Words (a text target) are
    shown as they are; a budget implied by a later report as ``1.62万亿元 (2.18万亿元 − 5600亿元)``.
    """
    if figure is None:
        return "—"
    if figure.formula and figure.value is not None:
        # A budget implied by a later report: the implied value, then how it follows from the words.
        return f"{number_text(figure.value)}{figure.unit} ({figure.formula})"
    number = "" if figure.value is None else f"{number_text(figure.value)}{figure.unit}"
    text = figure.text or number
    before: list[str] = []
    after: list[str] = []
    for part in (w for w in figure.modifier.split("…") if w):
        if part not in text:
            (after if part in _AFTER_NUMBER else before).append(part)
    return "".join(before) + text + "".join(after)


def mark_shape(semantics: TargetSemantics | None, series: Series) -> MarkShape | None:
    """How a target is drawn on its series' chart; None for a text target (nothing to plot).

    An aspiration (力争) of a lower-is-better series is a ceiling, as its verdict reads it.
    """
    if semantics is None or semantics is TargetSemantics.QUALITATIVE:
        return None
    if semantics is TargetSemantics.ASPIRATION and series.direction.value == "lower":
        return MarkShape.CEILING
    return _SHAPES[semantics]


@dataclass(frozen=True, slots=True)
class _Axis:
    """The chart's one unit: a figure's unit as written and its factor to the normalised unit."""

    unit: str
    unit_normalised: str
    factor: float

    def fits(self, figure: FigureRef) -> bool:
        """Whether ``figure`` converts to the axis' unit, by the verdicts' own rule (``unit_scale``)."""
        return figure.factor > 0 and unit_scale(figure, self) is not None

    def value(self, figure: FigureRef, value: float) -> float:
        """``value`` (in ``figure``'s unit) in the axis' unit: 3989亿斤 on a 万亿斤 axis is 0.3989."""
        scale = unit_scale(figure, self)
        return value * scale if scale is not None else math.nan


def _target_mark(pair: Pair, axis: _Axis, lang: Language | str) -> TargetMark | None:
    target = pair.target
    shape = mark_shape(pair.semantics, pair.series)
    if target is None or shape is None or target.value is None or not axis.fits(target):
        return None
    low = high = value = axis.value(target, target.value)
    if target.high is not None:
        high = axis.value(target, target.high)
        value = (low + high) / 2
    elif shape is MarkShape.BAND:
        # The tolerance is stated in the series' unit, which its targets are written in.
        tolerance = axis.value(target, pair.series.tolerance or 0.0)
        low, high = value - tolerance, value + tolerance
    return TargetMark(
        year=pair.year,
        value=value,
        low=low,
        high=high,
        shape=shape,
        label=_chart_label(target, lang),
        sentence=target.sentence,
        ref=(pair.series.key, pair.year, "target"),
        stated=target.high is None,
        unreviewed=not target.confirmed,
    )


def _outcome_point(pair: Pair, axis: _Axis, lang: Language | str) -> OutcomePoint | None:
    outcome = pair.outcome
    if outcome is None or outcome.value is None or not axis.fits(outcome):
        return None  # one axis, one kind of unit: an outcome in another stays in the table
    return OutcomePoint(
        year=pair.year,
        value=axis.value(outcome, outcome.value),
        label=_chart_label(outcome, lang),
        sentence=outcome.sentence,
        ref=(pair.series.key, pair.year, "outcome"),
        unreviewed=not outcome.confirmed,
    )


def _chart_label(figure: FigureRef, lang: Language | str) -> str:
    """A mark's label: the figure as written, after the unreviewed tag when nobody confirmed it."""
    tag = word("figure.unreviewed_tag", lang) if not figure.confirmed else ""
    return tag + figure_cell_text(figure)


def _axis(pairs: Sequence[Pair], series: Series) -> _Axis:
    """The unit of the latest target (else outcome): what a reader of the series reads today.

    Figures in other units of the same quantity (亿斤 and 万亿斤) are converted to it through their
    normalised values; figures of another quantity (亿公斤) are left off the chart.
    """
    figures = [
        f
        for p in reversed(pairs)
        for f in (p.target, p.outcome)
        if f is not None and f.value is not None and f.factor > 0  # words have no unit to draw in
    ]
    latest = figures[0] if figures else None
    if latest is None:
        return _Axis(series.unit, series.unit, 1.0)
    return _Axis(latest.unit, latest.unit_normalised, latest.factor)


def series_chart(series: Series, pairs: Iterable[Pair], lang: Language | str = Language.ZH) -> SeriesChart:
    """The chart of one series across years, from its pairs.

    One axis, one unit: values are plotted in the unit of the series' latest target, figures
    written in another unit of the same quantity converted to it (labels and hover keep them as
    written); a figure of another quantity stays in the table. Marks and points carry
    ``(series key, year, "target" | "outcome")`` as their ``ref``.

    Args:
        series: The series.
        pairs: Its pairs (pairs of other series are ignored), in any order.
        lang: The chart's language (its title).
    """
    mine = sorted((p for p in pairs if p.series.key == series.key), key=lambda p: p.year)
    axis = _axis(mine, series)
    targets = [m for p in mine if (m := _target_mark(p, axis, lang))]
    outcomes = [o for p in mine if (o := _outcome_point(p, axis, lang))]
    return SeriesChart(
        key=series.key,
        title=series.name(Language.from_tag(lang)),
        unit=axis.unit,
        targets=tuple(targets),
        outcomes=tuple(outcomes),
    )
