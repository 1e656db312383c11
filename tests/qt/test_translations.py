"""Chinese and English UI: our catalogue and Qt's own, switchable at run time."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt.app import Application, Translations
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def translations(app: QApplication) -> Iterator[Translations]:
    t = Translations(app)
    yield t
    t.install(Language.EN)


def test_catalogue_is_complete_and_compiled() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "update_translations.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_chinese_ui_and_qt_dialogs(
    translations: Translations, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    assert translations.install(Language.ZH) == ["report_viewer", "qtbase"]
    window = MainWindow(report, Settings(settings), Language.ZH)
    qtbot.addWidget(window)
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[:2] == ["文件(&F)", "编辑(&E)"]
    assert window.action("actionPrint").text() == "打印(&P)…"
    # Qt's own strings (stock dialogs, buttons) come from qtbase_zh_CN.
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert translations.install(Language.EN) == []
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_language_switch_rebuilds_the_window(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    settings.setValue("ui/language", "en")
    controller = Application(app, report, Settings(settings))
    qtbot.addWidget(controller.window)
    controller.window.select_path("goal/g2-momentum")
    assert controller.window.action("actionPrint").text() == "&Print…"
    controller.window.action("actionLanguage_zh_CN").trigger()
    qtbot.addWidget(controller.window)
    assert controller.window.language is Language.ZH
    assert controller.window.action("actionPrint").text() == "打印(&P)…"
    assert controller.window.current_path() == "goal/g2-momentum"
    assert settings.value("ui/language") == "zh_CN"
    controller.window.action("actionLanguage_en").trigger()
    qtbot.addWidget(controller.window)
    assert controller.window.action("actionPrint").text() == "&Print…"
