"""A chart with its title and a legend of the kinds it shows."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.charting import ChartGroup
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind
from desktop_app.core.presentation import visible_text
from desktop_app.qt.charts.labels import group_title, legend_text
from desktop_app.qt.charts.looks import Look, kind_look
from desktop_app.qt.charts.plot import ChartPlot

__all__ = ["GroupChart"]


class _Swatch(QWidget):
    """A small bar drawn like the bars of one kind."""

    def __init__(self, kind: IndicatorKind, look: Look, parent: QWidget | None = None) -> None:
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
        if kind_look(self._kind).whisker:
            rect.setRight(rect.left() + rect.width() * 0.6)
        painter.fillRect(rect, style.fill)
        painter.fillRect(rect, style.pattern)
        painter.setPen(style.pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if kind_look(self._kind).whisker:
            painter.setPen(look.whisker_pen(self._kind))
            middle = rect.center().y()
            left, right = rect.right() - rect.width() * 0.3, self.width() - inset
            painter.drawLine(QPointF(left, middle), QPointF(right, middle))
            painter.drawLine(QPointF(right, middle - look.px(3)), QPointF(right, middle + look.px(3)))
        painter.end()


class _Legend(QWidget):
    """The kinds one chart shows, each as a swatch and its name."""

    def __init__(self, kinds: Sequence[IndicatorKind], look: Look, lang: Language | str) -> None:
        super().__init__()
        self.setObjectName(f"{look.object_prefix}Legend")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(round(look.px(4)), 0, 0, 0)
        layout.setSpacing(round(look.px(6)))
        self.texts: list[str] = []
        for kind in kinds:
            layout.addWidget(_Swatch(kind, look))
            text = legend_text(kind, lang, whisker=kind_look(kind).whisker)
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
        export_requested(str): forwarded from the plot; ``"png"`` or ``"svg"``.
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
        look = look or Look()
        self.group = group
        self.setObjectName(f"{look.object_prefix}Group")
        layout = QVBoxLayout(self)
        margin = round(look.px(4))
        layout.setContentsMargins(margin, margin, margin, margin)
        layout.setSpacing(round(look.px(2)))
        self.title_label = QLabel(visible_text(group_title(group, lang)))
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
        self.plot.export_requested.connect(self.export_requested)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def dispose(self) -> None:
        """Hide and delete the chart, with everything pyqtgraph made for its plot."""
        self.hide()
        self.plot.dispose()
        self.deleteLater()
