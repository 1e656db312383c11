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
from desktop_app.core.targets.types import FigureRef, Pair

__all__ = ["figure_json", "pair_json", "pairs_json"]

Json = dict[str, Any]


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
