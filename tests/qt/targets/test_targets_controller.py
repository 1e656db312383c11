"""Targets & outcomes for a real library collection: pairs computed off the UI, cached, clicked through."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.library import Library
from desktop_app.core.library.library import BundledCollection
from desktop_app.core.resources import data_path
from desktop_app.core.targets import FigureRef, Verdict
from desktop_app.qt.models.targets_table import TargetsTableModel
from desktop_app.qt.targets import TargetsController, TargetsView

YEARS = (2021, 2022, 2023)


@pytest.fixture
def opener(tmp_path: Path) -> Callable[[], Library]:
    """A library of three national reports, in a folder of the test's own."""
    national = BundledCollection(
        "national",
        "国务院政府工作报告",
        "National government work reports",
        datasets=tuple(f"national/{year}.json" for year in YEARS),
    )

    def open_library() -> Library:
        return Library.open(tmp_path / "data", bundled=(national,), bundled_root=data_path("."))

    return open_library


@pytest.fixture
def window(qapp: QApplication, qtbot: QtBot) -> QWidget:
    widget = QWidget()
    qtbot.addWidget(widget)
    return widget


def _shown(controller: TargetsController, qtbot: QtBot) -> TargetsView:
    view = controller.show()
    qtbot.addWidget(view)
    assert controller.wait(120)
    qtbot.waitUntil(lambda: bool(view.pairs()), timeout=10_000)
    return view


def test_pairs_of_the_collection_are_read_then_cached(
    window: QWidget, qtbot: QtBot, opener: Callable[[], Library], tmp_path: Path
) -> None:
    controller = TargetsController(window, library_opener=opener)
    view = _shown(controller, qtbot)
    assert view.message() == ""
    gdp = {p.year: p for p in view.pairs() if p.series.key == "gdp_growth"}
    assert gdp[2022].outcome is not None and gdp[2022].outcome.value == 3
    row = view.cell_index("gdp_growth", 2022, 0).row()
    shown = [view.proxy().index(row, column).data() for column in range(6)]
    assert shown[:5] == ["国内生产总值增长", "2022", "5.5%左右", "3%", "未达成"]
    assert gdp[2022].verdict is Verdict.MISSED
    assert gdp[2023].verdict is Verdict.NO_LATER_REPORT or gdp[2023].outcome is None
    assert (tmp_path / "data" / "cache" / "targets-national.json").is_file()

    again = TargetsController(window, library_opener=opener)
    second = again.show()
    qtbot.addWidget(second)
    # The cache answers on the spot: no thread, no waiting.
    assert [(p.series.key, p.year, p.verdict) for p in second.pairs()] == [
        (p.series.key, p.year, p.verdict) for p in view.pairs()
    ]


def test_clicking_a_target_asks_to_open_its_library_entry(
    window: QWidget, qtbot: QtBot, opener: Callable[[], Library]
) -> None:
    controller = TargetsController(window, library_opener=opener)
    view = _shown(controller, qtbot)
    view.filter_verdict(Verdict.MISSED)
    assert ("gdp_growth", 2022) in [(p.series.key, p.year) for p in view.visible_pairs()]
    for column, entry, year in (
        (TargetsTableModel.TARGET, "national/2022", 2022),
        (TargetsTableModel.OUTCOME, "national/2023", 2023),
    ):
        index = view.cell_index("gdp_growth", 2022, column)
        table = view.table()
        with qtbot.waitSignal(controller.open_requested) as blocker:
            QTest.mouseClick(
                table.viewport(),
                Qt.MouseButton.LeftButton,
                Qt.KeyboardModifier.NoModifier,
                table.visualRect(index).center(),
            )
        assert blocker.args[0] == entry
        figure = blocker.args[1]
        assert isinstance(figure, FigureRef) and figure.report_year == year
        assert figure.sentence_span.text == figure.sentence


def test_a_library_that_cannot_open_is_said_not_raised(window: QWidget, qtbot: QtBot) -> None:
    def broken() -> Library:
        raise OSError("disk on fire")

    controller = TargetsController(window, library_opener=broken)
    view = controller.show()
    qtbot.addWidget(view)
    assert "disk on fire" in view.message()
