"""The window never passes unreviewed figures off as checked (issues 14, 15), through real widgets.

A copy of Linzi with four figures proposed (and the derived figure built on one of them) and one
rejected (:mod:`tests.unreviewed_data`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdf
import pytest
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QFont
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QMenu
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.scope import resolve_scope
from desktop_app.qt.charts.looks import Look, tick_labels
from desktop_app.qt.charts.plot import ChartPlot
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import ITEM_ID_ROLE, NODE_PATH_ROLE
from desktop_app.qt.printing import export_pdf
from desktop_app.qt.settings import Settings
from tests.unreviewed_data import DERIVED_PROPOSED, PROPOSED, REJECTED

UNREVIEWED = {*PROPOSED, *DERIVED_PROPOSED}
TAG_EN, TAG_ZH = "[unreviewed] ", "\u3014未审核\u3015"


@pytest.fixture
def unreviewed_window(
    app: QApplication, qtbot: QtBot, unreviewed_report: Report, settings: QSettings
) -> Iterator[MainWindow]:
    window = MainWindow(unreviewed_report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window


def tree_rows(window: MainWindow) -> dict[str, tuple[str, str]]:
    """Every row of the tree as path → (item id, label)."""
    proxy = window.tree_proxy()
    rows: dict[str, tuple[str, str]] = {}
    pending = [proxy.index(row, 0) for row in range(proxy.rowCount())]
    while pending:
        index = pending.pop()
        pending.extend(proxy.index(row, 0, index) for row in range(proxy.rowCount(index)))
        rows[index.data(NODE_PATH_ROLE)] = (index.data(ITEM_ID_ROLE), index.data())
    return rows


def show_unreviewed(window: MainWindow, shown: bool = True) -> None:
    action = window.action("actionShowUnreviewed")
    if action.isChecked() is not shown:
        action.trigger()


def table_names(window: MainWindow) -> dict[str, tuple[str, bool]]:
    """The figures table of the detail pane: id → (name cell, drawn in italics)."""
    table = window.detail_pane().table_model()
    result = {}
    for row in range(table.rowCount()):
        index = table.index(row, table.NAME)
        font = index.data(Qt.ItemDataRole.FontRole)
        result[index.data(ITEM_ID_ROLE)] = (index.data(), isinstance(font, QFont) and font.italic())
    return result


def test_the_window_shows_confirmed_figures_only_by_default(unreviewed_window: MainWindow) -> None:
    window = unreviewed_window
    action = window.action("actionShowUnreviewed")
    assert action.isCheckable() and not action.isChecked()
    view_menu = next(m for m in window.menuBar().findChildren(QMenu) if action in m.actions())
    assert view_menu.title() == "&View"
    ids = {item for item, _ in tree_rows(window).values()}
    assert not ids & (UNREVIEWED | set(REJECTED))
    assert not any(TAG_EN in label for _, label in tree_rows(window).values())
    window.select_path("goal/g1-growth")
    assert not table_names(window).keys() & UNREVIEWED
    status = window.findChild(QLabel, "reviewStatus")
    assert status is not None and status.isVisible()
    assert status.text() == "4 figures awaiting review (hidden)"


def test_the_toggle_shows_them_labelled_and_apart_rejected_never(
    unreviewed_window: MainWindow, settings: QSettings, qtbot: QtBot, unreviewed_report: Report
) -> None:
    window = unreviewed_window
    window.select_path("goal/g1-growth")
    show_unreviewed(window)
    rows = tree_rows(window)
    ids = {item for item, _ in rows.values()}
    assert ids >= UNREVIEWED and not ids & set(REJECTED)
    for path, (item, label) in rows.items():
        if item in UNREVIEWED:
            assert label.startswith(TAG_EN), (path, label)
            index = window.tree_proxy().mapFromSource(window.tree_model().index_for_path(path))
            assert index.data(Qt.ItemDataRole.FontRole).italic()
        elif item:
            assert TAG_EN not in label
    assert window.current_path() == "goal/g1-growth"  # the reader stays where they were
    names = table_names(window)
    assert names["ind-industrial-output"] == (TAG_EN + "Output of industry above designated size", True)
    assert names["ind-industry-rank"][1] is False and not names["ind-industry-rank"][0].startswith(TAG_EN)
    status = window.findChild(QLabel, "reviewStatus")
    assert status is not None and status.text() == "4 figures awaiting review (shown, marked unreviewed)"
    # Remembered: a new window with the same settings shows them too.
    again = MainWindow(unreviewed_report, Settings(settings), Language.EN)
    qtbot.addWidget(again)
    assert again.action("actionShowUnreviewed").isChecked()
    assert "ind-trade-target" in {item for item, _ in tree_rows(again).values()}


def test_the_detail_pane_says_unreviewed_in_words(unreviewed_window: MainWindow) -> None:
    window = unreviewed_window
    show_unreviewed(window)
    assert window.select_path("goal/g1-growth/ind-industrial-output")
    pane = window.detail_pane()
    warning = pane.findChild(QLabel, "unreviewedWarning")
    assert warning is not None and warning.isVisible()
    assert warning.text().startswith("unreviewed") and "Importer's confidence: 60%" in warning.text()
    heading = next(label for label in pane.findChildren(QLabel) if label.text().startswith(TAG_EN))
    assert heading.isVisible()
    assert window.select_path("goal/g1-growth/ind-industry-rank")
    shown = [w for w in pane.findChildren(QLabel, "unreviewedWarning") if w.isVisible()]
    assert shown == []  # a confirmed figure has no such note


def test_hiding_them_again_moves_off_a_hidden_figure(unreviewed_window: MainWindow) -> None:
    window = unreviewed_window
    show_unreviewed(window)
    assert window.select_path("goal/g3-vitality/ind-trade-target")
    show_unreviewed(window, False)
    assert window.current_path() == "goal/g3-vitality"
    assert "ind-trade-target" not in {item for item, _ in tree_rows(window).values()}


def test_search_results_are_labelled(unreviewed_window: MainWindow, qtbot: QtBot) -> None:
    window = unreviewed_window
    panel = window.search_panel()

    def search(text: str) -> list[tuple[str, bool]]:
        panel.field().setText("")
        panel.field().setText(text)
        qtbot.waitUntil(lambda: panel.position_text() != "" or panel.message_text() != "", timeout=5000)
        model = panel.results_model()
        return [
            (model.index(row).data(model.ITEM_ROLE), bool(model.index(row).data(model.UNREVIEWED_ROLE)))
            for row in range(model.rowCount())
            if model.index(row).data(model.HIT_ROLE) is not None
        ]

    assert not any(item.startswith(TAG_EN) for item, _ in search("进出口"))
    show_unreviewed(window)
    rows = search("进出口")
    labelled = [(item, flag) for item, flag in rows if item.startswith(TAG_EN)]
    assert labelled and all(flag for _, flag in labelled)
    assert all(item.startswith(TAG_EN) for item, flag in rows if flag)


def test_charts_draw_unreviewed_figures_apart(unreviewed_window: MainWindow) -> None:
    window = unreviewed_window
    show_unreviewed(window)
    window.select_path("overview")
    panel = window.ensure_charts()
    amounts = next(
        p for p in panel.plots() if isinstance(p, ChartPlot) and p.group.key.startswith("amount:亿元")
    )
    items = amounts.group.items
    unreviewed_rows = [row for row, item in enumerate(items) if item.unreviewed]
    assert {items[row].indicator_id for row in unreviewed_rows} == {
        "ind-industrial-output",
        "ind-trade-target",
    }
    patterns = amounts.bar_item.patterns
    pens = amounts.bar_item.opts["pens"]
    for row, item in enumerate(items):
        hatched = patterns[row].style() == Qt.BrushStyle.Dense5Pattern
        dash_dot = pens[row].style() == Qt.PenStyle.DashDotLine
        assert hatched is dash_dot is item.unreviewed, item.indicator_id
    labels = tick_labels(amounts.group, Look(), lang=Language.EN)
    assert all(labels[row].startswith(TAG_EN) for row in unreviewed_rows)
    assert sum(label.startswith(TAG_EN) for label in labels) == len(unreviewed_rows)
    chart = next(c for c in panel.charts() if c.plot is amounts)
    assert chart.legend.texts[-1] == "unreviewed"
    show_unreviewed(window, False)
    assert not any(item.unreviewed for group in panel.groups() for item in group.items)


def test_clicking_the_count_opens_review_mode_where_there_is_one(unreviewed_window: MainWindow) -> None:
    window = unreviewed_window
    opened: list[bool] = []
    window.action("actionReviewMode").triggered.connect(lambda: opened.append(True))
    status = window.findChild(QLabel, "reviewStatus")
    assert status is not None
    assert status.toolTip().endswith("Click to review them.")  # it says it can be clicked, and looks so
    assert status.cursor().shape() == Qt.CursorShape.PointingHandCursor
    QTest.mouseClick(status, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert opened == [True]
    review = window.review_actions().review_window()  # File › Review figures… opened the dataset
    assert review is not None and review.session.path == Path(window.report.path)
    review.close()


def test_a_reviewed_report_says_nothing_about_review(window: MainWindow) -> None:
    status = window.findChild(QLabel, "reviewStatus")
    assert status is not None and not status.isVisible()


def test_printing_follows_the_toggle(unreviewed_window: MainWindow, tmp_path: Path) -> None:
    window = unreviewed_window
    show_unreviewed(window)
    # What File › Export PDF resolves: the window's choice of scope, with unreviewed figures as shown.
    scope = window._print_actions._printing()[1]
    assert scope.include_unreviewed and {f.id for f in scope.figures} >= UNREVIEWED
    show_unreviewed(window, False)
    assert not window._print_actions._printing()[1].include_unreviewed


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_pdf_pages_label_unreviewed_figures(unreviewed_report: Report, tmp_path: Path, lang: str) -> None:
    tag = TAG_ZH if lang == "zh" else TAG_EN.strip()
    plain, marked = tmp_path / "plain.pdf", tmp_path / "marked.pdf"
    export_pdf(unreviewed_report, resolve_scope(unreviewed_report, "all", lang), plain)
    export_pdf(
        unreviewed_report, resolve_scope(unreviewed_report, "all", lang, include_unreviewed=True), marked
    )
    plain_text = "".join(p.extract_text() for p in pypdf.PdfReader(plain).pages)
    marked_text = "".join(p.extract_text() for p in pypdf.PdfReader(marked).pages)
    squeeze = str.maketrans("", "", " \t\n")
    assert tag.translate(squeeze) not in plain_text.translate(squeeze)
    left_out = "另有5项待审核数据未列入" if lang == "zh" else "awaitingreviewareleftout"
    assert left_out in plain_text.translate(squeeze)
    assert marked_text.translate(squeeze).count(tag.translate(squeeze)) >= len(UNREVIEWED)
    included = "含5项未审核数据" if lang == "zh" else "Includes5unreviewed"
    assert included in marked_text.translate(squeeze)
