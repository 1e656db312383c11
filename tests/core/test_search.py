"""The search index (desktop_app.core.search.index); no Qt.

Snippets, groups and counts are tested in test_search_hits.py, the command in tests/cli/test_search.py.
"""

from __future__ import annotations

from collections.abc import Iterable

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_app.core.loader import load_report
from desktop_app.core.model import (
    Article,
    DerivedIndicator,
    Entity,
    EntityKind,
    GoalArea,
    Indicator,
    IndicatorKind,
    Meeting,
    Metadata,
    ModifierMeaning,
    Paragraph,
    ParagraphRole,
    Presenter,
    Quote,
    Region,
    Report,
    Scope,
    Section,
    SourceFile,
    Span,
)
from desktop_app.core.search.hits import snippet
from desktop_app.core.search.index import MAX_PATTERNS, SearchIndex
from desktop_app.core.search.pinyin import MAX_PINYIN_LETTERS, segmentations
from desktop_app.core.search.query import QueryTerm, parse_query, quote_phrase
from desktop_app.core.search.types import Document, Hit, NodeKind
from desktop_app.core.textfold import fold

P1 = "数据显示：2023年，临淄区规上工业总产值实现2,504亿元，占全市比重35%。"
P2 = "全年民生支出41.93亿元，占财政支出比重达84%。"
P3 = "在2024年目标任务和工作重点中，临淄提出培育壮大实\n\n体经济，加快主导产业发展。"
P4 = "如果說“功成不必在我”是种胸襟，重庆银行行长来了。"
P5 = "力争进出口突破250亿元，ＧＤＰ增长２５０４万元。"
P6 = "服务大众 团结大众"


def paragraph_docs(*texts: str) -> list[Document]:
    return [Document(f"p{n}", NodeKind.PARAGRAPH, "text", text) for n, text in enumerate(texts, 1)]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return SearchIndex.from_documents(paragraph_docs(P1, P2, P3, P4, P5, P6))


def found(index: SearchIndex, query: str) -> list[tuple[str, str]]:
    return [(hit.node_id, hit.matched) for hit in index.search(query)]


def assert_offsets(hits: Iterable[Hit]) -> None:
    for hit in hits:
        assert hit.text[hit.start : hit.end] == hit.matched
        assert 0 <= hit.start < hit.end <= len(hit.text)


# -- a small report built by hand -------------------------------------------------------------


def span(paragraph: str, text: str, whole: str) -> Span:
    start = whole.index(text)
    return Span(paragraph, start, start + len(text), text)


def make_report() -> Report:
    region = Region("山东省", "淄博市", "临淄区", "Linzi")
    article = Article("临淄“走在前”", "", "", "大众日报", ("张吉宝",), "淄博", "2024-01-20", "02")
    metadata = Metadata(
        "临淄区2024年政府工作报告",
        "Linzi 2024",
        2024,
        region,
        Meeting("临淄区第十九届人民代表大会第三次会议", "2024-01-19"),
        Presenter("蔡华刚", "区长"),
        article,
        (),
    )
    goal_text = "要坚定不移惠民生，奋力推动群众幸福指数走在前。"
    paragraphs = (
        Paragraph(id="p1", role=ParagraphRole.BODY, segments=(), text=P1),
        Paragraph(id="p2", role=ParagraphRole.BODY, segments=(), text=P2),
        Paragraph(id="p3", role=ParagraphRole.BODY, segments=(), text=goal_text),
    )
    indicator = Indicator(
        id="ind-output",
        name="规上工业总产值",
        name_en="Industrial output",
        value=2504.0,
        unit="亿元",
        unit_normalised="元",
        factor=1e8,
        year=2023,
        kind=IndicatorKind.ACHIEVED,
        modifier="",
        modifier_meaning=ModifierMeaning.EXACT,
        scope=Scope.DISTRICT,
        denominator=None,
        lower_is_better=False,
        goal_links=(),
        section_ids=("s1",),
        span=span("p1", "2,504亿元", P1),
        sentence=Span("p1", 0, len(P1), P1),
        headline=True,
    )
    share = Indicator(
        id="ind-share",
        name="民生支出占比",
        name_en="Livelihood share",
        value=0.84,
        unit="",
        unit_normalised="",
        factor=1,
        year=2023,
        kind=IndicatorKind.SHARE,
        modifier="",
        modifier_meaning=ModifierMeaning.EXACT,
        scope=Scope.DISTRICT,
        denominator=None,
        lower_is_better=False,
        goal_links=(),
        section_ids=("s1",),
        span=span("p2", "84%", P2),
        sentence=Span("p2", 0, len(P2), P2),
        headline=False,
    )
    derived = DerivedIndicator(
        id="der-city",
        name="淄博市规上工业总产值（推算）",
        name_en="Zibo's output (implied)",
        value=7154.0,
        unit="亿元",
        year=2023,
        scope=Scope.CITY,
        formula="a / (b / 100)",
        inputs=(),
        range_low=7052.0,
        range_high=7260.0,
        explanation="Linzi's output divided by its share.",
        goal_links=(),
        section_ids=("s1",),
    )
    return Report(
        id="test",
        format_version=1,
        metadata=metadata,
        source=SourceFile("raw.txt", "0" * 64, 0, ""),
        paragraphs=paragraphs,
        repairs=(),
        goal_areas=(
            GoalArea(
                id="g8",
                order=8,
                title="惠民生",
                lead="群众幸福指数",
                sentence=goal_text,
                title_en="Livelihoods",
                span=span("p3", "惠民生", goal_text),
            ),
        ),
        sections=(
            Section(
                id="s1",
                title="民生福祉",
                title_en="Well-being",
                paragraph_ids=("p1", "p2", "p3"),
                goal_links=(),
            ),
        ),
        indicators=(indicator, share),
        derived=(derived,),
        quotes=(
            Quote(
                id="q1",
                text=goal_text,
                attribution="report",
                speaker="《报告》",
                span=span("p3", goal_text, goal_text),
                goal_links=(),
                section_ids=(),
            ),
        ),
        entities=(
            Entity(
                id="e1",
                kind=EntityKind.PROJECT,
                name="齐惠保",
                roles=("民生实事", "保险"),
                span=span("p2", "民生", P2),
                goal_links=(),
                section_ids=(),
            ),
        ),
    )


@pytest.fixture(scope="module")
def report_index() -> SearchIndex:
    return SearchIndex.build(make_report())


@pytest.fixture(scope="module")
def bundled() -> SearchIndex:
    return SearchIndex.build(load_report())


# -- query parsing ----------------------------------------------------------------------------


class TestParseQuery:
    def test_terms(self) -> None:
        assert parse_query("  临淄  2504\u3000民生 ") == [
            QueryTerm("临淄"),
            QueryTerm("2504"),
            QueryTerm("民生"),
        ]

    def test_phrases(self) -> None:
        assert parse_query('a "b c" d') == [QueryTerm("a"), QueryTerm("b c", True), QueryTerm("d")]
        assert parse_query("“临淄 区”x") == [QueryTerm("临淄 区", True), QueryTerm("x")]

    def test_unclosed_phrase_runs_to_the_end(self) -> None:
        assert parse_query('民生 "临淄 ') == [QueryTerm("民生"), QueryTerm("临淄 ", True)]

    def test_empty(self) -> None:
        assert parse_query("") == []
        assert parse_query(' "" ') == []

    def test_quote_phrase(self) -> None:
        assert parse_query(quote_phrase("“四新”经济 x")) == [QueryTerm("'四新'经济 x", True)]


# -- matching ---------------------------------------------------------------------------------


class TestLiteral:
    def test_han_word(self, index: SearchIndex) -> None:
        assert found(index, "临淄") == [("p1", "临淄"), ("p3", "临淄")]

    def test_single_han_character(self, index: SearchIndex) -> None:
        assert ("p2", "民") in found(index, "民")

    def test_traditional_query_and_text(self, index: SearchIndex) -> None:
        assert found(index, "說") == [("p4", "說")]
        assert found(index, "说") == [("p4", "說")]
        assert found(index, "發展") == found(index, "发展")

    def test_word_split_by_line_break(self, index: SearchIndex) -> None:
        hits = index.search("实体经济")
        assert [(h.node_id, h.matched) for h in hits] == [("p3", "实\n\n体经济")]
        assert_offsets(hits)

    def test_punctuation_does_not_block(self, index: SearchIndex) -> None:
        assert found(index, "2023年临淄区") == [("p1", "2023年，临淄区")]
        assert found(index, "功成不必在我是种") == [("p4", "功成不必在我”是种")]

    def test_no_match(self, index: SearchIndex) -> None:
        assert index.search("北京") == []
        assert index.search("") == []
        assert index.search("，。") == []

    def test_latin_matches_at_word_start(self, index: SearchIndex) -> None:
        assert found(index, "gdp") == [("p5", "ＧＤＰ")]
        assert found(index, "dp") == []


class TestNumbers:
    @pytest.mark.parametrize("query", ["2504", "2,504", "2，504", "２５０４"])
    def test_thousands_and_full_width(self, index: SearchIndex, query: str) -> None:
        assert found(index, query) == [("p1", "2,504"), ("p5", "２５０４")]

    def test_with_unit(self, index: SearchIndex) -> None:
        assert found(index, "250亿") == [("p5", "250亿")]

    def test_percent(self, index: SearchIndex) -> None:
        assert found(index, "84%") == [("p2", "84%")]
        assert found(index, "84％") == [("p2", "84%")]

    def test_decimal(self, index: SearchIndex) -> None:
        assert found(index, "41.93") == [("p2", "41.93")]
        assert found(index, "4193") == []


class TestPinyin:
    @pytest.mark.parametrize("query", ["linzi", "LinZi", "linz", "lzi", "lin淄"])
    def test_full_initials_and_mixed(self, index: SearchIndex, query: str) -> None:
        assert found(index, query) == [("p1", "临淄"), ("p3", "临淄")]

    def test_initials_only(self, index: SearchIndex) -> None:
        # 力争 (li zheng) spells lz too.
        assert found(index, "lz") == [("p1", "临淄"), ("p3", "临淄"), ("p5", "力争")]

    def test_full_syllables(self, index: SearchIndex) -> None:
        assert found(index, "minsheng") == [("p2", "民生")]
        assert found(index, "ms") == [("p2", "民生")]

    @pytest.mark.parametrize("prefix", ["l", "li", "lin"])
    def test_prefix_typing_reaches_the_word(self, index: SearchIndex, prefix: str) -> None:
        assert ("p1", "临") in found(index, prefix)

    def test_heteronyms(self, index: SearchIndex) -> None:
        assert ("p4", "重庆") in found(index, "chongqing")
        assert ("p4", "重") in found(index, "chong")
        assert ("p3", "重点") in found(index, "zhongdian")
        assert ("p4", "行长") in found(index, "hangzhang")
        assert ("p4", "银行") in found(index, "yinhang")
        assert ("p4", "行") in found(index, "xing")

    def test_initials_zh_ch_sh(self, index: SearchIndex) -> None:
        assert ("p3", "重点") in found(index, "zhd")
        assert ("p2", "生支") in found(index, "shzh")

    def test_long_initials_through_heteronyms(self, index: SearchIndex) -> None:
        # 重 (zhong/chong) and 行 (xing/hang) have readings with different first letters.
        assert ("p4", "重庆银行") in found(index, "cqyh")
        assert ("p4", "重庆银行行长") in found(index, "chongqingyinhanghangzhang")
        assert ("p4", "银行行长") in found(index, "yhhz")

    def test_initials_that_never_line_up(self, index: SearchIndex) -> None:
        assert found(index, "xzx") == []
        assert found(index, "lzqx") == []
        assert found(index, "lzqg") == [("p1", "临淄区规")]

    def test_contiguous_only(self, index: SearchIndex) -> None:
        # 临 and 经 are both in p3, but never next to each other.
        assert found(index, "linjing") == []


class TestQueries:
    def test_and_within_one_node(self, index: SearchIndex) -> None:
        hits = index.search("临淄 2504")
        assert [(h.node_id, h.matched) for h in hits] == [("p1", "临淄"), ("p1", "2,504")]
        assert index.search("临淄 41.93") == []

    def test_and_with_pinyin(self, index: SearchIndex) -> None:
        assert {h.node_id for h in index.search("linzi 实体")} == {"p3"}

    def test_phrase_exact(self, index: SearchIndex) -> None:
        assert found(index, '"占全市比重"') == [("p1", "占全市比重")]
        assert found(index, '"占全市 比重"') == [("p1", "占全市比重")]
        assert found(index, '"比重占全市"') == []

    def test_phrase_across_space_in_text(self, index: SearchIndex) -> None:
        assert found(index, '"大众团结"') == [("p6", "大众 团结")]

    def test_phrase_is_not_pinyin(self, index: SearchIndex) -> None:
        assert index.search('"linzi"') == []

    def test_document_order_and_limit(self, index: SearchIndex) -> None:
        hits = index.search("亿元")
        assert [h.node_id for h in hits] == ["p1", "p2", "p5"]
        assert [h.node_id for h in index.search("亿元", limit=2)] == ["p1", "p2"]
        assert index.count("亿元") == 3

    def test_overlapping_matches_merge(self) -> None:
        small = SearchIndex.from_documents(paragraph_docs("哈哈哈。"))
        assert [(h.start, h.end) for h in small.search("哈哈")] == [(0, 3)]

    def test_exact_offsets(self, index: SearchIndex) -> None:
        (hit,) = index.search("总产值实现2504亿")
        assert (hit.start, hit.end) == (P1.index("总产值"), P1.index("亿元") + 1)
        assert P1[hit.start : hit.end] == "总产值实现2,504亿"
        (hit,) = index.search("說")
        assert P4[hit.start : hit.end] == "說"

    def test_snippet(self, index: SearchIndex) -> None:
        (hit,) = index.search("說")
        cut = snippet(hit, 2)
        assert (cut.before, cut.match, cut.after) == ("如果", "說", "“功")
        cut = snippet(hit, 0)
        assert (cut.before, cut.match, cut.after) == ("", "說", "")
        cut = snippet(hit, 100)
        assert cut.before + cut.match + cut.after == P4


class TestSuggestions:
    def test_none_when_found(self, index: SearchIndex) -> None:
        assert index.suggest("临淄") == []

    def test_homophone_through_pinyin(self, index: SearchIndex) -> None:
        assert index.search("琳淄") == []
        suggestions = index.suggest("琳淄")
        assert "linzi" in suggestions
        assert "临淄" in suggestions

    def test_and_that_fails(self, index: SearchIndex) -> None:
        suggestions = index.suggest("临淄 41.93")
        assert "临淄" in suggestions
        assert "41.93" in suggestions
        assert all(index.search(s) for s in suggestions)

    def test_misspelt_pinyin(self, index: SearchIndex) -> None:
        assert index.search("linziqqq") == []
        first = index.suggest("linziqqq")[0]
        assert "linziqqq".startswith(first)
        assert first.startswith("linzi")

    def test_nothing_close(self, index: SearchIndex) -> None:
        assert index.suggest("，") == []


# -- the property: any piece of any indexed text finds itself ----------------------------------

PIECES = st.text(
    st.sampled_from(list('临淄说說发發实体经济民生区县0123456789０５，,。.、“”"《》（）% \n\u3000abcＧＤＰ')),
    min_size=1,
    max_size=30,
)


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, min_size=1, max_size=4), st.data())
def test_any_substring_finds_itself(texts: list[str], data: st.DataObject) -> None:
    small = SearchIndex.from_documents(paragraph_docs(*texts))
    number = data.draw(st.integers(0, len(texts) - 1))
    text = texts[number]
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    part = fold(text[start:end])
    assume(part.text)
    first = start + int(part.sources[0])
    last = start + int(part.sources[-1])
    hits = small.search(quote_phrase(text[start:end]))
    assert_offsets(hits)
    assert any(h.node_id == f"p{number + 1}" and h.start <= first and h.end >= last + 1 for h in hits), hits


def test_substrings_of_the_bundled_article(bundled: SearchIndex) -> None:
    report = load_report()
    for paragraph in report.paragraphs:
        for start in range(0, len(paragraph.text), 7):
            piece = paragraph.text[start : start + 9]
            if not fold(piece).text:
                continue
            hits = bundled.search(quote_phrase(piece))
            assert any(h.node_id == paragraph.id and h.start <= start + 9 for h in hits), piece


# -- documents of a report --------------------------------------------------------------------


class TestReportDocuments:
    def test_every_field_is_indexed(self, report_index: SearchIndex) -> None:
        fields = {(doc.node_kind, doc.field) for doc in report_index.documents}
        assert {
            (NodeKind.GOAL_AREA, "title"),
            (NodeKind.GOAL_AREA, "lead"),
            (NodeKind.GOAL_AREA, "sentence"),
            (NodeKind.GOAL_AREA, "title_en"),
            (NodeKind.INDICATOR, "name"),
            (NodeKind.INDICATOR, "value"),
            (NodeKind.INDICATOR, "unit"),
            (NodeKind.INDICATOR, "sentence"),
            (NodeKind.DERIVED, "name"),
            (NodeKind.DERIVED, "explanation"),
            (NodeKind.DERIVED, "number"),
            (NodeKind.QUOTE, "text"),
            (NodeKind.ENTITY, "name"),
            (NodeKind.ENTITY, "roles[0]"),
            (NodeKind.ENTITY, "roles[1]"),
            (NodeKind.SECTION, "title"),
            (NodeKind.PARAGRAPH, "text"),
        } <= fields

    def test_node_kind_order(self, report_index: SearchIndex) -> None:
        kinds = [hit.node_kind for hit in report_index.search("民生")]
        order = list(NodeKind)
        assert kinds == sorted(kinds, key=order.index)
        assert kinds[0] is NodeKind.GOAL_AREA
        assert kinds[-1] is NodeKind.PARAGRAPH

    def test_indicator_value_as_written(self, report_index: SearchIndex) -> None:
        hits = [h for h in report_index.search("2504") if h.node_id == "ind-output"]
        assert {h.field for h in hits} == {"value", "sentence"}

    def test_derived_value_as_number(self, report_index: SearchIndex) -> None:
        (hit,) = report_index.search("7154")
        assert (hit.node_id, hit.field, hit.matched) == ("der-city", "number", "7154")

    def test_entity_roles(self, report_index: SearchIndex) -> None:
        (hit,) = report_index.search("保险")
        assert (hit.node_id, hit.field) == ("e1", "roles[1]")

    def test_scattered_node_documents_are_grouped(self) -> None:
        docs = [
            Document("a", NodeKind.PARAGRAPH, "text", "临淄"),
            Document("b", NodeKind.PARAGRAPH, "text", "2504"),
            Document("a", NodeKind.PARAGRAPH, "note", "2504"),
        ]
        assert {h.node_id for h in SearchIndex.from_documents(docs).search("临淄 2504")} == {"a"}
        with pytest.raises(ValueError, match="not adjacent"):
            SearchIndex(docs)


# -- the bundled report -----------------------------------------------------------------------


class TestBundledReport:
    @pytest.mark.parametrize("query", ["临淄", "linzi", "lz"])
    def test_linzi(self, bundled: SearchIndex, query: str) -> None:
        hits = bundled.search(query)
        assert len(hits) >= 40
        assert sum(h.matched == "临淄" for h in hits) >= 40
        assert {"p01", "p05"} <= {h.node_id for h in hits}
        assert_offsets(hits)

    def test_minsheng(self, bundled: SearchIndex) -> None:
        chinese = bundled.search("民生")
        assert chinese
        assert [(h.node_id, h.field, h.start) for h in bundled.search("minsheng")] == [
            (h.node_id, h.field, h.start) for h in chinese
        ]
        assert any(h.node_id == "g8-wellbeing" for h in chinese)

    @pytest.mark.parametrize("query", ["2504", "2,504", "２５０４"])
    def test_2504(self, bundled: SearchIndex, query: str) -> None:
        hits = bundled.search(query)
        assert ("ind-industrial-output", "value") in {(h.node_id, h.field) for h in hits}
        assert all(h.matched == "2504" for h in hits)

    @pytest.mark.parametrize(("query", "node"), [("250亿", "ind-trade-target"), ("84%", "p07")])
    def test_figures(self, bundled: SearchIndex, query: str, node: str) -> None:
        assert node in {h.node_id for h in bundled.search(query)}

    def test_traditional_shuo(self, bundled: SearchIndex) -> None:
        hits = bundled.search("說")
        assert "p21" in {h.node_id for h in hits}
        assert all(h.matched == "说" for h in hits)

    def test_word_repaired_across_column_break(self, bundled: SearchIndex) -> None:
        assert bundled.search("实体经济")

    def test_every_indicator_finds_itself(self, bundled: SearchIndex) -> None:
        report = load_report()
        for indicator in report.indicators:
            hits = bundled.search(quote_phrase(indicator.span.text))
            assert indicator.id in {h.node_id for h in hits}, indicator.id

    def test_build_is_fast_enough_to_do_on_load(self) -> None:
        import time

        report = load_report()
        started = time.perf_counter()
        SearchIndex.build(report)
        assert time.perf_counter() - started < 2.0  # generous: the benchmark holds the real target


# -- long queries (issue 13, item 4) ------------------------------------------------------------


class TestLongQueries:
    # Before: RecursionError from the recursive pinyin segmentation (a traceback in the CLI, an
    # "Unexpected error" dialog in the window) for ~250+ Latin letters or a long Han term, which
    # suggest() spells out in pinyin; "linzi" * 60 took 9 s.
    @pytest.mark.parametrize(
        "query",
        [
            "a" * 300,
            "z" * 400,
            "lz" * 200,
            "linzi" * 60,
            "临淄区" * 100,
            '"' + "临淄发展" * 80 + '"',
            "民生 " + "zhongguo" * 40,
        ],
    )
    def test_no_recursion_error(self, bundled: SearchIndex, query: str) -> None:
        assert bundled.search(query) == []
        for suggestion in bundled.suggest(query):
            assert bundled.search(suggestion)

    def test_pinyin_expansion_is_capped(self, bundled: SearchIndex) -> None:
        assert bundled.search("linzi" * 6) == []  # 30 letters: still read as pinyin, just not found
        long_word = "x" * (MAX_PINYIN_LETTERS + 1)
        small = SearchIndex.from_documents(paragraph_docs(long_word, "学习"))
        assert [h.node_id for h in small.search(long_word)] == ["p1"]  # literally, not as pinyin

    def test_segmentations_keep_their_order(self, index: SearchIndex) -> None:
        # The iterative walk yields what the recursive one did: longest syllable first.
        full, prefix = index._full_tokens, index._prefix_tokens
        assert segmentations("linzi", True, full, prefix, MAX_PATTERNS)[0] == ("lin", "zi")
        assert len(segmentations("lian" * 8, True, full, prefix, MAX_PATTERNS)) <= MAX_PATTERNS
        assert segmentations("l" * (MAX_PINYIN_LETTERS + 1), True, full, prefix, MAX_PATTERNS) == []


# -- initials read as a reader reads them (issue 11, item 20) ------------------------------------


class TestAbbreviations:
    def test_lz_finds_linzi_first_and_no_rare_readings(self, bundled: SearchIndex) -> None:
        # Before: 87 hits, 38 of them not 临淄: 位次 (位 li, 次 zi: rare readings), 位、中 and 链，增
        # (across punctuation).
        hits = bundled.search("lz")
        words = [h.matched for h in hits]
        assert words[0] == "临淄"
        first_other = next(n for n, word in enumerate(words) if word != "临淄")
        assert set(words[first_other:]).isdisjoint({"临淄"})  # every 临淄 before anything else
        assert "位次" not in words
        assert not [w for w in words if any(not ("\u4e00" <= c <= "\u9fff") for c in w)]
        assert words.count("临淄") >= 40 and len(words) - words.count("临淄") <= 15

    def test_never_across_punctuation(self) -> None:
        small = SearchIndex.from_documents(paragraph_docs("努力。走在前", "努力，争先", "力争上游"))
        assert found(small, "lz") == [("p3", "力争")]
        assert found(small, "lizheng") == [("p3", "力争")]
        assert found(small, "力走") == [("p1", "力。走")]  # characters typed as such still may

    def test_zzz_finds_no_word_pieces(self, bundled: SearchIndex) -> None:
        # Before: 展走在 (from 发展走在前) and 在拓展 (拓 read zhi).
        assert bundled.search("zzz") == []
        assert all(bundled.search(s) for s in bundled.suggest("zzz"))

    def test_words_read_in_context(self, index: SearchIndex) -> None:
        assert ("p4", "重庆银行") in found(index, "cqyh")  # 重 is chong in 重庆
        assert ("p4", "银行行长") in found(index, "yhhz")  # 行 is hang in 银行 and 行长
        assert found(index, "yxhz") == []  # not xing here

    def test_suggestions_are_distinct_and_all_find_something(self, bundled: SearchIndex) -> None:
        suggestions = bundled.suggest("临淄 qqqq")
        assert suggestions and len({s.casefold() for s in suggestions}) == len(suggestions)
        assert all(bundled.search(s) for s in suggestions)
