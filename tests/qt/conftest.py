"""Fixtures for tests that need a QApplication: isolated settings and a main window."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt.app import Translations, create_application
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings


@pytest.fixture(autouse=True)
def _isolated_paths(qapp: QApplication) -> Iterator[None]:
    """Settings and data paths of the test mode, never the user's."""
    QStandardPaths.setTestModeEnabled(True)
    yield


@pytest.fixture(autouse=True)
def _english_catalogue(qapp: QApplication) -> Iterator[None]:
    """The English catalogue, as the app installs it for an English UI: plural forms ("1 figure")."""
    translations = Translations(qapp)
    translations.install(Language.EN)
    yield
    translations.remove()
    translations.deleteLater()


@pytest.fixture(autouse=True)
def _isolated_library(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """A library data folder of each test's own, never the reader's."""
    monkeypatch.setenv("REPORT_VIEWER_DATA_DIR", str(tmp_path_factory.mktemp("library")))


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return create_application()


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(app: QApplication, qtbot: QtBot, report: Report, settings: QSettings) -> Iterator[MainWindow]:
    win = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(win)
    yield win
