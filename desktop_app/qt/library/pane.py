"""The library pane: collections and their reports, filters, recently opened, add and remove.

The pane shows what it is given and says what the reader asked for through signals; the library
controller decides what opening, adding and removing mean.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.library import Collection, Entry
from desktop_app.core.model import Level
from desktop_app.core.presentation import fill, visible_text
from desktop_app.qt.library.model import LibraryFilter, LibraryModel, level_label, parse_years
from desktop_app.qt.models.roles import DOMAIN_ROLE, ITEM_ID_ROLE

__all__ = ["LibraryPane"]

RECENT_SHOWN = 5
NARROW = 280
"""Below this width (px) the pane lists titles and years only: the review counts make room for the titles
(they stay in each row's tooltip)."""


class LibraryPane(QWidget):
    """Collections → reports (newest first), a filter row, recently opened, Open/Add/Remove.

    Signals:
        open_requested(str): the reader asked to open a report (its entry id).
        add_requested(): the reader asked to add a report file to the library.
        remove_requested(str): the reader asked to remove a report (its entry id).
        add_shown_requested(): the reader asked to add the report shown (a file from outside).
    """

    open_requested = Signal(str)
    add_requested = Signal()
    remove_requested = Signal(str)
    add_shown_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("libraryPane")
        self.setAccessibleName(self.tr("Library"))
        self._lang = Language.ZH
        self._loaded = False

        self._status = QLabel(self.tr("Loading the library…"))
        self._status.setObjectName("libraryStatus")
        self._status.setTextFormat(Qt.TextFormat.PlainText)
        self._status.setWordWrap(True)

        # The report the window shows when it is a file from outside the library, and its Add button.
        self._outside = QLabel()
        self._outside.setObjectName("libraryOutside")
        self._outside.setTextFormat(Qt.TextFormat.PlainText)
        self._outside.setWordWrap(True)
        self._add_shown_button = QPushButton(self.tr("Add to library"))
        self._add_shown_button.setObjectName("libraryAddShown")
        self._add_shown_button.clicked.connect(self.add_shown_requested)
        self._outside_box = QWidget()
        self._outside_box.setObjectName("libraryOutsideBox")
        outside_layout = QHBoxLayout(self._outside_box)
        outside_layout.setContentsMargins(0, 0, 0, 0)
        outside_layout.addWidget(self._outside, 1)
        outside_layout.addWidget(self._add_shown_button, 0, Qt.AlignmentFlag.AlignTop)
        self._outside_box.hide()

        self._level = QComboBox()
        self._level.setObjectName("libraryLevel")
        self._level.setAccessibleName(self.tr("Level"))
        self._region = QComboBox()
        self._region.setObjectName("libraryRegion")
        self._region.setAccessibleName(self.tr("Region"))
        self._years = QLineEdit()
        self._years.setObjectName("libraryYears")
        self._years.setAccessibleName(self.tr("Years"))
        self._years.setPlaceholderText(self.tr("Years: 2025, 2010-2025"))
        self._years.setClearButtonEnabled(True)
        self._fill_levels()
        self._region.addItem(self.tr("All regions"), "")
        # The filters shrink (texts elided) with a narrow dock rather than widen it (1024-px screens).
        for box in (self._level, self._region):
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(3)
        self._years.setMinimumWidth(self._years.fontMetrics().horizontalAdvance("0000-0000"))

        self._model = LibraryModel(self)
        self._filter = LibraryFilter(self)
        self._filter.setSourceModel(self._model)
        self._tree = QTreeView()
        self._tree.setObjectName("libraryTree")
        self._tree.setAccessibleName(self.tr("Reports in the library"))
        self._tree.setModel(self._filter)
        self._tree.setUniformRowHeights(True)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.setAllColumnsShowFocus(True)
        header = self._tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(LibraryModel.TITLE, QHeaderView.ResizeMode.Stretch)
        # Fitted once per listing (set_library): fitting on every change would read every row.
        for column in (LibraryModel.YEAR, LibraryModel.CONFIRMED, LibraryModel.UNREVIEWED):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        self._tree.activated.connect(self._on_tree_activated)
        self._tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

        self._errors = QLabel()
        self._errors.setObjectName("libraryErrors")
        self._errors.setTextFormat(Qt.TextFormat.PlainText)
        self._errors.setWordWrap(True)
        self._errors.hide()

        self._recent = QListWidget()
        self._recent.setObjectName("libraryRecent")
        self._recent.setAccessibleName(self.tr("Recently opened"))
        self._recent.itemActivated.connect(self._on_recent_activated)
        # Low minimums: the dock shares a 600-px screen's height with the trends dock below it.
        self._recent.setMinimumHeight(self._recent.fontMetrics().height() * 2)
        self._tree.setMinimumHeight(self._tree.fontMetrics().height() * 4)
        recent_box = QWidget()
        recent_layout = QVBoxLayout(recent_box)
        recent_layout.setContentsMargins(0, 0, 0, 0)
        recent_caption = QLabel(self.tr("Recently opened"))
        recent_caption.setObjectName("sectionCaption")
        recent_layout.addWidget(recent_caption)
        recent_layout.addWidget(self._recent)

        self._open_button = QPushButton(self.tr("&Open"))
        self._open_button.setObjectName("libraryOpen")
        self._open_button.clicked.connect(self._on_open_clicked)
        self._add_button = QPushButton(self.tr("&Add…"))
        self._add_button.setObjectName("libraryAdd")
        self._add_button.clicked.connect(self.add_requested)
        self._remove_button = QPushButton(self.tr("&Remove"))
        self._remove_button.setObjectName("libraryRemove")
        self._remove_button.clicked.connect(self._on_remove_clicked)
        for button in (self._open_button, self._add_button, self._remove_button):
            # As wide as the text, not the style's 80 px at least: the three fit a narrow dock.
            text = button.text().replace("&", "")
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(text) + 20)

        self._level.currentIndexChanged.connect(self._on_filter_changed)
        self._region.currentIndexChanged.connect(self._on_filter_changed)
        self._years.textChanged.connect(self._on_filter_changed)

        filters = QHBoxLayout()
        filters.addWidget(self._level, 1)
        filters.addWidget(self._region, 1)
        filters.addWidget(self._years, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self._open_button)
        buttons.addWidget(self._add_button)
        buttons.addWidget(self._remove_button)
        buttons.addStretch(1)
        upper = QWidget()
        upper_layout = QVBoxLayout(upper)
        upper_layout.setContentsMargins(0, 0, 0, 0)
        upper_layout.addLayout(filters)
        upper_layout.addWidget(self._tree, 1)
        upper_layout.addWidget(self._errors)
        upper_layout.addLayout(buttons)
        split = QSplitter(Qt.Orientation.Vertical)
        split.setObjectName("librarySplitter")
        split.addWidget(upper)
        split.addWidget(recent_box)
        split.setStretchFactor(0, 4)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self._status)
        layout.addWidget(self._outside_box)
        layout.addWidget(split, 1)
        self._update_buttons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        narrow = event.size().width() < NARROW
        for column in (LibraryModel.CONFIRMED, LibraryModel.UNREVIEWED):
            self._tree.setColumnHidden(column, narrow)

    # --- filling ----------------------------------------------------------------------------

    def set_language(self, lang: Language | str) -> None:
        self._lang = Language.from_tag(lang)
        self._model.set_language(self._lang)
        chosen = self._level.currentData()
        self._fill_levels()
        self._level.setCurrentIndex(max(self._level.findData(chosen), 0))

    def set_library(
        self, collections: Sequence[Collection], entries: Sequence[Entry], *, message: str = ""
    ) -> None:
        """Show the library's collections and entries; ``message`` says what happened (e.g. rebuilt)."""
        current = self.selected_id()
        self._loaded = True
        self._model.set_library(collections, entries)
        regions = sorted({e.region for e in entries if e.region})
        chosen = self._region.currentData()
        self._region.blockSignals(True)
        self._region.clear()
        self._region.addItem(self.tr("All regions"), "")
        for region in regions:
            self._region.addItem(visible_text(region, 30), region)
        self._region.setCurrentIndex(max(self._region.findData(chosen), 0))
        self._region.blockSignals(False)
        self._fit_tree()
        broken = sum(1 for e in entries if e.broken)
        status = fill(self.tr("%1 reports in %2 collections"), len(entries), len(collections))
        if broken:
            status += fill(self.tr("; %1 cannot be opened (in red)"), broken)
        self._status.setText("\n".join(p for p in (message, status) if p))
        if current:
            self.select(current)
        self._update_buttons()

    def set_recent(self, entries: Sequence[Entry]) -> None:
        """The reports opened last, newest first."""
        self._recent.clear()
        for entry in entries[:RECENT_SHOWN]:
            year = f"{entry.year} · " if entry.year is not None else ""
            item = QListWidgetItem(year + visible_text(entry.title, 60))
            item.setData(ITEM_ID_ROLE, entry.id)
            self._recent.addItem(item)

    def set_current(self, entry_id: str) -> None:
        """Mark the report the window shows (bold), and select it."""
        self._model.set_current(entry_id)
        self.select(entry_id)

    def set_outside(self, title: str) -> None:
        """Say that the report shown (``title``) is not in the library, with its Add button ("": hide)."""
        if title:
            self._outside.setText(fill(self.tr("Shown now, not in the library: %1"), visible_text(title, 80)))
        self._outside_box.setVisible(bool(title))

    def outside_text(self) -> str:
        """What the pane says about a report shown from outside the library ("" when it says nothing)."""
        return self._outside.text() if self._outside_box.isVisibleTo(self) else ""

    def set_message(self, message: str) -> None:
        self._status.setText(message)

    # --- reading ----------------------------------------------------------------------------

    def is_loaded(self) -> bool:
        return self._loaded

    def tree(self) -> QTreeView:
        return self._tree

    def model(self) -> LibraryModel:
        return self._model

    def filter_model(self) -> LibraryFilter:
        return self._filter

    def recent_list(self) -> QListWidget:
        return self._recent

    def status_text(self) -> str:
        return self._status.text()

    def errors_text(self) -> str:
        return self._errors.text() if self._errors.isVisibleTo(self) else ""

    def selected_entry(self) -> Entry | None:
        item = self._tree.currentIndex().data(DOMAIN_ROLE)
        return item if isinstance(item, Entry) else None

    def selected_id(self) -> str:
        entry = self.selected_entry()
        return entry.id if entry is not None else ""

    def select(self, entry_id: str) -> bool:
        index = self._filter.mapFromSource(self._model.index_for_entry(entry_id))
        if not index.isValid():
            return False
        self._tree.setCurrentIndex(index)
        self._tree.scrollTo(index)
        return True

    def set_filter(self, *, level: str = "", region: str = "", years: str = "") -> None:
        """Set the filter row as a reader would (level and region codes, years as typed)."""
        self._level.setCurrentIndex(max(self._level.findData(level), 0))
        self._region.setCurrentIndex(max(self._region.findData(region), 0))
        self._years.setText(years)

    def visible_entries(self) -> list[Entry]:
        """The reports the filter keeps, in the order shown."""
        shown: list[Entry] = []
        for row in range(self._filter.rowCount()):
            parent = self._filter.index(row, 0)
            for child in range(self._filter.rowCount(parent)):
                entry = self._filter.index(child, 0, parent).data(DOMAIN_ROLE)
                if isinstance(entry, Entry):
                    shown.append(entry)
        return shown

    # --- internals --------------------------------------------------------------------------

    def _fill_levels(self) -> None:
        self._level.blockSignals(True)
        self._level.clear()
        self._level.addItem(self.tr("All levels"), "")
        for level in Level:
            self._level.addItem(level_label(level.value, self._lang), level.value)
        self._level.blockSignals(False)

    def _fit_tree(self) -> None:
        """Collections' names across the row; the number columns as wide as their numbers."""
        self._tree.expandAll()
        for row in range(self._filter.rowCount()):
            self._tree.setFirstColumnSpanned(row, QModelIndex(), True)
        metrics = self._tree.fontMetrics()
        for column, sample in (
            (LibraryModel.YEAR, "0000"),
            (LibraryModel.CONFIRMED, "0000"),
            (LibraryModel.UNREVIEWED, "0000"),
        ):
            self._tree.header().resizeSection(column, metrics.horizontalAdvance(sample) + 16)

    def _update_buttons(self) -> None:
        entry = self.selected_entry()
        self._open_button.setEnabled(entry is not None and not entry.broken)
        read_only = {c.id for c in self._model.collections() if c.read_only}
        self._remove_button.setEnabled(entry is not None and entry.collection not in read_only)

    @Slot()
    def _on_filter_changed(self) -> None:
        years = parse_years(self._years.text())
        self._years.setProperty("invalid", years is None)
        self._years.setToolTip("" if years is not None else self.tr("Type a year or two: 2025, 2010-2025"))
        self._filter.set_filter(self._level.currentData() or "", self._region.currentData() or "", years)
        self._fit_tree()

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        entry = current.data(DOMAIN_ROLE)
        if isinstance(entry, Entry) and entry.broken:
            self._errors.setText(
                fill(self.tr("%1 cannot be opened:\n%2"), entry.path.name, "\n".join(entry.errors[:10]))
            )
            self._errors.show()
        else:
            self._errors.hide()
        self._update_buttons()

    @Slot(QModelIndex)
    def _on_tree_activated(self, index: QModelIndex) -> None:
        entry = index.data(DOMAIN_ROLE)
        if isinstance(entry, Entry) and not entry.broken:
            self.open_requested.emit(entry.id)

    @Slot()
    def _on_open_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None and not entry.broken:
            self.open_requested.emit(entry.id)

    @Slot()
    def _on_remove_clicked(self) -> None:
        entry = self.selected_entry()
        if entry is not None:
            self.remove_requested.emit(entry.id)

    @Slot(QListWidgetItem)
    def _on_recent_activated(self, item: QListWidgetItem) -> None:
        entry_id = item.data(ITEM_ID_ROLE)
        if isinstance(entry_id, str):
            self.open_requested.emit(entry_id)
