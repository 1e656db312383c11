"""Fixtures for tests that need a QApplication: isolated settings and a main window."""

from __future__ import annotations

import gc
import threading
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


_COLLECTED_OFF_THE_GUI_THREAD: list[str] = []


def _record_collection_off_the_gui_thread(phase: str, info: dict[str, int]) -> None:
    if phase == "stop" and info["collected"] and threading.current_thread() is not threading.main_thread():
        _COLLECTED_OFF_THE_GUI_THREAD.append(
            f"{threading.current_thread().name}: generation {info['generation']}, {info['collected']} objects"
        )


@pytest.fixture(autouse=True)
def _no_collection_off_the_gui_thread() -> Iterator[None]:
    """No worker thread ran the garbage collector (it destroys Qt objects there: desktop_app.qt.workers)."""
    _COLLECTED_OFF_THE_GUI_THREAD.clear()
    gc.callbacks.append(_record_collection_off_the_gui_thread)
    yield
    gc.callbacks.remove(_record_collection_off_the_gui_thread)
    assert not _COLLECTED_OFF_THE_GUI_THREAD, "collected off the GUI thread: " + "; ".join(
        _COLLECTED_OFF_THE_GUI_THREAD
    )


@pytest.fixture(autouse=True)
def _collect_between_tests() -> Iterator[None]:
    """Collect each test's cyclic garbage as it ends, at a point where Qt walks no widget list.

    Left for an automatic collection, a closed window of one test could be destroyed in the middle
    of a Qt walk of every widget in a later one (desktop_app/qt/workers.py).
    """
    yield
    gc.collect()


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
