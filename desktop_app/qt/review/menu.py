"""The main window's doors into review mode: File › Import report… and File › Review figures….

The main window adds these actions to its File menu and reopens a dataset when this says one was
written; everything else about importing and reviewing stays in this package.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox

from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.presentation import fill, visible_text
from desktop_app.core.resources import bundled_dataset_path
from desktop_app.qt.actions import make_action
from desktop_app.qt.workers import collection_held

if TYPE_CHECKING:
    from desktop_app.qt.review.import_dialog import ImportDialog, ImportOutcome
    from desktop_app.qt.review.window import ReviewWindow

# The review window and the import dialog (and the core's review session) are imported when first
# used: the main window makes these actions at start-up, and the first paint must not wait for them.
_REVIEW_WINDOW_MODULE = "desktop_app.qt.review.window"


def _open_review_windows() -> list[ReviewWindow]:
    """The review windows open in this process; none if their module was never imported."""
    module = sys.modules.get(_REVIEW_WINDOW_MODULE)
    if module is None:
        return []
    kind: type[ReviewWindow] = module.ReviewWindow
    with collection_held():  # wrapping each widget of the list may start a collection (qt/workers.py)
        return [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]


class ReviewActions(QObject):
    """File › Import report… and File › Review figures… of a main window.

    Signals:
        dataset_written(str): a dataset was imported or its review saved at this path.
    """

    dataset_written = Signal(str)

    def __init__(self, window: QMainWindow, report: Callable[[], Report], language: Language) -> None:
        super().__init__(window)
        self._window = window
        self._report = report
        self._lang = language
        self._dialog: ImportDialog | None = None
        self._review: ReviewWindow | None = None
        self.import_action = make_action(
            window, "actionImport", self.tr("&Import report…"), self._on_import_triggered, "Ctrl+I"
        )
        self.review_action = make_action(
            window, "actionReviewMode", self.tr("Re&view figures…"), self._on_review_triggered, "Ctrl+Shift+R"
        )
        # A window rebuilt (another UI language) takes over the review still open, so that saving it
        # still reopens the dataset in the window the reader now has.
        for review in _open_review_windows():
            self._adopt(review)

    def add_to_menu(self, menu: QMenu) -> None:
        menu.addAction(self.import_action)
        menu.addAction(self.review_action)

    def import_dialog(self) -> ImportDialog | None:
        """The import dialog while it is open."""
        return self._dialog

    def review_window(self) -> ReviewWindow | None:
        """The review window, once one was opened."""
        return self._review

    def open_review(self, path: str | Path) -> ReviewWindow | None:
        """Open the dataset at ``path`` in review mode (one review window at a time)."""
        if self._review is not None and self._review.isVisible():
            if self._review.session.path.resolve() == Path(path).resolve():
                self._review.raise_()
                self._review.activateWindow()
                return self._review
            self._review.close()
            if self._review.isVisible():  # unsaved changes, and the reviewer is asked first
                return None
        if self._review is not None:
            self._review.deleteLater()  # closed: a new window takes its place
            self._review = None
        from desktop_app.core.review import ReviewSession
        from desktop_app.qt.review.window import ReviewWindow

        try:
            session = ReviewSession.open(path)
        except DatasetError as exc:
            self._box(self.tr("The dataset could not be opened for review."), exc.describe(self._lang))
            return None
        review = ReviewWindow(session, self._lang)
        self._adopt(review)
        review.show()
        return review

    def _adopt(self, review: ReviewWindow) -> None:
        review.saved.connect(self.dataset_written)
        self._review = review

    def _box(self, text: str, details: str) -> None:
        box = QMessageBox(self._window)
        box.setObjectName("reviewOpenErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Review"))
        box.setText(text)
        if details:
            box.setInformativeText(visible_text(details)[:1500])
        box.open()

    @Slot()
    def _on_import_triggered(self) -> None:
        if self._dialog is not None:
            self._dialog.raise_()
            return
        from desktop_app.qt.review.import_dialog import ImportDialog

        dialog = ImportDialog(self._lang, self._window)
        dialog.imported.connect(self._on_dialog_imported)
        dialog.finished.connect(self._on_dialog_finished)
        self._dialog = dialog
        dialog.open()

    @Slot(object)
    def _on_dialog_imported(self, outcome: ImportOutcome) -> None:
        self.dataset_written.emit(str(outcome.path))
        review = self.open_review(outcome.path)
        if review is not None:
            review.statusBar().showMessage(
                fill(self.tr("Imported %1: %2 figures to review"), outcome.path.name, outcome.figures), 8000
            )

    @Slot(int)
    def _on_dialog_finished(self, _result: int) -> None:
        if self._dialog is not None:
            self._dialog.deleteLater()
        self._dialog = None

    @Slot()
    def _on_review_triggered(self) -> None:
        report = self._report()
        path = Path(report.path) if report.path else None
        # The app's own data (the Linzi report, the national collection) is read-only: a review of it
        # would write into the installation.
        bundled = bundled_dataset_path().resolve().parent
        if path is None or path.resolve().is_relative_to(bundled):
            self._box(
                self.tr("The reports that come with the app cannot be changed."),
                self.tr("Import a report (File › Import report…) or open an imported dataset to review it."),
            )
            return
        self.open_review(path)
