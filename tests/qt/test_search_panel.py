"""Searching in the window: type, step through hits, jump to them, Esc back to where the reader was."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QSplitter, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from desktop_app.core.search.query import MAX_QUERY_LENGTH
from desktop_app.core.search.types import NodeKind as HitKind
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import HIT_COUNT_ROLE, ITEM_ID_ROLE, NODE_KIND_ROLE, NODE_PATH_ROLE
from desktop_app.qt.models.search_results import SearchResultsModel
from desktop_app.qt.models.tree import NodeKind as TreeKind
from desktop_app.qt.widgets.search_panel import SearchFilter, SearchPanel


def _search(window: MainWindow, qtbot: QtBot, text: str) -> None:
    panel = window.search_panel()
    # Chinese can't go through qtbot.keyClicks offscreen (it aborts); setText fires the same signals.
    panel.field().setText(text)
    qtbot.waitUntil(lambda: panel.position_text() != "" or panel.message_text() != "", timeout=3000)


def assert_tree_counts_match_headings(window: MainWindow) -> None:
    """Every goal-area, section and source row of the tree shows the count its result heading shows."""
    proxy = window.tree_proxy()
    headings = window.search_panel().results_model().group_counts()
    shown = 0
    pending = [proxy.index(row, 0) for row in range(proxy.rowCount())]
    while pending:
        index = pending.pop()
        pending.extend(proxy.index(row, 0, index) for row in range(proxy.rowCount(index)))
        kind = index.data(NODE_KIND_ROLE)
        if kind not in (TreeKind.GOAL, TreeKind.SECTION, TreeKind.SOURCE):
            continue
        key = "source" if kind == TreeKind.SOURCE else index.data(ITEM_ID_ROLE)
        count = index.data(HIT_COUNT_ROLE)
        assert count == headings.get(key, 0), (index.data(), headings)
        if count:
            shown += count
            assert index.data().endswith(f" ({count} found)")
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
    # No hit stays highlighted: the article marks what the goal area marks, its own words.
    assert window.source_view().highlighted_text() == window.report.goal_by_id["g5-rural"].span.text


def test_article_hits_are_highlighted_exactly(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    panel.set_filter(SearchFilter.ARTICLE)
    _search(window, qtbot, "民生支出")
    assert panel.hits() and all(h.node_kind is HitKind.PARAGRAPH for h in panel.hits())
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


def _type(panel: SearchPanel, qtbot: QtBot, text: str) -> None:
    """Type Latin text into the field as a reader would, and wait for the debounced search."""
    panel.field().setFocus()
    qtbot.keyClicks(panel.field(), text)
    qtbot.waitUntil(lambda: panel.position_text() != "" or panel.message_text() != "", timeout=5000)


def test_results_model_passes_the_model_tester(
    window: MainWindow, qtbot: QtBot, qtmodeltester: ModelTester
) -> None:
    _search(window, qtbot, "民生")
    qtmodeltester.check(window.search_panel().results_model())
    window.search_panel().clear()
    qtmodeltester.check(window.search_panel().results_model())


def test_results_get_the_column_and_escape_gives_it_back(window: MainWindow, qtbot: QtBot) -> None:
    # Before: results got ~40-60 px (1½ of 29 hits visible) and Esc left an empty gap.
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = window.search_panel()
    column = panel.parentWidget()
    assert isinstance(column, QSplitter)
    tree_before = window.tree().height()
    _type(panel, qtbot, "linzi")
    qtbot.waitUntil(lambda: panel.height() >= 0.5 * column.height(), timeout=3000)
    results = panel.result_list()
    row_height = results.sizeHintForRow(1)
    assert results.viewport().height() >= 7 * row_height  # at least seven hits in view
    qtbot.keyClick(panel.field(), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not results.isVisible(), timeout=3000)
    # No gap: the panel is no taller than its field and filter row, the tree has the rest back.
    assert panel.height() <= panel.minimumSizeHint().height() + 2
    assert window.tree().height() >= tree_before - 2


def test_the_status_bar_names_the_item_not_a_field_key(window: MainWindow, qtbot: QtBot) -> None:
    # Before: "Hit 1 of 29: steadfast".
    panel = window.search_panel()
    _search(window, qtbot, "稳增长")
    qtbot.keyClick(panel.field(), Qt.Key.Key_Return)
    message = window.statusBar().currentMessage()
    total = len(panel.hits())
    assert message.startswith(f"Hit 1 of {total}: ")
    for key in ("steadfast", "sentence", "gloss_en", "title_en", "name_en", "roles["):
        assert key not in message
    assert " · " in message


def test_every_livelihood_project_row_names_its_project(window: MainWindow, qtbot: QtBot) -> None:
    # Before: seven rows read only "民生实事".
    panel = window.search_panel()
    _search(window, qtbot, "民生实事")
    model = panel.results_model()
    items = [
        model.index(row, 0).data(SearchResultsModel.ITEM_ROLE)
        for row in range(model.rowCount())
        if model.index(row, 0).data(SearchResultsModel.HIT_ROLE) is not None
    ]
    projects = {e.name for e in window.report.entities if "民生实事" in e.roles}
    assert len(projects) >= 7
    assert projects <= {item.split(" · ")[0] for item in items}


def test_list_snippets_never_cut_a_number(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    _search(window, qtbot, "亿元")
    model = panel.results_model()
    for row in range(model.rowCount()):
        parts = model.index(row, 0).data(SearchResultsModel.CONTEXT_ROLE)
        if parts:
            before, _match, after = parts
            assert not before.lstrip("…").startswith((".", "%")), parts
            assert not after.rstrip("…")[-1:].isdigit() or after.rstrip("…")[-2:-1] in "0123456789.", parts


def test_a_very_long_query_typed_in_is_capped_and_answered(window: MainWindow, qtbot: QtBot) -> None:
    # Before: ~250+ Latin letters raised RecursionError ("Unexpected error" dialog).
    panel = window.search_panel()
    assert panel.field().maxLength() == MAX_QUERY_LENGTH
    _type(panel, qtbot, "lz" * 150)
    assert len(panel.field().text()) == MAX_QUERY_LENGTH
    assert panel.message_text().startswith("Nothing found for")


def test_keyboard_only_search_down_into_the_list(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    panel = window.search_panel()
    _type(panel, qtbot, "minsheng")
    qtbot.keyClick(panel.field(), Qt.Key.Key_Down)
    assert panel.current_number() == 1
    qtbot.keyClick(panel.result_list(), Qt.Key.Key_Down)
    assert panel.position_text().startswith("2 / ")
    qtbot.keyClick(panel.result_list(), Qt.Key.Key_Escape)
    assert panel.field().text() == "" and not panel.hits()


def test_a_filter_that_hides_every_hit_says_so(window: MainWindow, qtbot: QtBot) -> None:
    panel = window.search_panel()
    panel.set_filter(SearchFilter.FIGURES)
    _search(window, qtbot, "如果說")
    assert not panel.hits()
    assert panel.message_text().startswith("Nothing found for “如果說” with this filter; ")
    panel.set_filter(SearchFilter.EVERYTHING)
    assert panel.hits() and not panel.message_text()


def test_a_message_alone_takes_only_its_room(window: MainWindow, qtbot: QtBot) -> None:
    # Before the fix of this very change: a no-hit message got 65 % of the column, spread thin.
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    panel = window.search_panel()
    column = panel.parentWidget()
    assert isinstance(column, QSplitter)
    _type(panel, qtbot, "linzi")
    qtbot.keyClick(panel.field(), Qt.Key.Key_Return)
    assert window.source_view().highlighted_text() == "临淄"
    _type(panel, qtbot, "qqqq")  # "linziqqqq" finds nothing
    qtbot.waitUntil(lambda: panel.message_text() != "", timeout=3000)
    assert not panel.result_list().isVisible()
    assert panel.height() <= panel.compact_height() + 2 < column.height() // 3
    assert window.tree().height() >= column.height() - panel.height() - column.handleWidth() - 4
    assert window.source_view().highlighted_text() == ""


def test_while_searching_the_tree_counts_hits_only(window: MainWindow, qtbot: QtBot) -> None:
    # Before: goal areas without hits kept their figure count, so "6. … (5)" stood among
    # "1. … (5 found)" and read as five hits (issue 11.19: one counting rule, the item named).
    def goal_labels() -> dict[str, str]:
        model = window.tree_model()
        rows = [model.index(row, 0) for row in range(model.rowCount())]
        return {i.data(ITEM_ID_ROLE): i.data() for i in rows if i.data(NODE_KIND_ROLE) == TreeKind.GOAL}

    figure_counts = goal_labels()
    assert figure_counts["g6-ecology"].endswith("  (5)") and figure_counts["g7-culture"].endswith("  (0)")
    panel = window.search_panel()
    _type(panel, qtbot, "linzi")
    searching = goal_labels()
    assert searching["g1-growth"].endswith(" found)")
    for goal, label in searching.items():
        count = window.tree_model().index_for_path(f"goal/{goal}").data(HIT_COUNT_ROLE)
        if not count:  # no hits: no number at all, not the figure count
            assert label == figure_counts[goal].rsplit("  (", 1)[0], label
    assert_tree_counts_match_headings(window)
    qtbot.keyClick(panel.field(), Qt.Key.Key_Escape)
    assert goal_labels() == figure_counts  # the figure counts are back


def test_a_narrow_tree_still_shows_each_goal_areas_count(window: MainWindow, qtbot: QtBot) -> None:
    # Before: at 1024x600 the tree cut goal areas' labels at the end, so "(5 found)" and the figure
    # counts were never seen beside the results that the search listed.
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    panel, tree = window.search_panel(), window.tree()
    _type(panel, qtbot, "linzi")
    proxy = window.tree_proxy()
    metrics = tree.fontMetrics()
    cut = 0
    for row in range(proxy.rowCount()):
        index = proxy.index(row, 0)
        if not index.data(HIT_COUNT_ROLE):
            continue
        label, room = index.data(), tree.visualRect(index).width() - tree.iconSize().width()
        shown = metrics.elidedText(label, tree.textElideMode(), room)
        cut += shown != label
        assert shown.endswith(" found)"), shown
    assert cut  # the labels are too long for the column: the count is kept by cutting the middle
