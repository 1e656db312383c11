"""The window on real screen sizes: it fits, its panes share the width sensibly, they collapse.

Screens are given to Qt's offscreen platform through its configuration file, in a fresh process
per screen: 1920×1080, 1366×768, 1024×600, a 1920×1080 screen at 2× scale (960×540 logical, where
the old fixed 1400×880 window showed only the tree) and 1920×1080 logical at 2× device pixels.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMargins, QRect, QSize
from PySide6.QtWidgets import QSplitter
from pytestqt.qtbot import QtBot

from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.window_layout import fit_to_screens, initial_geometry, main_pane_sizes

FRAME = QMargins(4, 36, 4, 4)

_PROBE = r"""
import json, sys
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QDockWidget, QSplitter
from desktop_app.core.language import Language
from desktop_app.core.loader import load_report
from desktop_app.qt.app import create_application
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
app = create_application(sys.argv[:1])
window = MainWindow(load_report(), Settings(QSettings(sys.argv[1], QSettings.Format.IniFormat)), Language.ZH)
window.show()
for _ in range(5):
    app.processEvents()
mode = sys.argv[2] if len(sys.argv) > 2 else ""
if mode:  # the library beside the panes, and the term trends below them
    window.library_controller().open_library_now()
    window.action("actionShowLibrary").trigger()
    if mode == "trends":
        window.action("actionTermTrends").trigger()
    for _ in range(10):
        app.processEvents()
    if mode == "resize":  # then the reader makes the window smaller
        window.resize(1000, 560)
        for _ in range(10):
            app.processEvents()
def rect(w):
    g = w.geometry()
    top_left = w.mapToGlobal(g.topLeft() - g.topLeft())
    return [top_left.x(), top_left.y(), g.width(), g.height()]
splitter = window.findChild(QSplitter, "mainSplitter")
print(json.dumps({
    "screen": window.screen().availableGeometry().getRect(),
    "dpr": window.screen().devicePixelRatio(),
    "window": window.geometry().getRect(),
    "status_bar": rect(window.statusBar()),
    "panes": splitter.sizes(),
    "centre": window.findChild(QSplitter, "centreSplitter").sizes(),
    "docks": {d.objectName(): [d.width(), d.height()] for d in window.findChildren(QDockWidget)
              if d.isVisible()},
}))
window.close()
"""


def _open_on_screen(
    tmp_path: Path, width: int, height: int, dpr: float = 1.0, mode: str = ""
) -> dict[str, Any]:
    config = tmp_path / f"screen-{width}x{height}@{dpr}.json"
    screen = {"name": "s", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96, "dpr": dpr}
    config.write_text(json.dumps({"screens": [screen]}), encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("QT_")}
    env.update(QT_QPA_PLATFORM=f"offscreen:configfile={config}", HOME=str(tmp_path))
    result = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path / "settings.ini"), mode],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    shown: dict[str, Any] = json.loads(result.stdout.splitlines()[-1])
    return shown


def _inside(inner: list[int], outer: list[int]) -> bool:
    return QRect(*outer).contains(QRect(*inner))


@pytest.mark.parametrize(
    ("width", "height", "dpr"),
    [(1920, 1080, 1.0), (1366, 768, 1.0), (1024, 600, 1.0), (960, 540, 2.0), (1920, 1080, 2.0)],
)
def test_the_first_window_fits_the_screen(tmp_path: Path, width: int, height: int, dpr: float) -> None:
    # Before: 1400×880 whatever the screen; at 1366×768 the status bar was off-screen.
    shown = _open_on_screen(tmp_path, width, height, dpr)
    assert shown["dpr"] == dpr
    assert _inside(shown["window"], shown["screen"]), shown
    assert _inside(shown["status_bar"], shown["screen"]), shown
    tree, middle, source = shown["panes"]
    assert min(tree, source) >= 200 and middle >= 0.4 * sum(shown["panes"]), shown


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_library_beside_the_panes_leaves_each_usable(tmp_path: Path, width: int, height: int) -> None:
    # Before, at 1024×600: library 325 px, tree 263, middle 165 (16 % of the window), source 249.
    shown = _open_on_screen(tmp_path, width, height, mode="library")
    assert _inside(shown["window"], shown["screen"]) and _inside(shown["status_bar"], shown["screen"]), shown
    library_width = shown["docks"]["libraryDock"][0]
    tree, middle, source = shown["panes"]
    assert library_width >= 220 and tree >= 200 and source >= 170, shown
    assert middle >= 320 and middle >= 0.4 * sum(shown["panes"]) and middle == max(shown["panes"]), shown


def test_the_library_beside_the_panes_is_fitted_again_when_the_window_shrinks(tmp_path: Path) -> None:
    # Before: fitted only when the library opened; the library then kept 340 px in a window made
    # 1000 px wide, and the middle pane was squeezed to 40 % or less.
    shown = _open_on_screen(tmp_path, 1920, 1080, mode="resize")
    assert shown["window"][2] == 1000, shown
    library_width = shown["docks"]["libraryDock"][0]
    tree, middle, source = shown["panes"]
    assert library_width >= 220 and tree >= 180 and source >= 170, shown
    assert middle >= 320 and middle >= 0.4 * sum(shown["panes"]) and middle == max(shown["panes"]), shown


@pytest.mark.parametrize(("width", "height"), [(1366, 768), (1024, 600)])
def test_the_library_and_the_trends_fit_the_screen(tmp_path: Path, width: int, height: int) -> None:
    # Before, at 1024×600: the window grew to 641 px (status bar off the screen), the detail pane 68 px.
    shown = _open_on_screen(tmp_path, width, height, mode="trends")
    assert _inside(shown["window"], shown["screen"]) and _inside(shown["status_bar"], shown["screen"]), shown
    detail, charts = shown["centre"]
    assert detail >= 100 and charts >= 100, shown
    assert shown["docks"]["trendDock"][1] >= 150 and shown["panes"][1] >= 320, shown


def test_a_window_saved_on_a_large_screen_is_fitted_to_a_small_one(tmp_path: Path) -> None:
    large = _open_on_screen(tmp_path, 2560, 1440)
    assert large["window"][2] == 1400  # room enough for the preferred size
    small = _open_on_screen(tmp_path, 1024, 600)  # the same settings file, a smaller screen now
    assert _inside(small["window"], small["screen"]) and _inside(small["status_bar"], small["screen"])


def test_initial_and_restored_geometry_rules() -> None:
    laptop = QRect(0, 0, 1366, 740)
    first = initial_geometry(laptop, FRAME)
    assert laptop.contains(first.marginsAdded(FRAME)) and first.width() == 1358
    assert initial_geometry(QRect(0, 0, 2560, 1400), FRAME).size() == QSize(1400, 880)
    off_screen = QRect(3000, -500, 1400, 880)
    fitted = fit_to_screens(off_screen, [laptop], FRAME)
    assert laptop.contains(fitted.marginsAdded(FRAME))
    # On the second of two screens a window that fits stays where it was.
    right = QRect(1366, 0, 1920, 1080)
    placed = QRect(1500, 100, 1200, 800)
    assert fit_to_screens(placed, [laptop, right], FRAME) == placed
    for width in (900, 1024, 1366, 1920, 2560):
        sizes = main_pane_sizes(width)
        assert sum(sizes) == width and sizes[1] == max(sizes)


def test_panes_collapse_from_the_view_menu_and_reset_layout_restores_them(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.resize(1300, 800)
    with qtbot.waitExposed(window):
        window.show()
    splitter = window.findChild(QSplitter, "mainSplitter")
    assert splitter is not None
    tree_action, source_action = window.action("actionShowTree"), window.action("actionShowSourcePane")
    source_action.trigger()
    assert splitter.sizes()[2] == 0 and not source_action.isChecked()
    tree_action.trigger()
    assert splitter.sizes()[0] == 0 and splitter.sizes()[1] > 1000
    source_action.trigger()
    assert splitter.sizes()[2] > 200 and source_action.isChecked()
    # Dragging a pane shut is seen by the menu too.
    splitter.moveSplitter(splitter.width(), 2)
    assert splitter.sizes()[2] == 0 and not source_action.isChecked()
    window.action("actionResetLayout").trigger()
    sizes = splitter.sizes()
    assert min(sizes) > 200 and tree_action.isChecked() and source_action.isChecked()
    assert sizes[1] == max(sizes)
