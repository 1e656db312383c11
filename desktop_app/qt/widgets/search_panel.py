"""Search as you type: the search field, the search filter, the result list, stepping through hits.

The panel only finds and lists hits; :class:`~desktop_app.qt.search_controller.SearchController`
decides what selecting a hit means (select its node in the tree, highlight it in the source view).
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.presentation import fill, visible_text
from desktop_app.core.search.hits import HitPlaces
from desktop_app.core.search.query import MAX_QUERY_LENGTH
from desktop_app.core.search.types import Hit, NodeKind
from desktop_app.qt.models.search_results import SearchResultsModel
from desktop_app.qt.widgets.hit_delegate import HitDelegate

if TYPE_CHECKING:
    # The index pulls in pypinyin and OpenCC (~0.4 s): it is imported at the first search.
    from desktop_app.core.library.search import LibraryResults
    from desktop_app.core.search.index import SearchIndex
    from desktop_app.qt.models.library_results import LibraryResultsModel

DEBOUNCE_MS: Final = 120
MAX_LISTED: Final = 2000
MAX_SUGGESTIONS_SHOWN: Final = 3


class SearchFilter(enum.StrEnum):
    """Which hits the list keeps (the word "scope" belongs to :mod:`desktop_app.core.scope`)."""

    EVERYTHING = "all"
    FIGURES = "figures"
    QUOTES = "quotes"
    ARTICLE = "article"
    GOAL = "goal"


_FILTER_KINDS: Final[dict[SearchFilter, frozenset[NodeKind]]] = {
    SearchFilter.FIGURES: frozenset({NodeKind.INDICATOR, NodeKind.DERIVED}),
    SearchFilter.QUOTES: frozenset({NodeKind.QUOTE}),
    SearchFilter.ARTICLE: frozenset({NodeKind.PARAGRAPH}),
}


class SearchScope(enum.StrEnum):
    """Which reports a search covers: the one shown, its collection, or the whole library."""

    REPORT = "report"
    COLLECTION = "collection"
    LIBRARY = "library"


LibrarySearch = Callable[[str, SearchScope], "LibraryResults | str | None"]
"""Searches the library for a query in a scope; None while the library index is not ready, a
message when the scope cannot be searched (the report shown has no collection)."""


class SearchPanel(QWidget):
    """Search field, search filter, tree-filter toggle, "i / N" and the result list.

    Signals:
        hit_selected(object): the current Hit changed.
        hits_changed(object): the list of Hits for the current query, in list order.
        cleared(): Esc or an emptied field ended the search.
        filter_toggled(bool): the reader asked the tree to show only matching nodes.
        results_shown(bool): the list was filled (True: it shows hits) or emptied (False: at most a
            message shows); emitted on every search, so the column can fit the panel each time.
        scope_changed(object): the reader chose which reports to search (a SearchScope).
        library_hit_selected(str, object): in a library scope, the current hit changed: the report's
            id and the Hit (node ids and span the report's own).
    """

    hit_selected = Signal(object)
    hits_changed = Signal(object)
    cleared = Signal()
    filter_toggled = Signal(bool)
    results_shown = Signal(bool)
    scope_changed = Signal(object)
    library_hit_selected = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._index: SearchIndex | None = None
        self._index_factory: Callable[[], SearchIndex] | None = None
        self._places: HitPlaces | None = None
        self._lang = Language.ZH
        self._goal_members: Callable[[], set[str] | None] = lambda: None
        self._hits: list[Hit] = []
        self._current = -1
        self._truncated = False
        self._library_search: LibrarySearch | None = None
        self._library_model: LibraryResultsModel | None = None
        self._hit_reports: list[str] = []  # in a library scope: the report of each listed hit

        self._field = QLineEdit()
        self._field.setObjectName("searchField")
        self._field.setAccessibleName(self.tr("Search the report"))
        # Kinds of query, not one report's words: the panel serves every report (issue 14).
        self._field.setPlaceholderText(self.tr("Search: words, pinyin, initials, numbers …"))
        self._field.setClearButtonEnabled(True)
        self._field.setMaxLength(MAX_QUERY_LENGTH)
        self._field.installEventFilter(self)
        self._filter_box = QComboBox()
        self._filter_box.setObjectName("searchFilter")
        self._filter_box.setAccessibleName(self.tr("Search filter"))
        for label, value in (
            (self.tr("Everything"), SearchFilter.EVERYTHING),
            (self.tr("Figures"), SearchFilter.FIGURES),
            (self.tr("Quotes"), SearchFilter.QUOTES),
            (self.tr("Article text"), SearchFilter.ARTICLE),
            (self.tr("Current goal area"), SearchFilter.GOAL),
        ):
            self._filter_box.addItem(label, value.value)
        self._scope_box = QComboBox()
        self._scope_box.setObjectName("searchScope")
        self._scope_box.setAccessibleName(self.tr("Search scope"))
        for label, scope in (
            (self.tr("This report"), SearchScope.REPORT),
            (self.tr("This collection"), SearchScope.COLLECTION),
            (self.tr("All reports"), SearchScope.LIBRARY),
        ):
            self._scope_box.addItem(label, scope.value)
        # The scope and filter share one row with the tree filter: on a narrow column they shrink
        # (their texts elided) rather than widen the column.
        for box in (self._scope_box, self._filter_box):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(2)
        self._progress = QProgressBar()
        self._progress.setObjectName("searchProgress")
        self._progress.setAccessibleName(self.tr("Indexing the library"))
        self._progress.setRange(0, 1000)
        self._progress.setTextVisible(True)
        self._progress.hide()
        self._tree_filter = QCheckBox(self.tr("Filter tree"))
        self._tree_filter.setObjectName("searchFilterTree")
        self._position = QLabel()
        self._position.setObjectName("searchPosition")
        self._position.setTextFormat(Qt.TextFormat.PlainText)
        self._message = QLabel()
        self._message.setObjectName("searchMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        self._message.hide()

        self._model = SearchResultsModel(self)
        self._list = QListView()
        self._list.setObjectName("searchResults")
        self._list.setAccessibleName(self.tr("Search results"))
        self._list.setModel(self._model)
        self._list.setItemDelegate(HitDelegate(self._list))
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._list.installEventFilter(self)
        self._list.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._field.textChanged.connect(self._on_field_text_changed)
        self._filter_box.currentIndexChanged.connect(self._on_filter_changed)
        self._scope_box.currentIndexChanged.connect(self._on_scope_changed)
        self._tree_filter.toggled.connect(self.filter_toggled)

        for keys, slot in (
            (QKeySequence.StandardKey.FindNext, self.next_hit),
            (QKeySequence.StandardKey.FindPrevious, self.previous_hit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        row = QHBoxLayout()
        row.addWidget(self._scope_box, 1)
        row.addWidget(self._filter_box, 1)
        row.addWidget(self._tree_filter)
        row.addWidget(self._position)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._field)
        layout.addLayout(row)
        layout.addWidget(self._progress)
        layout.addWidget(self._message)
        layout.addWidget(self._list, 1)

    # --- configuration by the controller ----------------------------------------------------

    def set_source(
        self,
        factory: Callable[[], SearchIndex],
        places: HitPlaces,
        lang: Language,
        goal_members: Callable[[], set[str] | None],
    ) -> None:
        """What to search: how to build the index (lazily, at the first search), how to list hits.

        Args:
            factory: builds the report's index.
            places: the report's groups and item names.
            lang: the language of headings.
            goal_members: the ids in the current goal area (for the "current goal area" filter).
        """
        self._index = None
        self._index_factory = factory
        self._places = places
        self._lang = lang
        self._goal_members = goal_members
        if self._field.text() and self.scope() is SearchScope.REPORT:
            self.run_search()  # a library search stays as it is: its hits open other reports

    def set_library_search(self, search: LibrarySearch | None) -> None:
        """How to search the library (None: only this report can be searched)."""
        self._library_search = search
        if self.scope() is not SearchScope.REPORT and self._field.text().strip():
            self.run_search()

    def set_index_progress(self, fraction: float | None, text: str = "") -> None:
        """Show how far the library index has got (None: not building, the bar goes)."""
        if fraction is None:
            self._progress.hide()
            return
        self._progress.setValue(round(fraction * 1000))
        self._progress.setFormat(text or "%p%")
        self._progress.show()

    # --- public API -------------------------------------------------------------------------

    def scope(self) -> SearchScope:
        """Which reports the search covers."""
        return SearchScope(self._scope_box.currentData() or SearchScope.REPORT.value)

    def set_scope(self, scope: SearchScope) -> None:
        self._scope_box.setCurrentIndex(max(self._scope_box.findData(scope.value), 0))

    def set_scope_available(self, scope: SearchScope, available: bool, why: str = "") -> None:
        """Grey out a scope that cannot be searched now, ``why`` its tooltip (it stays chosen if it was)."""
        model = self._scope_box.model()
        if isinstance(model, QStandardItemModel):
            item = model.item(self._scope_box.findData(scope.value))
            if item is not None:
                item.setEnabled(available)
                item.setToolTip("" if available else why)

    def progress_bar(self) -> QProgressBar:
        return self._progress

    def hit_reports(self) -> list[str]:
        """In a library scope: the report id of each listed hit, in list order."""
        return list(self._hit_reports)

    def library_results_model(self) -> LibraryResultsModel | None:
        return self._library_model

    def field(self) -> QLineEdit:
        return self._field

    def result_list(self) -> QListView:
        return self._list

    def results_model(self) -> SearchResultsModel:
        return self._model

    def hits(self) -> list[Hit]:
        """The hits listed, in list order."""
        return list(self._hits)

    def current_hit(self) -> Hit | None:
        return self._hits[self._current] if 0 <= self._current < len(self._hits) else None

    def current_number(self) -> int:
        """The 1-based position of the current hit, 0 when none is current."""
        return self._current + 1 if self.current_hit() is not None else 0

    def total_text(self) -> str:
        """How many hits, ``2000+`` when the list was cut."""
        return f"{len(self._hits)}+" if self._truncated else str(len(self._hits))

    def position_text(self) -> str:
        return self._position.text()

    def message_text(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def set_filter(self, search_filter: SearchFilter) -> None:
        self._filter_box.setCurrentIndex(max(self._filter_box.findData(search_filter.value), 0))

    def compact_height(self) -> int:
        """The height the panel needs without a result list: field, filter row and any message."""
        layout = self.layout()
        width = max(self.width(), self.minimumSizeHint().width())
        if layout is not None and layout.hasHeightForWidth():
            return layout.totalHeightForWidth(width)
        return (
            self.sizeHint().height() if self._message.isVisibleTo(self) else self.minimumSizeHint().height()
        )

    def _list_model(self) -> SearchResultsModel | LibraryResultsModel:
        """The model the list shows now: this report's results, or the library's."""
        if self.scope() is not SearchScope.REPORT and self._library_model is not None:
            return self._library_model
        return self._model

    def index(self) -> SearchIndex | None:
        if self._index is None and self._index_factory is not None:
            self._index = self._index_factory()
        return self._index

    @Slot()
    def run_search(self) -> None:
        """Search now (the field's debounce timer calls this)."""
        self._timer.stop()
        query = self._field.text().strip()
        if self.scope() is not SearchScope.REPORT:
            self._run_library_search(query)
            return
        index = self.index()
        if not query or index is None:
            self._show_hits([], "")
            return
        # A limit keeps a huge corpus responsive; the count then reads "2000+".
        found = index.search(query, limit=MAX_LISTED + 1)
        self._truncated = len(found) > MAX_LISTED
        hits = self._filtered(found[:MAX_LISTED])
        message = ""
        if not hits and found:
            message = fill(
                self.tr("Nothing found for “%1” with this filter; %2 found in everything."),
                visible_text(query, 40),
                len(found),
            )
        elif not hits:
            shown = visible_text(query, 40)
            suggestions = [s for s in index.suggest(query) if s != query][:MAX_SUGGESTIONS_SHOWN]
            if suggestions:
                quoted = self.tr("“%1”")
                listed = self.tr(", ").join(fill(quoted, visible_text(s, 30)) for s in suggestions)
                message = fill(self.tr("Nothing found for “%1”. Did you mean %2?"), shown, listed)
            else:
                message = fill(self.tr("Nothing found for “%1”."), shown)
        self._show_hits(hits, message)

    @Slot()
    def next_hit(self) -> None:
        self._step(1)

    @Slot()
    def previous_hit(self) -> None:
        self._step(-1)

    @Slot()
    def clear(self) -> None:
        """End the search: empty field, no results; the controller restores the reader's place."""
        self._timer.stop()
        had_query = bool(self._field.text())
        self._field.blockSignals(True)
        self._field.clear()
        self._field.blockSignals(False)
        self._show_hits([], "")
        if had_query:
            self.cleared.emit()

    # --- internals --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                self._step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if key == Qt.Key.Key_Down and self._list_model().hit_count():
                self._list.setFocus()
                if self._list_model().hit_number(self._list.currentIndex().row()) is None:
                    self._step(1)  # land on the first hit, not on a heading
                return True
        if (
            watched is self._list
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Escape
        ):
            self.clear()
            self._field.setFocus()
            return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_field_text_changed(self, text: str) -> None:
        if not text.strip():
            self._show_hits([], "")
            self.cleared.emit()
            return
        self._timer.start()

    def _run_library_search(self, query: str) -> None:
        """Search the library (the scope chosen); the results list reports with their counts."""
        if not query:
            self._show_library_results(None, "")
            return
        if self._library_search is None:
            self._show_library_results(None, self.tr("The library cannot be searched here."))
            return
        results = self._library_search(query, self.scope())
        if results is None:
            self._show_library_results(None, self.tr("The library is being indexed; the results follow."))
            return
        if isinstance(results, str):
            self._show_library_results(None, results)
            return
        message = "" if results.groups else fill(self.tr("Nothing found for “%1”."), visible_text(query, 40))
        self._show_library_results(results, message)

    def _show_library_results(self, results: LibraryResults | None, message: str) -> None:
        from desktop_app.qt.models.library_results import LibraryResultsModel

        if self._library_model is None:
            self._library_model = LibraryResultsModel(self)
        if self._list.model() is not self._library_model:
            self._list.setModel(self._library_model)
            self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._current = -1
        self._truncated = False
        listed = self._library_model.set_results(results, self._lang)
        self._hit_reports = [report_id for report_id, _hit in listed]
        self._hits = [hit for _report_id, hit in listed]
        self._list.setVisible(bool(listed))
        self._message.setText(message)
        self._message.setVisible(bool(message))
        self._update_position()
        self.hits_changed.emit([])  # the tree shows this report's counts only
        self.results_shown.emit(bool(listed))

    @Slot(int)
    def _on_scope_changed(self, _index: int) -> None:
        scope = self.scope()
        library = scope is not SearchScope.REPORT
        self._filter_box.setEnabled(not library)
        self._tree_filter.setEnabled(not library)
        if not library and self._list.model() is not self._model:
            self._list.setModel(self._model)
            self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self.scope_changed.emit(scope)
        if self._field.text().strip():
            self.run_search()
        else:
            self._show_hits([], "") if not library else self._show_library_results(None, "")

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        if self._field.text().strip():
            self.run_search()

    def _filtered(self, hits: Sequence[Hit]) -> list[Hit]:
        choice = SearchFilter(self._filter_box.currentData() or SearchFilter.EVERYTHING.value)
        kinds = _FILTER_KINDS.get(choice)
        if kinds is not None:
            return [h for h in hits if h.node_kind in kinds]
        if choice is SearchFilter.GOAL:
            members = self._goal_members()
            return [h for h in hits if members is None or h.node_id in members]
        return list(hits)

    def _show_hits(self, hits: list[Hit], message: str) -> None:
        if self.scope() is not SearchScope.REPORT:
            self._show_library_results(None, message)
            return
        self._hit_reports = []
        self._current = -1
        # Stepping follows the list as shown (grouped), so "i / N" matches what the reader sees.
        self._hits = self._model.set_hits(hits, self._places, self._lang)
        self._list.setVisible(bool(hits))
        self._message.setText(message)
        self._message.setVisible(bool(message))
        self._update_position()
        self.hits_changed.emit(list(self._hits))
        self.results_shown.emit(bool(hits))

    def _step(self, delta: int) -> None:
        if not self._hits:
            return
        self._current = (
            (self._current + delta) % len(self._hits)
            if self._current >= 0
            else (0 if delta > 0 else len(self._hits) - 1)
        )
        model = self._list_model()
        row = model.row_of_hit(self._current)
        self._list.setCurrentIndex(model.index(row, 0))
        self._list.scrollTo(model.index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        number = self._list_model().hit_number(current.row())
        if number is None or number >= len(self._hits):
            return
        self._current = number
        self._update_position()
        if self._hit_reports:
            self.library_hit_selected.emit(self._hit_reports[number], self._hits[number])
        else:
            self.hit_selected.emit(self._hits[number])

    def _update_position(self) -> None:
        if not self._field.text().strip():
            self._position.setText("")
        elif self._current >= 0:
            self._position.setText(f"{self._current + 1} / {self.total_text()}")
        else:
            self._position.setText(self.total_text())
