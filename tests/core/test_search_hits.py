"""What hits mean to a reader (desktop_app.core.search.hits): snippets, groups, names, counts, spans."""

from __future__ import annotations

import pytest

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Report
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.hits import (
    SOURCE_GROUP,
    HitPlaces,
    count_label,
    group_hits,
    hit_counts,
    marked_snippet,
    snippet,
)
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import Document, Hit, NodeKind
from desktop_app.core.words import WORDS


@pytest.fixture(scope="module")
def report() -> Report:
    return load_report()


@pytest.fixture(scope="module")
def index(report: Report) -> SearchIndex:
    return SearchIndex.build(report)


def hit_in(text: str, matched: str, occurrence: int = 0) -> Hit:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(matched, start + 1)
    return Hit("p1", NodeKind.PARAGRAPH, "text", start, start + len(matched), text)


# -- snippets ------------------------------------------------------------------------------------

P7 = "民生福祉增进方面，全年民生支出41.93亿元，占财政支出比重达84%，城乡居民人均可支配收入增长5.6%。"


class TestSnippet:
    @pytest.mark.parametrize("width", range(0, 30))
    def test_never_cuts_a_number_in_half(self, width: int) -> None:
        # Before: "….93亿元" (41.93 cut before the point) and "全年民生支出4…" (cut after its first digit).
        for matched in ("亿元", "民生支出", "财政", "占", "比重达", "方面"):
            cut = snippet(hit_in(P7, matched), width)
            shown = cut.before + cut.match + cut.after
            for number in ("41.93", "84%", "5.6%"):
                for part in (number[:k] for k in range(1, len(number))):
                    # A piece of a number may show only as part of the whole number.
                    if part in shown and number not in shown:
                        assert not shown.startswith(part) and not shown.endswith(part), (width, shown)
            assert not cut.before.startswith((".", "%")) and not cut.after.endswith(".")

    def test_the_reported_cuts(self) -> None:
        assert marked_snippet(hit_in(P7, "亿元"), 3) == "…【亿元】，占财…"  # not "….93【亿元】"
        after = snippet(hit_in(P7, "民生支出"), 2)
        assert after.after == ""  # not "4"
        before = snippet(hit_in(P7, "亿元"), 4)
        assert before.before in ("", "41.93")  # not ".93"

    def test_cuts_at_punctuation_nearby(self) -> None:
        cut = snippet(hit_in("甲乙零一二三，四五六七八九十临淄", "临淄"), 12)
        assert cut.before == "四五六七八九十"  # the clause starts right after "，"
        assert cut.cut_before
        cut = snippet(hit_in(P7, "占财政"), 14)
        assert cut.after.endswith("，")

    def test_latin_words_are_kept_whole(self) -> None:
        text = "Linzi district GDP growth rate reached targets"
        cut = snippet(hit_in(text, "growth"), 6)
        assert cut.before.strip() in ("", "GDP") and cut.after.strip() in ("", "rate")

    def test_whole_field_when_it_fits(self) -> None:
        cut = snippet(hit_in(P7, "民生支出"), 100)
        assert cut.before + cut.match + cut.after == P7
        assert not cut.cut_before and not cut.cut_after
        assert marked_snippet(hit_in("a\n\nb c", "b"), 5) == "a 【b】 c"


# -- provenance: a hit knows where it stands in the article --------------------------------------


class TestHitSpans:
    def test_every_article_document_is_verbatim(self, report: Report) -> None:
        docs = report_documents(report)
        located = [d for d in docs if d.span is not None]
        assert len(located) > len(report.paragraphs) + len(report.indicators)
        for doc in located:
            assert doc.span is not None
            paragraph = report.paragraph_by_id[doc.span.paragraph_id].text
            assert paragraph[doc.span.start : doc.span.end] == doc.span.text
            assert doc.text[doc.span_offset :].startswith(doc.span.text)

    def test_hit_in_an_indicator_sentence_knows_its_paragraph_span(
        self, report: Report, index: SearchIndex
    ) -> None:
        hits = [
            h for h in index.search("民生支出") if h.node_kind is NodeKind.INDICATOR and h.field == "sentence"
        ]
        assert hits
        for hit in hits:
            assert hit.span is not None
            paragraph = report.paragraph_by_id[hit.span.paragraph_id].text
            assert paragraph[hit.span.start : hit.span.end] == hit.matched == hit.span.text

    def test_goal_area_label_and_sentence(self, report: Report, index: SearchIndex) -> None:
        for hit in index.search("稳增长"):
            if hit.node_kind is NodeKind.GOAL_AREA and hit.field in ("title", "sentence"):
                assert hit.span is not None and hit.span.text == "稳增长"

    def test_editorial_text_has_no_span(self, index: SearchIndex) -> None:
        hits = [h for h in index.search("7154") if h.node_kind is NodeKind.DERIVED]
        assert hits and all(h.span is None for h in hits)

    def test_every_hit_of_a_common_word_maps_exactly(self, report: Report, index: SearchIndex) -> None:
        for hit in index.search("临淄"):
            if hit.span is not None:
                assert (
                    report.paragraph_by_id[hit.span.paragraph_id].text[hit.span.start : hit.span.end]
                    == "临淄"
                )


# -- groups, names, counts -----------------------------------------------------------------------


class TestPlaces:
    def test_groups(self, report: Report, index: SearchIndex) -> None:
        places = HitPlaces(report, Language.ZH)
        hits = index.search("民生")
        labels = {places.group(h).label for h in hits}
        assert "8. 坚定不移惠民生" in labels  # goal area, short numbered label
        assert "原文" in labels  # article text, as the tree names its source node
        for hit in hits:
            if hit.node_kind is NodeKind.PARAGRAPH:
                assert places.group(hit).key == SOURCE_GROUP
        english = HitPlaces(report, Language.EN)
        assert "Source article" in {english.group(h).label for h in hits}

    def test_the_seven_livelihood_projects_are_named(self, report: Report, index: SearchIndex) -> None:
        # Before: seven rows read "民生实事" and nothing said which project each was.
        places = HitPlaces(report, Language.ZH)
        roles = [
            h
            for h in index.search("民生实事")
            if h.node_kind is NodeKind.ENTITY and h.field.startswith("roles")
        ]
        assert len(roles) >= 7
        names = [places.item_label(h) for h in roles]
        assert len(set(names)) == len(names)
        assert names == [report.entity_by_id[h.node_id].name for h in roles]
        assert all(places.describe(h).endswith(" · 类别") for h in roles)

    def test_field_labels_are_words_never_keys(self, report: Report, index: SearchIndex) -> None:
        for lang in Language:
            places = HitPlaces(report, lang)
            for doc in index.documents:
                hit = Hit(doc.node_id, doc.node_kind, doc.field, 0, 1, doc.text)
                label = places.field_label(hit)
                assert label and "_" not in label and "[" not in label, doc
                assert lang is Language.EN or label.isascii() is False, doc
                assert places.item_label(hit) != doc.node_id, doc
        zh = HitPlaces(report, Language.ZH)
        title = Hit("g1-growth", NodeKind.GOAL_AREA, "title", 0, 1, "稳增长")
        assert zh.field_label(title) == "标题"
        assert zh.describe(title) == "1. 坚定不移稳增长 · 标题"

    def test_every_field_key_has_both_languages(self) -> None:
        fields = {doc.field.split("[")[0] for doc in report_documents(load_report())}
        for field in fields:
            zh, en = WORDS[f"field.{field}"]
            assert zh and en and zh != field


class TestCounting:
    def test_a_group_counts_exactly_the_rows_listed_under_it(
        self, report: Report, index: SearchIndex
    ) -> None:
        places = HitPlaces(report, Language.ZH)
        for query in ("临淄", "民生", "lz", "2504", "个"):
            hits = index.search(query)
            counts = hit_counts(hits, places)
            grouped = group_hits(hits, places)
            assert sum(len(members) for _, members in grouped) == len(hits)
            for group, members in grouped:
                assert counts[group.key] == len(members)

    def test_a_node_counts_its_own_hits(self) -> None:
        docs = [
            Document("i1", NodeKind.INDICATOR, "name", "临淄临淄"),
            Document("i1", NodeKind.INDICATOR, "sentence", "在临淄"),
            Document("p1", NodeKind.PARAGRAPH, "text", "临淄"),
        ]
        small = SearchIndex(docs)
        report = load_report()
        places = HitPlaces(report, Language.ZH)
        counts = hit_counts(small.search("临淄"), places)
        assert counts["i1"] == 3  # its own hits, in any of its fields
        assert counts[SOURCE_GROUP] == 4  # nodes the report does not know go to the source article
        assert "p1" not in counts

    def test_one_way_to_write_a_count(self) -> None:
        assert count_label("临淄", 3, Language.ZH) == "临淄（3 处）"
        assert count_label("Linzi", 1, Language.EN) == "Linzi (1 found)"
