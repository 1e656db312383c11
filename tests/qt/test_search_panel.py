"""Searching in the window: type, step through hits, jump to them, Esc back to where the reader was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.search.types import NodeKind as HitKind
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import HIT_COUNT_ROLE, ITEM_ID_ROLE, NODE_PATH_ROLE
from desktop_app.qt.widgets.search_panel import SearchFilter


def _search(window: MainWindow, qtbot: QtBot, text: str) -> None:
    panel = window.search_panel()
    # Chinese can't go through qtbot.keyClicks offscreen (it aborts); setText fires the same signals.
    panel.field().setText(text)
    qtbot.waitUntil(lambda: panel.position_text() != "" or panel.message_text() != "", timeout=3000)


def assert_tree_counts_match_headings(window: MainWindow) -> None:
    """Every top-level tree row shows the count its result heading shows, in the same words."""
    proxy = window.tree_proxy()
    headings = window.search_panel().results_model().group_counts()
    shown = 0
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        key = "source" if index.data(NODE_PATH_ROLE) == "source" else index.data(ITEM_ID_ROLE)
        count = index.data(HIT_COUNT_ROLE)
        assert count == headings.get(key, 0), (index.data(), headings)
        if count:
            shown += count
            assert index.data().endswith(f" ({count})")
    assert shown == sum(headings.values()) == len(window.search_panel().hits())


def test_search_widgets_have_stable_names(window: MainWindow) -> None:
    for name in ("searchField", "searchResults"):
        widget = window.findChild(QWidget, name)
        assert widget is not None and widget.accessibleName()


def test_type_step_and_escape(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.select_path("goal/g5-rural")
    panel = window.search_panel()
    panel.field().setFocus()
    panel.field().textEdited.emit("临淄")  # what typing does before textChanged
    _search(window, qtbot, "临淄")
    hits = panel.hits()
    assert len(hits) > 10
    assert panel.position_text() == str(len(hits))
    qtbot.keyClick(panel.field(), Qt.Key.Key_Return)
    assert panel.position_text() == f"1 / {len(hits)}"
    first = panel.current_hit()
    assert first is not None and first.matched == "临淄"
    qtbot.keyClick(panel.field(), Qt.Key.Key_F3)
    assert panel.position_text() == f"2 / {len(hits)}"
    qtbot.keyClick(panel.field(), Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert panel.position_text() == f"1 / {len(hits)}"
    qtbot.keyClick(panel.field(), Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert panel.position_text() == f"{len(hits)} / {len(hits)}"
    # The tree shows hit counts while searching, the same as the result list's headings.
    assert_tree_counts_match_headings(window)
    qtbot.keyClick(panel.field(), Qt.Key.Key_Escape)
    assert panel.field().text() == ""
    assert window.current_path() == "goal/g5-rural"
    assert window.source_view().highlighted_text() == ""


def test_article_hits_are_highlighted_exactly(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    panel.set_filter(SearchFilter.ARTICLE)
    _search(window, qtbot, "民生支出")
    assert all(h.node_kind is HitKind.PARAGRAPH for h in panel.hits())
    panel.next_hit()
    assert window.current_path() == "source"
    assert window.source_view().highlighted_text() == "民生支出"


def test_indicator_hit_selects_the_figure_and_its_words_in_the_source(
    window: MainWindow, qtbot: QtBot
) -> None:
    panel = window.search_panel()
    panel.set_filter(SearchFilter.FIGURES)
    _search(window, qtbot, "2504")
    panel.next_hit()
    assert window.current_path().endswith("ind-industrial-output")
    assert window.source_view().highlighted_text() == "2504"


def test_pinyin_typed_with_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    qtbot.keyClicks(panel.field(), "linzi")
    qtbot.waitUntil(lambda: panel.position_text() != "", timeout=3000)
    matched = {h.matched for h in panel.hits()}
    assert matched == {"临淄", "Linzi"}  # the Chinese name and the English gloss


def test_folding_finds_the_traditional_character(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    _search(window, qtbot, "如果說")
    assert any(h.node_id == "p21" for h in panel.hits())


def test_empty_result_says_so_and_suggests(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    _search(window, qtbot, "临淄 qqqq")
    assert not panel.hits()
    message = panel.message_text()
    assert message.startswith("Nothing found for “临淄 qqqq”.")
    assert "Did you mean “临淄”" in message
    assert not panel.result_list().isVisible()


def test_current_goal_scope_and_tree_filter(window: MainWindow, qtbot: QtBot) -> None:
    window.select_path("goal/g6-ecology")
    panel = window.search_panel()
    panel.set_filter(SearchFilter.GOAL)
    _search(window, qtbot, "个")
    members = {h.node_id for h in panel.hits()}
    report = window.report
    allowed = {"g6-ecology", *(i.id for i in report.for_goal("g6-ecology"))}
    assert members and members <= allowed
    panel.set_filter(SearchFilter.EVERYTHING)
    before = window.tree_proxy().rowCount()
    _search(window, qtbot, "乌河")
    toggle = window.findChild(QCheckBox, "searchFilterTree")
    assert toggle is not None
    toggle.setChecked(True)
    proxy = window.tree_proxy()
    shown = [proxy.index(r, 0).data(NODE_PATH_ROLE) for r in range(proxy.rowCount())]
    assert window.tree_proxy().rowCount() < before
    assert "source" in shown
    toggle.setChecked(False)
    assert window.tree_proxy().rowCount() == before


def test_ctrl_f_focuses_the_field(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    window.tree().setFocus()
    window.action("actionFind").trigger()
    assert QApplication.focusWidget() is window.search_panel().field()
