"""English UI words with a count read "1 figure", "2 figures", not "1 figure(s)".

The source strings are English, but without a catalogue Qt shows them as written, "(s)" and all. An
English catalogue of the strings with a count (resources/translations/report_viewer_en.ts) gives them
their plural forms; the app installs it for an English UI (the test's autouse fixture does the same).
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.qt.app import Translations
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
from tests.conftest import DatasetWriter

PLURALS = [
    (
        "UnreviewedControls",
        "%n figure(s) awaiting review (%1)",
        "figure awaiting review",
        "figures awaiting review",
    ),
    ("PrintController", "Printed %n page(s)", "Printed 1 page", "pages"),
    ("PrintController", "Saved %1 (%n page(s), %2 KB)", "(1 page,", "pages,"),
    ("PrintController", "Saved %1 (%n figure(s), %2 KB)", "(1 figure,", "figures,"),
    ("CollectionPicker", "%1 (%n report(s))", "(1 report)", "reports)"),
]


@pytest.mark.parametrize(("context", "source", "one", "many"), PLURALS)
def test_each_string_with_a_count_has_english_plural_forms(
    context: str, source: str, one: str, many: str
) -> None:
    singular = QCoreApplication.translate(context, source, "", 1)
    plural = QCoreApplication.translate(context, source, "", 3)
    assert one in singular and "(s)" not in singular and "1" in singular
    assert many in plural and "(s)" not in plural and "3" in plural


def test_the_english_catalogue_is_installed_for_english(app: QApplication) -> None:
    translations = Translations(app)
    try:
        assert translations.install(Language.EN) == ["report_viewer"]
        assert QCoreApplication.translate("PrintController", "Printed %n page(s)", "", 2) == "Printed 2 pages"
    finally:
        translations.remove()


def test_one_figure_awaiting_review_in_the_status_bar(
    app: QApplication,
    qtbot: QtBot,
    settings: QSettings,
    write_dataset: DatasetWriter,
    bundled_json: dict[str, Any],
) -> None:
    for indicator in bundled_json["indicators"]:
        if indicator["id"] == "ind-env-projects":
            indicator["review"], indicator["confidence"] = "proposed", 0.6
    window = MainWindow(load_report(write_dataset(bundled_json)), Settings(settings), Language.EN)
    qtbot.addWidget(window)
    status = window.findChild(QLabel, "reviewStatus")
    assert status is not None
    # Before: "1 figure(s) awaiting review (hidden)".
    assert status.text() == "1 figure awaiting review (hidden)"
