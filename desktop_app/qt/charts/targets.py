"""The chart of one series across years: outcomes as a line with points, targets as marks.

What is drawn is decided by :mod:`desktop_app.core.targets.chart`; here it is drawn with pyqtgraph:

* outcomes: one line through a point per year, broken where a year has no outcome (a missing year is
  not interpolated);
* a **band** target (左右, or a range): a translucent box from the low to the high end, with a dashed
  line at the stated value;
* a **floor** (以上): a bar at the value with an arrow pointing up (the outcome should be above);
* a **ceiling** (以内): a bar at the value with an arrow pointing down;
* a **point** target (an exact figure): an open diamond.

Hovering a mark or a point shows its year, its value as written and its sentence (escaped); a click
emits the mark's ``ref`` so the view can open the report at that sentence. Tests read the plotted
data back from the items (:meth:`SeriesChartPlot.outcome_data`, :meth:`SeriesChartPlot.band_data` …).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QPoint,
    QPointF,
    QRectF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QColor,
    QCursor,
    QFontMetricsF,
    QImage,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
)
from PySide6.QtWidgets import QToolTip, QWidget

# isort: split
# After PySide6, so that pyqtgraph binds to it.
import numpy as np
import pyqtgraph as pg

from desktop_app.core.atomic import atomic_write_bytes
from desktop_app.core.language import Language
from desktop_app.core.presentation import number_text, visible_text
from desktop_app.core.targets.chart import MarkShape, OutcomePoint, SeriesChart, TargetMark
from desktop_app.core.ticks import multiples, nice_step
from desktop_app.core.words import word
from desktop_app.qt.charts.base import InteractivePlot
from desktop_app.qt.charts.config import FOREGROUND, configure_pyqtgraph, register_fonts
from desktop_app.qt.charts.looks import GRID_ALPHA, SCREEN_DPI, Look
from desktop_app.qt.charts.render import (
    MAX_IMAGE_SIDE,
    ChartRenderError,
    exported_by,
    png_bytes,
    svg_document,
)
from desktop_app.qt.text import tooltip

__all__ = [
    "OUTCOME_COLOUR",
    "TARGET_COLOUR",
    "SeriesChartPlot",
    "export_series_png",
    "export_series_svg",
    "series_hover_text",
]

OUTCOME_COLOUR = QColor("#1f5fa8")
"""Outcomes: the line and its points."""
TARGET_COLOUR = QColor("#c2571a")
"""Targets: bands, floors, ceilings and points."""
MARK_WIDTH = 0.5
"""The width of a band or a floor/ceiling bar, in years."""
HIT_PIXELS = 9.0
MARK_REACH = 12.0
"""How far a mark reaches above its value, in pixels (half a floor's arrow, with a gap)."""
MAX_LEGEND_SHARE = 0.6
"""Above this share of the plot's height the legend is not cleared (a chart too short for it)."""
"""How near (pixels at 96 dpi) the mouse must be to a point or a mark to hover or click it."""
DEFAULT_SIZE = (720, 360)
"""An exported chart's size in pixels at 96 dpi, when none is given."""


def _arrow_path(*, up: bool) -> QPainterPath:
    """A bar with an arrow off it: a floor (arrow up) or a ceiling (arrow down), in symbol units.

    pyqtgraph draws symbols in a unit box with y growing downwards; the bar sits at y = 0, so the
    symbol's centre is exactly at the target's value.
    """
    sign = -1.0 if up else 1.0
    path = QPainterPath()
    path.addRect(QRectF(-0.5, -0.05, 1.0, 0.1))
    path.moveTo(-0.22, sign * 0.12)
    path.lineTo(0.22, sign * 0.12)
    path.lineTo(0.0, sign * 0.5)
    path.closeSubpath()
    return path


FLOOR_SYMBOL = _arrow_path(up=True)
CEILING_SYMBOL = _arrow_path(up=False)


def series_hover_text(item: TargetMark | OutcomePoint, lang: Language | str = Language.ZH) -> str:
    """What hovering a mark or a point says: year, value as written, and the sentence (plain text).

    Args:
        item: A target mark or an outcome point.
        lang: The chart's language.

    Returns:
        Two lines: ``2015年目标：7%左右（容差范围 6.5–7.5）`` and the sentence.
    """
    if isinstance(item, TargetMark):
        head = word("target_chart.hover_target", lang).format(year=item.year, label=item.label)
        if item.shape is MarkShape.BAND:
            head += word("target_chart.band_range", lang).format(
                low=number_text(item.low), high=number_text(item.high)
            )
    else:
        head = word("target_chart.hover_outcome", lang).format(year=item.year, label=item.label)
    return f"{head}\n{item.sentence}" if item.sentence else head


class SeriesChartPlot(InteractivePlot):
    """One series across years: outcomes as a line with points, targets as bands, floors, ceilings.

    Signals:
        mark_activated(object): a target mark or an outcome point was clicked; its ``ref``.
        mark_hovered(str): the mouse moved onto a mark or point (its hover text) or off it ("").
        export_requested(str): Export PNG… or Export SVG… was chosen; ``"png"`` or ``"svg"``.
    """

    mark_activated = Signal(object)
    mark_hovered = Signal(str)

    def __init__(
        self,
        chart: SeriesChart,
        *,
        lang: Language | str = Language.ZH,
        look: Look | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.chart = chart
        self.lang = Language.from_tag(lang)
        self._look = look = look or Look()
        self._hovered: TargetMark | OutcomePoint | None = None
        self.setObjectName("seriesChart")
        self.setAccessibleName(chart.title)
        self.setMinimumSize(round(look.px(280)), round(look.px(200)))

        plot = self.getPlotItem()
        plot.layout.setContentsMargins(look.px(4), look.px(8), look.px(12), look.px(4))
        plot.getViewBox().setDefaultPadding(0.0)
        # One row across the top, on a white ground: it never hides a mark for long.
        self.legend = plot.addLegend(
            offset=(look.px(8), look.px(2)),
            labelTextColor=FOREGROUND,
            colCount=4 if look.interactive else 2,
            brush=pg.mkBrush(255, 255, 255, 215),
        )
        self.legend.layout.setHorizontalSpacing(look.px(14))
        legend_font = look.font(0.9)
        size = legend_font.pixelSize()
        self.legend.setLabelTextSize(f"{size}px" if size > 0 else f"{legend_font.pointSizeF():.1f}pt")

        bands = [m for m in chart.targets if m.shape is MarkShape.BAND]
        self.band_item: Any = None
        self.band_lines: Any = None
        if bands:
            self._add_bands(bands)
        self.floor_item = self._add_symbols(MarkShape.FLOOR, FLOOR_SYMBOL, "target_chart.floor")
        self.ceiling_item = self._add_symbols(MarkShape.CEILING, CEILING_SYMBOL, "target_chart.ceiling")
        self.point_item = self._add_symbols(MarkShape.POINT, "d", "target_chart.point")
        self.outcome_item: Any = None
        if chart.outcomes:
            self._add_outcomes()
        self._y_range = self._value_range()
        self._set_up_axes()
        # The legend is as tall in pixels at any size, so what clears it is worked out at each size.
        plot.getViewBox().sigResized.connect(self._clear_legend)

    # --- building

    def _add_bands(self, bands: Sequence[TargetMark]) -> None:
        look = self._look
        fill = QColor(TARGET_COLOUR)
        fill.setAlpha(55)
        pen = QPen(TARGET_COLOUR)
        pen.setWidthF(look.px(1.0))
        pen.setCosmetic(True)
        self.band_item = pg.BarGraphItem(
            x=np.array([m.year for m in bands], dtype=float),
            y0=np.array([m.low for m in bands], dtype=float),
            height=np.array([m.high - m.low for m in bands], dtype=float),
            width=MARK_WIDTH,
            brush=fill,
            pen=pen,
            name=word("target_chart.band", self.lang),
        )
        self.getPlotItem().addItem(self.band_item)
        # The stated value inside its band, dashed: 7%左右 is 7, not anywhere from 6.5 to 7.5.
        stated = [m for m in bands if m.stated]
        xs = np.repeat([m.year for m in stated], 2).astype(float)
        xs += np.tile([-0.5, 0.5], len(stated)) * MARK_WIDTH
        ys = np.repeat([m.value for m in stated], 2).astype(float)
        middle = QPen(TARGET_COLOUR)
        middle.setWidthF(look.px(1.5))
        middle.setStyle(Qt.PenStyle.DashLine)
        middle.setCosmetic(True)
        self.band_lines = pg.PlotDataItem(xs, ys, connect="pairs", pen=middle)
        self.getPlotItem().addItem(self.band_lines)

    def _add_symbols(self, shape: MarkShape, symbol: Any, legend_key: str) -> Any:
        marks = [m for m in self.chart.targets if m.shape is shape]
        if not marks:
            return None
        look = self._look
        filled = shape is not MarkShape.POINT
        item = pg.ScatterPlotItem(
            x=[float(m.year) for m in marks],
            y=[m.value for m in marks],
            symbol=symbol,
            size=look.px(20 if filled else 13),
            brush=pg.mkBrush(TARGET_COLOUR if filled else QColor("white")),
            pen=pg.mkPen(TARGET_COLOUR.darker(115), width=look.px(1.5 if not filled else 1.0)),
            pxMode=True,
            name=word(legend_key, self.lang),
        )
        self.getPlotItem().addItem(item)
        if filled:
            # The floor or ceiling itself: a bar as wide as a band, the symbol's arrow on it.
            xs = np.repeat([m.year for m in marks], 2).astype(float)
            xs += np.tile([-0.5, 0.5], len(marks)) * MARK_WIDTH
            ys = np.repeat([m.value for m in marks], 2).astype(float)
            pen = QPen(TARGET_COLOUR)
            pen.setWidthF(look.px(3.0))
            pen.setCosmetic(True)
            bars = pg.PlotDataItem(xs, ys, connect="pairs", pen=pen)
            self.getPlotItem().addItem(bars)
        return item

    def _add_outcomes(self) -> None:
        look = self._look
        by_year = {p.year: p.value for p in self.chart.outcomes}
        first, last = min(by_year), max(by_year)
        years = np.arange(first, last + 1, dtype=float)
        # NaN where a year states no outcome: the line breaks there instead of bridging the gap.
        values = np.array([by_year.get(int(y), math.nan) for y in years], dtype=float)
        pen = QPen(OUTCOME_COLOUR)
        pen.setWidthF(look.px(2.0))
        pen.setCosmetic(True)
        # An unreviewed outcome (shown only when asked for) is a hollow point; its hover says so in words.
        unreviewed = {p.year for p in self.chart.outcomes if p.unreviewed}
        filled, hollow = pg.mkBrush(OUTCOME_COLOUR), pg.mkBrush("w")
        edge, ring = pg.mkPen("w", width=look.px(1.0)), pg.mkPen(OUTCOME_COLOUR, width=look.px(1.5))
        self.outcome_item = pg.PlotDataItem(
            years,
            values,
            connect="finite",
            pen=pen,
            symbol="o",
            symbolSize=look.px(9),
            symbolBrush=[hollow if int(y) in unreviewed else filled for y in years] if unreviewed else filled,
            symbolPen=[ring if int(y) in unreviewed else edge for y in years] if unreviewed else edge,
            name=word("target_chart.outcome", self.lang),
        )
        self.getPlotItem().addItem(self.outcome_item)

    def _value_range(self) -> tuple[float, float]:
        values = [p.value for p in self.chart.outcomes]
        for mark in self.chart.targets:
            values += [mark.low, mark.high]
        values = [v for v in values if math.isfinite(v)]
        if not values:
            return 0.0, 1.0
        low, high = min(values), max(values)
        span = high - low or max(abs(high) * 0.2, 1.0)
        # Room below for the ceiling arrows, above for the floors' and the legend's row (and more
        # where a short chart needs it: _clear_legend).
        return low - span * 0.25, high + span * 0.4

    def legend_clearance(self) -> float:
        """The pixels between the legend's bottom edge and the highest mark drawn under it.

        Negative when a mark (with its symbol's reach) lies under the legend; infinite when none
        is drawn across the legend's width.
        """
        view = self.getPlotItem().getViewBox()
        legend = self.legend.mapRectToItem(view, self.legend.boundingRect())
        top = self._highest_under(legend.left(), legend.right())
        if top is None:
            return math.inf
        y = view.mapFromView(QPointF(0.0, top)).y()
        return float(y - self._look.px(MARK_REACH) - legend.bottom())

    def _highest_under(self, left: float, right: float) -> float | None:
        """The highest value drawn between view-box x positions ``left`` and ``right`` (pixels)."""
        view = self.getPlotItem().getViewBox()
        low = view.mapToView(QPointF(left, 0.0)).x() - MARK_WIDTH / 2
        high = view.mapToView(QPointF(right, 0.0)).x() + MARK_WIDTH / 2
        values = [p.value for p in self.chart.outcomes if low <= p.year <= high]
        values += [m.high for m in self.chart.targets if low <= m.year <= high]
        values = [v for v in values if math.isfinite(v)]
        return max(values) if values else None

    @Slot()
    def _clear_legend(self) -> None:
        """Raise the top of the value axis until no mark under the legend is hidden by it.

        The headroom of :meth:`_value_range` is a share of the values' span: in a short chart (the
        window at 1024×600) the legend's row is a larger share of the height and covered the points
        of 1992–1993 of GDP growth. The top is raised (never lowered below the usual headroom) so the
        highest mark across the legend's width sits :data:`MARK_REACH` pixels below it.
        """
        view = self.getPlotItem().getViewBox()
        height = view.height()
        low, high = self._y_range
        legend = self.legend.mapRectToItem(view, self.legend.boundingRect())
        top = self._highest_under(legend.left(), legend.right())
        if height <= 0 or top is None:
            return
        share = (legend.bottom() + self._look.px(MARK_REACH)) / height
        if share >= MAX_LEGEND_SHARE:  # a chart too short for it: the usual headroom
            view.setYRange(low, high, padding=0.0)
            return
        # The mark at ``top`` is ``share`` of the height below the axis' top: solve for the top.
        view.setYRange(low, max(high, (top - share * low) / (1.0 - share)), padding=0.0)

    def _set_up_axes(self) -> None:
        look = self._look
        plot = self.getPlotItem()
        font = look.font()
        years = self.chart.years or (0,)
        low_year, high_year = min(years) - 0.6, max(years) + 0.6
        low, high = self._y_range

        bottom = plot.getAxis("bottom")
        bottom.setStyle(tickFont=font, tickTextOffset=round(look.px(5)), tickLength=-round(look.px(4)))
        bottom.setPen(look.line_pen())
        bottom.setTextPen(FOREGROUND)
        step = max(1, math.ceil(len(range(min(years), max(years) + 1)) / 12))
        bottom.setTicks([[(float(y), str(y)) for y in range(min(years), max(years) + 1, step)], []])
        # Room for the year labels in the font of this look (pyqtgraph sizes axes for its own font).
        metrics = QFontMetricsF(font)
        bottom.setHeight(math.ceil(metrics.height() + look.px(12)))

        left = plot.getAxis("left")
        left.setStyle(tickFont=font, tickTextOffset=round(look.px(5)), tickLength=-round(look.px(4)))
        left.setPen(look.line_pen())
        left.setTextPen(FOREGROUND)
        left.enableAutoSIPrefix(False)
        value_step = nice_step(high - low, 5, integers=False)
        self.value_ticks = multiples(value_step, low, high)
        left.setTicks([[(t, number_text(t)) for t in self.value_ticks], []])
        # The unit is dataset text; AxisItem labels are HTML, so it is escaped.
        left.setLabel(_escape(visible_text(self.chart.unit)))
        left.label.setFont(font)
        left.label.setDefaultTextColor(FOREGROUND)
        left.showLabel(bool(self.chart.unit))
        widest = max((metrics.horizontalAdvance(number_text(t)) for t in self.value_ticks), default=0.0)
        left.setWidth(math.ceil(widest + look.px(10) + (metrics.height() * 1.4 if self.chart.unit else 0)))

        grid = QColor(FOREGROUND)
        grid.setAlphaF(GRID_ALPHA)
        for tick in self.value_ticks:
            line = pg.InfiniteLine(pos=tick, angle=0, pen=look.line_pen(grid), movable=False)
            plot.addItem(line, ignoreBounds=True)
            line.setZValue(-10)
        view = plot.getViewBox()
        view.setRange(xRange=(low_year, high_year), yRange=(low, high), padding=0.0)
        view.disableAutoRange()

    # --- reading back (tests, exports)

    def outcome_data(self) -> list[tuple[int, float]]:
        """The outcome line's points as (year, value), read back from the plotted item."""
        if self.outcome_item is None:
            return []
        xs, ys = self.outcome_item.getData()
        return [(int(x), float(y)) for x, y in zip(xs, ys, strict=True) if math.isfinite(y)]

    def hollow_outcome_years(self) -> list[int]:
        """The years whose outcome point is drawn hollow (unreviewed), read back from the plotted item."""
        if self.outcome_item is None:
            return []
        brushes = self.outcome_item.opts["symbolBrush"]
        if not isinstance(brushes, list):
            return []
        xs, ys = self.outcome_item.getData()
        return [
            int(x)
            for x, y, brush in zip(xs, ys, brushes, strict=True)
            if math.isfinite(y) and brush.color() == QColor("white")
        ]

    def band_data(self) -> list[tuple[int, float, float]]:
        """The bands as (year, low, high), read back from the bar item."""
        if self.band_item is None:
            return []
        opts = self.band_item.opts
        xs = np.atleast_1d(opts["x"])
        lows = np.atleast_1d(opts["y0"])
        heights = np.atleast_1d(opts["height"])
        return [(int(x), float(y0), float(y0 + h)) for x, y0, h in zip(xs, lows, heights, strict=True)]

    def symbol_data(self, shape: MarkShape) -> list[tuple[int, float]]:
        """The floors, ceilings or point targets as (year, value), read back from their scatter item."""
        item = {
            MarkShape.FLOOR: self.floor_item,
            MarkShape.CEILING: self.ceiling_item,
            MarkShape.POINT: self.point_item,
        }.get(shape)
        if item is None:
            return []
        xs, ys = item.getData()
        return [(int(x), float(y)) for x, y in zip(xs, ys, strict=True)]

    def legend_labels(self) -> list[str]:
        """The legend's entries, top first."""
        return [label.text for _sample, label in self.legend.items]

    def mark_position(self, item: TargetMark | OutcomePoint) -> QPointF:
        """Where a mark or point is drawn, in view (data) coordinates."""
        return QPointF(float(item.year), item.value)

    def target_at(self, scene_pos: QPointF) -> TargetMark | OutcomePoint | None:
        """The outcome point or target mark under a scene position (points before marks)."""
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        slack = self._look.px(HIT_PIXELS)
        best: tuple[float, TargetMark | OutcomePoint] | None = None
        candidates: list[TargetMark | OutcomePoint] = [*self.chart.outcomes, *self.chart.targets]
        for item in candidates:
            here = view.mapViewToScene(self.mark_position(item))
            dx, dy = abs(here.x() - scene_pos.x()), abs(here.y() - scene_pos.y())
            if isinstance(item, TargetMark) and item.shape is not MarkShape.POINT:
                # A band or a bar is hit anywhere across its width (and a band over its height).
                left = view.mapViewToScene(QPointF(item.year - MARK_WIDTH / 2, item.value)).x()
                dx = max(0.0, abs(scene_pos.x() - here.x()) - abs(here.x() - left))
                if item.shape is MarkShape.BAND:
                    top = view.mapViewToScene(QPointF(item.year, item.high)).y()
                    bottom = view.mapViewToScene(QPointF(item.year, item.low)).y()
                    dy = 0.0 if min(top, bottom) <= scene_pos.y() <= max(top, bottom) else dy
            if dx <= slack and dy <= slack:
                # An outcome point drawn over its target's band wins: the band is hit elsewhere too.
                distance = math.hypot(dx, dy) + (0.0 if isinstance(item, OutcomePoint) else slack * 2)
                if best is None or distance < best[0]:
                    best = (distance, item)
        return None if best is None else best[1]

    def hover(self, item: TargetMark | OutcomePoint | None) -> None:
        """Show the tooltip for ``item`` (None: nothing) and emit :attr:`mark_hovered`."""
        if item == self._hovered:
            return
        self._hovered = item
        if item is None:
            self.setToolTip("")
            QToolTip.hideText()
            self.mark_hovered.emit("")
            return
        text = series_hover_text(item, self.lang)
        rich = tooltip(*text.split("\n", 1))
        self.setToolTip(rich)
        if QToolTip.isVisible():  # else Qt shows it after the usual delay
            QToolTip.showText(QCursor.pos(), rich, self)
        self.mark_hovered.emit(text.replace("\n", " — "))

    def activate(self, item: TargetMark | OutcomePoint) -> None:
        """Act as if ``item`` was clicked: emit :attr:`mark_activated` with its ``ref``."""
        self.mark_activated.emit(item.ref)

    # --- events

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        self._accept_on_mark(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)  # the scene's click (sigMouseClicked) comes from here
        self._accept_on_mark(event)

    def _accept_on_mark(self, event: QMouseEvent) -> None:
        # A press on a mark is ours (a click), even though no graphics item takes it.
        position = self.mapToScene(event.position().toPoint())
        if event.button() == Qt.MouseButton.LeftButton and self.target_at(position) is not None:
            event.accept()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- off-screen rendering and export -------------------------------------------------------------


def _offscreen(chart: SeriesChart, size: tuple[int, int], scale: float, lang: Language) -> SeriesChartPlot:
    configure_pyqtgraph()
    register_fonts()
    width, height = size
    if width <= 0 or height <= 0:
        raise ValueError(f"a chart's size must be positive, got {width}×{height}")
    if width * scale > MAX_IMAGE_SIDE or height * scale > MAX_IMAGE_SIDE:
        raise ChartRenderError(
            f"chart {chart.title!r} would be {round(width * scale)}×{round(height * scale)} pixels, "
            f"more than the {MAX_IMAGE_SIDE} pixels a side allowed"
        )
    plot = SeriesChartPlot(chart, lang=lang, look=Look.for_print(SCREEN_DPI * scale))
    plot.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    plot.resize(round(width * scale), round(height * scale))
    plot.show()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    plot.getPlotItem().layout.activate()
    return plot


def render_series_image(
    chart: SeriesChart,
    size: tuple[int, int] = DEFAULT_SIZE,
    scale: float = 2.0,
    lang: Language | str = Language.ZH,
) -> QImage:
    """A series' chart as an image ``size × scale`` pixels, fonts and lines scaled with it.

    Raises:
        ValueError: A size that is not positive.
        ChartRenderError: The image would be larger than :data:`MAX_IMAGE_SIDE` a side.
    """
    plot = _offscreen(chart, size, scale, Language.from_tag(lang))
    try:
        image = QImage(plot.size(), QImage.Format.Format_ARGB32_Premultiplied)
        if image.isNull():
            raise ChartRenderError(f"chart {chart.title!r}: the image could not be allocated")
        image.fill(QColor("white"))
        painter = QPainter(image)
        QWidget.render(plot, painter, QPoint(0, 0))
        painter.end()
    finally:
        plot.dispose()
    dots_per_metre = round(SCREEN_DPI * scale / 0.0254)
    image.setDotsPerMeterX(dots_per_metre)
    image.setDotsPerMeterY(dots_per_metre)
    return image


def render_series_svg(
    chart: SeriesChart, size: tuple[int, int] = DEFAULT_SIZE, lang: Language | str = Language.ZH
) -> bytes:
    """A series' chart as an SVG document (through ``QSvgGenerator``)."""
    plot = _offscreen(chart, size, 1.0, Language.from_tag(lang))
    try:
        return svg_document(
            plot.size(),
            chart.title,
            lambda painter: QWidget.render(plot, painter, QPoint(0, 0)),
            description=exported_by(),
            background=QColor("white"),
        )
    finally:
        plot.dispose()


def export_series_png(
    chart: SeriesChart, path: str, size: tuple[int, int] = DEFAULT_SIZE, lang: Language | str = Language.ZH
) -> None:
    """Write a series' chart as a PNG at twice the screen's resolution, atomically.

    Raises:
        ExportError: The file could not be written (nothing is left behind).
        ChartRenderError: The chart could not be drawn at that size.
    """
    atomic_write_bytes(path, png_bytes(render_series_image(chart, size, 2.0, lang)))


def export_series_svg(
    chart: SeriesChart, path: str, size: tuple[int, int] = DEFAULT_SIZE, lang: Language | str = Language.ZH
) -> None:
    """Write a series' chart as SVG, atomically.

    Raises:
        ExportError: The file could not be written (nothing is left behind).
        ChartRenderError: The chart could not be drawn at that size.
    """
    atomic_write_bytes(path, render_series_svg(chart, size, lang))
