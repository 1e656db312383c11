"""File › Open Recent: the datasets opened last, as the settings remember them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from desktop_app.qt.settings import Settings

__all__ = ["RecentFiles"]


class RecentFiles(QObject):
    """Fills the Open Recent menu from the settings; greyed out while it is empty.

    Signals:
        open_requested(str): the reader chose a file from the menu (its path).
    """

    open_requested = Signal(str)

    def __init__(self, menu: QMenu, settings: Settings) -> None:
        super().__init__(menu)
        self._menu = menu
        self._settings = settings
        self.refresh()

    def add(self, path: str) -> None:
        """Put ``path`` first in the settings' list and in the menu (the caller syncs the settings)."""
        self._settings.add_recent_file(path)
        self.refresh()

    def refresh(self) -> None:
        """List the settings' recent files again."""
        self._menu.clear()
        recent = self._settings.recent_files()
        for path in recent:
            action = self._menu.addAction(path)
            action.setData(path)
            action.triggered.connect(self._on_recent_triggered)
        self._menu.setEnabled(bool(recent))

    @Slot()
    def _on_recent_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction) and isinstance(action.data(), str):
            self.open_requested.emit(action.data())
