"""The README documents the verdict rules (issue 16's "done when"): every verdict with an example, the
CPI case (0.2% against 3%左右 is below, not missed) as the bundled collection has it, the tolerances
as data/series.json states them, and the agreement figures the agreement test pins.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop_app.core.library import Library
from desktop_app.core.targets import Pair, Verdict, pair, series_table
from tests.core.targets.test_agreement import PAIRS_FOUND_FLOOR, VERDICTS_AGREE_FLOOR

README = Path(__file__).resolve().parents[3] / "README.md"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    start = text.index("**Verdict rules.**")
    return text[start : text.index("\n## ", start)]


def _rows() -> dict[str, tuple[str, str]]:
    """The verdict table: each verdict named in a row's first cell, with the row's 'when' and example."""
    rows: dict[str, tuple[str, str]] = {}
    for line in _section().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[0].startswith("`"):
            for name in re.findall(r"`([a-z_]+)`", cells[0]):
                rows[name] = (cells[1], cells[2])
    return rows


def test_every_verdict_is_documented_with_its_rule_and_an_example() -> None:
    rows = _rows()
    assert set(rows) == {str(v) for v in Verdict}
    for name, (when, example) in rows.items():
        assert when and example, name


@pytest.fixture(scope="module")
def cpi_2023(tmp_path_factory: pytest.TempPathFactory) -> Pair:
    library = Library.open(tmp_path_factory.mktemp("library"))
    try:
        reports = [library.load(e.id) for e in library.entries("national") if e.year in (2023, 2024)]
    finally:
        library.close()
    return next(p for p in pair(reports) if p.series.key == "cpi" and p.year == 2023)


def test_the_cpi_example_is_what_the_bundled_collection_says(cpi_2023: Pair) -> None:
    when, example = _rows()["below"]
    assert "居民消费价格涨幅3%左右 → 0.2%" in example and "below, not missed" in example
    assert "neither direction is better" in when
    assert cpi_2023.target is not None and cpi_2023.outcome is not None
    assert (cpi_2023.target.value, cpi_2023.target.modifier) == (3.0, "左右")
    assert cpi_2023.outcome.value == 0.2 and cpi_2023.outcome.report_year == 2024
    assert cpi_2023.verdict is Verdict.BELOW
    assert "0.2%" in cpi_2023.rule.en and "not missed" in cpi_2023.rule.en


def test_the_tolerances_stated_are_the_series_table_s() -> None:
    section = _section()
    table = series_table()
    stated = {
        "gdp_growth": "±0.5",
        "cpi": "±0.5",
        "urban_registered_unemployment": "±0.5",
        "surveyed_unemployment": "±0.5",
        "energy_intensity": "±0.5",
        "m2_growth": "±0.5",
        "foreign_trade_growth": "±1",
        "deficit_ratio": "±0.1",
    }
    assert "GDP, CPI, unemployment, energy" in section and "trade ±1; deficit ratio ±0.1" in section
    for key, tolerance in stated.items():
        assert table[key].tolerance == float(tolerance.lstrip("±")), key
    assert "A series without a tolerance meets a 左右" in section


def test_the_agreement_stated_is_the_one_pinned() -> None:
    section = _section()
    assert f"**{PAIRS_FOUND_FLOOR} of 87 pairs**" in section
    assert f"agrees on **{VERDICTS_AGREE_FLOOR} of 87**" in section
