"""Bar charts of the report's figures: the one module that wraps pyqtgraph.

Importing pyqtgraph costs about a quarter of a second, so nothing else imports it and the main window
imports this module only after its first paint. What goes on which chart is decided by
:func:`desktop_app.core.charting.chart_groups` (one unit per axis); this module only draws it.

Every chart is a horizontal bar chart, one bar per figure, so that Chinese labels stay readable on the
left axis. Kinds are drawn so that a reader can tell them apart, and each chart has a legend of the
kinds it shows:

========================  =====================================================
achieved                  solid fill
estimate                  light fill with a diagonal hatch
target                    no fill, dashed outline
derived                   faint fill, dotted outline and a whisker for its range
bound (前5, 十强 …)       light fill with a cross-hatch
rank, share, count …      solid fill in the kind's colour
========================  =====================================================

Ranks (``group.lower_is_better``) are drawn on an inverted axis with bars that start from a baseline
beyond the worst rank shown, so the better the rank, the longer the bar.

Dataset text is never interpreted as markup: titles are plain-text labels, tick labels are drawn
with ``QPainter.drawText`` and tooltips are escaped (:func:`desktop_app.qt.text.tooltip`).

Charts can be exported (:func:`export_png`, :func:`export_svg`) and rendered for print
(:func:`render_group_image`, :func:`render_group_svg`). Those build a fresh chart at the target pixel
size with fonts and lines scaled to the resolution, instead of painting the screen chart on a
high-resolution device, which misplaces pyqtgraph's axis text.
"""

from __future__ import annotations

import contextlib
import html
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QEvent,
    QIODevice,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QBrush,
    QColor,
    QContextMenuEvent,
    QCursor,
    QFont,
    QFontMetricsF,
    QImage,
    QImageWriter,
    QPainter,
    QPaintEvent,
    QPen,
    QTransform,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QMenu,
    QMessageBox,
    QScrollArea,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

# isort: split
# After PySide6, so that pyqtgraph binds to it.
import numpy as np
import pyqtgraph as pg
import shiboken6

from desktop_app.core.atomic import atomic_write_bytes
from desktop_app.core.charting import ChartGroup, ChartItem
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import kind_label, number_text, visible_text
from desktop_app.qt import fonts
from desktop_app.qt.text import tooltip

__all__ = [
    "BarStyle",
    "ChartPanel",
    "ChartPlot",
    "GroupChart",
    "configure_pyqtgraph",
    "export_png",
    "export_svg",
    "render_group_image",
    "render_group_svg",
]

BAR_HEIGHT = 0.6
"""The thickness of a bar, as a fraction of the distance between rows."""
LABEL_EMS = 15
"""Category labels longer than this many ems are cut with "…" (the tooltip has the full text)."""
SCREEN_DPI = 96
PRINT_POINT_SIZE = 9.0
"""The base font size, in points, of charts rendered for print and export."""
DEFAULT_EXPORT_WIDTH = 800
"""The width, in pixels at 96 dpi, of an exported chart when no width is given."""

_FOREGROUND = QColor("#222222")
_GRID_ALPHA = 0.25

_configured = False


def configure_pyqtgraph() -> None:
    """Set pyqtgraph's global options: white background, dark foreground, antialiasing.

    Call it once before the first plot exists; later calls do nothing. The widgets and the render
    functions of this module call it themselves.
    """
    global _configured
    if _configured:
        return
    pg.setConfigOptions(background="w", foreground=_FOREGROUND.name(), antialias=True)
    _configured = True


# --- how each kind looks -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _KindLook:
    colour: str
    fill_alpha: int  # 0 = no fill
    pattern: Qt.BrushStyle  # drawn over the fill; NoBrush for none
    outline: Qt.PenStyle
    outline_width: float
    whisker: bool = False


# The colours match the kind badges of the detail pane (resources/styles/app.qss).
_KIND_LOOKS: dict[IndicatorKind, _KindLook] = {
    IndicatorKind.ACHIEVED: _KindLook("#2e7d32", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.ESTIMATE: _KindLook("#ef8f00", 70, Qt.BrushStyle.BDiagPattern, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.TARGET: _KindLook("#1565c0", 0, Qt.BrushStyle.NoBrush, Qt.PenStyle.DashLine, 2.0),
    IndicatorKind.DERIVED: _KindLook(
        "#8a4b00", 35, Qt.BrushStyle.NoBrush, Qt.PenStyle.DotLine, 2.0, whisker=True
    ),
    IndicatorKind.BOUND: _KindLook("#5d4037", 60, Qt.BrushStyle.DiagCrossPattern, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.RANK: _KindLook("#6a1b9a", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.RANK_CHANGE: _KindLook("#9c4dcc", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.SHARE: _KindLook("#00838f", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.RATE: _KindLook("#4fb3bf", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
    IndicatorKind.COUNT: _KindLook("#455a64", 255, Qt.BrushStyle.NoBrush, Qt.PenStyle.SolidLine, 1.0),
}


class BarStyle(NamedTuple):
    """How one bar is drawn: a fill, a pattern over the fill, and an outline."""

    fill: QBrush
    pattern: QBrush
    pen: QPen


@dataclass(frozen=True, slots=True)
class _Look:
    """Sizes for one rendering: the screen (scale 1, the UI's point size) or print (pixel fonts).

    Lengths are given in pixels at 96 dpi and multiplied by ``scale``.
    """

    scale: float = 1.0
    point_size: float = 0.0  # 0: the application's font size
    pixel_fonts: bool = False
    object_prefix: str = "chart"

    @classmethod
    def for_print(cls, dpi: float) -> _Look:
        return cls(dpi / SCREEN_DPI, PRINT_POINT_SIZE, pixel_fonts=True, object_prefix="printChart")

    def px(self, length: float) -> float:
        return length * self.scale

    def font(self, factor: float = 1.0, *, bold: bool = False) -> QFont:
        font = QFont(fonts.ui_font_family())
        points = self.point_size or QApplication.font().pointSizeF()
        if points <= 0:
            points = PRINT_POINT_SIZE
        points *= factor
        if self.pixel_fonts:
            font.setPixelSize(max(1, round(points * SCREEN_DPI / 72 * self.scale)))
        else:
            font.setPointSizeF(points)
        font.setBold(bold)
        return font

    def bar_style(self, kind: IndicatorKind) -> BarStyle:
        look = _KIND_LOOKS[kind]
        colour = QColor(look.colour)
        fill_colour = QColor(colour)
        fill_colour.setAlpha(look.fill_alpha)
        fill = QBrush(fill_colour) if look.fill_alpha else QBrush(Qt.BrushStyle.NoBrush)
        pattern = QBrush(colour.darker(110), look.pattern)
        if look.pattern != Qt.BrushStyle.NoBrush and self.scale != 1.0:
            pattern.setTransform(QTransform.fromScale(self.scale, self.scale))
        pen = QPen(colour.darker(120) if look.fill_alpha == 255 else colour)
        pen.setStyle(look.outline)
        pen.setWidthF(self.px(look.outline_width))
        pen.setCosmetic(True)
        return BarStyle(fill, pattern, pen)

    def whisker_pen(self, kind: IndicatorKind) -> QPen:
        pen = QPen(QColor(_KIND_LOOKS[kind].colour))
        pen.setWidthF(self.px(1.5))
        pen.setCosmetic(True)
        return pen

    def line_pen(self, colour: QColor = _FOREGROUND) -> QPen:
        pen = QPen(colour)
        pen.setWidthF(self.px(1.0))
        pen.setCosmetic(True)
        return pen


# --- text ----------------------------------------------------------------------------------------


def _fill(template: str, *args: str) -> str:
    """Qt-style ``%1``, ``%2`` … placeholders filled in one pass (so text containing ``%2`` is safe)."""
    return re.sub(
        r"%(\d)",
        lambda m: args[int(m.group(1)) - 1] if 0 < int(m.group(1)) <= len(args) else m.group(0),
        template,
    )


def _value_text(value: float, unit: str) -> str:
    number = number_text(value)
    if not unit:
        return number
    if unit == "%":
        return f"{number}%"
    return f"{number} {unit}"


def _year_text(year: int, lang: str) -> str:
    return f"{year}年" if Language.from_tag(lang) == "zh" else str(year)


def _group_title(group: ChartGroup, lang: str) -> str:
    return group.title if Language.from_tag(lang) == "zh" or not group.title_en else group.title_en


def _hover_details(item: ChartItem, lang: str) -> str:
    text = _fill(
        QCoreApplication.translate("ChartPanel", "%1 (%2, %3)"),
        _value_text(item.value, item.unit),
        _year_text(item.year, lang),
        kind_label(item.kind, Language.from_tag(lang)),
    )
    if item.range_low is not None and item.range_high is not None:
        text += _fill(
            QCoreApplication.translate("ChartPanel", "; range %1–%2"),
            number_text(item.range_low),
            _value_text(item.range_high, item.unit),
        )
    return text


def hover_text(item: ChartItem, lang: str = "zh") -> str:
    """One line about a bar for the status bar: name, exact value with unit, year and kind.

    Args:
        item: The bar's figure.
        lang: ``"zh"`` or ``"en"``, for the kind and the year.

    Returns:
        Plain text, e.g. ``规上工业总产值: 2504 亿元 (2023年, 实绩)``; a derived figure adds its range.
    """
    return _fill(
        QCoreApplication.translate("ChartPanel", "%1: %2"),
        visible_text(item.label),
        _hover_details(item, lang),
    )


# Words drawn inside a chart follow the chart's language (a Chinese PDF printed from an English
# interface keeps Chinese charts), so they are not interface translations.
_CHART_WORDS: dict[str, dict[str, str]] = {
    "zh": {
        "unit_lower": "{unit}\uff08越小越好\uff09",
        "lower": "越小越好",
        "with_range": "{label}\uff08含范围\uff09",
    },
    "en": {
        "unit_lower": "{unit} (lower is better)",
        "lower": "lower is better",
        "with_range": "{label} (with range)",
    },
}


def _axis_caption(group: ChartGroup, lang: str) -> str:
    words = _CHART_WORDS[Language.from_tag(lang)]
    if group.lower_is_better:
        return words["unit_lower"].format(unit=group.unit) if group.unit else words["lower"]
    return group.unit


def _legend_text(kind: IndicatorKind, lang: str) -> str:
    label = kind_label(kind, Language.from_tag(lang))
    if _KIND_LOOKS[kind].whisker:
        return _CHART_WORDS[Language.from_tag(lang)]["with_range"].format(label=label)
    return label


def _nice_ceiling(value: float) -> float:
    """The smallest 1, 2, … 9 × 10ⁿ at or above ``value`` (at least 1)."""
    if value <= 1:
        return 1.0
    magnitude = 10.0 ** math.floor(math.log10(value))
    return math.ceil(value / magnitude - 1e-9) * magnitude


def _nice_step(span: float, count: int = 5, *, integers: bool = False) -> float:
    """A round tick spacing (1, 2, 2.5 or 5 × 10ⁿ) giving about ``count`` ticks over ``span``."""
    raw = span / max(count, 1)
    magnitude = 10.0 ** math.floor(math.log10(raw)) if raw > 0 else 1.0
    step = next((f * magnitude for f in (1, 2, 2.5, 5) if f * magnitude >= raw), 10 * magnitude)
    if integers:
        step = max(1.0, float(math.ceil(step)))
    return step


def _multiples(step: float, low: float, high: float) -> list[float]:
    """The multiples of ``step`` from ``low`` to ``high``, rounded against float drift."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    return [round(k * step, 10) for k in range(first, last + 1)]


# --- sizes known before a chart is built -----------------------------------------------------------


def _tick_labels(group: ChartGroup, look: _Look) -> list[str]:
    """The row labels of a group's chart, elided to :data:`LABEL_EMS` ems."""
    metrics = QFontMetricsF(look.font())
    limit = metrics.horizontalAdvance("中") * LABEL_EMS
    return [
        metrics.elidedText(visible_text(item.label), Qt.TextElideMode.ElideRight, limit)
        for item in group.items
    ]


def natural_label_width(group: ChartGroup, look: _Look | None = None) -> int:
    """The width in pixels the label axis of a group's chart needs for its widest label."""
    look = look or _Look()
    metrics = QFontMetricsF(look.font())
    widest = max((metrics.horizontalAdvance(text) for text in _tick_labels(group, look)), default=0.0)
    return math.ceil(widest + round(look.px(6)) + look.px(8))  # the tick text offset and a margin


def estimated_chart_height(group: ChartGroup, look: _Look | None = None) -> int:
    """About how tall a group's :class:`GroupChart` will be: the room kept for it until it is built."""
    look = look or _Look()
    line = QFontMetricsF(look.font()).height()
    rows = len(group.items) * max(line * 1.9, look.px(24))
    captions = 1 if _axis_caption(group, "zh") else 0
    axis = line * (1 + captions) + look.px(5 + 6 + 8)  # tick labels, caption, ticks and offsets
    title = QFontMetricsF(look.font(1.1, bold=True)).height()
    legend = max(QFontMetricsF(look.font(0.9)).height(), look.px(14))
    return math.ceil(rows + axis + look.px(6 + 2) + title + legend + look.px(3))


# --- one chart -----------------------------------------------------------------------------------


class _Bars(pg.BarGraphItem):  # type: ignore[misc]  # pyqtgraph is untyped
    """Bars with a fill, a pattern over it and an outline, painted in device coordinates.

    Painting in device coordinates keeps hatching at a fixed density in every output: a pattern
    brush painted under the view's scaling would be stretched in SVG.
    """

    def __init__(self, *, patterns: Sequence[QBrush], **opts: Any) -> None:
        self.patterns = list(patterns)
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
            rect = transform.mapRect(
                QRectF(x0[index], y0[index], x1[index] - x0[index], y1[index] - y0[index])
            )
            painter.fillRect(rect, fills[index])
            painter.fillRect(rect, self.patterns[index])
            painter.setPen(pens[index])
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(rect)
        painter.restore()


class ChartPlot(pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """A horizontal bar chart of one :class:`ChartGroup`.

    Signals:
        bar_activated(str): a bar (or its label) was clicked; the indicator id.
        bar_hovered(str): the mouse moved onto a bar (its :func:`hover_text`) or off it ("").
    """

    bar_activated = Signal(str)
    bar_hovered = Signal(str)

    def __init__(
        self, group: ChartGroup, *, lang: str = "zh", look: _Look | None = None, parent: QWidget | None = None
    ) -> None:
        configure_pyqtgraph()
        existing = set(QApplication.topLevelWidgets())
        super().__init__(parent=parent, background="w", enableMenu=False)
        # pyqtgraph's PlotItem makes parentless option menus we never show; they are freed in dispose().
        self._pyqtgraph_widgets = [
            w
            for w in QApplication.topLevelWidgets()
            if w not in existing and w is not self and w.parent() is None
        ]
        self.group = group
        self.lang = lang
        self._look = look = look or _Look()
        self._items = group.items
        self._hovered: int | None = None
        self.setObjectName(f"{look.object_prefix}Plot")
        self.setAccessibleName(_group_title(group, lang))
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.layout.setContentsMargins(look.px(2), look.px(6), look.px(12), look.px(2))
        view = plot.getViewBox()
        view.invertY(True)
        view.setDefaultPadding(0.0)

        count = len(self._items)
        rows = np.arange(count, dtype=float)
        values = np.array([item.value for item in self._items], dtype=float)
        if group.lower_is_better:
            worst = float(values.max()) if count else 1.0
            self.baseline = _nice_ceiling(worst * 1.1)
        else:
            self.baseline = 0.0
        starts = np.full(count, self.baseline)
        styles = [look.bar_style(item.kind) for item in self._items]
        self.bar_item = _Bars(
            x0=starts,
            y=rows,
            width=values - starts,
            height=BAR_HEIGHT,
            brushes=[s.fill for s in styles],
            pens=[s.pen for s in styles],
            patterns=[s.pattern for s in styles],
        )
        plot.addItem(self.bar_item)
        self.whisker_items: list[Any] = []
        self._add_whiskers()
        self._add_value_labels()
        self._set_up_axes(values)
        plot.showGrid(x=True, y=False, alpha=_GRID_ALPHA)

        self.row_height = max(QFontMetricsF(look.font()).height() * 1.9, look.px(24))
        bottom = plot.getAxis("bottom")
        _, top, _, below = plot.layout.getContentsMargins()
        height = count * self.row_height + bottom.minimumHeight() + top + below
        self.setFixedHeight(math.ceil(height))

        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

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

    def _add_value_labels(self) -> None:
        font = self._look.font(0.9)
        self.value_labels: list[Any] = []
        for row, item in enumerate(self._items):
            end = item.value if item.range_high is None else max(item.value, item.range_high)
            # Plain text (TextItem.setPlainText); a thin space keeps it off the bar's end.
            label = pg.TextItem(" " + number_text(item.value), color=_FOREGROUND, anchor=(0.0, 0.5))
            label.setFont(font)
            label.setPos(end, row)
            self.getPlotItem().addItem(label, ignoreBounds=True)
            self.value_labels.append(label)

    def _set_up_axes(self, values: np.ndarray) -> None:
        look = self._look
        plot = self.getPlotItem()
        tick_font = look.font()
        metrics = QFontMetricsF(tick_font)
        tick_length = round(look.px(5))
        text_offset = round(look.px(6))

        left = plot.getAxis("left")
        left.setStyle(tickFont=tick_font, tickLength=0, tickTextOffset=text_offset)
        left.setPen(look.line_pen())
        left.setTextPen(_FOREGROUND)
        self.tick_labels = _tick_labels(self.group, look)
        left.setTicks([[(float(row), text) for row, text in enumerate(self.tick_labels)], []])
        self.set_label_width(natural_label_width(self.group, look))

        bottom = plot.getAxis("bottom")
        bottom.setStyle(
            tickFont=tick_font,
            tickLength=-tick_length,
            tickTextOffset=text_offset,
            autoExpandTextSpace=False,
            tickTextHeight=math.ceil(metrics.height()),
        )
        bottom.setPen(look.line_pen())
        bottom.setTextPen(_FOREGROUND)
        bottom.enableAutoSIPrefix(False)
        caption = _axis_caption(self.group, self.lang)
        self.axis_caption = caption
        # AxisItem labels are HTML: escape the (dataset) unit.
        bottom.setLabel(html.escape(visible_text(caption)))
        bottom.label.setFont(look.font())
        bottom.label.setDefaultTextColor(_FOREGROUND)
        bottom.showLabel(bool(caption))

        highs = [
            item.value if item.range_high is None else max(item.value, item.range_high)
            for item in self._items
        ]
        lows = [
            item.value if item.range_low is None else min(item.value, item.range_low) for item in self._items
        ]
        count = len(self._items)
        view = plot.getViewBox()
        integers = all(float(value).is_integer() for value in values)
        if self.group.lower_is_better:
            view.invertX(True)
            # Room beyond the best rank for its value label.
            low = min([0.0, *lows]) - self.baseline * 0.14
            high = self.baseline
            step = _nice_step(high, 6, integers=integers)
            value_ticks = [1.0, *_multiples(step, step, high)]
        else:
            low = min([0.0, *lows])
            high = max([0.0, *highs])
            if high == low:
                high = low + 1.0
            high += (high - low) * 0.16  # room for the longest bar's value label
            step = _nice_step(high - low, 6, integers=integers)
            value_ticks = _multiples(step, low, high)
        # Our own ticks: round numbers, whole ones for whole figures, and no minor grid lines.
        bottom.setTicks([[(tick, number_text(tick)) for tick in value_ticks], []])
        view.setRange(xRange=(low, high), padding=0.0)
        view.setRange(yRange=(-0.5, count - 0.5), padding=0.0)
        view.disableAutoRange()

    def label_width(self) -> int:
        """The width of the label axis, in pixels."""
        return math.ceil(float(self.getPlotItem().getAxis("left").minimumWidth()))

    def set_label_width(self, width: int) -> None:
        """Make the label axis ``width`` pixels wide (to line up the plots of a panel)."""
        self.getPlotItem().getAxis("left").setWidth(width)
        self.setMinimumWidth(math.ceil(width + self._look.px(160)))

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
        """The middle of a bar in view (data) coordinates."""
        item = self._items[index]
        return QPointF((self.baseline + item.value) / 2, float(index))

    def bar_at(self, scene_pos: QPointF) -> int | None:
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
        low, high = sorted((self.baseline, item.value))
        # A zero-length bar is still hit within a couple of pixels of its end.
        slack = abs(view.mapSceneToView(QPointF(scene_pos.x() + 3, scene_pos.y())).x() - point.x())
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
        if index is None:
            self.setToolTip("")
            QToolTip.hideText()
            self.bar_hovered.emit("")
            return
        text = self.hover_text(index)
        item = self._items[index]
        rich = tooltip(item.label, _hover_details(item, self.lang))
        self.setToolTip(rich)
        if QToolTip.isVisible():
            QToolTip.showText(QCursor.pos(), rich, self)
        self.bar_hovered.emit(text)

    # --- events

    @Slot(object)
    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.hover(self.bar_at(scene_pos))

    @Slot(object)
    def _on_scene_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        index = self.bar_at(event.scenePos())
        if index is not None:
            event.accept()
            self.activate(index)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.hover(None)

    def wheelEvent(self, event: QWheelEvent) -> None:
        # Charts do not zoom; let the scroll area around them scroll.
        event.ignore()

    def dispose(self) -> None:
        """Delete the plot and the parentless widgets pyqtgraph made for it (else they outlive it)."""
        self.hover(None)
        self.close()  # PlotWidget.close() takes the PlotItem apart
        for widget in self._pyqtgraph_widgets:
            if shiboken6.isValid(widget):
                widget.deleteLater()
        self._pyqtgraph_widgets = []
        self.deleteLater()

    def context_menu(self) -> QMenu:
        """The chart's context menu: Export PNG… and Export SVG…."""
        menu = QMenu(self)
        menu.setObjectName("chartContextMenu")
        png = menu.addAction(QCoreApplication.translate("ChartPanel", "Export PNG…"))
        png.setObjectName("actionExportPng")
        png.triggered.connect(self._on_export_png_triggered)
        svg = menu.addAction(QCoreApplication.translate("ChartPanel", "Export SVG…"))
        svg.setObjectName("actionExportSvg")
        svg.triggered.connect(self._on_export_svg_triggered)
        return menu

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = self.context_menu()
        menu.exec(event.globalPos())
        menu.deleteLater()
        event.accept()

    @Slot()
    def _on_export_png_triggered(self) -> None:
        self._export(
            QCoreApplication.translate("ChartPanel", "Export Chart as PNG"),
            QCoreApplication.translate("ChartPanel", "PNG images (*.png)"),
            ".png",
        )

    @Slot()
    def _on_export_svg_triggered(self) -> None:
        self._export(
            QCoreApplication.translate("ChartPanel", "Export Chart as SVG"),
            QCoreApplication.translate("ChartPanel", "SVG drawings (*.svg)"),
            ".svg",
        )

    def _export(self, caption: str, file_filter: str, suffix: str) -> None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        suggested = str(Path(folder) / (_file_stem(self.group) + suffix))
        path, _ = QFileDialog.getSaveFileName(self, caption, suggested, file_filter)
        if not path:
            return
        if not path.lower().endswith(suffix):
            path += suffix
        width = self.width()
        try:
            if suffix == ".png":
                export_png(self, path, width=width * 2, dpi=SCREEN_DPI * 2)
            else:
                export_svg(self, path, width=width)
        except OSError as error:
            box = QMessageBox(
                QMessageBox.Icon.Warning,
                QCoreApplication.translate("ChartPanel", "Export Failed"),
                str(error),
                QMessageBox.StandardButton.Ok,
                self,
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.exec()


def _file_stem(group: ChartGroup) -> str:
    stem = re.sub(r'[\\/:*?"<>|\s\x00-\x1f]+', "-", group.key).strip("-.")
    return f"chart-{stem or 'group'}"


# --- the legend ----------------------------------------------------------------------------------


class _Swatch(QWidget):
    """A small bar drawn like the bars of one kind."""

    def __init__(self, kind: IndicatorKind, look: _Look, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._kind = kind
        self._look = look
        self.setFixedSize(QSize(round(look.px(30)), round(look.px(14))))

    def paintEvent(self, event: QPaintEvent) -> None:
        look = self._look
        style = look.bar_style(self._kind)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        inset = look.px(2)
        rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
        if _KIND_LOOKS[self._kind].whisker:
            rect.setRight(rect.left() + rect.width() * 0.6)
        painter.fillRect(rect, style.fill)
        painter.fillRect(rect, style.pattern)
        painter.setPen(style.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if _KIND_LOOKS[self._kind].whisker:
            painter.setPen(look.whisker_pen(self._kind))
            middle = rect.center().y()
            left, right = rect.right() - rect.width() * 0.3, self.width() - inset
            painter.drawLine(QPointF(left, middle), QPointF(right, middle))
            painter.drawLine(QPointF(right, middle - look.px(3)), QPointF(right, middle + look.px(3)))
        painter.end()


class _Legend(QWidget):
    """The kinds one chart shows, each as a swatch and its name."""

    def __init__(self, kinds: Sequence[IndicatorKind], look: _Look, lang: str) -> None:
        super().__init__()
        self.setObjectName(f"{look.object_prefix}Legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(round(look.px(4)), 0, 0, 0)
        layout.setSpacing(round(look.px(6)))
        self.texts: list[str] = []
        for kind in kinds:
            layout.addWidget(_Swatch(kind, look))
            text = _legend_text(kind, lang)
            label = QLabel(text)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setFont(look.font(0.9))
            layout.addWidget(label)
            layout.addSpacing(round(look.px(8)))
            self.texts.append(text)
        layout.addStretch(1)


# --- a chart with its title and legend ---------------------------------------------------------


class GroupChart(QWidget):
    """One group's chart: a plain-text title, the plot and a legend of the kinds it shows.

    Signals:
        bar_activated(str): forwarded from the plot; the indicator id.
        bar_hovered(str): forwarded from the plot; the hover text or "".
    """

    bar_activated = Signal(str)
    bar_hovered = Signal(str)

    def __init__(
        self, group: ChartGroup, *, lang: str = "zh", look: _Look | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        look = look or _Look()
        self.group = group
        self.setObjectName(f"{look.object_prefix}Group")
        layout = QVBoxLayout(self)
        margin = round(look.px(4))
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(round(look.px(2)))
        self.title_label = QLabel(visible_text(_group_title(group, lang)))
        self.title_label.setObjectName(f"{look.object_prefix}Title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(look.font(1.1, bold=True))
        layout.addWidget(self.title_label)
        self.plot = ChartPlot(group, lang=lang, look=look)
        layout.addWidget(self.plot)
        kinds = list(dict.fromkeys(item.kind for item in group.items))
        self.legend = _Legend(kinds, look, lang)
        layout.addWidget(self.legend)
        self.plot.bar_activated.connect(self.bar_activated)
        self.plot.bar_hovered.connect(self.bar_hovered)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def dispose(self) -> None:
        """Hide and delete the chart, with everything pyqtgraph made for its plot."""
        self.hide()
        self.plot.dispose()
        self.deleteLater()


# --- the panel -----------------------------------------------------------------------------------


class _PendingChart(QWidget):
    """Keeps a chart's place in the panel until it scrolls into view and is built."""

    def __init__(self, group: ChartGroup, height: int) -> None:
        super().__init__()
        self.group = group
        self.setObjectName("chartPending")
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)


class ChartPanel(QWidget):
    """The charts for the selected part of the report: one plot per :class:`ChartGroup`, scrolling.

    A chart costs tens of milliseconds to build (pyqtgraph makes a scene, a view, axes and menus for
    each), so only the charts in view are built at once, those within one more screen right after,
    one per turn of the event loop; the rest keep their place as blank widgets of their expected
    height and are built as they scroll into view.
    Reading the charts (:meth:`charts`, :meth:`plots`, :meth:`plot`) builds them all.

    Signals:
        indicator_activated(str): a bar was clicked; the indicator id.
        hovered(str): the mouse moved onto a bar (value, unit, year and kind, for the status bar)
            or off it ("").
    """

    indicator_activated = Signal(str)
    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        configure_pyqtgraph()
        _register_fonts()
        self.setObjectName("chartView")
        self.setAccessibleName(self.tr("Charts"))
        self._lang = "zh"
        self._title = ""
        self._groups: tuple[ChartGroup, ...] = ()
        self._slots: list[GroupChart | _PendingChart] = []
        self._label_width = 0
        self._building_ahead = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._heading = QLabel()
        self._heading.setObjectName("chartHeading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._heading.setWordWrap(True)
        self._heading.setFont(_Look().font(1.15, bold=True))
        self._heading.setContentsMargins(6, 4, 6, 2)
        layout.addWidget(self._heading)

        self._scroll = QScrollArea()
        self._scroll.setObjectName("chartScroll")
        self._scroll.setWidgetResizable(True)
        self._scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._scroll.setFrameShape(QFrame.Shape.NoFrame)
        self._body = QWidget()
        self._body.setObjectName("chartBody")
        self._body_layout = QVBoxLayout(self._body)
        self._body_layout.setContentsMargins(4, 0, 4, 4)
        self._body_layout.setSpacing(10)
        self._empty = QLabel(self.tr("No figures to chart here."))
        self._empty.setObjectName("chartEmpty")
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._body_layout.addWidget(self._empty)
        self._body_layout.addStretch(1)
        self._scroll.setWidget(self._body)
        layout.addWidget(self._scroll, 1)
        # Scrolling, resizing, and charts turning out shorter than the room kept for them (which
        # changes the scroll range) can all bring charts into view.
        self._scroll.verticalScrollBar().valueChanged.connect(self._build_charts_in_view)
        self._scroll.verticalScrollBar().rangeChanged.connect(self._build_charts_in_view)
        self._scroll.viewport().installEventFilter(self)

    def set_language(self, lang: str) -> None:
        """Use ``"zh"`` or ``"en"`` for chart titles, kinds and years, and redraw."""
        lang = Language.from_tag(lang)
        if lang != self._lang:
            self._lang = lang
            if self._slots:
                self._remove_charts()
                self.show_groups(self._title, self._groups)

    def show_groups(self, title: str, groups: Sequence[ChartGroup]) -> None:
        """Replace the charts: one per group, under a heading; the charts in view are built now.

        Args:
            title: The heading (dataset text, shown as plain text).
            groups: The groups from :func:`~desktop_app.core.charting.chart_groups`.
        """
        if self._slots and title == self._title and tuple(groups) == self._groups:
            return  # e.g. another figure of the same goal area was selected
        self._remove_charts()
        self._title = title
        self._groups = tuple(groups)
        self._heading.setText(visible_text(title))
        self._empty.setVisible(not self._groups)
        # One label width for all, so the plots line up.
        self._label_width = max((natural_label_width(group) for group in self._groups), default=0)
        for group in self._groups:
            slot = _PendingChart(group, estimated_chart_height(group))
            self._body_layout.insertWidget(self._body_layout.count() - 1, slot)
            self._slots.append(slot)
        self._scroll.verticalScrollBar().setValue(0)
        self._build_charts_in_view()

    def clear(self) -> None:
        """Remove every chart and the heading."""
        self._remove_charts()
        self._title = ""
        self._groups = ()
        self._heading.clear()
        self._empty.setVisible(True)

    def built_count(self) -> int:
        """How many of the charts have been built so far."""
        return sum(isinstance(slot, GroupChart) for slot in self._slots)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            self._build_charts_in_view()
        return super().eventFilter(watched, event)

    @Slot()
    def _build_charts_in_view(self) -> None:
        """Build the charts in view now, and those within one more screen soon after."""
        ahead = self._pending_in(1.0, 2.0)
        for index in self._pending_in(0.0, 1.0):
            self._build(index)
        if ahead and not self._building_ahead:
            self._building_ahead = True
            QTimer.singleShot(0, self, self._build_one_ahead)

    @Slot()
    def _build_one_ahead(self) -> None:
        # One chart per turn of the event loop, so that input is never kept waiting long.
        self._building_ahead = False
        ahead = self._pending_in(0.0, 2.0)
        if ahead:
            self._build(ahead[0])
            if len(ahead) > 1:
                self._building_ahead = True
                QTimer.singleShot(0, self, self._build_one_ahead)

    def _pending_in(self, first_screen: float, last_screen: float) -> list[int]:
        """The unbuilt charts that overlap the given band of screens below the top of the view."""
        # Before the panel is laid out the viewport has no height yet: assume a tall one.
        viewport = self._scroll.viewport().height()
        screen = viewport if viewport > 100 and self.isVisible() else 900
        value = self._scroll.verticalScrollBar().value()
        top, bottom = value + first_screen * screen, value + last_screen * screen
        y = self._body_layout.contentsMargins().top()
        spacing = self._body_layout.spacing()
        found = []
        for index, slot in enumerate(self._slots):
            height = slot.height() if isinstance(slot, _PendingChart) else slot.sizeHint().height()
            if y >= bottom:
                break
            if y + height > top and isinstance(slot, _PendingChart):
                found.append(index)
            y += height + spacing
        return found

    def _build(self, index: int) -> GroupChart:
        slot = self._slots[index]
        if isinstance(slot, GroupChart):
            return slot
        chart = GroupChart(slot.group, lang=self._lang)
        chart.plot.set_label_width(self._label_width)
        chart.bar_activated.connect(self.indicator_activated)
        chart.bar_hovered.connect(self.hovered)
        self._body_layout.replaceWidget(slot, chart)
        slot.hide()
        slot.deleteLater()
        self._slots[index] = chart
        return chart

    def _remove_charts(self) -> None:
        built = False
        for slot in self._slots:
            self._body_layout.removeWidget(slot)
            if isinstance(slot, GroupChart):
                built = True
                slot.dispose()
            else:
                slot.hide()
                slot.deleteLater()
        if built:
            self.hovered.emit("")
        self._slots = []

    def groups(self) -> tuple[ChartGroup, ...]:
        """The groups shown, in order."""
        return self._groups

    def charts(self) -> list[GroupChart]:
        """The charts (title, plot and legend), in order; builds any not built yet."""
        return [self._build(index) for index in range(len(self._slots))]

    def plots(self) -> list[ChartPlot]:
        """The plots, in the order of the groups; builds any not built yet."""
        return [chart.plot for chart in self.charts()]

    def plot(self, group_key: str) -> ChartPlot:
        """The plot of one group (built if it was not yet).

        Raises:
            KeyError: No group with that key is shown.
        """
        for index, slot in enumerate(self._slots):
            if slot.group.key == group_key:
                return self._build(index).plot
        raise KeyError(group_key)

    def bar_data(self, group_key: str) -> list[tuple[str, float]]:
        """The bars of one group as (label, value), read back from the plotted bar item.

        Raises:
            KeyError: No group with that key is shown.
        """
        return self.plot(group_key).bar_data()


def _register_fonts() -> None:
    # A missing font is logged by the fonts module; Qt then falls back to a system font.
    with contextlib.suppress(fonts.FontRegistrationError):
        fonts.register_bundled_fonts()


# --- rendering and export ------------------------------------------------------------------------


ExportSource = ChartGroup | ChartPlot | GroupChart


def _source_group(source: ExportSource) -> tuple[ChartGroup, str, int]:
    """The group to draw, its language and the on-screen width (pixels at 96 dpi) if it has one."""
    if isinstance(source, ChartGroup):
        return source, "zh", DEFAULT_EXPORT_WIDTH
    if isinstance(source, GroupChart):
        return source.group, source.plot.lang, source.width() or DEFAULT_EXPORT_WIDTH
    return source.group, source.lang, source.width() or DEFAULT_EXPORT_WIDTH


def _offscreen_chart(group: ChartGroup, width_px: int, look: _Look, lang: str) -> GroupChart:
    """A chart laid out at ``width_px`` pixels wide, never shown on screen."""
    configure_pyqtgraph()
    _register_fonts()
    chart = GroupChart(group, lang=lang, look=look)
    chart.setAttribute(Qt.WidgetAttribute.WA_DontShowOnScreen, True)
    chart.setAutoFillBackground(True)
    palette = chart.palette()
    palette.setColor(chart.backgroundRole(), QColor("white"))
    palette.setColor(chart.foregroundRole(), _FOREGROUND)
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
    layout.activate()
    # Let the plot's graphics layout settle at the final size.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    chart.plot.getPlotItem().layout.activate()
    return chart


def render_group_image(group: ChartGroup, width_px: int, dpi: int = 300, *, lang: str = "zh") -> QImage:
    """One group's chart as an image for print: sharp at ``dpi``, ``width_px`` pixels wide.

    The chart is built afresh at the target size with fonts and lines scaled by ``dpi / 96`` (so a
    9 pt label is 9 pt on paper), then painted at one device pixel per pixel; the height follows from
    the number of bars. The image's dots-per-metre say ``dpi``, so a document that embeds it at its
    natural size prints it ``width_px / dpi`` inches wide.

    Args:
        group: The group to draw.
        width_px: The image width in pixels.
        dpi: The print resolution.
        lang: ``"zh"`` or ``"en"``.

    Returns:
        An ARGB32 image on a white background.

    Raises:
        ValueError: ``width_px`` or ``dpi`` is not positive.
    """
    if width_px <= 0 or dpi <= 0:
        raise ValueError(f"width_px and dpi must be positive, got {width_px} and {dpi}")
    chart = _offscreen_chart(group, width_px, _Look.for_print(dpi), Language.from_tag(lang))
    try:
        image = QImage(chart.size(), QImage.Format.Format_ARGB32_Premultiplied)
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


def render_group_svg(group: ChartGroup, width_px: int = DEFAULT_EXPORT_WIDTH, *, lang: str = "zh") -> bytes:
    """One group's chart as an SVG document (through ``QSvgGenerator``, not pyqtgraph's exporter).

    Args:
        group: The group to draw.
        width_px: The drawing's width in pixels at 96 dpi.
        lang: ``"zh"`` or ``"en"``.

    Returns:
        The UTF-8 SVG document.

    Raises:
        ValueError: ``width_px`` is not positive.
    """
    if width_px <= 0:
        raise ValueError(f"width_px must be positive, got {width_px}")
    chart = _offscreen_chart(group, width_px, _Look.for_print(SCREEN_DPI), Language.from_tag(lang))
    try:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(chart.size())
        generator.setViewBox(QRectF(0, 0, chart.width(), chart.height()))
        generator.setResolution(SCREEN_DPI)
        generator.setTitle(_group_title(group, lang))
        generator.setDescription(QCoreApplication.translate("ChartPanel", "Chart exported by Report Viewer"))
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, chart.width(), chart.height()), QColor("white"))
        chart.render(painter, QPoint(0, 0))
        painter.end()
        buffer.close()
    finally:
        chart.dispose()
    return bytes(data.data())


def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, QByteArray(b"png"))
    if not writer.write(image):
        raise OSError(f"Cannot encode the chart as PNG: {writer.errorString()}")
    buffer.close()
    return bytes(data.data())


def export_png(
    source: ExportSource, path: str | os.PathLike[str], width: int | None = None, dpi: int = SCREEN_DPI * 2
) -> None:
    """Write one chart as a PNG file, atomically.

    Args:
        source: A group, or a chart or plot from the panel (its group and language are drawn).
        path: The file to write (replaced if it exists).
        width: The image width in pixels; by default the chart's width at ``dpi``.
        dpi: The resolution the fonts and lines are scaled for (192: twice the screen's).

    Raises:
        ExportError: An ``OSError`` saying which file could not be written and why; nothing is left
            behind (see :func:`desktop_app.core.atomic.atomic_write_bytes`).
    """
    group, lang, screen_width = _source_group(source)
    width = width or round(screen_width * dpi / SCREEN_DPI)
    atomic_write_bytes(path, _png_bytes(render_group_image(group, width, dpi, lang=lang)))


def export_svg(source: ExportSource, path: str | os.PathLike[str], width: int | None = None) -> None:
    """Write one chart as an SVG file, atomically.

    Args:
        source: A group, or a chart or plot from the panel (its group and language are drawn).
        path: The file to write (replaced if it exists).
        width: The drawing width in pixels at 96 dpi; by default the chart's width.

    Raises:
        ExportError: An ``OSError`` saying which file could not be written and why; nothing is left
            behind (see :func:`desktop_app.core.atomic.atomic_write_bytes`).
    """
    group, lang, screen_width = _source_group(source)
    atomic_write_bytes(path, render_group_svg(group, width or screen_width, lang=lang))
