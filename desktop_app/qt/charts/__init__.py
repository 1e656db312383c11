"""Charts of the report's figures: the one package that wraps pyqtgraph.

Importing pyqtgraph costs about a quarter of a second, so nothing outside this package imports it
and the main window imports this package only after its first paint. What goes on which chart is
decided by :func:`desktop_app.core.charting.chart_groups`; this package only draws it.

Modules:
    config: pyqtgraph's global options and the bundled fonts, set up once.
    looks: how each kind is drawn (colours from the core's palette) and the sizes of a chart.
    labels: titles, axis captions, legend entries and hover text.
    plot: :class:`ChartPlot`, one group's plot (bars, or dots for ranks).
    cards: :class:`NumberCards`, single figures shown as numbers, not charts.
    menus: the export menu of every chart.
    group: :class:`GroupChart`, a plot with its title and legend.
    panel: :class:`ChartPanel`, the scrolling panel that builds charts as they come into view.
    render: charts drawn off screen for print (an image) and export (PNG/SVG bytes).
    export: writing a chart to a file, atomically, from code or through a file dialog.
    targets: :class:`~desktop_app.qt.charts.targets.SeriesChartPlot`, one series across years
        (targets and outcomes, issue 16), its off-screen rendering and export.
"""

from __future__ import annotations

from desktop_app.qt.charts.cards import NumberCards
from desktop_app.qt.charts.config import configure_pyqtgraph
from desktop_app.qt.charts.export import export_png, export_svg
from desktop_app.qt.charts.group import GroupChart, estimated_chart_height
from desktop_app.qt.charts.labels import hover_text
from desktop_app.qt.charts.looks import BarStyle, natural_label_width
from desktop_app.qt.charts.panel import ChartPanel
from desktop_app.qt.charts.plot import ChartPlot
from desktop_app.qt.charts.render import ChartRenderError, render_group_image, render_group_svg

__all__ = [
    "BarStyle",
    "ChartPanel",
    "ChartPlot",
    "ChartRenderError",
    "GroupChart",
    "NumberCards",
    "configure_pyqtgraph",
    "estimated_chart_height",
    "export_png",
    "export_svg",
    "hover_text",
    "natural_label_width",
    "render_group_image",
    "render_group_svg",
]
