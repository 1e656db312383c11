"""Searching the whole library from the search panel, and the term-trends view (issue 15).

The library index is read from its cache, or built, on a worker thread the first time a library
scope or the trends view needs it, with its progress in the search panel; until it is ready a
library search says so, and it runs again when the index is there. Opening a hit opens its report
(in place) and shows the hit there. The trends view counts the search field's query per 10,000
characters in a collection; a click on a year opens that report with its hits listed.
"""

from __future__ import annotations

import importlib
import logging
import math
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.presentation import fill
from desktop_app.core.search.types import Hit
from desktop_app.qt.actions import make_action
from desktop_app.qt.library.controller import LibraryController
from desktop_app.qt.search_controller import SearchController
from desktop_app.qt.widgets.search_panel import SearchPanel, SearchScope
from desktop_app.qt.workers import start_worker

if TYPE_CHECKING:
    # Imported when first needed, never at start-up (see desktop_app.qt.library.controller).
    from desktop_app.core.library import Collection, Entry, Library
    from desktop_app.core.library.search import BuildProgress, LibraryIndex, LibraryResults
    from desktop_app.qt.charts.trend_view import TrendView

__all__ = ["LibrarySearchController"]

log = logging.getLogger(__name__)
TREND_DELAY_MS = 250
"""The trend follows the search field this long after the last keystroke."""
PROGRESS_INTERVAL_S = 0.1
"""The index build tells its progress at most this often."""


class _IndexBuilder(QThread):
    """Reads the library index from its cache or builds it, off the GUI thread.

    Signals:
        progressed(float, str): the fraction done and the report being read ("" while indexing).
        built(object): the :class:`LibraryIndex`, None when cancelled, or the exception that stopped it.
    """

    progressed = Signal(float, str)
    built = Signal(object)

    def __init__(self, entries: list[Entry], bundled: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._entries = entries
        self._paths = {entry.id: entry.path for entry in entries}
        self._bundled = bundled
        self._cancel = threading.Event()
        self._last_progress = -math.inf

    def cancel(self) -> None:
        self._cancel.set()

    def _load(self, entry_id: str) -> object:
        # The files directly, not Library.load: the library's SQLite connection is the GUI thread's.
        from desktop_app.core.loader import load_report

        return load_report(Path(self._paths[entry_id]))

    def _progress(self, progress: BuildProgress) -> None:
        # A few updates a second are enough for a progress bar; each one costs the GUI thread a
        # relayout, and a flood of them starves it (and the build) on a slow or busy machine.
        now = time.monotonic()
        if now - self._last_progress < PROGRESS_INTERVAL_S and progress.fraction < 1:
            return
        self._last_progress = now
        self.progressed.emit(progress.fraction, progress.report_id)

    def run(self) -> None:
        from desktop_app.core.library.index_cache import IndexCache
        from desktop_app.core.library.search import BuildCancelled

        result: object
        try:
            result = IndexCache().load(
                self._entries,
                self._load,  # type: ignore[arg-type]  # returns a Report
                bundled=self._bundled,
                progress=self._progress,
                cancel=self._cancel,
            )
        except BuildCancelled:
            result = None
        except (DatasetError, OSError, ValueError) as exc:
            result = exc
        self.built.emit(result)


# Builders are not children of their controller and are kept here until they have finished: a window
# garbage-collected while its index was still being built deleted the running QThread with it, which
# crashed the process (seen once in the full test suite).
_BUILDERS: list[_IndexBuilder] = []


def _keep_until_finished(builder: _IndexBuilder) -> None:
    _BUILDERS[:] = [b for b in _BUILDERS if shiboken6.isValid(b) and not b.isFinished()]
    _BUILDERS.append(builder)


class LibrarySearchController(QObject):
    """Connects the search panel's library scopes and the trends view to the library index.

    Args:
        window: the main window (home of the trends dock).
        panel: the search panel.
        searches: the controller of this report's search (shows a hit of the report shown).
        library: the library controller (opens reports).
        language: the UI language.

    Signals:
        index_ready(): the library index is there (read or built).
        status_message(str): a message for the status bar.
        trends_shown(): the trends dock was shown (the window may share its height anew).
    """

    index_ready = Signal()
    status_message = Signal(str)
    trends_shown = Signal()

    def __init__(
        self,
        window: QMainWindow,
        panel: SearchPanel,
        searches: SearchController,
        library: LibraryController,
        language: Language,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._panel = panel
        self._searches = searches
        self._library = library
        self._lang = language
        self._index: LibraryIndex | None = None
        self._builder: _IndexBuilder | None = None
        self._trend_view: TrendView | None = None
        self._trend_dock: QDockWidget | None = None
        self._trend_choice = ""  # the collection the reader picked in the trends view ("": none yet)
        self._trend_timer = QTimer(self)
        self._trend_timer.setSingleShot(True)
        self._trend_timer.setInterval(TREND_DELAY_MS)
        self._trend_timer.timeout.connect(self.update_trend)
        panel.set_library_search(self.search)
        panel.scope_changed.connect(self._on_panel_scope_changed)
        panel.library_hit_selected.connect(self._on_panel_library_hit_selected)
        panel.field().textChanged.connect(self._on_field_text_changed)
        library.changed.connect(self._on_library_changed)
        library.current_changed.connect(self._on_library_current_changed)
        self.trend_action = make_action(self, "actionTermTrends", self.tr("Term &trends"), self.show_trends)

    # --- public API -------------------------------------------------------------------------

    def index(self) -> LibraryIndex | None:
        return self._index

    def is_building(self) -> bool:
        return self._builder is not None

    def ensure_index(self) -> None:
        """Read or build the library index in the background, unless it is there or on its way."""
        if self._index is None and self._builder is None:
            self._library.with_library(self._start_build)

    def search(self, query: str, scope: SearchScope) -> LibraryResults | str | None:
        """The search panel's library search; None (and the index on its way) until it is ready.

        "This collection" of a report shown from outside the library is no collection: the panel
        says so (a message, not an empty list that would read as "nothing found").
        """
        if scope is SearchScope.COLLECTION and not self._library.current_id():
            return self._not_in_library()
        if self._index is None:
            self.ensure_index()
            return None
        if scope is SearchScope.COLLECTION:
            collection = self._library.collection_of(self._library.current_id())
            if not collection:
                return self._not_in_library()
            return self._index.search(query, collection=collection)
        return self._index.search(query)

    def _not_in_library(self) -> str:
        return self.tr(
            "The report shown is not in the library, so it belongs to no collection. "
            "Search all reports, or add it to the library (File › Add the report shown to library)."
        )

    def trend_view(self) -> TrendView | None:
        return self._trend_view

    @Slot()
    def show_trends(self) -> TrendView:
        """Show the trends view (made at the first call: it draws with pyqtgraph)."""
        if self._trend_view is None or self._trend_dock is None:
            module = importlib.import_module("desktop_app.qt.charts.trend_view")
            view: TrendView = module.TrendView()
            view.report_activated.connect(self._on_trend_report_activated)
            view.hovered.connect(self._on_trend_hovered)
            view.collection_chosen.connect(self._on_trend_collection_chosen)
            dock = QDockWidget(self.tr("Term trends"), self._window)
            dock.setObjectName("trendDock")
            dock.setWidget(view)
            self._window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
            self._trend_view, self._trend_dock = view, dock
            dock.show()
            # A third of the window: the report stays readable above the chart.
            self._window.resizeDocks([dock], [self._window.height() // 3], Qt.Orientation.Vertical)
        self._trend_dock.show()
        self._trend_dock.raise_()
        self.trends_shown.emit()
        self.ensure_index()
        self.update_trend()
        return self._trend_view

    @Slot()
    def update_trend(self) -> None:
        """Count the search field's query over a collection and show it in the trends view."""
        view = self._trend_view
        if view is None or self._trend_dock is None or not self._trend_dock.isVisible():
            return
        from desktop_app.core.library.trend import folding_note, term_trend
        from desktop_app.core.library.trend_csv import trend_csv_text

        query = self._panel.field().text().strip()
        library = self._library.library()
        if self._index is None or library is None:
            view.set_rows(query, [], note=self.tr("The library is being indexed…"), lang=self._lang)
            return
        collection = self._trend_collection(library)
        scope = collection.id if collection is not None else None
        view.set_collections(library.collections(), scope or "", self._lang)
        rows = term_trend(self._index, query, collection=scope).rows if query else ()
        note = folding_note(self._lang)
        name = self._collection_name(collection) if collection is not None else ""
        view.set_rows(
            query,
            rows,
            collection=name,
            note=note,
            lang=self._lang,
            csv_writer=lambda _shown: trend_csv_text(rows, note),
        )

    def shutdown(self) -> None:
        """Stop a build in progress (the window is closing); finished shards stay cached."""
        if self._builder is not None:
            self._builder.cancel()
            self._builder.wait()

    # --- internals --------------------------------------------------------------------------

    def _collection_name(self, collection: Collection) -> str:
        from desktop_app.qt.collection_picker import collection_name

        return collection_name(collection, self._lang)

    def _trend_collection(self, library: Library) -> Collection | None:
        """The collection picked in the view, else the current report's (if several), else the largest."""
        collections = library.collections()
        picked = next((c for c in collections if c.id == self._trend_choice and c.count), None)
        if picked is not None:
            return picked
        current = self._library.collection_of(self._library.current_id())
        for collection in collections:
            if collection.id == current and collection.count > 1:
                return collection
        return max(collections, key=lambda c: c.count, default=None)

    def _start_build(self, library: Library) -> None:
        if self._index is not None or self._builder is not None:
            return
        entries = [entry for entry in library.entries() if not entry.broken]
        bundled = [collection.id for collection in library.collections() if collection.read_only]
        self._builder = _IndexBuilder(entries, bundled)
        _keep_until_finished(self._builder)
        self._builder.progressed.connect(self._on_builder_progressed)
        self._builder.built.connect(self._on_builder_built)
        self._panel.set_index_progress(0.0, self.tr("Indexing the library…"))
        start_worker(self._builder, QThread.Priority.LowPriority)

    @Slot(float, str)
    def _on_builder_progressed(self, fraction: float, _report_id: str) -> None:
        text = fill(self.tr("Indexing the library: %1%"), round(fraction * 100))
        self._panel.set_index_progress(fraction, text)

    @Slot(object)
    def _on_builder_built(self, result: object) -> None:
        from desktop_app.core.library.search import LibraryIndex

        if self.sender() is not self._builder:
            return  # a build cancelled when the library changed
        builder, self._builder = self._builder, None
        if builder is not None:
            builder.wait()
            builder.deleteLater()
        self._panel.set_index_progress(None)
        if not isinstance(result, LibraryIndex):
            if result is not None:
                log.warning("library index not built: %s", result)
                self.status_message.emit(fill(self.tr("The library could not be indexed: %1"), str(result)))
            return
        self._index = result
        self.index_ready.emit()
        if self._panel.scope() is not SearchScope.REPORT:
            self._panel.run_search()
        self.update_trend()

    @Slot(object)
    def _on_panel_scope_changed(self, scope: SearchScope) -> None:
        if scope is not SearchScope.REPORT:
            self.ensure_index()

    @Slot(str, object)
    def _on_panel_library_hit_selected(self, report_id: str, hit: Hit) -> None:
        if report_id != self._library.current_id() and not self._library.open_entry(report_id):
            return
        self._searches.show_hit(hit)

    @Slot(str)
    def _on_field_text_changed(self, _text: str) -> None:
        if self._trend_dock is not None and self._trend_dock.isVisible():
            self._trend_timer.start()

    @Slot(str)
    def _on_trend_report_activated(self, report_id: str) -> None:
        """A year was clicked: open its report and list the query's hits in it."""
        if report_id != self._library.current_id() and not self._library.open_entry(report_id):
            return
        self._panel.set_scope(SearchScope.REPORT)
        self._panel.run_search()
        self._panel.next_hit()

    @Slot(str)
    def _on_trend_collection_chosen(self, collection_id: str) -> None:
        self._trend_choice = collection_id
        self.update_trend()

    @Slot(str)
    def _on_trend_hovered(self, text: str) -> None:
        if text:
            self.status_message.emit(text)

    @Slot(str)
    def _on_library_current_changed(self, entry_id: str) -> None:
        """A report from outside the library has no collection to search; a library report has."""
        why = self.tr("The report shown is not in the library")
        self._panel.set_scope_available(SearchScope.COLLECTION, bool(entry_id), why)
        if self._panel.scope() is SearchScope.COLLECTION and self._panel.field().text().strip():
            self._panel.run_search()  # another report: another collection (or none)

    @Slot()
    def _on_library_changed(self) -> None:
        """A report was added or removed: the index is rebuilt (only that report's shard)."""
        if self._builder is not None:
            self._builder.cancel()
            self._builder.wait()
            self._builder.deleteLater()
            self._builder = None
        had_index = self._index is not None
        self._index = None
        if had_index:
            self.ensure_index()

    def trend_dock(self) -> QDockWidget | None:
        return self._trend_dock
