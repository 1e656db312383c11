"""Single figures as number cards: a value that has nothing to be compared with is not a chart.

:func:`desktop_app.core.charting.chart_groups` gathers such figures (7件, 3连冠, 5项, a rank in a
list of unknown size, a lone bound such as 低于 0.15) into one :attr:`ChartStyle.NUMBERS` group;
this widget shows each as a card: the value as the tree writes it (with its bound sign or derived
marker), the figure's name, its year and kind, and a stripe in the kind's colour. Cards flow into as
many columns as the width allows, so the block shrinks with the panel. It reads back and reacts like
:class:`~desktop_app.qt.charts.plot.ChartPlot` (hover, click, context menu), so the panel treats
both alike.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFontMetricsF,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop_app.core.charting import ChartGroup, ChartItem, item_label, item_value_text
from desktop_app.core.language import Language
from desktop_app.core.presentation import kind_label, visible_text, year_text
from desktop_app.core.unreviewed import UNREVIEWED_COLOUR, unreviewed_label
from desktop_app.qt.charts.config import FOREGROUND
from desktop_app.qt.charts.labels import group_title, hover_text, show_hover_tooltip
from desktop_app.qt.charts.looks import Look, kind_colour
from desktop_app.qt.charts.menus import ExportContextMenu

__all__ = ["NumberCards"]

CARD_WIDTH = 170
"""The narrowest a card gets, in pixels at 96 dpi; the columns follow from the width."""
_GAP = 8
_NOMINAL_WIDTH = 560


class NumberCards(ExportContextMenu, QWidget):
    """Number cards for the figures of one :attr:`ChartStyle.NUMBERS` group.

    Signals:
        bar_activated(str): a card was clicked; the indicator id.
        bar_hovered(str): the mouse moved onto a card (its hover text) or off it ("").
        export_requested(str): Export PNG… or Export SVG… was chosen; ``"png"`` or ``"svg"``.
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
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.group = group
        self.lang = lang
        self._look = look = look or Look()
        self._items = group.items
        self._hovered: int | None = None
        self._label_width = 0
        self.setObjectName(f"{look.object_prefix}Cards")
        self.setAccessibleName(group_title(group, lang))
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.value_texts = [item_value_text(item, lang) for item in self._items]
        self.tick_labels = [visible_text(item_label(item, lang)) for item in self._items]
        # An unreviewed figure says so on the line that is never cut (the name may be elided).
        self.detail_texts = [
            f"{year_text(item.year, lang)} · {kind_label(item.kind, lang)}"
            + (f" · {unreviewed_label(lang)}" if item.unreviewed else "")
            for item in self._items
        ]
        self.axis_caption = ""
        self.setFixedHeight(self.height_for_width(round(look.px(_NOMINAL_WIDTH))))

    # --- geometry

    @staticmethod
    def _height_of_card(look: Look) -> float:
        big = QFontMetricsF(look.font(1.6, bold=True)).height()
        name = QFontMetricsF(look.font()).height()
        small = QFontMetricsF(look.font(0.9)).height()
        return big + name + small + look.px(10)

    @staticmethod
    def _height_of(count: int, columns: int, look: Look) -> int:
        rows = math.ceil(count / columns) if count else 0
        gap = look.px(_GAP)
        return math.ceil(rows * NumberCards._height_of_card(look) + max(rows - 1, 0) * gap + look.px(4))

    @classmethod
    def estimated_height(cls, group: ChartGroup, look: Look) -> int:
        """How tall a group's cards are at the usual panel width (before they are built)."""
        return cls._height_of(
            len(group.items), cls._columns_for(len(group.items), round(look.px(_NOMINAL_WIDTH)), look), look
        )

    @staticmethod
    def _columns_for(count: int, width: int, look: Look) -> int:
        gap, card = look.px(_GAP), look.px(CARD_WIDTH)
        return max(1, min(count, int((width + gap) // (card + gap))))

    def _card_height(self) -> float:
        return self._height_of_card(self._look)

    def _columns(self, width: int) -> int:
        return self._columns_for(len(self._items), width, self._look)

    def height_for_width(self, width: int) -> int:
        """How tall the cards are at ``width`` pixels: as many rows as the columns need."""
        return self._height_of(len(self._items), self._columns(width), self._look)

    def card_rect(self, index: int) -> QRectF:
        """Where card ``index`` is drawn, in widget coordinates."""
        columns = self._columns(self.width())
        gap = self._look.px(_GAP)
        width = (self.width() - gap * (columns - 1)) / columns
        row, column = divmod(index, columns)
        top = self._look.px(2) + row * (self._card_height() + gap)
        return QRectF(column * (width + gap), top, width, self._card_height())

    def card_center(self, index: int) -> QPoint:
        """The middle of card ``index``, for clicking it."""
        return self.card_rect(index).center().toPoint()

    def card_at(self, position: QPointF) -> int | None:
        """The card under a widget position, or None."""
        return next((i for i in range(len(self._items)) if self.card_rect(i).contains(position)), None)

    def sizeHint(self) -> QSize:
        width = round(self._look.px(_NOMINAL_WIDTH))
        return QSize(width, self.height_for_width(width))

    def minimumSizeHint(self) -> QSize:
        return QSize(round(self._look.px(CARD_WIDTH)), self.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        height = self.height_for_width(event.size().width())
        if height != self.height():
            self.setFixedHeight(height)  # fewer columns in a narrower panel: more rows

    # --- drawing

    def paintEvent(self, event: QPaintEvent) -> None:
        look = self._look
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        big, name, small = look.font(1.6, bold=True), look.font(), look.font(0.9)
        pad = look.px(8)
        for index, item in enumerate(self._items):
            rect = self.card_rect(index)
            hovered = index == self._hovered
            pen = look.line_pen(QColor("#9e9e9e") if hovered else QColor("#dddddd"))
            if item.unreviewed:  # a dashed frame in the unreviewed colour
                pen = look.line_pen(QColor(UNREVIEWED_COLOUR))
                pen.setStyle(Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.setBrush(QColor("#f3f3f3") if hovered else QColor("#fafafa"))
            painter.drawRoundedRect(rect, look.px(3), look.px(3))
            stripe = QRectF(rect.left(), rect.top(), look.px(5), rect.height())
            painter.fillRect(stripe, kind_colour(item.kind))
            text = rect.adjusted(look.px(5) + pad, look.px(4), -pad, -look.px(4))
            painter.setPen(QPen(FOREGROUND))
            lines = (
                (big, self.value_texts[index]),
                (name, self.tick_labels[index]),
                (small, self.detail_texts[index]),
            )
            top = text.top()
            for font, line in lines:
                metrics = QFontMetricsF(font)
                painter.setFont(font)
                elided = metrics.elidedText(line, Qt.TextElideMode.ElideRight, text.width())
                painter.drawText(QRectF(text.left(), top, text.width(), metrics.height()), 0, elided)
                top += metrics.height()
        painter.end()

    # --- reading back, as a plot

    def items(self) -> tuple[ChartItem, ...]:
        """The figures, one per card."""
        return self._items

    def bar_data(self) -> list[tuple[str, float]]:
        """The cards as (full label, value), in order."""
        return [(item.label, item.value) for item in self._items]

    def label_width(self) -> int:
        """Cards have no label axis; the width the panel gave the plots, for symmetry."""
        return self._label_width

    def set_label_width(self, width: int) -> None:
        """Remember the panel's label width (cards have no label axis to line up)."""
        self._label_width = width

    def hover_text(self, index: int) -> str:
        """The status-bar text for one card."""
        return hover_text(self._items[index], self.lang)

    def activate(self, index: int) -> None:
        """Act as if card ``index`` was clicked: emit :attr:`bar_activated` with its id."""
        self.bar_activated.emit(self._items[index].indicator_id)

    def hover(self, index: int | None) -> None:
        """Show the tooltip for card ``index`` (None: no card) and emit :attr:`bar_hovered`."""
        if index == self._hovered:
            return
        self._hovered = index
        self.update()
        item = None if index is None else self._items[index]
        show_hover_tooltip(self, item, self.lang)
        self.bar_hovered.emit("" if index is None else self.hover_text(index))

    # --- events

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self.hover(self.card_at(event.position()))
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        index = self.card_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index is not None:
            event.accept()
            self.activate(index)
            return
        super().mouseReleaseEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.hover(None)

    def dispose(self) -> None:
        """Delete the cards."""
        self.hover(None)
        self.deleteLater()
