"""Pairs as plain JSON-ready dicts: the shape of ``report-viewer targets --json`` (issue 16).

Each pair is ``{series, name, year, target, outcome, verdict, rule}`` where ``target`` and
``outcome`` are ``{report, value, unit, modifier, sentence}`` or null (``value`` is ``[low, high]``
for a range target, null for words such as 国际收支基本平衡). Extra keys say more without changing
that shape: ``semantics``, ``basis``, ``rule_code``, ``unreviewed``, and per figure ``report_year``,
``figure``, ``text``, ``span`` (paragraph, start, end of the sentence) and, for a budget implied
by a later report, ``formula``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from desktop_app.core.language import Language
from desktop_app.core.presentation import number_text, value_text
from desktop_app.core.targets.types import FigureRef, Pair

__all__ = ["figure_json", "figure_text", "pair_json", "pairs_json"]

# Modifier words written after the number (7%左右, 1000万人以上); the others come before it (力争突破).
_AFTER = frozenset({"左右", "以上", "以内", "以下", "上下", "多", "余"})

Json = dict[str, Any]


def figure_text(figure: FigureRef | None) -> str:
    """A target or outcome as a reader writes it: ``7%左右``, ``力争突破250亿元``, ``6.5–7%``, words, or —.

    A budget implied by a later report adds its formula: ``1.62万亿元 (2.18万亿元 − 5600亿元)``.
    """
    if figure is None:
        return "\u2014"
    if figure.value is None:
        return figure.text
    words = [w for w in figure.modifier.split("\u2026") if w]
    before = "".join(w for w in words if w not in _AFTER)
    after = "".join(w for w in words if w in _AFTER)
    if figure.high is not None:
        number = f"{number_text(figure.value)}\u2013{value_text(figure.high, figure.unit)}"
    else:
        number = value_text(figure.value, figure.unit).replace(" ", "")
    text = f"{before}{number}{after}"
    return f"{text} ({figure.formula})" if figure.formula else text


def figure_json(figure: FigureRef | None) -> Json | None:
    """One target or outcome as JSON, or None."""
    if figure is None:
        return None
    value: float | list[float] | None = figure.value
    if figure.value is not None and figure.high is not None:
        value = [figure.value, figure.high]
    out: Json = {
        "report": figure.report,
        "value": value,
        "unit": figure.unit,
        "modifier": figure.modifier,
        "sentence": figure.sentence,
        "report_year": figure.report_year,
        "figure": figure.figure,
        "text": figure.text,
        "span": {
            "paragraph": figure.sentence_span.paragraph_id,
            "start": figure.sentence_span.start,
            "end": figure.sentence_span.end,
        },
        "review": str(figure.review),
    }
    if figure.formula:
        out["formula"] = figure.formula
    return out


def pair_json(pair: Pair, language: Language = Language.EN) -> Json:
    """One pair as JSON; the rule in ``language``."""
    return {
        "series": pair.series.key,
        "name": pair.series.name(language),
        "year": pair.year,
        "target": figure_json(pair.target),
        "outcome": figure_json(pair.outcome),
        "verdict": str(pair.verdict),
        "rule": pair.rule.text(language),
        "rule_code": pair.rule.code,
        "semantics": str(pair.semantics) if pair.semantics is not None else None,
        "basis": str(pair.basis),
        "unreviewed": pair.unreviewed,
    }


def pairs_json(pairs: Iterable[Pair], language: Language = Language.EN) -> list[Json]:
    """Every pair as JSON, in order."""
    return [pair_json(p, language) for p in pairs]
