"""Starting the application and its handling of unexpected errors, as a user meets them."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, qWarning
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from desktop_app.qt import logging_setup, platform_check
from desktop_app.qt.app import install_error_handler
from tests.hostile_files import released_after
from tests.qt.widget_lists import top_level_widgets

ROOT = Path(__file__).resolve().parents[2]


def _environment(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "XDG_"))}
    env.update(
        HOME=str(tmp_path),
        XDG_DATA_HOME=str(tmp_path / "data"),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        QT_QPA_PLATFORM="offscreen",
        REPORT_VIEWER_STARTUP_PROBE="1",
    )
    return env


def test_the_window_starts_paints_its_charts_and_logs(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop_app"],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    keys = [line.split()[0] for line in result.stdout.splitlines()]
    assert keys[:3] == ["painted", "painted_cpu", "charts"]
    assert "Traceback" not in result.stderr
    logs = list((tmp_path / "data").rglob(logging_setup.LOG_FILE_NAME))
    assert len(logs) == 1 and "logs" in logs[0].parts


NOT_BEFORE_FIRST_PAINT = (
    # Each is imported when first used; the first paint must not wait for it.
    "pyqtgraph",  # the charts come right after the first paint
    "desktop_app.qt.charts",
    "desktop_app.qt.printing",  # File › Print…
    "desktop_app.core.charting",  # the charts' figure groups, made when the charts are built
    "desktop_app.core.scope",
    "desktop_app.core.summary",
    "desktop_app.qt.review.window",  # File › Review figures…
    "desktop_app.qt.review.import_dialog",  # File › Import report…
    "desktop_app.core.review",
    "desktop_app.core.importer",
    "desktop_app.core.library",  # the library pane and library search
    "desktop_app.core.search.index",  # the first search
    "desktop_app.core.targets",  # View › Targets & Outcomes…
    "desktop_app.qt.targets",
    "desktop_app.cli.import_cmd",  # the command parsers: `report-viewer` alone builds none
    "desktop_app.cli.library_cmd",
    "desktop_app.cli.targets_cmd",
    "difflib",  # a mistyped command
    "ctypes",  # the X11 libraries check, only where X11 is used (not offscreen)
    "logging.handlers",  # with pickle and queue: the log file rotates without them
    "jsonschema_rs",  # the bundled report, checked by the tests, is not checked again at start-up
    "desktop_app.core.dataset_scalars",
)
# Qt classes whose Python type the first paint must not wait for: PySide makes a type when a module
# first names it, and QStyle's costs 44 million instructions (painting a search hit needs it).
QT_TYPES_NOT_BEFORE_FIRST_PAINT = ("QStyle", "QStyleOptionViewItem")


def test_the_first_paint_waits_for_no_module_it_does_not_need(tmp_path: Path) -> None:
    """`report-viewer` alone, in a subprocess: what is loaded when the window first paints."""
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop_app.qt import app\n"
        "def painted(probe):\n"
        f"    print(sorted(m for m in sys.modules if m.startswith({NOT_BEFORE_FIRST_PAINT!r})))\n"
        "    from PySide6 import QtWidgets\n"
        f"    print(sorted(t for t in {QT_TYPES_NOT_BEFORE_FIRST_PAINT!r} if t in vars(QtWidgets)))\n"
        "    QApplication.quit()\n"
        "app.StartupProbe._on_window_first_painted = painted\n"
        "from desktop_app.cli import main\n"
        "sys.exit(main([]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-2:] == ["[]", "[]"]


def test_the_garbage_collector_runs_again_when_the_window_paints(tmp_path: Path) -> None:
    # The command line turns the cyclic collector off while it imports the window's modules, then
    # freezes what they made (later collections skip it) and turns it on again: never left off.
    code = (
        "import gc, sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "from desktop_app.qt import app\n"
        "def painted(probe):\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
        "    QApplication.quit()\n"
        "app.StartupProbe._on_window_first_painted = painted\n"
        "from desktop_app.cli import main\n"
        "sys.exit(main([]))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=_environment(tmp_path),
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "True True"


def test_the_window_module_imports_without_unix_only_modules() -> None:
    # Windows has no `resource` module; the window must still import (the README supports Windows).
    code = "import sys; sys.modules['resource'] = None; import desktop_app.qt.app; print('ok')"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.stdout.strip() == "ok", result.stderr


@pytest.fixture
def log_folder(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "logs"
    logging_setup.configure_logging(folder)
    yield folder
    logging_setup.reset_logging()


@pytest.mark.qt_log_level_fail("CRITICAL")  # the test's own qWarning is the point
def test_logging_is_configured_once_and_takes_qt_messages(log_folder: Path) -> None:
    log_file = log_folder / "report-viewer.log"
    assert logging_setup.configure_logging(log_folder.parent / "elsewhere") == log_file
    logging.getLogger("desktop_app.test").info("from the app")
    qWarning("from Qt itself")
    text = (log_folder / "report-viewer.log").read_text(encoding="utf-8")
    assert "INFO desktop_app.test: from the app" in text
    assert "WARNING qt: from Qt itself" in text
    # Once: a second call added no second handler (every line would be written twice).
    assert len(logging.getLogger("desktop_app").handlers) == len(logging.getLogger("qt").handlers) == 1


def test_the_log_file_rotates_in_the_log_folder(log_folder: Path) -> None:
    # A log that grows for ever fills the disk of a window left open for months: the file is
    # rotated at 1 MB and three earlier files are kept.
    logger = logging.getLogger("desktop_app.test")
    line = "x" * 1000
    for _ in range(4500):
        logger.info(line)
    names = sorted(path.name for path in log_folder.iterdir())
    assert names == ["report-viewer.log", *(f"report-viewer.log.{n}" for n in (1, 2, 3))]
    assert all(path.stat().st_size <= 1_000_000 for path in log_folder.iterdir())


def test_the_log_file_is_moved_aside_when_full_keeping_three(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(logging_setup, "_MAX_BYTES", 1000)
    folder = tmp_path / "logs"
    log_file = logging_setup.configure_logging(folder)
    try:
        log = logging.getLogger("desktop_app.test")
        for number in range(100):  # about 60 characters a line: 6,000 characters in all
            log.info("record %03d %s", number, "x" * 12)
    finally:
        logging_setup.reset_logging()
    assert log_file == folder / "report-viewer.log"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["report-viewer.log", "report-viewer.log.1", "report-viewer.log.2", "report-viewer.log.3"]
    sizes = [(folder / name).stat().st_size for name in names]
    assert all(0 < size < 1000 for size in sizes)
    newest = (folder / "report-viewer.log").read_text(encoding="utf-8").splitlines()
    assert newest[-1].endswith("record 099 xxxxxxxxxxxx")
    before = (folder / "report-viewer.log.1").read_text(encoding="utf-8").splitlines()
    assert int(before[-1].split()[-2]) + 1 == int(newest[0].split()[-2])  # no record lost in between


@pytest.mark.qt_no_exception_capture
@pytest.mark.qt_log_level_fail("CRITICAL")
def test_an_error_in_a_slot_is_logged_and_shown(
    log_folder: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_handler()

    def broken() -> None:
        raise ZeroDivisionError("the slot divided by zero")

    button = QPushButton("Go")
    qtbot.addWidget(button)
    button.clicked.connect(broken)
    button.show()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    def error_box() -> QMessageBox:
        boxes = [w for w in top_level_widgets() if w.objectName() == "errorBox" and w.isVisible()]
        assert len(boxes) == 1
        box = boxes[0]
        assert isinstance(box, QMessageBox)
        return box

    qtbot.waitUntil(lambda: error_box() is not None)
    box = error_box()
    assert not box.isModal()  # the window stays usable
    assert "the slot divided by zero" in box.text()
    assert str(log_folder / "report-viewer.log") in box.informativeText()
    assert "ZeroDivisionError" in box.detailedText()
    logged = (log_folder / "report-viewer.log").read_text(encoding="utf-8")
    assert "ERROR desktop_app.qt.app: unexpected error" in logged and "in broken" in logged
    assert "ZeroDivisionError" in capsys.readouterr().err
    box.close()
    qtbot.waitUntil(lambda: not any(w.objectName() == "errorBox" for w in top_level_widgets()))


def test_missing_x11_libraries_are_named_with_the_install_line(tmp_path: Path) -> None:
    # Before: Qt aborted with a core dump naming xcb-cursor0. The libraries are made unloadable here
    # the way a minimal system lacks them; Qt must never be started.
    code = (
        "import ctypes, sys\n"
        "real = ctypes.CDLL\n"
        "def fake(name, *a, **k):\n"
        "    if name in ('libxcb-icccm.so.4', 'libxcb-keysyms.so.1'):\n"
        "        raise OSError(name + ': cannot open shared object file')\n"
        "    return real(name, *a, **k)\n"
        "ctypes.CDLL = fake\n"
        "from desktop_app.cli import main\n"
        "status = main([])\n"
        "print('qt started' if 'PySide6.QtWidgets' in sys.modules and __import__('PySide6.QtWidgets')"
        ".QtWidgets.QApplication.instance() else 'no qt app')\n"
        "sys.exit(status)\n"
    )
    env = _environment(tmp_path)
    env.update(QT_QPA_PLATFORM="xcb", DISPLAY=":12345")
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert result.returncode == 1, result.stderr
    assert "no qt app" in result.stdout
    assert "missing: libxcb-icccm.so.4, libxcb-keysyms.so.1" in result.stderr
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in result.stderr
    assert "validate, info, search and export" in result.stderr


def test_which_platforms_load_the_x11_plugin() -> None:
    assert platform_check.uses_xcb({"DISPLAY": ":0"}, "linux")
    assert not platform_check.uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert platform_check.uses_xcb({"QT_QPA_PLATFORM": "xcb"}, "linux")
    assert not platform_check.uses_xcb({"QT_QPA_PLATFORM": "offscreen", "DISPLAY": ":0"}, "linux")
    assert not platform_check.uses_xcb({"DISPLAY": ":0"}, "win32")
    every = platform_check.missing_xcb_libraries(lambda soname: False)
    assert every == list(platform_check.XCB_LIBRARIES)
    assert platform_check.xcb_problem({"DISPLAY": ":0"}, lambda soname: True) is None


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are a POSIX thing")
def test_a_named_pipe_as_the_log_file_does_not_stop_the_window_starting(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # Before: opening the pipe to append blocked until something read it: the window never appeared.
    fifo = tmp_path / "logs" / "report-viewer.log"
    fifo.parent.mkdir()
    os.mkfifo(fifo)
    try:
        with released_after(fifo) as released:
            assert logging_setup.configure_logging(fifo.parent) is None  # standard error only
        assert not released.is_set()
        assert f"cannot write the log in {fifo.parent}: [Errno 22] not a regular file" in caplog.text
    finally:
        logging_setup.reset_logging()
