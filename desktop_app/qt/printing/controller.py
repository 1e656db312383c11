"""The print, preview and export actions with their dialogs; what the main window owns.

:class:`PrintController` opens the print, preview and file dialogs and reports failures in a message
box; the work is done by :mod:`desktop_app.qt.printing.layout` (pages) and
:mod:`desktop_app.qt.printing.pdf` (PDF files), which open no dialog. Every action takes a
:class:`~desktop_app.core.scope.SummaryScope` resolved once by the caller.
"""

from __future__ import annotations

import logging
import os

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from desktop_app.core.csv_export import write_csv
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.paper import paper_names
from desktop_app.core.presentation import fill
from desktop_app.core.scope import SummaryScope
from desktop_app.qt.printing.layout import SummaryDocument, page_layout, page_size
from desktop_app.qt.printing.pdf import export_pdf, render_to_printer

__all__ = ["PrintController", "preview_dialog"]

_LOG = logging.getLogger(__name__)


class PrintController(QObject):
    """Print, preview and export the summary, with dialogs; owned by the main window.

    The printer is kept as an attribute for the controller's lifetime: a dialog that outlives a
    temporary ``QPrinter`` crashes PySide6. Errors are shown in a message box, never raised.

    Signals:
        status_message(str): a short message for the status bar after an action.
    """

    status_message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._parent = parent
        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.page_size = paper_names()[0]
        self.printer.setPageLayout(page_layout(self.page_size))
        self.document_language = Language.ZH
        """The language of printed and exported documents (not the interface's)."""
        self._last_folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)

    # --- settings

    @Slot(str)
    def set_page_size(self, name: str) -> None:
        """Use ``"A4"`` or ``"Letter"`` for PDF export and as the printer's default paper."""
        self.printer.setPageSize(page_size(name))
        self.page_size = name

    # --- slots

    @Slot(object, object)
    def print_report(self, report: Report, scope: SummaryScope) -> None:
        """Ask for a printer in the print dialog, then print the summary of ``scope``."""
        dialog = QPrintDialog(self.printer, self._parent)
        dialog.setWindowTitle(self.tr("Print summary"))
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        try:
            with _busy():
                pages = render_to_printer(report, scope, self.printer)
        except (OSError, ValueError) as error:
            self._error(self.tr("Printing failed"), str(error))
            return
        self.status_message.emit(self.tr("Printed %n page(s)", "", pages))

    @Slot(object, object)
    def preview_report(self, report: Report, scope: SummaryScope) -> None:
        """Show the summary of ``scope`` in the print preview dialog (modal)."""
        try:
            dialog = self.make_preview_dialog(report, scope)
        except (OSError, ValueError) as error:
            self._error(self.tr("Print preview failed"), str(error))
            return
        dialog.exec()
        dialog.deleteLater()

    def make_preview_dialog(self, report: Report, scope: SummaryScope) -> QPrintPreviewDialog:
        """A print preview dialog for the summary of ``scope``, not yet shown.

        The summary is built once; the dialog lays it out again whenever its page setup changes.

        Raises:
            OSError: The summary could not be laid out (e.g. a chart could not be drawn).
        """
        with _busy():
            summary = SummaryDocument(report, scope)
        return preview_dialog(summary, self.printer, self._parent)

    @Slot(object, object)
    def export_pdf(self, report: Report, scope: SummaryScope) -> None:
        """Ask for a file name, then write the summary of ``scope`` as PDF."""
        path = self._ask_path(report, scope, self.tr("Export PDF"), self.tr("PDF files (*.pdf)"), ".pdf")
        if not path:
            return
        try:
            with _busy():
                pages = export_pdf(report, scope, path, self.page_size)
        except (OSError, ValueError) as error:
            self._error(self.tr("Could not export the PDF"), str(error))
            return
        self.status_message.emit(
            fill(self.tr("Saved %1 (%n page(s), %2 KB)", "", pages), path, _kilobytes(path))
        )

    @Slot(object, object)
    def export_csv(self, report: Report, scope: SummaryScope) -> None:
        """Ask for a file name, then write the figures of ``scope`` as CSV."""
        path = self._ask_path(report, scope, self.tr("Export CSV"), self.tr("CSV files (*.csv)"), ".csv")
        if not path:
            return
        try:
            count = write_csv(report, scope, path)
        except (OSError, ValueError) as error:
            self._error(self.tr("Could not export the CSV file"), str(error))
            return
        self.status_message.emit(
            fill(self.tr("Saved %1 (%n figure(s), %2 KB)", "", count), path, _kilobytes(path))
        )

    # --- helpers

    def _ask_path(
        self, report: Report, scope: SummaryScope, caption: str, file_filter: str, suffix: str
    ) -> str:
        stem = report.id + scope.file_stem_suffix
        suggested = os.path.join(self._last_folder or "", stem + suffix)
        path, _ = QFileDialog.getSaveFileName(self._parent, caption, suggested, file_filter)
        if not path:
            return ""
        if not os.path.splitext(path)[1]:
            path += suffix
        self._last_folder = os.path.dirname(path)
        return path

    def _error(self, title: str, text: str) -> None:
        self.status_message.emit(title)
        box = QMessageBox(self._parent)
        box.setObjectName("printErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(title)
        box.setText(text)
        box.exec()
        box.deleteLater()


PREVIEW_SHARE = 0.9
"""The share of the screen's available width and height the print preview opens at."""
PREVIEW_MAX_WIDTH = 1400
"""Wider than this, a page at fit-width shows too little of itself."""


def preview_dialog(
    summary: SummaryDocument, printer: QPrinter, parent: QWidget | None
) -> QPrintPreviewDialog:
    """A print preview dialog of a laid-out summary on ``printer``, large and at the page width, not shown.

    The dialog lays the summary out again whenever its page setup changes; keep ``printer`` alive
    as long as the dialog (a dialog that outlives its ``QPrinter`` crashes PySide6).
    """
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setObjectName("printPreviewDialog")
    title = QCoreApplication.translate("PrintController", "Print preview \u2014 %1")
    dialog.setWindowTitle(fill(title, summary.title))

    def paint(device: QPrinter) -> None:
        try:
            summary.paint(device)
        except OSError as error:
            _LOG.warning("print preview failed: %s", error)

    dialog.paintRequested.connect(paint)
    _open_large_at_fit_width(dialog, parent)
    return dialog


def _open_large_at_fit_width(dialog: QPrintPreviewDialog, parent: QWidget | None) -> None:
    """Size the preview to most of the available screen, centred, and zoom it to the page width.

    The dialog's own "Fit width" action is triggered, so its toolbar shows the zoom it has.
    """
    screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
    if screen is not None:
        available = screen.availableGeometry()
        width = min(round(available.width() * PREVIEW_SHARE), PREVIEW_MAX_WIDTH)
        height = round(available.height() * PREVIEW_SHARE)
        dialog.resize(width, height)
        dialog.move(available.center() - dialog.rect().center())
    fit_width = dialog.findChild(QAction, "fitWidthAction")  # Qt's name for its toolbar action
    if fit_width is not None:
        fit_width.trigger()
    else:  # pragma: no cover - every Qt 6 names the action
        preview = dialog.findChild(QPrintPreviewWidget)
        if preview is not None:
            preview.setZoomMode(QPrintPreviewWidget.ZoomMode.FitToWidth)


class _busy:  # noqa: N801 - used like a function: ``with _busy():``
    """The wait cursor while something slow runs (if there is an application to show it)."""

    def __enter__(self) -> None:
        self._active = isinstance(QApplication.instance(), QApplication)
        if self._active:
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *args: object) -> None:
        if self._active:
            QApplication.restoreOverrideCursor()


def _kilobytes(path: str) -> str:
    try:
        return f"{os.path.getsize(path) / 1024:.0f}"
    except OSError:
        return "?"
