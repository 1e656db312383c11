"""Every record of the real bundled dataset, checked against the source article."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop_app.core.dataset_file import read_json
from desktop_app.core.formula import evaluate, value_range
from desktop_app.core.loader import check_document, load_report
from desktop_app.core.model import (
    AttributionBasis,
    Certainty,
    DateBasis,
    EntityKind,
    IndicatorKind,
    ModifierMeaning,
    RepairKind,
    Report,
    Scope,
    SentenceBasis,
)
from desktop_app.core.presentation import location_text
from desktop_app.core.resources import BUNDLED_DATASET_SHA256, bundled_dataset_path, data_path

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


def test_the_bundled_file_is_the_one_pinned_and_passes_every_check() -> None:
    # The window skips the loader's checks for the bundled file while its SHA-256 is the pinned one
    # (core/loader.load_report(trust_bundled=True)): the pin must name the file checked here in full.
    file = bundled_dataset_path()
    assert hashlib.sha256(file.read_bytes()).hexdigest() == BUNDLED_DATASET_SHA256, (
        "data/linzi-2024.json changed: put its new SHA-256 in desktop_app/core/resources.py "
        "(BUNDLED_DATASET_SHA256), or the window checks it in full at every start"
    )
    report = check_document(read_json(file), file)  # every check: the file, the schema, cross-references
    assert report == load_report(trust_bundled=True)


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
    assert meta.article is not None
    assert meta.article.date == "2024-01-20"
    assert meta.region.district == "临淄区"
    assert {a.id for a in meta.ambiguities} >= {"amb-paper"}


def test_eight_goal_areas_in_order(report: Report) -> None:
    titles = [g.title for g in report.goal_areas]
    assert titles == ["稳增长", "强动力", "激活力", "抓统筹", "塑样板", "优生态", "增内涵", "惠民生"]
    for goal in report.goal_areas:
        assert f"坚定不移{goal.title}{FULL_WIDTH[',']}奋力推动{goal.lead}走在前" in goal.span.text
        assert goal.title_en


def test_goal_sentences_are_the_sources_words(report: Report) -> None:
    """Point 8: a goal area's sentence is the article's exact clause (or marked paraphrase)."""
    paragraph = report.paragraph_by_id["p05"].text
    for goal in report.goal_areas:
        assert goal.sentence_basis is SentenceBasis.QUOTE
        assert goal.sentence == goal.span.text and goal.sentence in paragraph
    g2 = report.goal_by_id["g2-momentum"]
    assert g2.sentence == "要坚定不移强动力\uff0c奋力推动动能更新迭代走在前\uff1b"
    assert not any(
        g.sentence.startswith("临淄要") and g.sentence.endswith("走在前。") for g in report.goal_areas[1:]
    )


def test_every_paragraph_rebuilds_from_raw_and_repairs(report: Report) -> None:
    raw = report.source.text
    # An applied reading stands in place of its first raw piece; a kept one leaves every piece as it is.
    substitutions = sorted(
        (s.start, s.end, (r.result if k == 0 else "") if r.applied else raw[s.start : s.end])
        for r in report.repairs
        if r.kind in (RepairKind.PUNCTUATION, RepairKind.MISREADING)
        for k, s in enumerate(r.raw_spans)
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
    in_paragraphs = sum(
        raw[s.start : s.end].count(ch) for p in report.paragraphs for s in p.segments for ch in HALF_WIDTH
    )
    assert len(punctuation) == in_paragraphs
    misreadings = {r.raw_text: r for r in report.repairs if r.kind is RepairKind.MISREADING}
    assert misreadings["說"].result == "说"
    assert misreadings["《报告中》"].result == "《报告》中"
    assert misreadings["民生实项目"].result == "民生实事项目"
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
    # Page furniture is gone from the article but kept in the metadata.
    for furniture in ("社会主义核心价值观", "鲁中晨报", "服务大众", "拼出美好未来", "聚焦淄博区县两会"):
        assert furniture not in text
    assert report.metadata.article is not None
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
        assert round(evaluate(der.formula, values), der.decimals) == der.value
        decimals = der.decimals
        low, high = value_range(der.formula, values, widths)
        assert der.range_low <= der.value <= der.range_high
        # Point 5: the range holds every value the inputs allow (rounded outward), and no more than
        # one step of its precision beyond them.
        step = 10.0**-decimals
        assert der.range_low <= low and der.range_high >= high, der.id
        assert low - der.range_low < step and der.range_high - high < step, der.id
        # Never mixed with stated figures.
        assert der.id not in {i.id for i in report.indicators}


def test_every_goal_area_is_reachable_and_has_figures_where_the_article_gives_them(report: Report) -> None:
    for goal in report.goal_areas:
        assert any(goal.id in (link.goal_id for link in s.goal_links) for s in report.sections), goal.id
        if goal.id != "g7-culture":  # the article states no figure for culture and tourism
            assert report.indicators_for_goal(goal.id), goal.id
            assert report.for_goal(goal.id), goal.id


def test_goal_area_7_has_nothing_linked_without_a_basis(report: Report) -> None:
    """Point 9: no editorial link to culture and tourism; it is linked only from the article's list."""
    assert [item.id for item in report.for_goal("g7-culture")] == ["q-eight-goals"]  # the article's list
    assert report.entity_by_id["hon-science-popularisation"].goal_links == ()
    linking = [s.id for s in report.sections if "g7-culture" in (link.goal_id for link in s.goal_links)]
    assert linking == ["sec-goals"]
    # It says the article states none (shown where its figures would be), not only that none is linked.
    g7 = report.goal_by_id["g7-culture"]
    assert g7.no_figures_note.startswith("原文没有给出这一目标的数据")
    assert g7.no_figures_note_en.startswith("The article states no figures for this goal area")
    assert "文旅" not in report.article_text.replace(g7.sentence, "")  # only in the list of goal areas
    assert [g.id for g in report.goal_areas if g.no_figures_note] == ["g7-culture"]


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


def test_quotes_are_attributed_honestly(report: Report) -> None:
    """Point 10: the reporters' narrative is not presented as the report's words."""
    quotes = report.quote_by_id
    for qid in ("q-fighting-spirit", "q-livelihood-happiness"):
        assert quotes[qid].attribution == "reporters", qid
    for qid in ("q-certainty", "q-solutions"):
        assert quotes[qid].attribution == "report", qid
        assert quotes[qid].attribution_basis is AttributionBasis.INFERRED, qid
        assert "推定" in quotes[qid].speaker
    stated_report = [
        q.id
        for q in report.quotes
        if q.attribution == "report" and q.attribution_basis is AttributionBasis.STATED
    ]
    assert stated_report == ["q-eight-goals", "q-real-economy-root"]


def test_build_script_reproduces_the_committed_file() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_linzi_2024.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- issue 12: one test per point of the audit ---------------------------------------------------

CJK = re.compile(r"[\u4e00-\u9fff]")
RAW_LINE = re.compile(r"raw lines? (\d+)(?: and (\d+))?|第(\d+)(?:、(\d+))?行")


def test_1_a_derived_figure_has_its_own_scope(report: Report) -> None:
    assert report.indicator_by_id["der-city-industrial-output"].scope is Scope.CITY
    assert report.indicator_by_id["der-linzi-gdp"].scope is Scope.DISTRICT


def test_2_aubo_is_a_recorded_misreading(report: Report) -> None:
    aubo = next(r for r in report.repairs if r.raw_text == "邀博")
    assert aubo.kind is RepairKind.MISREADING and aubo.applied and aubo.certainty is Certainty.HIGH
    assert aubo.reading == "遨博" and aubo.span is not None and aubo.span.text == "遨博"
    assert "遨博协作机器人产业基地" in report.paragraph_by_id["p18"].text
    assert report.entity_by_id["prj-aubo-robot-base"].name == "遨博协作机器人产业基地"
    assert "邀博" in report.source.text  # the raw text stays visible


def test_3_rural_income_clause_opens_a_body_paragraph(report: Report) -> None:
    assert "p09" not in report.paragraph_by_id
    p10 = report.paragraph_by_id["p10"]
    assert p10.role == "body"
    assert p10.text.startswith("农村集体增收与区域环境改善齐头并进\uff0c2023年")
    for fid in ("ind-agri-output", "ind-agri-top10"):
        assert report.indicator_by_id[fid].sentence.text.startswith("农村集体增收与区域环境改善齐头并进"), fid  # type: ignore[union-attr]
    heading = next(a for a in report.metadata.ambiguities if a.id == "amb-heading")
    assert "小标题" in heading.text
    # It names the paragraph as the window and the PDF number it (p09 is gone: p10 is the 9th).
    assert location_text("p10", report) == "第02版·第9段" and "第02版·第9段" in heading.text
    assert location_text("p10", report, "en") in heading.text_en


def test_4_fewer_villages_below_the_threshold_is_better(report: Report) -> None:
    villages = report.indicator_by_id["ind-villages-below-200k"]
    assert villages.lower_is_better  # type: ignore[union-attr]
    for ind in report.indicators:
        if ind.modifier_meaning is ModifierMeaning.ELIMINATED:
            assert ind.lower_is_better, ind.id


def test_5_derived_ranges_are_rounded_outward(report: Report) -> None:
    ranges = {d.id: (d.range_low, d.range_high) for d in report.derived}
    assert ranges["der-city-industrial-output"] == (7052.0, 7260.0)
    assert ranges["der-linzi-gdp"] == (892.0, 1096.0)
    assert ranges["der-fiscal-spending"] == (49.61, 50.23)
    assert ranges["der-other-fiscal-spending"] == (7.69, 8.29)


def test_6_the_garbled_firm_description_is_one_misreading_across_the_break(report: Report) -> None:
    garbled = next(r for r in report.repairs if r.reading == "新开户潜力企业")
    assert garbled.kind is RepairKind.MISREADING and not garbled.applied
    assert garbled.raw_text == "新开壶|力企业" and len(garbled.raw_spans) == 2
    assert garbled.span is not None and garbled.span.text == "新开壶力企业"
    assert garbled.certainty is Certainty.LOW and "medium" in garbled.note_en and "中等" in garbled.note


def test_7_derived_notes_say_what_is_estimated_and_what_the_range_is(report: Report) -> None:
    gdp = report.indicator_by_id["der-linzi-gdp"]
    first = gdp.inputs[0]  # type: ignore[union-attr]
    assert first.indicator_id == "ind-new-economy-value-added"
    assert "预计" in first.note and "estimate" in first.note_en
    for der in report.derived:
        assert "不是置信区间" in der.explanation and "not a confidence interval" in der.explanation_en


def test_11_modifier_is_the_hedging_or_bounding_word_only(report: Report) -> None:
    hedges = {"", "预计", "预计突破", "低于", "前", "力争…突破"}
    # Where the words that state the value also bound it, there is no modifier; the meaning says it.
    bound_by_the_value_as_written = {
        "ind-villages-below-200k": (ModifierMeaning.ELIMINATED, "全部清零"),
        "ind-assessment-group-rank": (ModifierMeaning.UPPER_BOUND, "第1、2名"),
        "ind-agri-top10": (ModifierMeaning.UPPER_BOUND, "十强"),  # 10 强: the value and its unit
    }
    for ind in report.indicators:
        assert ind.modifier in hedges, (ind.id, ind.modifier)
        assert not re.search(r"[0-9一二两三四五六七八九十百千万]", ind.modifier), ind.id  # no number in it
        assert ind.modifier != ind.span.text, ind.id  # never the figure as written
        if ind.id in bound_by_the_value_as_written:
            meaning, written = bound_by_the_value_as_written[ind.id]
            assert (ind.modifier, ind.modifier_meaning) == ("", meaning) and written in ind.span.text, ind.id
        elif ind.modifier == "":
            assert ind.modifier_meaning is ModifierMeaning.EXACT, ind.id
    by_id = report.indicator_by_id
    assert by_id["ind-livelihood-spending"].modifier == ""  # type: ignore[union-attr]
    assert by_id["ind-new-economy-gdp-share"].modifier == "预计"  # type: ignore[union-attr]
    assert by_id["ind-industrial-output-city-share"].modifier == ""  # type: ignore[union-attr]


def test_12_the_citation_hedges_date_and_masthead(report: Report) -> None:
    meta = report.metadata
    assert meta.article is not None and meta.article.date_basis is DateBasis.DATELINE
    assert set(meta.article.mastheads) == {"大众日报淄博融媒体中心", "鲁中晨报"}
    assert "电头1月20日" in meta.citation and "推定" in meta.citation and "鲁中晨报" in meta.citation
    assert "2024-01-20" not in meta.citation
    assert "dateline January 20" in meta.citation_en and "inferred" in meta.citation_en
    assert any(a.id == "amb-date" for a in meta.ambiguities)
    # The README's opening cites the article as hedged as the dataset does.
    opening = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")[2].split())
    assert "article of 20 January 2024" not in opening
    assert "datelined 20 January (the year inferred" in opening and "鲁中晨报" in opening


def test_13_places_honours_sought_and_mechanisms_are_recorded(report: Report) -> None:
    names = {e.name: e for e in report.entities}
    assert names["乌河东沙断面"].kind is EntityKind.PLACE
    for sought in ("全国义务教育优质均衡发展区", "学前教育普及普惠区"):
        assert names[sought].kind is EntityKind.HONOUR and "争创" in names[sought].roles
    for mechanism in (
        "重点项目银企路演机制",
        "亩产效益评价机制",
        "清单化交办、项目化推进、销号式管理闭环落实机制",
        "国有平台公司市场化转型",
        "网格管理标准化、标签化",
    ):
        assert names[mechanism].kind is EntityKind.MECHANISM, mechanism


def test_14_qualitative_rank_claims_are_recorded(report: Report) -> None:
    claims = {e.name for e in report.entities if e.kind is EntityKind.CLAIM}
    assert claims == {
        "数量全市最多",
        "优质均衡发展水平全省领先",
        "在淄博市率先实现20万元以下村全部清零",
        "在全省率先实现扩区",
        "全覆盖完成农村“房地一体”确权登记",
    }


def test_15_village_thresholds_are_fields(report: Report) -> None:
    below = report.indicator_by_id["ind-villages-below-200k"]
    above = report.indicator_by_id["ind-villages-above-500k"]
    assert below.threshold is not None and (below.threshold.value, below.threshold.unit) == (20, "万元")  # type: ignore[union-attr]
    assert above.threshold is not None and (above.threshold.value, above.threshold.unit) == (50, "万元")  # type: ignore[union-attr]


def test_16_sections_link_every_goal_area_their_members_link(report: Report) -> None:
    for section in report.sections:
        linked = {link.goal_id for link in section.goal_links}
        for item in report.for_section(section.id):
            assert set(item.goal_ids) <= linked, (section.id, item.id)
    assert "g3-vitality" in {link.goal_id for link in report.section_by_id["sec-results-2023"].goal_links}
    assert "g4-coordination" in {link.goal_id for link in report.section_by_id["sec-livelihood"].goal_links}
    assert report.section_by_id["sec-honours"].goal_links


def test_17_top100_lists_are_national_rankings_not_state_honours(report: Report) -> None:
    for eid in ("hon-quality-top100", "hon-industry-top100", "hon-strength-top100"):
        roles = report.entity_by_id[eid].roles
        assert "全国性排名" in roles and "国家级" not in roles, eid


def _editorial_notes(report: Report) -> list[str]:
    notes = [r.note for r in report.repairs] + [r.note_en for r in report.repairs]
    notes += [a.text for a in report.metadata.ambiguities] + [a.text_en for a in report.metadata.ambiguities]
    notes += [e.note for e in report.entities] + [e.note_en for e in report.entities]
    notes += [g.no_figures_note for g in report.goal_areas] + [
        g.no_figures_note_en for g in report.goal_areas
    ]
    for der in report.derived:
        notes += (
            [der.explanation, der.explanation_en]
            + [x.note for x in der.inputs]
            + [x.note_en for x in der.inputs]
        )
    return notes


def test_18_raw_line_numbers_in_notes_count_from_one(report: Report) -> None:
    lines = report.source.text.split("\n")
    cited = 0
    for note in _editorial_notes(report):
        for match in RAW_LINE.finditer(note):
            for number in filter(None, match.groups()):
                cited += 1
                assert lines[int(number) - 1].strip(), f"raw line {number} (from 1) is blank: {note}"
    assert cited >= 8
    move = next(r for r in report.repairs if r.kind is RepairKind.MOVE)
    assert "raw line 57" in move.note_en and lines[57 - 1].endswith("遴选了胶济")


def test_18_paragraphs_in_notes_are_numbered_as_the_window_and_pdf_show_them(report: Report) -> None:
    """Point 18's kin: a note names a paragraph by its shown place (第9段), never its id or another count."""
    numbered = re.compile(r"第(\d+)段|paragraph (\d+)")
    cited = 0
    for note in _editorial_notes(report):
        assert not re.search(r"\bp\d\d\b", note), note
        for match in numbered.finditer(note):
            paragraph = report.paragraphs[int(match.group(1) or match.group(2)) - 1]
            quoted = [run for run in re.findall(r"[\u4e00-\u9fff]{6,}", note.replace("|", ""))]
            assert any(run in paragraph.text for run in quoted), (paragraph.id, note)
            cited += 1
    assert cited >= 2


def test_19_no_repair_deletes_a_character_of_the_report(report: Report) -> None:
    for repair in report.repairs:
        if repair.kind is RepairKind.PUNCTUATION:
            assert repair.raw_text in HALF_WIDTH and repair.result == FULL_WIDTH[repair.raw_text], repair.id
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`punctuation` (half-width → full-width" in readme


def test_20_bottom_line_thinking(report: Report) -> None:
    assert report.section_by_id["sec-bottom-line"].title_en == "Bottom-line thinking"


def test_new_ambiguities_are_recorded_and_the_text_is_kept(report: Report) -> None:
    ids = {a.id for a in report.metadata.ambiguities}
    assert {"amb-zengsu", "amb-strong-country", "amb-shizhong"} <= ids
    text = report.article_text
    assert "增塑产业发展新优势" in text and "现代化强国建设" in text and "是种胸襟" in text


def test_every_editorial_text_is_in_both_languages(report: Report) -> None:
    """Issue 11 item 16: Chinese in the plain field, English in the ``_en`` field."""
    pairs = [(a.text, a.text_en) for a in report.metadata.ambiguities]
    pairs += [(r.note, r.note_en) for r in report.repairs]
    pairs += [(e.note, e.note_en) for e in report.entities if e.note or e.note_en]
    for der in report.derived:
        pairs += [(der.explanation, der.explanation_en)] + [(x.note, x.note_en) for x in der.inputs]
    assert len(pairs) > 150
    for zh, en in pairs:
        assert CJK.search(zh), zh
        assert en and sum(c.isascii() for c in en) > len(en) / 2, en
        assert not set(",;:") & set(zh), zh  # the Chinese text uses the article's full-width punctuation


def test_chinese_text_uses_full_width_punctuation(bundled_json: dict[str, object]) -> None:
    """Issue 11.17: no half-width (),;: in Chinese text of the dataset (raw text and English aside)."""
    found: list[str] = []

    def walk(value: object, path: str, key: str) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, f"{path}.{k}", k)
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, f"{path}[{i}]", key)
        elif isinstance(value, str) and not key.endswith("_en") and key != "raw_text":
            chinese_with_ascii_punctuation = CJK.search(value) and set(value) & set("(),;:?!")
            if chinese_with_ascii_punctuation:
                found.append(f"{path}: {value[:40]}")

    walk(bundled_json, "$", "")
    assert found == []
