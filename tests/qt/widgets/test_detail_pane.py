"""The detail pane on its own and inside the window, driven as a reader would (offscreen)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QTableView
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import DerivedIndicator, Indicator, IndicatorKind, Report
from desktop_app.core.presentation import (
    KIND_PALETTE,
    location_text,
    modifier_text,
    numbered_goal_label,
)
from desktop_app.qt.app import Translations
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.indicator_table import IndicatorTableModel
from desktop_app.qt.models.roles import DOMAIN_ROLE
from desktop_app.qt.widgets.detail_pane import DetailPane


@pytest.fixture
def pane(app: QApplication, qtbot: QtBot, report: Report) -> Iterator[DetailPane]:
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.set_language("en")
    widget.set_report(report)
    widget.resize(520, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def _visible_labels(pane: DetailPane) -> list[QLabel]:
    page = pane.widget()
    assert page is not None
    return [label for label in pane.findChildren(QLabel) if label.isVisibleTo(page) and label.text()]


def test_every_goal_shows_its_own_sentence_and_not_the_previous_one(pane: DetailPane, report: Report) -> None:
    previous = None
    for goal in report.goal_areas:
        pane.show_goal(goal)
        lines = pane.shown_text().splitlines()
        assert goal.sentence in lines
        # The label really is on screen: visible, with a size.
        label = next(label for label in _visible_labels(pane) if label.text() == goal.sentence)
        assert label.isVisible() and label.height() > 0
        if previous is not None:
            assert previous.sentence not in lines  # the outgoing label is hidden, not read
        previous = goal


def test_shown_text_leaves_out_hidden_labels(pane: DetailPane, report: Report) -> None:
    goal = report.goal_areas[2]
    pane.show_goal(goal)
    label = next(label for label in _visible_labels(pane) if label.text() == goal.sentence)
    label.hide()
    assert goal.sentence not in pane.shown_text().splitlines()


def test_shown_text_reads_only_the_current_page(pane: DetailPane, report: Report) -> None:
    indicator = report.indicators[0]
    pane.show_indicator(indicator)
    assert f"“{indicator.sentence.text}”" in pane.shown_text()
    pane.show_goal(report.goal_areas[3])
    shown = pane.shown_text()
    assert f"“{indicator.sentence.text}”" not in shown
    assert report.goal_areas[3].sentence in shown


def _badge_colour(pane: DetailPane) -> str:
    badge = pane.badge()
    image = badge.grab().toImage()
    # Inside the rounded background, left of the text (the badge has 10 px padding).
    return image.pixelColor(4, image.height() // 2).name()


def test_kind_badge_looks_like_its_kind_after_every_change(pane: DetailPane, report: Report) -> None:
    estimate = next(i for i in report.indicators if i.kind is IndicatorKind.ESTIMATE)
    achieved = next(i for i in report.indicators if i.kind is IndicatorKind.ACHIEVED)
    rank = next(i for i in report.indicators if i.kind is IndicatorKind.RANK)
    steps = [
        (lambda: pane.show_indicator(estimate), KIND_PALETTE["estimate"]),
        (lambda: pane.show_quote(report.quotes[0]), KIND_PALETTE["quote"]),
        (lambda: pane.show_indicator(estimate), KIND_PALETTE["estimate"]),
        (lambda: pane.show_entity(report.entities[0]), KIND_PALETTE["entity"]),
        (lambda: pane.show_indicator(rank), KIND_PALETTE["rank"]),
        (lambda: pane.show_indicator(achieved), KIND_PALETTE["achieved"]),
    ]
    for show, colour in steps:
        show()
        assert _badge_colour(pane) == colour


def test_a_new_item_starts_at_the_top(pane: DetailPane, report: Report, qtbot: QtBot) -> None:
    pane.resize(420, 260)
    pane.show_goal(report.goal_areas[0])
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    assert bar.value() > 0
    pane.show_goal(report.goal_areas[1])
    assert bar.value() == 0
    bar.setValue(bar.maximum())
    pane.show_indicator(report.indicators[0])
    assert bar.value() == 0


def test_tab_leaves_the_figures_table_and_arrows_move_inside(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.select_path("goal/g1-growth")
    table = window.detail_pane().table()
    assert table.model().rowCount() > 3
    assert not table.tabKeyNavigation()
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert table.currentIndex().row() == 1 and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == 1 and table.hasFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert not table.hasFocus()  # one press leaves the table


def _border_colour(table: QTableView) -> str:
    image = table.grab().toImage()
    return image.pixelColor(0, image.height() // 2).name()


def test_figures_table_shows_a_focus_ring(window: MainWindow, qtbot: QtBot) -> None:
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    window.select_path("goal/g1-growth")
    table = window.detail_pane().table()
    window.tree().setFocus()
    qtbot.waitUntil(lambda: not table.hasFocus())
    unfocused = _border_colour(table)
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)
    assert _border_colour(table) == "#1565c0" != unfocused


def test_one_click_on_a_figure_row_opens_the_figure(window: MainWindow, qtbot: QtBot, report: Report) -> None:
    window.show()
    qtbot.waitExposed(window)
    window.select_path("goal/g1-growth")
    table = window.detail_pane().table()
    index = table.model().index(2, 0)
    figure = index.data(DOMAIN_ROLE)
    assert isinstance(figure, Indicator)
    rect = table.visualRect(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    heading = window.detail_pane().findChild(QLabel, "valueLabel")
    assert heading is not None and heading.isVisible()
    assert f"“{figure.sentence.text}”" in window.detail_pane().shown_text()
    assert window.tree().currentIndex().data(DOMAIN_ROLE) is figure


@pytest.fixture
def chinese_pane(app: QApplication, qtbot: QtBot, report: Report) -> Iterator[DetailPane]:
    """A pane in the Chinese UI: Chinese translations installed, domain words in Chinese."""
    translations = Translations(app)
    assert translations.install(Language.ZH)
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.set_language(Language.ZH)
    widget.set_report(report)
    widget.resize(520, 700)
    widget.show()
    yield widget
    translations.install(Language.EN)


def _every_view(pane: DetailPane, report: Report) -> Iterator[str]:
    pane.show_overview()
    yield pane.shown_text()
    for goal in report.goal_areas:
        pane.show_goal(goal)
        yield pane.shown_text()
    for section in report.sections:
        pane.show_section(section)
        yield pane.shown_text()
    pane.show_source_info()
    yield pane.shown_text()
    for indicator in report.all_indicators():
        pane.show_indicator(indicator)
        yield pane.shown_text()
    for quote in report.quotes:
        pane.show_quote(quote)
        yield pane.shown_text()
    for entity in report.entities:
        pane.show_entity(entity)
        yield pane.shown_text()


def test_every_placeholder_is_filled(pane: DetailPane, chinese_pane: DetailPane, report: Report) -> None:
    for widget in (pane, chinese_pane):
        for text in _every_view(widget, report):
            assert not re.search(r"%\d", text), text


def test_chinese_pane_writes_domain_words_in_chinese_with_full_width_brackets(
    chinese_pane: DetailPane, report: Report
) -> None:
    pane = chinese_pane
    pane.show_source_info()
    lines = pane.shown_text().splitlines()
    repairs = next(line for line in lines if line.startswith("修复："))
    assert not re.search(r"[A-Za-z]", repairs), repairs  # not "drop 6, join 5"
    assert "接续" in repairs and "、" in repairs
    misreadings = [line for line in lines if line.startswith("†")]
    assert misreadings and all("（确定性：" in line and "(" not in line for line in misreadings)
    assert any("未采用" in line for line in misreadings)

    figure = next(i for i in report.indicators if i.modifier)
    pane.show_indicator(figure)
    shown = pane.shown_text()
    assert f"修饰语：{modifier_text(figure.modifier, figure.modifier_meaning, Language.ZH)}" in shown
    assert "预计（预计）" not in shown  # a word that is its own meaning is written once
    links = pane.findChild(QLabel, "goalLinks")
    assert links is not None and "(" not in links.text() and "（" in links.text()
    assert re.search(r"（(报道原文|编者判断)）", links.text())
    location = pane.findChild(QLabel, "location")
    assert location is not None
    assert location.text() == "位置：" + location_text(figure.sentence.paragraph_id, report, Language.ZH)
    assert re.fullmatch(r"位置：第\d+版·第\d+段", location.text())

    pane.show_goal(report.goal_areas[0])
    shown = pane.shown_text()
    assert report.goal_areas[0].title_en not in shown  # the English gloss only in the English UI
    entities = pane.findChild(QLabel, "entities")
    assert entities is not None and "(" not in entities.text() and "（" in entities.text()
    model = pane.table_model()
    for row in range(model.rowCount()):
        modifier = model.index(row, IndicatorTableModel.MODIFIER).data()
        row_figure = model.indicator(row)
        if isinstance(row_figure, Indicator):
            assert " (" not in modifier, modifier
            source = model.index(row, IndicatorTableModel.SOURCE).data()
            assert source == location_text(row_figure.sentence.paragraph_id, report, Language.ZH)
            assert not re.search(r"p\d\d:", source)


def test_english_pane_shows_the_english_title_and_the_reports_words(pane: DetailPane, report: Report) -> None:
    goal = report.goal_areas[0]
    pane.show_goal(goal)
    lines = pane.shown_text().splitlines()
    assert lines[0] == f"1. {goal.title_en}"  # the heading
    assert numbered_goal_label(goal, report, Language.ZH) in lines and goal.sentence in lines
    figure = next(i for i in report.indicators if i.name_en)
    pane.show_indicator(figure)
    lines = pane.shown_text().splitlines()
    assert figure.name_en in lines and figure.name in lines
    location = pane.findChild(QLabel, "location")
    assert location is not None and re.fullmatch(r"Where: page \d+, paragraph \d+", location.text())


def test_placeholders_are_filled_in_one_pass(app: QApplication, qtbot: QtBot, report: Report) -> None:
    meta = report.metadata
    odd = dataclasses.replace(
        report,
        metadata=dataclasses.replace(
            meta, meeting=dataclasses.replace(meta.meeting, name="Session %2 of %1")
        ),
    )
    widget = DetailPane()
    qtbot.addWidget(widget)
    widget.set_report(odd)
    assert f"Meeting: Session %2 of %1, {meta.meeting.date}" in widget.shown_text().splitlines()


def test_a_short_figure_page_does_not_scroll_for_the_hidden_list(
    pane: DetailPane, report: Report, qtbot: QtBot
) -> None:
    pane.show_goal(report.goal_areas[0])  # a tall list page: a table, quotes, named things
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    pane.show_quote(report.quotes[1])
    qtbot.waitUntil(lambda: bar.maximum() == 0)


def test_no_figures_heading_over_no_figures(pane: DetailPane, report: Report) -> None:
    section = next(
        s
        for s in report.sections
        if not any(isinstance(i, Indicator | DerivedIndicator) for i in report.for_section(s.id))
    )
    pane.show_section(section)
    assert "Figures" not in pane.shown_text().splitlines()
    pane.show_goal(report.goal_areas[0])
    assert "Figures" in pane.shown_text().splitlines()


def test_a_goal_area_without_figures_says_so(pane: DetailPane, report: Report) -> None:
    """Issue 12, point 9: goal area 7 says the article states no figures for it, as the PDF does."""
    g7 = report.goal_by_id["g7-culture"]
    pane.show_goal(g7)
    lines = pane.shown_text().splitlines()
    assert lines[lines.index("Figures") + 1] == (
        "The article states no figures for this goal area: culture and tourism appears only in its list of "
        "the eight goal areas."
    )
    pane.show_goal(report.goal_by_id["g1-growth"])
    assert "states no figures" not in pane.shown_text()
    # Without the dataset's note, a goal area with no figures says only that none is linked.
    pane.show_goal(dataclasses.replace(g7, no_figures_note="", no_figures_note_en=""))
    lines = pane.shown_text().splitlines()
    assert lines[lines.index("Figures") + 1] == "No figures are linked to this goal area."


def test_a_derived_figure_shows_its_own_scope(pane: DetailPane, report: Report) -> None:
    """Issue 12, point 1: Zibo's implied output is the city's, though its first input is the district's."""
    pane.show_indicator(report.indicator_by_id["der-city-industrial-output"])
    assert "Scope: city" in pane.shown_text().splitlines()
    pane.show_indicator(report.indicator_by_id["der-linzi-gdp"])
    assert "Scope: district" in pane.shown_text().splitlines()


def test_a_village_figure_shows_its_threshold(pane: DetailPane, report: Report) -> None:
    """Issue 12, point 15: the 20万元 / 50万元 thresholds are fields, shown as such, not only in names."""
    pane.show_indicator(report.indicator_by_id["ind-villages-below-200k"])
    assert "Threshold: 20 万元" in pane.shown_text().splitlines()
    pane.show_indicator(report.indicator_by_id["ind-villages-above-500k"])
    assert "Threshold: 50 万元" in pane.shown_text().splitlines()
    pane.show_indicator(report.indicator_by_id["ind-industrial-output"])
    assert "Threshold" not in pane.shown_text()


def test_copy_with_citation_names_page_and_paragraph_in_the_ui_language(
    pane: DetailPane, report: Report, qtbot: QtBot
) -> None:
    """Issue 11.17/11.18: the clipboard cites 第02版·第7段 / page 02, paragraph 7 (never p07:0–39),
    punctuated as its language is: the English citation read 'Share of GDP …：25%（2023，share）'."""
    figure = next(i for i in report.indicators if i.name_en)
    derived = report.derived[0]
    quote, entity = report.quotes[0], report.entities[0]
    shows: list[tuple[Callable[[Any], None], Any, str | None]] = [
        (pane.show_indicator, figure, figure.sentence.paragraph_id),
        (pane.show_indicator, derived, None),
        (pane.show_quote, quote, quote.span.paragraph_id),
        (pane.show_entity, entity, entity.span.paragraph_id),
    ]
    button = pane.findChild(QPushButton, "copyCitationButton")
    assert button is not None
    for lang, comma in ((Language.EN, ", "), (Language.ZH, "\uff0c")):
        pane.set_language(lang)
        for show, item, paragraph in shows:
            show(item)
            QGuiApplication.clipboard().clear()
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
            text = QGuiApplication.clipboard().text()
            assert text, item.id
            assert not re.search(r"\bp\d\d\b|\[p\d|\d+[–-]\d+\]", text), text  # no ids, no offsets
            if paragraph is not None:
                assert text.endswith(comma + location_text(paragraph, report, lang)), text
            if lang is Language.EN and show is pane.show_indicator:
                # The app's own words and marks in English; dataset text keeps its own punctuation.
                assert not set(text.splitlines()[0]) & set("\uff1a\uff08\uff09\uff0c"), text
    assert "page 02, paragraph" in location_text(figure.sentence.paragraph_id, report, Language.EN)


def test_a_place_clicked_in_the_tree_opens_at_the_top_of_the_pane(window: MainWindow, qtbot: QtBot) -> None:
    """Issue 11.7 as a reader meets it: scroll down a goal area, click another in the tree."""
    window.resize(1024, 600)
    window.show()
    qtbot.waitExposed(window)
    tree, pane = window.tree(), window.detail_pane()
    bar = pane.verticalScrollBar()
    visits = (("goal/g1-growth", "goal/g8-wellbeing"), ("goal/g8-wellbeing", "section/sec-honours"))
    for first, then in visits:
        for path in (first, then):
            index = window.tree_proxy().mapFromSource(window.tree_model().index_for_path(path))
            tree.scrollTo(index)
            qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=tree.visualRect(index).center())
            assert window.current_path() == path
            if path == first:
                qtbot.waitUntil(lambda: bar.maximum() > 0)
                bar.setValue(bar.maximum())
                assert bar.value() > 0
        qtbot.waitUntil(lambda: bar.maximum() > 0)
        QApplication.processEvents()
        assert bar.value() == 0, then


@pytest.mark.parametrize(
    ("meeting", "presenter", "office", "lines"),
    [
        ("", "", "", []),  # a capture that starts at 各位代表 (the corpus's 2018 report)
        ("", "李克强", "", ["Presented by 李克强"]),
        ("", "", "国务院总理", ["Presented by 国务院总理"]),
        ("第十三届全国人民代表大会第一次会议", "李克强", "国务院总理", None),
    ],
)
def test_the_overview_leaves_out_what_an_import_could_not_find(
    pane: DetailPane, report: Report, meeting: str, presenter: str, office: str, lines: list[str] | None
) -> None:
    """An imported text that names no meeting or presenter: no "Meeting: , 2018-01-01" (the date is a
    placeholder its notes explain) and no "Presented by  ()" — issue 14's reading views of an import."""
    metadata = dataclasses.replace(
        report.metadata,
        meeting=dataclasses.replace(report.metadata.meeting, name=meeting),
        presenter=dataclasses.replace(report.metadata.presenter, name=presenter, office=office),
    )
    pane.set_report(dataclasses.replace(report, metadata=metadata))
    pane.show_overview()
    shown = pane.shown_text().splitlines()
    header = [line for line in shown if line.startswith(("Meeting", "Presented by"))]
    if lines is None:
        assert header == [
            f"Meeting: {meeting}, {metadata.meeting.date}",
            f"Presented by {presenter} ({office})",
        ]
    else:
        assert header == lines
    assert not any(line.endswith(("()", ", ")) or ": ," in line for line in shown)
