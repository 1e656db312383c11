"""Review mode: the proposals table beside the source, driven from the keyboard.

A person goes through a dataset's proposed figures and confirms (A), rejects (R) or corrects (E)
each one against its sentence, which the source view shows with the figure singled out; J/K (or
the arrow keys) move between figures, Ctrl+Z / Ctrl+Shift+Z undo and redo, and Ctrl+S saves the
review into the dataset so that it can be closed and resumed. Every step is a
:class:`~desktop_app.core.review.Change` pushed on a ``QUndoStack``; the window only decides what
to show next.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.atomic import ExportError
from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind, Review
from desktop_app.core.presentation import (
    fill,
    goal_short_label,
    kind_label,
    report_title,
    review_label,
    section_title,
    visible_text,
)
from desktop_app.core.review import Change, ChangeKind, ReviewFilter, ReviewSession
from desktop_app.qt.actions import Shortcut, make_action
from desktop_app.qt.review.delegate import ReviewDelegate
from desktop_app.qt.review.table import ReviewTableModel
from desktop_app.qt.widgets.source_view import SourceView

DEFAULT_THRESHOLD = 0.9
_ALL = "*"  # the filter choice that lets everything through


class _ChangeCommand(QUndoCommand):
    """A review step on the undo stack: doing and undoing it is the core's; showing it the window's."""

    def __init__(self, window: ReviewWindow, change: Change, text: str) -> None:
        super().__init__(text)
        self._window = window
        self._change = change

    def redo(self) -> None:
        self._change.do(self._window.session)
        self._window._after_change(self._change)

    def undo(self) -> None:
        self._change.undo(self._window.session)
        self._window._after_change(self._change, undone=True)


class ReviewWindow(QMainWindow):
    """Confirm, reject and correct a dataset's figures against the source.

    Signals:
        saved(str): the dataset was written to this path (the main window reopens it).
    """

    saved = Signal(str)

    def __init__(
        self, session: ReviewSession, language: Language = Language.ZH, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reviewWindow")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self._session = session
        self._lang = language
        self._closing_confirmed = False
        self._save_box: QMessageBox | None = None
        self._undo = QUndoStack(self)
        self._undo.setObjectName("reviewUndoStack")
        self._undo.cleanChanged.connect(self._on_undo_clean_changed)

        self._model = ReviewTableModel(session, self._submit, self)
        self._model.set_language(language)
        self._model.edit_refused.connect(self._on_model_edit_refused)
        self._table = QTableView()
        self._table.setObjectName("reviewTable")
        self._table.setAccessibleName(self.tr("Proposed figures"))
        self._table.setModel(self._model)
        self._table.setItemDelegate(ReviewDelegate(session.report, language, self._table))
        self._table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self._table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self._table.setWordWrap(False)
        self._table.verticalHeader().setDefaultSectionSize(self._table.fontMetrics().height() + 8)
        header = self._table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Short cells fit their contents; names, modifiers and goal areas get room the reader can change.
        table = ReviewTableModel
        for column in (
            table.STATE,
            table.VALUE,
            table.UNIT,
            table.YEAR,
            table.KIND,
            table.SCOPE,
            table.CONFIDENCE,
        ):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((table.NAME, 170), (table.MODIFIER, 96), (table.GOAL, 90), (table.SERIES, 110)):
            self._table.setColumnWidth(column, width)
        self._table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

        self._source = SourceView()
        self._source.setObjectName("reviewSource")
        self._source.set_language(language)
        self._source.set_report(session.report)

        self._filter_bar = self._make_filter_bar()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self._filter_bar)
        left_layout.addWidget(self._table)
        self._splitter = QSplitter(Qt.Orientation.Horizontal)
        self._splitter.setObjectName("reviewSplitter")
        self._splitter.addWidget(left)
        self._splitter.addWidget(self._source)
        self._splitter.setStretchFactor(0, 3)
        self._splitter.setStretchFactor(1, 2)
        self._splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self._splitter)

        self._counts_label = QLabel()
        self._counts_label.setObjectName("reviewCounts")
        self.statusBar().addPermanentWidget(self._counts_label)
        self._create_actions()
        if not session.counts().awaiting:  # a finished review opens on everything, not on nothing
            self._state_filter.setCurrentIndex(self._state_filter.findData(_ALL))
        self._model.set_filter(self._current_filter())
        self._update_title()
        self._update_counts()
        self.statusBar().showMessage(
            self.tr(
                "A accept · R reject · E edit · G goal area · J/K next/previous · Ctrl+Z undo · Ctrl+S save"
            )
        )
        self.resize(1200, 760)
        self._select_row(0)

    # --- public API (also for tests) ----------------------------------------------------------

    @property
    def session(self) -> ReviewSession:
        return self._session

    def table(self) -> QTableView:
        return self._table

    def model(self) -> ReviewTableModel:
        return self._model

    def source_view(self) -> SourceView:
        return self._source

    def undo_stack(self) -> QUndoStack:
        return self._undo

    def action(self, name: str) -> QAction:
        action = self.findChild(QAction, name)
        if action is None:
            raise KeyError(name)
        return action

    def current_figure_id(self) -> str | None:
        index = self._table.currentIndex()
        return self._model.figure(index.row()).id if index.isValid() else None

    def select_figure(self, figure_id: str) -> bool:
        row = self._model.row_of(figure_id)
        if row is None:
            return False
        self._select_row(row)
        return True

    def save(self) -> bool:
        """Write the review into the dataset; on failure say why and keep everything as it is."""
        try:
            self._session.save()
        except DatasetError as exc:
            self._error_box(self.tr("The review could not be saved."), exc.describe(self._lang))
            return False
        except (ExportError, OSError) as exc:
            self._error_box(self.tr("The review could not be saved."), str(exc))
            return False
        self._undo.setClean()
        self.statusBar().showMessage(fill(self.tr("Saved %1"), str(self._session.path)), 5000)
        self.saved.emit(str(self._session.path))
        return True

    def save_box(self) -> QMessageBox | None:
        """The box asking whether to save, while closing with unsaved changes."""
        return self._save_box

    # --- building -----------------------------------------------------------------------------

    def _make_filter_bar(self) -> QWidget:
        bar = QWidget()
        bar.setObjectName("reviewFilter")
        report = self._session.report
        lang = self._lang
        self._state_filter = self._combo(
            "reviewStateFilter",
            [
                (Review.PROPOSED.value, self.tr("Awaiting review")),
                (Review.CONFIRMED.value, review_label(Review.CONFIRMED, lang)),
                (Review.REJECTED.value, review_label(Review.REJECTED, lang)),
                (_ALL, self.tr("All states")),
            ],
        )
        self._state_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._kind_filter = self._combo(
            "reviewKindFilter",
            [(_ALL, self.tr("All kinds")), *((k.value, kind_label(k, lang)) for k in IndicatorKind)],
        )
        self._year_filter = self._combo(
            "reviewYearFilter",
            [(_ALL, self.tr("All years")), *((str(y), str(y)) for y in self._session.years())],
        )
        self._goal_filter = self._combo(
            "reviewGoalFilter",
            [
                (_ALL, self.tr("All goal areas")),
                *(
                    (g.id, f"{g.order}. {visible_text(goal_short_label(g, report, lang), 24)}")
                    for g in report.goal_areas
                ),
            ],
        )
        self._section_filter = self._combo(
            "reviewSectionFilter",
            [
                (_ALL, self.tr("All sections")),
                *((s.id, visible_text(section_title(s, lang), 24)) for s in report.sections),
            ],
        )
        self._low_filter = QCheckBox(self.tr("Below threshold"))
        self._low_filter.setObjectName("reviewLowConfidence")
        self._low_filter.setToolTip(
            self.tr("Only figures whose confidence is below the threshold of Accept above")
        )
        self._low_filter.toggled.connect(self._on_filter_changed)
        first = QHBoxLayout()
        first.setContentsMargins(0, 0, 0, 0)
        for widget in (self._state_filter, self._kind_filter, self._year_filter):
            first.addWidget(widget)
        first.addWidget(self._low_filter)
        first.addStretch(1)
        second = QHBoxLayout()
        second.setContentsMargins(0, 0, 0, 0)
        second.addWidget(self._goal_filter, 1)
        second.addWidget(self._section_filter, 1)
        layout = QVBoxLayout(bar)
        layout.setContentsMargins(4, 4, 4, 0)
        layout.addLayout(first)
        layout.addLayout(second)
        return bar

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(6)
        for value, label in choices:
            combo.addItem(label, value)
        combo.currentIndexChanged.connect(self._on_filter_changed)
        return combo

    def _create_actions(self) -> None:
        def make(name: str, text: str, slot: Any, shortcut: Shortcut | None = None) -> QAction:
            action = make_action(self, name, text, slot, shortcut)
            self.addAction(action)  # window-wide keys, also while the source view has the focus
            return action

        keys = QKeySequence.StandardKey
        accept = make("actionReviewAccept", self.tr("&Accept"), self._on_accept_triggered, "A")
        reject = make("actionReviewReject", self.tr("&Reject"), self._on_reject_triggered, "R")
        reset = make("actionReviewReset", self.tr("Back to &proposed"), self._on_reset_triggered, "U")
        edit = make("actionReviewEdit", self.tr("&Edit"), self._on_edit_triggered, "E")
        link = make("actionReviewLinkGoal", self.tr("&Link to goal area"), self._on_link_goal_triggered, "G")
        previous = make("actionReviewPrevious", self.tr("&Previous"), self._on_previous_triggered, "K")
        following = make("actionReviewNext", self.tr("&Next"), self._on_next_triggered, "J")
        undo = self._undo.createUndoAction(self, self.tr("&Undo"))
        undo.setObjectName("actionReviewUndo")
        undo.setShortcut(QKeySequence(keys.Undo))
        redo = self._undo.createRedoAction(self, self.tr("&Redo"))
        redo.setObjectName("actionReviewRedo")
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.addAction(undo)
        self.addAction(redo)
        accept_above = make(
            "actionReviewAcceptAbove",
            self.tr("Accept a&bove"),
            self._on_accept_above_triggered,
            "Ctrl+Shift+A",
        )
        accept_above.setToolTip(
            self.tr("Accept every shown proposal whose confidence is at least the threshold")
        )
        save = make("actionReviewSave", self.tr("&Save review"), self.save, keys.Save)
        close = make("actionReviewClose", self.tr("&Close"), self.close, keys.Close)
        for action, tip in (
            (accept, self.tr("Confirm the selected figures (A)")),
            (reject, self.tr("Reject the selected figures (R)")),
            (reset, self.tr("Mark the selected figures as not yet reviewed (U)")),
            (edit, self.tr("Correct the current cell (E); Enter keeps, Esc drops")),
            (link, self.tr("Choose the goal area of the current figure (G)")),
            (previous, self.tr("Previous figure (K)")),
            (following, self.tr("Next figure (J)")),
        ):
            action.setToolTip(tip)

        self._threshold = QDoubleSpinBox()
        self._threshold.setObjectName("reviewThreshold")
        self._threshold.setRange(0.0, 1.0)
        self._threshold.setSingleStep(0.05)
        self._threshold.setDecimals(2)
        self._threshold.setValue(DEFAULT_THRESHOLD)
        self._threshold.setAccessibleName(self.tr("Confidence threshold"))
        self._threshold.valueChanged.connect(self._on_threshold_value_changed)

        menu = self.menuBar()
        review_menu = menu.addMenu(self.tr("&Review"))
        review_menu.addActions([accept, reject, reset, edit, link])
        review_menu.addSeparator()
        review_menu.addActions([previous, following])
        review_menu.addSeparator()
        review_menu.addAction(accept_above)
        review_menu.addSeparator()
        review_menu.addActions([save, close])
        edit_menu = menu.addMenu(self.tr("&Edit"))
        edit_menu.addActions([undo, redo])

        toolbar = QToolBar(self.tr("Review"))
        toolbar.setObjectName("reviewToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.addActions([accept, reject, edit, previous, following])
        toolbar.addSeparator()
        toolbar.addActions([undo, redo])
        toolbar.addSeparator()
        toolbar.addAction(accept_above)
        toolbar.addWidget(self._threshold)
        toolbar.addSeparator()
        toolbar.addAction(save)
        self.addToolBar(toolbar)

    # --- changes ------------------------------------------------------------------------------

    def _submit(self, change: Change) -> None:
        self._undo.push(_ChangeCommand(self, change, self._change_text(change)))

    def _change_text(self, change: Change) -> str:
        count = str(len(change.figure_ids))
        texts = {
            ChangeKind.ACCEPT: self.tr("Accept (%1)"),
            ChangeKind.REJECT: self.tr("Reject (%1)"),
            ChangeKind.RESET: self.tr("Back to proposed (%1)"),
            ChangeKind.EDIT: self.tr("Edit %1"),
            ChangeKind.LINK: self.tr("Link %1 to a goal area"),
            ChangeKind.ACCEPT_ABOVE: self.tr("Accept above threshold (%1)"),
        }
        subject = change.figure_ids[0] if change.kind in (ChangeKind.EDIT, ChangeKind.LINK) else count
        return fill(texts[change.kind], subject)

    def _after_change(self, change: Change, undone: bool = False) -> None:
        """Show the session as it is after ``change`` was done or undone."""
        current = self.current_figure_id()
        shown = self._model.figure_ids()
        self._model.refresh()
        self._update_counts()
        if undone:
            self._select_first_of(change.figure_ids)
        elif current is not None and self._model.row_of(current) is None:
            # The figure left the filter (accepted while showing those awaiting review): go on
            # with the next one that is still shown.
            after = shown[shown.index(current) + 1 :] if current in shown else []
            if not self._select_first_of(after):
                self._select_row(self._model.rowCount() - 1)
        else:
            self._show_current()

    def _select_first_of(self, figure_ids: Any) -> bool:
        return any(self.select_figure(figure_id) for figure_id in figure_ids)  # stops at the first

    def _review_selected(self, kind: ChangeKind) -> None:
        ids = self._selected_ids()
        if not ids:
            return
        builders = {ChangeKind.ACCEPT: self._session.accept, ChangeKind.REJECT: self._session.reject}
        change = builders.get(kind, self._session.reset)(ids)
        last = self._model.row_of(ids[-1])
        if change is not None:
            self._submit(change)
        # One figure decided: go on to the next, as a reviewer reads (a range stays selected).
        stays = self._model.row_of(ids[0]) is not None
        if len(ids) == 1 and kind is not ChangeKind.RESET and stays and last is not None:
            self._select_row(last + 1)

    def _selected_ids(self) -> list[str]:
        rows = sorted({index.row() for index in self._table.selectionModel().selectedRows()})
        if not rows and self._table.currentIndex().isValid():
            rows = [self._table.currentIndex().row()]
        return [self._model.figure(row).id for row in rows]

    # --- showing ------------------------------------------------------------------------------

    def _select_row(self, row: int) -> bool:
        if not 0 <= row < self._model.rowCount():
            self._source.clear_highlight()
            return False
        column = max(self._table.currentIndex().column(), 0)
        index = self._model.index(row, column)
        self._table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self._table.scrollTo(index)
        self._show_current()
        return True

    def _show_current(self) -> None:
        index = self._table.currentIndex()
        if not index.isValid():
            self._source.clear_highlight()
            return
        figure = self._model.figure(index.row())
        self._source.show_span(figure.sentence, figure.span)

    def _update_counts(self) -> None:
        counts = self._session.counts()
        self._counts_label.setText(
            fill(
                self.tr("%1 awaiting review · %2 confirmed · %3 rejected · %4 shown"),
                counts.awaiting,
                counts.confirmed,
                counts.rejected,
                self._model.rowCount(),
            )
        )

    def _update_title(self) -> None:
        title = fill(
            self.tr("Review: %1 — Report Viewer"),
            visible_text(report_title(self._session.report, self._lang), 60),
        )
        self.setWindowTitle(title + ("" if self._undo.isClean() else " *"))

    def _current_filter(self) -> ReviewFilter:
        def chosen(combo: QComboBox) -> str:
            return str(combo.currentData())

        state = chosen(self._state_filter)
        kind = chosen(self._kind_filter)
        year = chosen(self._year_filter)
        goal = chosen(self._goal_filter)
        section = chosen(self._section_filter)
        return ReviewFilter(
            states=frozenset(Review) if state == _ALL else frozenset({Review(state)}),
            kinds=None if kind == _ALL else frozenset({kind}),
            below_confidence=self._threshold.value() if self._low_filter.isChecked() else None,
            goal_id=None if goal == _ALL else goal,
            section_id=None if section == _ALL else section,
            year=None if year == _ALL else int(year),
        )

    def _error_box(self, text: str, details: str) -> None:
        box = QMessageBox(self)
        box.setObjectName("reviewErrorBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Review"))
        box.setText(text)
        shown = visible_text(details)
        box.setInformativeText(shown[:1500])
        box.setDetailedText(shown)
        box.open()

    # --- events -------------------------------------------------------------------------------

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._undo.isClean() or self._closing_confirmed:
            super().closeEvent(event)
            return
        event.ignore()
        box = QMessageBox(self)
        box.setObjectName("reviewSaveBox")
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.tr("Review"))
        box.setText(self.tr("Save the review before closing?"))
        box.setInformativeText(self.tr("Figures you confirmed, rejected or corrected are not saved yet."))
        box.setStandardButtons(
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        box.finished.connect(self._on_save_box_finished)
        self._save_box = box
        box.open()

    # --- slots --------------------------------------------------------------------------------

    @Slot(int)
    def _on_save_box_finished(self, result: int) -> None:
        self._save_box = None
        if result == QMessageBox.StandardButton.Save and not self.save():
            return
        if result in (QMessageBox.StandardButton.Save, QMessageBox.StandardButton.Discard):
            self._closing_confirmed = True
            self.close()

    @Slot(bool)
    def _on_undo_clean_changed(self, _clean: bool) -> None:
        self._update_title()

    @Slot(str)
    def _on_model_edit_refused(self, message: str) -> None:
        self.statusBar().showMessage(message, 8000)

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    @Slot()
    def _on_filter_changed(self) -> None:
        current = self.current_figure_id()
        self._model.set_filter(self._current_filter())
        self._update_counts()
        if current is None or not self.select_figure(current):
            self._select_row(0)

    @Slot(float)
    def _on_threshold_value_changed(self, _value: float) -> None:
        if self._low_filter.isChecked():
            self._on_filter_changed()

    @Slot()
    def _on_accept_triggered(self) -> None:
        self._review_selected(ChangeKind.ACCEPT)

    @Slot()
    def _on_reject_triggered(self) -> None:
        self._review_selected(ChangeKind.REJECT)

    @Slot()
    def _on_reset_triggered(self) -> None:
        self._review_selected(ChangeKind.RESET)

    @Slot()
    def _on_accept_above_triggered(self) -> None:
        change = self._session.accept_above(self._threshold.value(), among=self._model.figure_ids())
        if change is None:
            self.statusBar().showMessage(self.tr("No shown proposal reaches the threshold."), 5000)
            return
        self._submit(change)

    @Slot()
    def _on_edit_triggered(self) -> None:
        index = self._table.currentIndex()
        if not index.isValid():
            return
        if not self._model.flags(index) & Qt.ItemFlag.ItemIsEditable:
            index = self._model.index(index.row(), ReviewTableModel.VALUE)
            self._table.setCurrentIndex(index)
        self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self._table.edit(index)

    @Slot()
    def _on_link_goal_triggered(self) -> None:
        index = self._table.currentIndex()
        if index.isValid():
            self._table.setCurrentIndex(self._model.index(index.row(), ReviewTableModel.GOAL))
            self._on_edit_triggered()

    @Slot()
    def _on_next_triggered(self) -> None:
        self._select_row(self._table.currentIndex().row() + 1)

    @Slot()
    def _on_previous_triggered(self) -> None:
        row = self._table.currentIndex().row()
        if row > 0:
            self._select_row(row - 1)
