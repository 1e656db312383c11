"""The term-trends view's collection picker (national / Linzi / the reader's reports), in the window.

Before: the trends view counted over the current report's collection when it had several reports,
else the largest (national); a reader could not count over Linzi's or their own reports.
The index holds a few reports only (the real cache and builder, fewer sources), to keep the test fast.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from desktop_app.core.resources import data_path
from desktop_app.qt.main_window import MainWindow


@pytest.fixture
def own_report(tmp_path: Path) -> Path:
    """A reader's report: the Linzi dataset under another title and id."""
    folder = tmp_path / "mine"
    (folder / "source").mkdir(parents=True)
    data = json.loads(data_path("linzi-2024.json").read_text(encoding="utf-8"))
    data["id"] = "mine-2024"
    data["metadata"]["title"] = "样例区2024年政府工作报告"
    data["metadata"]["title_en"] = "Sample District Government Work Report 2024"
    shutil.copy(data_path(data["source"]["file"]), folder / data["source"]["file"])
    path = folder / "mine-2024.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def test_the_trends_view_counts_over_the_collection_picked(
    window: MainWindow, qtbot: QtBot, own_report: Path, few_reports_indexed: frozenset[str]
) -> None:
    window.show()
    qtbot.waitExposed(window)
    library = window.library_controller()
    library.open_library_now()
    entry = library.add_file(own_report)
    assert entry is not None and library.current_id() == entry.id
    searches = window.library_search()
    window.search_panel().field().setText("临淄")
    with qtbot.waitSignal(searches.index_ready, timeout=120_000):
        view = searches.show_trends()
    picker = view.findChild(QComboBox, "trendCollection")
    assert picker is not None and picker.isEnabled()
    # Every collection with reports, named with its count, in the library's order.
    choices = view.collection_choices()
    assert [cid for cid, _name in choices] == ["linzi", "national", "user"]
    assert dict(choices)["national"].startswith("National government work reports (52 report")
    # By default: the largest collection (the reader's own has one report only).
    assert view.collection_choice() == "national"
    assert {r.report_id for r in view.chart().rows()} == set(few_reports_indexed) - {"linzi/linzi-2024"}

    assert view.choose_collection("linzi")
    rows = view.chart().rows()
    assert [r.report_id for r in rows] == ["linzi/linzi-2024"] and rows[0].occurrences > 0
    assert "Linzi District reports" in picker.currentText()

    assert view.choose_collection("user")
    assert [r.report_id for r in view.chart().rows()] == [entry.id]
    assert view.table_model().rowCount() == 1
    # The pick stays when the reader opens another report, and when the query changes.
    assert library.open_entry("national/2024")
    window.search_panel().field().setText("发展")
    qtbot.waitUntil(lambda: view.query() == "发展", timeout=5000)
    assert view.collection_choice() == "user"
    assert [r.report_id for r in view.chart().rows()] == [entry.id]


def test_a_trend_with_no_rows_draws_no_bars(qtbot: QtBot) -> None:
    # Before: pyqtgraph raised UnboundLocalError on the empty list of pens, so View › Term trends
    # opened before the library index was ready (no rows yet) raised in the slot.
    from desktop_app.qt.charts.trend_view import TrendView

    view = TrendView()
    qtbot.addWidget(view)
    view.set_rows("临淄", [], note="…")
    assert view.chart().bar_data() == [] and view.collection_choice() == ""
    view.dispose()
