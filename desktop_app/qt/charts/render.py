"""Charts drawn off screen for print and export: an image at a given resolution, or SVG bytes.

These build a fresh chart at the target pixel size with fonts and lines scaled to the resolution,
instead of painting the screen chart on a high-resolution device, which misplaces pyqtgraph's axis
text.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QEvent, QIODevice, QPoint, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QLayout

from desktop_app.core.charting import ChartGroup
from desktop_app.core.language import Language
from desktop_app.qt.charts.config import FOREGROUND, configure_pyqtgraph, register_fonts
from desktop_app.qt.charts.group import GroupChart
from desktop_app.qt.charts.labels import group_title
from desktop_app.qt.charts.looks import SCREEN_DPI, Look
from desktop_app.qt.charts.plot import ChartPlot

__all__ = [
    "DEFAULT_EXPORT_WIDTH",
    "MAX_IMAGE_SIDE",
    "ChartRenderError",
    "exported_by",
    "png_bytes",
    "render_group_image",
    "render_group_svg",
    "svg_document",
]

DEFAULT_EXPORT_WIDTH = 800
"""The width, in pixels at 96 dpi, of an exported chart when no width is given."""
MAX_IMAGE_SIDE = 12_000
"""The longest side, in pixels, of a chart image (about 27 cm at 1200 dpi, or 1 m at 300 dpi).

A chart has at most :data:`desktop_app.core.charting.MAX_ROWS` rows, so at any sensible resolution
it stays far below this; the cap turns a mistaken size into a clear error instead of gigabytes.
"""


class ChartRenderError(RuntimeError):
    """A chart could not be drawn (too large, or the image could not be allocated).

    The message names the chart and the size, for a dialog or the command line; printing turns it
    into a failed export instead of a document without its charts.
    """


def offscreen_chart(
    group: ChartGroup, width_px: int, look: Look, lang: Language | str, source_line: str = ""
) -> GroupChart:
    """A chart laid out at ``width_px`` pixels wide, never shown on screen."""
    configure_pyqtgraph()
    register_fonts()
    chart = GroupChart(group, lang=lang, look=look, source_line=source_line)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.setAutoFillBackground(True)
    palette = chart.palette()
    palette.setColor(chart.backgroundRole(), QColor("white"))
    palette.setColor(chart.foregroundRole(), FOREGROUND)
    chart.setPalette(palette)
    layout = chart.layout()
    assert layout is not None
    # Exactly the width asked for, even where the labels would want more.
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    height = layout.totalHeightForWidth(width_px) if layout.hasHeightForWidth() else -1
    if height <= 0:
        height = chart.sizeHint().height()
    chart.resize(width_px, height)
    chart.show()
    # Wrapping text, the legend and number cards find their height only at the final width.
    for _ in range(3):
        layout.activate()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        wanted = layout.totalHeightForWidth(width_px) if layout.hasHeightForWidth() else -1
        wanted = max(wanted, layout.totalMinimumSize().height())
        if wanted <= 0 or wanted == chart.height():
            break
        chart.resize(width_px, wanted)
    if isinstance(chart.plot, ChartPlot):
        # Let the plot's graphics layout settle at the final size.
        chart.plot.getPlotItem().layout.activate()
    return chart


def _check_size(group: ChartGroup, width: int, height: int) -> None:
    if width > MAX_IMAGE_SIDE or height > MAX_IMAGE_SIDE:
        raise ChartRenderError(
            f"chart {group.title!r} would be {width}×{height} pixels, more than the "
            f"{MAX_IMAGE_SIDE} pixels a side allowed; use a lower resolution"
        )


def render_group_image(
    group: ChartGroup,
    width_px: int,
    dpi: int = 300,
    *,
    lang: Language | str = Language.ZH,
    source_line: str = "",
) -> QImage:
    """One group's chart as an image for print: sharp at ``dpi``, ``width_px`` pixels wide.

    The chart is built afresh at the target size with fonts and lines scaled by ``dpi / 96`` (so a
    9 pt label is 9 pt on paper), then painted at one device pixel per pixel; the height follows from
    the number of rows. The image's dots-per-metre say ``dpi``, so a document that embeds it at its
    natural size prints it ``width_px / dpi`` inches wide.

    Args:
        group: The group to draw.
        width_px: The image width in pixels.
        dpi: The print resolution.
        lang: ``"zh"`` or ``"en"``.
        source_line: A line under the chart saying where its figures come from (for export; a
            printed document has its own source block).

    Returns:
        An ARGB32 image on a white background.

    Raises:
        ValueError: ``width_px`` or ``dpi`` is not positive.
        ChartRenderError: The image would be larger than :data:`MAX_IMAGE_SIDE` a side, or could not
            be allocated.
    """
    if width_px <= 0 or dpi <= 0:
        raise ValueError(f"width_px and dpi must be positive, got {width_px} and {dpi}")
    _check_size(group, width_px, 1)
    chart = offscreen_chart(group, width_px, Look.for_print(dpi), Language.from_tag(lang), source_line)
    try:
        _check_size(group, chart.width(), chart.height())
        image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ChartRenderError(
                f"chart {group.title!r}: an image of {chart.width()}×{chart.height()} pixels "
                "could not be allocated (out of memory?)"
            )
        image.fill(QColor("white"))
        painter = QPainter(image)
        chart.render(painter, QPoint(0, 0))
        painter.end()
    finally:
        chart.dispose()
    # Set after painting: text is laid out for 96 dpi, as the widget measured it.
    dots_per_metre = round(dpi / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def render_group_svg(
    group: ChartGroup,
    width_px: int = DEFAULT_EXPORT_WIDTH,
    *,
    lang: Language | str = Language.ZH,
    source_line: str = "",
) -> bytes:
    """One group's chart as an SVG document (through ``QSvgGenerator``, not pyqtgraph's exporter).

    Args:
        group: The group to draw.
        width_px: The drawing's width in pixels at 96 dpi.
        lang: ``"zh"`` or ``"en"``.
        source_line: A line under the chart saying where its figures come from.

    Returns:
        The UTF-8 SVG document.

    Raises:
        ValueError: ``width_px`` is not positive.
        ChartRenderError: The drawing would be larger than :data:`MAX_IMAGE_SIDE` a side.
    """
    if width_px <= 0:
        raise ValueError(f"width_px must be positive, got {width_px}")
    _check_size(group, width_px, 1)
    chart = offscreen_chart(group, width_px, Look.for_print(SCREEN_DPI), Language.from_tag(lang), source_line)
    try:
        _check_size(group, chart.width(), chart.height())
        return svg_document(
            chart.size(),
            group_title(group, lang),
            lambda painter: chart.render(painter, QPoint(0, 0)),
            description=source_line or exported_by(),
            background=QColor("white"),
        )
    finally:
        chart.dispose()


def exported_by() -> str:
    """The description an exported chart carries when it has no source line."""
    return QCoreApplication.translate("ChartPanel", "Chart exported by Report Viewer")


def svg_document(
    size: QSize,
    title: str,
    draw: Callable[[QPainter], None],
    *,
    description: str = "",
    background: QColor | None = None,
) -> bytes:
    """A drawing as an SVG document (through ``QSvgGenerator``: pyqtgraph's exporter fails on paths).

    Args:
        size: The drawing's size in pixels at 96 dpi.
        title: The document's title.
        draw: Paints the drawing (a chart rendering itself).
        description: The document's description (none if empty).
        background: Filled under the drawing (None: transparent).

    Returns:
        The UTF-8 SVG document.
    """
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setResolution(SCREEN_DPI)
    generator.setTitle(title)
    if description:
        generator.setDescription(description)
    painter = QPainter(generator)
    if background is not None:
        painter.fillRect(QRectF(0, 0, size.width(), size.height()), background)
    draw(painter)
    painter.end()
    buffer.close()
    return bytes(data.data())


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"Cannot encode the chart as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())
