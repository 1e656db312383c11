"""Python's cyclic garbage collection, in the GUI thread only.

The collector runs in whichever thread happens to allocate when a generation crosses its threshold.
When that is a worker thread (the library index builder, the targets pairing) and the garbage holds
Qt objects — a closed window's widgets in a reference cycle — they are destroyed outside the GUI
thread, and the process crashes. The test suite showed it: a segfault "Garbage-collecting" in the
targets worker while it read a report. As pyqtgraph's ``GarbageCollector`` does, automatic
collection is turned off and a timer in the GUI thread collects each generation that has crossed
its threshold.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QCoreApplication, QObject, QTimer

__all__ = ["INTERVAL_MS", "collect_in_gui_thread"]

INTERVAL_MS = 250
"""How often the GUI thread looks at the collector's counts (a look costs next to nothing)."""

_PROPERTY = "reportViewerGuiThreadGc"


class _Collector(QObject):
    """Collects in the GUI thread, generation by generation, as the automatic collector would."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._thresholds = gc.get_threshold()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):  # the oldest due generation, which collects the younger too
            if counts[generation] > self._thresholds[generation]:
                gc.collect(generation)
                return


def collect_in_gui_thread(app: QCoreApplication) -> None:
    """Turn automatic garbage collection off and collect from a timer of ``app``'s thread (once)."""
    if app.property(_PROPERTY):
        return
    _Collector(app)
    app.setProperty(_PROPERTY, True)
    gc.disable()
