"""The main window on the bundled report, driven as a reader would (offscreen)."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.model import Indicator, Report
from desktop_app.core.presentation import figure_value_text
from desktop_app.core.resources import data_path
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import DOMAIN_ROLE, NODE_PATH_ROLE
from desktop_app.qt.models.tree import GoalTreeModel, NodeKind
from desktop_app.qt.settings import Settings
from tests.conftest import DatasetWriter

STEADFAST = ["稳增长", "强动力", "激活力", "抓统筹", "塑样板", "优生态", "增内涵", "惠民生"]


def test_object_and_accessible_names(window: MainWindow) -> None:
    for name in ("goalTree", "detailPane", "indicatorTable", "sourceView"):
        widget = window.findChild(QWidget, name)
        assert widget is not None, name
        assert widget.accessibleName(), name


def test_tree_has_the_eight_goal_areas_in_order(window: MainWindow) -> None:
    model = window.tree_model()
    labels = [model.index(row, 0).data() for row in range(8)]
    for row, (label, phrase) in enumerate(zip(labels, STEADFAST, strict=True)):
        goal = model.index(row, 0).data(DOMAIN_ROLE)
        assert goal.order == row + 1 and goal.title == phrase
        # The English interface shows the dataset's English title; the Chinese one the report's words.
        assert label.startswith(f"{row + 1}. {goal.title_en}")
    model.set_language("zh")
    for row, phrase in enumerate(STEADFAST):
        assert model.index(row, 0).data().startswith(f"{row + 1}. 坚定不移{phrase} · ")
    rest = [model.index(row, 0).data(NODE_PATH_ROLE) for row in range(8, model.rowCount())]
    assert rest[0] == "overview" and rest[-1] == "source"
    assert "section/sec-livelihood" in rest and "section/sec-results-2023" in rest


def test_models_pass_the_model_tester(window: MainWindow, qtmodeltester: ModelTester, report: Report) -> None:
    qtmodeltester.check(window.tree_model())
    table = window.detail_pane().table_model()
    table.set_indicators(list(report.all_indicators()))
    qtmodeltester.check(table)


def test_selecting_each_top_level_node_updates_the_detail_pane(window: MainWindow, report: Report) -> None:
    model = window.tree_model()
    detail = window.detail_pane()
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        window.tree().setCurrentIndex(window.tree_proxy().mapFromSource(index))
        node = model.node(index)
        assert node is not None
        text = detail.shown_text()
        if node.kind is NodeKind.GOAL:
            assert node.item.sentence in text
            shown = detail.table_model().rowCount()
            assert shown == len(report.indicators_for_goal(node.item.id))
        elif node.kind is NodeKind.OVERVIEW:
            assert report.metadata.meeting.name in text and "蔡华刚" in text
        elif node.kind is NodeKind.SOURCE:
            assert report.source.sha256 in text
        else:
            assert node.item.title in text


def test_indicator_detail_and_show_in_source_for_every_figure(window: MainWindow, report: Report) -> None:
    detail = window.detail_pane()
    source = window.source_view()
    for indicator in report.indicators:
        assert window.select_item(indicator.id)
        value_label = detail.findChild(QLabel, "valueLabel")
        assert value_label is not None
        assert value_label.text() == figure_value_text(indicator)  # as in the tree, table and charts
        badge = detail.findChild(QLabel, "kindBadge")
        assert badge is not None
        assert badge.property("kind") == str(indicator.kind)
        assert indicator.sentence.text in detail.shown_text()
        window.action("actionShowInSource").trigger()
        assert source.highlighted_text() == indicator.sentence.text


def test_derived_figures_say_so(window: MainWindow, report: Report) -> None:
    derived = report.derived[0]
    window.select_item(derived.id)
    text = window.detail_pane().shown_text()
    assert "does not state" in text and derived.formula in text and "7052" in text


def test_keyboard_navigation(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    tree = window.tree()
    tree.setFocus()
    tree.setCurrentIndex(window.tree_proxy().index(0, 0))
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().row() == 1
    qtbot.keyClick(tree, Qt.Key.Key_Right)
    qtbot.keyClick(tree, Qt.Key.Key_Down)
    assert tree.currentIndex().parent().row() == 1
    assert tree.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_broken_dataset_shows_the_error_and_keeps_the_report(
    window: MainWindow, tmp_path: Path, qtbot: QtBot
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"format": ', encoding="utf-8")
    before = window.report
    assert not window.open_dataset(broken)
    assert window.report is before
    box = window.findChild(QMessageBox, "loadErrorBox")
    assert box is not None and box.isVisible()
    assert str(broken) in box.detailedText() and "line 1" in box.detailedText()
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()


def test_the_load_error_speaks_the_interface_language(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings, tmp_path: Path
) -> None:
    window = MainWindow(report, Settings(settings), Language.ZH)
    qtbot.addWidget(window)
    missing = tmp_path / "missing.json"
    assert not window.open_dataset(missing)
    box = window.findChild(QMessageBox, "loadErrorBox")
    assert box is not None
    assert box.detailedText() == f"{missing}：1 个问题\n  $：找不到数据集文件"
    box.close()


HOSTILE = "<b>bold</b><img src=x>\u202eevil\u202c&amp;"


def _hostile(bundled: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(bundled)
    doc["metadata"]["title"] = HOSTILE
    doc["metadata"]["title_en"] = HOSTILE  # the English window's title
    doc["indicators"][0]["name"] = HOSTILE + "长" * 10000
    doc["indicators"][0]["name_en"] = HOSTILE + "long" * 2500  # the English UI shows this one
    doc["goal_areas"][0]["title_en"] = HOSTILE
    doc["sections"][2]["title"] = HOSTILE
    doc["entities"][0]["note"] = HOSTILE
    doc["quotes"][0]["speaker"] = HOSTILE
    return doc


def test_hostile_strings_render_literally(
    window: MainWindow, write_dataset: DatasetWriter, bundled_json: dict[str, Any]
) -> None:
    assert window.open_dataset(write_dataset(_hostile(bundled_json)))
    literal = "<b>bold</b><img src=x>⟨U+202E⟩evil⟨U+202C⟩&amp;"
    assert literal in window.detail_pane().shown_text()
    assert window.windowTitle().startswith(HOSTILE)  # the title bar shows plain text already
    window.select_item(window.report.indicators[0].id)
    heading = window.detail_pane().findChild(QLabel, "detailHeading")
    shown = window.detail_pane().shown_text()
    assert literal in shown and len(shown) < 20000
    for label in window.detail_pane().findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    model = window.tree_model()
    label = model.index(0, 0).data()
    assert isinstance(label, str) and heading is not None
    row = model.indexes_for_item(window.report.indicators[0].id)[0]
    assert row.data().startswith(literal) and len(row.data()) <= 100
    tooltip = row.data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;img src=x&gt;" in tooltip and "<img" not in tooltip
    table = window.detail_pane().table_model()
    window.select_path("goal/g1-growth")
    assert table.index(0, 0).data().startswith(literal)


def test_settings_persist_and_survive_corruption(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> None:
    first = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(first)
    first.select_path("goal/g3-vitality")
    first.save_settings()
    second = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(second)
    assert second.tree().currentIndex().data(NODE_PATH_ROLE) == "goal/g3-vitality"
    for key in ("window/geometry", "window/state", "window/splitters", "window/selectedNode", "files/recent"):
        settings.setValue(key, "garbage ☃")
    settings.setValue("window/splitters", [1, "x"])
    third = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(third)
    assert third.tree().currentIndex().data(NODE_PATH_ROLE) == "overview"


def test_recent_files(window: MainWindow, write_dataset: DatasetWriter, bundled_json: dict[str, Any]) -> None:
    path = write_dataset(bundled_json)
    assert window.open_dataset(path)
    recent = window.findChild(QMenu, "menuRecent")
    assert recent is not None
    assert [a.data() for a in recent.actions()] == [str(path.resolve())]


def test_tree_model_with_another_report(
    app: QApplication, report: Report, qtmodeltester: ModelTester
) -> None:
    # Another report indeed (this test once built the tree of the bundled Linzi report again).
    other = load_report(data_path("national/2025.json"))
    assert other.id != report.id
    model = GoalTreeModel(other)
    ids = [i.id for i in other.indicators if isinstance(i, Indicator)]
    assert ids and all(model.indexes_for_item(i) for i in ids)
    nodes = [model.node(model.index(row, 0)) for row in range(model.rowCount())]
    assert NodeKind.GOAL in {node.kind for node in nodes if node is not None}
    qtmodeltester.check(model)


def test_about_box_cites_the_source_and_licences(window: MainWindow, report: Report) -> None:
    window.action("actionAbout").trigger()
    box = window.findChild(QMessageBox, "aboutBox")
    assert box is not None
    text = box.informativeText()
    # The English UI cites the source in English (issue 11.16: it showed the Chinese 年份推定).
    assert report.metadata.citation_en in text and "Open Font License" in text
    assert report.metadata.citation not in text and "年份推定" not in text
    box.close()


def test_bundled_dataset_file_is_json(report: Report) -> None:
    assert json.loads(Path(report.path).read_text(encoding="utf-8"))["id"] == report.id


def _click_place(window: MainWindow, qtbot: QtBot, path: str) -> None:
    tree = window.tree()
    index = window.tree_proxy().mapFromSource(window.tree_model().index_for_path(path))
    tree.scrollTo(index)
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
    assert window.current_path() == path


def test_back_and_forward_through_visited_places(window: MainWindow, qtbot: QtBot) -> None:
    window.resize(1300, 800)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    back, forward = window.action("actionBack"), window.action("actionForward")
    assert back.shortcut().toString() == "Alt+Left" and forward.shortcut().toString() == "Alt+Right"
    assert not back.isEnabled() and not forward.isEnabled()
    _click_place(window, qtbot, "goal/g3-vitality")
    _click_place(window, qtbot, "section/sec-honours")
    tree = window.tree()
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_path() == "goal/g3-vitality"
    qtbot.keyClick(tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_path() == "overview" and not back.isEnabled()
    qtbot.keyClick(tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_path() == "goal/g3-vitality" and forward.isEnabled()
    _click_place(window, qtbot, "goal/g5-rural")  # a new place ends the way forward
    assert not forward.isEnabled()
    back.trigger()
    assert window.current_path() == "goal/g3-vitality"


def test_selecting_a_section_or_goal_area_brings_its_paragraphs_into_view(
    window: MainWindow, qtbot: QtBot, report: Report
) -> None:
    window.resize(1300, 800)
    with qtbot.waitExposed(window):
        window.show()
    edit = window.source_view().text_edit()

    def top_of(paragraph_id: str) -> int:
        text = report.paragraph_by_id[paragraph_id].text
        found = edit.document().find(text[:12])
        assert not found.isNull()
        return edit.cursorRect(found).top()

    for section in ("sec-honours", "sec-cadre", "sec-rural-environment"):
        _click_place(window, qtbot, f"section/{section}")
        first = report.section_by_id[section].paragraph_ids[0]
        assert 0 <= top_of(first) < 40, section  # the section's first paragraph heads the view
    _click_place(window, qtbot, "goal/g8-wellbeing")
    top = top_of(report.goal_by_id["g8-wellbeing"].span.paragraph_id)
    assert 0 <= top < edit.viewport().height()


def test_a_goal_area_marks_its_own_words_in_the_article(
    window: MainWindow, qtbot: QtBot, report: Report
) -> None:
    # Before: every goal area brought the same paragraph (the one naming all eight) to the top and
    # marked nothing, so the reader could not tell which of its eight clauses was the one chosen.
    window.resize(1024, 600)
    with qtbot.waitExposed(window):
        window.show()
    source = window.source_view()
    edit = source.text_edit()
    for raw in (False, True):
        if raw:
            window.action("actionRawText").trigger()
        for goal in ("g3-vitality", "g8-wellbeing"):
            _click_place(window, qtbot, f"goal/{goal}")
            words = report.goal_by_id[goal].span.text
            shown = source.highlighted_text()
            # The raw page may break the clause across lines and write its own punctuation.
            assert re.sub("[^\u4e00-\u9fff]", "", shown) == re.sub("[^\u4e00-\u9fff]", "", words)
            assert shown == words or raw, (goal, shown)
            selections = edit.extraSelections()
            mark = QTextCursor(selections[0].cursor)
            assert edit.viewport().rect().contains(edit.cursorRect(mark).center()), goal
    _click_place(window, qtbot, "section/sec-honours")
    assert source.highlighted_text() == ""  # a section has no words of its own to mark
