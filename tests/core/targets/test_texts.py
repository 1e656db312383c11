"""Targets and outcomes in words: located in the report, paired, never passed off as figures."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.targets import Verdict, pair
from desktop_app.core.targets.texts import TextEntry, load_text_entries, text_figures
from tests.core.targets.helpers import imported

Y2015 = (
    "今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，居民消费价格涨幅3%左右，"
    "国际收支基本平衡，居民收入增长与经济发展同步。\n\n"
    "今年化学需氧量、氨氮排放量要分别下降2%，二氧化硫、氮氧化物排放量分别下降3%。\n"
)
Y2016 = (
    "国内生产总值增长6.9%。居民消费价格涨幅保持较低水平。全国居民人均可支配收入实际增长7.4%。\n\n"
    "二氧化硫、氮氧化物排放量分别下降5.6%和4%。\n"
)
ENTRIES_2015 = [
    TextEntry(2015, "左右，国际收支基本平衡，居民收入", "target", 2015, "国际收支", "balance_of_payments"),
    TextEntry(2015, "居民收入增长与经济发展同步", "target", 2015, "居民收入增长", "resident_income_growth"),
    TextEntry(2015, "这句话不在报告里", "target", 2015, "国际收支", "balance_of_payments"),
]
ENTRIES_2016 = [TextEntry(2016, "居民消费价格涨幅保持较低水平", "outcome", 2015, "居民消费价格涨幅", "cpi")]


def test_words_are_located_paired_and_never_guessed(tmp_path: Path) -> None:
    reports = [imported(tmp_path, Y2015, 2015), imported(tmp_path, Y2016, 2016)]
    located = text_figures(reports, {"national-2015": ENTRIES_2015, "national-2016": ENTRIES_2016})
    assert located.missing == (("national-2015", "这句话不在报告里"),)
    balance = next(f for f in located.figures if f.series == "balance_of_payments")
    assert balance.text == "国际收支基本平衡"  # the clause that names it, not the whole snippet
    paragraph = reports[0].paragraph_by_id[balance.span.paragraph_id].text
    assert paragraph[balance.span.start : balance.span.end] == balance.text
    assert balance.sentence.startswith("今年经济社会发展的主要预期目标是") and balance.sentence.endswith("。")
    pairs = {(p.series.key, p.year): p for p in pair(reports, texts=located.figures)}
    # A text target meets a number: shown side by side.
    income = pairs["resident_income_growth", 2015]
    assert income.verdict is Verdict.QUALITATIVE and income.target is not None and income.target.value is None
    assert income.outcome is not None and income.outcome.value == 7.4
    # A text target and nothing later.
    assert pairs["balance_of_payments", 2015].verdict is Verdict.NO_OUTCOME_STATED
    # A number target with only words later (保持较低水平): no outcome stated, the words shown.
    cpi = pairs["cpi", 2015]
    assert cpi.verdict is Verdict.NO_OUTCOME_STATED and cpi.rule.code == "words_only"
    assert cpi.outcome is not None and cpi.outcome.text == "居民消费价格涨幅保持较低水平"
    # Without the words, no text pairs at all.
    numbers_only = pair(reports, texts=())
    assert numbers_only and all(p.target is not None and p.target.value is not None for p in numbers_only)


def test_several_targets_of_a_series_pair_by_name(tmp_path: Path) -> None:
    key = "major_pollutant_reduction"
    earlier = "今年化学需氧量排放量要下降2%，二氧化硫排放量要下降3%。\n"
    later = "二氧化硫排放量下降5.6%。\n"
    reports = [
        imported(tmp_path, earlier, 2015, series={"2%": key, "3%": key}),
        imported(tmp_path, later, 2016, series={"5.6%": key}),
    ]
    pollutants = [p for p in pair(reports, texts=()) if p.series.key == key]
    assert [(p.name, p.target and p.target.value) for p in pollutants] == [
        ("化学需氧量排放量", 2),
        ("二氧化硫排放量", 3),
    ]
    water, air = pollutants
    assert water.verdict is Verdict.NO_OUTCOME_STATED  # the 2016 text names only sulphur dioxide
    assert air.verdict is Verdict.MET and air.outcome is not None and air.outcome.value == 5.6


def test_an_unreviewed_outcome_is_named_not_used(tmp_path: Path) -> None:
    reports = [imported(tmp_path, Y2015, 2015), imported(tmp_path, Y2016, 2016, confirm=False)]
    gdp = next(p for p in pair(reports, texts=()) if p.series.key == "gdp_growth")
    assert gdp.verdict is Verdict.NO_OUTCOME_STATED and gdp.outcome is None
    assert gdp.rule.code == "unreviewed_outcome" and "6.9%" in gdp.rule.en and not gdp.unreviewed


def test_the_bundled_review_loads() -> None:
    entries = load_text_entries()
    assert sum(len(v) for v in entries.values()) > 50
    assert all(e.role in ("target", "outcome") for v in entries.values() for e in v)


def test_a_bad_review_list_names_the_entry(tmp_path: Path) -> None:
    path = tmp_path / "review.json"
    doc = {
        "qualitative": {"2015": [{"snippet": "x", "role": "guess", "year": 2015, "name": "n", "series": "s"}]}
    }
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(DatasetError, match=r'\$\.qualitative\["2015"\]\[0\]: bad or missing role'):
        load_text_entries(path)


def test_a_text_target_is_answered_by_figures_of_its_parts(tmp_path: Path) -> None:
    earlier = imported(tmp_path, "今年主要污染物排放继续减少。\n", 2016)
    later = imported(
        tmp_path, "二氧化硫排放量下降5.6%。\n", 2017, series={"5.6%": "major_pollutant_reduction.so2"}
    )
    entry = TextEntry(
        2016, "主要污染物排放继续减少", "target", 2016, "主要污染物排放", "major_pollutant_reduction"
    )
    words = text_figures([earlier], {"national-2016": [entry]}).figures
    (found,) = [p for p in pair([earlier, later], texts=words) if p.series.key == "major_pollutant_reduction"]
    assert found.verdict is Verdict.QUALITATIVE and found.outcome is not None and found.outcome.value == 5.6
