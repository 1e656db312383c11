"""View › Back and Forward: the places (tree paths) a reader has visited, as in a browser."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QIcon, QKeySequence

from desktop_app.qt.actions import make_action
from desktop_app.qt.history import History

__all__ = ["Navigation"]


class Navigation(QObject):
    """The Back and Forward actions over a :class:`~desktop_app.qt.history.History` of places.

    Args:
        select: shows a place (a tree path); returns whether it could.
        parent: the owner (the window, whose menus and toolbar show the actions).
    """

    def __init__(self, select: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._select = select
        self._history = History()
        self._revisiting = False  # True while Back/Forward selects a place: not a new visit
        keys = QKeySequence.StandardKey
        self.back_action = make_action(
            self, "actionBack", self.tr("&Back"), self._on_back_triggered, keys.Back
        )
        self.forward_action = make_action(
            self, "actionForward", self.tr("&Forward"), self._on_forward_triggered, keys.Forward
        )
        self.back_action.setIcon(QIcon.fromTheme("go-previous"))
        self.forward_action.setIcon(QIcon.fromTheme("go-next"))
        self._update_actions()

    def visited(self, place: str) -> None:
        """The reader is at ``place`` now (a new visit unless Back/Forward took them there)."""
        if not self._revisiting:
            self._history.visit(place)
        self._update_actions()

    def clear(self) -> None:
        """Forget every place (another report is coming)."""
        self._history.clear()

    def restart(self, place: str) -> None:
        """Start afresh at ``place``: nothing back, nothing forward."""
        self._history.clear()
        self._history.visit(place)
        self._update_actions()

    def _update_actions(self) -> None:
        self.back_action.setEnabled(self._history.can_go_back())
        self.forward_action.setEnabled(self._history.can_go_forward())

    def _revisit(self, place: str | None) -> None:
        if place is not None:
            self._revisiting = True
            try:
                self._select(place)
            finally:
                self._revisiting = False
        self._update_actions()

    @Slot()
    def _on_back_triggered(self) -> None:
        self._revisit(self._history.back())

    @Slot()
    def _on_forward_triggered(self) -> None:
        self._revisit(self._history.forward())
