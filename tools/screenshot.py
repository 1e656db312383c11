"""Render the real main window offscreen to PNG files (for the README and for reviewing UI work).

Usage: ``QT_QPA_PLATFORM=offscreen python tools/screenshot.py [OUT_DIR]``. Writes
``window.png`` (overview), ``goal.png`` (a goal area with its charts) and
``indicator.png`` (a figure shown in the source).
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QApplication

from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.qt.app import Translations, create_application
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings


def settle(app: QApplication, rounds: int = 5) -> None:
    for _ in range(rounds):
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)
    app = create_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat)
        language = Language.from_tag(sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
        Translations(app).install(language)
        window = MainWindow(load_report(), Settings(settings), language)
        window.resize(1440, 900)
        window.show()
        settle(app)
        window.ensure_charts()
        settle(app)
        shots = {
            "window.png": ("overview", None),
            "goal.png": ("goal/g1-growth", None),
            "indicator.png": ("goal/g2-momentum/ind-new-economy-value-added", "actionShowInSource"),
        }
        for name, (path, action) in shots.items():
            window.select_path(path)
            if action:
                window.action(action).trigger()
            settle(app)
            window.grab().save(str(out / name))
            print(out / name)
        window.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
