"""``report-viewer export``: write the summary as PDF, CSV or HTML without a window.

Works without a display: for PDF it starts a ``QApplication`` on Qt's ``offscreen`` platform when
neither ``DISPLAY`` nor ``WAYLAND_DISPLAY`` is set (and ``QT_QPA_PLATFORM`` does not already say
otherwise); CSV and HTML need no Qt at all. The HTML is the same summary as the PDF but without the
chart images (they are drawn by Qt).

``-o -`` writes to standard output (a PDF only when it is not a terminal). Files are written
atomically (:mod:`desktop_app.core.atomic`): an unwritable target gives a message naming the path
and the reason, and nothing is left behind.
"""

from __future__ import annotations

import argparse
import datetime
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from desktop_app.cli.console import PROG, Console, ExitStatus, load_or_report, write_warnings
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.scope import SummaryScope

FORMATS = ("pdf", "csv", "html")
STDOUT = "-"


def _ensure_application() -> None:
    """A QApplication for rendering, on the offscreen platform when there is no display."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    if QApplication.instance() is None:
        # Kept alive by Qt until the process ends; the charts need widgets, hence not QGuiApplication.
        QApplication([PROG])


def _write_pdf(report: Report, scope: SummaryScope, output: str) -> str:
    _ensure_application()
    from desktop_app.qt.printing import export_pdf

    pages = export_pdf(report, scope, output)
    return f"{pages} page{'s' if pages != 1 else ''}"


def _write_csv(report: Report, scope: SummaryScope, output: str) -> str:
    from desktop_app.core.csv_export import write_csv

    count = write_csv(report, scope, output)
    return f"{count} figure{'s' if count != 1 else ''}"


def _write_html(report: Report, scope: SummaryScope, output: str) -> str:
    from desktop_app.core.atomic import atomic_write_text
    from desktop_app.core.summary import build_summary_html

    html = build_summary_html(report, scope, generated=datetime.date.today())
    atomic_write_text(output, html, encoding="utf-8")
    return "HTML summary without charts"


_WRITERS: dict[str, Callable[[Report, SummaryScope, str], str]] = {
    "pdf": _write_pdf,
    "csv": _write_csv,
    "html": _write_html,
}


def _to_stdout(
    writer: Callable[[Report, SummaryScope, str], str], report: Report, scope: SummaryScope, out: Console
) -> None:
    """Write through ``writer`` into a private folder, then copy the bytes to standard output."""
    with tempfile.TemporaryDirectory(prefix="report-viewer-") as folder:
        path = Path(folder) / "export"
        writer(report, scope, str(path))
        data = path.read_bytes()
    binary = getattr(out.stream, "buffer", None)
    if binary is None:  # a text-only stream (tests): these formats are UTF-8 text
        out.stream.write(data.decode("utf-8-sig"))
    else:
        out.stream.flush()
        binary.write(data)
        binary.flush()


def run_export(
    fmt: str,
    scope: str | None,
    dataset: str | None,
    output: str,
    out: Console,
    err: Console,
    *,
    include_unreviewed: bool = False,
    lang: Language = Language.ZH,
) -> int:
    """Export the summary (PDF, HTML) or the figures (CSV) of a scope to ``output``.

    Args:
        fmt: ``"pdf"``, ``"csv"`` or ``"html"``.
        scope: ``"all"`` (or None), ``"figures"`` or a goal-area id.
        dataset: A dataset file; the bundled report when None.
        output: The file to write (replaced atomically if it is a plain file), or ``-`` for
            standard output.
        out: Where the result line goes (and the export itself for ``-o -``).
        err: Where problems and warnings go.
        include_unreviewed: Include figures awaiting review, marked as such; without it they are
            left out and ``err`` says how many.
        lang: The document's language (``--lang zh|en``, converted by :func:`export`): its headings,
            labels, notes and derived figures' descriptions; the report's own text stays as written.

    Returns:
        The exit status (:class:`~desktop_app.cli.console.ExitStatus`).
    """
    from desktop_app.core.scope import ALL, resolve_scope

    if fmt not in FORMATS:
        err.line(f"{PROG} export: unknown format {fmt!r} (expected pdf, csv or html)")
        return ExitStatus.USAGE
    if output == STDOUT and fmt == "pdf" and out.stream.isatty():
        err.line(f"{PROG} export: not writing a PDF to a terminal; redirect it or give -o FILE")
        return ExitStatus.USAGE
    report = load_or_report(dataset, err)
    if report is None:
        return ExitStatus.DATASET
    try:
        resolved = resolve_scope(report, scope or ALL, lang, include_unreviewed=include_unreviewed)
    except ValueError as exc:
        err.line(f"{PROG} export: {exc}")
        return ExitStatus.USAGE
    if resolved.withheld:
        err.line(
            f"{PROG} export: {resolved.withheld} figure{'s' if resolved.withheld != 1 else ''} awaiting "
            "review left out (--include-unreviewed includes them, marked unreviewed)"
        )
    with write_warnings("export", err):
        status = _write(_WRITERS[fmt], report, resolved, output, out, err)
    return status


def _write(
    writer: Callable[[Report, SummaryScope, str], str],
    report: Report,
    scope: SummaryScope,
    output: str,
    out: Console,
    err: Console,
) -> int:
    from desktop_app.core.atomic import ExportError

    try:
        if output == STDOUT:
            _to_stdout(writer, report, scope, out)
            return ExitStatus.OK
        detail = writer(report, scope, output)
    except ExportError as exc:
        err.line(f"{PROG} export: {exc}")
        return ExitStatus.OUTPUT
    except OSError as exc:  # e.g. a printer engine that could not start
        err.line(f"{PROG} export: cannot write {output}: {exc}")
        return ExitStatus.OUTPUT
    size = os.path.getsize(output)
    out.line(f"{os.path.abspath(output)} ({size:,} bytes, {detail})")
    return ExitStatus.OK


def export(args: argparse.Namespace, out: Console, err: Console) -> int:
    """The ``export`` command."""
    return run_export(
        args.format,
        args.scope,
        args.dataset,
        args.output,
        out,
        err,
        include_unreviewed=args.include_unreviewed,
        lang=Language.from_tag(args.lang),
    )
