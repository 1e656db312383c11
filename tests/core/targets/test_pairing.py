"""Pairing over reports imported with the real importer: targets, outcomes, budgets, governments."""

from __future__ import annotations

import json
from pathlib import Path

from desktop_app.core.model import Report
from desktop_app.core.targets import Basis, Pair, TargetSemantics, Verdict, pair, pairs_json
from tests.core.targets.helpers import imported

Y2015 = (
    "二、2015年工作总体部署\n\n"
    "今年经济社会发展的主要预期目标是：国内生产总值增长7%左右，居民消费价格涨幅3%左右，"
    "城镇新增就业1000万人以上，城镇登记失业率4.5%以内，进出口增长6%左右。\n\n"
    "今年拟安排财政赤字1.62万亿元，比去年增加2700亿元，赤字率从去年的2.1%提高到2.3%。\n"
)
Y2016 = (
    "一、2015年工作回顾\n\n"
    "国内生产总值达到67.7万亿元，增长6.9%，在世界主要经济体中位居前列。"
    "城镇新增就业1312万人，超过全年预期目标。\n\n"
    "二、2016年工作总体部署\n\n"
    "今年经济社会发展的主要预期目标是：国内生产总值增长6.5%－7%，居民消费价格涨幅3%左右，"
    "城镇新增就业1000万人以上。\n\n"
    "今年拟安排财政赤字2.18万亿元，比去年增加5600亿元。\n"
)
Y2017 = "一、2016年工作回顾\n\n国内生产总值增长6.7%。居民消费价格上涨2%。城镇新增就业1314万人。\n"


def by_key(pairs: list[Pair]) -> dict[tuple[str, int], Pair]:
    return {(p.series.key, p.year): p for p in pairs}


def national(tmp_path: Path, *years: int, confirm: bool = True) -> list[Report]:
    texts = {2015: Y2015, 2016: Y2016, 2017: Y2017}
    return [imported(tmp_path, texts[y], y, confirm=confirm) for y in years]


def test_targets_meet_the_next_reports_outcomes(tmp_path: Path) -> None:
    pairs = by_key(pair(national(tmp_path, 2015, 2016, 2017)))
    gdp = pairs["gdp_growth", 2015]
    assert gdp.target is not None and gdp.outcome is not None
    assert (gdp.target.value, gdp.target.modifier, gdp.target.report) == (7, "左右", "national-2015")
    assert (gdp.outcome.value, gdp.outcome.report, gdp.outcome.report_year) == (6.9, "national-2016", 2016)
    assert gdp.verdict is Verdict.MET and gdp.semantics is TargetSemantics.APPROXIMATELY
    assert gdp.outcome.sentence.startswith("国内生产总值达到67.7万亿元") and gdp.outcome.text == "6.9%"
    # The sentence span opens the report where the words are.
    span = gdp.outcome.sentence_span
    report = next(r for r in national(tmp_path, 2016) if r.id == "national-2016")
    assert report.paragraph_by_id[span.paragraph_id].text[span.start : span.end] == gdp.outcome.sentence
    assert pairs["new_urban_jobs", 2015].verdict is Verdict.MET
    assert pairs["cpi", 2015].verdict is Verdict.NO_OUTCOME_STATED  # the 2016 text states no CPI figure
    assert pairs["urban_registered_unemployment", 2015].verdict is Verdict.NO_OUTCOME_STATED
    # A range target: 6.5%－7%, met by 6.7%.
    ranged = pairs["gdp_growth", 2016]
    assert ranged.target is not None and (ranged.target.value, ranged.target.high) == (6.5, 7)
    assert ranged.semantics is TargetSemantics.RANGE and ranged.verdict is Verdict.MET
    # CPI 2% against 3%左右: below, not missed.
    assert pairs["cpi", 2016].verdict is Verdict.BELOW
    # The 2017 report states no budget to compare with.
    assert pairs["deficit", 2016].verdict is Verdict.NO_OUTCOME_STATED


def test_budget_vs_budget_is_kept_apart(tmp_path: Path) -> None:
    deficit = by_key(pair(national(tmp_path, 2015, 2016)))["deficit", 2015]
    assert deficit.basis is Basis.BUDGET and deficit.verdict is Verdict.CONSISTENT
    assert deficit.outcome is not None and deficit.outcome.formula == "2.18万亿元 − 5600亿元"
    assert (
        deficit.outcome.value is not None
        and abs(deficit.outcome.value - 1.62) < 1e-9
        and deficit.outcome.report == "national-2016"
    )
    assert "1.62" in deficit.rule.en and "budget vs budget" in deficit.rule.en


def test_a_missing_year_means_no_later_report(tmp_path: Path) -> None:
    pairs = by_key(pair(national(tmp_path, 2015, 2017)))
    # No 2016 report: the 2015 targets have no later report (the 2017 one speaks of 2016).
    assert pairs["gdp_growth", 2015].verdict is Verdict.NO_LATER_REPORT


def test_proposed_figures_never_give_a_verdict_silently(tmp_path: Path) -> None:
    reports = national(tmp_path, 2015, 2016, confirm=False)
    assert pair(reports) == []
    flagged = pair(reports, include_proposed=True)
    assert flagged and all(p.unreviewed for p in flagged)
    assert by_key(flagged)["gdp_growth", 2015].verdict is Verdict.MET


def test_governments_are_paired_apart(tmp_path: Path) -> None:
    local = tmp_path / "local"
    local.mkdir()
    county = imported(local, Y2016, 2016, level="county", region="某县")
    pairs = by_key(pair([*national(tmp_path, 2015), county]))
    # The county's report says 6.9% for 2015, but the national 2015 target has no later national report.
    assert pairs["gdp_growth", 2015].verdict is Verdict.NO_LATER_REPORT


def test_json_has_the_issue_shape(tmp_path: Path) -> None:
    rows = pairs_json(pair(national(tmp_path, 2015, 2016)))
    json.dumps(rows, ensure_ascii=False)
    gdp = next(r for r in rows if (r["series"], r["year"]) == ("gdp_growth", 2015))
    assert {"series", "name", "year", "target", "outcome", "verdict", "rule"} <= set(gdp)
    assert {"report", "value", "unit", "modifier", "sentence"} <= set(gdp["target"])
    assert gdp["verdict"] == "met" and gdp["name"] == "GDP growth"
    ranged = next(r for r in rows if (r["series"], r["year"]) == ("gdp_growth", 2016))
    assert ranged["target"]["value"] == [6.5, 7] and ranged["outcome"] is None


def test_a_report_setting_next_years_targets_stands_in(tmp_path: Path) -> None:
    # 1981-style: the report of 1981 sets the plan for 1982; the 1983 report states 1982's outcome.
    plan = imported(tmp_path, "1982年国内生产总值增长4%左右。\n", 1981, series={"4%": "gdp_growth"})
    later = imported(tmp_path, "1982年国内生产总值增长7.4%。\n", 1983, series={"7.4%": "gdp_growth"})
    for figure in plan.indicators:
        assert figure.kind.value == "target" and figure.year == 1982
    (gdp,) = [p for p in pair([plan, later], texts=()) if p.series.key == "gdp_growth"]
    assert gdp.year == 1982 and gdp.target is not None and gdp.target.report == "national-1981"
    assert gdp.outcome is not None and gdp.outcome.value == 7.4 and gdp.verdict is Verdict.MET


def test_a_budget_series_without_comparison_takes_a_stated_outcome(tmp_path: Path) -> None:
    earlier = imported(tmp_path, "今年赤字率拟按2.8%安排。\n", 2019, series={"2.8%": "deficit_ratio"})
    later = imported(tmp_path, "2019年，赤字率为2.8%。\n", 2020, series={"2.8%": "deficit_ratio"})
    (ratio,) = [p for p in pair([earlier, later], texts=()) if p.series.key == "deficit_ratio"]
    assert ratio.basis is Basis.OUTCOME and ratio.outcome is not None and ratio.verdict is Verdict.MET


def test_the_next_report_first_then_a_later_one(tmp_path: Path) -> None:
    # Issue 16: the outcome for year Y comes from report Y+1 first; a later report only where Y+1 is silent.
    revised = "一、回顾\n\n2015年国内生产总值增长6.8%。\n"
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    both = [
        *national(first, 2015, 2016),
        imported(first, revised, 2017, series={"6.8%": "gdp_growth"}),
    ]
    gdp = by_key(pair(both))["gdp_growth", 2015]
    assert gdp.outcome is not None and (gdp.outcome.value, gdp.outcome.report) == (6.9, "national-2016")
    silent = imported(second, "一、2015年工作回顾\n\n城镇新增就业1312万人。\n", 2016)
    later = [
        *national(second, 2015),
        silent,
        imported(second, revised, 2017, series={"6.8%": "gdp_growth"}),
    ]
    gdp = by_key(pair(later))["gdp_growth", 2015]
    assert gdp.outcome is not None and (gdp.outcome.value, gdp.outcome.report) == (6.8, "national-2017")
    assert gdp.verdict is Verdict.MET and "6.8%" in gdp.rule.en
