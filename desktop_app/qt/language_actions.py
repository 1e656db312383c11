"""View › Language: the system's language, 中文 or English, the saved choice checked."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QAction

from desktop_app.core.language import Language
from desktop_app.qt.actions import make_action

__all__ = ["LanguageActions"]


class LanguageActions(QObject):
    """One checkable action per UI language, named ``actionLanguage_<qt name>`` (``_system``).

    Signals:
        chosen(object): the reader chose a UI language (a Language, or None for the system's).
    """

    chosen = Signal(object)

    def __init__(self, saved: Language | None, parent: QObject | None = None) -> None:
        """Make the actions; ``saved`` (None: the system's language) is checked."""
        super().__init__(parent)
        self._actions: list[QAction] = []
        for language, label in (
            (None, self.tr("System language")),
            (Language.ZH, "中文"),
            (Language.EN, "English"),
        ):
            name = f"actionLanguage_{language.qt_name if language else 'system'}"
            action = make_action(self, name, label, self._on_triggered)
            action.setCheckable(True)
            action.setChecked(language is saved)
            action.setData(language.qt_name if language else "")
            self._actions.append(action)

    def actions(self) -> list[QAction]:
        """The actions, the system's language first."""
        return list(self._actions)

    @Slot()
    def _on_triggered(self) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            data = action.data()
            for other in self._actions:
                other.setChecked(other is action)
            self.chosen.emit(Language.from_tag(data) if isinstance(data, str) and data else None)
