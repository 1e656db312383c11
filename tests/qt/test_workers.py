"""Workers never run Python's cyclic garbage collector: the GUI thread does (desktop_app.qt.workers)."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.qt.workers import collection_held, hold_collection, start_worker


class _Cycle:
    def __init__(self) -> None:
        self.me = self


def _allocate_far_past_every_threshold() -> None:
    threshold = max(gc.get_threshold())
    keep = []
    for _ in range(50 * threshold):
        keep.append(_Cycle())
    del keep


@pytest.fixture
def collections_by_thread() -> Iterator[list[str]]:
    """The name of the thread of every cyclic collection while the test runs."""
    seen: list[str] = []

    def record(phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            seen.append(threading.current_thread().name)

    gc.callbacks.append(record)
    yield seen
    gc.callbacks.remove(record)


class _Allocating(QThread):
    def run(self) -> None:
        _allocate_far_past_every_threshold()


def test_a_qthread_worker_never_collects(
    qapp: QApplication, qtbot: QtBot, collections_by_thread: list[str]
) -> None:
    assert gc.isenabled()
    worker = _Allocating()
    worker.setObjectName("allocating")
    start_worker(worker)
    assert not gc.isenabled()  # off from the start: the worker may run at once
    assert worker.wait(30_000)
    qtbot.waitUntil(gc.isenabled)  # turned on again by the GUI thread once the worker has finished
    main = threading.main_thread().name
    assert set(collections_by_thread) <= {main}
    _allocate_far_past_every_threshold()  # collection works again, here
    assert main in collections_by_thread


def test_a_python_thread_worker_never_collects(
    qapp: QApplication, qtbot: QtBot, collections_by_thread: list[str]
) -> None:
    release = hold_collection()

    def work() -> None:
        try:
            _allocate_far_past_every_threshold()
        finally:
            release()

    thread = threading.Thread(target=work, name="allocating")
    thread.start()
    thread.join(30)
    qtbot.waitUntil(gc.isenabled)
    assert "allocating" not in collections_by_thread


def test_collection_stays_off_until_the_last_worker_is_done(qapp: QApplication, qtbot: QtBot) -> None:
    first, second = hold_collection(), hold_collection()
    first()
    qtbot.wait(50)
    assert not gc.isenabled()
    second()
    qtbot.waitUntil(gc.isenabled)


def test_collection_turned_off_by_someone_else_stays_off(qapp: QApplication, qtbot: QtBot) -> None:
    gc.disable()
    try:
        release = hold_collection()
        release()
        qtbot.wait(50)
        assert not gc.isenabled()
    finally:
        gc.enable()


_WALK_OVER_GARBAGE = r"""
import gc
import sys

from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.qt.app import create_application

app = create_application(["walk"])


class CollectingWhenDue(QLabel):
    # Any Python event handler allocates; an automatic collection starts there when one is due.
    def event(self, event):
        if gc.isenabled():
            gc.collect()
        return super().event(event)


class Holder:
    pass


labels = [CollectingWhenDue("label") for _ in range(3)]
gc.set_threshold(10**9)  # no collection but the handlers'
for _ in range(10):
    for _ in range(50):  # parentless widgets left in reference cycles, as closed windows are
        holder = Holder()
        holder.widget = QWidget()
        holder.me = holder
    create_application(["walk"])  # the icon, font and style sheet walk every widget
print("walked")
"""


def test_no_collection_while_qt_walks_every_widget(tmp_path: Path) -> None:
    """CI segfaulted in create_application's setStyleSheet: a collection started in a Python event
    handler during the walk freed widgets the walk had still to reach (fails on the old code)."""
    done = subprocess.run(
        [sys.executable, "-c", _WALK_OVER_GARBAGE],
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path)},
    )
    assert done.returncode == 0 and done.stdout.strip() == "walked", (done.returncode, done.stderr[-2000:])


def test_collection_held_nests_and_restores(qapp: QApplication) -> None:
    assert gc.isenabled()
    with collection_held():
        assert not gc.isenabled()
        with collection_held():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()  # someone else's choice is kept
    try:
        with collection_held():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
