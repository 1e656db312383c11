"""One figure reads the same in every view (issue 10): tree, detail pane, figures table, chart, CSV, summary.

Each view writes a value through core.presentation (figure_value_text, derived_marker, number_text);
a view that spelled it again (``35 %`` in one, ``约`` for ``≈`` in another) fails here.
"""

from __future__ import annotations

import datetime
import html

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core.charting import chart_groups, item_value_text
from desktop_app.core.csv_export import figure_rows
from desktop_app.core.language import Language
from desktop_app.core.model import DerivedIndicator, Indicator, ModifierMeaning, Report
from desktop_app.core.presentation import (
    derived_marker,
    figure_value_text,
    meaning_label,
    modifier_text,
    number_text,
    plot_value,
)
from desktop_app.core.scope import resolve_scope
from desktop_app.core.summary import build_summary_html
from desktop_app.qt.app import Translations
from desktop_app.qt.charts.labels import hover_text
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.indicator_table import IndicatorTableModel
from desktop_app.qt.settings import Settings


def test_every_figure_reads_the_same_in_every_view(window: MainWindow, report: Report) -> None:
    figures = list(report.all_indicators())
    assert any(isinstance(f, DerivedIndicator) for f in figures) and any(f.unit == "%" for f in figures)
    table = IndicatorTableModel()
    table.set_indicators(figures)
    charted = {item.indicator_id: item for group in chart_groups(figures) for item in group.items}
    scope = resolve_scope(report, "all")
    csv = {row["id"]: row for row in figure_rows(report, scope)}
    summary = build_summary_html(report, scope, generated=datetime.date(2026, 12, 3))
    lang = window.language  # the window's words; the CSV and the summary here are Chinese
    table.set_language(lang)
    detail_value = window.detail_pane().findChild(QLabel, "valueLabel")
    assert detail_value is not None
    for row, figure in enumerate(figures):
        text = figure_value_text(figure)  # 35%, 2504 亿元, ≈7154 亿元
        assert window.select_item(figure.id), figure.id
        shown = figure_value_text(figure, lang)
        assert f": {shown}" in window.tree().currentIndex().data(), figure.id
        assert detail_value.text() == shown, figure.id
        value_cell = table.index(row, IndicatorTableModel.VALUE).data()
        unit_cell = table.index(row, IndicatorTableModel.UNIT).data()
        derived = isinstance(figure, DerivedIndicator)
        assert value_cell == derived_marker(derived, lang) + number_text(figure.value), figure.id
        assert shown.startswith(value_cell) and shown.endswith(unit_cell) and unit_cell == figure.unit
        marker = derived_marker(derived)
        assert (csv[figure.id]["value"], csv[figure.id]["unit"]) == (number_text(figure.value), figure.unit)
        assert html.escape(text) in summary, figure.id
        item = charted.get(figure.id)
        if item is not None:
            assert item_value_text(item) in hover_text(item), figure.id
            if (item.value, item.unit) != (figure.value, figure.unit):
                # Plotted in the axis's unit so one axis never mixes 户 and 万户 (7.7 万户 is
                # 77000 户 on the chart): the one known difference, decided in plot_value.
                assert (item.value, item.unit) == plot_value(figure) and item.unit == "户", figure.id
                continue
            # A lone bound's sign (<0.15) precedes the value on a chart; nothing else differs.
            assert item_value_text(item) == (marker or item.bound) + text.removeprefix(marker), figure.id
    assert len(charted) > 20
    # English: the same spelling, the marker in the reader's language.
    for figure in figures:
        item = charted.get(figure.id)
        if item is not None and not item.bound and item.unit == figure.unit:
            assert item_value_text(item, Language.EN) == figure_value_text(figure, Language.EN)


@pytest.mark.parametrize("lang", [Language.ZH, Language.EN])
def test_a_meaning_is_never_shown_as_the_modifier_word(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings, lang: Language
) -> None:
    # Auditors: 20万元以下村全部清零 has no modifier word (modifier '', meaning eliminated) and the
    # detail pane read 修饰语：清零, saying 清零 was the modifier. Every view writes the modifier as
    # modifier_text does — the word as written, or — where there is none, its meaning labelled as one.
    translations = Translations(app)
    translations.install(lang)
    try:
        window = MainWindow(report, Settings(settings), lang)
        qtbot.addWidget(window)
        figures = list(report.all_indicators())
        table = IndicatorTableModel()
        table.set_indicators(figures)
        table.set_language(lang)
        scope = resolve_scope(report, "all", lang)
        csv = {row["id"]: row for row in figure_rows(report, scope)}
        summary = build_summary_html(report, scope, generated=datetime.date(2026, 12, 3))
        row_label = "修饰语：" if lang is Language.ZH else "Modifier: "
        for row, figure in enumerate(figures):
            if not isinstance(figure, Indicator):
                continue
            text = modifier_text(figure.modifier, figure.modifier_meaning, lang)
            assert window.select_item(figure.id), figure.id
            assert row_label + text in window.detail_pane().shown_text().splitlines(), figure.id
            assert table.index(row, IndicatorTableModel.MODIFIER).data() == text, figure.id
            # The CSV keeps the word and the meaning's code in two columns.
            assert (csv[figure.id]["modifier"], csv[figure.id]["modifier_meaning"]) == (
                figure.modifier,
                figure.modifier_meaning.value,
            )
            if figure.modifier or figure.modifier_meaning is not ModifierMeaning.EXACT:
                assert f'<span class="mod">{html.escape(text)}</span>' in summary, figure.id
            if not figure.modifier and figure.modifier_meaning is not ModifierMeaning.EXACT:
                meaning = meaning_label(figure.modifier_meaning, lang)
                assert row_label + meaning not in window.detail_pane().shown_text(), figure.id
                assert f'<span class="mod">{html.escape(meaning)}</span>' not in summary, figure.id
                assert meaning not in window.tree().currentIndex().data(), figure.id  # name and value only
        assert window.select_item("ind-villages-below-200k")
        shown = window.detail_pane().shown_text().splitlines()
        expected = "修饰语：—（含义：清零）" if lang is Language.ZH else "Modifier: — (meaning: eliminated)"
        assert expected in shown
        window.close()
    finally:
        translations.remove()
        translations.deleteLater()
