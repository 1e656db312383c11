"""Search across the library: one engine, hits grouped by report with exact counts and their spans."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from desktop_app.core.library.search import (
    BuildCancelled,
    BuildProgress,
    LibraryIndex,
    build_shard,
    shard_plan,
)
from desktop_app.core.loader import load_report
from desktop_app.core.search.index import SearchIndex
from desktop_app.core.search.types import NodeKind
from tests.core.library.small_reports import ReportFile, loader, small_library, write_report


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[ReportFile]:
    return small_library(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def library(reports: list[ReportFile]) -> LibraryIndex:
    return LibraryIndex([build_shard(reports, loader(reports))])


def test_results_are_grouped_by_report_in_library_order_with_counts(
    library: LibraryIndex, reports: list[ReportFile]
) -> None:
    results = library.search("高质量发展")
    assert [group.report.id for group in results.groups] == ["national/2024", "national/2023"]
    # Each report's own search, in its article text: the library adds nothing and loses nothing.
    for group in results.groups:
        own = SearchIndex.build(load_report(next(r.path for r in reports if r.id == group.report.id)))
        article = [hit for hit in own.search("高质量发展") if hit.node_kind is NodeKind.PARAGRAPH]
        assert group.count == len(article)
        assert list(group.hits) == article
    assert results.total == sum(group.count for group in results.groups) == 3
    assert results.complete and results.counted


def test_a_hit_carries_its_report_and_its_span_in_that_report(
    library: LibraryIndex, reports: list[ReportFile]
) -> None:
    group = next(g for g in library.search("说到").groups if g.report.id == "national/2023")
    report = load_report(next(r.path for r in reports if r.id == "national/2023"))
    hit = next(h for h in group.hits if h.span is not None)
    assert hit.span is not None
    paragraph = report.paragraph_by_id[hit.span.paragraph_id]
    assert paragraph.text[hit.span.start : hit.span.end] == "說到"
    assert hit.node_id == hit.span.paragraph_id


def test_per_report_limits_the_listed_hits_not_the_count(library: LibraryIndex) -> None:
    full = library.search("发展", per_report=None)
    short = library.search("发展", per_report=1)
    assert [g.count for g in short.groups] == [g.count for g in full.groups]
    assert short.groups and all(len(g.hits) == 1 for g in short.groups)
    assert not short.complete and full.complete
    assert library.counts("发展") == {g.report.id: g.count for g in full.groups}


def test_counts_stop_at_the_cap_and_say_there_are_more(library: LibraryIndex) -> None:
    exact = library.counts("发展")
    assert exact["national/2023"] == 2
    capped = library.search("发展", count_cap=1)
    assert {g.report.id: (g.count, g.more) for g in capped.groups} == {
        report_id: (1, count > 1) for report_id, count in exact.items()
    }
    assert not capped.counted
    at_cap = library.search("发展", count_cap=2)  # exactly at the cap is not "more"
    assert next(g for g in at_cap.groups if g.report.id == "national/2023").more is False


def test_scope_to_a_collection_or_to_reports(tmp_path: Path, reports: list[ReportFile]) -> None:
    mine = write_report(tmp_path / "user", "mine", "各位代表：\n\n高质量发展在本区。\n", 2024, "user")
    everything = [*reports, mine]
    plan = shard_plan(everything, bundled=["national"])
    assert [[s.id for s in group] for group in plan] == [[r.id for r in reports], [mine.id]]
    library = LibraryIndex([build_shard(group, loader(everything)) for group in plan])
    # Listed in the library's order (newest first across collections), not the shards'.
    ordered = LibraryIndex(
        [build_shard(group, loader(everything)) for group in plan], [everything[0].id, mine.id]
    )
    assert [g.report.id for g in ordered.search("高质量发展").groups] == [
        "user/mine",
        "national/2024",
        "national/2023",
    ]
    assert [r.id for r in ordered.reports][:3] == [everything[0].id, mine.id, everything[1].id]
    assert set(library.counts("高质量发展")) == {"national/2024", "national/2023", "user/mine"}
    assert set(library.counts("高质量发展", collection="user")) == {"user/mine"}
    assert set(library.counts("高质量发展", report_ids=["national/2023"])) == {"national/2023"}
    assert library.search("高质量发展", collection="nowhere").groups == ()
    assert library.hits("user/mine", "高质量发展")[0].matched == "高质量发展"
    assert library.hits("user/none", "高质量发展") == []


def test_pinyin_and_folding_work_across_reports(library: LibraryIndex) -> None:
    assert library.counts("gaozhiliang") == library.counts("高质量")
    assert library.counts("gdp")["national/2024"] == 2
    assert library.counts("实体经济") == {"national/2024": 2}


def test_build_reports_progress_and_can_be_cancelled(reports: list[ReportFile]) -> None:
    seen: list[BuildProgress] = []
    build_shard(reports, loader(reports), progress=seen.append)
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0 and fractions[0] < 0.5
    assert {p.report_id for p in seen} >= {r.id for r in reports}

    cancel = threading.Event()

    def stop_after_first(progress: BuildProgress) -> None:
        if progress.report_id == reports[1].id:
            cancel.set()

    calls: list[str] = []
    with pytest.raises(BuildCancelled):
        build_shard(reports, loader(reports, calls), progress=stop_after_first, cancel=cancel)
    assert calls == [reports[0].id]  # stopped before loading another report


def test_a_report_that_does_not_load_is_kept_with_its_error(
    tmp_path: Path, reports: list[ReportFile], library: LibraryIndex
) -> None:
    from desktop_app.core.library.trend import term_trend

    broken_path = tmp_path / "broken.json"
    broken_path.write_text('{"metadata": ', encoding="utf-8")
    broken = ReportFile("national/broken", "坏文件", 2000, "national", "0" * 64, broken_path)
    everything = [reports[0], broken, *reports[1:]]
    with_broken = LibraryIndex([build_shard(everything, loader(everything))])
    indexed = {report.id: report for report in with_broken.reports}
    assert "broken.json" in indexed["national/broken"].error
    assert len(indexed["national/broken"].documents) == 0
    for query in ("高质量发展", "发展", "gdp", "各位"):
        assert with_broken.counts(query) == library.counts(query)
        assert with_broken.search(query) == library.search(query)
    assert "national/broken" not in {row.report_id for row in term_trend(with_broken, "发展").rows}


@pytest.mark.parametrize("query", ["a" * 300, "linzi" * 60, "临淄区" * 100, '"' + "临淄发展" * 80 + '"'])
def test_very_long_queries_across_the_library_are_answered(library: LibraryIndex, query: str) -> None:
    # Issue 13.4 on the library's own entry points (search --library, trend, the library search field):
    # the recursive pinyin segmentation raised RecursionError for ~250+ letters or a long Han term.
    from desktop_app.core.library.trend import term_trend

    assert library.search(query).groups == ()
    assert library.counts(query) == {}
    assert all(row.occurrences == 0 for row in term_trend(library, query).rows)
