"""The records of targets and outcomes: :class:`FigureRef`, :class:`Pair`, :class:`Verdict`, :class:`Rule`."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from desktop_app.core.language import Language
from desktop_app.core.model import Review, Span
from desktop_app.core.targets.semantics import TargetSemantics
from desktop_app.core.targets.series import Series

__all__ = ["Basis", "FigureRef", "Pair", "Rule", "TextFigure", "Verdict"]


class Verdict(enum.StrEnum):
    """The fixed vocabulary of verdicts; :func:`~desktop_app.core.targets.verdicts.verdict` says when."""

    MET = "met"
    MISSED = "missed"
    ABOVE = "above"
    BELOW = "below"
    QUALITATIVE = "qualitative"
    CONSISTENT = "consistent"
    NO_OUTCOME_STATED = "no_outcome_stated"
    NO_LATER_REPORT = "no_later_report"


class Basis(enum.StrEnum):
    """What a target is compared with: a stated outcome, or a later report's implied budget."""

    OUTCOME = "outcome"
    BUDGET = "budget vs budget"


@dataclass(frozen=True, slots=True)
class Rule:
    """The rule that produced a verdict, with the numbers filled in.

    Attributes:
        code: a stable name of the rule (``approximately.within``, ``at_least.missed`` …).
        zh, en: the rule in words, e.g. ``约数目标：|6.9% − 7%| = 0.1 ≤ 容差 0.5``.
    """

    code: str
    zh: str
    en: str

    def text(self, language: Language = Language.ZH) -> str:
        """The rule in ``language``."""
        return self.zh if language is Language.ZH else self.en


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A target or an outcome: one figure of one report, with where it stands.

    Attributes:
        report: the report's id (:attr:`Report.id`); ``report_year`` its year.
        figure: the indicator's id, or "" for words (a text target or outcome) with no figure.
        value: the number as written (the low end of a range), or None for words (国际收支基本平衡);
            ``high`` the high end of a range.
        unit: the unit as written; ``factor`` turns ``value`` into ``unit_normalised``.
        modifier: the modifier as written (左右, 以上, 力争…突破, or "").
        text: the figure as it stands in the sentence (``7%左右``).
        sentence: the sentence's words; ``sentence_span`` where it stands (open the report there);
            ``span`` the figure itself.
        review: whether a person confirmed the figure (only confirmed ones are paired by default).
        formula: for a budget implied by a later report (budget vs budget), how it is computed from
            the stated figures, e.g. ``2.18万亿元 − 5600亿元``; "" for a stated figure.
    """

    report: str
    report_year: int
    figure: str
    value: float | None
    unit: str
    unit_normalised: str
    factor: float
    modifier: str
    text: str
    sentence: str
    sentence_span: Span
    span: Span
    review: Review = Review.CONFIRMED
    high: float | None = None
    formula: str = ""

    @property
    def is_text(self) -> bool:
        """Words, not a number: a qualitative target or outcome."""
        return self.value is None

    @property
    def normalised(self) -> float | None:
        """``value`` in ``unit_normalised`` (None for words)."""
        return None if self.value is None else self.value * self.factor

    @property
    def confirmed(self) -> bool:
        return self.review is Review.CONFIRMED


@dataclass(frozen=True, slots=True)
class Pair:
    """A year's target and the outcome a later report states, with the verdict and its rule.

    Attributes:
        series: the series; ``name`` its name as the target report words it (or the series' name).
        year: the year the target is for.
        target: the target, or None where only an outcome is known.
        outcome: the outcome (or implied budget), or None where no later report states one.
        semantics: how the target is read (None without a target).
        verdict: the verdict; ``rule`` what produced it.
        basis: ``outcome`` or ``budget vs budget``.
        unreviewed: a figure of the pair is only proposed (pairs only include them when asked to).
    """

    series: Series
    name: str
    year: int
    target: FigureRef | None
    outcome: FigureRef | None
    semantics: TargetSemantics | None
    verdict: Verdict
    rule: Rule
    basis: Basis = Basis.OUTCOME
    unreviewed: bool = False


@dataclass(frozen=True, slots=True)
class TextFigure:
    """A target or outcome stated in words (国际收支基本平衡, 保持较低水平), located in a report.

    The schema's figures need a number, so words come from a review's list (for the national
    collection, the ``qualitative`` part of ``data/reviews/national.json``); see
    :mod:`desktop_app.core.targets.texts`.

    Attributes:
        report: the report's id; ``report_year`` its year.
        series: the series key; ``year`` the year the words are about.
        role: ``target`` or ``outcome``.
        name: the indicator's name as the reviewer wrote it.
        text: the words (the review's snippet); ``span`` where they stand.
        sentence: the sentence holding them; ``sentence_span`` where it stands.
    """

    report: str
    report_year: int
    series: str
    year: int
    role: str
    name: str
    text: str
    span: Span
    sentence: str
    sentence_span: Span

    def ref(self) -> FigureRef:
        """The words as a :class:`FigureRef` without a value."""
        return FigureRef(
            report=self.report,
            report_year=self.report_year,
            figure="",
            value=None,
            unit="",
            unit_normalised="",
            factor=1.0,
            modifier="",
            text=self.text,
            sentence=self.sentence,
            sentence_span=self.sentence_span,
            span=self.span,
        )
