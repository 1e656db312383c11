"""A term's trend across a collection: occurrences per 10,000 characters, one bar per report.

The rows come from the core's trend (one per report: year, report id, occurrences, characters,
rate); this module only draws them. A year is a bar, not a point on a line: the collection has gaps
(no national report for 1989–1991, 1996, 2020), and a line would invent values for them. Two reports
of one year stand side by side. Hover shows the year, the count, the characters and the rate; a click
emits the report's id so the window can open that report at its hits.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPainter
from PySide6.QtWidgets import QWidget

# isort: split
# After PySide6, so that pyqtgraph binds to it.
import numpy as np
import pyqtgraph as pg

from desktop_app.core.language import Language
from desktop_app.core.presentation import number_text, visible_text
from desktop_app.core.ticks import multiples, nice_step
from desktop_app.core.words import word
from desktop_app.qt.charts.base import InteractivePlot
from desktop_app.qt.charts.config import FOREGROUND, register_fonts
from desktop_app.qt.charts.looks import GRID_ALPHA, Look
from desktop_app.qt.charts.render import png_bytes, svg_document
from desktop_app.qt.text import tooltip

if TYPE_CHECKING:
    from desktop_app.core.library.trend import TrendRow

__all__ = ["TrendChart", "bar_positions", "rate_text", "trend_hover_text"]

BAR_SHARE = 0.8
"""The share of a year's width its bars fill."""
_BAR_COLOUR = QColor("#1f77b4")
_EMPTY_COLOUR = QColor("#bbbbbb")


def rate_text(rate: float) -> str:
    """A rate as shown: two decimals at most (``6.44``, ``0.5``, ``0``)."""
    return number_text(round(rate, 2))


def trend_hover_text(row: TrendRow, lang: Language | str = Language.ZH) -> str:
    """One line about a report's count: year, occurrences, characters and the rate per 10,000."""
    return word("trend.hover", lang).format(
        year=row.year,
        count=f"{row.occurrences:,}",
        characters=f"{row.characters:,}",
        rate=rate_text(row.rate),
    )


def bar_positions(years: Sequence[int]) -> tuple[list[float], float]:
    """Where each row's bar stands and how wide the bars are: reports of one year side by side.

    Args:
        years: the rows' years, in row order.

    Returns:
        The centre of each row's bar (in years) and the bar width (the narrowest year's share).
    """
    per_year: dict[int, int] = {}
    for year in years:
        per_year[year] = per_year.get(year, 0) + 1
    most = max(per_year.values(), default=1)
    width = BAR_SHARE / most
    seen: dict[int, int] = {}
    centres: list[float] = []
    for year in years:
        index = seen.get(year, 0)
        seen[year] = index + 1
        count = per_year[year]
        centres.append(year - width * count / 2 + width * (index + 0.5))
    return centres, width


class TrendChart(InteractivePlot):
    """Bars of a query's rate per 10,000 characters, one per report, by year.

    Signals:
        report_activated(str): a bar was clicked; the report's id.
        hovered(str): the mouse moved onto a bar (its :func:`trend_hover_text`) or off it ("").
        export_requested(str): Export PNG… or Export SVG… was chosen; ``"png"`` or ``"svg"``.
    """

    report_activated = Signal(str)
    hovered = Signal(str)

    def __init__(self, parent: QWidget | None = None, *, look: Look | None = None) -> None:
        register_fonts()
        super().__init__(parent)
        self.setObjectName("trendChart")
        self._look = look or Look()
        self._rows: tuple[TrendRow, ...] = ()
        self._centres: list[float] = []
        self._width = BAR_SHARE
        self._hovered: int | None = None
        self._lang: Language | str = Language.ZH
        self._query = ""
        self._grid: list[Any] = []
        plot = self.getPlotItem()
        self.bar_item = pg.BarGraphItem(x=np.zeros(0), height=np.zeros(0), width=BAR_SHARE)
        plot.addItem(self.bar_item)
        # A report without the term: a dot on the baseline, so that it is told apart from a year
        # without a report.
        self.zero_item = pg.ScatterPlotItem(size=self._look.px(5), brush=_EMPTY_COLOUR, pen=None, pxMode=True)
        plot.addItem(self.zero_item)
        font = self._look.font()
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=font)
            axis.setPen(self._look.line_pen())
            axis.setTextPen(FOREGROUND)
            axis.enableAutoSIPrefix(False)

    # --- data

    def set_rows(self, query: str, rows: Sequence[TrendRow], lang: Language | str = Language.ZH) -> None:
        """Draw ``rows`` (one per report) for ``query``, in ``lang``."""
        self.hover(None)
        self._query = query
        self._rows = tuple(sorted(rows, key=lambda r: (r.year, r.report_id)))
        self._lang = lang
        self._centres, self._width = bar_positions([r.year for r in self._rows])
        rates = np.array([r.rate for r in self._rows], dtype=float)
        colours = [_BAR_COLOUR if r.occurrences else _EMPTY_COLOUR for r in self._rows]
        self.bar_item.setOpts(
            x=np.array(self._centres, dtype=float),
            height=rates,
            width=self._width,
            brushes=colours,
            # None, not [], for no bars: pyqtgraph 0.13 fails on an empty list of pens (UnboundLocalError).
            pens=[self._look.line_pen(c.darker(130)) for c in colours] or None,
        )
        zeros = [c for c, r in zip(self._centres, self._rows, strict=True) if not r.occurrences]
        self.zero_item.setData(x=zeros, y=[0.0] * len(zeros))
        self._set_up_axes(rates)
        self.setAccessibleName(self.title())

    def title(self) -> str:
        """The chart's title: the query and what is counted."""
        return word("trend.title", self._lang).format(query=visible_text(self._query, 40))

    def rows(self) -> tuple[TrendRow, ...]:
        """The rows drawn, by year."""
        return self._rows

    def bar_data(self) -> list[tuple[float, float]]:
        """The plotted bars as (centre, height), read back from the bar item."""
        opts = self.bar_item.opts
        xs = np.atleast_1d(np.asarray(opts["x"], dtype=float))
        heights = np.atleast_1d(np.asarray(opts["height"], dtype=float))
        return [(float(x), float(h)) for x, h in zip(xs, heights, strict=True)]

    def _set_up_axes(self, rates: np.ndarray) -> None:
        plot = self.getPlotItem()
        look = self._look
        for line in self._grid:
            plot.removeItem(line)
        self._grid = []
        left = plot.getAxis("left")
        left.setLabel(html.escape(word("trend.axis", self._lang)))
        left.label.setFont(look.font())
        high = float(rates.max()) if len(rates) else 0.0
        high = high if high > 0 else 1.0
        step = nice_step(high, 5)
        ticks = multiples(step, 0.0, high * 1.08)
        left.setTicks([[(t, number_text(t)) for t in ticks], []])
        grid = QColor(FOREGROUND)
        grid.setAlphaF(GRID_ALPHA)
        for tick in ticks:
            line = pg.InfiniteLine(pos=tick, angle=0, pen=look.line_pen(grid), movable=False)
            line.setZValue(-10)
            plot.addItem(line, ignoreBounds=True)
            self._grid.append(line)
        years = [r.year for r in self._rows]
        first, last = (min(years), max(years)) if years else (2000, 2001)
        span = max(last - first, 1)
        year_step = max(1, nice_step(span, 8, integers=True))
        year_ticks = [y for y in range(first, last + 1) if y % year_step == 0] or [first]
        plot.getAxis("bottom").setTicks([[(float(y), str(y)) for y in year_ticks], []])
        view = plot.getViewBox()
        view.setRange(xRange=(first - 1, last + 1), yRange=(0.0, high * 1.08), padding=0.0)
        view.disableAutoRange()

    # --- hover and click

    def bar_center(self, index: int) -> QPointF:
        """The middle of a bar, in view (data) coordinates."""
        return QPointF(self._centres[index], self._rows[index].rate / 2)

    def target_at(self, scene_pos: QPointF) -> int | None:
        """The row whose bar is under a scene position, or under it in the year's column.

        A bar too short to hit (a year without the term) is still found anywhere above it in its
        column, so that every year can be hovered and clicked.
        """
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(scene_pos):
            return None
        x = float(view.mapSceneToView(scene_pos).x())
        for index, centre in enumerate(self._centres):
            if abs(x - centre) <= self._width / 2:
                return index
        return None

    def hover_text(self, index: int) -> str:
        return trend_hover_text(self._rows[index], self._lang)

    def hover(self, index: int | None) -> None:
        """Show the tooltip of the bar at ``index`` (None: no bar) and emit :attr:`hovered`."""
        if index == self._hovered:
            return
        self._hovered = index
        if index is None:
            self.setToolTip("")
            self.hovered.emit("")
            return
        text = self.hover_text(index)
        self.setToolTip(tooltip(text))
        self.hovered.emit(text)

    def activate(self, index: int) -> None:
        """Act as if the bar at ``index`` was clicked."""
        self.report_activated.emit(self._rows[index].report_id)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        super().mousePressEvent(event)
        event.accept()  # the scene reports the click (sigMouseClicked) on release

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        event.accept()

    # --- export

    def png_bytes(self, scale: float = 2.0) -> bytes:
        """The chart as a PNG image, ``scale`` times its size on screen (sharp on print)."""
        size = self.size() if self.width() > 0 else self.sizeHint()
        image = QImage(size * scale, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.render(painter)
        painter.end()
        return png_bytes(image)

    def svg_bytes(self) -> bytes:
        """The chart as an SVG drawing."""
        return svg_document(self.size(), self.title(), self.render)
