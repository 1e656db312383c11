"""The CSV export: one row per figure, UTF-8 with a byte-order mark, read back by the csv module."""

from __future__ import annotations

import csv
import dataclasses
from pathlib import Path

import pytest

from desktop_app.core.atomic import ExportError
from desktop_app.core.csv_export import COLUMNS, csv_text, figure_rows, write_csv
from desktop_app.core.model import DerivedIndicator, Indicator, Report
from desktop_app.core.presentation import derived_description
from desktop_app.core.scope import resolve_scope


def read_back(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as file:
        reader = csv.DictReader(file)
        assert tuple(reader.fieldnames or ()) == COLUMNS
        return list(reader)


def test_whole_report_round_trips(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "figures.csv"
    assert write_csv(report, resolve_scope(report, "all"), path) == 40
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and not raw.startswith(b"\xef\xbb\xbf\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = read_back(path)
    assert len(rows) == 40
    indicators = list(report.all_indicators())
    assert [row["id"] for row in rows] == [i.id for i in indicators]
    for row, indicator in zip(rows, indicators, strict=True):
        assert float(row["value"]) == indicator.value
        assert row["name"] == indicator.name and row["unit"] == indicator.unit
        assert row["year"] == str(indicator.year) and row["kind"] == indicator.kind.value
        assert row["scope"] == indicator.scope.value
        assert row["goal_areas"].split(";") == list(indicator.goal_ids) or (
            not indicator.goal_ids and row["goal_areas"] == ""
        )
        if isinstance(indicator, Indicator):
            sentence = indicator.sentence
            assert row["sentence"] == sentence.text and row["modifier"] == indicator.modifier
            assert row["modifier_meaning"] == indicator.modifier_meaning.value
            assert (row["paragraph"], int(row["start"]), int(row["end"])) == (
                sentence.paragraph_id,
                sentence.start,
                sentence.end,
            )
            assert row["formula"] == row["range_low"] == row["range_high"] == ""
        else:
            assert row["formula"] == derived_description(indicator, report)
            assert indicator.formula in row["formula"]
            assert float(row["range_low"]) == indicator.range_low
            assert float(row["range_high"]) == indicator.range_high
            assert row["sentence"] == row["paragraph"] == row["modifier"] == ""


def test_known_values(report: Report) -> None:
    rows = {row["id"]: row for row in figure_rows(report, resolve_scope(report, "all"))}
    assert rows["ind-industrial-output"]["value"] == "2504"
    assert rows["ind-industrial-output"]["name"] == "规上工业总产值"
    assert rows["ind-livelihood-spending"]["value"] == "41.93"
    assert rows["der-linzi-gdp"]["kind"] == "derived"
    # Issue 12, point 1: a derived figure has its own scope (Zibo city's output), not its first input's.
    assert rows["der-city-industrial-output"]["scope"] == "city"
    assert rows["ind-industrial-output"]["scope"] == "district"
    # Point 5: the range rounding allows, rounded outward.
    assert (rows["der-linzi-gdp"]["range_low"], rows["der-linzi-gdp"]["range_high"]) == ("892", "1096")
    # Points 4, 11 and 15: what the modifier no longer carries (全部清零, 第1、2名, 十强) is in the meaning;
    # the thresholds are columns, not only words in the name; fewer villages below 20万元 is better.
    villages = rows["ind-villages-below-200k"]
    assert (villages["modifier"], villages["modifier_meaning"]) == ("", "eliminated")
    assert (villages["threshold_value"], villages["threshold_unit"], villages["lower_is_better"]) == (
        "20",
        "万元",
        "true",
    )
    above = rows["ind-villages-above-500k"]
    assert (above["threshold_value"], above["threshold_unit"], above["lower_is_better"]) == (
        "50",
        "万元",
        "false",
    )
    for fid in ("ind-assessment-group-rank", "ind-agri-top10"):
        assert (rows[fid]["modifier"], rows[fid]["modifier_meaning"]) == ("", "upper_bound"), fid
    assert (
        rows["ind-water-quality-rank"]["modifier"],
        rows["ind-water-quality-rank"]["modifier_meaning"],
    ) == (
        "前",
        "upper_bound",
    )
    assert (
        rows["ind-industrial-output"]["threshold_value"]
        == rows["ind-industrial-output"]["threshold_unit"]
        == ""
    )
    derived = rows["der-city-industrial-output"]
    assert derived["modifier_meaning"] == derived["lower_is_better"] == derived["threshold_value"] == ""


def test_goal_scope(report: Report, tmp_path: Path) -> None:
    path = tmp_path / "g8.csv"
    count = write_csv(report, resolve_scope(report, "g8-wellbeing"), path)
    rows = read_back(path)
    assert count == len(rows) == len(report.indicators_for_goal("g8-wellbeing"))
    assert rows and all("g8-wellbeing" in row["goal_areas"].split(";") for row in rows)
    assert any(row["kind"] == "derived" for row in rows)


def test_unknown_scope_writes_nothing(report: Report, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown scope"):
        write_csv(report, resolve_scope(report, "nope"), tmp_path / "x.csv")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_path_writes_nothing(report: Report, tmp_path: Path) -> None:
    target = tmp_path / "no-such-folder" / "figures.csv"
    with pytest.raises(ExportError, match="folder does not exist") as caught:
        write_csv(report, resolve_scope(report, "all"), target)
    assert str(target) in str(caught.value)
    assert list(tmp_path.iterdir()) == []


def test_spreadsheet_formulas_are_defused(report: Report) -> None:
    hostile = dataclasses.replace(report.indicators[0], name='=HYPERLINK("http://x")', modifier="+1")
    changed = dataclasses.replace(report, indicators=(hostile, *report.indicators[1:]))
    row = figure_rows(changed, resolve_scope(changed, "all"))[0]
    assert row["name"] == '\'=HYPERLINK("http://x")' and row["modifier"] == "'+1"
    assert row["value"] == "2504"


def test_text_without_bom_and_quoting(report: Report) -> None:
    text = csv_text(report, resolve_scope(report, "g1-growth"))
    assert text.startswith("id,goal_areas,name,")
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(text.splitlines()))
    assert {row["id"] for row in rows} == {i.id for i in report.indicators_for_goal("g1-growth")}
    assert any(isinstance(i, DerivedIndicator) for i in report.indicators_for_goal("g1-growth"))
