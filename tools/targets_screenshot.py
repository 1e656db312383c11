"""Render the Targets & outcomes window offscreen to PNG (the README's picture, and for reviewing it).

Usage: ``QT_QPA_PLATFORM=offscreen python tools/targets_screenshot.py [OUT_DIR] [zh_CN|en] [list|grid]``.
Opens the view on the national collection of a fresh library (as on a first start), shows GDP growth
with the GDP growth chart, and writes ``targets-view.png`` at 1366×768 and
``targets-view-1024x600.png`` — the README's picture is the first (``docs/targets-view.png``). With
``grid``: every series in the grid layout (series × years), as ``targets-grid.png`` and
``targets-grid-1024x600.png``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.core.language import Language
from desktop_app.core.library import Library
from desktop_app.qt.app import Translations, create_application
from desktop_app.qt.targets import TargetsController

SIZES = {"targets-view.png": (1366, 768), "targets-view-1024x600.png": (1024, 600)}


def settle(app: QApplication, seconds: float = 0.5) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    QStandardPaths.setTestModeEnabled(True)
    app = create_application(sys.argv[:1])
    language = Language.from_tag(sys.argv[2] if len(sys.argv) > 2 else "zh_CN")
    Translations(app).install(language)
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        window = QWidget()
        controller = TargetsController(window, language, library_opener=lambda: Library.open(data_dir))
        view = controller.show("national")
        if not controller.wait(600):
            raise SystemExit("the national collection was not paired in 10 minutes")
        while not view.pairs():
            app.processEvents()
        grid = len(sys.argv) > 3 and sys.argv[3] == "grid"
        if grid:
            view.set_layout("grid")
        else:
            view.filter_series("gdp_growth")
        for name, (width, height) in SIZES.items():
            name = name.replace("-view", "-grid") if grid else name
            view.resize(width, height)
            settle(app)
            view.grab().save(str(out / name))
            print(out / name)
        view.close()
        window.deleteLater()
        settle(app, 0.1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
