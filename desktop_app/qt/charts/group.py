"""A chart with its title, an export button, a legend of the kinds it shows and what it leaves out.

Everything in it shrinks with the panel: the title and the "N more" note wrap, the legend flows
onto more lines, the plot's labels elide and number cards take fewer columns.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.charting import ChartGroup, ChartStyle
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import visible_text
from desktop_app.core.unreviewed import UNREVIEWED_COLOUR, unreviewed_label
from desktop_app.core.words import word
from desktop_app.qt.charts.cards import NumberCards
from desktop_app.qt.charts.config import FOREGROUND
from desktop_app.qt.charts.labels import axis_caption, group_title, legend_text
from desktop_app.qt.charts.looks import Look, kind_colour, kind_look
from desktop_app.qt.charts.menus import export_button
from desktop_app.qt.charts.plot import ChartPlot

__all__ = ["GroupChart", "estimated_chart_height"]


def _paint_swatch(
    painter: QPainter,
    rect: QRectF,
    kind: IndicatorKind,
    look: Look,
    *,
    marker: bool,
    unreviewed: bool = False,
) -> None:
    """A small bar drawn like the bars of one kind (a dot or triangle for ranks and bounds).

    With ``unreviewed``, drawn like an unreviewed figure's bar (or a hollow dot), whatever the kind.
    """
    style = look.bar_style(kind, unreviewed=unreviewed)
    if marker:
        painter.setPen(
            look.line_pen(QColor(UNREVIEWED_COLOUR) if unreviewed else kind_colour(kind).darker(130))
        )
        painter.setBrush(Qt.GlobalColor.white if unreviewed else kind_colour(kind))
        radius = min(rect.height(), rect.width()) * 0.4
        painter.drawEllipse(rect.center(), radius, radius)
        return
    whisker = kind_look(kind).whisker and not unreviewed
    bar = QRectF(rect)
    if whisker:
        bar.setRight(bar.left() + bar.width() * 0.6)
    painter.fillRect(bar, style.fill)
    painter.fillRect(bar, style.pattern)
    painter.setPen(style.pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRect(bar)
    if whisker:
        painter.setPen(look.whisker_pen(kind))
        middle = bar.center().y()
        left, right = bar.right() - bar.width() * 0.3, rect.right()
        painter.drawLine(QPointF(left, middle), QPointF(right, middle))
        painter.drawLine(QPointF(right, middle - look.px(3)), QPointF(right, middle + look.px(3)))


class _Legend(QWidget):
    """The kinds one chart shows, each as a swatch and its name, flowing onto as many lines as needed."""

    def __init__(
        self,
        kinds: Sequence[IndicatorKind],
        look: Look,
        lang: Language | str,
        *,
        markers: bool,
        unreviewed: bool = False,
    ) -> None:
        super().__init__()
        self.setObjectName(f"{look.object_prefix}Legend")
        self._kinds = list(kinds)
        self._look = look
        self._markers = markers
        self.texts = [
            legend_text(kind, lang, whisker=kind_look(kind).whisker and not markers) for kind in kinds
        ]
        # The last entry, where the chart has unreviewed figures: how they are drawn, and the word.
        self._unreviewed = unreviewed
        if unreviewed:
            self._kinds.append(IndicatorKind.ACHIEVED)
            self.texts.append(unreviewed_label(lang))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self._layout(10_000)[1])

    def _entry_widths(self) -> list[float]:
        metrics = QFontMetricsF(self._look.font(0.9))
        swatch, gap = self._look.px(30), self._look.px(6)
        return [swatch + gap + metrics.horizontalAdvance(text) for text in self.texts]

    def _layout(self, width: int) -> tuple[list[QPointF], int]:
        """Where each entry starts, and the height, at ``width`` pixels."""
        look = self._look
        line = max(QFontMetricsF(look.font(0.9)).height(), look.px(14))
        x = y = look.px(4)
        spacing = look.px(14)
        places = []
        for entry in self._entry_widths():
            if x > look.px(4) and x + entry > width:
                x, y = look.px(4), y + line + look.px(2)
            places.append(QPointF(x, y))
            x += entry + spacing
        return places, math.ceil(y + line) if places else 0

    def sizeHint(self) -> QSize:
        return QSize(math.ceil(sum(self._entry_widths())), self.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(math.ceil(max(self._entry_widths(), default=0.0)), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self._layout(event.size().width())[1]
        if height != self.height():
            self.setFixedHeight(height)

    def paintEvent(self, event: QPaintEvent) -> None:
        look = self._look
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = look.font(0.9)
        metrics = QFontMetricsF(font)
        line = max(metrics.height(), look.px(14))
        places, _ = self._layout(self.width())
        last = len(self._kinds) - 1
        for index, (kind, text, place) in enumerate(zip(self._kinds, self.texts, places, strict=True)):
            swatch = QRectF(place.x(), place.y() + (line - look.px(14)) / 2, look.px(30), look.px(14))
            unreviewed = self._unreviewed and index == last
            _paint_swatch(
                painter,
                swatch.adjusted(2, 2, -2, -2),
                kind,
                look,
                marker=self._markers,
                unreviewed=unreviewed,
            )
            painter.setPen(FOREGROUND)
            painter.setFont(font)
            left = place.x() + look.px(36)
            painter.drawText(
                QRectF(left, place.y(), self.width() - left, line), Qt.AlignmentFlag.AlignVCenter, text
            )
        painter.end()


def _wrapping_policy() -> QSizePolicy:
    """Any width (so the chart can shrink), the height the wrapped text needs at that width."""
    policy = QSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)  # a new policy drops the flag QLabel sets for word wrap
    return policy


class GroupChart(QWidget):
    """One group's chart: a plain-text title, the plot (or number cards), a legend of its kinds.

    On screen the title row has an export button; an image rendered for export carries a source
    line under the legend.

    Signals:
        bar_activated(str): forwarded from the plot; the indicator id.
        bar_hovered(str): forwarded from the plot; the hover text or "".
        export_requested(str): the export button or the plot's context menu; ``"png"`` or ``"svg"``.
    """

    bar_activated = Signal(str)
    bar_hovered = Signal(str)
    export_requested = Signal(str)

    def __init__(
        self,
        group: ChartGroup,
        *,
        lang: Language | str = Language.ZH,
        look: Look | None = None,
        source_line: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        look = look or Look()
        self.group = group
        self.setObjectName(f"{look.object_prefix}Group")
        layout = QVBoxLayout(self)
        margin = round(look.px(4))
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(round(look.px(2)))

        title_row = QHBoxLayout()
        title_row.setContentsMargins(0, 0, 0, 0)
        self.title_label = QLabel(visible_text(group_title(group, lang)))
        self.title_label.setObjectName(f"{look.object_prefix}Title")
        self.title_label.setTextFormat(Qt.TextFormat.PlainText)
        self.title_label.setWordWrap(True)
        self.title_label.setFont(look.font(1.1, bold=True))
        self.title_label.setSizePolicy(_wrapping_policy())
        title_row.addWidget(self.title_label, 1)
        self.export_button: QToolButton | None = None
        if look.interactive:
            button = export_button(
                QCoreApplication.translate("ChartPanel", "Export…"),
                self.export_requested.emit,
                QCoreApplication.translate("ChartPanel", "Save this chart as PNG or SVG"),
            )
            button.setObjectName("chartExportButton")
            button.setAutoRaise(True)
            title_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
            self.export_button = button
        layout.addLayout(title_row)

        self.plot: ChartPlot | NumberCards
        if group.style is ChartStyle.NUMBERS:
            self.plot = NumberCards(group, lang=lang, look=look)
        else:
            self.plot = ChartPlot(group, lang=lang, look=look)
        layout.addWidget(self.plot)
        self.more_label: QLabel | None = None
        if group.omitted:
            self.more_label = self._note(word("chart.more", lang).format(n=group.omitted), "More", look)
            layout.addWidget(self.more_label)
        kinds = list(dict.fromkeys(item.kind for item in group.items))
        self.legend = _Legend(
            kinds,
            look,
            lang,
            markers=group.style is ChartStyle.DOTS,
            unreviewed=any(item.unreviewed for item in group.items),
        )
        layout.addWidget(self.legend)
        self.source_label: QLabel | None = None
        if source_line:
            self.source_label = self._note(source_line, "Source", look)
            layout.addWidget(self.source_label)
        self.plot.bar_activated.connect(self.bar_activated)
        self.plot.bar_hovered.connect(self.bar_hovered)
        self.plot.export_requested.connect(self.export_requested)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @staticmethod
    def _note(text: str, name: str, look: Look) -> QLabel:
        label = QLabel(visible_text(text))
        label.setObjectName(f"{look.object_prefix}{name}")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setFont(look.font(0.85))
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor("#555555"))
        label.setPalette(palette)
        label.setSizePolicy(_wrapping_policy())
        return label

    def dispose(self) -> None:
        """Hide and delete the chart, with everything pyqtgraph made for its plot."""
        self.hide()
        self.plot.dispose()
        self.deleteLater()


def estimated_chart_height(group: ChartGroup, look: Look | None = None) -> int:
    """About how tall a group's chart will be: the room kept for it until it is built."""
    look = look or Look()
    title = QFontMetricsF(look.font(1.1, bold=True)).height()
    legend = max(QFontMetricsF(look.font(0.9)).height(), look.px(14))
    more = QFontMetricsF(look.font(0.85)).height() + look.px(2) if group.omitted else 0.0
    frame = look.px(6 + 2) + title + legend + more + look.px(3)
    if group.style is ChartStyle.NUMBERS:
        return math.ceil(frame + NumberCards.estimated_height(group, look))
    line = QFontMetricsF(look.font()).height()
    rows = len(group.items) * max(line * 1.9, look.px(24))
    captions = 1 if axis_caption(group, Language.ZH) else 0
    axis = line * (1 + captions) + look.px(5 + 6 + 8)  # tick labels, caption, ticks and offsets
    return math.ceil(rows + axis + frame)
