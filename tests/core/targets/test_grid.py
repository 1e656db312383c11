"""Pairs pivoted to series × years for the Targets & outcomes grid (desktop_app.core.targets.grid)."""

from __future__ import annotations

import dataclasses

from desktop_app.core.model import Span
from desktop_app.core.targets import FigureRef, Pair, Rule, Verdict, series_table
from desktop_app.core.targets.grid import compact_figure_text, pair_grid, target_to_outcome
from desktop_app.core.targets.types import Basis

RULE = Rule("test", "测", "test")


def _figure(year: int, value: float, text: str, modifier: str = "", formula: str = "") -> FigureRef:
    sentence = f"{year}年：{text}。"
    span = Span(f"p-{year}", 0, len(sentence), sentence)
    return FigureRef(
        report=f"national-{year}",
        report_year=year,
        figure=f"ind-{year}",
        value=value,
        unit="%",
        unit_normalised="%",
        factor=1.0,
        modifier=modifier,
        text=text,
        sentence=sentence,
        sentence_span=span,
        span=span,
        formula=formula,
    )


def _pair(key: str, year: int, verdict: Verdict = Verdict.MET, basis: Basis = Basis.OUTCOME) -> Pair:
    series = series_table()[key]
    target = _figure(year, 5.0, "5%左右", "左右")
    outcome = _figure(year + 1, 5.2, "5.2%")
    return Pair(series, series.zh, year, target, outcome, None, verdict, RULE, basis)


def test_series_are_rows_in_order_of_first_coming_and_years_columns_ascending() -> None:
    pairs = [_pair("gdp_growth", 2019), _pair("cpi", 2015), _pair("gdp_growth", 2015), _pair("cpi", 2021)]
    grid = pair_grid(pairs)
    assert [s.key for s in grid.series] == ["gdp_growth", "cpi"]
    assert grid.years == (2015, 2019, 2021)  # only the years some pair is for: no empty 2016–2018
    assert grid.pair(0, 0) is pairs[2] and grid.pair(0, 1) is pairs[0]
    assert grid.pair(0, 2) is None  # GDP growth has no 2021 pair: an empty cell
    assert grid.pair(1, 0) is pairs[1] and grid.pair(1, 2) is pairs[3]
    assert grid.pair(2, 0) is None and grid.pair(0, 3) is None and grid.pair(-1, 0) is None
    assert grid.position("cpi", 2021) == (1, 2)
    assert grid.position("gdp_growth", 2021) is None


def test_the_same_pairs_as_cells_as_went_in() -> None:
    pairs = [_pair(k, y) for k in ("gdp_growth", "cpi", "new_urban_jobs") for y in range(2015, 2022)]
    grid = pair_grid(pairs)
    cells = [grid.pair(r, c) for r in range(len(grid.series)) for c in range(len(grid.years))]
    assert [p for p in cells if p is not None] == pairs


def test_no_pairs_no_grid() -> None:
    grid = pair_grid([])
    assert grid.series == () and grid.years == () and grid.pair(0, 0) is None


def test_a_stated_outcome_is_not_hidden_behind_a_budget_vs_budget_pair() -> None:
    budget = _pair("gdp_growth", 2019, Verdict.CONSISTENT, Basis.BUDGET)
    stated = _pair("gdp_growth", 2019, Verdict.MISSED)
    assert pair_grid([budget, stated]).pair(0, 0) is stated
    assert pair_grid([stated, budget]).pair(0, 0) is stated
    first = _pair("gdp_growth", 2019, Verdict.MET)
    assert pair_grid([first, stated]).pair(0, 0) is first  # two stated: the first, as the list's order


def test_target_to_outcome_is_compact() -> None:
    pair = _pair("gdp_growth", 2019)
    assert target_to_outcome(pair) == "5%左右 → 5.2%"
    no_outcome = dataclasses.replace(pair, outcome=None)
    assert target_to_outcome(no_outcome) == "5%左右 → —"
    implied = _figure(2020, 1.62, "", formula="2.18万亿元 − 5600亿元")
    implied = dataclasses.replace(implied, unit="万亿元")
    assert compact_figure_text(implied) == "1.62万亿元"  # the formula stays in the list and tooltip
