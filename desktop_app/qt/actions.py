"""Making the window's actions: one helper for a plain action, one for a group of choices."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

__all__ = ["choice_actions", "make_action"]

Shortcut = QKeySequence | QKeySequence.StandardKey | str


def make_action(
    parent: QObject, name: str, text: str, slot: Callable[..., Any], shortcut: Shortcut | None = None
) -> QAction:
    """An action with a stable object name (tests and automation find it by name)."""
    action = QAction(text, parent)
    action.setObjectName(name)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    return action


def choice_actions(
    parent: QObject, name: str, saved: str, choices: Iterable[tuple[str, str]]
) -> QActionGroup:
    """Exclusive, checkable actions ``NAME_VALUE`` for a setting; the saved choice is checked."""
    group = QActionGroup(parent)
    group.setObjectName(name)
    group.setExclusive(True)
    for value, text in choices:
        action = group.addAction(text)
        action.setObjectName(f"{name}_{value}")
        action.setCheckable(True)
        action.setData(value)
        action.setChecked(value == saved)
    return group
