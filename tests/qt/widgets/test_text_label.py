"""TextLabel: the height QLabel gives for a width, laid out once per width while nothing else changes.

Before: every ``heightForWidth()`` question laid the whole text out anew; the detail pane's overview
was asked 132 times for 24 answers before the window's first paint.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.widgets.text_label import TextLabel

TEXT = "临淄区第十九届人民代表大会第三次会议，2024-01-19。Presented by 蔡华刚 (临淄区人民政府区长)"
WIDTHS = (40, 121, 333, 800)


def _configured(label: QLabel, *, selectable: bool) -> QLabel:
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setText(TEXT)
    return label


def _bigger_font(label: QLabel) -> None:
    font = QFont(label.font())
    font.setPointSize(font.pointSize() + 6)
    label.setFont(font)


CHANGES: list[Callable[[QLabel], None]] = [
    lambda label: label.setText(TEXT * 3),
    _bigger_font,
    lambda label: label.setContentsMargins(20, 5, 30, 5),
    lambda label: label.setMargin(12),
    lambda label: label.setIndent(40),
    lambda label: label.setWordWrap(False),
    lambda label: label.setStyleSheet("QLabel { padding: 9px 25px; font-size: 22px; }"),
]


@pytest.mark.parametrize("selectable", [True, False])
def test_the_height_for_a_width_is_qlabels_also_after_a_change(app: QApplication, selectable: bool) -> None:
    ours = _configured(TextLabel(), selectable=selectable)
    plain = _configured(QLabel(), selectable=selectable)
    for change in [lambda _label: None, *CHANGES]:
        change(ours)
        change(plain)
        for label in (ours, plain):
            label.ensurePolished()
        for width in WIDTHS * 2:  # the second round answers from memory
            assert ours.heightForWidth(width) == plain.heightForWidth(width), (change, width)


def test_each_width_is_laid_out_once_until_the_text_changes(
    app: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: Counter[int] = Counter()
    laid_out_height = TextLabel._laid_out_height

    def counting(label: TextLabel, width: int) -> int:
        asked[width] += 1
        return laid_out_height(label, width)

    monkeypatch.setattr(TextLabel, "_laid_out_height", counting)
    label = _configured(TextLabel(), selectable=True)
    heights = [label.heightForWidth(width) for width in (300, 300, 90, 300, 90, 300)]
    assert asked == {300: 1, 90: 1}
    assert heights[2] > heights[0] > 0  # narrower, more lines
    label.setText(TEXT * 2)
    assert label.heightForWidth(300) > heights[0]
    assert asked == {300: 2, 90: 1}


def test_the_overview_lays_each_label_out_once_per_width_before_the_first_paint(
    window: MainWindow, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: Counter[tuple[int, int]] = Counter()
    laid_out_height = TextLabel._laid_out_height

    def counting(label: TextLabel, width: int) -> int:
        asked[(id(label), width)] += 1
        return laid_out_height(label, width)

    monkeypatch.setattr(TextLabel, "_laid_out_height", counting)
    with qtbot.waitSignal(window.first_painted, timeout=10_000):
        window.show()
    wrapped = [label for label in window.detail_pane().findChildren(QLabel) if label.wordWrap()]
    assert wrapped and all(isinstance(label, TextLabel) for label in wrapped)
    assert asked, "the overview's wrapped labels were never measured"
    assert max(asked.values()) == 1
