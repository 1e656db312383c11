"""The chart panel and chart export on the bundled report (offscreen).

The assertions read the plotted data back from pyqtgraph's items (bar positions and widths, brushes,
tick strings), not pixels; the image tests check sizes and file formats.
"""

from __future__ import annotations

import ast
import gc
import os
import stat
import struct
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QRawFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMenu, QScrollArea, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.charting import ChartGroup, ChartItem, ChartStyle, chart_groups
from desktop_app.core.model import Indicator, IndicatorKind, Report
from desktop_app.core.presentation import KIND_PALETTE
from desktop_app.qt import charts, fonts
from desktop_app.qt.charts import menus
from desktop_app.qt.charts.menus import ExportContextMenu
from desktop_app.qt.charts.targets import SeriesChartPlot
from desktop_app.qt.charts.trend import TrendChart
from tests.qt.widget_lists import all_widgets

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
HOSTILE = "<b>x</b> & <img src=x>"


@pytest.fixture(autouse=True)
def _delete_disposed_widgets(qapp: QApplication) -> Iterator[None]:
    """Carry out the deleteLater() of each test, as the event loop would, so widgets do not pile up."""
    yield
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def panel(app: QApplication, qtbot: QtBot) -> Iterator[charts.ChartPanel]:
    widget = charts.ChartPanel()
    qtbot.addWidget(widget)
    widget.resize(700, 900)
    yield widget


def _groups(report: Report, scope: str) -> list[ChartGroup]:
    if scope == "overview":
        return chart_groups(report.all_indicators())
    return chart_groups(report.indicators_for_goal(scope))


def _group(report: Report, key: str) -> ChartGroup:
    return next(g for g in _groups(report, "overview") if g.key == key)


def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG_SIGNATURE
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def _hostile_group() -> ChartGroup:
    items = (
        ChartItem("hostile-1", HOSTILE, 12.5, "<i>万</i>", 2023, IndicatorKind.ACHIEVED),
        ChartItem("hostile-2", "<script>alert(1)</script>", 3, "<i>万</i>", 2024, IndicatorKind.TARGET),
    )
    return ChartGroup("other:<i>", "<h1>标题</h1>", "<h1>title</h1>", "<i>万</i>", False, items)


def _click_point(plot: charts.ChartPlot | charts.NumberCards, index: int) -> QPoint:
    if isinstance(plot, charts.NumberCards):
        return plot.card_center(index)
    view = plot.getPlotItem().getViewBox()
    scene_point = view.mapViewToScene(plot.bar_center(index))
    return QPoint(plot.mapFromScene(scene_point))


def _bar_plot(panel: charts.ChartPanel, key: str) -> charts.ChartPlot:
    plot = panel.plot(key)
    assert isinstance(plot, charts.ChartPlot), key
    return plot


def _bar_plots(panel: charts.ChartPanel) -> list[charts.ChartPlot]:
    return [plot for plot in panel.plots() if isinstance(plot, charts.ChartPlot)]


# --- set-up ----------------------------------------------------------------------------------------


def test_configure_pyqtgraph_is_idempotent(qapp: QApplication, monkeypatch: pytest.MonkeyPatch) -> None:
    charts.configure_pyqtgraph()
    assert pg.getConfigOption("background") == "w"
    assert pg.getConfigOption("antialias") is True

    def again(**options: object) -> None:
        raise AssertionError(f"configured a second time with {options}")

    monkeypatch.setattr(pg, "setConfigOptions", again)
    charts.configure_pyqtgraph()


def test_panel_names_and_empty_state(panel: charts.ChartPanel) -> None:
    assert panel.objectName() == "chartView"
    assert panel.accessibleName() == "Charts"
    assert panel.plots() == []
    empty = panel.findChild(QLabel, "chartEmpty")
    assert empty is not None and not empty.isHidden()


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    return modules


def test_only_the_chart_package_imports_pyqtgraph() -> None:
    root = Path(charts.__file__).resolve().parent.parent.parent
    importers = sorted(
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if "pyqtgraph" in _imported_modules(path)
    )
    assert importers and all(path.startswith("qt/charts/") for path in importers), importers
    assert "qt/charts/plot.py" in importers


# --- plotted data ----------------------------------------------------------------------------------


@pytest.mark.parametrize("scope", ["g1-growth", "overview"])
def test_plotted_bars_are_the_indicators_values(panel: charts.ChartPanel, report: Report, scope: str) -> None:
    groups = _groups(report, scope)
    panel.show_groups(scope, groups)
    assert [plot.group.key for plot in panel.plots()] == [g.key for g in groups]
    for group in groups:
        plotted_labels = [label for label, _ in panel.bar_data(group.key)]
        plotted_values = [value for _, value in panel.bar_data(group.key)]
        assert plotted_labels == [item.label for item in group.items], group.key
        assert plotted_values == pytest.approx([item.value for item in group.items]), group.key
        plot = panel.plot(group.key)
        assert plot.tick_labels[0] and len(plot.tick_labels) == len(group.items)
    plotted = {label for plot in panel.plots() for label, _ in plot.bar_data()}
    assert plotted == {item.label for g in groups for item in g.items}


@pytest.mark.parametrize("scope", ["g1-growth", "overview"])
def test_no_plot_mixes_units(panel: charts.ChartPanel, report: Report, scope: str) -> None:
    panel.show_groups(scope, _groups(report, scope))
    for plot in panel.plots():
        group = plot.group
        sources = [report.indicator_by_id[item.indicator_id] for item in group.items]
        if group.style is ChartStyle.NUMBERS:
            assert isinstance(plot, charts.NumberCards)  # one value a card, no shared axis
            continue
        if group.key.startswith("rank:"):
            # 名, 位 and 强 are all places in a ranking; one list size and one scope per axis.
            assert {s.unit_normalised for s in sources if isinstance(s, Indicator)} == {"rank"}
            assert len(sources) == len(group.items)
            assert len({(s.scope, item.list_size) for s, item in zip(sources, group.items, strict=True)}) == 1
        elif group.key.startswith("count:"):
            # What is counted is one thing (villages, projects …), whatever unit it is written in.
            assert len({s.unit_normalised for s in sources if isinstance(s, Indicator)}) == 1, group.key
        else:
            assert len({item.unit for item in group.items}) == 1, group.key
        assert len({s.scope for s in sources}) == 1 or group.key in ("share:", "rank_change:"), group.key
        assert group.unit in plot.axis_caption


def test_ranks_are_dots_on_their_lists_scale(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    rank = _bar_plot(panel, "rank:nation:100")
    assert rank.dots and rank.group.style is ChartStyle.DOTS
    assert rank.axis_caption == "名次\uff08越小越好\uff09"  # the chart's language, not the interface's
    # Each of the three national top-100 lists on its own 1–100 scale: no bar, a dot at the rank.
    assert [label for label, _ in rank.bar_data()] == [
        "全国高质量发展百强区排名",
        "中国工业百强区排名",
        "全国综合实力百强区排名",
    ]
    assert [value for _, value in rank.bar_data()] == [51, 53, 54]
    assert not any(rank.bar_item.drawn)
    low, high = rank.x_range()
    assert low < 1 and 100 < high < 110 and rank.value_ticks[0] == 1 and rank.value_ticks[-1] == 100
    dots = [m for m in rank.marker_items if isinstance(m, pg.ScatterPlotItem)]
    assert [float(d.data["x"][0]) for d in dots] == [51, 53, 54]
    assert not rank.getPlotItem().getViewBox().xInverted()
    # Ranks in lists of unknown size (a city review, a group ranking) have no scale: numbers.
    keys = [g.key for g in panel.groups()]
    assert [k for k in keys if k.startswith("rank:")] == ["rank:nation:100"]
    numbers = panel.plot("numbers:")
    assert "全市上半年现场观摩点评名次" in [label for label, _ in numbers.bar_data()]


def test_shares_and_rates_use_a_0_to_100_axis(panel: charts.ChartPanel, report: Report) -> None:
    for scope in ("g1-growth", "g8-wellbeing", "overview"):
        panel.show_groups(scope, _groups(report, scope))
        shares = _bar_plot(panel, "share:")
        low, high = shares.x_range()
        assert low == 0 and high == 100, scope  # 35 % does not fill goal 1's chart
        assert shares.value_ticks[0] == 0 and shares.value_ticks[-1] == 100
        assert shares.axis_caption == "%"


def test_bounds_are_markers_not_bars(panel: charts.ChartPanel) -> None:
    items = (
        ChartItem("a", "差异率", 0.15, "", 2023, IndicatorKind.BOUND, bound="<"),
        ChartItem("b", "另一个比率", 0.4, "", 2023, IndicatorKind.ACHIEVED),
        ChartItem("c", "下限", 0.3, "", 2023, IndicatorKind.BOUND, bound="≥"),
    )
    panel.show_groups("bounds", [ChartGroup("other:", "其他", "Other", "", False, items)])
    plot = _bar_plot(panel, "other:")
    assert plot.bar_item.drawn == [False, True, False]
    symbols = [m.opts["symbol"] for m in plot.marker_items if isinstance(m, pg.ScatterPlotItem)]
    assert symbols == ["t3", "t2"]  # pointing the way the value may lie
    assert [label.toPlainText().strip() for label in plot.value_labels] == ["<0.15", "0.4", "≥0.3"]
    assert "<0.15" in plot.hover_text(0)


def test_kinds_are_drawn_apart(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    looks: dict[IndicatorKind, tuple[object, ...]] = {}
    styles = [
        (item, style)
        for plot in _bar_plots(panel)
        for item, style in zip(plot.items(), plot.bar_styles(), strict=True)
    ]
    styles.append(
        (
            ChartItem("b", "b", 1, "", 2023, IndicatorKind.BOUND),
            charts.looks.Look().bar_style(IndicatorKind.BOUND),
        )
    )
    # Bounds are markers on the bundled report's charts; their bar look is the legend swatch's.
    for item, style in styles:
        look = (
            style.fill.style(),
            style.fill.color().name(),
            style.fill.color().alpha(),
            style.pattern.style(),
            style.pen.style(),
            style.pen.color().name(),
        )
        assert looks.setdefault(item.kind, look) == look, f"{item.kind} drawn two ways"
    # One palette: the bars' colours are the kind badges' (core.presentation.KIND_PALETTE).
    for kind, seen in looks.items():
        assert seen[5] in (
            QColor(KIND_PALETTE[kind.value]).name(),
            QColor(KIND_PALETTE[kind.value]).darker(120).name(),
        )
    achieved = looks[IndicatorKind.ACHIEVED]
    for kind in (IndicatorKind.ESTIMATE, IndicatorKind.TARGET, IndicatorKind.DERIVED, IndicatorKind.BOUND):
        assert looks[kind] != achieved, kind
    assert looks[IndicatorKind.ESTIMATE][3] == Qt.BrushStyle.BDiagPattern
    assert looks[IndicatorKind.TARGET][0] == Qt.BrushStyle.NoBrush
    assert looks[IndicatorKind.TARGET][4] == Qt.PenStyle.DashLine
    assert looks[IndicatorKind.DERIVED][4] == Qt.PenStyle.DotLine
    assert looks[IndicatorKind.BOUND][3] == Qt.BrushStyle.DiagCrossPattern


def test_derived_figures_have_range_whiskers(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    amounts = _bar_plot(panel, "amount:亿元")
    derived = [item for item in amounts.items() if item.kind is IndicatorKind.DERIVED]
    assert len(amounts.whisker_items) == len(derived) > 0
    for whisker, item in zip(amounts.whisker_items, derived, strict=True):
        opts = whisker.opts
        assert opts["x"][0] - opts["left"][0] == pytest.approx(item.range_low)
        assert opts["x"][0] + opts["right"][0] == pytest.approx(item.range_high)


def test_each_plot_has_a_legend_of_its_kinds(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    for chart in panel.charts():
        kinds = list(dict.fromkeys(item.kind for item in chart.group.items))
        assert len(chart.legend.texts) == len(kinds)
    amounts = panel.charts()[0]
    assert amounts.legend.texts[:3] == ["实绩", "预计", "目标"]


def test_plot_height_grows_with_the_bars(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    heights = {len(plot.items()): plot.height() for plot in _bar_plots(panel)}
    assert heights[8] > heights[3] > heights[2]


def test_show_groups_replaces_and_clear_empties(panel: charts.ChartPanel, report: Report) -> None:
    panel.show_groups("all", _groups(report, "overview"))
    panel.show_groups("g1", _groups(report, "g1-growth"))
    assert len(panel.plots()) == len(_groups(report, "g1-growth"))
    panel.clear()
    assert panel.plots() == []
    with pytest.raises(KeyError):
        panel.bar_data("amount:亿元")


def test_same_groups_are_not_redrawn(panel: charts.ChartPanel, report: Report) -> None:
    groups = _groups(report, "g1-growth")
    panel.show_groups("g1", groups)
    first = panel.plots()
    panel.show_groups("g1", list(groups))
    assert panel.plots() == first
    panel.show_groups("g1 again", groups)
    assert panel.plots() != first


def test_only_charts_in_view_are_built_until_scrolled_to(
    panel: charts.ChartPanel, report: Report, qtbot: QtBot
) -> None:
    groups = _groups(report, "overview")
    panel.resize(700, 250)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_groups("overview", groups)
    built = panel.built_count()
    assert 1 <= built < len(groups)  # what is in view and one screen more
    assert panel.findChildren(charts.GroupChart)[0].group == groups[0]
    scroll_area = panel.findChild(QScrollArea, "chartScroll")
    assert scroll_area is not None
    scroll_bar = scroll_area.verticalScrollBar()
    QApplication.processEvents()  # lay out, as the event loop would
    for _ in range(5):  # jumping to the end builds the charts there only
        scroll_bar.setValue(scroll_bar.maximum())
        QApplication.processEvents()  # the built charts change the layout, hence the range
    assert isinstance(panel.findChildren(QWidget, "chartPending")[0], QWidget)
    built_groups = [chart.group for chart in panel.findChildren(charts.GroupChart)]
    assert groups[-1] in built_groups and panel.built_count() < len(groups)
    scroll_bar.setValue(0)
    while scroll_bar.value() < scroll_bar.maximum():  # paging down builds every chart on the way
        QApplication.processEvents()
        scroll_bar.setValue(scroll_bar.value() + scroll_bar.pageStep())
    QApplication.processEvents()
    assert panel.built_count() == len(groups)
    # Every chart took about the room kept for it, and the plots line up.
    built_charts = panel.charts()
    for chart in built_charts:
        estimate = charts.estimated_chart_height(chart.group)
        assert abs(chart.sizeHint().height() - estimate) <= 0.1 * estimate, chart.group.key
    assert len({chart.plot.label_width() for chart in built_charts}) == 1
    assert [chart.group for chart in built_charts] == groups


def test_reading_the_charts_builds_them_all(panel: charts.ChartPanel, report: Report) -> None:
    groups = _groups(report, "overview")
    panel.resize(700, 300)
    panel.show_groups("overview", groups)
    assert panel.built_count() < len(groups)
    assert panel.plot(groups[-1].key).group == groups[-1]
    assert len(panel.plots()) == len(groups) == panel.built_count()


def test_replacing_charts_frees_pyqtgraph_widgets(panel: charts.ChartPanel, report: Report) -> None:
    def live_widgets() -> int:
        # Widgets left by earlier tests may wait for Python's cycle collector; count only what is alive.
        gc.collect()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return len(all_widgets())

    before = live_widgets()
    panel.show_groups("overview", _groups(report, "overview"))
    shown = live_widgets()
    assert shown > before + 100  # pyqtgraph makes many widgets per chart
    panel.show_groups("again", _groups(report, "overview"))
    assert live_widgets() == shown
    charts.render_group_image(_group(report, "share:"), 800)
    assert live_widgets() == shown
    panel.clear()
    assert live_widgets() == before


def test_english_titles_and_kinds(panel: charts.ChartPanel, report: Report) -> None:
    # Goal area 8: livelihood spending and two derived amounts (goal area 1's derived output is the
    # city's, charted apart from the district's amounts).
    panel.show_groups("g8", _groups(report, "g8-wellbeing"))
    panel.set_language("en")
    chart = panel.charts()[0]
    assert chart.title_label.text() == "Amounts (亿元)"
    assert chart.legend.texts[0] == "achieved"
    assert "derived (with range)" in chart.legend.texts
    assert "2023" in chart.plot.hover_text(0) and "年" not in chart.plot.hover_text(0)
    # The bars are named in English where the dataset has an English name (issue 10: they kept
    # their Chinese names in the English interface).
    items = chart.plot.items()
    named = [item for item in items if item.label_en]
    assert named and [label for label in chart.plot.tick_labels if label in {i.label for i in named}] == []
    ticks = [label.removesuffix("…") for label in chart.plot.tick_labels]  # long names are elided
    assert all(any(item.label_en.startswith(tick) and tick for tick in ticks) for item in named)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bundled_fonts_cover_every_chart_text(panel: charts.ChartPanel, report: Report, lang: str) -> None:
    panel.set_language(lang)
    panel.show_groups(report.metadata.title, _groups(report, "overview"))
    texts = [report.metadata.title]
    for chart in panel.charts():
        plot = chart.plot
        texts += [chart.title_label.text(), plot.axis_caption, *chart.legend.texts, *plot.tick_labels]
        if isinstance(plot, charts.NumberCards):
            texts += [*plot.value_texts, *plot.detail_texts]
        else:
            texts += [label.toPlainText() for label in plot.value_labels]
        texts += [plot.hover_text(index) for index in range(len(plot.items()))]
    for path in fonts.bundled_font_paths():
        missing = fonts.unsupported_characters("".join(texts), QRawFont(str(path), 12))
        assert not missing, f"{path.name} lacks {sorted(missing)}"
    assert fonts.ui_font_family() == chart.title_label.font().family()


# --- hover and click -------------------------------------------------------------------------------


def test_hover_text_has_value_unit_year_and_kind(
    panel: charts.ChartPanel, report: Report, qtbot: QtBot
) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    amounts = _bar_plot(panel, "amount:亿元")
    assert amounts.hover_text(0) == "规上工业总产值: 2504 亿元 (2023年, 实绩)"
    derived = amounts.hover_text(5)
    assert "984 亿元" in derived and "2023年" in derived and "推算" in derived
    assert "892" in derived and "1096" in derived  # rounded outward (issue 12, point 5)
    # Written as the tree and the PDF write it: the derived marker and the range wording.
    assert "\u2248984 亿元" in derived and "舍入允许的范围 892–1096 亿元" in derived
    shares = panel.plot("share:")
    assert "35%" in shares.hover_text(0) and "占比" in shares.hover_text(0)
    with qtbot.waitSignal(panel.hovered) as blocker:
        amounts.hover(1)
    assert blocker.args == [amounts.hover_text(1)]
    assert "246 亿元" in amounts.toolTip() and "预计" in amounts.toolTip()
    with qtbot.waitSignal(panel.hovered) as blocker:
        amounts.hover(None)
    assert blocker.args == [""]


def test_mouse_over_a_bar_sets_the_tooltip(panel: charts.ChartPanel, report: Report, qtbot: QtBot) -> None:
    panel.show_groups("g1", _groups(report, "g1-growth"))
    panel.show()
    qtbot.waitExposed(panel)
    plot = _bar_plot(panel, "rank:nation:100")
    point = _click_point(plot, 1)
    with qtbot.waitSignal(panel.hovered) as blocker:
        QTest.mouseMove(plot.viewport(), point)
    assert blocker.args == [plot.hover_text(1)]
    assert "53 位" in plot.toolTip() and "2023年" in plot.toolTip()


def test_clicking_a_bar_activates_its_indicator(
    panel: charts.ChartPanel, report: Report, qtbot: QtBot
) -> None:
    panel.show_groups("g1", _groups(report, "g1-growth"))
    panel.show()
    qtbot.waitExposed(panel)
    for plot in panel.plots():
        for index, item in enumerate(plot.items()):
            target = plot if isinstance(plot, charts.NumberCards) else plot.viewport()
            with qtbot.waitSignal(panel.indicator_activated) as blocker:
                QTest.mouseClick(
                    target,
                    Qt.MouseButton.LeftButton,
                    Qt.KeyboardModifier.NoModifier,
                    _click_point(plot, index),
                )
            assert blocker.args == [item.indicator_id]


def test_click_handler_and_hit_testing(panel: charts.ChartPanel, report: Report, qtbot: QtBot) -> None:
    panel.show_groups("overview", _groups(report, "overview"))
    panel.show()
    qtbot.waitExposed(panel)
    with qtbot.waitSignal(panel.indicator_activated) as blocker:
        _bar_plot(panel, "count:projects").activate(1)
    assert blocker.args == ["ind-tech-upgrade-projects"]
    counts = _bar_plot(panel, "count:villages")
    view = counts.getPlotItem().getViewBox()
    # The zero bar (villages below 200k: all cleared) is still hit at its end.
    assert counts.target_at(view.mapViewToScene(QPointF(0.0, 0.0))) == 0
    # Between rows, and far beyond a short bar, is no bar.
    assert counts.target_at(view.mapViewToScene(QPointF(10.0, 0.5))) is None
    assert counts.target_at(view.mapViewToScene(QPointF(110.0, 2.0))) is None
    # The label on the left axis counts as the bar.
    axis = counts.getPlotItem().getAxis("left")
    label_point = QPointF(axis.sceneBoundingRect().center().x(), view.mapViewToScene(QPointF(0, 2)).y())
    assert counts.target_at(label_point) == 2


# --- dataset text is shown literally ---------------------------------------------------------------


def test_markup_in_dataset_text_is_shown_literally(panel: charts.ChartPanel, qtbot: QtBot) -> None:
    group = _hostile_group()
    panel.show_groups("<b>heading</b>", [group])
    heading = panel.findChild(QLabel, "chartHeading")
    assert heading is not None
    assert heading.textFormat() == Qt.TextFormat.PlainText and heading.text() == "<b>heading</b>"
    chart = panel.charts()[0]
    assert chart.title_label.textFormat() == Qt.TextFormat.PlainText
    assert chart.title_label.text() == "<h1>标题</h1>"
    plot = chart.plot
    assert isinstance(plot, charts.ChartPlot)
    assert plot.tick_labels == [HOSTILE, "<script>alert(1)</script>"]
    assert [label for label, _ in plot.bar_data()] == [HOSTILE, "<script>alert(1)</script>"]
    # pyqtgraph's axis label is HTML: the unit must come through as text.
    axis_label = plot.getPlotItem().getAxis("bottom").label
    assert axis_label.toPlainText().strip() == "<i>万</i>"
    assert [text.toPlainText().strip() for text in plot.value_labels] == ["12.5", "3"]
    plot.hover(0)
    assert "&lt;b&gt;x&lt;/b&gt; &amp; &lt;img src=x&gt;" in plot.toolTip()
    assert "<img" not in plot.toolTip()
    assert plot.hover_text(0).startswith(HOSTILE + ": 12.5 <i>万</i>")


def test_long_labels_are_cut_and_kept_whole_in_the_hover(panel: charts.ChartPanel) -> None:
    long_label = "临淄经开区综合发展水平全省排名变化" * 3
    item = ChartItem("long", long_label, 67, "个位次", 2023, IndicatorKind.RANK_CHANGE)
    panel.show_groups(
        "long", [ChartGroup("rank_change:", "排名变化", "Rank changes", "位次", False, (item,))]
    )
    plot = _bar_plot(panel, "rank_change:")
    assert plot.tick_labels[0].endswith("…") and len(plot.tick_labels[0]) < len(long_label)
    assert plot.hover_text(0).startswith(long_label)
    assert plot.bar_data() == [(long_label, 67)]


# --- export and print ------------------------------------------------------------------------------


def test_export_png_writes_a_png(panel: charts.ChartPanel, report: Report, tmp_path: Path) -> None:
    group = _group(report, "amount:亿元")
    path = tmp_path / "amounts.png"
    charts.export_png(group, path, width=1000)
    data = path.read_bytes()
    assert _png_size(data)[0] == 1000
    assert QImage(str(path)).width() == 1000
    panel.show_groups("overview", [group])
    charts.export_png(_bar_plot(panel, "amount:亿元"), path, width=600)  # replaces the file
    assert _png_size(path.read_bytes())[0] == 600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["amounts.png"]


@pytest.mark.parametrize("key", ["amount:亿元", "rank:nation:100", "numbers:"])
def test_export_svg_writes_svg(report: Report, tmp_path: Path, key: str, app: QApplication) -> None:
    path = tmp_path / "chart.svg"
    charts.export_svg(_group(report, key), path)
    root = ET.parse(path).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert b"<svg" in path.read_bytes()
    texts = "".join(el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text"))
    assert _group(report, key).items[0].label in texts


def test_svg_keeps_markup_in_dataset_text_as_text(app: QApplication) -> None:
    data = charts.render_group_svg(_hostile_group())
    root = ET.fromstring(data)  # would fail if the markup came through unescaped
    texts = [el.text or "" for el in root.iter("{http://www.w3.org/2000/svg}text")]
    assert any(HOSTILE in text for text in texts)
    assert root.find("{http://www.w3.org/2000/svg}title") is not None
    assert not list(root.iter("{http://www.w3.org/2000/svg}img"))


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes anywhere")
def test_export_to_an_unwritable_folder_raises_and_leaves_nothing(
    report: Report, tmp_path: Path, app: QApplication
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        for export in (charts.export_png, charts.export_svg):
            with pytest.raises(OSError, match=r"cannot write .*locked.*: permission denied"):
                export(_group(report, "share:"), folder / "chart.out")
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_export_to_a_missing_folder_or_a_folder_path_raises(
    report: Report, tmp_path: Path, app: QApplication
) -> None:
    group = _group(report, "share:")
    with pytest.raises(OSError, match=r"cannot write .*missing.*: folder does not exist"):
        charts.export_png(group, tmp_path / "missing" / "chart.png")
    (tmp_path / "taken.svg").mkdir()
    with pytest.raises(OSError, match=r"cannot write .*taken\.svg: it is a folder"):
        charts.export_svg(group, tmp_path / "taken.svg")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.svg"]
    assert list((tmp_path / "taken.svg").iterdir()) == []


def test_failed_write_leaves_no_temporary_file(
    report: Report, tmp_path: Path, app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(source: object, target: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match=r"cannot write .*chart\.png: permission denied"):
        charts.export_png(_group(report, "share:"), tmp_path / "chart.png")
    assert list(tmp_path.iterdir()) == []


def test_render_group_image_at_300_dpi(report: Report, app: QApplication) -> None:
    rank = _group(report, "rank:nation:100")
    image = charts.render_group_image(rank, 2400, dpi=300)
    screen = charts.render_group_image(rank, 768, dpi=96)
    assert image.width() == 2400
    # The same drawing at 300/96 times the pixels: the height scales with the width.
    assert image.height() == pytest.approx(screen.height() * 300 / 96, rel=0.03)
    assert image.dotsPerMeterX() == round(300 / 0.0254)
    # Not blank: the bars are there in their colours.
    colours = {image.pixelColor(x, y).name() for x in range(0, 2400, 7) for y in range(0, image.height(), 7)}
    assert "#6a1b9a" in colours  # rank
    with pytest.raises(ValueError, match="positive"):
        charts.render_group_image(rank, 0)


def test_every_chart_has_the_one_export_context_menu(
    panel: charts.ChartPanel, report: Report, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # One implementation (menus.ExportContextMenu) behind the bar plots, the number cards, the
    # series chart and the trend chart: a copy in any of them fails here.
    for chart_class in (charts.ChartPlot, charts.NumberCards, SeriesChartPlot, TrendChart):
        assert "contextMenuEvent" not in vars(chart_class) and "context_menu" not in vars(chart_class)
        assert chart_class.contextMenuEvent is ExportContextMenu.contextMenuEvent
    shown: list[QMenu] = []

    def open_export_menu(menu: QMenu, event: QContextMenuEvent) -> None:
        shown.append(menu)
        event.accept()

    monkeypatch.setattr(menus, "open_export_menu", open_export_menu)
    # The panel asks where to save; the reader cancels.
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *args, **kwargs: ("", "")))
    panel.show_groups("overview", _groups(report, "overview"))
    panel.show()
    qtbot.waitExposed(panel)
    kinds = {type(plot) for plot in panel.plots()}
    assert kinds == {charts.ChartPlot, charts.NumberCards}
    for plot in panel.plots():
        target = plot if isinstance(plot, charts.NumberCards) else plot.viewport()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, QPoint(5, 5), target.mapToGlobal(QPoint(5, 5))
        )
        QApplication.sendEvent(target, event)
        assert event.isAccepted()
        menu = shown.pop()
        assert [a.objectName() for a in menu.actions()] == ["actionExportPng", "actionExportSvg"]
        with qtbot.waitSignal(plot.export_requested) as blocker:
            menu.actions()[1].trigger()
        assert blocker.args == ["svg"]


def test_context_menu_exports_through_a_file_dialog(
    panel: charts.ChartPanel, report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel.show_groups("g1", _groups(report, "g1-growth"))
    plot = panel.plots()[0]
    menu = plot.context_menu()
    actions = {action.objectName(): action for action in menu.actions()}
    assert [a.text() for a in menu.actions()] == ["Export PNG…", "Export SVG…"]
    chosen = iter([str(tmp_path / "a"), str(tmp_path / "b.svg"), ""])

    def save_file_name(*args: object, **kwargs: object) -> tuple[str, str]:
        return next(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_file_name))
    actions["actionExportPng"].trigger()
    actions["actionExportSvg"].trigger()
    actions["actionExportPng"].trigger()  # cancelled
    assert (tmp_path / "a.png").read_bytes().startswith(PNG_SIGNATURE)
    assert b"<svg" in (tmp_path / "b.svg").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.png", "b.svg"]
    menu.deleteLater()
