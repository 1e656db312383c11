"""The chart panel: one chart per :class:`ChartGroup`, scrolling, built as they come into view."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from desktop_app.core.charting import ChartGroup
from desktop_app.core.language import Language
from desktop_app.core.presentation import visible_text
from desktop_app.qt.charts.cards import NumberCards
from desktop_app.qt.charts.config import configure_pyqtgraph, register_fonts
from desktop_app.qt.charts.export import export_with_dialog
from desktop_app.qt.charts.group import GroupChart, estimated_chart_height
from desktop_app.qt.charts.looks import Look, natural_label_width
from desktop_app.qt.charts.plot import ChartPlot

__all__ = ["ChartPanel"]

LABEL_SHARE = 0.4
"""The largest share of the panel's width the row labels take; longer labels are elided."""
MIN_LABEL_WIDTH = 72


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
        register_fonts()
        self.setObjectName("chartView")
        self.setAccessibleName(self.tr("Charts"))
        self._lang = Language.ZH
        self._title = ""
        self._groups: tuple[ChartGroup, ...] = ()
        self._slots: list[GroupChart | _PendingChart] = []
        self._natural_label_width = 0
        self._label_width = 0
        self._source_line = ""
        self._building_ahead = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self._heading = QLabel()
        self._heading.setObjectName("chartHeading")
        self._heading.setTextFormat(Qt.TextFormat.PlainText)
        self._heading.setWordWrap(True)
        self._heading.setFont(Look().font(1.15, bold=True))
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

    def set_language(self, lang: Language | str) -> None:
        """Write chart titles, kinds and years in ``lang`` (a tag such as ``"en"`` converted); redraw."""
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
        # One label width for all, so the plots line up; no wider than a share of the panel.
        self._natural_label_width = max(
            (natural_label_width(group, lang=self._lang) for group in self._groups), default=0
        )
        self._label_width = self._fitted_label_width()
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

    def set_source_line(self, text: str) -> None:
        """Where the figures come from (report, date, dataset): drawn under every exported chart."""
        self._source_line = text

    def source_line(self) -> str:
        """The line drawn under exported charts."""
        return self._source_line

    def label_width(self) -> int:
        """The width every chart's label axis has now."""
        return self._label_width

    def _fitted_label_width(self) -> int:
        """The labels' natural width, but at most :data:`LABEL_SHARE` of the panel's width."""
        viewport = self._scroll.viewport().width()
        if viewport <= 100 or not self.isVisible():
            return self._natural_label_width
        return min(self._natural_label_width, max(round(viewport * LABEL_SHARE), MIN_LABEL_WIDTH))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._scroll.viewport() and event.type() == QEvent.Type.Resize:
            width = self._fitted_label_width()
            if width != self._label_width:
                # A narrower panel narrows (and elides) the labels instead of cutting charts off.
                self._label_width = width
                for slot in self._slots:
                    if isinstance(slot, GroupChart):
                        slot.plot.set_label_width(width)
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
        chart.export_requested.connect(self._on_chart_export_requested)
        self._body_layout.replaceWidget(slot, chart)
        slot.hide()
        slot.deleteLater()
        self._slots[index] = chart
        return chart

    @Slot(str)
    def _on_chart_export_requested(self, file_format: str) -> None:
        chart = self.sender()
        if isinstance(chart, GroupChart):
            export_with_dialog(chart, file_format, self, source_line=self._source_line)

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

    def plots(self) -> list[ChartPlot | NumberCards]:
        """The plots, in the order of the groups; builds any not built yet."""
        return [chart.plot for chart in self.charts()]

    def plot(self, group_key: str) -> ChartPlot | NumberCards:
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
