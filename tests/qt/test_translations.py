"""Chinese and English UI: our catalogue and Qt's own, switchable at run time."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import DerivedIndicator, Indicator, Report
from desktop_app.qt.app import Application, Translations
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def translations(app: QApplication) -> Iterator[Translations]:
    t = Translations(app)
    yield t
    t.remove()


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
    assert translations.install(Language.EN) == ["report_viewer"]  # its plural forms only
    assert QCoreApplication.translate("MainWindow", "&File") == "&File"


def test_language_switch_rebuilds_the_window(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    settings.setValue("ui/language", "en")
    controller = Application(app, report, Settings(settings))
    qtbot.addWidget(controller.window)
    controller.window.select_path("goal/g2-momentum")
    assert controller.window.action("actionPrint").text() == "&Print…"
    controller.window.library_controller().set_current("")  # a file opened from outside the library
    controller.window.action("actionLanguage_zh_CN").trigger()
    qtbot.addWidget(controller.window)
    assert controller.window.library_controller().current_id() == ""
    assert controller.window.language is Language.ZH
    assert controller.window.action("actionPrint").text() == "打印(&P)…"
    assert controller.window.current_path() == "goal/g2-momentum"
    assert settings.value("ui/language") == "zh_CN"
    controller.window.action("actionLanguage_en").trigger()
    qtbot.addWidget(controller.window)
    assert controller.window.action("actionPrint").text() == "&Print…"


def _english_words(text: str) -> list[str]:
    """Latin words in a text, without the names that stay Latin in Chinese (fonts, licences, versions)."""
    allowed = {"Noto", "Sans", "CJK", "SC", "SIL", "MIT", "LGPLv3", "Qt", "for", "Python", "pyqtgraph", "KB"}
    return [w for w in re.findall(r"[A-Za-z][A-Za-z0-9]+", text) if w not in allowed]


def test_chinese_window_speaks_chinese(
    translations: Translations, qtbot: QtBot, report: Report, settings: QSettings, tmp_path: Path
) -> None:
    # Before: "… — Report Viewer", an About box headed "Report Viewer 0.x", loader errors in English.
    translations.install(Language.ZH)
    window = MainWindow(report, Settings(settings), Language.ZH)
    qtbot.addWidget(window)
    assert window.windowTitle() == f"{report.metadata.title} — 报告阅读器"
    window.action("actionAbout").trigger()
    about = window.findChild(QMessageBox, "aboutBox")
    assert about is not None and about.text().startswith("报告阅读器 ")
    assert report.metadata.citation in about.informativeText()  # the Chinese citation in the Chinese UI
    assert _english_words(about.informativeText().replace(report.metadata.citation, "")) == []
    about.close()
    assert not window.open_dataset(tmp_path / "missing.json")
    error = window.findChild(QMessageBox, "loadErrorBox")
    assert error is not None and "找不到数据集文件" in error.informativeText()
    assert _english_words(error.text() + error.windowTitle()) == []
    error.close()
    window.select_path("section/sec-rural-environment")
    shown = window.detail_pane().shown_text()
    assert report.section_by_id["sec-rural-environment"].title_en not in shown  # no English gloss
    window.select_path("goal/g1-growth")
    assert report.goal_by_id["g1-growth"].title_en not in window.detail_pane().shown_text()


def test_english_window_shows_the_datasets_english_titles(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    window = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    assert window.windowTitle() == f"{report.metadata.title_en} — Report Viewer"
    section = report.section_by_id["sec-rural-environment"]
    window.select_path(f"section/{section.id}")
    heading = window.detail_pane().findChild(QLabel, "detailHeading")
    shown = window.detail_pane().shown_text()
    assert section.title_en in shown and section.title in shown  # the report's words under the English
    indicator = next(i for i in report.indicators if i.name_en)
    window.select_item(indicator.id)
    assert indicator.name_en in window.detail_pane().shown_text()
    assert heading is not None


def test_english_figures_table_and_tree_use_the_english_names(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    window = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    window.select_path("section/sec-rural-environment")
    table = window.detail_pane().table_model()
    names = [table.index(row, 0).data() for row in range(table.rowCount())]
    named = [
        i
        for i in report.for_section("sec-rural-environment")
        if isinstance(i, Indicator | DerivedIndicator) and i.name_en
    ]
    assert named and all(i.name_en[:20] in " ".join(names) for i in named)
    row = window.tree_model().indexes_for_item(named[0].id)[0]
    assert row.data().startswith(named[0].name_en[:20])


def test_counts_read_as_chinese_in_the_chinese_ui(translations: Translations) -> None:
    """Issue 11.17: the Chinese status bar said "Saved … (9 page(s), … KB)"."""
    from tests.qt.test_english_plurals import PLURALS

    translations.install(Language.ZH)
    for context, source, _one, _many in PLURALS:
        for count in (1, 9):
            text = QCoreApplication.translate(context, source, "", count)
            assert "(s)" not in text and not set(text) & set("()") and str(count) in text, text
            assert _english_words(text.replace("%1", "").replace("%2", "").replace("KB", "")) == [], text
    saved = QCoreApplication.translate("PrintController", "Saved %1 (%n page(s), %2 KB)", "", 9)
    assert saved == "已保存 %1（9 页，%2 KB）"
