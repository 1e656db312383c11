"""Typed settings: what a damaged or hostile settings file cannot do, and writes that fail."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMenu, QMessageBox, QSplitter
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import (
    MAX_RECENT,
    PAGE_SIZES,
    PrintScopeChoice,
    Settings,
    settings_files,
)


def test_recent_files_are_capped_when_read(settings: QSettings) -> None:
    settings.setValue("files/recent", [f"/data/{i}.json" for i in range(100_000)])
    typed = Settings(settings)
    assert typed.recent_files() == [f"/data/{i}.json" for i in range(MAX_RECENT)]
    assert typed.add_recent_file("/data/5.json")[:3] == ["/data/5.json", "/data/0.json", "/data/1.json"]
    assert len(typed.recent_files()) == MAX_RECENT


def test_recently_opened_library_reports_are_capped_when_read_too(settings: QSettings) -> None:
    # The library's list (issue 15) follows the recent-files rule of issue 13: capped when read.
    settings.setValue("library/recent", [f"user/r{i}" for i in range(100_000)])
    typed = Settings(settings)
    assert typed.recent_reports() == [f"user/r{i}" for i in range(MAX_RECENT)]
    assert typed.add_recent_report("user/r7")[:2] == ["user/r7", "user/r0"]
    settings.setValue("library/recent", 42)
    assert typed.recent_reports() == []


def test_huge_recent_list_gives_a_short_menu(settings: QSettings, report: Report, qtbot: QtBot) -> None:
    settings.setValue("files/recent", [f"/data/{i}.json" for i in range(100_000)])
    window = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    menu = window.findChild(QMenu, "menuRecent")
    assert menu is not None and len(menu.actions()) == MAX_RECENT


def test_garbage_values_fall_back_to_defaults(settings: QSettings) -> None:
    for key in ("ui/language", "print/scope", "print/pageSize", "window/selectedNode", "files/recent"):
        settings.setValue(key, 42)
    typed = Settings(settings)
    assert typed.language() is None
    assert typed.print_scope() is PrintScopeChoice.SELECTED
    assert typed.page_size() == "A4"
    assert typed.selected_node() is None
    assert typed.recent_files() == []
    typed.set_language(Language.ZH)
    assert settings.value("ui/language") == "zh_CN" and typed.language() is Language.ZH


def test_splitter_sizes_that_squeeze_a_pane_are_not_used(
    settings: QSettings, report: Report, qtbot: QtBot
) -> None:
    typed = Settings(settings)
    typed.set_splitter_sizes("mainSplitter", [0, 1400, 0])
    assert typed.splitter_sizes("mainSplitter", 3) is None
    settings.setValue("window/splitterSizes/mainSplitter", ["a", "b", "c"])
    assert typed.splitter_sizes("mainSplitter", 3) is None
    typed.set_splitter_sizes("mainSplitter", [300, 700, 400])
    assert typed.splitter_sizes("mainSplitter", 2) is None  # a layout of another version
    assert typed.splitter_sizes("mainSplitter", 3) == [300, 700, 400]
    typed.set_splitter_sizes("mainSplitter", [0, 1400, 0])
    window = MainWindow(report, typed, Language.EN)
    qtbot.addWidget(window)
    window.resize(1300, 800)
    with qtbot.waitExposed(window):
        window.show()
    splitter = window.findChild(QSplitter, "mainSplitter")
    assert splitter is not None and min(splitter.sizes()) > 100


def test_settings_that_cannot_be_written_are_reported(tmp_path: Path, report: Report, qtbot: QtBot) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the settings folder should be", encoding="utf-8")
    store = QSettings(str(blocker / "settings.ini"), QSettings.Format.IniFormat)
    typed = Settings(store)
    typed.set_page_size("Letter")
    problem = typed.sync()
    assert problem is not None and "settings.ini" in problem
    window = MainWindow(report, typed, Language.EN)
    qtbot.addWidget(window)
    assert window.save_settings() is not None
    assert "Settings could not be saved" in window.statusBar().currentMessage()


def test_closing_with_unwritable_settings_says_so(tmp_path: Path, report: Report, qtbot: QtBot) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    window = MainWindow(
        report, Settings(QSettings(str(blocker / "s.ini"), QSettings.Format.IniFormat)), Language.EN
    )
    qtbot.addWidget(window)
    window.show()
    window.close()
    box = window.settings_error_box()
    assert box is not None
    qtbot.addWidget(box)
    assert box.isVisible()
    assert isinstance(box, QMessageBox) and "s.ini" in box.informativeText()


_OPEN_BESIDE_A_FIFO = """
import os, sys
from PySide6.QtCore import QCoreApplication
from desktop_app.qt.settings import open_settings, settings_files
app = QCoreApplication([])
fifo = settings_files("ReportViewerTest", "fifo")[0]
fifo.parent.mkdir(parents=True)
os.mkfifo(fifo)
settings = open_settings("ReportViewerTest", "fifo")
settings.set_page_size(sys.argv[1])
assert settings.page_size() == sys.argv[1]  # kept for the session
print(settings.sync())
"""


@pytest.mark.skipif(sys.platform in ("win32", "darwin") or not hasattr(os, "mkfifo"), reason="INI files")
def test_a_named_pipe_as_the_settings_file_does_not_stop_the_window_starting(tmp_path: Path) -> None:
    # Before: QSettings() read the pipe while it was made (holding the GIL: no thread can help), waiting
    # for ever before the window appeared. So in a subprocess, with a timeout.
    organization, application = "ReportViewerTest", f"regular-{tmp_path.name}"
    assert QSettings(organization, application).fileName() == str(
        settings_files(organization, application)[0]
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith("XDG_")}
    env |= {
        "HOME": str(tmp_path),
        "XDG_CONFIG_DIRS": str(tmp_path / "system"),
        "QT_QPA_PLATFORM": "offscreen",
    }
    result = subprocess.run(
        [sys.executable, "-c", _OPEN_BESIDE_A_FIFO, PAGE_SIZES[-1]],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr[-2000:]
    fifo = tmp_path / ".config" / "ReportViewerTest" / "fifo.conf"
    expected = f"{fifo}: not a regular file but a named pipe; settings are kept for this session only"
    assert result.stdout == expected + "\n"
    assert stat.S_ISFIFO(fifo.lstat().st_mode)  # left as it was


def test_the_targets_show_as_choice_is_list_or_grid(settings: QSettings) -> None:
    typed = Settings(settings)
    assert typed.targets_layout() == "list"  # nothing kept: the list
    typed.set_targets_layout("grid")
    assert settings.value("targets/layout") == "grid" and typed.targets_layout() == "grid"
    typed.set_targets_layout("table")  # not a layout: not written
    assert typed.targets_layout() == "grid"
    for garbage in (42, "Grid", "", ["grid"], b"grid"):
        settings.setValue("targets/layout", garbage)
        assert typed.targets_layout() == "list", garbage
