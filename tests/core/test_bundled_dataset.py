"""Every record of the real bundled dataset, checked against the source article."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.formula import evaluate, value_range
from desktop_app.core.model import IndicatorKind, ModifierMeaning, RepairKind, Report
from desktop_app.core.resources import data_path

ROOT = Path(__file__).resolve().parents[2]
RAW = data_path("source/linzi-2024-article.raw.txt")
# Half-width punctuation the page capture introduced, and its full-width forms (as code points,
# since editors fold them).
HALF_WIDTH = ",;:?!()"
FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in HALF_WIDTH}
KNOWN_UNITS = {
    "亿元": ("CNY", 1e8),
    "%": ("percent", 1.0),
    "万户": ("households", 1e4),
    "户": ("households", 1.0),
}


def test_raw_article_is_byte_for_byte_and_hashed(report: Report) -> None:
    data = RAW.read_bytes()
    assert report.source.sha256 == hashlib.sha256(data).hexdigest()
    shared = ROOT.parent / "shared" / "source" / "linzi-2024-article.raw.txt"
    if shared.exists():  # beside a checkout, the copy must equal the original
        assert shared.read_bytes() == data


def test_metadata(report: Report) -> None:
    meta = report.metadata
    assert meta.presenter.name == "蔡华刚"
    assert meta.meeting.date == "2024-01-19"
    assert meta.article.date == "2024-01-20"
    assert meta.region.district == "临淄区"
    assert {a.id for a in meta.ambiguities} >= {"amb-paper"}


def test_eight_goal_areas_in_order(report: Report) -> None:
    steadfast = [g.steadfast for g in report.goal_areas]
    assert steadfast == ["稳增长", "强动力", "激活力", "抓统筹", "塑样板", "优生态", "增内涵", "惠民生"]
    for goal in report.goal_areas:
        assert goal.span.text == f"坚定不移{goal.steadfast}{FULL_WIDTH[',']}奋力推动{goal.lead}走在前"
        assert goal.gloss_en


def test_every_paragraph_rebuilds_from_raw_and_repairs(report: Report) -> None:
    raw = report.source.text
    substitutions = sorted(
        (r.raw_spans[0].start, r.raw_spans[0].end, r.result if r.applied else r.raw_text)
        for r in report.repairs
        if r.kind in (RepairKind.PUNCTUATION, RepairKind.MISREADING)
    )
    for paragraph in report.paragraphs:
        pieces = []
        for segment in paragraph.segments:
            pos = segment.start
            for start, end, result in substitutions:
                if segment.start <= start < segment.end:
                    pieces += [raw[pos:start], result]
                    pos = end
            pieces.append(raw[pos : segment.end])
        assert "".join(pieces) == paragraph.text, paragraph.id


def test_repairs_are_recorded_not_silent(report: Report) -> None:
    raw = report.source.text
    text = report.article_text
    # No half-width punctuation survives in the repaired text, and each one is a recorded repair.
    assert not set(HALF_WIDTH) & set(text)
    punctuation = [r for r in report.repairs if r.kind is RepairKind.PUNCTUATION]
    assert len(punctuation) == sum(raw.count(ch) for ch in HALF_WIDTH) - sum(
        raw[r.raw_spans[0].start : r.raw_spans[0].end].count(",")
        for r in report.repairs
        if r.kind is RepairKind.DROP
    )
    misreadings = {r.raw_text: r for r in report.repairs if r.kind is RepairKind.MISREADING}
    assert misreadings["說"].result == "说"
    assert misreadings["《报告中》"].result == "《报告》中"
    assert misreadings["民生实项目"].result == "民生实事项目"
    garbled = misreadings["新开壶"]
    assert not garbled.applied and garbled.reading == "新开户潜" and garbled.span is not None
    assert garbled.span.text == "新开壶"
    for repair in report.repairs:
        if repair.span is not None:
            paragraph = report.paragraph_by_id[repair.span.paragraph_id]
            assert paragraph.text[repair.span.start : repair.span.end] == repair.span.text
        if repair.kind is RepairKind.MISREADING:
            assert repair.reading and repair.certainty
    kinds = {r.kind for r in report.repairs}
    importer_kinds = {RepairKind.LINEBREAK, RepairKind.INVISIBLE, RepairKind.DIGITS, RepairKind.FURNITURE}
    assert kinds == set(RepairKind) - importer_kinds  # the importer's kinds are for imported texts


def test_reading_order_is_repaired(report: Report) -> None:
    text = report.article_text
    assert "实体经济" in text and "网络化发展" in text and "遴选了胶济客专临淄火车站改造工程" in text
    assert report.paragraph_by_id["p09"].text == "农村集体增收与区域环境改善齐头并进"
    # Page furniture is gone from the article but kept in the metadata.
    for furniture in ("社会主义核心价值观", "鲁中晨报", "服务大众", "拼出美好未来", "聚焦淄博区县两会"):
        assert furniture not in text
    assert report.metadata.article.series_label == "聚焦淄博区县两会"


def test_every_span_quotes_its_paragraph(report: Report) -> None:
    spans = [g.span for g in report.goal_areas]
    spans += [s for i in report.indicators for s in (i.span, i.sentence)]
    spans += [q.span for q in report.quotes] + [e.span for e in report.entities]
    for span in spans:
        assert report.paragraph_by_id[span.paragraph_id].text[span.start : span.end] == span.text


@pytest.mark.parametrize(
    ("indicator_id", "value", "unit", "kind"),
    [
        ("ind-industrial-output", 2504, "亿元", IndicatorKind.ACHIEVED),
        ("ind-industrial-output-city-share", 35, "%", IndicatorKind.SHARE),
        ("ind-new-economy-value-added", 246, "亿元", IndicatorKind.ESTIMATE),
        ("ind-livelihood-spending", 41.93, "亿元", IndicatorKind.ACHIEVED),
        ("ind-agri-output", 100, "亿元", IndicatorKind.ESTIMATE),
        ("ind-trade-target", 250, "亿元", IndicatorKind.TARGET),
        ("ind-quality-development-rank", 51, "位", IndicatorKind.RANK),
        ("ind-air-quality-rank-change", 22, "个位次", IndicatorKind.RANK_CHANGE),
        ("ind-water-quality-rank", 5, "名", IndicatorKind.BOUND),
        ("ind-house-land-households", 7.7, "万户", IndicatorKind.COUNT),
    ],
)
def test_key_figures_say_what_the_article_says(
    report: Report, indicator_id: str, value: float, unit: str, kind: IndicatorKind
) -> None:
    indicator = report.indicator_by_id[indicator_id]
    assert indicator.kind is kind
    assert indicator.value == value
    assert indicator.unit == unit


def test_every_stated_figure_is_well_typed(report: Report) -> None:
    assert 30 <= len(report.indicators) <= 50
    for ind in report.indicators:
        assert ind.kind is not IndicatorKind.DERIVED
        assert ind.year in (2023, 2024)
        if ind.unit in KNOWN_UNITS:
            assert (ind.unit_normalised, ind.factor) == KNOWN_UNITS[ind.unit], ind.id
        if ind.kind is IndicatorKind.SHARE:
            assert ind.denominator, ind.id
        if ind.kind in (IndicatorKind.RANK,) or ind.unit_normalised == "rank":
            assert ind.lower_is_better, ind.id
        if ind.modifier_meaning is ModifierMeaning.ESTIMATE_LOWER_BOUND:
            assert "预计" in ind.sentence.text
        # The number as written appears in the figure's own span (or is spelt out in Chinese).
        written = f"{ind.value:g}"
        assert written in ind.span.text or ind.value in (0, 2, 3, 10, 25), ind.id
        assert ind.span.text in ind.sentence.text


def test_every_derived_figure_recomputes(report: Report) -> None:
    assert report.derived
    for der in report.derived:
        assert der.kind is IndicatorKind.DERIVED
        values = {x.symbol: report.indicator_by_id[x.indicator_id].value for x in der.inputs}
        widths = {x.symbol: x.half_width for x in der.inputs}
        decimals = len(f"{der.value}".split(".")[1]) if "." in f"{der.value}" else 0
        assert round(evaluate(der.formula, values), max(decimals, 2)) == pytest.approx(der.value, abs=0.51)
        low, high = value_range(der.formula, values, widths)
        assert der.range_low <= der.value <= der.range_high
        assert der.range_low == pytest.approx(low, abs=0.51) and der.range_high == pytest.approx(
            high, abs=0.51
        )
        # Never mixed with stated figures.
        assert der.id not in {i.id for i in report.indicators}


def test_every_goal_area_is_reachable_and_has_figures_where_the_article_gives_them(report: Report) -> None:
    for goal in report.goal_areas:
        assert report.for_goal(goal.id), goal.id
        if goal.id != "g7-culture":  # the article states no figure for culture and tourism
            assert report.indicators_for_goal(goal.id), goal.id


def test_seven_livelihood_projects(report: Report) -> None:
    projects = [e for e in report.entities if e.kind.value == "livelihood_project"]
    assert len(projects) == 7
    assert projects[0].name == "胶济客专临淄火车站改造工程"
    assert report.indicator_by_id["ind-livelihood-projects"].value == 7


def test_quotes_are_verbatim(report: Report) -> None:
    quotes = {q.id: q for q in report.quotes}
    assert quotes["q-cai-hard-work"].text == "道阻且长\uff0c行则将至\uff1b任重千钧\uff0c唯有实干。"
    assert quotes["q-cai-hard-work"].attribution == "district_head"
    for quote in report.quotes:
        assert quote.text == quote.span.text


def test_build_script_reproduces_the_committed_file() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_linzi_2024.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
