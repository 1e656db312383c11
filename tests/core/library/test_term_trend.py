"""Term trends: occurrences per 10,000 folded characters per report, counted as search counts."""

from __future__ import annotations

import pytest

from desktop_app.core.language import Language
from desktop_app.core.library.search import LibraryIndex, build_shard
from desktop_app.core.library.trend import PER_CHARACTERS, folding_note, term_trend
from desktop_app.core.loader import load_report
from desktop_app.core.textfold import fold
from tests.core.library.small_reports import ReportFile, loader, small_library


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> list[ReportFile]:
    return small_library(tmp_path_factory.mktemp("national"))


@pytest.fixture(scope="module")
def library(reports: list[ReportFile]) -> LibraryIndex:
    return LibraryIndex([build_shard(reports, loader(reports))])


def counts(library: LibraryIndex, query: str) -> dict[int, int]:
    return {row.year: row.occurrences for row in term_trend(library, query).rows}


def test_one_row_per_report_oldest_first_with_rate(library: LibraryIndex, reports: list[ReportFile]) -> None:
    trend = term_trend(library, "高质量发展", collection="national")
    assert [(row.year, row.report_id) for row in trend.rows] == [
        (2023, "national/2023"),
        (2024, "national/2024"),
        (2025, "national/2025"),
    ]
    assert [row.occurrences for row in trend.rows] == [2, 1, 0]
    for row in trend.rows:
        report = load_report(next(r.path for r in reports if r.id == row.report_id))
        # Characters: the article text as search compares it (no spaces, punctuation, line breaks).
        assert row.characters == sum(len(fold(p.text).text) for p in report.paragraphs)
        assert row.rate == pytest.approx(row.occurrences * PER_CHARACTERS / row.characters)
    assert trend.occurrences == 3


def test_counting_folds_as_search_does(library: LibraryIndex) -> None:
    # 說 = 说, 高質量發展 = 高质量发展: traditional and simplified alike.
    assert counts(library, "说到") == counts(library, "說到") == {2023: 1, 2024: 1, 2025: 0}
    assert counts(library, "高質量發展") == counts(library, "高质量发展")
    # ＧＤＰ, ｇｄｐ and GDP alike, in any case.
    assert counts(library, "GDP") == counts(library, "ｇｄｐ") == {2023: 1, 2024: 2, 2025: 0}
    # A space or an ideographic space inside a word is ignored.
    assert counts(library, "实体经济") == {2023: 0, 2024: 2, 2025: 0}
    # Full-width digits are digits.
    assert counts(library, "5%") == counts(library, "５％")
    assert counts(library, "5%")[2023] == 1


def test_counts_the_article_once_as_library_search_does(
    library: LibraryIndex, reports: list[ReportFile]
) -> None:
    # The 2023 report's figure (增长５％) has its sentence as a field too: the report's own search
    # finds both, the library (search and trend alike) the article text once.
    from desktop_app.core.search.index import SearchIndex

    own = SearchIndex.build(load_report(next(r.path for r in reports if r.id == "national/2023")))
    assert len(own.search("增长")) == 2
    assert counts(library, "增长")[2023] == library.counts("增长")["national/2023"] == 1


def test_a_query_without_hits_gives_zero_rows(library: LibraryIndex) -> None:
    trend = term_trend(library, "不存在的词")
    assert len(trend.rows) == 3 and trend.occurrences == 0
    assert all(row.rate == 0 for row in trend.rows)
    assert term_trend(library, "发展", collection="user").rows == ()


def test_the_note_says_how_it_counts_in_both_languages() -> None:
    assert "說 = 说" in folding_note(Language.EN) and "10,000" in folding_note(Language.EN)
    assert "說\uff1d说" in folding_note(Language.ZH) and "每万字" in folding_note(Language.ZH)
