"""Searching all reports from the search panel, and the term trends view, through the real window."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.library import DEFAULT_REPORT
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.widgets.search_panel import SearchScope

QUERY = "高质量发展"


@pytest.fixture(scope="module")
def _cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One index cache for the module: the first test builds the index, the others read it back."""
    return tmp_path_factory.mktemp("index-cache")


@pytest.fixture(autouse=True)
def _isolated_cache(_cache_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REPORT_VIEWER_CACHE_DIR", str(_cache_dir))


def _search_all(window: MainWindow, qtbot: QtBot, query: str = QUERY) -> None:
    window.library_controller().open_library_now()
    panel = window.search_panel()
    panel.field().setText(query)
    with qtbot.waitSignal(window.library_search().index_ready, timeout=240_000):
        panel.set_scope(SearchScope.LIBRARY)
        # Visible progress while the index is built, never a frozen window.
        assert panel.progress_bar().isVisibleTo(panel)
        assert "indexed" in panel.message_text()
    assert not panel.progress_bar().isVisibleTo(panel)


def test_all_reports_grouped_by_report_with_counts(
    window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    window.show()
    qtbot.waitExposed(window)
    _search_all(window, qtbot)
    panel = window.search_panel()
    model = panel.library_results_model()
    assert model is not None
    counts = model.report_counts()
    assert "national/2025" in counts and "national/2024" in counts
    assert all(count > 0 for count in counts.values())
    # Reports newest first, headings say their count; every listed hit names its report.
    headings = [
        model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(model.HEADER_ROLE)
    ]
    assert headings[0].startswith("2025 · ") and f"({counts['national/2025']} found)" in headings[0]
    assert len(panel.hits()) == len(panel.hit_reports()) == model.hit_count()
    assert panel.findChild(QComboBox, "searchScope") is not None
    qtmodeltester.check(model)  # issue 10: every result list passes Qt's model tester


def test_opening_a_hit_opens_its_report_at_the_span(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    _search_all(window, qtbot)
    panel = window.search_panel()
    reports = panel.hit_reports()
    target = next(n for n, report_id in enumerate(reports) if report_id == "national/2019")
    for _ in range(target + 1):
        panel.next_hit()
    controller = window.library_controller()
    assert controller.current_id() == "national/2019" and window.report.metadata.year == 2019
    hit = panel.current_hit()
    assert hit is not None and hit.span is not None
    assert window.source_view().highlighted_text() == hit.matched
    # The list stays: the next hit of another report opens that one.
    assert panel.hit_reports() == reports


def test_this_collection_covers_the_current_reports_collection(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    _search_all(window, qtbot, "临淄")
    panel = window.search_panel()
    panel.set_scope(SearchScope.COLLECTION)  # the current report is Linzi 2024
    assert window.library_controller().current_id() == DEFAULT_REPORT
    assert set(panel.hit_reports()) == {DEFAULT_REPORT}


def test_trend_chart_and_click_on_a_year(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    _search_all(window, qtbot)
    window.action("actionTermTrends").trigger()
    view = window.library_search().trend_view()
    assert view is not None and window.findChild(QWidget, "trendView") is view
    rows = view.chart().rows()
    assert len(rows) == 52 and {r.report_id for r in rows} == {
        r.report_id for r in rows if r.report_id.startswith("national/")
    }
    row_2024 = next(r for r in rows if r.year == 2024)
    assert row_2024.occurrences > 0 and row_2024.rate == pytest.approx(
        row_2024.occurrences * 10_000 / row_2024.characters
    )
    assert any(r.occurrences == 0 for r in rows if r.year < 2000)
    # What the chart draws is what the rows say.
    assert [round(h, 6) for _x, h in view.chart().bar_data()] == [round(r.rate, 6) for r in rows]
    assert "10,000" in view.chart().hover_text(len(rows) - 1) or "每万字" in view.chart().hover_text(
        len(rows) - 1
    )
    # A click on 2024 opens that report with its hits listed.
    index = [r.report_id for r in rows].index("national/2024")
    view.chart().activate(index)
    QCoreApplication.processEvents()
    panel = window.search_panel()
    assert window.library_controller().current_id() == "national/2024"
    assert panel.scope() is SearchScope.REPORT and len(panel.hits()) >= row_2024.occurrences
    assert panel.current_hit() is not None


def test_trend_follows_the_search_field(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    _search_all(window, qtbot)
    view = window.library_search().show_trends()
    window.search_panel().field().setText("人民公社")
    qtbot.waitUntil(lambda: view.query() == "人民公社", timeout=5000)
    rows = view.chart().rows()
    assert max(rows, key=lambda r: r.rate).year < 1985


def test_the_index_build_tells_its_progress_a_few_times_a_second(qtbot: QtBot) -> None:
    # Before: every 256 documents (hundreds of relayouts of the window a second on a fast machine).
    from desktop_app.core.library.search import BuildProgress
    from desktop_app.qt.library_search import _IndexBuilder

    builder = _IndexBuilder([], [])
    told: list[float] = []
    builder.progressed.connect(lambda fraction, _report: told.append(fraction))
    for done in range(1, 1001):
        builder._progress(BuildProgress(done, 1000, ""))
    assert 2 <= len(told) < 100
    assert told[0] == 0.001 and told[-1] == 1.0  # the first and the last are never left out
