"""A chart's export button shows its whole text, with the menu's arrow beside it and never over it.

Auditors: in the Targets & outcomes view the arrow of 导出图表's menu was drawn over 表 (a tool button
whose menu opens on a click draws its arrow in its bottom-right corner, over centred text that it
leaves no room for); the goal-area charts' 导出… / Export… had it over the ellipsis. Checked on the real
buttons as the app draws them (its style sheet, the Chinese or English catalogue, the real font).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionToolButton, QToolButton
from pytestqt.qtbot import QtBot

from desktop_app.core.charting import chart_groups
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.targets import Pair
from desktop_app.qt import charts
from desktop_app.qt.app import Translations
from desktop_app.qt.targets import TargetsView
from tests.qt.targets.conftest import gold_pairs


@pytest.fixture(params=[Language.ZH, Language.EN], ids=["zh", "en"])
def lang(request: pytest.FixtureRequest, app: QApplication) -> Iterator[Language]:
    translations = Translations(app)
    translations.install(request.param)
    yield request.param
    translations.remove()
    translations.deleteLater()


@pytest.fixture(scope="module")
def pairs() -> list[Pair]:
    return gold_pairs()


def _columns(image: QImage, blank: QImage) -> list[int]:
    """The columns where ``image`` has ink that ``blank`` (the same button, bare) does not."""
    return [
        x
        for x in range(image.width())
        if any(image.pixel(x, y) != blank.pixel(x, y) for y in range(image.height()))
    ]


def _grab(button: QToolButton, text: str, *, menu: bool) -> QImage:
    kept = button.menu()
    button.setText(text)
    if not menu:
        button.setMenu(None)  # type: ignore[arg-type]
    image = button.grab().toImage()
    button.setMenu(kept)
    return image


def _assert_text_and_arrow_apart(button: QToolButton, text: str) -> None:
    assert button.text() == text and button.menu() is not None and button.isVisible()
    # Real font metrics: room for the whole text and the menu's arrow beside it.
    option = QStyleOptionToolButton()
    button.initStyleOption(option)
    arrow = button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator, option, button)
    assert button.width() >= button.fontMetrics().horizontalAdvance(text) + arrow, text
    # And as drawn: the text's ink and the arrow's ink, each found against the bare button, apart.
    button.setFixedSize(button.size())
    try:
        bare = _grab(button, "", menu=False)
        text_ink = _columns(_grab(button, text, menu=False), bare)
        arrow_ink = _columns(_grab(button, "", menu=True), bare)
    finally:
        button.setText(text)
        button.setMinimumSize(0, 0)
        button.setMaximumSize(16777215, 16777215)
    assert text_ink and arrow_ink, text
    assert min(text_ink) > 0 and max(arrow_ink) < button.width() - 1, text  # nothing cut at the edges
    # At least three clear columns between them (the old buttons had none or one: 表 touched it).
    assert max(text_ink) + 4 <= min(arrow_ink), (text, max(text_ink), min(arrow_ink))


def test_the_targets_views_export_button_shows_its_whole_text(
    lang: Language, qtbot: QtBot, pairs: list[Pair]
) -> None:
    view = TargetsView(lang=lang)
    qtbot.addWidget(view)
    view.resize(1024, 600)
    view.set_pairs(pairs)
    view.filter_series("gdp_growth")
    view.show()
    qtbot.waitExposed(view)
    button = view.findChild(QToolButton, "seriesChartExport")
    assert button is not None and button.isEnabled()
    _assert_text_and_arrow_apart(button, "导出图表" if lang is Language.ZH else "Export chart")


def test_a_charts_export_button_shows_its_whole_text(lang: Language, qtbot: QtBot, report: Report) -> None:
    panel = charts.ChartPanel()
    qtbot.addWidget(panel)
    panel.set_language(lang)
    panel.resize(600, 700)
    panel.show()
    qtbot.waitExposed(panel)
    panel.show_groups("g1", chart_groups(report.indicators_for_goal("g1-growth")))
    QApplication.processEvents()
    button = panel.charts()[0].export_button
    assert button is not None
    _assert_text_and_arrow_apart(button, "导出…" if lang is Language.ZH else "Export…")
