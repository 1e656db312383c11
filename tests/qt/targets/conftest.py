"""Pairs for the view's tests, built from the hand-made table in ``tests/data/gold_targets.json``.

The gold table was written by hand from the national reports; its targets and outcomes go through the
core's own :func:`~desktop_app.core.targets.verdict`, so the view shows the core's verdicts and rules.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from desktop_app.core.model import Span
from desktop_app.core.targets import FigureRef, Pair, semantics, series_table, verdict
from desktop_app.core.targets.verdicts import no_outcome_rule

GOLD = Path(__file__).resolve().parents[2] / "data" / "gold_targets.json"
_KEYS = {"urban_new_jobs": "new_urban_jobs"}  # the gold table's key for a series the core names otherwise


def _figure(record: dict[str, Any]) -> FigureRef:
    value = record.get("value")
    high = None
    if isinstance(value, list):
        value, high = value
    sentence = record["sentence"]
    year = record["report_year"]
    span = Span(f"national-{year}-p1", 0, len(sentence), sentence)
    return FigureRef(
        report=f"national-{year}",
        report_year=year,
        figure="",
        value=float(value or 0.0),
        unit=record.get("unit", ""),
        unit_normalised=record.get("unit", ""),
        factor=1.0,
        modifier=record.get("modifier", ""),
        text=record.get("text", ""),
        sentence=sentence,
        sentence_span=span,
        span=span,
        high=high,
    )


def gold_pairs() -> list[Pair]:
    """The gold table's pairs that have a target, with the core's verdicts."""
    document = json.loads(GOLD.read_text(encoding="utf-8"))
    table = series_table()
    pairs = []
    for record in document["pairs"]:
        key = _KEYS.get(record["series"], record["series"])
        if key not in table or record["target"] is None:
            continue
        series = table[key]
        target = _figure(record["target"])
        outcome = _figure(record["outcome"]) if record["outcome"] else None
        if outcome is None:
            later = record["expected_verdict"] != "no_later_report"
            found, rule = no_outcome_rule(record["year"], record["year"] + 1, later_report=later)
        else:
            found, rule = verdict(target, outcome, series)
        how = semantics(
            target.modifier,
            series,
            has_value=record["target"].get("value") is not None,
            is_range=target.high is not None,
        )
        pairs.append(Pair(series, series.zh, record["year"], target, outcome, how, found, rule))
    return pairs


@pytest.fixture(scope="session")
def pairs() -> list[Pair]:
    return gold_pairs()
