"""The bundled series table: every record checked, the keys other data uses present, errors located."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.importer.numbers import normalise_unit
from desktop_app.core.targets import Direction, load_series, propose_series, series_table
from desktop_app.core.targets.propose import bare_name

# Keys data/reviews/national.json (issue 15) and the issue name.
REQUIRED = [
    "gdp_growth",
    "cpi",
    "new_urban_jobs",
    "urban_registered_unemployment",
    "surveyed_unemployment",
    "grain_output",
    "energy_intensity",
    "deficit_ratio",
    "deficit",
    "local_special_bonds",
    "ultra_long_treasury_bonds",
    "central_budget_investment",
    "m2_growth",
    "social_financing_growth",
    "foreign_trade_growth",
    "retail_sales_growth",
    "fixed_asset_investment_growth",
    "resident_income_growth",
    "population_growth",
    "rural_poverty_reduction",
    "major_pollutant_reduction",
    "carbon_intensity",
]


def test_every_bundled_series_is_sound() -> None:
    table = series_table()
    assert set(REQUIRED) <= set(table)
    assert any(s.region == "临淄区" for s in table.values())
    for key, series in table.items():
        assert series.key == key and series.zh and series.en
        assert series.direction in Direction
        if series.unit:
            normalise_unit(series.unit)  # a unit the importer knows how to normalise
        # An approximately-target of a % series is judged with a stated tolerance.
        if series.unit == "%" and not series.budget:
            assert series.tolerance is not None, key
        # Each series proposes itself for its own name in its own unit.
        if not series.qualitative:
            assert propose_series(series.zh, series.unit, region=series.region) == key, key


def test_no_synonym_points_at_two_series_of_one_unit() -> None:
    seen: dict[tuple[str, str, str], str] = {}
    for series in series_table().values():
        for name in (series.zh, *series.synonyms):
            unit = normalise_unit(series.unit)[0] if series.unit else ""
            key = (bare_name(name), unit, series.region)
            assert seen.setdefault(key, series.key) == series.key, (name, seen[key], series.key)


def test_a_bad_series_file_names_every_bad_node(tmp_path: Path) -> None:
    path = tmp_path / "series.json"
    doc = {
        "format": "report-viewer-series",
        "format_version": 1,
        "series": [
            {"key": "Bad Key", "zh": "甲", "en": "a", "unit": "%", "direction": "up"},
            {"key": "b", "zh": "乙", "en": "b", "unit": "%", "direction": "higher", "tolerance": True},
            {"key": "b", "zh": "乙", "en": "b", "unit": "%", "direction": "lower", "colour": "red"},
            {"key": "c", "zh": "丙", "en": "c", "direction": "lower", "synonyms": [""]},
        ],
    }
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_series(path)
    text = caught.value.describe()
    assert str(path) in text
    for where in (
        "$.series[0].key",
        "$.series[0].direction",
        "$.series[1].tolerance",
        "$.series[2].colour",
        "$.series[3]: missing field 'unit'",
        "$.series[3].synonyms[0]",
    ):
        assert where in text, where


def test_a_duplicate_key_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "series.json"
    record = {"key": "a", "zh": "甲", "en": "a", "unit": "%", "direction": "higher"}
    doc = {"format": "report-viewer-series", "format_version": 1, "series": [record, record]}
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DatasetError, match=r"\$\.series\[1\]\.key: duplicate series key 'a'"):
        load_series(path)


@pytest.mark.parametrize(
    ("name", "unit", "region", "expected"),
    [
        ("国内生产总值", "%", "", "gdp_growth"),
        ("国内生产总值", "万亿元", "", None),  # a level, not the growth rate
        ("拟安排财政赤字", "万亿元", "", "deficit"),
        ("中央财政赤字", "万亿元", "", None),  # the central part of the deficit is not the deficit
        ("粮食产量要", "亿吨", "", "grain_output"),
        ("消费对经济", "%", "", None),
        ("广义货币M2预期", "%", "", "m2_growth"),
        ("居民人均可支配收入实际", "%", "", "resident_income_growth"),
        ("进出口总额", "亿元", "", None),
        ("进出口总额", "亿元", "临淄区", "linzi.foreign_trade"),
        ("比去年", "亿元", "", None),
        ("", "%", "", None),
    ],
)
def test_series_proposals(name: str, unit: str, region: str, expected: str | None) -> None:
    assert propose_series(name, unit, region=region) == expected
