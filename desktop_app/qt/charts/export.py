"""Writing a chart to a PNG or SVG file, atomically, from code or through a file dialog."""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from desktop_app.core.atomic import atomic_write_bytes
from desktop_app.core.charting import ChartGroup
from desktop_app.core.language import Language
from desktop_app.qt.charts.cards import NumberCards
from desktop_app.qt.charts.group import GroupChart
from desktop_app.qt.charts.looks import SCREEN_DPI
from desktop_app.qt.charts.plot import ChartPlot
from desktop_app.qt.charts.render import (
    DEFAULT_EXPORT_WIDTH,
    ChartRenderError,
    png_bytes,
    render_group_image,
    render_group_svg,
)

__all__ = [
    "ExportSource",
    "ask_save_path",
    "chart_save_path",
    "export_png",
    "export_svg",
    "export_with_dialog",
    "warn_export_failed",
]

ExportSource = ChartGroup | ChartPlot | NumberCards | GroupChart


def source_group(source: ExportSource) -> tuple[ChartGroup, Language | str, int]:
    """The group to draw, its language and the on-screen width (pixels at 96 dpi) if it has one."""
    if isinstance(source, ChartGroup):
        return source, Language.ZH, DEFAULT_EXPORT_WIDTH
    if isinstance(source, GroupChart):
        return source.group, source.plot.lang, source.width() or DEFAULT_EXPORT_WIDTH
    return source.group, source.lang, source.width() or DEFAULT_EXPORT_WIDTH


def export_png(
    source: ExportSource,
    path: str | os.PathLike[str],
    width: int | None = None,
    dpi: int = SCREEN_DPI * 2,
    *,
    source_line: str = "",
) -> None:
    """Write one chart as a PNG file, atomically.

    Args:
        source: A group, or a chart or plot from the panel (its group and language are drawn).
        path: The file to write (replaced if it exists).
        width: The image width in pixels; by default the chart's width at ``dpi``.
        dpi: The resolution the fonts and lines are scaled for (192: twice the screen's).
        source_line: Where the figures come from (report, date, dataset), drawn under the chart.

    Raises:
        ExportError: An ``OSError`` saying which file could not be written and why; nothing is left
            behind (see :func:`desktop_app.core.atomic.atomic_write_bytes`).
        ChartRenderError: The chart could not be drawn at that size.
    """
    group, lang, screen_width = source_group(source)
    width = width or round(screen_width * dpi / SCREEN_DPI)
    image = render_group_image(group, width, dpi, lang=lang, source_line=source_line)
    atomic_write_bytes(path, png_bytes(image))


def export_svg(
    source: ExportSource, path: str | os.PathLike[str], width: int | None = None, *, source_line: str = ""
) -> None:
    """Write one chart as an SVG file, atomically.

    Args:
        source: A group, or a chart or plot from the panel (its group and language are drawn).
        path: The file to write (replaced if it exists).
        width: The drawing width in pixels at 96 dpi; by default the chart's width.
        source_line: Where the figures come from (report, date, dataset), drawn under the chart.

    Raises:
        ExportError: An ``OSError`` saying which file could not be written and why; nothing is left
            behind (see :func:`desktop_app.core.atomic.atomic_write_bytes`).
        ChartRenderError: The chart could not be drawn at that size.
    """
    group, lang, screen_width = source_group(source)
    data = render_group_svg(group, width or screen_width, lang=lang, source_line=source_line)
    atomic_write_bytes(path, data)


def file_stem(group: ChartGroup) -> str:
    """A file name (without suffix) to suggest for a group's chart: ``chart-amount-亿元``."""
    stem = re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "-", group.key).strip("-.")
    return f"chart-{stem or 'group'}"


def export_with_dialog(
    chart: GroupChart | ChartPlot | NumberCards,
    file_format: str,
    parent: QWidget | None = None,
    *,
    source_line: str = "",
) -> None:
    """Ask where to save a chart (PNG at twice the screen's resolution, or SVG) and write it.

    A failure is shown in a message box naming the file and the reason; a cancelled dialog writes
    nothing.

    Args:
        chart: The chart on screen (its group, language and width are drawn).
        file_format: ``"png"`` or ``"svg"``.
        parent: The dialogs' parent (by default the chart).
        source_line: Where the figures come from, drawn under the exported chart.
    """
    parent = parent or chart
    path = chart_save_path(parent, file_format, file_stem(chart.group))
    if path is None:
        return
    width = chart.width()
    try:
        if file_format == "png":
            export_png(chart, path, width=width * 2, dpi=SCREEN_DPI * 2, source_line=source_line)
        else:
            export_svg(chart, path, width=width, source_line=source_line)
    except (OSError, ChartRenderError) as error:
        warn_export_failed(parent, str(error))


def ask_save_path(parent: QWidget, caption: str, suggested: str, file_filter: str, suffix: str) -> str | None:
    """Ask where to save a file; the path ends with ``suffix`` (added if the reader left it out).

    Returns:
        The path, or None when the dialog was cancelled.
    """
    path, _ = QFileDialog.getSaveFileName(parent, caption, suggested, file_filter)
    if not path:
        return None
    return path if path.lower().endswith(suffix) else path + suffix


def chart_save_path(parent: QWidget, file_format: str, stem: str) -> str | None:
    """Ask where to save a chart as ``png`` or ``svg``, suggesting ``stem`` in the Pictures folder.

    Returns:
        The path, or None when the dialog was cancelled.
    """
    suffix = f".{file_format}"
    if file_format == "png":
        caption = QCoreApplication.translate("ChartPanel", "Export Chart as PNG")
        file_filter = QCoreApplication.translate("ChartPanel", "PNG images (*.png)")
    else:
        caption = QCoreApplication.translate("ChartPanel", "Export Chart as SVG")
        file_filter = QCoreApplication.translate("ChartPanel", "SVG drawings (*.svg)")
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
    return ask_save_path(parent, caption, str(Path(folder) / (stem + suffix)), file_filter, suffix)


def warn_export_failed(parent: QWidget, message: str) -> None:
    """Say in a (modal) message box why an export failed; the message as plain text."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("ChartPanel", "Export Failed"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()
