"""Issue 10: the Chinese interface shows no English enum words (``drop 6, join 5``, ``(high)``).

Every node of the tree is selected in a Chinese window; the tree's labels and tooltips, the detail
pane, its figures table and the search results are read for any code of the model's enums
(``achieved``, ``upper_bound``, ``editorial``, ``high`` …) standing as a word of its own.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from desktop_app.core import model as core_model
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.search.types import NodeKind
from desktop_app.qt.app import Translations
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.models.roles import NODE_PATH_ROLE
from desktop_app.qt.settings import Settings

CODES = sorted(
    {
        member.value
        for kind in vars(core_model).values()
        if isinstance(kind, type)
        and issubclass(kind, enum.StrEnum)
        and kind.__module__ == core_model.__name__
        for member in kind
    }
    | {member.value for member in NodeKind}
)
# A code standing alone, not inside a longer Latin word or identifier (p07, ind-…, GDP).
CODE = re.compile(r"(?<![A-Za-z0-9_\-])(" + "|".join(map(re.escape, CODES)) + r")(?![A-Za-z0-9_\-])")


@pytest.fixture
def chinese_window(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings
) -> Iterator[MainWindow]:
    translations = Translations(app)
    translations.install(Language.ZH)
    window = MainWindow(report, Settings(settings), Language.ZH)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    yield window
    translations.remove()
    translations.deleteLater()


def _indexes(window: MainWindow) -> list[QModelIndex]:
    proxy = window.tree_proxy()
    found, pending = [], [proxy.index(row, 0) for row in range(proxy.rowCount())]
    while pending:
        index = pending.pop()
        found.append(index)
        pending.extend(proxy.index(row, 0, index) for row in range(proxy.rowCount(index)))
    return found


def _codes(texts: list[str]) -> list[str]:
    return [f"{match.group(0)!r} in {text[:120]!r}" for text in texts if (match := CODE.search(text))]


def test_the_chinese_window_shows_no_english_enum_words(chinese_window: MainWindow, report: Report) -> None:
    window = chinese_window
    assert {"achieved", "upper_bound", "editorial", "high", "drop", "join", "indicator"} <= set(CODES)
    texts: list[str] = []
    indexes = _indexes(window)
    assert len(indexes) > 60
    for index in indexes:
        texts += [index.data(), index.data(Qt.ItemDataRole.ToolTipRole) or ""]
        path = index.data(NODE_PATH_ROLE)
        assert window.select_path(path), path
        texts += [label.text() for label in window.detail_pane().findChildren(QLabel) if label.isVisible()]
        table = window.detail_pane().table_model()
        texts += [
            str(table.index(row, column).data() or "")
            for row in range(table.rowCount())
            for column in range(table.columnCount())
        ]
        texts += [
            str(table.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(table.columnCount())
        ]
    window.detail_pane().show_source_info()
    texts += [label.text() for label in window.detail_pane().findChildren(QLabel) if label.isVisible()]
    panel = window.search_panel()
    for query in ("民生", "2504", "预计"):
        panel.field().setText(query)
        panel.run_search()
        results = panel.results_model()
        assert results.rowCount(), query
        texts += [str(results.index(row, 0).data() or "") for row in range(results.rowCount())]
    assert _codes(texts) == []
