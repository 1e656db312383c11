"""A report named on the command line (or opened with File › Open) that is not in the library.

Before: the window said it showed the bundled Linzi report (``current_id()`` was ``linzi/linzi-2024``),
the pane marked Linzi as shown and "This collection" searched the Linzi collection.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QComboBox
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.resources import data_path
from desktop_app.qt.app import Application
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
from desktop_app.qt.widgets.search_panel import SearchScope
from tests.hostile_files import released_after

TITLE = "样例区2024年政府工作报告"
TITLE_EN = "Sample District Government Work Report 2024"


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """The Linzi dataset under another title and id, in a folder of its own (not in the library)."""
    folder = tmp_path / "elsewhere"
    (folder / "source").mkdir(parents=True)
    data = json.loads(data_path("linzi-2024.json").read_text(encoding="utf-8"))
    data["id"] = "sample-2024"
    data["metadata"]["title"] = TITLE
    data["metadata"]["title_en"] = TITLE_EN
    shutil.copy(data_path(data["source"]["file"]), folder / data["source"]["file"])
    path = folder / "sample-2024.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _window(app: QApplication, qtbot: QtBot, settings: QSettings, path: Path) -> MainWindow:
    """The window as ``report-viewer PATH`` makes it (run_gui without the event loop)."""
    controller = Application(app, load_report(path), Settings(settings), str(path))
    window = controller.window
    qtbot.addWidget(window)
    return window


def test_a_file_from_the_command_line_is_not_the_bundled_report(
    app: QApplication, qtbot: QtBot, settings: QSettings, outside: Path
) -> None:
    window = _window(app, qtbot, settings, outside)
    library = window.library_controller()
    assert library.current_id() == "" and library.outside_file() == outside
    add = window.action("actionAddShownToLibrary")
    assert add.isEnabled()
    library.open_library_now()
    pane = library.pane
    assert library.current_id() == ""  # still outside once the library is open
    assert pane.model().current_id() != "linzi/linzi-2024"
    assert TITLE_EN in pane.outside_text()
    # The pane's button adds it; it is then the library's entry and the window shows it as such.
    add.trigger()
    entry_id = library.current_id()
    assert entry_id.startswith("user/") and library.outside_file() is None
    assert pane.outside_text() == "" and not add.isEnabled()
    assert pane.selected_id() == entry_id


def test_a_library_file_from_the_command_line_is_its_entry(
    app: QApplication, qtbot: QtBot, settings: QSettings
) -> None:
    path = data_path("national/2025.json")
    window = _window(app, qtbot, settings, path)
    library = window.library_controller()
    library.open_library_now()
    assert library.current_id() == "national/2025"
    assert library.pane.outside_text() == "" and not window.action("actionAddShownToLibrary").isEnabled()


def test_this_collection_of_a_file_outside_says_it_has_none(
    app: QApplication, qtbot: QtBot, settings: QSettings, outside: Path
) -> None:
    window = _window(app, qtbot, settings, outside)
    panel = window.search_panel()
    scopes = panel.findChild(QComboBox, "searchScope")
    assert scopes is not None
    model = scopes.model()
    assert isinstance(model, QStandardItemModel)
    item = model.item(scopes.findData(SearchScope.COLLECTION.value))
    assert not item.isEnabled() and item.toolTip()
    panel.set_scope(SearchScope.COLLECTION)
    panel.field().setText("高质量发展")
    panel.run_search()
    assert "not in the library" in panel.message_text()
    assert window.library_search().index() is None  # nothing indexed for a scope that has nothing
    # A report of the library has its collection again.
    window.library_controller().open_library_now()
    window.library_controller().open_entry("national/2025")
    assert item.isEnabled()


def test_file_open_of_a_file_outside_the_library(window: MainWindow, outside: Path) -> None:
    assert window.language is Language.EN
    assert window.open_dataset(outside)
    library = window.library_controller()
    assert library.current_id() == "" and library.outside_file() == outside
    library.open_library_now()
    assert TITLE_EN in library.pane.outside_text()
    window.action("actionOpenBundled").trigger()
    assert library.current_id() == "linzi/linzi-2024" and library.pane.outside_text() == ""


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_file_swapped_for_a_named_pipe_does_not_freeze_the_window(
    app: QApplication, qtbot: QtBot, settings: QSettings, outside: Path
) -> None:
    # Before: matching the shown file against the library read it in the GUI thread, blocking forever
    # on a named pipe put in its place after it loaded (the library opens seconds later).
    window = _window(app, qtbot, settings, outside)
    library = window.library_controller()
    outside.unlink()
    os.mkfifo(outside)
    with released_after(outside) as released:
        library.open_library_now()
    assert not released.is_set()
    assert library.current_id() == "" and library.outside_file() == outside
