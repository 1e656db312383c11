"""The charts under the detail pane: a placeholder until pyqtgraph is imported, then the chart panel.

Importing pyqtgraph costs more than the whole bare window, so the window asks for the panel
(:meth:`ChartSlot.ensure`) only after its first paint. Which figures the charts show follows the
tree's selection: the goal area or section the selected row sits in, else the whole report.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop_app.core.language import Language
from desktop_app.core.model import DerivedIndicator, GoalArea, Indicator, Report, Section
from desktop_app.core.presentation import numbered_goal_label, report_title, section_title
from desktop_app.qt.models.tree import NodeKind, TreeNode

if TYPE_CHECKING:
    from desktop_app.qt.charts import ChartPanel

__all__ = ["ChartSlot"]

_CHART_SCOPES = (NodeKind.GOAL, NodeKind.SECTION, NodeKind.OVERVIEW, NodeKind.SOURCE)


class _ChartPlaceholder(QWidget):
    """Stands where the charts will be until pyqtgraph has been imported."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("chartPlaceholder")
        layout = QVBoxLayout(self)
        label = QLabel(self.tr("Loading charts…"))
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(label)


class ChartSlot(QObject):
    """The lower half of the centre splitter: first a placeholder, then the chart panel.

    Signals:
        indicator_activated(str): a chart's bar was activated (the id of its indicator).
        status_message(str): what the pointer hovers over, for the status bar.
    """

    indicator_activated = Signal(str)
    status_message = Signal(str)

    def __init__(self, splitter: QSplitter, language: Language, parent: QObject | None = None) -> None:
        """Put the placeholder in ``splitter`` (its second widget).

        Args:
            splitter: the centre splitter, holding the detail pane.
            language: the UI language of the panel.
            parent: the owner (the window).
        """
        super().__init__(parent)
        self._splitter = splitter
        self._lang = language
        self._panel: ChartPanel | None = None
        splitter.addWidget(_ChartPlaceholder())

    def panel(self) -> ChartPanel | None:
        """The chart panel, None while the placeholder stands."""
        return self._panel

    def ensure(self) -> tuple[ChartPanel, bool]:
        """Create the chart panel now, if it is not there yet.

        Returns:
            The panel, and whether it was created by this call.
        """
        if self._panel is not None:
            return self._panel, False
        charts_module = importlib.import_module("desktop_app.qt.charts")
        charts_module.configure_pyqtgraph()
        panel: ChartPanel = charts_module.ChartPanel()
        panel.set_language(self._lang)
        panel.indicator_activated.connect(self.indicator_activated)
        panel.hovered.connect(self.status_message)
        old = self._splitter.widget(1)
        self._splitter.replaceWidget(1, panel)
        if old is not None:
            old.deleteLater()
        self._panel = panel
        return panel, True

    def clear(self) -> None:
        """Remove every chart (another report is coming)."""
        if self._panel is not None:
            self._panel.clear()

    def show_for(self, report: Report, node: TreeNode | None) -> None:
        """Chart the figures of the goal area or section ``node`` sits in, else of the whole report.

        Args:
            report: the report as the views show it.
            node: the tree's current node (None: nothing selected).
        """
        if self._panel is None:
            return
        # Imported here: the charts are built after the window's first paint, which need not wait for it.
        from desktop_app.core.charting import chart_groups, chart_source_line

        while node is not None and node.parent is not None and node.kind not in _CHART_SCOPES:
            node = node.parent
        lang = self._lang
        # Exported charts say where their figures come from (issue 11 item 15).
        self._panel.set_source_line(chart_source_line(report, lang))
        if node is not None and isinstance(node.item, GoalArea):
            goal = node.item
            self._panel.show_groups(
                numbered_goal_label(goal, report, lang, short=True),
                chart_groups(report.indicators_for_goal(goal.id)),
            )
        elif node is not None and isinstance(node.item, Section):
            items = [
                i for i in report.for_section(node.item.id) if isinstance(i, Indicator | DerivedIndicator)
            ]
            self._panel.show_groups(section_title(node.item, lang), chart_groups(items))
        else:
            self._panel.show_groups(report_title(report, lang), chart_groups(report.all_indicators()))
