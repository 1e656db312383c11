"""Garbage with Qt objects in it is collected in the GUI thread, never in a worker thread."""

from __future__ import annotations

import gc
import threading

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop_app.qt.app import create_application

finalized_in: list[int] = []


class _Cycle:
    """A reference cycle that says which thread finalized it."""

    def __init__(self) -> None:
        self.me = self

    def __del__(self) -> None:
        finalized_in.append(threading.get_ident())


def _allocate_a_lot() -> None:
    # Far past every generation's threshold: the automatic collector would run here, in this thread.
    keep = [[index] for index in range(200_000)]
    del keep


def test_a_worker_thread_allocating_never_collects_the_gui_threads_garbage(
    qapp: QApplication, qtbot: QtBot
) -> None:
    # Before: the collector ran in the worker (a segfault when the garbage held a closed window's widgets).
    create_application()
    assert not gc.isenabled()
    finalized_in.clear()
    _Cycle()
    worker = threading.Thread(target=_allocate_a_lot)
    worker.start()
    worker.join()
    assert finalized_in == []  # still there: nothing collected in the worker
    qtbot.waitUntil(lambda: finalized_in != [], timeout=5_000)
    assert finalized_in == [threading.get_ident()]
