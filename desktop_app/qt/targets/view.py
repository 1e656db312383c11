"""The Targets & outcomes view: a table of pairs with filters, and the chart of one series.

The view shows what it is given (:meth:`TargetsView.set_pairs`); pairing and verdicts are the
core's (:mod:`desktop_app.core.targets`). Clicking a target or an outcome, in the table or on the
chart, asks the main window to open that report at that sentence (:attr:`TargetsView.sentence_requested`);
the view never switches reports itself.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.language import Language
from desktop_app.core.presentation import fill
from desktop_app.core.targets.csv import write_pairs_csv
from desktop_app.core.targets.display import series_chart, verdict_text
from desktop_app.core.targets.series import Series
from desktop_app.core.targets.types import FigureRef, Pair, Verdict
from desktop_app.qt.charts.export import ask_save_path, chart_save_path
from desktop_app.qt.charts.menus import export_button
from desktop_app.qt.charts.render import ChartRenderError
from desktop_app.qt.charts.targets import SeriesChartPlot, export_series_png, export_series_svg
from desktop_app.qt.collection_picker import CollectionChoice, CollectionPicker
from desktop_app.qt.models.roles import DOMAIN_ROLE
from desktop_app.qt.models.targets_table import TargetsFilterProxy, TargetsTableModel, verdict_icon
from desktop_app.qt.printing.controller import preview_dialog
from desktop_app.qt.printing.layout import page_layout
from desktop_app.qt.targets.layouts import TargetsGrid, size_list_columns
from desktop_app.qt.targets.printing import export_targets_pdf, targets_document

if TYPE_CHECKING:
    from desktop_app.core.library import Collection
    from desktop_app.qt.settings import Settings

__all__ = ["TargetsView"]


@contextlib.contextmanager
def _busy() -> Iterator[None]:
    """A wait cursor while charts are drawn for print."""
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


class TargetsView(QWidget):
    """Targets and outcomes across years, as a list or a grid (series × years), and a chart per series.

    Signals:
        sentence_requested(object): open a report at a target's or an outcome's sentence; the
            :class:`~desktop_app.core.targets.types.FigureRef` (its ``report`` and ``sentence_span``).
        status_message(str): a line for the status bar (hover text, what was exported).
        collection_chosen(str): the reader picked another collection (its id) in the picker.
    """

    sentence_requested = Signal(object)
    status_message = Signal(str)
    collection_chosen = Signal(str)

    def __init__(
        self, parent: QWidget | None = None, *, lang: Language = Language.ZH, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetsView")
        self.setWindowTitle(self.tr("Targets & outcomes"))
        self._lang = lang
        self._settings = settings  # keeps the Show as choice; None: not kept (tests of the view alone)
        self._pairs: tuple[Pair, ...] = ()
        self._series: list[Series] = []
        self._chart: SeriesChartPlot | None = None
        self._chart_series: Series | None = None
        self._collection = ""
        self._page_size = "A4"

        self._model = TargetsTableModel(self)
        self._model.set_language(lang)
        self._proxy = TargetsFilterProxy(self)
        self._proxy.setSourceModel(self._model)

        self._series_filter = QComboBox()
        self._series_filter.setObjectName("targetsSeriesFilter")
        self._verdict_filter = QComboBox()
        self._verdict_filter.setObjectName("targetsVerdictFilter")
        self._year_filter = QComboBox()
        self._year_filter.setObjectName("targetsYearFilter")
        for combo, letters in ((self._series_filter, 12), (self._verdict_filter, 7), (self._year_filter, 5)):
            # Wide enough for most entries (the list shows them whole) and never wider: the view
            # must fit a 1024-pixel screen with English series names.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self._count = QLabel()
        self._count.setObjectName("targetsCount")
        self._csv_button = QPushButton(self.tr("Export CSV…"))
        self._csv_button.setObjectName("targetsExportCsv")
        self._csv_button.clicked.connect(self._on_csv_button_clicked)
        self._pdf_button = QPushButton(self.tr("Export PDF…"))
        self._pdf_button.setObjectName("targetsExportPdf")
        self._pdf_button.clicked.connect(self._on_pdf_button_clicked)
        self._preview_button = QPushButton(self.tr("Print Preview…"))
        self._preview_button.setObjectName("targetsPrintPreview")
        self._preview_button.clicked.connect(self._on_preview_button_clicked)
        self._printer: QPrinter | None = None  # kept: a dialog outliving its printer crashes PySide6
        self._print_button = QPushButton(self.tr("Print…"))
        self._print_button.setObjectName("targetsPrint")
        self._print_button.clicked.connect(self._on_print_button_clicked)

        self._collection_picker = CollectionPicker("targetsCollection")
        self._collection_picker.collection_chosen.connect(self.collection_chosen)
        top = QHBoxLayout()
        collection_label = QLabel(self.tr("&Collection:"))
        collection_label.setBuddy(self._collection_picker)
        top.addWidget(collection_label)
        top.addWidget(self._collection_picker)
        top.addStretch(1)
        top.addWidget(self._csv_button)
        top.addWidget(self._pdf_button)
        top.addWidget(self._preview_button)
        top.addWidget(self._print_button)

        filters = QHBoxLayout()
        for label_text, combo in (
            (self.tr("&Series:"), self._series_filter),
            (self.tr("&Verdict:"), self._verdict_filter),
            (self.tr("&Year:"), self._year_filter),
        ):
            label = QLabel(label_text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo)
        self._layout_choice = QComboBox()
        self._layout_choice.setObjectName("targetsLayout")
        self._layout_choice.addItem(self.tr("List"), "list")
        self._layout_choice.addItem(self.tr("Grid"), "grid")
        layout_label = QLabel(self.tr("Sh&ow as:"))
        layout_label.setBuddy(self._layout_choice)
        filters.addWidget(layout_label)
        filters.addWidget(self._layout_choice)
        filters.addWidget(self._count, 1)

        self._message = QLabel()
        self._message.setObjectName("targetsMessage")
        self._message.setWordWrap(True)
        self._message.hide()

        self._table = QTableView()
        self._table.setObjectName("targetsTable")
        self._table.setAccessibleName(self.tr("Targets and outcomes"))
        self._table.setModel(self._proxy)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.setWordWrap(False)
        self._table.verticalHeader().hide()
        rows = self._table.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(round(self.fontMetrics().height() * 1.6))
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._table.clicked.connect(self._on_table_clicked)
        self._table.activated.connect(self._on_table_clicked)
        self._table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

        self._grid = TargetsGrid(lang=lang)
        self._grid.pair_clicked.connect(self._on_grid_pair_clicked)
        self._grid.pair_current.connect(self._on_grid_pair_current)
        self._tables = QStackedWidget()
        self._tables.setObjectName("targetsLayouts")
        self._tables.addWidget(self._table)
        self._tables.addWidget(self._grid)

        self._chart_title = QLabel()
        self._chart_title.setObjectName("seriesChartTitle")
        self._chart_export = export_button(self.tr("Export chart"), self._on_chart_export_requested)
        self._chart_export.setObjectName("seriesChartExport")
        chart_head = QHBoxLayout()
        chart_head.addWidget(self._chart_title, 1)
        chart_head.addWidget(self._chart_export)
        self._chart_box = QWidget()
        self._chart_box.setObjectName("seriesChartBox")
        self._chart_layout = QVBoxLayout(self._chart_box)
        self._chart_layout.setContentsMargins(0, 0, 0, 0)
        self._chart_layout.addLayout(chart_head)
        self._chart_empty = QLabel(self.tr("No figures to chart for this series."))
        self._chart_empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._chart_layout.addWidget(self._chart_empty, 1)

        self._splitter = QSplitter(Qt.Orientation.Vertical)
        self._splitter.setObjectName("targetsSplitter")
        self._splitter.addWidget(self._tables)
        self._splitter.addWidget(self._chart_box)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setChildrenCollapsible(False)
        self._sized = False

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self._message)
        layout.addWidget(self._splitter, 1)

        self._series_filter.currentIndexChanged.connect(self._on_series_filter_changed)
        self._verdict_filter.currentIndexChanged.connect(self._on_verdict_filter_changed)
        self._year_filter.currentIndexChanged.connect(self._on_year_filter_changed)
        if settings is not None:  # restored before the box reports changes: nothing written on opening
            self.set_layout(settings.targets_layout())
            self._tables.setCurrentIndex(self._layout_choice.currentIndex())
        self._layout_choice.currentIndexChanged.connect(self._on_layout_changed)
        QShortcut(QKeySequence.StandardKey.Close, self, self.close)

    # --- public API (also used by tests) -----------------------------------------------------------

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        """Show ``pairs`` (series in the order they first come, years in order)."""
        order: dict[str, int] = {}
        for pair in pairs:
            order.setdefault(pair.series.key, len(order))
        self._pairs = tuple(sorted(pairs, key=lambda p: (order[p.series.key], p.year)))
        self._series = list({p.series.key: p.series for p in self._pairs}.values())
        self._model.set_pairs(self._pairs)
        self.show_message("")
        self._fill_filters()
        size_list_columns(self._table, self._model, self._series, self._pairs, self._lang)
        self._update_count()
        self._chart_series = None  # new pairs: the chart is drawn again even for the same series
        self._show_chart(self._series[0] if self._series else None)

    def show_message(self, text: str) -> None:
        """Say something above the table (loading, nothing to show); "" hides it."""
        self._message.setText(text)
        self._message.setVisible(bool(text))

    def message(self) -> str:
        """What the view says above the table ("" when nothing)."""
        return "" if self._message.isHidden() else self._message.text()

    def pairs(self) -> tuple[Pair, ...]:
        return self._pairs

    def table(self) -> QTableView:
        return self._table

    def grid(self) -> TargetsGrid:
        """The grid: the same pairs as the list, series as rows and years as columns."""
        return self._grid

    def set_layout(self, name: str) -> None:
        """Show the pairs as ``"list"`` or ``"grid"``, as choosing it in the Show as box does."""
        self._layout_choice.setCurrentIndex(max(0, self._layout_choice.findData(name)))

    def layout_name(self) -> str:
        """``"list"`` or ``"grid"``: how the pairs are shown."""
        return str(self._layout_choice.currentData())

    def model(self) -> TargetsTableModel:
        return self._model

    def proxy(self) -> TargetsFilterProxy:
        return self._proxy

    def chart(self) -> SeriesChartPlot | None:
        """The chart on show (None when there is nothing to chart)."""
        return self._chart

    def chart_series(self) -> Series | None:
        return self._chart_series

    def visible_pairs(self) -> list[Pair]:
        """The pairs the filters keep, top row first."""
        return self._proxy.visible_pairs()

    def filter_series(self, key: str | None) -> None:
        """Keep one series (None: all), as choosing it in the Series box does."""
        self._series_filter.setCurrentIndex(max(0, self._series_filter.findData(key or "")))

    def filter_verdict(self, verdict: Verdict | None) -> None:
        """Keep one verdict (None: all), as choosing it in the Verdict box does."""
        self._verdict_filter.setCurrentIndex(
            max(0, self._verdict_filter.findData(verdict.value if verdict else ""))
        )

    def filter_year(self, year: int | None) -> None:
        """Keep one year (None: all), as choosing it in the Year box does."""
        self._year_filter.setCurrentIndex(max(0, self._year_filter.findData(year or 0)))

    def cell_index(self, series: str, year: int, column: int) -> QModelIndex:
        """The view (proxy) index of a pair's cell, or an invalid index if it is filtered out."""
        for row in range(self._proxy.rowCount()):
            pair = self._proxy.index(row, 0).data(DOMAIN_ROLE)
            if isinstance(pair, Pair) and pair.series.key == series and pair.year == year:
                return self._proxy.index(row, column)
        return QModelIndex()

    def export_csv(self, path: str | Path) -> int:
        """Write the pairs the filters keep as CSV (in the view's language); the number written."""
        return write_pairs_csv(self.visible_pairs(), path, self._lang)

    def export_pdf(self, path: str | Path, page_size: str = "") -> int:
        """Write the printable summary of the pairs the filters keep as a PDF; the number of pages.

        The paper is ``page_size``, else :meth:`set_page_size`'s (A4 unless told).

        Raises:
            OSError: The file could not be written, or a chart could not be drawn (PrintError).
        """
        with _busy():
            paper = page_size or self._page_size
            return export_targets_pdf(
                self.visible_pairs(), path, self._lang, paper, collection=self._collection
            )

    def set_collections(self, collections: Sequence[Collection], current: str, lang: Language) -> None:
        """The collections the reader can pick from (those with reports), ``current`` (an id) picked."""
        self._collection_picker.set_collections(collections, current, lang)

    def collection_choice(self) -> str:
        """The id of the collection the picker shows ("" when it lists none)."""
        return self._collection_picker.choice()

    def collection_choices(self) -> list[CollectionChoice]:
        """The collections listed, as (id, name shown)."""
        return self._collection_picker.choices()

    def choose_collection(self, collection_id: str) -> bool:
        """Pick a collection as a reader would (emits :attr:`collection_chosen`); False if not listed."""
        return self._collection_picker.choose(collection_id)

    def set_collection_name(self, name: str) -> None:
        """The collection's name, printed under the summary's title."""
        self._collection = name

    def export_chart(self, path: str | Path, file_format: str) -> None:
        """Write the chart on show as ``"png"`` or ``"svg"``.

        Raises:
            ValueError: There is no chart on show.
        """
        if self._chart is None:
            raise ValueError("no chart on show")
        if file_format == "png":
            export_series_png(self._chart.chart, str(path), lang=self._lang)
        else:
            export_series_svg(self._chart.chart, str(path), lang=self._lang)

    # --- building --------------------------------------------------------------------------------

    def _fill_filters(self) -> None:
        for combo in (self._series_filter, self._verdict_filter, self._year_filter):
            combo.blockSignals(True)
            combo.clear()
        self._series_filter.addItem(self.tr("All series"), "")
        for series in self._series:
            self._series_filter.addItem(series.name(self._lang), series.key)
        self._verdict_filter.addItem(self.tr("All verdicts"), "")
        present = {p.verdict for p in self._pairs}
        for verdict in Verdict:
            if verdict in present:
                self._verdict_filter.addItem(
                    verdict_icon(verdict), verdict_text(verdict, self._lang), verdict.value
                )
        self._year_filter.addItem(self.tr("All years"), 0)
        for year in sorted({p.year for p in self._pairs}):
            self._year_filter.addItem(str(year), year)
        for combo in (self._series_filter, self._verdict_filter, self._year_filter):
            combo.blockSignals(False)
        self._proxy.set_series(None)
        self._proxy.set_verdict(None)
        self._proxy.set_year(None)

    def _update_count(self) -> None:
        self._grid.set_pairs(self.visible_pairs())  # the filters keep the same pairs in both layouts
        self._count.setText(fill(self.tr("%1 of %2 pairs"), self._proxy.rowCount(), self._model.rowCount()))

    def _show_chart(self, series: Series | None) -> None:
        if series is not None and self._chart_series is not None and series.key == self._chart_series.key:
            return
        self._chart_series = series
        if self._chart is not None:
            self._chart_layout.removeWidget(self._chart)
            self._chart.dispose()
            self._chart = None
        chart = series_chart(series, self._pairs, self._lang) if series is not None else None
        if chart is None or chart.empty:
            self._chart_title.setText(series.name(self._lang) if series is not None else "")
            self._chart_empty.show()
            self._chart_export.setEnabled(False)
            return
        self._chart_empty.hide()
        plot = SeriesChartPlot(chart, lang=self._lang)
        plot.mark_activated.connect(self._on_chart_mark_activated)
        plot.mark_hovered.connect(self._on_chart_mark_hovered)
        plot.export_requested.connect(self._on_chart_export_requested)
        self._chart_layout.addWidget(plot, 1)
        self._chart = plot
        self._chart_title.setText(
            fill(self.tr("%1 (%2)"), chart.title, chart.unit) if chart.unit else chart.title
        )
        self._chart_export.setEnabled(True)

    def _pair_for(self, series: str, year: int) -> Pair | None:
        return next((p for p in self._pairs if p.series.key == series and p.year == year), None)

    def _request(self, figure: FigureRef | None) -> None:
        if figure is not None:
            self.sentence_requested.emit(figure)

    # --- slots -----------------------------------------------------------------------------------

    @Slot(QModelIndex)
    def _on_table_clicked(self, index: QModelIndex) -> None:
        self._request(self._model.figure(self._proxy.mapToSource(index)))

    @Slot(object, str)
    def _on_grid_pair_clicked(self, pair: Pair, role: str) -> None:
        """A click on a grid cell's target or outcome opens its sentence, as in the list's cells."""
        self._open(pair, role)

    @Slot(object)
    def _on_grid_pair_current(self, pair: Pair) -> None:
        if self._series_filter.currentData() == "":
            self._show_chart(pair.series)

    @Slot(int)
    def _on_layout_changed(self, _index: int) -> None:
        self._tables.setCurrentWidget(self._grid if self.layout_name() == "grid" else self._table)
        if self._settings is not None:
            self._settings.set_targets_layout(self.layout_name())

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        pair = current.data(DOMAIN_ROLE)
        if isinstance(pair, Pair) and self._series_filter.currentData() == "":
            self._show_chart(pair.series)

    @Slot(int)
    def _on_series_filter_changed(self, _index: int) -> None:
        key = self._series_filter.currentData()
        self._proxy.set_series(key or None)
        self._update_count()
        series = next((s for s in self._series if s.key == key), None)
        if series is not None:
            self._show_chart(series)

    @Slot(int)
    def _on_verdict_filter_changed(self, _index: int) -> None:
        value = self._verdict_filter.currentData()
        self._proxy.set_verdict(Verdict(value) if value else None)
        self._update_count()

    @Slot(int)
    def _on_year_filter_changed(self, _index: int) -> None:
        year = self._year_filter.currentData()
        self._proxy.set_year(int(year) if year else None)
        self._update_count()

    @Slot(object)
    def _on_chart_mark_activated(self, ref: object) -> None:
        if not (isinstance(ref, tuple) and len(ref) == 3):
            return
        key, year, role = ref
        pair = self._pair_for(key, year)
        if pair is not None:
            self._open(pair, role)

    def _open(self, pair: Pair, role: str) -> None:
        """Select a pair's target or outcome (``role``) in the list and the grid, and open its sentence."""
        key, year = pair.series.key, pair.year
        column = TargetsTableModel.TARGET if role == "target" else TargetsTableModel.OUTCOME
        for table, index in (
            (self._table, self.cell_index(key, year, column)),
            (self._grid, self._grid.cell_index(key, year)),
        ):
            if index.isValid():
                table.setCurrentIndex(index)
                table.scrollTo(index)
        self._request(pair.target if role == "target" else pair.outcome)

    @Slot(str)
    def _on_chart_mark_hovered(self, text: str) -> None:
        if text:
            self.status_message.emit(text)

    def _on_chart_export_requested(self, file_format: str) -> None:
        if self._chart is None:
            return
        path = chart_save_path(self, file_format, f"targets-{self._chart.chart.key}")
        if path is None:
            return
        try:
            self.export_chart(path, file_format)
        except (OSError, ChartRenderError) as error:
            self._error(self.tr("Export Failed"), str(error))
            return
        self.status_message.emit(fill(self.tr("Chart exported to %1"), path))

    @Slot()
    def _on_csv_button_clicked(self) -> None:
        path = self._ask_document_path(
            self.tr("Export Targets & Outcomes as CSV"), "targets.csv", self.tr("CSV files (*.csv)")
        )
        if path is None:
            return
        try:
            count = self.export_csv(path)
        except OSError as error:  # ExportError is one
            self._error(self.tr("Export Failed"), str(error))
            return
        self.status_message.emit(fill(self.tr("%1 pairs exported to %2"), count, path))

    @Slot()
    def _on_pdf_button_clicked(self) -> None:
        path = self._ask_document_path(
            self.tr("Export Targets & Outcomes as PDF"), "targets.pdf", self.tr("PDF documents (*.pdf)")
        )
        if path is None:
            return
        try:
            pages = self.export_pdf(path)
        except (OSError, ValueError) as error:
            self._error(self.tr("Export Failed"), str(error))
            return
        self.status_message.emit(fill(self.tr("%1 pages exported to %2"), pages, path))

    def _ask_document_path(self, caption: str, name: str, file_filter: str) -> str | None:
        """Where to save the CSV or PDF: ``name`` in the Documents folder suggested, its suffix added."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return ask_save_path(self, caption, str(Path(folder) / name), file_filter, Path(name).suffix)

    def printer(self) -> QPrinter:
        """The printer that Print… and Print Preview… use (made once, kept)."""
        if self._printer is None:
            self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            self._printer.setPageLayout(page_layout(self._page_size))
        return self._printer

    def set_page_size(self, name: str) -> None:
        """The paper (``"A4"`` or ``"Letter"``) for Export PDF…, Print Preview… and Print…."""
        self._page_size = name
        if self._printer is not None:
            self._printer.setPageLayout(page_layout(name))

    def make_preview_dialog(self) -> QPrintPreviewDialog:
        """The print preview of the pairs the filters keep, not yet shown.

        Raises:
            OSError: A chart could not be drawn (PrintError).
        """
        with _busy():
            document = targets_document(self.visible_pairs(), self._lang, collection=self._collection)
        return preview_dialog(document, self.printer(), self)

    @Slot()
    def _on_preview_button_clicked(self) -> None:
        try:
            dialog = self.make_preview_dialog()
        except OSError as error:
            self._error(self.tr("Print Preview Failed"), str(error))
            return
        dialog.exec()
        dialog.deleteLater()

    @Slot()
    def _on_print_button_clicked(self) -> None:
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            with _busy():
                targets_document(self.visible_pairs(), self._lang, collection=self._collection).paint(printer)
        except OSError as error:
            self._error(self.tr("Printing Failed"), str(error))

    def _error(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._sized:
            # The table first, a bit more than half; the chart below it.
            self._sized = True
            height = self._splitter.height()
            self._splitter.setSizes([round(height * 0.55), height - round(height * 0.55)])

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._chart is not None:
            self._chart.hover(None)
        super().closeEvent(event)
