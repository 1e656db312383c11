"""The main window: goal tree | detail pane over charts | source view.

The window owns menus, toolbar and status bar and connects the widgets; the
widgets never reach into each other. Charts (pyqtgraph) are created right after
the first paint: importing pyqtgraph costs more than the bare window.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
)

from desktop_app.core.language import Language
from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.model import (
    DerivedIndicator,
    Entity,
    GoalArea,
    Indicator,
    Quote,
    Report,
    Section,
    Span,
)
from desktop_app.core.presentation import fill, report_title
from desktop_app.qt.actions import Shortcut, make_action
from desktop_app.qt.chart_slot import ChartSlot
from desktop_app.qt.dialogs import about_box, load_error_box, settings_error_box
from desktop_app.qt.language_actions import LanguageActions
from desktop_app.qt.library.controller import LibraryController
from desktop_app.qt.library_search import LibrarySearchController
from desktop_app.qt.models.roles import NODE_PATH_ROLE
from desktop_app.qt.models.tree import GoalTreeModel, HitFilterProxy, NodeKind, TreeNode
from desktop_app.qt.navigation import Navigation
from desktop_app.qt.pane_layout import PaneLayout
from desktop_app.qt.print_actions import PrintActions
from desktop_app.qt.recent_files import RecentFiles
from desktop_app.qt.review.menu import ReviewActions
from desktop_app.qt.search_controller import SearchController
from desktop_app.qt.settings import Settings
from desktop_app.qt.unreviewed import UnreviewedControls
from desktop_app.qt.widgets.detail_pane import DetailPane
from desktop_app.qt.widgets.search_panel import SearchPanel
from desktop_app.qt.widgets.source_view import SourceView

if TYPE_CHECKING:
    from desktop_app.core.targets import FigureRef
    from desktop_app.qt.charts import ChartPanel
    from desktop_app.qt.targets import TargetsController


class MainWindow(QMainWindow):
    """Report Viewer's main window.

    Signals:
        language_change_requested(object): the reader chose a UI language (a Language, or None for
            the system's).
        first_painted(): the window has been painted and shown for the first time.
        charts_ready(): the chart panel has replaced its placeholder.
    """

    language_change_requested = Signal(object)
    first_painted = Signal()
    charts_ready = Signal()

    def __init__(self, report: Report, settings: Settings, language: Language = Language.ZH) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._lang = language
        self._report = report  # as loaded: every figure, whatever its review state
        self._unreviewed = UnreviewedControls(settings, self)
        self._unreviewed.shown_changed.connect(self._on_unreviewed_shown_changed)
        self._unreviewed.status.clicked.connect(self._on_review_status_clicked)
        self._shown = self._unreviewed.shown(report)  # what the views show (issue 14: confirmed only)
        self._targets: TargetsController | None = None
        self._charts_scheduled = False
        self._switching = False  # True while show_report() replaces the report: charts wait
        self._tree_model = GoalTreeModel(self._shown, self)
        self._tree_model.set_language(self._lang)
        self._proxy = HitFilterProxy(self)
        self._proxy.setSourceModel(self._tree_model)
        self._settings_error_box: QMessageBox | None = None
        self._navigation = Navigation(self.select_path, self)

        self._tree = QTreeView()
        self._tree.setObjectName("goalTree")
        self._tree.setAccessibleName(self.tr("Goal areas and sections"))
        self._tree.setModel(self._proxy)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a narrow tree keeps counts in view
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

        self._detail = DetailPane()
        self._detail.set_language(self._lang)
        self._detail.show_in_source_requested.connect(self._on_detail_show_in_source_requested)
        self._detail.indicator_activated.connect(self._on_indicator_activated)
        self._detail.status_message.connect(self._on_status_message)

        self._source = SourceView()
        self._source.set_language(self._lang)
        self._centre = QSplitter(Qt.Orientation.Vertical)
        self._centre.setObjectName("centreSplitter")
        self._centre.addWidget(self._detail)
        self._charts = ChartSlot(self._centre, self._lang, self)
        self._charts.indicator_activated.connect(self._on_indicator_activated)
        self._charts.status_message.connect(self._on_status_message)
        self._centre.setStretchFactor(0, 1)
        self._centre.setStretchFactor(1, 1)
        self._centre.setChildrenCollapsible(False)

        self._search = SearchPanel()
        self._left = QSplitter(Qt.Orientation.Vertical)
        self._left.setObjectName("leftSplitter")
        self._left.addWidget(self._search)
        self._left.addWidget(self._tree)
        self._left.setStretchFactor(0, 1)
        self._left.setStretchFactor(1, 3)
        self._search_controller = SearchController(self._search, self._tree, self._source, self._left, self)
        self._search_controller.status_message.connect(self._on_status_message)

        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._left)
        self._splitter.addWidget(self._centre)
        self._splitter.addWidget(self._source)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 4)
        self._splitter.setStretchFactor(2, 3)
        self.setCentralWidget(self._splitter)
        self._layout = PaneLayout(self, self._settings, self._splitter, self._centre, self._left)
        self._library = LibraryController(self, self, self._settings, self._lang)
        self._layout.keep_middle_beside(self._library.dock)
        self._library.status_message.connect(self._on_status_message)
        self._library_search = LibrarySearchController(
            self, self._search, self._search_controller, self._library, self._lang
        )
        self._library_search.status_message.connect(self._on_status_message)
        self._library_search.trends_shown.connect(self._layout.fit_centre)

        self._create_actions()
        self._create_menus()
        self.statusBar().showMessage(self.tr("Ready"))
        self.statusBar().addPermanentWidget(self._unreviewed.status)
        self.show_report(report)
        self._restore_settings()

    # --- public API (also used by tests and automation) -------------------------------------

    @property
    def report(self) -> Report:
        """The report as loaded, with every figure whatever its review state."""
        return self._report

    def shown_report(self) -> Report:
        """The report as the views show it: confirmed figures, and unreviewed ones when asked for."""
        return self._shown

    def unreviewed_controls(self) -> UnreviewedControls:
        """View › Show unreviewed figures and the status bar's count of figures awaiting review."""
        return self._unreviewed

    @property
    def language(self) -> Language:
        return self._lang

    def tree(self) -> QTreeView:
        return self._tree

    def tree_model(self) -> GoalTreeModel:
        return self._tree_model

    def tree_proxy(self) -> HitFilterProxy:
        """The filter between the tree model and the view: view indexes belong to it."""
        return self._proxy

    def detail_pane(self) -> DetailPane:
        return self._detail

    def source_view(self) -> SourceView:
        return self._source

    def chart_panel(self) -> ChartPanel | None:
        return self._charts.panel()

    def library_controller(self) -> LibraryController:
        return self._library

    def library_search(self) -> LibrarySearchController:
        return self._library_search

    def search_panel(self) -> SearchPanel:
        return self._search

    def current_path(self) -> str:
        path = self._tree.currentIndex().data(NODE_PATH_ROLE)
        return path if isinstance(path, str) else ""

    def action(self, name: str) -> QAction:
        action = self.findChild(QAction, name)
        if action is None:
            raise KeyError(name)
        return action

    def open_dataset(self, path: str | Path) -> bool:
        """Load a dataset; on failure show the loader's message and keep the current report."""
        try:
            report = load_report(path)
        except DatasetError as exc:
            self.show_load_error(exc)
            return False
        self.show_report(report)
        self._library.set_current_file(path, report_title(report, self._lang))
        self._add_recent(str(Path(path).resolve()))
        return True

    def select_path(self, path: str) -> bool:
        index = self._proxy.mapFromSource(self._tree_model.index_for_path(path))
        if not index.isValid():
            return False
        self._tree.setCurrentIndex(index)
        self._tree.scrollTo(index)
        return True

    def select_item(self, item_id: str) -> bool:
        """Select a dataset object in the tree, preferring a row under the current goal area."""
        indexes = [self._proxy.mapFromSource(i) for i in self._tree_model.indexes_for_item(item_id)]
        indexes = [i for i in indexes if i.isValid()]
        if not indexes:
            return False
        current = self._tree.currentIndex()
        top = current
        while top.parent().isValid():
            top = top.parent()
        chosen = next((i for i in indexes if i.parent() == top), indexes[0])
        self._tree.setCurrentIndex(chosen)
        self._tree.scrollTo(chosen)
        return True

    def ensure_charts(self) -> ChartPanel:
        """Create the chart panel now (normally it comes right after the first paint)."""
        panel, created = self._charts.ensure()
        if created:
            self._update_charts()
            self.charts_ready.emit()
        return panel

    # --- building ---------------------------------------------------------------------------

    def _create_actions(self) -> None:
        def make(name: str, text: str, slot: Any, shortcut: Shortcut | None = None) -> QAction:
            return make_action(self, name, text, slot, shortcut)

        keys = QKeySequence.StandardKey
        self._open_action = make("actionOpen", self.tr("&Open…"), self._on_open_triggered, keys.Open)
        self._open_bundled_action = make(
            "actionOpenBundled", self.tr("Open the &bundled report"), self._on_open_bundled_triggered
        )
        self._quit_action = make("actionQuit", self.tr("&Quit"), self.close, keys.Quit)
        self._find_action = make("actionFind", self.tr("&Find…"), self._on_find_triggered, keys.Find)
        self._show_source_action = make(
            "actionShowInSource", self.tr("Show in &source"), self._on_show_in_source_triggered, "Ctrl+L"
        )
        self._raw_action = make("actionRawText", self.tr("&Raw page text"), self._on_raw_toggled, "Ctrl+R")
        self._raw_action.setCheckable(True)
        self._source.mode_changed.connect(self._raw_action.setChecked)  # radio buttons and menu agree
        self._about_action = make(
            "actionAbout", self.tr("&About Report Viewer"), self._on_about_triggered, keys.HelpContents
        )
        self._targets_action = make(
            "actionTargets", self.tr("&Targets && Outcomes…"), self._on_targets_triggered, "Ctrl+Shift+T"
        )
        self._print_actions = PrintActions(self, self._settings, self)
        self._review_actions = ReviewActions(self, lambda: self._report, self._lang)
        self._review_actions.dataset_written.connect(self.open_dataset)
        self._print_actions.status_message.connect(self._on_status_message)
        self._languages = LanguageActions(self._settings.language(), self)
        self._languages.chosen.connect(self._on_language_chosen)
        self._open_action.setIcon(QIcon.fromTheme("document-open"))

    def _create_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._open_action)
        recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        recent_menu.setObjectName("menuRecent")
        self._recent = RecentFiles(recent_menu, self._settings)
        self._recent.open_requested.connect(self.open_dataset)
        file_menu.addAction(self._open_bundled_action)
        file_menu.addSeparator()
        self._review_actions.add_to_menu(file_menu)
        file_menu.addAction(self._library.add_action)
        file_menu.addAction(self._library.add_shown_action)
        file_menu.addAction(self._library.remove_action)
        file_menu.addSeparator()
        self._print_actions.add_to_menu(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(self._quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self._library.undo_action)
        edit_menu.addAction(self._find_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self._navigation.back_action)
        view_menu.addAction(self._navigation.forward_action)
        view_menu.addSeparator()
        view_menu.addAction(self._show_source_action)
        view_menu.addAction(self._raw_action)
        view_menu.addAction(self._unreviewed.action)
        view_menu.addSeparator()
        view_menu.addAction(self._library.show_action)
        view_menu.addAction(self._library_search.trend_action)
        view_menu.addAction(self._targets_action)
        view_menu.addActions(self._layout.actions())
        language_menu = view_menu.addMenu(self.tr("&Language"))
        language_menu.addActions(self._languages.actions())
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._about_action)

        toolbar = self._toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (
            self._navigation.back_action,
            self._navigation.forward_action,
            self._library.show_action,
            self._open_action,
            self._find_action,
            self._print_actions.print_action,
            self._print_actions.preview_action,
            self._print_actions.export_pdf_action,
            self._show_source_action,
        ):
            toolbar.addAction(action)
        self.addToolBar(toolbar)

    def show_report(self, report: Report) -> None:
        """Show ``report`` in every view, in place of the one shown: no restart needed.

        The old tree model is deleted, the search ends and its index is dropped (the next search
        builds the new report's), Back/Forward start afresh, the title names the new report. The
        old charts go at once; the new ones are built right after the window has painted.
        """
        self._report = report
        self._switching = True
        self._charts.clear()
        self._navigation.clear()
        self._show_figures()
        self.setWindowTitle(fill(self.tr("%1 — Report Viewer"), report_title(report, self._lang)))
        self.select_path("overview")
        self._navigation.restart(self.current_path())
        self._switching = False
        QTimer.singleShot(0, self, self._update_charts)

    def _show_figures(self) -> None:
        """Give every view the report as it is to be shown (unreviewed figures or not)."""
        shown = self._shown = self._unreviewed.shown(self._report)
        self._unreviewed.set_report(self._report, can_review=self._review_action() is not None)
        if self._proxy.sourceModel() is not self._tree_model or self._tree_model.report is not shown:
            model = GoalTreeModel(shown, self)
            model.set_language(self._lang)
            old = self._tree_model
            self._proxy.setSourceModel(model)
            self._tree_model = model
            old.deleteLater()
        self._search_controller.set_report(shown, self._lang)
        self._detail.set_report(shown)
        self._source.set_report(shown)

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        self._layout.restore()
        node = self._settings.selected_node()
        if node is not None:
            self.select_path(node)
        self._navigation.restart(self.current_path())

    def save_settings(self) -> str | None:
        """Save the window's layout and place; returns None, or why the settings were not written."""
        self._layout.save()
        path = self.current_path()
        if path:
            self._settings.set_selected_node(path)
        return self._sync_settings()

    def _sync_settings(self) -> str | None:
        problem = self._settings.sync()
        if problem is not None:
            self.statusBar().showMessage(fill(self.tr("Settings could not be saved: %1"), problem))
        return problem

    def _add_recent(self, path: str) -> None:
        self._recent.add(path)
        self._sync_settings()

    # --- events -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.UpdateRequest and not self._charts_scheduled and self.isVisible():
            # The window has now painted once. Charts come next: importing pyqtgraph costs more
            # than the whole bare window, so it must not delay the first paint.
            self._charts_scheduled = True
            self.first_painted.emit()
            self._library.window_painted()  # the library may load now, never before
            # The window as context: a window deleted before the timer fires builds no charts.
            QTimer.singleShot(0, self, self.ensure_charts)
        return handled

    def closeEvent(self, event: QCloseEvent) -> None:
        problem = self.save_settings()
        self._library_search.shutdown()
        self._library.shutdown()
        if self._targets is not None:
            self._targets.wait()  # its worker emits to the controller: never while the window goes
        super().closeEvent(event)
        if problem is not None:
            self._settings_error_box = settings_error_box(problem)

    def settings_error_box(self) -> QMessageBox | None:
        """The box that said the settings could not be saved when the window closed, if any."""
        return self._settings_error_box

    # --- slots ------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self._tree_model.node(self._proxy.mapToSource(current))
        if node is None:
            return
        item = node.item
        if node.kind is NodeKind.OVERVIEW:
            self._detail.show_overview()
        elif node.kind is NodeKind.SOURCE:
            self._detail.show_source_info()
        elif isinstance(item, GoalArea):
            self._detail.show_goal(item)
            self._source.show_paragraphs([item.span.paragraph_id], item.span)
        elif isinstance(item, Section):
            self._detail.show_section(item)
            self._source.show_paragraphs(item.paragraph_ids)
        elif isinstance(item, Indicator | DerivedIndicator):
            self._detail.show_indicator(item)
        elif isinstance(item, Quote):
            self._detail.show_quote(item)
        elif isinstance(item, Entity):
            self._detail.show_entity(item)
        self._update_charts()
        self._navigation.visited(self.current_path())

    def _update_charts(self) -> None:
        if not self._switching:
            self._charts.show_for(self._shown, self._current_node())

    @Slot(bool)
    def _on_unreviewed_shown_changed(self, shown: bool) -> None:
        if self._targets is not None:
            self._targets.set_include_unreviewed(shown)
        place = self.current_path()
        self._sync_settings()
        self._show_figures()
        # Stay where the reader was; a figure just hidden gives way to the goal area or section it sat in.
        while place and not self.select_path(place):
            place = place.rpartition("/")[0]
        if not place:
            self.select_path("overview")
        self._update_charts()

    def _review_action(self) -> QAction | None:
        """The review mode's action, where the window has one (File › Review figures…)."""
        return self.findChild(QAction, "actionReviewMode")

    @Slot()
    def _on_review_status_clicked(self) -> None:
        action = self._review_action()
        if action is not None and action.isEnabled():
            action.trigger()

    @Slot(object)
    def _on_detail_show_in_source_requested(self, span: object) -> None:
        if isinstance(span, Span) and self._source.show_span(span):
            self.statusBar().showMessage(fill(self.tr("Shown in source: %1"), span.text[:60]), 5000)

    @Slot(str)
    def _on_indicator_activated(self, indicator_id: str) -> None:
        self.select_item(indicator_id)

    @Slot(str)
    def _on_status_message(self, message: str) -> None:
        self.statusBar().showMessage(message, 5000)

    @Slot()
    def _on_show_in_source_triggered(self) -> None:
        span = self._detail.current_span()
        if span is not None:
            self._on_detail_show_in_source_requested(span)

    @Slot(bool)
    def _on_raw_toggled(self, checked: bool) -> None:
        self._source.set_raw(checked)

    @Slot()
    def _on_open_triggered(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open report dataset"), "", self.tr("Report datasets (*.json);;All files (*)")
        )
        if path:
            self.open_dataset(path)

    @Slot()
    def _on_open_bundled_triggered(self) -> None:
        self.show_report(load_report())
        self._library.set_current(None)  # the bundled report

    @Slot()
    def _on_find_triggered(self) -> None:
        field = self._search.field()
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()

    @Slot(object)
    def _on_language_chosen(self, chosen: Language | None) -> None:
        self._settings.set_language(chosen)
        self._sync_settings()
        self.language_change_requested.emit(chosen)

    def _current_node(self) -> TreeNode | None:
        return self._tree_model.node(self._proxy.mapToSource(self._tree.currentIndex()))

    def current_goal_id(self) -> str | None:
        """The goal area selected, or the one holding the selected row; None outside goal areas."""
        node = self._current_node()
        while node is not None and node.parent is not None and node.kind is not NodeKind.GOAL:
            node = node.parent
        return node.item.id if node is not None and isinstance(node.item, GoalArea) else None

    def review_actions(self) -> ReviewActions:
        """File › Import report… and Review figures…, with the dialog and review window they open."""
        return self._review_actions

    def print_scope(self) -> str:
        """The scope File › Print and Export use now: a goal-area id, ``"all"`` or ``"figures"``."""
        return self._print_actions.print_scope()

    def page_size(self) -> str:
        """The paper size chosen in File › Paper size."""
        return self._print_actions.page_size()

    @Slot()
    def _on_about_triggered(self) -> None:
        about_box(self, self._report, self._lang)

    @Slot()
    def _on_targets_triggered(self) -> None:
        if self._targets is None:
            # Imported on demand: the view draws with pyqtgraph and pairs with the targets core.
            targets = importlib.import_module("desktop_app.qt.targets")
            self._targets = targets.TargetsController(self, self._lang, settings=self._settings)
            self._targets.open_requested.connect(self._on_targets_open_requested)
            self._targets.status_message.connect(self._on_status_message)
        self._targets.set_page_size(self.page_size())
        self._targets.set_include_unreviewed(self._unreviewed.include_unreviewed())
        self._targets.show(report=self._library.current_id())

    @Slot(str, object)
    def _on_targets_open_requested(self, entry_id: str, figure: FigureRef) -> None:
        """Show a target's or an outcome's report (the library's switching) at its sentence."""
        self._library.open_library_now()
        if self._library.current_id() != entry_id and not self._library.open_entry(entry_id):
            return
        if figure.figure:
            self.select_item(figure.figure)
        self._source.show_span(figure.sentence_span, focus=figure.span)

    def show_library_error(self, title: str, message: str) -> None:
        """Say why a library action failed, in a window-modal box that does not block the caller."""
        box = QMessageBox(QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, self)
        box.setObjectName("libraryErrorBox")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_load_error(self, error: DatasetError) -> None:
        load_error_box(self, error, self._lang)
        self.statusBar().showMessage(fill(self.tr("Could not open %1"), error.path), 8000)
