"""Semantics and verdicts: every rule of the vocabulary, with the numbers in its words."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop_app.core.language import Language
from desktop_app.core.model import Span
from desktop_app.core.targets import FigureRef, TargetSemantics, Verdict, semantics, series_table, verdict
from desktop_app.core.targets.series import Direction, Series

SPAN = Span("p0001", 0, 1, "x")


def fig(
    value: float, unit: str = "%", modifier: str = "", *, high: float | None = None, formula: str = ""
) -> FigureRef:
    factor = {"%": 1.0, "万人": 1e4, "亿元": 1e8, "万亿元": 1e12, "个": 1.0}[unit]
    base = {"%": "%", "万人": "人", "亿元": "元", "万亿元": "元", "个": "个"}[unit]
    return FigureRef(
        report="r",
        report_year=2018,
        figure="fig-0001",
        value=value,
        unit=unit,
        unit_normalised=base,
        factor=factor,
        modifier=modifier,
        text=f"{value}{unit}{modifier}",
        sentence="句。",
        sentence_span=SPAN,
        span=SPAN,
        high=high,
        formula=formula,
    )


S = series_table()
BUDGET_2015 = fig(1.62, "万亿元", formula="2.18万亿元 − 5600亿元")
BUDGET_WRONG = fig(1.72, "万亿元", formula="2.28万亿元 − 5600亿元")


@pytest.mark.parametrize(
    ("modifier", "key", "expected"),
    [
        ("左右", "gdp_growth", TargetSemantics.APPROXIMATELY),
        ("左右", "cpi", TargetSemantics.CEILING),  # a price target read as a ceiling
        ("以上", "new_urban_jobs", TargetSemantics.AT_LEAST),
        ("突破", "new_urban_jobs", TargetSemantics.AT_LEAST),
        ("以内", "urban_registered_unemployment", TargetSemantics.AT_MOST),
        ("控制在…以内", "urban_registered_unemployment", TargetSemantics.AT_MOST),
        ("力争", "gdp_growth", TargetSemantics.ASPIRATION),
        ("力争…突破", "new_urban_jobs", TargetSemantics.ASPIRATION),
        ("", "deficit", TargetSemantics.EXACT),
        ("", "balance_of_payments", TargetSemantics.QUALITATIVE),
    ],
)
def test_semantics(modifier: str, key: str, expected: TargetSemantics) -> None:
    assert semantics(modifier, S[key]) is expected


def test_semantics_of_ranges_and_text_targets() -> None:
    assert semantics("", S["gdp_growth"], is_range=True) is TargetSemantics.RANGE
    assert semantics("", S["gdp_growth"], has_value=False) is TargetSemantics.QUALITATIVE


@pytest.mark.parametrize(
    ("key", "target", "outcome", "expected", "code"),
    [
        # The case: CPI 0.2% against 3%左右 is below, not missed.
        ("cpi", fig(3, modifier="左右"), fig(0.2), Verdict.BELOW, "below_tolerance"),
        ("cpi", fig(3, modifier="左右"), fig(3.6), Verdict.ABOVE, "above_tolerance"),
        ("cpi", fig(3, modifier="左右"), fig(2.5), Verdict.MET, "within"),
        ("gdp_growth", fig(7, modifier="左右"), fig(6.9), Verdict.MET, "within"),
        ("gdp_growth", fig(7, modifier="左右"), fig(6.4), Verdict.MISSED, "worse_side"),
        ("gdp_growth", fig(6.5, modifier="左右"), fig(7.2), Verdict.MET, "better_side"),
        ("urban_registered_unemployment", fig(5.5, modifier="左右"), fig(6.1), Verdict.MISSED, "worse_side"),
        ("urban_registered_unemployment", fig(5.5, modifier="左右"), fig(4.9), Verdict.MET, "better_side"),
        ("new_urban_jobs", fig(1000, "万人", "以上"), fig(1312, "万人"), Verdict.MET, "at_least_met"),
        ("new_urban_jobs", fig(1100, "万人", "以上"), fig(1099, "万人"), Verdict.MISSED, "at_least_missed"),
        ("urban_registered_unemployment", fig(4.5, modifier="以内"), fig(4.02), Verdict.MET, "at_most_met"),
        (
            "urban_registered_unemployment",
            fig(4.5, modifier="以内"),
            fig(4.6),
            Verdict.MISSED,
            "at_most_missed",
        ),
        ("new_urban_jobs", fig(1100, "万人", "力争"), fig(1000, "万人"), Verdict.MISSED, "at_least_missed"),
        ("gdp_growth", fig(6.5, high=7), fig(6.7), Verdict.MET, "inside_range"),
        ("gdp_growth", fig(6.5, high=7), fig(7.3), Verdict.MET, "above_range"),
        ("gdp_growth", fig(6.5, high=7), fig(6.3), Verdict.MISSED, "below_range"),
        ("m2_growth", fig(12, high=13), fig(11.3), Verdict.BELOW, "below_range"),
        ("resident_income_growth", fig(6.5), fig(6.5), Verdict.MET, "exact_met"),
        ("balance_of_payments", fig(0), fig(0), Verdict.QUALITATIVE, "qualitative"),
        ("new_urban_jobs", fig(1000, "万人", "以上"), fig(5, "%"), Verdict.QUALITATIVE, "units_differ"),
        # Budget vs budget: 2.18万亿元 − 5600亿元 = 1.62万亿元.
        ("deficit", fig(1.62, "万亿元"), BUDGET_2015, Verdict.CONSISTENT, "budget_consistent"),
        ("deficit", fig(1.62, "万亿元"), BUDGET_WRONG, Verdict.ABOVE, "budget_differs"),
    ],
)
def test_verdicts(key: str, target: FigureRef, outcome: FigureRef, expected: Verdict, code: str) -> None:
    found, rule = verdict(target, outcome, S[key])
    assert (found, rule.code) == (expected, code)
    assert rule.zh and rule.en and rule.text(Language.ZH) == rule.zh


def test_rules_say_the_numbers() -> None:
    _, rule = verdict(fig(3, modifier="左右"), fig(0.2), S["cpi"])
    assert "0.2%" in rule.en and "3%" in rule.en and "0.5" in rule.en and "below, not missed" in rule.en
    assert "0.2%" in rule.zh and "记为低于" in rule.zh
    _, rule = verdict(fig(7, modifier="左右"), fig(6.9), S["gdp_growth"])
    assert "0.1" in rule.en and "0.0999" not in rule.en  # no float noise in the words


def test_per_mille_and_per_cent_convert() -> None:
    target = fig(1.0, modifier="以内")
    outcome = replace(fig(9.0), unit="‰", unit_normalised="‰")
    found, rule = verdict(target, outcome, S["population_growth"])
    assert found is Verdict.MET and "0.9%" in rule.en


def test_no_outcome() -> None:
    found, rule = verdict(fig(7, modifier="左右"), None, S["gdp_growth"])
    assert found is Verdict.NO_OUTCOME_STATED and "2019" in rule.en and "never a guess" in rule.en
    found, rule = verdict(fig(7, modifier="左右"), None, S["gdp_growth"], later_report=False)
    assert found is Verdict.NO_LATER_REPORT and rule.code == "no_later_report"


def test_a_series_without_tolerance_meets_an_approximately_target_only_exactly() -> None:
    series = Series("x", "甲", "x", "%", Direction.HIGHER)
    assert verdict(fig(5, modifier="左右"), fig(5), series)[0] is Verdict.MET
    assert verdict(fig(5, modifier="左右"), fig(4.9), series)[0] is Verdict.MISSED
