"""The figures table fits its pane's width on small screens, in both languages (issue 11, point 5).

Before, at 1366×768 in English a goal area's table was ~850 px wide in a ~570 px pane: Modifier,
Scope and Source were cut off and the reader scrolled sideways. The window is opened fitted to a
simulated screen (Qt's offscreen platform, as in tests/qt/test_window_layout.py), in a fresh process.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

_PROBE = r"""
import json, sys
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QFontMetrics
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.qt.app import Translations, create_application
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
from desktop_app.qt.widgets.detail_pane import DetailPane
app = create_application(sys.argv[:1])
lang = Language.from_tag(sys.argv[2])
translations = Translations(app)
translations.install(lang)
report = load_report()
window = MainWindow(report, Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)), lang)
window.show()
for _ in range(5):
    app.processEvents()
shown = {}
for number in (1, 8):
    assert window.select_item(report.goal_areas[number - 1].id)
    for _ in range(10):
        app.processEvents()
    table = window.findChild(DetailPane).table()
    header = table.horizontalHeader()
    metrics = QFontMetrics(header.font())
    columns = []
    for column in range(header.count()):
        text = table.model().headerData(column, Qt.Orientation.Horizontal)
        columns.append([text, header.sectionSize(column), metrics.horizontalAdvance(text)])
    shown[number] = {
        "visible": table.isVisible(),
        "scroll": table.horizontalScrollBar().maximum(),
        "viewport": table.viewport().width(),
        "columns": columns,
    }
print(json.dumps(shown))
window.close()
"""


def _goal_tables(tmp_path: Path, width: int, height: int, lang: str) -> dict[str, Any]:
    config = tmp_path / f"screen-{width}x{height}.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": 1.0}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "settings.ini"), lang],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return shown


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_goal_area_figures_fit_the_pane_without_scrolling_sideways(
    tmp_path: Path, width: int, height: int, lang: str
) -> None:
    # Before (en, 1366×768): columns 854 px wide in a 571 px viewport, a horizontal scroll bar.
    shown = _goal_tables(tmp_path, width, height, lang)
    for goal, table in shown.items():
        assert table["visible"], (goal, table)
        assert table["scroll"] == 0, (goal, table)
        assert sum(size for _, size, _ in table["columns"]) <= table["viewport"], (goal, table)
        for text, size, needed in table["columns"]:
            assert size >= needed, (goal, text, size, needed)
