"""Replacing the window's report in place (issue 15): every view follows, nothing of the old one stays."""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.loader import load_report
from desktop_app.qt.main_window import MainWindow
from tests.conftest import DatasetWriter


def _other_report(bundled_json: dict[str, Any], write_dataset: DatasetWriter) -> str:
    document = copy.deepcopy(bundled_json)
    document["metadata"]["title"] = "另一份报告"
    document["metadata"]["title_en"] = "Another report"
    return str(write_dataset(document))


def _live_objects(window: MainWindow) -> int:
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return len(window.findChildren(QObject))


def test_show_report_replaces_title_search_and_history(
    window: MainWindow, qtbot: QtBot, bundled_json: dict[str, Any], write_dataset: DatasetWriter
) -> None:
    window.show()
    qtbot.waitExposed(window)
    old_model = window.tree_model()
    window.select_path("source")
    assert window.action("actionBack").isEnabled()
    panel = window.search_panel()
    panel.field().setText("临淄")
    panel.run_search()
    old_index = panel.index()
    assert panel.hits() and old_index is not None

    assert window.open_dataset(_other_report(bundled_json, write_dataset))
    assert window.windowTitle().startswith("Another report")
    assert window.tree_model() is not old_model and window.tree_model().report.id == window.report.id
    assert window.current_path() == "overview"
    assert not window.action("actionBack").isEnabled()
    assert panel.field().text() == "" and not panel.hits()
    panel.field().setText("临淄")
    panel.run_search()
    assert panel.index() is not old_index  # built again, for the new report


def test_charts_follow_after_the_switch(
    window: MainWindow, qtbot: QtBot, bundled_json: dict[str, Any], write_dataset: DatasetWriter
) -> None:
    window.show()
    qtbot.waitExposed(window)
    charts = window.ensure_charts()
    qtbot.waitUntil(lambda: charts.built_count() > 0)
    window.open_dataset(_other_report(bundled_json, write_dataset))
    assert charts.built_count() == 0  # the old report's charts are gone at once
    qtbot.waitUntil(lambda: charts.built_count() > 0)  # and the new ones come after the paint


def test_switching_back_and_forth_leaks_nothing(
    window: MainWindow, qtbot: QtBot, bundled_json: dict[str, Any], write_dataset: DatasetWriter
) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.ensure_charts()
    other = _other_report(bundled_json, write_dataset)
    linzi = load_report()
    window.open_dataset(other)
    window.show_report(linzi)
    qtbot.wait(50)
    before = _live_objects(window)
    for _ in range(3):
        window.open_dataset(other)
        qtbot.wait(50)
        window.show_report(linzi)
        qtbot.wait(50)
    assert _live_objects(window) <= before
