"""View › Show unreviewed figures and the status bar's "N awaiting review" (issues 14, 15).

What a view shows is decided in the core (:mod:`desktop_app.core.unreviewed`); this module only
holds the reader's choice (remembered in the settings), hands the views the report as they are to
show it, and says in the status bar how many figures await review and whether they are shown.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop_app.core.model import Report
from desktop_app.core.presentation import fill
from desktop_app.core.unreviewed import review_counts, shown_report
from desktop_app.qt.actions import make_action
from desktop_app.qt.settings import Settings

__all__ = ["ReviewStatus", "UnreviewedControls"]


class ReviewStatus(QLabel):
    """The status bar's "N awaiting review"; hidden when nothing awaits review.

    Signals:
        clicked(): the reader clicked it (the window may open its review mode).
    """

    clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mouseReleaseEvent(event)


class UnreviewedControls(QObject):
    """The Show-unreviewed toggle and the awaiting-review count of one window.

    Signals:
        shown_changed(bool): the reader turned showing unreviewed figures on (True) or off.
    """

    shown_changed = Signal(bool)

    def __init__(self, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.action = make_action(
            self, "actionShowUnreviewed", self.tr("Show &unreviewed figures"), self._on_action_toggled
        )
        self.action.setCheckable(True)
        self.action.setChecked(settings.show_unreviewed())
        self.action.setStatusTip(
            self.tr("Also show figures nobody has checked yet, marked \u201cunreviewed\u201d")
        )
        self.status = ReviewStatus()
        self._awaiting = 0
        self._can_review = False

    def include_unreviewed(self) -> bool:
        """Whether unreviewed figures are shown now."""
        return self.action.isChecked()

    def shown(self, report: Report) -> Report:
        """``report`` as the views show it now (:func:`desktop_app.core.unreviewed.shown_report`)."""
        return shown_report(report, self.include_unreviewed())

    def set_report(self, report: Report, *, can_review: bool = False) -> None:
        """Count the figures of ``report`` (as loaded) that await review and say so in the status bar.

        Args:
            report: the report as loaded.
            can_review: whether clicking the count opens a review mode (its tooltip says so).
        """
        self._awaiting = review_counts(report).awaiting
        self._can_review = can_review
        self._update_status()

    def awaiting(self) -> int:
        """How many figures of the report await review."""
        return self._awaiting

    def _update_status(self) -> None:
        status = self.status
        if not self._awaiting:
            status.hide()
            return
        shown = self.include_unreviewed()
        state = self.tr("shown, marked unreviewed") if shown else self.tr("hidden")
        status.setText(fill(self.tr("%n figure(s) awaiting review (%1)", "", self._awaiting), state))
        tip = self.tr("View \u203a Show unreviewed figures shows or hides them.")
        if self._can_review:
            tip += "\n" + self.tr("Click to review them.")
            status.setCursor(Qt.CursorShape.PointingHandCursor)
        else:
            status.unsetCursor()
        status.setToolTip(tip)
        status.show()

    @Slot(bool)
    def _on_action_toggled(self, checked: bool) -> None:
        self._settings.set_show_unreviewed(checked)
        self._update_status()
        self.shown_changed.emit(checked)
