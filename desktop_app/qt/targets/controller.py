"""Opening the Targets & outcomes view for a library collection, with its pairs loaded off the UI.

The main window owns one :class:`TargetsController` and calls :meth:`TargetsController.show`.
Pairs come from the cache when it answers for the library as it is (milliseconds); otherwise the
reports are loaded and paired on a worker thread while the view says so, and the cache is written
for next time (:mod:`desktop_app.core.targets.cache`). Each thread opens the library itself: a
SQLite connection belongs to the thread that made it, and with the catalogue up to date opening
takes a few milliseconds. A click on a target or an outcome becomes
:attr:`TargetsController.open_requested` with the library entry to open: the main window opens it
(one report-switching mechanism, the window's) and shows the sentence.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QWidget

from desktop_app.core.language import Language
from desktop_app.core.library import Library, LibraryError
from desktop_app.core.presentation import fill
from desktop_app.core.targets.cache import (
    CollectionPairs,
    cached_pairs,
    collection_pairs,
    default_cache_file,
)
from desktop_app.core.targets.types import FigureRef
from desktop_app.qt.collection_picker import collection_name, listed_ids
from desktop_app.qt.settings import Settings
from desktop_app.qt.targets.view import TargetsView
from desktop_app.qt.workers import hold_collection

__all__ = ["TargetsController"]

NATIONAL = "national"


class TargetsController(QObject):
    """Shows the Targets & outcomes view and keeps its pairs in line with the library.

    Args:
        parent: The main window: the view is a window of its own, on top of it.
        lang: The view's language.
        library_opener: Opens the library (tests open one in a folder of their own); called on
            the thread that uses it.
        settings: The reader's settings, where the view keeps its Show as choice (list or grid).

    Signals:
        open_requested(str, object): open library entry ``str`` at a figure (a
            :class:`~desktop_app.core.targets.types.FigureRef`: its ``sentence_span`` and ``figure``).
        status_message(str): a line for the status bar.
    """

    open_requested = Signal(str, object)
    status_message = Signal(str)
    _loaded = Signal(object, int)  # a CollectionPairs (or an exception) from the worker, and its run
    _progress = Signal(int, int)

    def __init__(
        self,
        parent: QWidget,
        lang: Language = Language.ZH,
        *,
        library_opener: Callable[[], Library] = Library.open,
        settings: Settings | None = None,
    ) -> None:
        super().__init__(parent)
        self._open_library = library_opener
        self._settings = settings
        self._window = parent
        self._lang = lang
        self._view: TargetsView | None = None
        self._result: CollectionPairs | None = None
        self._collection = NATIONAL
        self._page_size = "A4"
        self._include_unreviewed = False
        self._run = 0
        self._threads: list[threading.Thread] = []  # a collection picked while one loads: two
        self._loaded.connect(self._on_loaded, Qt.ConnectionType.QueuedConnection)
        self._progress.connect(self._on_progress, Qt.ConnectionType.QueuedConnection)

    def view(self) -> TargetsView | None:
        """The view, once shown."""
        return self._view

    def show(self, collection: str | None = None, *, report: str = "") -> TargetsView:
        """Show the view (creating it the first time) and load a collection's pairs into it.

        Args:
            collection: The collection to show; None: the collection of library entry ``report``
                (the report being read), else the one shown last (national at first).
            report: The library entry the reader is reading ("" for none).
        """
        if self._view is None:
            view = TargetsView(self._window, lang=self._lang, settings=self._settings)
            view.setWindowFlag(Qt.WindowType.Window, True)
            view.sentence_requested.connect(self._on_view_sentence_requested)
            view.status_message.connect(self.status_message)
            view.collection_chosen.connect(self._on_view_collection_chosen)
            screen = self._window.screen().availableGeometry() if self._window.screen() else None
            width, height = (
                (1200, 760) if screen is None else (min(1200, screen.width()), min(760, screen.height()))
            )
            view.resize(width, height)
            view.set_page_size(self._page_size)
            self._view = view
        view = self._view
        again = view.isVisible()
        self._load(collection, report)
        view.show()
        if again:  # already open behind the window: bring it to the front
            view.raise_()
            view.activateWindow()
        return view

    def collection(self) -> str:
        """The id of the collection shown (or being loaded)."""
        return self._collection

    def set_include_unreviewed(self, include: bool) -> None:
        """Pair proposed figures too (View › Show unreviewed figures); such pairs are marked.

        Pairs with unreviewed figures are never cached: they are paired afresh on the worker thread.
        An open view is loaded again when this changes.
        """
        if include == self._include_unreviewed:
            return
        self._include_unreviewed = include
        if self._view is not None and self._view.isVisible():
            self._load(self._collection)

    def set_page_size(self, name: str) -> None:
        """The paper (``"A4"`` or ``"Letter"``, File › Paper size) the view prints and exports on."""
        self._page_size = name
        if self._view is not None:
            self._view.set_page_size(name)

    def set_language(self, lang: Language) -> None:
        self._lang = lang

    def wait(self, timeout: float = 60.0) -> bool:
        """Block until every load on a worker thread has finished (tests, benchmarks, closing)."""
        deadline = time.monotonic() + timeout
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        return not any(thread.is_alive() for thread in self._threads)

    # --- loading -----------------------------------------------------------------------------------

    def _load(self, asked: str | None, report: str = "") -> None:
        view = self._view
        assert view is not None
        self._run += 1
        run = self._run
        try:
            library = self._open_library()
        except (OSError, LibraryError, sqlite3.Error) as error:
            view.show_message(fill(self.tr("The library could not be opened: %1"), str(error)))
            return
        try:
            collections = library.collections()
            collection = self._collection_to_show(library, asked, report, listed_ids(collections))
            self._collection = collection
            view.set_collections(collections, collection, self._lang)
            names = {c.id: collection_name(c, self._lang) for c in collections}
            view.set_collection_name(names.get(collection, collection))
            cache_file = default_cache_file(library.data_dir, collection)
            unreviewed = self._include_unreviewed
            cached = None if unreviewed else cached_pairs(library, collection, cache_file)
        finally:
            library.close()
        if cached is not None:
            self._on_loaded(cached, run)
            return
        view.set_pairs(())  # not the last collection's pairs under this one's name
        view.show_message(self.tr("Reading the reports…"))
        opener = self._open_library
        release_collection = hold_collection()

        def work() -> None:
            result: object
            try:
                with opener() as own:
                    result = collection_pairs(
                        own,
                        collection,
                        default_cache_file(own.data_dir, collection),
                        progress=lambda done, total: self._progress.emit(done, total),
                        include_unreviewed=unreviewed,
                    )
            except Exception as error:
                result = error
            try:
                with contextlib.suppress(RuntimeError):  # the window closed meanwhile: nobody to tell
                    self._loaded.emit(result, run)
            finally:
                release_collection()

        thread = threading.Thread(target=work, name="targets-pairs", daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()]
        self._threads.append(thread)
        thread.start()

    def _collection_to_show(self, library: Library, asked: str | None, report: str, listed: list[str]) -> str:
        """The collection asked for; else the report's; else the last shown; one with reports if listed."""
        collection = asked
        if collection is None:
            entry = library.get(report) if report else None
            collection = entry.collection if entry is not None else self._collection
        if listed and collection not in listed:
            return NATIONAL if NATIONAL in listed else listed[0]
        return collection

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if self._view is not None:
            self._view.show_message(fill(self.tr("Reading the reports… %1 of %2"), done, total))

    @Slot(object, int)
    def _on_loaded(self, result: object, run: int) -> None:
        if run != self._run or self._view is None:
            return  # a later load replaced this one
        if not isinstance(result, CollectionPairs):
            self._view.show_message(fill(self.tr("The pairs could not be computed: %1"), str(result)))
            return
        self._result = result
        self._view.set_pairs(result.pairs)
        if not result.pairs:
            message = self.tr("No targets with a series in this collection yet.")
            if len(self._view.collection_choices()) > 1:
                # E.g. a reader's import of a later report: its outcomes answer another collection's targets.
                message += " " + self.tr(
                    "Targets set in another collection are shown when you choose it above."
                )
            self._view.show_message(message)
        if result.skipped:
            self.status_message.emit(
                fill(
                    self.tr("%1 reports could not be read: %2"),
                    len(result.skipped),
                    ", ".join(result.skipped),
                )
            )

    @Slot(str)
    def _on_view_collection_chosen(self, collection: str) -> None:
        if collection != self._collection:
            self._load(collection)

    @Slot(object)
    def _on_view_sentence_requested(self, figure: object) -> None:
        if not isinstance(figure, FigureRef) or self._result is None:
            return
        entry = self._result.entries.get(figure.report)
        if entry is None:
            self.status_message.emit(fill(self.tr("Report %1 is not in the library."), figure.report))
            return
        self.open_requested.emit(entry, figure)
