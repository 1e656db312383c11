"""Done when (issue 16): a reader opens Targets & outcomes from the window, reads GDP growth as a table
and a chart, clicks through to both sentences, filters to missed and exports CSV.

The window's library is the bundled one in a data folder of the test's own. The window reads the
bundled Linzi report, so the view opens on Linzi's collection; the reader picks the national one, whose
reports are paired on the worker thread.
"""

from __future__ import annotations

import csv
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from desktop_app.core.targets import Verdict
from desktop_app.core.targets.chart import MarkShape
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.targets import TargetsController, TargetsView


def _click(view: TargetsView, series: str, year: int, column: int) -> None:
    index = view.cell_index(series, year, column)
    assert index.isValid(), (series, year)
    table = view.table()
    table.scrollTo(index)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(index).center(),
    )


def test_a_reader_follows_gdp_growth_targets_to_their_sentences(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    action = window.action("actionTargets")
    assert action.shortcut().toString() == "Ctrl+Shift+T"
    action.trigger()
    view = window.findChild(TargetsView)
    controller = window.findChild(TargetsController)
    assert view is not None and controller is not None and view.objectName() == "targetsView"
    assert controller.wait(600)
    qtbot.waitUntil(lambda: bool(view.pairs()), timeout=30_000)
    # The window reads the bundled Linzi report: the view opens on Linzi's collection.
    assert view.collection_choice() == "linzi"
    assert {p.verdict for p in view.pairs()} == {Verdict.NO_LATER_REPORT}

    # The reader picks the national reports.
    assert view.choose_collection("national")
    assert controller.wait(600)
    qtbot.waitUntil(lambda: any(p.series.key == "gdp_growth" for p in view.pairs()), timeout=30_000)
    assert view.collection_choice() == "national"

    # GDP growth, year by year, as a table ...
    view.filter_series("gdp_growth")
    rows = view.visible_pairs()
    assert [p.year for p in rows] == sorted(p.year for p in rows) and len(rows) >= 20
    index = view.cell_index("gdp_growth", 2022, TargetsTableModel.TARGET)
    row = [view.proxy().index(index.row(), c).data() for c in range(TargetsTableModel.COLUMNS)]
    assert row[1:5] == ["2022", "5.5%左右", "3%", "missed"]
    assert "5.5%" in row[5]  # the rule beside the verdict
    # ... and as a chart.
    chart = view.chart()
    assert chart is not None
    assert (2022, 3.0) in chart.outcome_data()
    assert any(year == 2022 and low == 5.0 and high == 6.0 for year, low, high in chart.band_data())
    assert chart.symbol_data(MarkShape.FLOOR)  # 2021: 6%以上

    # Click through to the target's sentence (the 2022 report) and to the outcome's (the 2023 report).
    _click(view, "gdp_growth", 2022, TargetsTableModel.TARGET)
    qtbot.waitUntil(lambda: window.report.id == "national-2022")
    assert "5.5%左右" in window.source_view().highlighted_text()
    _click(view, "gdp_growth", 2022, TargetsTableModel.OUTCOME)
    qtbot.waitUntil(lambda: window.report.id == "national-2023")
    assert "3%" in window.source_view().highlighted_text()

    # Filter to missed, export CSV.
    view.filter_series(None)
    view.filter_verdict(Verdict.MISSED)
    missed = view.visible_pairs()
    assert missed and all(p.verdict is Verdict.MISSED for p in missed)
    assert ("gdp_growth", 2022) in [(p.series.key, p.year) for p in missed]
    path = tmp_path / "missed.csv"
    assert view.export_csv(path) == len(missed)
    written = list(csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines()))
    assert {r["verdict"] for r in written} == {"missed"}
    assert ("gdp_growth", "2022") in [(r["series"], r["year"]) for r in written]
