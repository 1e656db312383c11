"""Targets & outcomes follows View › Show unreviewed figures, like every other view (issue 14).

Before: the view paired confirmed figures only whatever the toggle said — the figures table, charts,
print and CSV showed a reader's unreviewed import marked 未审核, while Targets & outcomes only named
the unreviewed figure in its rule.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop_app.core.targets import Verdict
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.targets import TargetsController, TargetsView
from tests.core.targets.helpers import imported

LINZI_2025 = "2024年，市级重点技改项目完成56个，新建幼儿园3所。\n"


def _loaded(controller: TargetsController, qtbot: QtBot, collection: str) -> TargetsView:
    view = controller.view()
    assert view is not None
    assert controller.wait(120)
    qtbot.waitUntil(
        lambda: controller.collection() == collection and view.message() != "Reading the reports…",
        timeout=10_000,
    )
    return view


def _verdict_cell(view: TargetsView, key: str) -> tuple[str, bool]:
    index = view.cell_index(key, 2024, TargetsTableModel.VERDICT)
    font = index.data(Qt.ItemDataRole.FontRole)
    return str(index.data()), bool(font is not None and font.italic())


# The open view is raised when asked for again, which the offscreen plugin cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_the_view_pairs_unreviewed_figures_only_when_the_reader_asks_and_marks_them(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    library = window.library_controller()
    library.open_library_now()
    # The reader imports Linzi's 2025 report and has not reviewed its figures yet.
    report = imported(tmp_path, LINZI_2025, 2025, level="district", region="临淄区", confirm=False)
    assert library.add_file(Path(report.path)) is not None
    toggle = window.action("actionShowUnreviewed")
    assert not toggle.isChecked()
    window.action("actionTargets").trigger()
    controller = window.findChild(TargetsController)
    assert controller is not None
    view = _loaded(controller, qtbot, "user")
    assert view.choose_collection("linzi")
    view = _loaded(controller, qtbot, "linzi")
    kindergartens = next(p for p in view.pairs() if p.series.key == "linzi.new_kindergartens")
    assert kindergartens.verdict is Verdict.NO_OUTCOME_STATED and not kindergartens.unreviewed
    assert "unreviewed figure (3所)" in kindergartens.rule.en
    assert _verdict_cell(view, "linzi.new_kindergartens") == ("no outcome stated", False)

    # View › Show unreviewed figures: the open view pairs them, each such pair marked in words.
    toggle.trigger()
    qtbot.waitUntil(lambda: any(p.unreviewed for p in view.pairs()), timeout=10_000)
    assert controller.wait(120)
    kindergartens = next(p for p in view.pairs() if p.series.key == "linzi.new_kindergartens")
    assert kindergartens.verdict is Verdict.MISSED and kindergartens.unreviewed
    assert _verdict_cell(view, "linzi.new_kindergartens") == ("missed [unreviewed]", True)
    outcome = view.cell_index("linzi.new_kindergartens", 2024, TargetsTableModel.OUTCOME)
    assert outcome.data() == "3所"
    trade = view.cell_index("linzi.foreign_trade", 2024, TargetsTableModel.VERDICT)
    assert trade.data() == "no outcome stated"  # nothing proposed either: not marked
    # On the chart too: a hollow point, its hover label tagged in words.
    view.filter_series("linzi.new_kindergartens")
    chart = view.chart()
    assert chart is not None and chart.hollow_outcome_years() == [2024]
    (point,) = chart.chart.outcomes
    assert point.unreviewed and point.label == "[unreviewed] 3所"
    assert not chart.chart.targets[0].unreviewed and chart.chart.targets[0].label == "4所"
    view.filter_series(None)
    path = tmp_path / "linzi.csv"
    view.export_csv(path)
    rows = {r["series"]: r for r in csv.DictReader(path.read_text(encoding="utf-8-sig").splitlines())}
    assert rows["linzi.new_kindergartens"]["review"] == "proposed"
    assert rows["linzi.foreign_trade"]["review"] == "confirmed"
    # The cache keeps checked pairs only: it was not rewritten with unreviewed ones.
    data = Path(library.open_library_now().data_dir)
    cached = json.loads((data / "cache" / "targets-linzi.json").read_text(encoding="utf-8"))
    assert len(cached["pairs"]) == 5 and not any(p["unreviewed"] for p in cached["pairs"])

    # Off again: back to confirmed figures only.
    toggle.trigger()
    qtbot.waitUntil(lambda: bool(view.pairs()) and not any(p.unreviewed for p in view.pairs()), timeout=9000)
    assert _verdict_cell(view, "linzi.new_kindergartens") == ("no outcome stated", False)

    # And when the view is opened with the toggle on.
    view.close()
    toggle.trigger()
    window.action("actionTargets").trigger()
    view = _loaded(controller, qtbot, "user")
    assert view.choose_collection("linzi")
    assert controller.wait(120)
    qtbot.waitUntil(lambda: any(p.unreviewed for p in view.pairs()), timeout=10_000)
