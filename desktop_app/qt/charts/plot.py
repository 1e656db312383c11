"""One chart's plot of one :class:`ChartGroup`, drawn with pyqtgraph: bars, or dots for ranks.

Rows run down the left axis, so that Chinese labels stay readable. What the rows and the value axis
are is decided by :mod:`desktop_app.core.charting`; here:

* **bars** start at zero; a bound (低于 0.15) is not a bar but a triangle marker pointing the way the
  value may lie, labelled with its sign (``<0.15``); a derived figure carries a whisker for its range;
* **dots** (ranks) sit on the list's own scale (1 … N, 1 on the left) over a faint track of the whole
  list; a bound rank (前 5) is a band from 1 to the bound instead of a dot;
* a fixed axis (0–100 % for shares) is kept whatever the values; a value label that would run past
  the end of a fixed axis is drawn inside the bar or left of the dot.

Dataset text is never interpreted as markup: tick labels are drawn with ``QPainter.drawText``, the
axis label is escaped and tooltips are escaped (:func:`desktop_app.qt.text.tooltip`).
"""

from __future__ import annotations

import html
import math
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QPointF, QRectF, Qt, Signal, Slot
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

# isort: split
# After PySide6, so that pyqtgraph binds to it.
import numpy as np
import pyqtgraph as pg

from desktop_app.core.charting import ChartGroup, ChartItem, ChartStyle
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import number_text, visible_text
from desktop_app.core.ticks import multiples, nice_step
from desktop_app.core.unreviewed import UNREVIEWED_COLOUR
from desktop_app.qt.charts.base import InteractivePlot
from desktop_app.qt.charts.config import FOREGROUND
from desktop_app.qt.charts.labels import axis_caption, group_title, hover_text, show_hover_tooltip
from desktop_app.qt.charts.looks import (
    BAR_HEIGHT,
    GRID_ALPHA,
    MIN_VALUE_AXIS,
    BarStyle,
    Look,
    kind_colour,
    kind_look,
    label_margin,
    natural_label_width,
    tick_labels,
)

__all__ = ["ChartPlot"]


class _Bars(pg.BarGraphItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Bars with a fill, a pattern over it and an outline, painted in device coordinates.

    Painting in device coordinates keeps hatching at a fixed density in every output: a pattern
    brush painted under the view's scaling would be stretched in SVG.
    """

    def __init__(self, *, patterns: Sequence[QBrush], drawn: Sequence[bool], **opts: Any) -> None:
        self.patterns = list(patterns)
        self.drawn = list(drawn)
        super().__init__(**opts)

    def paint(self, painter: QPainter, *args: Any) -> None:
        x0, y0, x1, y1 = (np.atleast_1d(a) for a in self._getNormalizedCoords())
        count = len(self.patterns)
        x0, x1 = np.broadcast_to(x0, (count,)), np.broadcast_to(x1, (count,))
        y0, y1 = np.broadcast_to(y0, (count,)), np.broadcast_to(y1, (count,))
        fills, pens = self.opts["brushes"], self.opts["pens"]
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        for index in range(count):
            if not self.drawn[index]:
                continue  # a bound's marker or a rank's dot stands for this row
            rect = transform.mapRect(
                QRectF(x0[index], y0[index], x1[index] - x0[index], y1[index] - y0[index])
            )
            painter.fillRect(rect, fills[index])
            painter.fillRect(rect, self.patterns[index])
            painter.setPen(pens[index])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        painter.restore()


class ChartPlot(InteractivePlot):
    """A horizontal bar chart of one :class:`ChartGroup`.

    Signals:
        bar_activated(str): a bar (or its label) was clicked; the indicator id.
        bar_hovered(str): the mouse moved onto a bar (its :func:`hover_text`) or off it ("").
        export_requested(str): Export PNG… or Export SVG… was chosen; ``"png"`` or ``"svg"``.
    """

    bar_activated = Signal(str)
    bar_hovered = Signal(str)

    def __init__(
        self,
        group: ChartGroup,
        *,
        lang: Language | str = Language.ZH,
        look: Look | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.lang = lang
        self._look = look = look or Look()
        self._items = group.items
        self._hovered: int | None = None
        self.setObjectName(f"{look.object_prefix}Plot")
        self.setAccessibleName(group_title(group, lang))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        plot = self.getPlotItem()
        plot.layout.setContentsMargins(look.px(2), look.px(6), look.px(12), look.px(2))
        view = plot.getViewBox()
        view.invertY(True)
        view.setDefaultPadding(0.0)

        count = len(self._items)
        rows = np.arange(count, dtype=float)
        values = np.array([item.value for item in self._items], dtype=float)
        self.dots = group.style is ChartStyle.DOTS
        # Rows drawn as bars; the others are drawn as markers, dots or bands. The bar item keeps
        # every row (zero-width where nothing is drawn), so the plotted values can be read back.
        drawn = [not self.dots and item.kind is not IndicatorKind.BOUND for item in self._items]
        starts = np.where(drawn, 0.0, values) if count else np.zeros(0)
        styles = [look.bar_style(item.kind, unreviewed=item.unreviewed) for item in self._items]
        self.bar_item = _Bars(
            x0=starts,
            y=rows,
            width=values - starts,
            height=BAR_HEIGHT,
            brushes=[s.fill for s in styles],
            pens=[s.pen for s in styles],
            patterns=[s.pattern for s in styles],
            drawn=drawn,
        )
        self.baseline = 0.0
        low, high = self._value_range()
        self.whisker_items: list[Any] = []
        self.marker_items: list[Any] = []
        if self.dots:
            self._add_rank_tracks(low, high)
        plot.addItem(self.bar_item)
        self._add_whiskers()
        self._add_markers()
        self._add_value_labels()
        self._set_up_axes(values, low, high)
        self._place_value_labels()

        self.row_height = max(QFontMetricsF(look.font()).height() * 1.9, look.px(24))
        bottom = plot.getAxis("bottom")
        _, top, _, below = plot.layout.getContentsMargins()
        height = count * self.row_height + bottom.minimumHeight() + top + below
        self.setFixedHeight(math.ceil(height))

    # --- building

    def _add_whiskers(self) -> None:
        for row, item in enumerate(self._items):
            if item.range_low is None or item.range_high is None:
                continue
            whisker = pg.ErrorBarItem(
                x=np.array([item.value]),
                y=np.array([float(row)]),
                left=np.array([item.value - item.range_low]),
                right=np.array([item.range_high - item.value]),
                beam=BAR_HEIGHT * 0.6,
                pen=self._look.whisker_pen(item.kind),
            )
            self.getPlotItem().addItem(whisker)
            self.whisker_items.append(whisker)

    def _value_range(self) -> tuple[float, float]:
        """The value axis: the group's fixed one, or one fitted to the values with room for labels."""
        group = self.group
        if group.axis_low is not None and group.axis_high is not None:
            return group.axis_low, group.axis_high
        highs = [
            item.value if item.range_high is None else max(item.value, item.range_high)
            for item in self._items
        ]
        lows = [
            item.value if item.range_low is None else min(item.value, item.range_low) for item in self._items
        ]
        low, high = min([0.0, *lows]), max([0.0, *highs])
        if high == low:
            high = low + 1.0
        return low, high + (high - low) * 0.16  # room for the longest bar's value label

    def _add_rank_tracks(self, low: float, high: float) -> None:
        """A faint line over the whole list behind each ranking's dot: where the rank stands in it."""
        count = len(self._items)
        xs = np.tile([low, high], count)
        ys = np.repeat(np.arange(count, dtype=float), 2)
        colour = QColor(FOREGROUND)
        colour.setAlpha(60)
        pen = self._look.line_pen(colour)
        pen.setWidthF(self._look.px(3))
        track = pg.PlotDataItem(xs, ys, connect="pairs", pen=pen)
        self.getPlotItem().addItem(track)
        self.marker_items.append(track)

    def _add_markers(self) -> None:
        """Dots for ranks, bands for bound ranks (前 5: 1 to 5), triangles for other bounds."""
        look = self._look
        plot = self.getPlotItem()
        for row, item in enumerate(self._items):
            colour = kind_colour(item.kind)
            if self.dots and item.bound:
                band = QColor(colour)
                band.setAlpha(110)
                start = self.group.axis_low if self.group.axis_low is not None else 1.0
                pen = QPen(band)
                pen.setWidthF(look.px(9))
                pen.setCapStyle(Qt.PenCapStyle.RoundCap)
                marker = pg.PlotDataItem([start, item.value], [row, row], pen=pen)
            elif self.dots or item.kind is IndicatorKind.BOUND:
                symbol = "o" if self.dots else ("t3" if item.bound in ("<", "≤") else "t2")
                # An unreviewed figure's dot or marker is hollow (its label says 未审核 as well).
                marker = pg.ScatterPlotItem(
                    x=[item.value],
                    y=[float(row)],
                    symbol=symbol,
                    size=look.px(12),
                    brush=QBrush(Qt.GlobalColor.white if item.unreviewed else colour),
                    pen=look.line_pen(QColor(UNREVIEWED_COLOUR) if item.unreviewed else colour.darker(130)),
                    pxMode=True,
                )
            else:
                continue
            plot.addItem(marker)
            self.marker_items.append(marker)

    def _add_value_labels(self) -> None:
        font = self._look.font(0.9)
        self.value_labels: list[Any] = []
        for item in self._items:
            # Plain text (TextItem.setPlainText), never markup.
            label = pg.TextItem(item.bound + number_text(item.value), color=FOREGROUND, anchor=(0.0, 0.5))
            label.setFont(font)
            self.getPlotItem().addItem(label, ignoreBounds=True)
            self.value_labels.append(label)
        view = self.getPlotItem().getViewBox()
        view.sigResized.connect(self._place_value_labels)

    @Slot()
    def _place_value_labels(self) -> None:
        """Each value label after its bar (or dot), or inside the bar's end where the room runs out.

        Decided in pixels at the chart's current width, so a narrow panel never cuts a label off.
        """
        look = self._look
        view = self.getPlotItem().getViewBox()
        (x_low, x_high), _ = view.viewRange()
        pixels = view.width() if view.width() > 0 else 400.0
        per_pixel = (x_high - x_low) / pixels
        for row, (item, label) in enumerate(zip(self._items, self.value_labels, strict=True)):
            end = item.value if item.range_high is None else max(item.value, item.range_high)
            drawn = self._drawn(row)
            gap = look.px(3 if drawn else 9)  # a marker's or a dot's radius
            # The label's own box (text and document margins), in pixels: TextItem ignores scaling.
            need = label.boundingRect().width() + gap + look.px(2)
            if (x_high - end) / per_pixel >= need or end - x_low < need * per_pixel:
                label.setAnchor((0.0, 0.5))
                label.setColor(FOREGROUND)
                label.setPos(end + gap * per_pixel, row)
            else:
                on_fill = drawn and kind_look(item.kind).fill_alpha == 255
                label.setAnchor((1.0, 0.5))
                label.setColor(QColor("white") if on_fill else FOREGROUND)
                label.setPos(end - gap * per_pixel, row)

    def _drawn(self, row: int) -> bool:
        return bool(self.bar_item.drawn[row])

    def _set_up_axes(self, values: np.ndarray, low: float, high: float) -> None:
        look = self._look
        plot = self.getPlotItem()
        tick_font = look.font()
        metrics = QFontMetricsF(tick_font)
        tick_length = round(look.px(5))
        text_offset = round(look.px(6))

        left = plot.getAxis("left")
        left.setStyle(tickFont=tick_font, tickLength=0, tickTextOffset=text_offset)
        left.setPen(look.line_pen())
        left.setTextPen(FOREGROUND)
        # Category names, no scale: an SI prefix would only re-lay the axis out on every resize.
        left.enableAutoSIPrefix(False)
        self.set_label_width(natural_label_width(self.group, look, self.lang))

        bottom = plot.getAxis("bottom")
        bottom.setStyle(
            tickFont=tick_font,
            tickLength=-tick_length,
            tickTextOffset=text_offset,
            autoExpandTextSpace=False,
            tickTextHeight=math.ceil(metrics.height()),
            # Keep the 0 and 100 (1 and N) at the ends of the axis: let labels run this far past them.
            hideOverlappingLabels=round(look.px(24)),
        )
        bottom.setPen(look.line_pen())
        bottom.setTextPen(FOREGROUND)
        bottom.enableAutoSIPrefix(False)
        caption = axis_caption(self.group, self.lang)
        self.axis_caption = caption
        # AxisItem labels are HTML: escape the (dataset) unit.
        bottom.setLabel(html.escape(visible_text(caption)))
        bottom.label.setFont(look.font())
        bottom.label.setDefaultTextColor(FOREGROUND)
        bottom.showLabel(bool(caption))

        count = len(self._items)
        view = plot.getViewBox()
        integers = all(float(value).is_integer() for value in values)
        step = nice_step(high - low, 5, integers=integers)
        if self.dots:
            # 1 … N: the first place, the round numbers after it, and the last place.
            value_ticks = [low, *(t for t in multiples(step, step, high) if t - low >= step / 2)]
            if value_ticks[-1] != high:
                value_ticks.append(high)
            pad = (high - low) * 0.03
            low, high = low - pad, high + pad
        else:
            limit = self.group.axis_high if self.group.axis_high is not None else high
            value_ticks = multiples(step, low, limit)
        self.value_ticks = value_ticks
        # Our own ticks: round numbers, whole ones for whole figures, and no minor grid lines.
        bottom.setTicks([[(tick, number_text(tick)) for tick in value_ticks], []])
        # Grid lines drawn as items, not by the axis: an axis drawing a grid hides its end labels.
        grid = QColor(FOREGROUND)
        grid.setAlphaF(GRID_ALPHA)
        for tick in value_ticks:
            line = pg.InfiniteLine(pos=tick, angle=90, pen=look.line_pen(grid), movable=False)
            plot.addItem(line, ignoreBounds=True)
            line.setZValue(-10)
        view.setRange(xRange=(low, high), padding=0.0)
        view.setRange(yRange=(-0.5, count - 0.5), padding=0.0)
        view.disableAutoRange()

    def x_range(self) -> tuple[float, float]:
        """The value axis's shown range, in data units."""
        (low, high), _ = self.getPlotItem().getViewBox().viewRange()
        return float(low), float(high)

    def label_width(self) -> int:
        """The width of the label axis, in pixels."""
        return math.ceil(float(self.getPlotItem().getAxis("left").minimumWidth()))

    def set_label_width(self, width: int) -> None:
        """Make the label axis ``width`` pixels wide (to line up the plots of a panel).

        Labels longer than the room are cut with "…" (the hover keeps them whole), so a narrow
        panel narrows the labels rather than cutting the chart off on the right.
        """
        self.tick_labels = tick_labels(self.group, self._look, width - label_margin(self._look), self.lang)
        left = self.getPlotItem().getAxis("left")
        left.setTicks([[(float(row), text) for row, text in enumerate(self.tick_labels)], []])
        left.setWidth(width)
        self.setMinimumWidth(math.ceil(width + self._look.px(MIN_VALUE_AXIS)))

    # --- reading back

    def items(self) -> tuple[ChartItem, ...]:
        """The figures, one per row from the top."""
        return self._items

    def bar_data(self) -> list[tuple[str, float]]:
        """The plotted bars as (full label, value), read back from the bar item, top row first."""
        opts = self.bar_item.opts
        count = len(self._items)
        starts = np.broadcast_to(np.asarray(opts["x0"], dtype=float), (count,))
        widths = np.broadcast_to(np.asarray(opts["width"], dtype=float), (count,))
        rows = np.broadcast_to(np.asarray(opts["y"], dtype=float), (count,))
        bars = sorted(zip(rows, starts + widths, strict=True))
        return [(self._items[round(row)].label, float(value)) for row, value in bars]

    def bar_styles(self) -> list[BarStyle]:
        """Each bar's fill, pattern and outline, as given to the bar items, top row first."""
        fills = self.bar_item.opts["brushes"]
        patterns = self.bar_item.patterns
        pens = self.bar_item.opts["pens"]
        return [BarStyle(f, p, q) for f, p, q in zip(fills, patterns, pens, strict=True)]

    def bar_center(self, index: int) -> QPointF:
        """The middle of a bar (or a marker) in view (data) coordinates."""
        item = self._items[index]
        if not self._drawn(index):
            return QPointF(item.value, float(index))
        return QPointF((self.baseline + item.value) / 2, float(index))

    def target_at(self, scene_pos: QPointF) -> int | None:
        """The row under a scene position: on a bar, or on its label in the left axis.

        Args:
            scene_pos: A position in this plot's scene.

        Returns:
            The row index, or None if the position is on no bar and no label.
        """
        plot = self.getPlotItem()
        view = plot.getViewBox()
        point = view.mapSceneToView(scene_pos)
        row = round(float(point.y()))
        if not 0 <= row < len(self._items) or abs(point.y() - row) > BAR_HEIGHT / 2:
            return None
        if plot.getAxis("left").sceneBoundingRect().contains(scene_pos):
            return row
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        item = self._items[row]
        if self._drawn(row):
            low, high = sorted((self.baseline, item.value))
            pixels = 3.0  # a zero-length bar is still hit within a couple of pixels of its end
        elif self.dots and item.bound:
            low, high = sorted((self.group.axis_low or 1.0, item.value))
            pixels = 6.0
        else:
            low = high = item.value
            pixels = self._look.px(8)  # a dot or a marker
        slack = abs(view.mapSceneToView(QPointF(scene_pos.x() + pixels, scene_pos.y())).x() - point.x())
        if low - slack <= point.x() <= high + slack:
            return row
        return None

    def hover_text(self, index: int) -> str:
        """The status-bar text for one bar (see :func:`hover_text`)."""
        return hover_text(self._items[index], self.lang)

    def activate(self, index: int) -> None:
        """Act as if the bar at ``index`` was clicked: emit :attr:`bar_activated` with its id."""
        self.bar_activated.emit(self._items[index].indicator_id)

    def hover(self, index: int | None) -> None:
        """Show the tooltip for the bar at ``index`` (None: no bar) and emit :attr:`bar_hovered`."""
        if index == self._hovered:
            return
        self._hovered = index
        item = None if index is None else self._items[index]
        show_hover_tooltip(self, item, self.lang)
        self.bar_hovered.emit("" if index is None else self.hover_text(index))
