"""The main window: goal tree | detail pane over charts | source view.

The window owns menus, toolbar and status bar and connects the widgets; the
widgets never reach into each other. Charts (pyqtgraph) are created after the
first paint so the window appears at bare-Qt speed.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QModelIndex, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QIcon, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QToolBar,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.appinfo import APP_NAME, __version__
from desktop_app.core.charting import chart_groups
from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.model import DerivedIndicator, Entity, GoalArea, Indicator, Quote, Report, Section, Span
from desktop_app.qt.detail_pane import DetailPane
from desktop_app.qt.roles import NODE_PATH_ROLE
from desktop_app.qt.source_view import SourceView
from desktop_app.qt.tree_model import GoalTreeModel, NodeKind

if TYPE_CHECKING:
    from desktop_app.qt.charts import ChartPanel

MAX_RECENT = 8
SETTINGS_GEOMETRY = "window/geometry"
SETTINGS_STATE = "window/state"
SETTINGS_SPLITTERS = "window/splitters"
SETTINGS_NODE = "window/selectedNode"
SETTINGS_RECENT = "files/recent"
SETTINGS_LANGUAGE = "ui/language"


def _string_list(value: Any) -> list[str]:
    """A QSettings value that should be a list of strings; anything else is ignored."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    return []


class _ChartPlaceholder(QWidget):
    """Stands where the charts will be until pyqtgraph has been imported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPlaceholder")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Loading charts…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class MainWindow(QMainWindow):
    """Report Viewer's main window.

    Signals:
        language_change_requested(str): the reader chose a UI language ("zh_CN", "en" or "" for the system's).
        report_changed(object): a new Report is shown.
        charts_ready(): the chart panel has replaced its placeholder.
    """

    language_change_requested = Signal(str)
    report_changed = Signal(object)
    charts_ready = Signal()

    def __init__(self, report: Report, settings: QSettings, language: str = "zh_CN") -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self._settings = settings
        self._language = language
        self._lang = "zh" if language.startswith("zh") else "en"
        self._report = report
        self._charts: ChartPanel | None = None
        self._charts_scheduled = False
        self._tree_model = GoalTreeModel(report, self)
        self._tree_model.set_language(self._lang)

        self._tree = QTreeView()
        self._tree.setObjectName("goalTree")
        self._tree.setAccessibleName(self.tr("Goal areas and sections"))
        self._tree.setModel(self._tree_model)
        self._tree.setHeaderHidden(True)
        self._tree.setUniformRowHeights(True)
        self._tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)

        self._detail = DetailPane()
        self._detail.set_language(self._lang)
        self._detail.show_in_source_requested.connect(self._on_detail_show_in_source_requested)
        self._detail.indicator_activated.connect(self._on_indicator_activated)
        self._detail.status_message.connect(self._on_status_message)

        self._source = SourceView()
        self._chart_slot = QSplitter(Qt.Orientation.Vertical)
        self._chart_slot.setObjectName("centreSplitter")
        self._chart_slot.addWidget(self._detail)
        self._chart_slot.addWidget(_ChartPlaceholder())
        self._chart_slot.setStretchFactor(0, 3)
        self._chart_slot.setStretchFactor(1, 2)

        self._left = QWidget()
        self._left.setObjectName("leftPanel")
        self._left_layout = QVBoxLayout(self._left)
        self._left_layout.setContentsMargins(0, 0, 0, 0)
        self._left_layout.addWidget(self._tree)

        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("mainSplitter")
        self._splitter.addWidget(self._left)
        self._splitter.addWidget(self._chart_slot)
        self._splitter.addWidget(self._source)
        self._splitter.setStretchFactor(0, 2)
        self._splitter.setStretchFactor(1, 4)
        self._splitter.setStretchFactor(2, 3)
        self._splitter.setSizes([340, 640, 420])
        self.setCentralWidget(self._splitter)

        self._create_actions()
        self._create_menus()
        self.statusBar().showMessage(self.tr("Ready"))
        self.resize(1400, 880)
        self._show_report(report)
        self._restore_settings()

    # --- public API (also used by tests and automation) -------------------------------------

    @property
    def report(self) -> Report:
        return self._report

    @property
    def language(self) -> str:
        return self._language

    def tree(self) -> QTreeView:
        return self._tree

    def tree_model(self) -> GoalTreeModel:
        return self._tree_model

    def detail_pane(self) -> DetailPane:
        return self._detail

    def source_view(self) -> SourceView:
        return self._source

    def chart_panel(self) -> ChartPanel | None:
        return self._charts

    def left_panel_layout(self) -> QVBoxLayout:
        """Where other panels (the search field and results) stack above the tree."""
        return self._left_layout

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
        self._show_report(report)
        self._add_recent(str(Path(path).resolve()))
        return True

    def select_path(self, path: str) -> bool:
        index = self._tree_model.index_for_path(path)
        if not index.isValid():
            return False
        self._tree.setCurrentIndex(index)
        self._tree.scrollTo(index)
        return True

    def select_item(self, item_id: str) -> bool:
        """Select a dataset object in the tree, preferring a row under the current goal area."""
        indexes = self._tree_model.indexes_for_item(item_id)
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
        if self._charts is None:
            charts_module = importlib.import_module("desktop_app.qt.charts")
            charts_module.configure_pyqtgraph()
            panel: ChartPanel = charts_module.ChartPanel()
            panel.indicator_activated.connect(self._on_indicator_activated)
            if hasattr(panel, "hovered"):
                panel.hovered.connect(self._on_status_message)
            old = self._chart_slot.widget(1)
            self._chart_slot.replaceWidget(1, panel)
            if old is not None:
                old.deleteLater()
            self._charts = panel
            self._update_charts()
            self.charts_ready.emit()
        return self._charts

    # --- building ---------------------------------------------------------------------------

    def _create_actions(self) -> None:
        def make(name: str, text: str, slot: Any, shortcut: QKeySequence | str | None = None) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            action.triggered.connect(slot)
            return action

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
        self._about_action = make("actionAbout", self.tr("&About Report Viewer"), self._on_about_triggered, keys.HelpContents)
        self._print_action = make("actionPrint", self.tr("&Print…"), self._on_print_triggered, keys.Print)
        self._preview_action = make("actionPrintPreview", self.tr("Print pre&view…"), self._on_preview_triggered,
                                    "Ctrl+Shift+P")
        self._export_pdf_action = make("actionExportPdf", self.tr("Export &PDF…"), self._on_export_pdf_triggered,
                                       "Ctrl+E")
        self._export_csv_action = make("actionExportCsv", self.tr("Export &CSV…"), self._on_export_csv_triggered,
                                       "Ctrl+Shift+E")
        self._language_actions: dict[str, QAction] = {}
        for code, label in (("", self.tr("System language")), ("zh_CN", "中文"), ("en", "English")):
            action = make(f"actionLanguage_{code or 'system'}", label, self._on_language_triggered)
            action.setCheckable(True)
            action.setData(code)
            self._language_actions[code] = action
        self._open_action.setIcon(QIcon.fromTheme("document-open"))

    def _create_menus(self) -> None:
        menu = self.menuBar()
        file_menu = menu.addMenu(self.tr("&File"))
        file_menu.addAction(self._open_action)
        self._recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self._recent_menu.setObjectName("menuRecent")
        file_menu.addAction(self._open_bundled_action)
        file_menu.addSeparator()
        file_menu.addAction(self._print_action)
        file_menu.addAction(self._preview_action)
        file_menu.addAction(self._export_pdf_action)
        file_menu.addAction(self._export_csv_action)
        file_menu.addSeparator()
        file_menu.addAction(self._quit_action)
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addAction(self._find_action)
        view_menu = menu.addMenu(self.tr("&View"))
        view_menu.addAction(self._show_source_action)
        view_menu.addAction(self._raw_action)
        language_menu = view_menu.addMenu(self.tr("&Language"))
        saved = self._settings.value(SETTINGS_LANGUAGE, "")
        for code, action in self._language_actions.items():
            language_menu.addAction(action)
            action.setChecked(code == (saved if isinstance(saved, str) else ""))
        help_menu = menu.addMenu(self.tr("&Help"))
        help_menu.addAction(self._about_action)

        toolbar = QToolBar(self.tr("Main toolbar"))
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self._open_action, self._find_action, self._print_action, self._preview_action,
                       self._export_pdf_action, self._show_source_action):
            toolbar.addAction(action)
        self.addToolBar(toolbar)
        self._refresh_recent_menu()

    def _show_report(self, report: Report) -> None:
        self._report = report
        model = GoalTreeModel(report, self)
        model.set_language(self._lang)
        old = self._tree_model
        self._tree.setModel(model)
        self._tree.selectionModel().currentChanged.connect(self._on_tree_current_changed)
        self._tree_model = model
        if old is not model:
            old.deleteLater()
        self._detail.set_report(report)
        self._source.set_report(report)
        self.setWindowTitle(f"{report.metadata.title} — {APP_NAME}")
        self._tree.setCurrentIndex(self._tree_model.index_for_path("overview"))
        self._update_charts()
        self.report_changed.emit(report)

    # --- settings ---------------------------------------------------------------------------

    def _restore_settings(self) -> None:
        geometry = self._settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = self._settings.value(SETTINGS_STATE)
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        splitters = self._settings.value(SETTINGS_SPLITTERS)
        if isinstance(splitters, list) and len(splitters) == 2:
            for splitter, saved in zip((self._splitter, self._chart_slot), splitters, strict=True):
                if isinstance(saved, QByteArray | bytes):
                    splitter.restoreState(QByteArray(saved))
        node = self._settings.value(SETTINGS_NODE)
        if isinstance(node, str):
            self.select_path(node)

    def save_settings(self) -> None:
        self._settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        self._settings.setValue(SETTINGS_STATE, self.saveState())
        self._settings.setValue(SETTINGS_SPLITTERS, [self._splitter.saveState(), self._chart_slot.saveState()])
        path = self._tree.currentIndex().data(NODE_PATH_ROLE)
        if isinstance(path, str):
            self._settings.setValue(SETTINGS_NODE, path)
        self._settings.sync()

    def _add_recent(self, path: str) -> None:
        recent = [p for p in _string_list(self._settings.value(SETTINGS_RECENT)) if p != path]
        self._settings.setValue(SETTINGS_RECENT, [path, *recent][:MAX_RECENT])
        self._refresh_recent_menu()

    def _refresh_recent_menu(self) -> None:
        self._recent_menu.clear()
        recent = _string_list(self._settings.value(SETTINGS_RECENT))
        for path in recent:
            action = self._recent_menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_recent_triggered)
        self._recent_menu.setEnabled(bool(recent))

    # --- events -----------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._charts_scheduled:
            self._charts_scheduled = True
            # After the first paint: importing pyqtgraph costs more than the whole bare window.
            QTimer.singleShot(0, self.ensure_charts)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        super().closeEvent(event)

    # --- slots ------------------------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_tree_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        node = self._tree_model.node(current)
        if node is None:
            return
        item = node.item
        if node.kind is NodeKind.OVERVIEW:
            self._detail.show_overview()
        elif node.kind is NodeKind.SOURCE:
            self._detail.show_source_info()
        elif isinstance(item, GoalArea):
            self._detail.show_goal(item)
        elif isinstance(item, Section):
            self._detail.show_section(item)
        elif isinstance(item, Indicator | DerivedIndicator):
            self._detail.show_indicator(item)
        elif isinstance(item, Quote):
            self._detail.show_quote(item)
        elif isinstance(item, Entity):
            self._detail.show_entity(item)
        self._update_charts()

    def _update_charts(self) -> None:
        if self._charts is None:
            return
        node = self._tree_model.node(self._tree.currentIndex())
        while node is not None and node.parent is not None and node.kind not in (
            NodeKind.GOAL, NodeKind.SECTION, NodeKind.OVERVIEW, NodeKind.SOURCE
        ):
            node = node.parent
        report = self._report
        if node is not None and isinstance(node.item, GoalArea):
            goal = node.item
            self._charts.show_groups(f"{goal.order}. {goal.steadfast}", chart_groups(report.indicators_for_goal(goal.id)))
        elif node is not None and isinstance(node.item, Section):
            items = [i for i in report.for_section(node.item.id) if isinstance(i, Indicator | DerivedIndicator)]
            self._charts.show_groups(node.item.title, chart_groups(items))
        else:
            self._charts.show_groups(report.metadata.title, chart_groups(report.all_indicators()))

    @Slot(object)
    def _on_detail_show_in_source_requested(self, span: object) -> None:
        if isinstance(span, Span) and self._source.show_span(span):
            self._raw_action.setChecked(False)
            self.statusBar().showMessage(self.tr("Shown in source: %1").replace("%1", span.text[:60]), 5000)

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
        self._show_report(load_report())

    @Slot()
    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and isinstance(action.data(), str):
            self.open_dataset(action.data())

    @Slot()
    def _on_find_triggered(self) -> None:
        field = self.findChild(QWidget, "searchField")
        if field is not None:
            field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def _on_language_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            code = action.data() if isinstance(action.data(), str) else ""
            for other in self._language_actions.values():
                other.setChecked(other is action)
            self._settings.setValue(SETTINGS_LANGUAGE, code)
            self.language_change_requested.emit(code)

    def _print_controller(self) -> Any:
        controller = getattr(self, "_printer_controller", None)
        if controller is None:
            printing = importlib.import_module("desktop_app.qt.printing")
            controller = printing.PrintController(self)
            controller.status_message.connect(self._on_status_message)
            self._printer_controller = controller
        return controller

    def _current_scope(self) -> str:
        node = self._tree_model.node(self._tree.currentIndex())
        while node is not None and node.parent is not None and node.kind is not NodeKind.GOAL:
            node = node.parent
        return node.item.id if node is not None and isinstance(node.item, GoalArea) else "all"

    @Slot()
    def _on_print_triggered(self) -> None:
        self._print_controller().print_report(self._report, self._current_scope())

    @Slot()
    def _on_preview_triggered(self) -> None:
        self._print_controller().preview_report(self._report, self._current_scope())

    @Slot()
    def _on_export_pdf_triggered(self) -> None:
        self._print_controller().export_pdf(self._report, self._current_scope())

    @Slot()
    def _on_export_csv_triggered(self) -> None:
        self._print_controller().export_csv(self._report, self._current_scope())

    @Slot()
    def _on_about_triggered(self) -> None:
        meta = self._report.metadata
        box = QMessageBox(self)
        box.setObjectName("aboutBox")
        box.setWindowTitle(self.tr("About Report Viewer"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(f"{APP_NAME} {__version__}")
        box.setInformativeText(
            "\n".join(
                [
                    self.tr("Read, search, chart and print a government work report."),
                    "",
                    self.tr("Data source: %1").replace("%1", meta.citation),
                    "",
                    self.tr("Code licence: MIT."),
                    self.tr("Font: Noto Sans CJK SC (subset), SIL Open Font License 1.1."),
                    self.tr("Qt for Python (LGPLv3) and pyqtgraph (MIT)."),
                ]
            )
        )
        box.setIcon(QMessageBox.Icon.Information)
        box.open()

    def show_load_error(self, error: DatasetError) -> None:
        box = QMessageBox(self)
        box.setObjectName("loadErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Cannot open dataset"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("The dataset could not be opened. The current report stays open."))
        box.setDetailedText(error.describe())
        box.setInformativeText(error.describe()[:1500])
        box.open()
        self.statusBar().showMessage(self.tr("Could not open %1").replace("%1", error.path), 8000)
