"""The collection picker of Targets & outcomes (issue 16: "a view for a collection").

Before: the view always showed the national collection (the window called ``show()`` with no
collection and the view had no picker), so Linzi's targets — and the pairs a reader's import of
Linzi's 2025 report brings — could not be seen in the window at all.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.library import DEFAULT_REPORT, Library
from desktop_app.core.library.library import BUNDLED, BundledCollection
from desktop_app.core.resources import data_path
from desktop_app.core.targets import Verdict
from desktop_app.core.targets.chart import MarkShape
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.targets import TargetsController, TargetsView
from tests.core.targets.helpers import imported

# Linzi's 2025 report as a reader might import it: what became of two of the 2024 targets.
LINZI_2025 = "2024年，市级重点技改项目完成56个，新建幼儿园3所。\n"


@pytest.fixture
def opener(tmp_path: Path) -> Callable[[], Library]:
    """Linzi's report and three national reports, in a data folder of the test's own."""
    linzi = next(c for c in BUNDLED if c.id == "linzi")
    national = BundledCollection(
        "national",
        "国务院政府工作报告",
        "National government work reports",
        datasets=tuple(f"national/{year}.json" for year in (2021, 2022, 2023)),
    )

    def open_library() -> Library:
        return Library.open(tmp_path / "data", bundled=(linzi, national), bundled_root=data_path("."))

    return open_library


@pytest.fixture
def parent(qapp: QApplication, qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _loaded(controller: TargetsController, qtbot: QtBot, collection: str) -> TargetsView:
    view = controller.view()
    assert view is not None
    assert controller.wait(120)
    qtbot.waitUntil(
        lambda: controller.collection() == collection and view.message() != "Reading the reports…",
        timeout=10_000,
    )
    return view


def _rows(view: TargetsView) -> list[list[str]]:
    proxy = view.proxy()
    return [
        [str(proxy.index(row, column).data()) for column in range(TargetsTableModel.RULE)]
        for row in range(proxy.rowCount())
    ]


def test_picking_a_collection_changes_the_table(
    parent: QWidget, qtbot: QtBot, opener: Callable[[], Library]
) -> None:
    controller = TargetsController(parent, lang=Language.EN, library_opener=opener)
    view = controller.show(report=DEFAULT_REPORT)
    qtbot.addWidget(view)
    view = _loaded(controller, qtbot, "linzi")
    picker = view.findChild(QComboBox, "targetsCollection")
    assert picker is not None and picker.isEnabled()
    assert [cid for cid, _ in view.collection_choices()] == ["linzi", "national"]
    assert dict(view.collection_choices())["national"] == "National government work reports (3 reports)"
    # The report being read is Linzi's: its five 2024 targets, no later report for any.
    assert view.collection_choice() == "linzi" and picker.currentText().startswith("Linzi District")
    rows = _rows(view)
    assert len(rows) == 5 and {r[TargetsTableModel.VERDICT] for r in rows} == {"no later report"}
    assert {r[TargetsTableModel.YEAR] for r in rows} == {"2024"}

    # The reader picks the national reports: the table, filters and chart follow.
    assert view.choose_collection("national")
    view = _loaded(controller, qtbot, "national")
    rows = _rows(view)
    assert next(r[:5] for r in rows if r[:2] == ["GDP growth", "2022"]) == [
        "GDP growth",
        "2022",
        "5.5%左右",
        "3%",
        "missed",
    ]
    assert not any(p.series.key.startswith("linzi.") for p in view.pairs())
    chart = view.chart()
    assert chart is not None and view.chart_series() is not None
    assert view.chart_series().key == view.pairs()[0].series.key  # type: ignore[union-attr]

    # And back: Linzi's pairs again (from the cache written the first time).
    assert view.choose_collection("linzi")
    view = _loaded(controller, qtbot, "linzi")
    assert len(view.pairs()) == 5 and all(p.series.key.startswith("linzi.") for p in view.pairs())
    # The picker stays where the reader left it when the view is shown again without a collection.
    view.close()
    controller.show()
    assert _loaded(controller, qtbot, "linzi").collection_choice() == "linzi"


# The view is open when the reader asks for it again: it is raised, which the offscreen plugin cannot do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_an_imported_2025_report_brings_linzi_s_pairs_into_the_window(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    window.show()
    qtbot.waitExposed(window)
    library = window.library_controller()
    library.open_library_now()
    window.action("actionTargets").trigger()
    controller = window.findChild(TargetsController)
    assert controller is not None
    view = _loaded(controller, qtbot, "linzi")
    assert {p.verdict for p in view.pairs()} == {Verdict.NO_LATER_REPORT} and len(view.pairs()) == 5

    # The reader imports Linzi's 2025 report; the window shows it (the reader's collection).
    report = imported(tmp_path, LINZI_2025, 2025, level="district", region="临淄区")
    entry = library.add_file(Path(report.path))
    assert entry is not None and entry.collection == "user" and library.current_id() == entry.id
    window.action("actionTargets").trigger()
    view = _loaded(controller, qtbot, "user")
    assert view.collection_choice() == "user"
    assert [cid for cid, _ in view.collection_choices()] == ["linzi", "national", "user"]
    assert not view.pairs() and "choose it above" in view.message()  # the 2025 report sets no targets

    # Linzi's collection now pairs the 2024 targets with the 2025 outcomes.
    assert view.choose_collection("linzi")
    view = _loaded(controller, qtbot, "linzi")
    verdicts = {p.series.key: p.verdict for p in view.pairs()}
    assert verdicts["linzi.tech_upgrade_projects"] is Verdict.MET
    assert verdicts["linzi.new_kindergartens"] is Verdict.MISSED
    assert verdicts["linzi.digital_scenarios"] is Verdict.NO_OUTCOME_STATED
    # The chart puts the imported outcome beside the bundled target: 所 as written in both, though the
    # hand-built dataset normalises it to its own word (before: the outcome was left off the chart).
    view.filter_series("linzi.new_kindergartens")
    chart = view.chart()
    assert chart is not None and chart.outcome_data() == [(2024, 3.0)]
    assert [(y, v) for y, v in chart.symbol_data(MarkShape.POINT)] == [(2024, 4.0)]
    view.filter_series(None)
    index = view.cell_index("linzi.tech_upgrade_projects", 2024, TargetsTableModel.OUTCOME)
    assert index.data() == "56个"
    assert view.proxy().index(index.row(), TargetsTableModel.VERDICT).data() == "met"

    # Both sentences one click away: the outcome in the imported report, the target in Linzi 2024.
    table = view.table()
    target = view.cell_index("linzi.new_kindergartens", 2024, TargetsTableModel.TARGET)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(target).center(),
    )
    qtbot.waitUntil(lambda: library.current_id() == DEFAULT_REPORT)
    outcome = view.cell_index("linzi.new_kindergartens", 2024, TargetsTableModel.OUTCOME)
    QTest.mouseClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        table.visualRect(outcome).center(),
    )
    qtbot.waitUntil(lambda: library.current_id() == entry.id)
    assert "3所" in window.source_view().highlighted_text()
