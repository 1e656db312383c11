"""The library in the window, driven as a reader would: open, switch, filter, add, remove, restart."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSettings
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.library import DEFAULT_REPORT, Library
from desktop_app.core.loader import load_report
from desktop_app.core.presentation import report_title
from desktop_app.core.resources import data_path
from desktop_app.qt.library.controller import LibraryController
from desktop_app.qt.library.model import YearRange, parse_years
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
from tests.cli.runner import run
from tests.qt.widget_lists import top_level_widgets


def _controller(window: MainWindow) -> LibraryController:
    controller = window.library_controller()
    controller.open_library_now()
    return controller


def _child(parent: QWidget, name: str) -> QWidget:
    child = parent.findChild(QWidget, name)
    assert child is not None, name
    return child


def _settle() -> int:
    """Run deferred deletions; returns how many QObjects live under the application's windows."""
    QApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return sum(len(w.findChildren(QObject)) for w in top_level_widgets())


@pytest.fixture
def imported(tmp_path: Path, report_text: str) -> Path:
    """A report imported with ``report-viewer import``, as a reader would add it."""
    text = tmp_path / "county.txt"
    text.write_text(report_text, encoding="utf-8")
    out = tmp_path / "county.json"
    status, _out, err = run(
        "import", str(text), "--year", "2019", "--level", "county", "--region", "样例县", "-o", str(out)
    )
    assert status == 0, err
    return out


@pytest.fixture
def report_text() -> str:
    """The national 2019 report's text (a real report of useful length), to import as a county's."""
    return data_path("national/2019.source.txt").read_text(encoding="utf-8")


# --- opening and switching ---------------------------------------------------------------------


def test_parse_years() -> None:
    assert parse_years("2025") == YearRange(2025, 2025)
    assert parse_years(" 2010-2025 ") == YearRange(2010, 2025)
    assert parse_years("2025–2010") == YearRange(2010, 2025)
    assert parse_years("2010-") == YearRange(2010, None)
    assert parse_years("-1990") == YearRange(None, 1990)
    assert parse_years("２０２５") == YearRange(2025, 2025)
    assert parse_years("") == YearRange()
    assert parse_years("twenty") is None and parse_years("20251") is None


def test_the_library_waits_for_the_first_paint(window: MainWindow, qtbot: QtBot) -> None:
    controller = window.library_controller()
    window.action("actionShowLibrary").trigger()  # shown before the window ever painted
    assert controller.library() is None
    window.show()
    with qtbot.waitSignal(controller.library_ready, timeout=60_000):
        pass
    library = controller.library()
    assert library is not None
    pane = controller.pane
    assert pane.is_loaded() and "reports in" in pane.status_text()
    # The Linzi report the window opened with is the current one.
    assert controller.current_id() == DEFAULT_REPORT == pane.selected_id()


def test_hidden_library_is_not_opened_at_start(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    assert window.library_controller().library() is None
    dock = window.findChild(QDockWidget, "libraryDock")
    assert dock is not None and not dock.isVisible()


def test_collections_then_reports_newest_first(window: MainWindow, qtmodeltester: ModelTester) -> None:
    controller = _controller(window)
    pane = controller.pane
    model = pane.model()
    qtmodeltester.check(model)
    pane.set_filter(level="national", years="2010-2012")
    qtmodeltester.check(pane.filter_model())
    pane.set_filter()
    names = [c.id for c in model.collections()]
    assert names[:2] == ["linzi", "national"]
    national = [e for e in model.entries() if e.collection == "national"]
    years = [e.year or 0 for e in national]
    assert len(national) == 52 and years == sorted(years, reverse=True) and years[0] == 2025
    assert window.findChild(QWidget, "libraryPane") is pane


def test_filters_by_level_region_and_years(window: MainWindow) -> None:
    pane = _controller(window).pane
    pane.set_filter(level="national", years="2010-2012")
    assert [e.year for e in pane.visible_entries()] == [2012, 2011, 2010]
    pane.set_filter(level="district")
    assert [e.id for e in pane.visible_entries()] == [DEFAULT_REPORT]
    pane.set_filter(region="临淄区")
    assert [e.id for e in pane.visible_entries()] == [DEFAULT_REPORT]
    pane.set_filter(years="not a year")  # said so, and nothing is hidden
    assert len(pane.visible_entries()) == 53
    assert _child(pane, "libraryYears").property("invalid") is True


def test_open_the_2025_national_report_without_restarting(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    controller = _controller(window)
    linzi_title = window.windowTitle()
    window.select_path("source")
    assert window.action("actionBack").isEnabled()
    window.search_panel().field().setText("临淄")
    window.search_panel().run_search()
    assert window.search_panel().hits()

    assert controller.open_entry("national/2025")
    report = window.report
    assert report.metadata.year == 2025 and window.windowTitle() != linzi_title
    assert window.windowTitle().startswith(report_title(report, Language.EN))
    assert window.tree_model().report.id == report.id
    assert report.metadata.title in window.detail_pane().shown_text()
    # The search ended, its index is the new report's; Back starts afresh.
    assert window.search_panel().field().text() == "" and not window.search_panel().hits()
    assert not window.action("actionBack").isEnabled()
    window.search_panel().field().setText("高质量发展")
    window.search_panel().run_search()
    hits = window.search_panel().hits()
    assert hits and all(h.span is None or h.span.paragraph_id in report.paragraph_by_id for h in hits)
    assert controller.pane.model().index_for_entry("national/2025").isValid()
    assert controller.pane.selected_id() == "national/2025"
    assert window.library_controller().current_id() == "national/2025"


def test_switching_back_and_forth_leaks_nothing(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.ensure_charts()
    controller = _controller(window)
    controller.open_entry("national/2025")
    controller.open_entry(DEFAULT_REPORT)
    qtbot.wait(20)
    before = _settle()
    for _ in range(3):
        controller.open_entry("national/2025")
        qtbot.wait(20)
        controller.open_entry(DEFAULT_REPORT)
        qtbot.wait(20)
    assert _settle() <= before
    assert window.report.id == load_report().id


def test_recently_opened_are_remembered(window: MainWindow, settings: QSettings) -> None:
    controller = _controller(window)
    controller.open_entry("national/2019")
    controller.open_entry("national/2025")
    recent = controller.pane.recent_list()
    assert [recent.item(i).data(0x0100 + 4) for i in range(recent.count())][:2] == [
        "national/2025",
        "national/2019",
    ]
    assert Settings(settings).recent_reports()[:2] == ["national/2025", "national/2019"]


# --- adding, removing, broken reports, restart ---------------------------------------------------


def test_add_an_imported_report_and_find_it_after_a_restart(
    app: QApplication, qtbot: QtBot, settings: QSettings, imported: Path
) -> None:
    first = MainWindow(load_report(), Settings(settings), Language.EN)
    qtbot.addWidget(first)
    controller = _controller(first)
    entry = controller.add_file(imported)
    assert entry is not None and entry.collection == "user" and entry.year == 2019
    assert first.report.metadata.year == 2019 and controller.current_id() == entry.id
    assert entry.id in [e.id for e in controller.pane.visible_entries()]
    first.close()

    second = MainWindow(load_report(), Settings(settings), Language.EN)
    qtbot.addWidget(second)
    again = _controller(second)
    assert entry.id in [e.id for e in again.pane.model().entries()]
    assert Settings(settings).recent_reports()[0] == entry.id
    assert again.open_entry(entry.id) and second.report.metadata.level == "county"


def test_remove_with_undo(window: MainWindow, imported: Path) -> None:
    controller = _controller(window)
    entry = controller.add_file(imported)
    assert entry is not None
    folder = entry.path.parent
    removed = controller.remove_entry(entry.id)
    assert removed is not None and not folder.exists()
    assert entry.id not in [e.id for e in controller.pane.model().entries()]
    # The window showed the removed report: it goes back to Linzi 2024.
    assert controller.current_id() == DEFAULT_REPORT and window.report.id == load_report().id
    assert window.action("actionUndoRemove").isEnabled()
    window.action("actionUndoRemove").trigger()
    assert entry.id in [e.id for e in controller.pane.model().entries()]
    assert not window.action("actionUndoRemove").isEnabled()


def test_bundled_reports_cannot_be_removed(window: MainWindow, qtbot: QtBot) -> None:
    controller = _controller(window)
    controller.pane.select("national/2025")
    assert not _child(controller.pane, "libraryRemove").isEnabled()
    window.action("actionRemoveFromLibrary").trigger()
    box = window.findChild(QMessageBox, "libraryErrorBox")
    assert box is not None and "added" in box.text()
    box.close()
    library = controller.library()
    assert library is not None and library.get("national/2025") is not None


def test_a_broken_report_is_listed_with_its_errors(window: MainWindow, qtbot: QtBot) -> None:
    folder = Path(os.environ["REPORT_VIEWER_DATA_DIR"]) / "reports" / "broken-1"
    folder.mkdir(parents=True)
    # Well-formed JSON that fails validation: the year and title can be read, the rest is missing.
    (folder / "dataset.json").write_text('{"metadata": {"year": 1999, "title": "坏的报告"}}', "utf-8")
    controller = _controller(window)
    pane = controller.pane
    broken = [e for e in pane.model().entries() if e.broken]
    assert len(broken) == 1 and broken[0].year == 1999 and broken[0].title == "坏的报告"
    assert "cannot be opened" in pane.status_text()
    assert pane.select(broken[0].id)
    assert "dataset.json" in pane.errors_text() and broken[0].errors[0] in pane.errors_text()
    assert not _child(pane, "libraryOpen").isEnabled()
    assert not controller.open_entry(broken[0].id)
    box = window.findChild(QMessageBox, "libraryErrorBox")
    assert box is not None
    box.close()
    assert isinstance(controller.library(), Library)


def test_the_window_starts_without_the_library_modules(tmp_path: Path) -> None:
    """Start-up pays nothing for the library: none of its modules is imported (in a subprocess)."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QSettings\n"
        "from desktop_app.qt.app import create_application\n"
        "from desktop_app.core.language import Language\n"
        "from desktop_app.core.loader import load_report\n"
        "from desktop_app.qt.main_window import MainWindow\n"
        "from desktop_app.qt.settings import Settings\n"
        "app = create_application()\n"
        f"settings = Settings(QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))\n"
        "window = MainWindow(load_report(), settings, Language.ZH)\n"
        "window.show()\n"
        "app.processEvents()\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('desktop_app.core.library'))\n"
        "print(loaded)\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "REPORT_VIEWER_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"
