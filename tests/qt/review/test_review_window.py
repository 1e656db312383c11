"""Review mode driven from the keyboard on an imported report, offscreen, with the real widgets."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Review
from desktop_app.core.review import ReviewSession
from desktop_app.qt.app import Translations
from desktop_app.qt.review.table import ReviewTableModel
from desktop_app.qt.review.window import ReviewWindow
from tests.review_data import write_linzi_import


def _open(qtbot: QtBot, path: Path, language: Language = Language.EN) -> ReviewWindow:
    window = ReviewWindow(ReviewSession.open(path), language)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitExposed(window):
        window.show()
    with qtbot.waitActive(window):  # shortcuts go to the active window
        window.activateWindow()
    window.table().setFocus()
    return window


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return write_linzi_import(tmp_path)


@pytest.fixture
def review(app: QApplication, qtbot: QtBot, dataset: Path) -> Iterator[ReviewWindow]:
    window = _open(qtbot, dataset)
    yield window
    window.undo_stack().setClean()  # no save question while the test tears down


def _key(
    qtbot: QtBot, window: ReviewWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None
) -> None:
    if modifiers is None:
        qtbot.keyClick(window.table(), key)
    else:
        qtbot.keyClick(window.table(), key, modifiers)


def test_opens_on_the_figures_awaiting_review_with_the_first_in_the_source(review: ReviewWindow) -> None:
    assert review.objectName() == "reviewWindow"
    for name in ("reviewTable", "reviewSource", "reviewFilter", "reviewCounts", "reviewThreshold"):
        assert review.findChild(QWidget, name) is not None, name
    assert review.table().objectName() == "reviewTable"
    assert review.source_view().objectName() == "reviewSource"
    assert review.findChild(QComboBox, "reviewStateFilter") is not None
    assert review.current_figure_id() == "fig-0001"
    figure = review.session.figure("fig-0001")
    # The sentence is highlighted and the figure in it singled out.
    assert review.source_view().highlighted_text() == f"{figure.sentence.text}|2504亿元"
    counts = review.findChild(QLabel, "reviewCounts")
    assert counts is not None and counts.text().startswith("37 awaiting review · 0 confirmed")


def test_keyboard_review_accept_reject_next_previous_undo_redo(review: ReviewWindow, qtbot: QtBot) -> None:
    session = review.session
    _key(qtbot, review, Qt.Key.Key_A)
    assert session.figure("fig-0001").review is Review.CONFIRMED
    # Showing the figures awaiting review: the accepted one leaves, the next is current.
    assert review.current_figure_id() == "fig-0002"
    assert "fig-0001" not in review.model().figure_ids()
    _key(qtbot, review, Qt.Key.Key_R)
    assert session.figure("fig-0002").review is Review.REJECTED
    assert review.current_figure_id() == "fig-0003"
    _key(qtbot, review, Qt.Key.Key_J)
    _key(qtbot, review, Qt.Key.Key_J)
    assert review.current_figure_id() == "fig-0005"
    _key(qtbot, review, Qt.Key.Key_K)
    assert review.current_figure_id() == "fig-0004"
    _key(qtbot, review, Qt.Key.Key_Down)
    assert review.current_figure_id() == "fig-0005"
    assert session.counts().awaiting == 35
    _key(qtbot, review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.figure("fig-0002").review is Review.PROPOSED
    assert review.current_figure_id() == "fig-0002"  # undo shows what it undid
    _key(qtbot, review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.counts().awaiting == 37
    _key(qtbot, review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.figure("fig-0001").review is Review.CONFIRMED
    assert review.undo_stack().undoText() == "Accept (1)"
    assert review.windowTitle().endswith(" *")


def test_edit_a_value_from_the_keyboard(review: ReviewWindow, qtbot: QtBot) -> None:
    review.select_figure("fig-0003")
    _key(qtbot, review, Qt.Key.Key_E)  # the current cell is not editable: the value is edited
    editor = QApplication.focusWidget()
    assert isinstance(editor, QLineEdit)
    assert editor.text() == "246"
    editor.selectAll()
    qtbot.keyClicks(editor, "247.5")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # Qt commits an editor's data on Return through a queued call.
    qtbot.waitUntil(lambda: review.session.figure("fig-0003").value == 247.5)
    assert review.session.figure("fig-0003").review is Review.PROPOSED  # corrected, still to accept
    assert review.undo_stack().undoText() == "Edit fig-0003"
    _key(qtbot, review, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert review.session.figure("fig-0003").value == 246


def test_every_field_is_edited_inline_from_the_keyboard(review: ReviewWindow, qtbot: QtBot) -> None:
    """Name, unit, year, modifier in a line editor, kind and scope in a list of choices: E opens the
    editor of the current cell, Return commits it (issue 14: "accept / reject / edit every field inline")."""
    review.select_figure("fig-0003")
    table = review.table()
    row = table.currentIndex().row()
    typed = {
        ReviewTableModel.NAME: ("工业增加值", "name"),
        ReviewTableModel.UNIT: ("万元", "unit"),
        ReviewTableModel.YEAR: ("2022", "year"),
        ReviewTableModel.MODIFIER: ("约", "modifier"),
    }
    for column, (text, field) in typed.items():
        table.setCurrentIndex(review.model().index(row, column))
        _key(qtbot, review, Qt.Key.Key_E)
        editor = QApplication.focusWidget()
        assert isinstance(editor, QLineEdit), field
        editor.setText(text)  # QTest types ASCII keys only; the editor is the one E opened
        qtbot.keyClick(editor, Qt.Key.Key_Return)
        expected: object = int(text) if field == "year" else text

        def committed(name: str = field, value: object = expected) -> bool:
            return bool(getattr(review.session.figure("fig-0003"), name) == value)

        qtbot.waitUntil(committed)
        qtbot.waitUntil(lambda: QApplication.focusWidget() is table)  # the editor is closed
    chosen = {ReviewTableModel.KIND: ("kind", "target"), ReviewTableModel.SCOPE: ("scope", "city")}
    for column, (field, key) in chosen.items():
        table.setCurrentIndex(review.model().index(row, column))
        _key(qtbot, review, Qt.Key.Key_E)
        combo = QApplication.focusWidget()
        assert isinstance(combo, QComboBox) and combo.objectName() == "reviewChoiceEditor", field
        combo.setCurrentIndex(combo.findData(key))
        qtbot.keyClick(combo, Qt.Key.Key_Return)

        def chosen_now(name: str = field, value: str = key) -> bool:
            return bool(getattr(review.session.figure("fig-0003"), name) == value)

        qtbot.waitUntil(chosen_now)
    figure = review.session.figure("fig-0003")
    assert (figure.name, figure.unit, figure.year, figure.modifier) == ("工业增加值", "万元", 2022, "约")
    assert figure.modifier_meaning == "approximate"  # follows from the modifier typed
    assert review.model().data(review.model().index(row, ReviewTableModel.SCOPE)) == "city"
    assert review.undo_stack().count() == 6


def test_an_edit_that_cannot_be_made_says_why(review: ReviewWindow) -> None:
    model = review.model()
    row = model.row_of("fig-0001")
    assert row is not None
    assert not model.setData(model.index(row, ReviewTableModel.YEAR), "next year")
    assert "year" in review.statusBar().currentMessage()
    assert review.session.figure("fig-0001").year == 2023
    assert model.setData(model.index(row, ReviewTableModel.KIND), "target")
    assert review.session.figure("fig-0001").kind == "target"
    assert model.data(model.index(row, ReviewTableModel.KIND)) == "target"  # English domain words


def test_link_a_figure_to_a_goal_area(review: ReviewWindow, qtbot: QtBot) -> None:
    model = review.model()
    review.select_figure("fig-0035")
    _key(qtbot, review, Qt.Key.Key_G)  # the goal area's list of choices opens
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.objectName() == "reviewChoiceEditor"
    assert editor.itemData(0) == "" and editor.count() == 9  # none, or one of the eight
    editor.setCurrentIndex(editor.findData("g03"))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.session.figure("fig-0035").goal_ids == ("g03",))
    row = model.row_of("fig-0034")
    assert row is not None
    assert model.setData(model.index(row, ReviewTableModel.GOAL), "g03")
    assert model.setData(model.index(row, ReviewTableModel.GOAL), "")
    assert review.session.figure("fig-0034").goal_ids == ()
    goal = review.findChild(QComboBox, "reviewGoalFilter")
    assert goal is not None
    goal.setCurrentIndex(goal.findData("g03"))
    assert model.figure_ids() == ["fig-0035"]


def test_the_series_proposed_is_shown_and_changed_from_a_list(review: ReviewWindow, qtbot: QtBot) -> None:
    # Issue 16: the reviewer confirms the series the importer proposes. Before, the table had no
    # series column: a proposal could be confirmed without anyone seeing the series it carried.
    model = review.model()
    assert model.headers()[ReviewTableModel.SERIES] == "Series"
    row = model.row_of("fig-0036")
    assert row is not None
    assert model.data(model.index(row, ReviewTableModel.SERIES)) == "New kindergartens"
    wrong = model.row_of("fig-0004")  # 占GDP的25%: proposed as GDP growth
    assert wrong is not None
    assert model.data(model.index(wrong, ReviewTableModel.SERIES)) == "GDP growth"
    review.select_figure("fig-0004")
    table = review.table()
    table.setCurrentIndex(model.index(wrong, ReviewTableModel.SERIES))
    _key(qtbot, review, Qt.Key.Key_F2)  # the list of series opens
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox) and editor.objectName() == "reviewChoiceEditor"
    keys = [editor.itemData(i) for i in range(editor.count())]
    assert keys[0] == "" and "gdp_growth" in keys and "linzi.new_kindergartens" in keys
    assert "balance_of_payments" not in keys  # a target in words is no figure's series
    assert editor.currentData() == "gdp_growth"
    editor.setCurrentIndex(0)  # (none)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: review.session.figure("fig-0004").series == "")
    assert model.data(model.index(wrong, ReviewTableModel.SERIES)) == ""
    review.undo_stack().undo()
    assert review.session.figure("fig-0004").series == "gdp_growth"
    assert not model.setData(model.index(wrong, ReviewTableModel.SERIES), "gdp")
    assert "unknown series" in review.statusBar().currentMessage()


def test_filters_and_accept_above(review: ReviewWindow) -> None:
    model = review.model()
    kind = review.findChild(QComboBox, "reviewKindFilter")
    state = review.findChild(QComboBox, "reviewStateFilter")
    low = review.findChild(QCheckBox, "reviewLowConfidence")
    assert kind is not None and state is not None and low is not None
    kind.setCurrentIndex(kind.findData("rank"))
    assert model.figure_ids() and all(model.figure(r).kind == "rank" for r in range(model.rowCount()))
    kind.setCurrentIndex(kind.findData("*"))
    year = review.findChild(QComboBox, "reviewYearFilter")
    assert year is not None and [year.itemData(i) for i in range(year.count())] == ["*", "2023", "2024"]
    year.setCurrentIndex(year.findData("2024"))  # the targets set for the report's year
    assert model.figure_ids() == [f"fig-00{n}" for n in range(33, 38)]
    year.setCurrentIndex(year.findData("*"))
    low.setChecked(True)  # below the threshold of Accept above (0.90)
    assert model.rowCount() and all((model.figure(r).confidence or 0) < 0.9 for r in range(model.rowCount()))
    low.setChecked(False)
    review.action("actionReviewAcceptAbove").trigger()
    confirmed = review.session.counts().confirmed
    assert confirmed == sum(1 for f in review.session.figures() if (f.confidence or 0) >= 0.9) > 5
    assert model.rowCount() == 37 - confirmed
    state.setCurrentIndex(state.findData("confirmed"))
    assert model.rowCount() == confirmed
    review.action("actionReviewUndo").trigger()
    assert review.session.counts().confirmed == 0 and model.rowCount() == 0


def test_save_and_resume(review: ReviewWindow, qtbot: QtBot, dataset: Path) -> None:
    for _ in range(3):
        _key(qtbot, review, Qt.Key.Key_A)
    _key(qtbot, review, Qt.Key.Key_R)
    with qtbot.waitSignal(review.saved) as saved:
        _key(qtbot, review, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert saved.args == [str(dataset)]
    assert not review.windowTitle().endswith("*")
    states = [i["review"] for i in json.loads(dataset.read_text(encoding="utf-8"))["indicators"]]
    assert states[:4] == ["confirmed", "confirmed", "confirmed", "rejected"]
    review.close()
    assert not review.isVisible()
    resumed = _open(qtbot, dataset)
    assert resumed.session.counts().awaiting == 33
    assert resumed.current_figure_id() == "fig-0005"  # where the reviewer left off


def test_closing_with_unsaved_changes_asks(review: ReviewWindow, qtbot: QtBot, dataset: Path) -> None:
    before = dataset.read_bytes()
    _key(qtbot, review, Qt.Key.Key_A)
    review.close()
    box = review.save_box()
    assert isinstance(box, QMessageBox) and review.isVisible()
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert review.isVisible()
    review.close()
    box = review.save_box()
    assert box is not None
    box.button(QMessageBox.StandardButton.Discard).click()
    qtbot.waitUntil(lambda: not review.isVisible())
    assert dataset.read_bytes() == before


def test_the_save_question_saves(review: ReviewWindow, qtbot: QtBot, dataset: Path) -> None:
    _key(qtbot, review, Qt.Key.Key_R)
    review.close()
    box = review.save_box()
    assert box is not None
    box.button(QMessageBox.StandardButton.Save).click()
    qtbot.waitUntil(lambda: not review.isVisible())
    assert json.loads(dataset.read_text(encoding="utf-8"))["indicators"][0]["review"] == "rejected"


def test_a_save_that_fails_keeps_the_review_open(review: ReviewWindow, qtbot: QtBot, dataset: Path) -> None:
    _key(qtbot, review, Qt.Key.Key_A)
    dataset.chmod(0o444)
    assert not review.save()
    box = review.findChild(QMessageBox, "reviewErrorBox")
    assert box is not None and str(dataset) in box.informativeText()
    assert review.windowTitle().endswith(" *")
    dataset.chmod(0o644)
    assert review.save()


def test_the_table_model_passes_qt_checks(review: ReviewWindow, qtmodeltester) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(review.model())
    assert len(review.model().headers()) == review.model().COLUMNS == review.model().columnCount()


@pytest.fixture
def chinese_catalogue(app: QApplication) -> Iterator[None]:
    """The Chinese catalogue, as the Chinese UI installs it (the tests' default is the English one)."""
    translations = Translations(app)
    translations.install(Language.ZH)
    yield
    translations.remove()
    translations.deleteLater()


def test_chinese_ui_words(app: QApplication, qtbot: QtBot, dataset: Path, chinese_catalogue: None) -> None:
    window = ReviewWindow(ReviewSession.open(dataset), Language.ZH)
    qtbot.addWidget(window)
    model = window.model()
    assert model.data(model.index(0, ReviewTableModel.STATE)) == "待审核"
    assert model.data(model.index(0, ReviewTableModel.KIND)) == "实绩"
    # Issue 10: no English code word anywhere in the Chinese window (cells, tooltips, filters, counts).
    from tests.qt.test_chinese_words import CODE

    texts = [
        str(model.data(model.index(row, column), role) or "")
        for row in range(model.rowCount())
        for column in range(model.columnCount())
        if column not in (ReviewTableModel.NAME, ReviewTableModel.WRITTEN)  # the report's own words
        for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    ]
    texts += [combo.itemText(i) for combo in window.findChildren(QComboBox) for i in range(combo.count())]
    texts += [label.text() for label in window.findChildren(QLabel)]
    assert model.rowCount() > 10 and [text for text in texts if CODE.search(text)] == []
