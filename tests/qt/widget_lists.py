"""Qt's lists of widgets as tests read them: with no garbage collection while they are wrapped.

Turning ``QApplication.topLevelWidgets()`` into a Python list makes a wrapper for each widget; a
collection started by one of those allocations can destroy a widget the list has still to wrap
(desktop_app/qt/workers.py).
"""

from __future__ import annotations

from PySide6.QtWidgets import QApplication, QWidget

from desktop_app.qt.workers import collection_held


def top_level_widgets() -> list[QWidget]:
    with collection_held():
        return QApplication.topLevelWidgets()


def all_widgets() -> list[QWidget]:
    with collection_held():
        return QApplication.allWidgets()
