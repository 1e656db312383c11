"""Workers never run Python's cyclic garbage collector: the GUI thread does (desktop_app.qt.workers)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.qt.workers import hold_collection, start_worker


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
