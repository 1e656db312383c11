"""The verdict on a target and its outcome, with the rule that produced it: :func:`verdict`.

The rules, in order (values compared in the target's unit; ``tol`` is the series' tolerance, 0 where
the series states none):

* no outcome: ``no_later_report`` when no later report is in the library (and none states the
  outcome), else ``no_outcome_stated`` — never a guess;
* a text target (qualitative series or no value): ``qualitative``, target and outcome side by side;
* a number target whose later report has only words for the year (保持较低水平):
  ``no_outcome_stated``, with the words shown (a qualitative phrase is not an outcome figure);
* budget vs budget (the outcome is implied by a later report's 比去年 comparison): ``consistent`` when
  the implied budget equals the target to the written precision, else ``above``/``below``;
* units that do not convert: ``qualitative`` (shown side by side, not judged);
* at least (以上/突破/超过), and aspiration (力争) of a higher-is-better or neither series:
  ``met`` when outcome ≥ target, else ``missed``; at most (以内/以下/控制在), and aspiration of a
  lower-is-better series: ``met`` when outcome ≤ target, else ``missed``;
* range (6%－6.5%): ``met`` inside; outside, ``met``/``missed`` on the better/worse side of a
  higher/lower series, ``above``/``below`` for a neither series;
* approximately (左右), ceiling (a price's 左右 target) and exact: ``met`` when |outcome − target| ≤
  tol; outside, ``met``/``missed`` on the better/worse side of a higher/lower series,
  ``above``/``below`` for a neither series (CPI 0.2% against 3%左右 is ``below``, not ``missed``).
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache
from typing import Protocol

from desktop_app.core.language import Language
from desktop_app.core.presentation import number_text, value_text
from desktop_app.core.targets.semantics import TargetSemantics, semantics
from desktop_app.core.targets.series import Direction, Series
from desktop_app.core.targets.types import FigureRef, Rule, Verdict
from desktop_app.core.words import word

__all__ = ["UnitLike", "in_unit_of", "no_outcome_rule", "unit_scale", "verdict"]

_EPSILON = 1e-9
# Units that convert although they normalise apart: per mille and per cent (人口自然增长率).
_CONVERTIBLE = {("‰", "%"): 0.1, ("%", "‰"): 10.0}


class UnitLike(Protocol):
    """A unit as written, its normalised unit and the factor from one to the other."""

    @property
    def unit(self) -> str: ...
    @property
    def unit_normalised(self) -> str: ...
    @property
    def factor(self) -> float: ...


def verdict(
    target: FigureRef,
    outcome: FigureRef | None,
    series: Series,
    *,
    later_report: bool = True,
    later_year: int | None = None,
) -> tuple[Verdict, Rule]:
    """The verdict on ``target`` given ``outcome`` (see the module's rules).

    Args:
        target: the year's target.
        outcome: the outcome a later report states, or the budget it implies (``formula`` set); None
            when no later report states one.
        series: the series (direction, tolerance, ceiling, qualitative).
        later_report: whether the report of the year after is in the library (decides between
            ``no_outcome_stated`` and ``no_later_report`` when ``outcome`` is None).
        later_year: the year of that report (for the rule's words; default the target's year + 1).
    """
    year = target.report_year
    if outcome is None:
        return no_outcome_rule(year, later_year or year + 1, later_report=later_report)
    how = semantics(target.modifier, series, has_value=not target.is_text, is_range=target.high is not None)
    label = _words(f"semantics.{how.value}")
    if how is TargetSemantics.QUALITATIVE:
        return Verdict.QUALITATIVE, _rule("qualitative", label=label)
    if outcome.value is None or target.value is None:
        return Verdict.NO_OUTCOME_STATED, _rule(
            "words_only", year=str(year), later=str(outcome.report_year), words=outcome.text
        )
    o = in_unit_of(outcome, target)
    if o is None:
        return Verdict.QUALITATIVE, _rule("units_differ", t=_written(target), o=_written(outcome))
    t = target.value
    o_text, t_text = value_text(_round(o), target.unit), _target_text(target)
    if outcome.formula:
        code = "budget_consistent" if abs(o - t) <= _precision(target, outcome) else "budget_differs"
        found = Verdict.ABOVE if o > t else Verdict.BELOW
        if code == "budget_consistent":
            found = Verdict.CONSISTENT
        return found, _rule(code, o=o_text, t=t_text, formula=outcome.formula)
    direction = series.direction
    words: dict[str, str | dict[Language, str]] = {
        "label": label,
        "o": o_text,
        "t": t_text,
        "direction": _direction(direction),
    }
    if how is TargetSemantics.ASPIRATION:
        how = TargetSemantics.AT_MOST if direction is Direction.LOWER else TargetSemantics.AT_LEAST
    if how is TargetSemantics.AT_LEAST:
        met = o >= t - _EPSILON
        return (
            (Verdict.MET, _rule("at_least_met", **words))
            if met
            else (
                Verdict.MISSED,
                _rule("at_least_missed", **words),
            )
        )
    if how is TargetSemantics.AT_MOST:
        met = o <= t + _EPSILON
        return (
            (Verdict.MET, _rule("at_most_met", **words))
            if met
            else (
                Verdict.MISSED,
                _rule("at_most_missed", **words),
            )
        )
    if how is TargetSemantics.RANGE:
        high = target.high if target.high is not None else t
        if t - _EPSILON <= o <= high + _EPSILON:
            return Verdict.MET, _rule("inside_range", **words)
        side = _side(o > high, direction)
        return side, _rule("above_range" if o > high else "below_range", **words)
    # Approximately, ceiling and exact: a tolerance around the target.
    tolerance = series.tolerance if how is not TargetSemantics.EXACT and series.tolerance else 0.0
    distance = abs(o - t)
    words |= {"tol": number_text(tolerance), "d": number_text(_round(distance))}
    if how is TargetSemantics.EXACT and distance <= _EPSILON:
        return Verdict.MET, _rule("exact_met", **words)
    if distance <= tolerance + _EPSILON:
        return Verdict.MET, _rule("within", **words)
    side = _side(o > t, direction)
    if side is Verdict.MET:
        return side, _rule("better_side", **words)
    if side is Verdict.MISSED:
        return side, _rule("worse_side", **words)
    return side, _rule("above_tolerance" if side is Verdict.ABOVE else "below_tolerance", **words)


def in_unit_of(figure: FigureRef, target: FigureRef) -> float | None:
    """``figure``'s value in ``target``'s unit, or None when the units do not convert.

    Units convert when they normalise alike (5600亿元 and 1.62万亿元), are written alike (datasets
    built by hand normalise 个 to their own words), or are ‰ and %.
    """
    if figure.value is None:
        return None
    scale = unit_scale(figure, target)
    return figure.value * scale if scale is not None else None


def unit_scale(figure: UnitLike, target: UnitLike) -> float | None:
    """What a value in ``figure``'s unit is multiplied by to be in ``target``'s; None: no conversion.

    The rule of :func:`in_unit_of`, also the one that puts figures on one chart axis.
    """
    if figure.unit_normalised == target.unit_normalised:
        return figure.factor / target.factor
    if figure.unit == target.unit:
        return 1.0
    return _CONVERTIBLE.get((figure.unit, target.unit))


def no_outcome_rule(
    year: int, later_year: int, *, later_report: bool, unreviewed: str = ""
) -> tuple[Verdict, Rule]:
    """``no_outcome_stated`` (the later report is there but silent) or ``no_later_report``.

    Args:
        year: the target's year.
        later_year: the year of the report after it.
        later_report: whether that report is in the library.
        unreviewed: an unreviewed figure that would have been the outcome, named in the rule, never used.
    """
    if later_report and unreviewed:
        return Verdict.NO_OUTCOME_STATED, _rule(
            "unreviewed_outcome", year=str(year), later=str(later_year), figure=unreviewed
        )
    code = "no_outcome_stated" if later_report else "no_later_report"
    return Verdict(code), _rule(code, year=str(year), later=str(later_year))


def _side(above: bool, direction: Direction) -> Verdict:
    """Outside the target: met or missed where one direction is better, else above or below."""
    if direction is Direction.NEITHER:
        return Verdict.ABOVE if above else Verdict.BELOW
    better = above if direction is Direction.HIGHER else not above
    return Verdict.MET if better else Verdict.MISSED


def _direction(direction: Direction) -> dict[Language, str]:
    return _words(f"direction.{direction.value}")


@cache
def _words(key: str) -> dict[Language, str]:
    """A domain word in both languages (looked up once)."""
    return {lang: word(key, lang) for lang in Language}


def _rule(code: str, **fields: str | dict[Language, str]) -> Rule:
    """The rule ``code`` with its fields filled in both languages (a field may differ by language)."""

    def text(lang: Language) -> str:
        values = {k: (v[lang] if isinstance(v, dict) else v) for k, v in fields.items()}
        return word(f"rule.{code}", lang).format(**values)

    return Rule(code, text(Language.ZH), text(Language.EN))


def _round(value: float) -> float:
    """A computed value without float noise (6.9 − 7 is 0.0999…)."""
    return round(value, 9)


def _written(figure: FigureRef) -> str:
    return figure.text if figure.value is None else value_text(figure.value, figure.unit)


def _target_text(target: FigureRef) -> str:
    if target.value is None:
        return target.text
    if target.high is not None:
        return f"{number_text(target.value)}–{value_text(target.high, target.unit)}"
    return value_text(target.value, target.unit)


def _decimals(value: float | None) -> int:
    if value is None:
        return 0
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


def _precision(target: FigureRef, outcome: FigureRef) -> float:
    """Half a unit of the last digit written, in the target's unit: what 'equal as written' allows."""
    target_step = 10.0 ** -_decimals(target.value)
    # The implied budget is computed from figures written in their own units.
    outcome_step = 10.0 ** -_decimals(outcome.value) * outcome.factor / target.factor
    return max(target_step, outcome_step) / 2 + _EPSILON
