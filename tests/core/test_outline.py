"""A library hit names its place (section and paragraph) as the open report does, from the index alone.

Before: the library index knew no sections, so a library hit said only its field (正文 / Text).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.core.language import Language
from desktop_app.core.library.index_cache import IndexCache
from desktop_app.core.loader import load_report
from desktop_app.core.outline import Outline, report_outline
from desktop_app.core.presentation import location_text, paragraph_place
from desktop_app.core.resources import data_path
from tests.core.library.small_reports import loader, write_report

TEXT = (
    "各位代表：\n\n一、2024年工作回顾\n\n过去一年，我们坚持高质量发展。\n\n"
    "二、2025年政府工作任务\n\n推动高质量发展，扩大内需。\n"
)


def test_places_in_a_national_report() -> None:
    report = load_report(data_path("national/2025.json"))
    outline = report_outline(report)
    assert outline.place("p0004") == "2024年工作回顾 · 第4段"
    assert outline.place("p0031") == "大力提振消费、提高投资效益，全方位扩大国内需求 · 第31段"
    assert outline.place("p0004", Language.EN) == "2024年工作回顾 · paragraph 4"  # no English titles
    assert outline.place("nope") == ""
    # The paragraph's number and page are the open report's own words for it (location_text).
    for paragraph in report.paragraphs:
        assert outline.place(paragraph.id).endswith(location_text(paragraph.id, report))


def test_a_page_and_the_first_of_several_sections() -> None:
    report = load_report()  # Linzi: on page 02 of the paper; p01 is in two sections
    outline = report_outline(report)
    assert outline.page == "02"
    assert outline.place("p01") == "报告概况 · 第02版·第1段"
    assert paragraph_place("", 7, "02") == "第02版·第7段" == location_text("p07", report)


def test_json_round_trip_and_refusals() -> None:
    outline = report_outline(load_report())
    again = Outline.from_json(outline.to_json())
    assert [again.place(p.id) for p in load_report().paragraphs] == [
        outline.place(p.id) for p in load_report().paragraphs
    ]
    bad: object
    for bad in (
        [],
        {"paragraphs": ["p1"], "sections": [0], "titles": [], "page": ""},  # no such section
        {"paragraphs": ["p1"], "sections": [], "titles": [], "page": ""},
        {"paragraphs": ["p1"], "sections": [True], "titles": [["a", "b"]], "page": ""},
        {"paragraphs": ["p1"], "sections": [0], "titles": [["a"]], "page": ""},
        {"paragraphs": [1], "sections": [-1], "titles": [], "page": ""},
        {"paragraphs": ["p1"], "sections": [-1], "titles": [], "page": None},
    ):
        with pytest.raises(ValueError):
            Outline.from_json(bad)


def test_a_hit_names_its_section_from_a_cold_and_a_warm_index(tmp_path: Path) -> None:
    files = [write_report(tmp_path / "national", "2025", TEXT, 2025)]
    cold = IndexCache(tmp_path / "cache").load(files, loader(files), bundled=["national"])
    calls: list[str] = []
    warm = IndexCache(tmp_path / "cache").load(files, loader(files, calls), bundled=["national"])
    assert calls == []  # read back from the cache, no report loaded
    for index in (cold, warm):
        (group,) = index.search("扩大内需").groups
        (hit,) = group.hits
        assert group.report.place(hit) == "2025年政府工作任务 · 第5段"
        assert group.report.place(hit, Language.EN) == "2025年政府工作任务 · paragraph 5"
        first, second = index.search("高质量发展").groups[0].hits
        assert group.report.place(first).startswith("2024年工作回顾 · ")
        assert group.report.place(second).startswith("2025年政府工作任务 · ")


def test_the_open_reports_search_names_a_paragraph_hit_alike() -> None:
    from desktop_app.core.search.documents import report_documents
    from desktop_app.core.search.hits import HitPlaces
    from desktop_app.core.search.index import SearchIndex
    from desktop_app.core.search.types import NodeKind

    report = load_report(data_path("national/2025.json"))
    outline = report_outline(report)
    hits = [
        h
        for h in SearchIndex(report_documents(report)).search("扩大内需")
        if h.node_kind is NodeKind.PARAGRAPH
    ]
    assert hits
    for lang in Language:
        places = HitPlaces(report, lang)
        for hit in hits:
            # Before: 第46段 · 正文, without the section a library hit now names.
            assert (
                places.item_label(hit)
                == outline.place(hit.node_id, lang)
                != location_text(hit.node_id, report)
            )
