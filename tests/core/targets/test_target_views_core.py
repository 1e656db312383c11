"""What the Targets & outcomes view, its chart, CSV, cache and printed summary are made of (no Qt)."""

from __future__ import annotations

import csv
import dataclasses
import datetime
import json
import os
import re
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

import desktop_app.core.targets.cache as cache_module
from desktop_app.core.language import Language
from desktop_app.core.model import Report, Review, Span
from desktop_app.core.targets import FigureRef, Pair, Rule, Verdict, series_table, verdict
from desktop_app.core.targets.cache import (
    CACHE_FORMAT,
    collection_pairs,
    fingerprint,
    pairs_from_json,
    pairs_to_json,
    read_cache,
    write_cache,
)
from desktop_app.core.targets.chart import MarkShape
from desktop_app.core.targets.csv import COLUMNS, pairs_csv_text, write_pairs_csv
from desktop_app.core.targets.display import VERDICT_COLOURS, VERDICT_ICONS, figure_cell_text, series_chart
from desktop_app.core.targets.semantics import TargetSemantics
from desktop_app.core.targets.summary import VERDICT_MARKS, build_targets_summary_html
from tests.hostile_files import call_beside_a_fifo

RULE = Rule("no_later_report", "无", "none")
HOSTILE = '=HYPERLINK("x")<script>alert(1)</script>'


def _figure(year: int, value: float, text: str, modifier: str = "", high: float | None = None) -> FigureRef:
    sentence = f"{year}年：国内生产总值增长{text}。"
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
        high=high,
    )


def _pair(year: int, target: FigureRef, outcome: FigureRef | None, semantics: TargetSemantics) -> Pair:
    series = series_table()["gdp_growth"]
    found, rule = verdict(target, outcome, series) if outcome is not None else (Verdict.NO_LATER_REPORT, None)
    if rule is None:
        from desktop_app.core.targets.verdicts import no_outcome_rule

        found, rule = no_outcome_rule(year, year + 1, later_report=False)
    return Pair(series, series.zh, year, target, outcome, semantics, found, rule)


def _changed(figure: FigureRef | None, **changes: Any) -> FigureRef:
    assert figure is not None
    return dataclasses.replace(figure, **changes)


@pytest.fixture
def pairs() -> list[Pair]:
    return [
        _pair(
            2015,
            _figure(2015, 7, "7%左右", "左右"),
            _figure(2016, 6.9, "6.9%"),
            TargetSemantics.APPROXIMATELY,
        ),
        _pair(
            2016, _figure(2016, 6.5, "6.5%－7%", high=7), _figure(2017, 6.7, "6.7%"), TargetSemantics.RANGE
        ),
        _pair(
            2018,
            _figure(2018, 6.5, "6.5%左右", "左右"),
            _figure(2019, 5.0, "5%"),
            TargetSemantics.APPROXIMATELY,
        ),
        _pair(2019, _figure(2019, 6, "6%以上", "以上"), None, TargetSemantics.AT_LEAST),
    ]


def test_every_verdict_has_a_colour_an_icon_and_a_printed_mark() -> None:
    for found in Verdict:
        assert re.fullmatch(r"#[0-9a-f]{6}", VERDICT_COLOURS[found])
        assert VERDICT_ICONS[found] and VERDICT_MARKS[found]
    # Told apart without colour: every verdict has its own icon on screen and its own printed mark.
    assert len(set(VERDICT_ICONS.values())) == len(set(VERDICT_MARKS.values())) == len(Verdict)
    assert VERDICT_COLOURS[Verdict.MET] != VERDICT_COLOURS[Verdict.MISSED]


def test_figure_cell_text_is_the_figure_as_written() -> None:
    assert figure_cell_text(_figure(2015, 7, "7%左右", "左右")) == "7%左右"
    assert figure_cell_text(None) == "—"
    # The pairing writes the number; the modifier goes back where it is written.
    assert figure_cell_text(_figure(2022, 5.5, "5.5%", "左右")) == "5.5%左右"
    assert figure_cell_text(_figure(2022, 3, "3%", "控制在")) == "控制在3%"
    assert figure_cell_text(_figure(2022, 1100, "1100万人", "力争…以上")) == "力争1100万人以上"


def test_series_chart_has_bands_floors_and_the_outcome_line(pairs: list[Pair]) -> None:
    chart = series_chart(series_table()["gdp_growth"], pairs)
    assert chart.title == "国内生产总值增长" and chart.unit == "%"
    marks = {m.year: m for m in chart.targets}
    assert (marks[2015].shape, marks[2015].low, marks[2015].high) == (MarkShape.BAND, 6.5, 7.5)
    assert (marks[2016].shape, marks[2016].low, marks[2016].high, marks[2016].stated) == (
        MarkShape.BAND,
        6.5,
        7.0,
        False,
    )
    assert (marks[2019].shape, marks[2019].value) == (MarkShape.FLOOR, 6)
    assert [(p.year, p.value) for p in chart.outcomes] == [(2015, 6.9), (2016, 6.7), (2018, 5.0)]
    assert chart.outcomes[0].ref == ("gdp_growth", 2015, "outcome") and "6.9%" in chart.outcomes[0].sentence
    assert series_chart(series_table()["gdp_growth"], pairs, Language.EN).title == "GDP growth"


def test_csv_columns_values_and_formula_guard(pairs: list[Pair], tmp_path: Path) -> None:
    hostile = dataclasses.replace(pairs[0], target=_changed(pairs[0].target, sentence=HOSTILE))
    rows = list(csv.DictReader(pairs_csv_text([hostile, *pairs[1:]]).splitlines()))
    assert tuple(rows[0]) == COLUMNS
    assert rows[0]["target_sentence"] == "'" + HOSTILE  # a spreadsheet does not run it
    assert (rows[1]["target_value"], rows[1]["target_high"], rows[1]["verdict"]) == ("6.5", "7", "met")
    assert rows[2]["verdict"] == "missed" and rows[2]["outcome_report"] == "national-2019"
    assert rows[3]["outcome_text"] == "" and rows[3]["verdict"] == "no_later_report"
    english = list(csv.DictReader(pairs_csv_text(pairs, Language.EN).splitlines()))
    assert english[0]["name"] == "GDP growth" and "tolerance" in english[0]["rule"]
    path = tmp_path / "pairs.csv"
    assert write_pairs_csv(pairs, path) == 4
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_pairs_survive_the_cache_format(pairs: list[Pair]) -> None:
    assert pairs_from_json(json.loads(json.dumps(pairs_to_json(pairs))), series_table()) == pairs


class _Entry:
    def __init__(self, entry_id: str, content: str, broken: bool = False) -> None:
        self.id, self.content_hash, self.broken = entry_id, content, broken
        self.collection = entry_id.split("/")[0]
        self.level, self.region = "district", "临淄区"


class _Library:
    def __init__(self, reports: dict[str, Report]) -> None:
        self.reports = reports
        self.loads = 0
        self.hashes = {key: "h1" for key in reports}

    def entries(self, collection: str | None = None) -> list[_Entry]:
        return [_Entry(key, self.hashes[key]) for key in self.reports]

    def load(self, entry_id: str) -> Report:
        self.loads += 1
        return self.reports[entry_id]


def test_collection_pairs_are_cached_until_a_report_changes(report: Report, tmp_path: Path) -> None:
    library = _Library({"linzi/linzi-2024": report})
    cache = tmp_path / "cache" / "targets-linzi.json"
    first = collection_pairs(library, "linzi", cache)
    assert not first.from_cache and library.loads == 1
    assert first.entries == {report.id: "linzi/linzi-2024"}
    assert cache.is_file() and json.loads(cache.read_text(encoding="utf-8"))["format"] == CACHE_FORMAT
    second = collection_pairs(library, "linzi", cache)
    assert second.from_cache and library.loads == 1 and second.pairs == first.pairs
    library.hashes["linzi/linzi-2024"] = "h2"  # the report changed: the cache no longer answers
    third = collection_pairs(library, "linzi", cache)
    assert not third.from_cache and library.loads == 2


@pytest.mark.parametrize("content", ["", "{", "[]", '{"format": "x"}', "\udcff"])
def test_a_bad_cache_file_is_a_miss_never_an_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(content.encode("utf-8", "surrogateescape"))
    assert read_cache(path, "anything") is None


def test_new_pairing_code_makes_the_cache_stale(monkeypatch: pytest.MonkeyPatch) -> None:
    entries = [_Entry("national/2015", "a")]
    before = fingerprint(entries)
    monkeypatch.setattr(cache_module, "code_digest", lambda: "other rules")
    assert fingerprint(entries) != before


def test_a_cache_written_for_other_reports_is_a_miss(pairs: list[Pair], tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    old = fingerprint([_Entry("national/2015", "a")])
    write_cache(path, old, pairs, {})
    assert read_cache(path, old) is not None
    assert read_cache(path, fingerprint([_Entry("national/2015", "b")])) is None
    assert read_cache(path, fingerprint([_Entry("national/2015", "a", broken=True)])) is None


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)


def test_summary_html_has_each_series_its_chart_table_and_the_rules(pairs: list[Pair]) -> None:
    hostile = dataclasses.replace(pairs[0], outcome=_changed(pairs[0].outcome, text=HOSTILE))
    text = build_targets_summary_html(
        [hostile, *pairs[1:]],
        chart_images={"gdp_growth": ("report-chart-1.png", (640, 270))},
        collection="全国",
        generated=datetime.date(2026, 12, 3),
    )
    assert "<h1>目标与实绩对照</h1>" in text and "国内生产总值增长（%）" in text
    assert '<img src="report-chart-1.png" width="640" height="270"' in text
    assert "√ 达成" in text and "× 未达成" in text and "判定规则" in text
    assert "不算未达成" in text  # the CPI case is in the printed rules
    assert "<script>" not in text and "&lt;script&gt;" in text
    parser = _Tags()
    parser.feed(text)
    assert "script" not in parser.tags
    english = build_targets_summary_html(pairs, lang=Language.EN, generated=datetime.date(2026, 12, 3))
    assert "Targets and outcomes" in english and "missed" in english and "Verdict rules" in english


def test_review_state_round_trips(pairs: list[Pair]) -> None:
    proposed = dataclasses.replace(
        pairs[0], target=_changed(pairs[0].target, review=Review.PROPOSED), unreviewed=True
    )
    back = pairs_from_json(pairs_to_json([proposed]), series_table())[0]
    assert back.unreviewed and back.target is not None and back.target.review is Review.PROPOSED


def test_series_chart_converts_units_of_one_quantity_and_leaves_others_off() -> None:
    series = series_table()["grain_output"]

    def figure(year: int, value: float, unit: str, normalised: str, factor: float) -> FigureRef:
        return dataclasses.replace(
            _figure(year, value, f"{value}{unit}"), unit=unit, unit_normalised=normalised, factor=factor
        )

    def pair(year: int, target: FigureRef) -> Pair:
        return Pair(
            series, series.zh, year, target, None, TargetSemantics.EXACT, Verdict.NO_LATER_REPORT, RULE
        )

    pairs = [
        pair(1956, figure(1956, 3989, "亿斤", "斤", 1e8)),
        pair(1998, figure(1998, 49250, "万吨", "吨", 1e4)),
        pair(2021, figure(2021, 1.3, "万亿斤", "斤", 1e12)),
    ]
    chart = series_chart(series, pairs)
    assert chart.unit == "万亿斤"  # the latest target's unit
    assert [(m.year, round(m.value, 4), m.label) for m in chart.targets] == [
        (1956, 0.3989, "3989亿斤"),
        (2021, 1.3, "1.3万亿斤"),
    ]  # 万吨 is another quantity: in the table only


def test_a_cache_nested_too_deeply_is_a_miss_not_a_recursion_error(tmp_path: Path) -> None:
    # Before: RecursionError out of json.loads, in the window's GUI thread (an "Unexpected error").
    path = tmp_path / "c.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert read_cache(path, "anything") is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_cache_that_is_no_regular_file_is_a_miss_without_being_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)
    assert call_beside_a_fifo(lambda: read_cache(fifo, "anything"), fifo) is None
    (tmp_path / "folder.json").mkdir()
    assert read_cache(tmp_path / "folder.json", "anything") is None
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    assert read_cache(loop, "anything") is None
    zero = tmp_path / "zero.json"
    zero.symlink_to("/dev/zero")
    assert read_cache(zero, "anything") is None
