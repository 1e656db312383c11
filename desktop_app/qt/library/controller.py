"""The library in the window: opens the catalogue in the background, opens, adds and removes reports.

The catalogue is opened on a worker thread the first time the library is needed (the pane shown,
a search of the library), never before the window's first paint, so start-up does not wait for it.
Opening a report replaces the window's report in place (:meth:`ReportHost.show_report`); removing
one can be undone until the next removal (the report's files are kept aside until then).
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QFileDialog, QMainWindow, QWidget

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.presentation import fill, visible_text
from desktop_app.qt.actions import make_action
from desktop_app.qt.settings import Settings
from desktop_app.qt.window_layout import side_dock_width
from desktop_app.qt.workers import start_worker

if TYPE_CHECKING:
    # Imported when first needed: the library (SQLite and the catalogue's modules) costs start-up
    # time the first paint must not wait for.
    from desktop_app.core.library import Entry, Library, LibraryError
    from desktop_app.qt.library.pane import LibraryPane

__all__ = ["LibraryController", "OutsideFile", "ReportHost"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class OutsideFile:
    """A dataset file the window shows that is not in the library."""

    path: Path
    title: str


class ReportHost(Protocol):
    """What the controller needs from the window."""

    def show_report(self, report: Report) -> None: ...

    def show_library_error(self, title: str, message: str) -> None: ...


class _Opener(QThread):
    """Brings the catalogue in line with the files off the GUI thread (the slow part of opening).

    The library is then opened again on the GUI thread, where it is used: a SQLite connection
    belongs to the thread that made it, and with the catalogue up to date that takes milliseconds.

    Signals:
        opened(object): None when the catalogue is ready, or the exception that stopped it.
    """

    opened = Signal(object)

    def run(self) -> None:
        import sqlite3

        from desktop_app.core.library import Library, LibraryError

        try:
            Library.open().close()
            result: Exception | None = None
        except (LibraryError, OSError, sqlite3.Error) as exc:
            result = exc
        self.opened.emit(result)


class LibraryController(QObject):
    """Owns the library, its pane (a dock of the window) and the library's actions.

    Args:
        window: the main window (the dock's home; it shows the reports).
        host: the window as a :class:`ReportHost`.
        settings: where recently opened reports are kept.
        language: the UI language.

    Signals:
        status_message(str): a message for the status bar.
        library_ready(): the catalogue is open and the pane shows it.
        report_opened(str): a report of the library is now shown (its entry id).
        changed(): a report was added to or removed from the library.
        current_changed(str): the window shows another report: its entry id, "" for a file from
            outside the library.
    """

    status_message = Signal(str)
    library_ready = Signal()
    report_opened = Signal(str)
    changed = Signal()
    current_changed = Signal(str)

    def __init__(self, window: QMainWindow, host: ReportHost, settings: Settings, language: Language) -> None:
        super().__init__(window)
        self._window = window
        self._host = host
        self._settings = settings
        self._lang = language
        self._library: Library | None = None
        self._opener: _Opener | None = None
        self._painted = False
        self._sized = False
        self._waiting: list[Callable[[Library], object]] = []
        self._current: str | None = None  # None: the bundled report the window opens with
        self._outside: OutsideFile | None = None  # the file shown when it is not in the library
        self._pane: LibraryPane | None = None
        self._language = language
        self._undo_folder: tempfile.TemporaryDirectory[str] | None = None
        self._undo_entry: Entry | None = None

        self.dock = QDockWidget(self.tr("Library"), window)
        self.dock.setObjectName("libraryDock")
        self.dock.setWidget(QWidget())  # the pane comes when the library is first needed
        window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
        self.dock.hide()  # a new reader starts with the report; View › Library shows the shelf
        self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)

        self.show_action = self.dock.toggleViewAction()
        self.show_action.setObjectName("actionShowLibrary")
        self.show_action.setText(self.tr("&Library"))
        self.show_action.setShortcut("Ctrl+Shift+L")
        self.show_action.triggered.connect(self._on_show_action_triggered)
        self.add_action = make_action(
            self, "actionAddToLibrary", self.tr("&Add report to library…"), self._on_pane_add_requested
        )
        self.remove_action = make_action(
            self, "actionRemoveFromLibrary", self.tr("Remo&ve from library"), self._on_remove_triggered
        )
        self.undo_action = make_action(
            self, "actionUndoRemove", self.tr("&Undo remove from library"), self.undo_remove
        )
        self.undo_action.setEnabled(False)
        self.add_shown_action = make_action(
            self, "actionAddShownToLibrary", self.tr("Add the report &shown to library"), self.add_shown
        )
        self.add_shown_action.setEnabled(False)

    # --- public API -------------------------------------------------------------------------

    @property
    def pane(self) -> LibraryPane:
        """The library pane (made at the first call, with the library's modules)."""
        if self._pane is None:
            from desktop_app.qt.library.pane import LibraryPane

            pane = LibraryPane()
            pane.set_language(self._language)
            pane.open_requested.connect(self.open_entry)
            pane.add_requested.connect(self._on_pane_add_requested)
            pane.remove_requested.connect(self.remove_entry)
            pane.add_shown_requested.connect(self.add_shown)
            pane.set_outside(self._outside.title if self._outside is not None else "")
            old = self.dock.widget()
            self.dock.setWidget(pane)
            if old is not None:
                old.deleteLater()
            self._pane = pane
        return self._pane

    def actions(self) -> list[QAction]:
        return [self.add_action, self.add_shown_action, self.remove_action, self.undo_action]

    def collection_of(self, entry_id: str) -> str:
        """The collection an entry belongs to ("" when unknown or the library is not open)."""
        entry = self._library.get(entry_id) if self._library is not None and entry_id else None
        return entry.collection if entry is not None else ""

    def take_over(self, other: LibraryController) -> None:
        """Show the entry another window's controller showed (a window rebuilt for another language)."""
        if other._outside is not None:
            self.set_current_file(other._outside.path, other._outside.title)
        else:
            self.set_current(other._current)

    def library(self) -> Library | None:
        """The library, once open (None before it is needed)."""
        return self._library

    def current_id(self) -> str:
        """The entry the window shows ("" for a file opened from outside the library)."""
        if self._current is None:
            from desktop_app.core.library import DEFAULT_REPORT

            return DEFAULT_REPORT
        return self._current

    def set_current(self, entry_id: str | None) -> None:
        """Say which entry the window shows ("" for a file from outside, None for the bundled report)."""
        self._current = entry_id
        if entry_id != "":
            self._outside = None
        self._show_current()

    def set_current_file(self, path: str | Path, title: str) -> None:
        """The window shows a dataset file (command line, File › Open): its entry, if it is in the library.

        A file whose content is a library entry's (the same bytes) is that entry; any other is shown
        as "not in the library", with File › Add the report shown to library. Until the library is
        open the file counts as outside; it is matched once the library opens.

        Args:
            path: the dataset file.
            title: the report's title, for the library pane.
        """
        self._current = ""
        self._outside = OutsideFile(Path(path), title)
        self._match_outside()
        self._show_current()

    def outside_file(self) -> Path | None:
        """The file the window shows when it is not in the library (else None)."""
        return self._outside.path if self._outside is not None else None

    @Slot()
    def add_shown(self) -> Entry | None:
        """Add the file the window shows from outside the library (and show it as its entry)."""
        if self._outside is None:
            return None
        return self.add_file(self._outside.path)

    def window_painted(self) -> None:
        """The window has painted once: the library may load from now on."""
        self._painted = True
        if self.dock.isVisible() or self._waiting:
            QTimer.singleShot(0, self, self._start_opening)

    def with_library(self, action: Callable[[Library], object]) -> None:
        """Run ``action`` with the library, now if it is open, else once it is (opening it)."""
        if self._library is not None:
            action(self._library)
            return
        self._waiting.append(action)
        if self._painted:
            self._start_opening()

    def open_library_now(self) -> Library:
        """Open the library on this thread (tests, automation); the pane is filled."""
        from desktop_app.core.library import Library

        if self._library is None:
            self._on_opener_opened(Library.open())
        assert self._library is not None
        return self._library

    @Slot(str)
    def open_entry(self, entry_id: str) -> bool:
        """Show a report of the library in the window; on failure say why and keep the current one."""
        from desktop_app.core.library import LibraryError

        library = self._library
        if library is None:
            self.with_library(lambda _library: self.open_entry(entry_id))
            return False
        try:
            report = library.load(entry_id)
        except LibraryError as exc:
            self._error(self.tr("Could not open the report"), self._text(exc))
            return False
        except DatasetError as exc:
            self._error(self.tr("Could not open the report"), exc.describe(str(self._lang)))
            self._refresh()  # the entry is listed as broken now
            return False
        self._host.show_report(report)
        self.set_current(entry_id)
        self._settings.add_recent_report(entry_id)
        self._settings.sync()
        self._show_recent()
        self.report_opened.emit(entry_id)
        return True

    def add_file(self, path: str | Path) -> Entry | None:
        """Add a dataset file to the library and open it; on failure say why."""
        from desktop_app.core.library import LibraryError

        library = self._library or self.open_library_now()
        try:
            entry = library.add(Path(path))
        except LibraryError as exc:
            self._error(self.tr("Could not add the report"), self._text(exc))
            return None
        self._refresh()
        self.changed.emit()
        self.open_entry(entry.id)
        self.status_message.emit(fill(self.tr("Added to the library: %1"), visible_text(entry.title, 60)))
        return entry

    @Slot(str)
    def remove_entry(self, entry_id: str) -> Entry | None:
        """Remove a reader's report (its files are kept aside until the next removal, for undo)."""
        from desktop_app.core.library import DEFAULT_REPORT, LibraryError

        library = self._library or self.open_library_now()
        entry = library.get(entry_id)
        if entry is None:
            return None
        keep = tempfile.TemporaryDirectory(prefix="report-viewer-undo-")
        try:
            # The whole entry folder (dataset and its source) as it is, to add it back on undo.
            shutil.copytree(entry.path.parent, Path(keep.name) / "entry")
            removed = library.remove(entry_id)
        except (LibraryError, OSError) as exc:
            keep.cleanup()
            message = self._text(exc) if isinstance(exc, LibraryError) else str(exc)
            self._error(self.tr("Could not remove the report"), message)
            return None
        self._drop_undo()
        self._undo_folder, self._undo_entry = keep, removed
        self.undo_action.setEnabled(True)
        self._settings.remove_recent_report(entry_id)
        self._settings.sync()
        if entry_id == self.current_id():
            self.open_entry(DEFAULT_REPORT)
        self._refresh()
        self.changed.emit()
        self.pane.set_message(
            fill(self.tr("Removed from the library: %1 (Edit › Undo brings it back)"), removed.title)
        )
        title = visible_text(removed.title, 60)
        self.status_message.emit(fill(self.tr("Removed from the library: %1"), title))
        return removed

    @Slot()
    def undo_remove(self) -> Entry | None:
        """Add back the report removed last."""
        from desktop_app.core.library import LibraryError

        if self._undo_folder is None or self._undo_entry is None or self._library is None:
            return None
        dataset = Path(self._undo_folder.name) / "entry" / self._undo_entry.path.name
        try:
            entry = self._library.add(dataset)
        except LibraryError as exc:
            self._error(self.tr("Could not undo"), self._text(exc))
            return None
        self._drop_undo()
        self._refresh()
        self.changed.emit()
        self.pane.select(entry.id)
        self.status_message.emit(fill(self.tr("Back in the library: %1"), visible_text(entry.title, 60)))
        return entry

    def shutdown(self) -> None:
        """Wait for the opener and forget what undo kept (the window is closing)."""
        if self._opener is not None:
            self._opener.wait()
        self._drop_undo()

    # --- internals --------------------------------------------------------------------------

    def _text(self, error: LibraryError) -> str:
        return error.zh if self._lang is Language.ZH else error.en

    def _error(self, title: str, message: str) -> None:
        log.warning("%s: %s", title, message)
        self._host.show_library_error(title, message)

    def _match_outside(self) -> None:
        """The file shown from outside is a library entry after all when an entry has its bytes."""
        import hashlib

        from desktop_app.core.dataset_file import read_bytes

        if self._library is None or self._outside is None:
            return
        try:
            # Through the loader's reading: the file may have been swapped for a pipe since it loaded.
            digest = hashlib.sha256(read_bytes(self._outside.path)).hexdigest()
        except DatasetError:
            return
        match = next((e for e in self._library.entries() if e.content_hash == digest), None)
        if match is not None:
            self._current, self._outside = match.id, None

    def _show_current(self) -> None:
        """The pane marks the report shown, or says it is not in the library; the actions follow."""
        self.add_shown_action.setEnabled(self._outside is not None)
        if self._pane is not None:
            self._pane.set_current(self.current_id())
            self._pane.set_outside(self._outside.title if self._outside is not None else "")
        self.current_changed.emit(self.current_id())

    def _drop_undo(self) -> None:
        if self._undo_folder is not None:
            self._undo_folder.cleanup()
        self._undo_folder = None
        self._undo_entry = None
        self.undo_action.setEnabled(False)

    def _start_opening(self) -> None:
        if self._library is not None or self._opener is not None:
            return
        self._opener = _Opener(self)
        self._opener.opened.connect(self._on_opener_opened)
        start_worker(self._opener)

    @Slot(object)
    def _on_opener_opened(self, result: object) -> None:
        import sqlite3

        from desktop_app.core.library import Library, LibraryError

        if self._opener is not None:
            self._opener.wait()
            self._opener.deleteLater()
            self._opener = None
        if result is not None and not isinstance(result, Library):
            self.pane.set_message(fill(self.tr("The library could not be opened: %1"), str(result)))
            return
        try:
            library = result if isinstance(result, Library) else Library.open()
        except (LibraryError, OSError, sqlite3.Error) as exc:
            self.pane.set_message(fill(self.tr("The library could not be opened: %1"), str(exc)))
            return
        self._library = library
        self._match_outside()
        self._refresh()
        self._show_recent()
        self._show_current()
        self.library_ready.emit()
        waiting, self._waiting = self._waiting, []
        for action in waiting:
            action(library)

    def _refresh(self) -> None:
        library = self._library
        if library is None:
            return
        notices = [n.zh if self._lang is Language.ZH else n.en for n in library.notices]
        self.pane.set_library(library.collections(), library.entries(), message="\n".join(notices))
        self.pane.set_current(self.current_id())

    def _show_recent(self) -> None:
        library = self._library
        if library is None:
            return
        entries = [library.get(entry_id) for entry_id in self._settings.recent_reports()]
        self.pane.set_recent([e for e in entries if e is not None])

    @Slot(bool)
    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if not visible:
            return
        if self._library is not None:
            self._refresh()  # another window may have changed it
        elif self._painted:
            self._start_opening()

    @Slot(bool)
    def _on_show_action_triggered(self, checked: bool) -> None:
        if checked and not self._sized:
            # Shown by the reader for the first time this session: a quarter of the window (a width
            # restored with the window's state is left as it is).
            self._sized = True
            width = side_dock_width(self._window.width())
            self._window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)

    @Slot()
    def _on_pane_add_requested(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self._dialog_parent(),
            self.tr("Add report to library"),
            "",
            self.tr("Report datasets (*.json);;All files (*)"),
        )
        if path:
            self.add_file(path)

    @Slot()
    def _on_remove_triggered(self) -> None:
        entry_id = self.pane.selected_id() or self.current_id()
        library = self._library
        entry = library.get(entry_id) if library is not None else None
        read_only = {c.id for c in library.collections() if c.read_only} if library is not None else set()
        if entry is None or entry.collection in read_only:
            self._error(self.tr("Remove from library"), self.tr("Only reports you added can be removed."))
            return
        self.remove_entry(entry_id)

    def _dialog_parent(self) -> QWidget:
        return self._window
