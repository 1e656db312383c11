"""Editors of the proposals table: lists of kinds, scopes, goal areas and series, a line for the rest."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_app.core.language import Language
from desktop_app.core.model import IndicatorKind, Report, Scope
from desktop_app.core.presentation import goal_short_label, kind_label, scope_label, visible_text
from desktop_app.qt.review.table import FIELD_ROLE

ModelIndex = QModelIndex | QPersistentModelIndex


class ReviewDelegate(QStyledItemDelegate):
    """Choices where a field has a fixed set (kind, scope, goal area, series); Qt's line editor elsewhere."""

    def __init__(self, report: Report, lang: Language, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._lang = lang

    def set_report(self, report: Report) -> None:
        self._report = report

    def _choices(self, field: str) -> list[tuple[str, str]] | None:
        if field == "kind":
            return [(k.value, kind_label(k, self._lang)) for k in IndicatorKind]
        if field == "scope":
            return [(s.value, scope_label(s, self._lang)) for s in Scope]
        if field == "goal":
            goals = [
                (g.id, f"{g.order}. {visible_text(goal_short_label(g, self._report, self._lang), 60)}")
                for g in self._report.goal_areas
            ]
            return [("", self.tr("(none)")), *goals]
        if field == "series":
            from desktop_app.core.targets.series import series_table  # with the first series edited

            region = self._report.metadata.region.name
            fitting = [
                (s.key, s.name(self._lang))
                for s in series_table().values()
                if not s.qualitative and s.region in ("", region)
            ]
            return [("", self.tr("(none)")), *fitting]
        return None

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: ModelIndex) -> QWidget:
        choices = self._choices(str(index.data(FIELD_ROLE) or ""))
        if choices is None:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        combo.setObjectName("reviewChoiceEditor")
        for value, label in choices:
            combo.addItem(label, value)
        return combo

    def setEditorData(self, editor: QWidget, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(Qt.ItemDataRole.EditRole) or "")
            editor.setCurrentIndex(max(at, 0))
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: ModelIndex) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)
