"""A library search's hits name the section and paragraph they stand in, as the open report's search does.

Before: each listed hit said only its field, 正文 / "Text", the same for every hit of every report.
"""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from desktop_app.core.loader import load_report
from desktop_app.core.outline import report_outline
from desktop_app.core.resources import data_path
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.widgets.search_panel import SearchScope


def test_library_hits_name_their_report_and_section(
    window: MainWindow, qtbot: QtBot, few_reports_indexed: frozenset[str]
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.library_controller().open_library_now()
    panel = window.search_panel()
    panel.field().setText("高质量发展")
    with qtbot.waitSignal(window.library_search().index_ready, timeout=120_000):
        panel.set_scope(SearchScope.LIBRARY)
    model = panel.library_results_model()
    assert model is not None and model.hit_count() > 0
    report_2025 = load_report(data_path("national/2025.json"))
    outline = report_outline(report_2025)
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    # Headings name the report; under 2025's heading every hit names its section and paragraph.
    first = next(n for n, index in enumerate(rows) if index.data(model.HEADER_ROLE))
    assert rows[first].data().startswith("2025 · ")
    hits_2025 = [
        i for i in rows if not i.data(model.HEADER_ROLE) and i.data(model.REPORT_ROLE) == "national/2025"
    ]
    assert hits_2025
    for index in hits_2025:
        hit = index.data(model.HIT_ROLE)
        item = index.data(model.ITEM_ROLE)
        assert item == outline.place(hit.node_id, window.language) and item != "Text"
        section = next(s for s in report_2025.sections if hit.node_id in s.paragraph_ids)
        assert item.startswith(section.title + " · paragraph ")
        assert index.data().startswith(item + ": ")
    # Every hit of every report listed names a place, none only its field.
    assert all(" · " in i.data(model.ITEM_ROLE) for i in rows if not i.data(model.HEADER_ROLE))
