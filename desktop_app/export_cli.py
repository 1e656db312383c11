"""``report-viewer export``: write the summary as PDF, CSV or HTML without a window.

Works without a display: for PDF it starts a ``QApplication`` on Qt's ``offscreen`` platform when
neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` is set (and ``QT_QPA_PLATFORM`` does not already say
otherwise); CSV and HTML need no Qt at all. The HTML is the same summary as the PDF but without the
chart images (they are drawn by Qt).

Exit status: 0 on success (the path, size and count are printed), 1 if the dataset cannot be read
(the loader's message) or the file cannot be written (a message naming the path and the reason;
nothing is left behind), 2 for an unknown scope.
"""

from __future__ import annotations

import datetime
import os
from typing import TextIO

from desktop_app.core.atomic import ExportError, atomic_write_text
from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.model import Report
from desktop_app.core.summary import ALL, build_summary_html, resolve_scope

FORMATS = ("pdf", "csv", "html")


def _ensure_application() -> None:
    """A QApplication for rendering, on the offscreen platform when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # Kept alive by Qt until the process ends; the charts need widgets, hence not QGuiApplication.
        QApplication(["report-viewer"])


def _write_pdf(report: Report, scope: str, output: str) -> str:
    _ensure_application()
    from desktop_app.qt.printing import export_pdf

    pages = export_pdf(report, scope, output)
    return f"{pages} page{'s' if pages != 1 else ''}"


def _write_csv(report: Report, scope: str, output: str) -> str:
    from desktop_app.core.csv_export import write_csv

    count = write_csv(report, scope, output)
    return f"{count} figure{'s' if count != 1 else ''}"


def _write_html(report: Report, scope: str, output: str) -> str:
    html = build_summary_html(report, scope, generated=datetime.date.today())
    atomic_write_text(output, html, encoding="utf-8")
    return "HTML summary without charts"


def run_export(
    fmt: str, scope: str | None, dataset: str | None, output: str, out: TextIO, err: TextIO
) -> int:
    """Export the summary (PDF, HTML) or the figures (CSV) of a scope to ``output``.

    Args:
        fmt: ``"pdf"``, ``"csv"`` or ``"html"``.
        scope: ``"all"`` (or None), ``"figures"`` or a goal-area id.
        dataset: A dataset file; the bundled report when None.
        output: The file to write (replaced atomically if it exists).
        out: Where the result line goes.
        err: Where problems go.

    Returns:
        The exit status: 0 written, 1 unreadable dataset or unwritable file, 2 bad arguments.
    """
    if fmt not in FORMATS:
        print(f"report-viewer export: unknown format {fmt!r} (expected pdf, csv or html)", file=err)
        return 2
    try:
        report = load_report(dataset)
    except DatasetError as exc:
        print(exc.describe(), file=err)
        return 1
    scope = scope or ALL
    try:
        resolve_scope(report, scope)
    except ValueError as exc:
        print(f"report-viewer export: {exc}", file=err)
        return 2
    writer = {"pdf": _write_pdf, "csv": _write_csv, "html": _write_html}[fmt]
    try:
        detail = writer(report, scope, output)
    except ExportError as exc:
        print(f"report-viewer export: {exc}", file=err)
        return 1
    except OSError as exc:  # e.g. a printer engine that could not start
        print(f"report-viewer export: cannot write {output}: {exc}", file=err)
        return 1
    size = os.path.getsize(output)
    print(f"{os.path.abspath(output)} ({size:,} bytes, {detail})", file=out)
    return 0
