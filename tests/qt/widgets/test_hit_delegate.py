"""The search list's item line keeps both ends of a long label (elided in the middle).

Before: elided at the right, a library hit's place lost its paragraph number
(``2025年经济社会发展总体要求和政策…``) and a figure's label its field.
"""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.core.outline import report_outline
from desktop_app.core.resources import data_path
from desktop_app.qt.widgets.hit_delegate import item_line


def test_a_long_place_keeps_its_paragraph_number(app: QApplication) -> None:
    place = report_outline(load_report(data_path("national/2025.json"))).place("p0020", Language.ZH)
    assert place == "2025年经济社会发展总体要求和政策取向 · 第20段"
    metrics = QFontMetrics(QFont(app.font()))
    width = metrics.horizontalAdvance(place) * 2 // 3
    shown = item_line(place, metrics, width)
    assert "…" in shown and shown.startswith("2025年") and shown.endswith("第20段")
    assert metrics.horizontalAdvance(shown) <= width
    assert item_line(place, metrics, metrics.horizontalAdvance(place) + 4) == place
