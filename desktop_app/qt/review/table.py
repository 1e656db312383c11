"""The proposals table: one row per figure a filter lets through, edited in place.

A thin adaptor over :class:`~desktop_app.core.review.ReviewSession`: it reads every cell from the
session, and an edit becomes a :class:`~desktop_app.core.review.Change` handed to ``submit`` (the
window pushes it on its undo stack), never a write of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont

from desktop_app.core.language import Language
from desktop_app.core.model import ModifierMeaning, Review, Scope
from desktop_app.core.presentation import (
    goal_short_label,
    kind_label,
    modifier_text,
    number_text,
    review_label,
    scope_label,
    visible_text,
)
from desktop_app.core.review import Change, Figure, ReviewError, ReviewFilter, ReviewSession, parse_field
from desktop_app.qt.models.roles import DOMAIN_ROLE, ITEM_ID_ROLE
from desktop_app.qt.models.table import ModelIndex, RowTableModel
from desktop_app.qt.text import tooltip

CELL_LIMIT = 80


def series_label(key: str, lang: Language) -> str:
    """A series' name in ``lang`` ("" for no series; the key itself for one the table does not know)."""
    if not key:
        return ""
    from desktop_app.core.targets.series import series_table  # with the first series shown

    series = series_table().get(key)
    return series.name(lang) if series is not None else key


# Light backgrounds of the state cell: a proposal must not look like a checked figure.
STATE_COLOURS = {
    Review.PROPOSED: QColor("#fff3c4"),
    Review.CONFIRMED: QColor("#d8f0d2"),
    Review.REJECTED: QColor("#e4e4e4"),
}
FIELD_ROLE = Qt.ItemDataRole.UserRole + 20  # the core field a column edits ("" for none)


class ReviewTableModel(RowTableModel[str]):
    """Figures under review as rows, one column per field.

    State, name, value, unit, year, kind, modifier, scope, confidence, goal area, series, the text as written.

    Signals:
        edit_refused(str): an edit could not be made, and why (in the UI's language).
    """

    edit_refused = Signal(str)

    STATE, NAME, VALUE, UNIT, YEAR, KIND, MODIFIER, SCOPE, CONFIDENCE, GOAL, SERIES, WRITTEN = range(12)
    COLUMNS = 12
    FIELDS: ClassVar[dict[int, str]] = {
        NAME: "name",
        VALUE: "value",
        UNIT: "unit",
        YEAR: "year",
        KIND: "kind",
        MODIFIER: "modifier",
        SCOPE: "scope",
        SERIES: "series",
    }

    def __init__(
        self, session: ReviewSession, submit: Callable[[Change], None], parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._submit = submit
        self._filter = ReviewFilter()
        self._rows = session.figure_ids()  # a row is a figure's id: the session holds the figure
        self._row_of_id = {figure_id: row for row, figure_id in enumerate(self._rows)}

    # --- what is shown ------------------------------------------------------------------------

    def set_filter(self, where: ReviewFilter) -> None:
        self._filter = where
        self.refresh()

    def review_filter(self) -> ReviewFilter:
        return self._filter

    def refresh(self) -> None:
        """Read the session again: rows a change took out of the filter go, rows it let in come."""
        ids = [f.id for f in self._session.figures(self._filter)]
        if ids == self._rows:
            self._all_changed()
            return
        self._row_of_id = {figure_id: row for row, figure_id in enumerate(ids)}
        self._set_rows(ids)

    def figure_ids(self) -> list[str]:
        """The figures shown, in order."""
        return list(self._rows)

    def row_of(self, figure_id: str) -> int | None:
        return self._row_of_id.get(figure_id)

    def figure(self, row: int) -> Figure:
        return self._session.figure(self._rows[row])

    # --- Qt's model interface -----------------------------------------------------------------

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("State"),
            self.tr("Figure"),
            self.tr("Value"),
            self.tr("Unit"),
            self.tr("Year"),
            self.tr("Kind"),
            self.tr("Modifier"),
            self.tr("Scope"),
            self.tr("Confidence"),
            self.tr("Goal area"),
            self.tr("Series"),
            self.tr("As written"),
        )

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in self.FIELDS or index.column() == self.GOAL:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        figure_id = self._item_at(index)
        if figure_id is None:
            return None
        figure = self._session.figure(figure_id)
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(figure, column)
        if role == Qt.ItemDataRole.EditRole:
            return self._edit_value(figure, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (self.VALUE, self.YEAR, self.CONFIDENCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == self.STATE:
            return QBrush(STATE_COLOURS[figure.review])
        if role == Qt.ItemDataRole.FontRole and figure.review is Review.REJECTED:
            font = QFont()
            font.setStrikeOut(column != self.STATE)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(figure.name, figure.sentence.text)
        if role == FIELD_ROLE:
            return self.FIELDS.get(column, "goal" if column == self.GOAL else "")
        if role == DOMAIN_ROLE:
            return figure
        if role == ITEM_ID_ROLE:
            return figure.id
        return None

    def setData(self, index: ModelIndex, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        figure_id = self._item_at(index)
        if role != Qt.ItemDataRole.EditRole or figure_id is None:
            return False
        column = index.column()
        try:
            if column == self.GOAL:
                change = self._session.link_goal(figure_id, str(value) if value else None)
            elif column in self.FIELDS:
                field = self.FIELDS[column]
                parsed = parse_field(field, value) if isinstance(value, str) else value
                change = self._session.edit(figure_id, {field: parsed})
            else:
                return False
        except ReviewError as exc:
            self.edit_refused.emit(exc.text(self._lang))
            return False
        if change is not None:
            self._submit(change)
        return True

    # --- cells --------------------------------------------------------------------------------

    def _display(self, figure: Figure, column: int) -> str:
        lang = self._lang
        if column == self.STATE:
            return review_label(figure.review, lang)
        if column == self.NAME:
            return visible_text(figure.name, CELL_LIMIT)
        if column == self.VALUE:
            return number_text(figure.value)
        if column == self.UNIT:
            return visible_text(figure.unit, CELL_LIMIT)
        if column == self.YEAR:
            return str(figure.year)
        if column == self.KIND:
            return kind_label(figure.kind, lang)
        if column == self.MODIFIER:
            meaning = ModifierMeaning(figure.modifier_meaning)
            return visible_text(modifier_text(figure.modifier, meaning, lang), CELL_LIMIT)
        if column == self.SCOPE:
            return scope_label(Scope(figure.scope), lang)
        if column == self.CONFIDENCE:
            return "" if figure.confidence is None else f"{figure.confidence:.2f}"
        if column == self.GOAL:
            report = self._session.report
            goals = [report.goal_by_id[g] for g in figure.goal_ids if g in report.goal_by_id]
            return "、".join(visible_text(goal_short_label(g, report, lang), CELL_LIMIT) for g in goals)
        if column == self.SERIES:
            return series_label(figure.series, lang)
        if column == self.WRITTEN:
            return visible_text(figure.span.text, CELL_LIMIT)
        return ""

    def _edit_value(self, figure: Figure, column: int) -> Any:
        if column == self.VALUE:
            return number_text(figure.value)
        if column == self.YEAR:
            return str(figure.year)
        if column == self.GOAL:
            return figure.goal_ids[0] if figure.goal_ids else ""
        if column in self.FIELDS:
            return figure.field(self.FIELDS[column])
        return None
