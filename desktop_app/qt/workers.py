"""Python work on threads other than the GUI thread, without Qt objects destroyed on them.

Python's cyclic garbage collector runs in whichever thread allocates when a threshold is crossed.
Run on a worker, it destroys the unreachable Qt objects waiting for it — a closed window, the
option menus pyqtgraph makes without a parent — off the GUI thread, where ``QWidget``'s destructor
races the GUI thread over Qt's list of widgets. The test suite crashed walking that list under load
(``QApplication.topLevelWidgets()``, ``setStyleSheet``) and once while collecting on the targets
worker; a collection of 10,042 objects was seen on the index builder's thread.

So automatic collection is off while any worker runs (:func:`hold_collection` in the GUI thread
before the worker starts) and the GUI thread turns it on again once the last worker has said it is
done: a worker never collects, and nothing it leaves behind is collected anywhere but the GUI thread.

The GUI thread itself must not collect while Qt walks a copy of its widget list and calls back into
Python for each widget (``QApplication.setWindowIcon``/``setFont``/``setStyleSheet`` send every widget
an event that a Python override handles; turning ``topLevelWidgets()`` into a list makes a wrapper
for each): a collection started by an allocation there destroys a parentless widget left in a
reference cycle, and the walk reaches it later through its copy — a segfault (seen in CI in the app
fixture's ``setStyleSheet``). :func:`collection_held` keeps collection off for such a walk.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

__all__ = ["collection_held", "hold_collection", "start_worker"]


class _CollectionHold(QObject):
    """Counts the workers running; automatic collection is off while there are any.

    Lives in the GUI thread for the application's lifetime, so a worker can always tell it it is
    done, whatever became of the object that started the worker.

    Signals:
        worker_done(): a worker has finished (emitted from any thread; handled in the GUI thread).
    """

    worker_done = Signal()

    def __init__(self, parent: QObject | None) -> None:
        super().__init__(parent)
        self._running = 0
        self._was_enabled = True
        # Queued: a worker's "done" is handled in the GUI thread, never on the worker.
        self.worker_done.connect(self._on_worker_done, Qt.ConnectionType.QueuedConnection)

    def hold(self) -> None:
        if self._running == 0:
            self._was_enabled = gc.isenabled()
            gc.disable()
        self._running += 1

    def release_from_any_thread(self) -> None:
        self.worker_done.emit()

    @Slot()
    def _on_worker_done(self) -> None:
        self.release()

    def release(self) -> None:
        """One holder is done (in the GUI thread); the last one turns collection on again."""
        self._running -= 1
        if self._running == 0 and self._was_enabled:
            # The youngest generation's count grew while collection was off; collect it here so that
            # the first allocation a finishing worker makes does not start a collection there.
            gc.collect(0)
            gc.enable()


_hold: _CollectionHold | None = None
_TOLD_WHEN_FINISHED = "reportViewerToldWhenFinished"


def _the_hold() -> _CollectionHold:
    global _hold
    if _hold is None:
        _hold = _CollectionHold(QCoreApplication.instance())
    return _hold


def hold_collection() -> Callable[[], None]:
    """Turn automatic garbage collection off until the returned function has been called.

    Call it in the GUI thread just before a worker starts; the worker calls the returned function,
    once, as the last thing it does (from its own thread: the GUI thread turns collection back on
    when it handles it, and only when no other worker still holds it off).
    """
    hold = _the_hold()
    hold.hold()
    return hold.release_from_any_thread


def start_worker(thread: QThread, priority: QThread.Priority = QThread.Priority.InheritPriority) -> None:
    """Start ``thread`` with automatic garbage collection off until it has finished."""
    hold = _the_hold()
    if not thread.property(_TOLD_WHEN_FINISHED):
        # Signal to signal: nothing of Python runs on the worker to say it has finished. A thread
        # finishes once per start, so one connection pairs every start with its finish.
        thread.finished.connect(hold.worker_done)
        thread.setProperty(_TOLD_WHEN_FINISHED, True)
    hold.hold()
    thread.start(priority)


@contextmanager
def collection_held() -> Iterator[None]:
    """No automatic garbage collection in the block: for a walk of Qt's widgets in the GUI thread.

    Nests with itself and with running workers; collection is on again after the last holder.
    """
    hold = _the_hold()
    hold.hold()
    try:
        yield
    finally:
        hold.release()
