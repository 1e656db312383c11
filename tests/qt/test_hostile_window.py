"""Hostile datasets in the window (issue 13.5, 13.6): never a freeze, never "Unexpected error".

The loader's own tests pin each refusal; these drive the window's ways in — File › Open Recent and
the start-up path — where a named pipe froze the window (Ctrl+Q ignored) and a symbolic-link loop,
deep nesting, a huge integer or a lone surrogate escaped as an exception nobody caught.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox
from pytestqt.qtbot import QtBot

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.settings import Settings
from tests.conftest import DatasetWriter
from tests.hostile_files import released_after

ROOT = Path(__file__).resolve().parents[2]
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")


def _nested(doc: dict[str, Any]) -> None:
    value: Any = "x"
    for _ in range(300):  # jsonschema-rs: "Recursion limit reached" from 255 levels on
        value = [value]
    doc["metadata"]["ambiguities"][0]["text"] = value


def _huge_integer(doc: dict[str, Any]) -> None:
    doc["indicators"][0]["value"] = 10**400  # OverflowError times a float factor


def _surrogate_id(doc: dict[str, Any]) -> None:
    doc["quotes"][0]["id"] = "q-\ud800"  # UnicodeEncodeError in the schema checker


HOSTILE_DOCUMENTS: dict[str, tuple[Callable[[dict[str, Any]], None], str]] = {
    "nesting": (_nested, "nested more than 64 levels deep"),
    "huge-integer": (_huge_integer, "$.indicators[0].value: integer 100000000000…(401 digits) is too large"),
    "surrogate": (_surrogate_id, "$.quotes[0].id: the text contains a lone surrogate"),
}


def _hostile_file(kind: str, write_dataset: DatasetWriter, bundled: dict[str, Any]) -> tuple[Path, str]:
    """A dataset file of the given hostile kind and the words its refusal must contain."""
    if kind == "fifo":
        path = write_dataset({})
        path.unlink()
        os.mkfifo(path)
        return path, "expected a regular file, found a named pipe"
    if kind == "loop":
        path = write_dataset({})
        path.unlink()
        path.symlink_to(path)
        return path, "symbolic link loop"
    change, expected = HOSTILE_DOCUMENTS[kind]
    doc = copy.deepcopy(bundled)
    change(doc)
    path = write_dataset({})
    path.write_text(json.dumps(doc), encoding="utf-8")  # ASCII: a surrogate as a \\u escape
    return path, expected


def _window_remembering(
    app: QApplication, qtbot: QtBot, report: Report, settings: QSettings, path: Path
) -> MainWindow:
    settings.setValue("files/recent", [str(path)])
    window = MainWindow(report, Settings(settings), Language.EN)
    qtbot.addWidget(window)
    return window


@pytest.mark.parametrize("kind", [pytest.param("fifo", marks=needs_fifo), "loop", *HOSTILE_DOCUMENTS])
def test_open_recent_refuses_a_hostile_file_and_keeps_the_report(
    app: QApplication,
    qtbot: QtBot,
    report: Report,
    settings: QSettings,
    write_dataset: DatasetWriter,
    bundled_json: dict[str, Any],
    kind: str,
) -> None:
    # Before: a named pipe froze the window for good; the others raised RuntimeError, ValueError,
    # OverflowError or UnicodeEncodeError out of the loader ("Unexpected error").
    path, expected = _hostile_file(kind, write_dataset, bundled_json)
    window = _window_remembering(app, qtbot, report, settings, path)
    menu = window.findChild(QMenu, "menuRecent")
    assert menu is not None and [a.data() for a in menu.actions()] == [str(path)]
    with released_after(path if kind == "fifo" else path.parent) as released:
        menu.actions()[0].trigger()
    assert not released.is_set()
    assert window.report is report
    box = window.findChild(QMessageBox, "loadErrorBox")
    assert box is not None and box.isVisible()
    assert str(path) in box.detailedText() and expected in box.detailedText()
    assert "Could not open" in window.statusBar().currentMessage()
    box.close()


@pytest.mark.parametrize("kind", [pytest.param("fifo", marks=needs_fifo), "loop", "nesting"])
def test_the_window_starts_on_the_bundled_report_when_the_file_is_hostile(
    tmp_path: Path, write_dataset: DatasetWriter, bundled_json: dict[str, Any], kind: str
) -> None:
    # Before: "Unexpected error" and the process ended without showing the window (a named pipe:
    # it never started). Now the window paints over the bundled report and shows the problem.
    path, _ = _hostile_file(kind, write_dataset, bundled_json)
    home = tmp_path / "home"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
        REPORT_VIEWER_STARTUP_PROBE="1",
    )
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app", "open", str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert [line.split()[0] for line in result.stdout.splitlines()][:1] == ["painted"]
    assert "Traceback" not in result.stderr and "Unexpected" not in result.stderr
