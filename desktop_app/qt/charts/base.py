"""What every pyqtgraph chart of the app shares: :class:`InteractivePlot`.

A bar chart of one group (:class:`~desktop_app.qt.charts.plot.ChartPlot`), a series across years
(:class:`~desktop_app.qt.charts.targets.SeriesChartPlot`) and a term's trend
(:class:`~desktop_app.qt.charts.trend.TrendChart`) all draw on a white plot without pyqtgraph's
menu, buttons or zoom, follow the pointer to one thing at a time (its tooltip and status text),
act on a left click, offer Export PNG… and Export SVG… in their context menu, and free what
pyqtgraph made for them when disposed of.
"""

from __future__ import annotations

from typing import Any

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QEvent, QPointF, Qt, Signal, Slot
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QFrame, QWidget

from desktop_app.qt.charts.config import configure_pyqtgraph
from desktop_app.qt.charts.menus import ExportContextMenu
from desktop_app.qt.workers import collection_held

__all__ = ["InteractivePlot"]


class InteractivePlot(ExportContextMenu, pg.PlotWidget):  # type: ignore[misc]  # pyqtgraph is untyped
    """A pyqtgraph plot that shows what the pointer is on, acts on a click, and exports.

    A subclass says what is under the pointer (:meth:`target_at`), what hovering over it shows
    (:meth:`hover`, also called with None when the pointer leaves) and what a click on it does
    (:meth:`activate`).

    Signals:
        export_requested(str): Export PNG… or Export SVG… was chosen; ``"png"`` or ``"svg"``.
    """

    export_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        configure_pyqtgraph()
        with collection_held():  # wrapping each widget of the list may start a collection
            existing = set(QApplication.topLevelWidgets())
        super().__init__(parent=parent, background="w", enableMenu=False)
        # pyqtgraph's PlotItem makes parentless option menus we never show; they are freed in dispose().
        with collection_held():
            self._pyqtgraph_widgets = [
                w
                for w in QApplication.topLevelWidgets()
                if w not in existing and w is not self and w.parent() is None
            ]
        self.setFrameShape(QFrame.Shape.NoFrame)
        plot = self.getPlotItem()
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)
        self.scene().sigMouseClicked.connect(self._on_scene_mouse_clicked)

    def target_at(self, scene_pos: QPointF) -> Any:
        """What is drawn at ``scene_pos`` (None: nothing a reader can point at)."""
        raise NotImplementedError

    def hover(self, target: Any) -> None:
        """Show what ``target`` is (its tooltip and status text); None: the pointer is on nothing."""
        raise NotImplementedError

    def activate(self, target: Any) -> None:
        """Act as if ``target`` was clicked."""
        raise NotImplementedError

    # --- events

    @Slot(object)
    def _on_scene_mouse_moved(self, scene_pos: QPointF) -> None:
        self.hover(self.target_at(scene_pos))

    @Slot(object)
    def _on_scene_mouse_clicked(self, event: Any) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        target = self.target_at(event.scenePos())
        if target is not None:
            event.accept()
            self.activate(target)

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
