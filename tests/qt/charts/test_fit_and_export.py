"""Charts fit narrow panels, export from their own button with a source line, and never blow up.

Issue 11 items 5 and 15, issue 13 item 2.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QFileDialog, QScrollArea
from pytestqt.qtbot import QtBot

from desktop_app.core.charting import chart_groups, chart_source_line
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt import charts
from desktop_app.qt.charts import render
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(autouse=True)
def _delete_disposed_widgets(qapp: QApplication) -> Iterator[None]:
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def panel(app: QApplication, qtbot: QtBot) -> charts.ChartPanel:
    widget = charts.ChartPanel()
    qtbot.addWidget(widget)
    return widget


@pytest.mark.parametrize("width", [300, 420])
def test_charts_shrink_to_a_narrow_panel(
    panel: charts.ChartPanel, report: Report, qtbot: QtBot, width: int
) -> None:
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_groups("overview", chart_groups(report.all_indicators()))
    built = panel.charts()
    QApplication.processEvents()
    scroll = panel.findChild(QScrollArea, "chartScroll")
    assert scroll is not None
    viewport = scroll.viewport().width()
    assert panel.label_width() <= max(round(viewport * 0.4), 72)
    for chart in built:
        # Nothing is cut off on the right: every chart fits the viewport.
        assert chart.minimumSizeHint().width() <= viewport, chart.group.key
        assert chart.geometry().right() <= viewport, chart.group.key
    for plot in panel.plots():
        if isinstance(plot, charts.ChartPlot):
            # Value labels move inside the bar's end rather than past the view's edge (7154 was "715").
            view = plot.getPlotItem().getViewBox()
            edge = view.sceneBoundingRect().right()
            for label in plot.value_labels:
                # Where the label ends: its anchor point plus the part of its box right of the anchor.
                right = (
                    view.mapViewToScene(label.pos()).x()
                    + (1 - label.anchor.x()) * label.boundingRect().width()
                )
                assert right <= edge + 1, (plot.group.key, label.toPlainText())
    amounts = panel.plot("amount:亿元")
    assert isinstance(amounts, charts.ChartPlot)
    assert any(label.endswith("…") for label in amounts.tick_labels)  # labels elide instead
    assert amounts.hover_text(5).startswith("临淄区地区生产总值（推算）")  # the hover keeps them whole


def test_each_chart_has_an_export_button(
    panel: charts.ChartPanel, report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.set_source_line(chart_source_line(report))
    panel.show_groups("g1", chart_groups(report.indicators_for_goal("g1-growth")))
    chart = panel.charts()[0]
    button = chart.export_button
    assert button is not None and button.objectName() == "chartExportButton" and button.menu() is not None
    actions = {action.objectName(): action for action in button.menu().actions()}
    chosen = iter([str(tmp_path / "button.svg"), str(tmp_path / "button.png")])
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (next(chosen), "")))
    actions["actionExportSvg"].trigger()
    actions["actionExportPng"].trigger()
    root = ET.parse(tmp_path / "button.svg").getroot()
    texts = "".join(el.text or "" for el in root.iter(f"{SVG}text"))
    assert report.id in texts and "1月20日" in texts  # the source line, dated as the page dates it
    assert (tmp_path / "button.png").read_bytes().startswith(b"\x89PNG")
    # Printed charts (the PDF has its own source block) have no button and no source line.
    image_chart = render.offscreen_chart(chart.group, 800, charts.looks.Look.for_print(96), "zh")
    assert image_chart.export_button is None and image_chart.source_label is None
    image_chart.dispose()


def test_exported_png_carries_the_source_line(report: Report, tmp_path: Path, app: QApplication) -> None:
    group = chart_groups(report.all_indicators())[0]
    plain = charts.render_group_image(group, 1000, 192)
    sourced = charts.render_group_image(group, 1000, 192, source_line=chart_source_line(report))
    assert sourced.height() > plain.height()
    charts.export_png(group, tmp_path / "c.png", width=1000, source_line=chart_source_line(report))
    assert QImage(str(tmp_path / "c.png")).height() == sourced.height()


def test_oversized_or_unallocatable_images_raise(
    report: Report, app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = chart_groups(report.all_indicators())[0]
    with pytest.raises(charts.ChartRenderError, match="more than the 12000 pixels"):
        charts.render_group_image(group, 20_000)
    monkeypatch.setattr(render, "QImage", type("NullImage", (QImage,), {"isNull": lambda self: True}))
    with pytest.raises(charts.ChartRenderError, match="could not be allocated"):
        charts.render_group_image(group, 800)


_MEMORY_SCRIPT = r"""
import dataclasses, json, resource, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop_app.core.charting import chart_groups
from desktop_app.core.loader import load_report
from desktop_app.qt import charts
report = load_report()
base = report.indicator_by_id["ind-industrial-output"]
count = report.indicator_by_id["ind-env-projects"]
figures = [dataclasses.replace(base, id=f"a{n}", value=float(n)) for n in range(int(sys.argv[1]))]
figures += [dataclasses.replace(count, id=f"c{n}", value=float(n)) for n in range(int(sys.argv[1]))]
groups = chart_groups(figures)
heights = [charts.render_group_image(g, 2400, 300).height() for g in groups]
from benchmarks.stats import peak_rss_mb
print(json.dumps({"rss_mb": peak_rss_mb(),
                  "groups": len(groups), "heights": heights}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource is Unix-only")
def test_thousands_of_figures_render_in_bounded_memory(tmp_path: Path) -> None:
    """5,000 figures per chart render as capped charts, peak memory measured in a subprocess."""
    script = tmp_path / "render_many.py"
    script.write_text(_MEMORY_SCRIPT, encoding="utf-8")
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, str(script), "5000"],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    measured = json.loads(result.stdout.strip().splitlines()[-1])
    assert measured["groups"] == 2
    assert all(0 < height < render.MAX_IMAGE_SIDE for height in measured["heights"])
    # Two 30-row charts at 300 dpi: a few hundred MB at most (uncapped, 5,000 rows needed gigabytes).
    assert measured["rss_mb"] < 600, measured


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_charts_in_the_window_fit_and_know_their_source(
    window: MainWindow, report: Report, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    panel = window.ensure_charts()
    assert panel.source_line() == chart_source_line(report, window.language)
    for path in ("goal/g1-growth", "goal/g8-wellbeing", "overview"):
        window.select_path(path)
        built = panel.charts()
        QApplication.processEvents()
        scroll = panel.findChild(QScrollArea, "chartScroll")
        assert scroll is not None
        for chart in built:
            assert chart.geometry().right() <= scroll.viewport().width(), (size, path, chart.group.key)


def test_a_long_source_line_wraps_whole_in_english(report: Report, app: QApplication) -> None:
    rank = next(g for g in chart_groups(report.all_indicators()) if g.key == "rank:nation:100")
    chart = render.offscreen_chart(
        rank, 900, charts.looks.Look.for_print(144), "en", chart_source_line(report, "en")
    )
    try:
        label = chart.source_label
        assert label is not None
        # Every wrapped line of the source line is inside the image (it was cut to its first line).
        assert label.height() >= label.heightForWidth(label.width()) > label.fontMetrics().height()
        assert label.geometry().bottom() < chart.height()
        assert isinstance(chart.plot, charts.ChartPlot)
        assert chart.plot.axis_caption == "place (lower is better)"  # not 名次 in an English chart
    finally:
        chart.dispose()


@pytest.mark.parametrize("size", [(1366, 768), (1024, 600)])
def test_shortened_labels_still_tell_the_rows_apart(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings, size: tuple[int, int]
) -> None:
    """Labels cut to fit a narrow panel stay distinct: in English at 1366×768 two rank rows both read
    "National rank among top-100 …" (cut at the end; the lists differ at the end)."""
    window = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    panel = window.ensure_charts()
    for path in ("goal/g1-growth", "goal/g8-wellbeing", "overview"):
        window.select_path(path)
        for plot in panel.plots():
            if isinstance(plot, charts.ChartPlot):
                labels = plot.tick_labels
                assert len(set(labels)) == len(labels), (size, path, plot.group.key, labels)
