"""The term-trends view: a query's rate per 10,000 characters by year, as a chart and a table.

The view shows rows it is given (the core counts them) and says what the reader asked for: a click on
a year's bar or a double click on a table row emits that report's id; export writes the chart as
PNG or SVG, or the table as CSV, atomically.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, QStandardPaths, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.atomic import atomic_write_bytes, atomic_write_text
from desktop_app.core.language import Language
from desktop_app.core.presentation import fill, visible_text
from desktop_app.qt.charts.export import ask_save_path, warn_export_failed
from desktop_app.qt.charts.trend import TrendChart
from desktop_app.qt.collection_picker import CollectionChoice, CollectionPicker
from desktop_app.qt.models.roles import ITEM_ID_ROLE, SORT_ROLE
from desktop_app.qt.models.trend_table import TrendTableModel

if TYPE_CHECKING:
    from desktop_app.core.library import Collection
    from desktop_app.core.library.trend import TrendRow

__all__ = ["TrendView"]

CsvWriter = Callable[[Sequence["TrendRow"]], str]


class TrendView(QWidget):
    """A collection picker, chart beside table, with Export PNG/SVG/CSV buttons.

    Signals:
        report_activated(str): the reader asked for a report's hits (a bar clicked, a row activated).
        hovered(str): the text of the bar under the mouse, "" when none (for the status bar).
        collection_chosen(str): the reader picked the collection to count over (its id).
    """

    report_activated = Signal(str)
    hovered = Signal(str)
    collection_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trendView")
        self.setAccessibleName(self.tr("Term trends"))
        self._lang: Language | str = Language.ZH
        self._csv: CsvWriter | None = None
        self._query = ""
        self._heading = QLabel()
        self._heading.setObjectName("trendHeading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._heading.setWordWrap(True)
        self._collection = CollectionPicker("trendCollection")
        self._collection.collection_chosen.connect(self.collection_chosen)
        collection_label = QLabel(self.tr("&Collection:"))
        collection_label.setBuddy(self._collection)
        self._note = QLabel()
        self._note.setObjectName("trendNote")
        self._note.setTextFormat(Qt.TextFormat.PlainText)
        self._note.setWordWrap(True)
        self._chart = TrendChart()
        self._chart.setMinimumSize(240, 90)  # the dock is low on a 600-px screen
        self._chart.report_activated.connect(self.report_activated)
        self._chart.hovered.connect(self.hovered)
        self._chart.export_requested.connect(self._on_chart_export_requested)
        self._model = TrendTableModel(self)
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(self._model)
        proxy.setSortRole(SORT_ROLE)
        self._table = QTableView()
        self._table.setObjectName("trendTable")
        self._table.setAccessibleName(self.tr("Occurrences by report"))
        self._table.setModel(proxy)
        self._table.setSortingEnabled(True)
        self._table.sortByColumn(TrendTableModel.YEAR, Qt.SortOrder.DescendingOrder)
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._table.verticalHeader().hide()
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(TrendTableModel.REPORT, QHeaderView.ResizeMode.Stretch)
        self._table.activated.connect(self._on_table_activated)

        # One row: heading, collection picker and the export buttons (a row less in a low dock).
        top = QHBoxLayout()
        top.addWidget(self._heading, 1)
        top.addWidget(collection_label)
        top.addWidget(self._collection)
        for name, text, file_format in (
            ("trendExportPng", self.tr("Export PNG…"), "png"),
            ("trendExportSvg", self.tr("Export SVG…"), "svg"),
            ("trendExportCsv", self.tr("Export CSV…"), "csv"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(lambda _checked=False, f=file_format: self.export_with_dialog(f))
            top.addWidget(button)
        # Side by side: the view lives in a wide, low dock under the report.
        split = QSplitter(Qt.Orientation.Horizontal)
        split.setObjectName("trendSplitter")
        split.addWidget(self._chart)
        split.addWidget(self._table)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self._note)
        layout.addWidget(split, 1)
        self._update_enabled()

    # --- public API -------------------------------------------------------------------------

    def chart(self) -> TrendChart:
        return self._chart

    def table(self) -> QTableView:
        return self._table

    def table_model(self) -> TrendTableModel:
        return self._model

    def query(self) -> str:
        return self._query

    def set_collections(self, collections: Sequence[Collection], current: str, lang: Language) -> None:
        """The collections the reader can pick from (those with reports), ``current`` (an id) picked."""
        self._collection.set_collections(collections, current, lang)

    def collection_choice(self) -> str:
        """The id of the collection the picker shows ("" when it lists none)."""
        return self._collection.choice()

    def collection_choices(self) -> list[CollectionChoice]:
        """The collections listed, as (id, name shown)."""
        return self._collection.choices()

    def choose_collection(self, collection_id: str) -> bool:
        """Pick a collection as a reader would (emits :attr:`collection_chosen`); False if not listed."""
        return self._collection.choose(collection_id)

    def set_rows(
        self,
        query: str,
        rows: Sequence[TrendRow],
        *,
        collection: str = "",
        note: str = "",
        lang: Language | str = Language.ZH,
        csv_writer: CsvWriter | None = None,
    ) -> None:
        """Show the trend of ``query``: one row per report.

        Args:
            query: what was counted (shown in the heading, never as markup).
            rows: one per report, from the core's trend.
            collection: the collection's name, for the heading.
            note: how the counting was done (e.g. the folding it shares with search).
            lang: the language of the chart's words.
            csv_writer: turns the rows into CSV text for Export CSV… (disabled without one).
        """
        self._query = query
        self._lang = lang
        self._csv = csv_writer
        self._chart.set_rows(query, rows, lang)
        self._model.set_rows(rows)
        total = sum(r.occurrences for r in rows)
        heading = self._chart.title()
        if collection:
            heading = fill(self.tr("%1 — %2"), heading, visible_text(collection, 60))
        self._heading.setText(
            fill(self.tr("%1: %2 occurrences in %3 reports"), heading, f"{total:,}", len(rows))
        )
        self._note.setText(note)
        self._note.setVisible(bool(note))
        self._update_enabled()

    def export(self, file_format: str, path: str | os.PathLike[str]) -> None:
        """Write the chart (``png``/``svg``) or the table (``csv``) to ``path``, atomically.

        Raises:
            OSError: the file could not be written (nothing is left behind).
            ValueError: an unknown format, or CSV without a writer.
        """
        if file_format == "png":
            atomic_write_bytes(path, self._chart.png_bytes(2.0))
        elif file_format == "svg":
            atomic_write_bytes(path, self._chart.svg_bytes())
        elif file_format == "csv" and self._csv is not None:
            # UTF-8 with a byte-order mark, so that spreadsheets read the Chinese right.
            atomic_write_text(path, "\ufeff" + self._csv(self._chart.rows()))
        else:
            raise ValueError(f"cannot export a trend as {file_format!r}")

    def export_with_dialog(self, file_format: str) -> None:
        """Ask where to save, then :meth:`export`; a failure is shown naming the file and why."""
        filters = {
            "png": self.tr("PNG images (*.png)"),
            "svg": self.tr("SVG drawings (*.svg)"),
            "csv": self.tr("CSV tables (*.csv)"),
        }
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        suggested = str(Path(folder) / f"trend.{file_format}")
        path = ask_save_path(
            self, self.tr("Export Trend"), suggested, filters[file_format], f".{file_format}"
        )
        if path is None:
            return
        try:
            self.export(file_format, path)
        except (OSError, ValueError) as error:
            warn_export_failed(self, str(error))

    def dispose(self) -> None:
        """Delete the view and the chart's pyqtgraph leftovers."""
        self._chart.dispose()
        self.deleteLater()

    # --- internals --------------------------------------------------------------------------

    def _update_enabled(self) -> None:
        has_rows = bool(self._chart.rows())
        for name in ("trendExportPng", "trendExportSvg"):
            button = self.findChild(QPushButton, name)
            if button is not None:
                button.setEnabled(has_rows)
        csv_button = self.findChild(QPushButton, "trendExportCsv")
        if csv_button is not None:
            csv_button.setEnabled(has_rows and self._csv is not None)

    @Slot(str)
    def _on_chart_export_requested(self, file_format: str) -> None:
        self.export_with_dialog(file_format)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        report_id = index.data(ITEM_ID_ROLE)
        if isinstance(report_id, str):
            self.report_activated.emit(report_id)
