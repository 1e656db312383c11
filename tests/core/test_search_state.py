"""The search index's additions for the library: counts without hits, ranges, progress, bytes and back."""

from __future__ import annotations

import pytest

from benchmarks.bench_search import keystrokes
from desktop_app.core.model import Report
from desktop_app.core.search import state
from desktop_app.core.search.documents import report_documents
from desktop_app.core.search.index import SearchIndex

QUERIES = (*keystrokes(), "發展", "gzl", "minsheng", "“实体经济”", "临淄 2504", "qqqq", "")


@pytest.fixture(scope="module")
def index(report: Report) -> SearchIndex:
    return SearchIndex.build(report)


def test_hit_counts_count_exactly_the_hits_of_search(index: SearchIndex) -> None:
    for query in QUERIES:
        hits = index.search(query)
        counts = index.hit_counts(query)
        assert sum(counts.values()) == len(hits), query
        by_field: dict[tuple[str, str], int] = {}
        for hit in hits:
            by_field[(hit.node_id, hit.field)] = by_field.get((hit.node_id, hit.field), 0) + 1
        documents = index.documents
        assert {(documents[n].node_id, documents[n].field): c for n, c in counts.items()} == by_field


def test_within_searches_only_those_documents(report: Report) -> None:
    docs = report_documents(report)
    # Node boundaries: the paragraphs come last, one document each.
    first_paragraph = next(n for n, doc in enumerate(docs) if doc.node_kind == "paragraph")
    whole = SearchIndex(docs)
    part = SearchIndex(docs[first_paragraph:])
    middle = SearchIndex(docs[first_paragraph + 5 : first_paragraph + 20])
    for query in ("临淄", "lz", "2504", "发展", "实体经济", "民生"):
        assert whole.search(query, within=[range(first_paragraph, len(docs))]) == part.search(query), query
        two = [
            range(first_paragraph + 5, first_paragraph + 12),
            range(first_paragraph + 12, first_paragraph + 20),
        ]
        assert whole.search(query, within=two) == middle.search(query), query
        assert whole.search(query, within=[]) == []
        assert sum(whole.hit_counts(query, within=two).values()) == len(middle.search(query))


def test_progress_rises_to_one_and_can_stop_a_build(report: Report) -> None:
    docs = report_documents(report)
    seen: list[float] = []
    SearchIndex(docs, progress=seen.append)
    assert seen == sorted(seen) and seen[0] == 0 and seen[-1] == 1.0 and len(seen) > 3

    class StopError(Exception):
        pass

    def stop(fraction: float) -> None:
        if fraction > 0.3:
            raise StopError

    with pytest.raises(StopError):
        SearchIndex(docs, progress=stop)


def test_bytes_and_back_answer_every_query_alike(index: SearchIndex) -> None:
    restored = SearchIndex.from_parts(state.decode(state.encode(index.parts())))
    assert list(restored.documents) == list(index.documents)
    for query in QUERIES:
        hits = index.search(query)
        again = restored.search(query)
        assert again == hits, query
        assert [hit.span for hit in again] == [hit.span for hit in hits]
        assert restored.hit_counts(query) == index.hit_counts(query)
    assert restored.suggest("临淄区民生") == index.suggest("临淄区民生")
    assert restored.suggest("linzii") == index.suggest("linzii")
    # Encoding what was read back gives the same bytes: nothing is lost on the way.
    assert state.encode(restored.parts()) == state.encode(index.parts())


def test_bytes_of_another_kind_are_refused() -> None:
    for data in (b"", b"RVSI", b"RVSI" + bytes(8), b"PK\x03\x04" + bytes(20)):
        with pytest.raises(state.IndexFormatError):
            state.decode(data)


def test_a_capped_count_stops_at_the_cap(index: SearchIndex) -> None:
    for query in ("临淄", "lz", "发展", "2504", "qqqq"):
        total = len(index.search(query))
        for cap in (1, 5, 50):
            assert sum(index.hit_counts(query, cap=cap).values()) == min(cap, total), (query, cap)


def test_documents_of_some_kinds_are_those_kinds_of_all_documents(report: Report) -> None:
    from desktop_app.core.search.types import NodeKind

    everything = report_documents(report)
    for kinds in ({NodeKind.PARAGRAPH}, {NodeKind.INDICATOR, NodeKind.SECTION}, set()):
        assert report_documents(report, kinds) == [doc for doc in everything if doc.node_kind in kinds]


def test_search_ranges_is_each_range_searched_alone(report: Report) -> None:
    docs = report_documents(report)
    index = SearchIndex(docs)
    first_paragraph = next(n for n, doc in enumerate(docs) if doc.node_kind == "paragraph")
    ranges = [
        range(first_paragraph, first_paragraph + 10),
        range(first_paragraph + 10, first_paragraph + 11),
        range(first_paragraph + 20, len(docs)),
    ]
    for query in ("临淄", "发展", "2504", "qqqq", "民生 发展", "minsheng"):
        for limit, cap in ((None, None), (3, None), (3, 5), (None, 2), (1, 1)):
            found = index.search_ranges(query, ranges, limit=limit, cap=cap)
            for part, (hits, count) in zip(ranges, found, strict=True):
                alone = index.search(query, within=[part])
                assert count == (len(alone) if cap is None else min(len(alone), cap)), (query, limit, cap)
                assert hits == alone[: len(hits)]  # the first hits, in document order
                assert len(hits) == min([len(alone), *(x for x in (limit, cap) if x is not None)])
    # An abbreviation: the same hits, in document order (search ranks its words).
    (hits, count), *_ = index.search_ranges("lz", [range(0, len(docs))])
    assert sorted(hits, key=id) and set(hits) == set(index.search("lz")) and count == len(hits)
