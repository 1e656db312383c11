"""Printing the summary: to a printer, to the print preview and to PDF.

* :mod:`~desktop_app.qt.printing.layout` — the summary laid out as a document and cut into pages
  (header, body slice, footer), painted on any paged device;
* :mod:`~desktop_app.qt.printing.pdf` — the PDF: Qt paints it, pypdf adds bookmarks, ``/Subject``
  and corrected text maps;
* :mod:`~desktop_app.qt.printing.controller` — the print, preview and export actions with their
  dialogs, owned by the main window.

Every entry point takes a :class:`~desktop_app.core.scope.SummaryScope` resolved once by its caller.
"""

from desktop_app.core.atomic import ExportError
from desktop_app.qt.printing.chart_store import PrintError
from desktop_app.qt.printing.controller import PrintController
from desktop_app.qt.printing.layout import (
    CHART_DPI,
    MARGINS_MM,
    OutlineEntry,
    SummaryDocument,
    page_layout,
    page_size,
)
from desktop_app.qt.printing.pdf import export_pdf, pdf_bytes, render_to_printer

__all__ = [
    "CHART_DPI",
    "MARGINS_MM",
    "ExportError",
    "OutlineEntry",
    "PrintController",
    "PrintError",
    "SummaryDocument",
    "export_pdf",
    "page_layout",
    "page_size",
    "pdf_bytes",
    "render_to_printer",
]
