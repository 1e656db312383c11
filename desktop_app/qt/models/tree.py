"""The goal tree: one read-only QAbstractItemModel over the report's structure.

The model owns a tree of :class:`TreeNode` objects built once from the report.
Each node knows its parent and its row, so ``parent()`` and ``index()`` are O(1).
Views get the core object behind an index through ``DOMAIN_ROLE``.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from desktop_app.core.language import Language
from desktop_app.core.model import (
    DerivedIndicator,
    Entity,
    EntityKind,
    GoalArea,
    Indicator,
    IndicatorKind,
    Linked,
    Quote,
    Report,
    Section,
)
from desktop_app.core.presentation import (
    bracketed,
    count_suffix,
    editorial_text,
    entity_kind_label,
    enumeration,
    figure_name,
    figure_value_text,
    kind_tag,
    listed_figure,
    numbered_goal_label,
    section_title,
    source_citation,
    visible_text,
)
from desktop_app.core.search.hits import SOURCE_GROUP, count_label
from desktop_app.core.unreviewed import is_unreviewed, unreviewed_label, unreviewed_tag
from desktop_app.qt.models.looks import unreviewed_brush_colour, unreviewed_font
from desktop_app.qt.models.roles import (
    DOMAIN_ROLE,
    HIT_COUNT_ROLE,
    ITEM_ID_ROLE,
    NODE_KIND_ROLE,
    NODE_PATH_ROLE,
)
from desktop_app.qt.text import tooltip

LABEL_LIMIT = 80
ModelIndex = QModelIndex | QPersistentModelIndex


class NodeKind(enum.StrEnum):
    GOAL = "goal"
    OVERVIEW = "overview"
    SECTION = "section"
    INDICATOR = "indicator"
    DERIVED = "derived"
    QUOTE = "quote"
    ENTITY = "entity"
    SOURCE = "source"


@dataclass(eq=False)
class TreeNode:
    """One row of the tree."""

    kind: NodeKind
    item: Any
    path: str
    parent: TreeNode | None = None
    row: int = 0
    children: list[TreeNode] = field(default_factory=list)

    def add(self, child: TreeNode) -> TreeNode:
        child.parent = self
        child.row = len(self.children)
        self.children.append(child)
        return child

    @property
    def item_id(self) -> str:
        return str(getattr(self.item, "id", ""))

    def walk(self) -> Iterator[TreeNode]:
        yield self
        for child in self.children:
            yield from child.walk()


def _kind_of(item: Linked) -> NodeKind:
    if isinstance(item, Indicator):
        return NodeKind.INDICATOR
    if isinstance(item, DerivedIndicator):
        return NodeKind.DERIVED
    if isinstance(item, Quote):
        return NodeKind.QUOTE
    return NodeKind.ENTITY


class GoalTreeModel(QAbstractItemModel):
    """Goal areas, report-wide sections and the source article, with figures, quotes and named things."""

    def __init__(self, report: Report, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._report = report
        self._lang = Language.ZH
        self._root = TreeNode(NodeKind.SECTION, None, "")
        self._by_path: dict[str, TreeNode] = {}
        self._by_item_id: dict[str, list[TreeNode]] = {}
        self._hits: dict[str, int] = {}
        self._searching = False
        self._build()

    # --- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        report = self._report
        for goal in report.goal_areas:
            node = self._root.add(TreeNode(NodeKind.GOAL, goal, f"goal/{goal.id}"))
            self._add_items(node, report.for_goal(goal.id))
        self._root.add(TreeNode(NodeKind.OVERVIEW, report, "overview"))
        for section in report.sections:
            # The overview node already shows this section's content.
            if section.id == report.metadata.presentation.overview_section:
                continue
            node = self._root.add(TreeNode(NodeKind.SECTION, section, f"section/{section.id}"))
            self._add_items(node, report.for_section(section.id))
        self._root.add(TreeNode(NodeKind.SOURCE, report.source, "source"))
        for node in self._root.walk():
            if node is self._root:
                continue
            self._by_path[node.path] = node
            if node.item_id:
                self._by_item_id.setdefault(node.item_id, []).append(node)

    def _add_items(self, parent: TreeNode, items: list[Linked]) -> None:
        for item in items:
            parent.add(TreeNode(_kind_of(item), item, f"{parent.path}/{item.id}"))

    # --- lookups for views ------------------------------------------------------------------

    @property
    def report(self) -> Report:
        return self._report

    def node(self, index: ModelIndex) -> TreeNode | None:
        if not index.isValid():
            return None
        node = index.internalPointer()
        return node if isinstance(node, TreeNode) else None

    def index_for_node(self, node: TreeNode) -> QModelIndex:
        if node.parent is None:
            return QModelIndex()
        return self.createIndex(node.row, 0, node)

    def index_for_path(self, path: str) -> QModelIndex:
        node = self._by_path.get(path)
        return self.index_for_node(node) if node else QModelIndex()

    def indexes_for_item(self, item_id: str) -> list[QModelIndex]:
        """Every row showing a dataset object (an indicator may sit under several goal areas)."""
        return [self.index_for_node(n) for n in self._by_item_id.get(item_id, [])]

    def set_language(self, lang: Language | str) -> None:
        self._lang = Language.from_tag(lang)
        self._emit_all_changed()

    def set_hit_counts(self, counts_by_key: dict[str, int] | None) -> None:
        """Show search hit counts, counted by :func:`desktop_app.core.search.hits.hit_counts`.

        While a search is shown, rows count hits only: a goal area without hits shows no number,
        since its figure count (``（5）``) beside others' hit counts (``（5 处）``) reads as hits.

        Args:
            counts_by_key: counts by goal-area, section or item id, and ``"source"`` for the
                article; a node shows the count of its own key, nothing is added up here, so a
                goal area shows exactly as many hits as the result list lists under it.
                ``None`` when no search is shown: goal areas count their figures again.
        """
        searching = counts_by_key is not None
        counts_by_key = counts_by_key or {}
        counts: dict[str, int] = {}
        for node in self._root.walk():
            if node is self._root:
                continue
            key = SOURCE_GROUP if node.kind is NodeKind.SOURCE else node.item_id
            count = counts_by_key.get(key, 0) if key else 0
            if count:
                counts[node.path] = count
        if counts == self._hits and searching == self._searching:
            return  # e.g. the same hits again: nothing to repaint
        self._hits = counts
        self._searching = searching
        self._emit_all_changed()

    def _emit_all_changed(self) -> None:
        for node in self._root.walk():
            if node is not self._root and node.children:
                first = self.index(0, 0, self.index_for_node(node))
                last = self.index(len(node.children) - 1, 0, self.index_for_node(node))
                self.dataChanged.emit(first, last)
        if self._root.children:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._root.children) - 1, 0))

    # --- QAbstractItemModel -----------------------------------------------------------------

    def index(self, row: int, column: int, parent: ModelIndex = QModelIndex()) -> QModelIndex:  # noqa: B008
        parent_node = self.node(parent) if parent.isValid() else self._root
        if parent_node is None or column != 0 or not 0 <= row < len(parent_node.children):
            return QModelIndex()
        return self.createIndex(row, 0, parent_node.children[row])

    def parent(self, index: ModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        node = self.node(index)
        if node is None or node.parent is None or node.parent is self._root:
            return QModelIndex()
        return self.createIndex(node.parent.row, 0, node.parent)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.column() > 0:
            return 0
        node = self.node(parent) if parent.isValid() else self._root
        return len(node.children) if node else 0

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and section == 0:
            return self.tr("Report structure")
        return None

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self.node(index)
        if node is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            hits = self._hits.get(node.path)
            if hits:  # the hit count replaces the figure count: one number in brackets per row
                return count_label(self._label(node, figures=False), hits, self._lang)
            return self._label(node, figures=not self._searching)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._label(node)
        if role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
            # Unreviewed figures look apart (italic, brown) besides saying so in words.
            if not isinstance(node.item, Indicator | DerivedIndicator) or not is_unreviewed(node.item):
                return None
            return unreviewed_font() if role == Qt.ItemDataRole.FontRole else unreviewed_brush_colour()
        if role == DOMAIN_ROLE:
            return node.item
        if role == NODE_KIND_ROLE:
            return node.kind
        if role == NODE_PATH_ROLE:
            return node.path
        if role == ITEM_ID_ROLE:
            return node.item_id
        if role == HIT_COUNT_ROLE:
            return self._hits.get(node.path, 0)
        return None

    # --- labels -----------------------------------------------------------------------------

    def _label(self, node: TreeNode, *, figures: bool = True) -> str:
        item = node.item
        lang = self._lang
        if isinstance(item, GoalArea):
            label = numbered_goal_label(item, self._report, lang)
            if not figures:
                return visible_text(label, LABEL_LIMIT)
            count = len(self._report.indicators_for_goal(item.id))
            return visible_text(label + count_suffix(count, lang), LABEL_LIMIT)
        if node.kind is NodeKind.OVERVIEW:
            return self.tr("Report overview")
        if node.kind is NodeKind.SOURCE:
            return self.tr("Source article")
        if isinstance(item, Section):
            return visible_text(section_title(item, lang), LABEL_LIMIT)
        if isinstance(item, Indicator | DerivedIndicator):
            # Achieved figures are the plain case; every other kind (a derived one too) says what it is.
            badge = "" if item.kind is IndicatorKind.ACHIEVED else kind_tag(item.kind, lang)
            listed = listed_figure(figure_name(item, lang), figure_value_text(item, lang), lang)
            return unreviewed_tag(item, lang) + visible_text(listed, LABEL_LIMIT) + badge
        if isinstance(item, Quote):
            return visible_text(f"“{item.text}”", 40)
        if isinstance(item, Entity):
            kind = entity_kind_label(item.kind, lang)
            if item.kind is EntityKind.HONOUR:  # held, sought (争创) or a ranking (全国性排名): roles say
                kind += bracketed(enumeration(item.roles, lang), lang)
            return visible_text(item.name, LABEL_LIMIT) + f" · {kind}"
        return ""

    def _tooltip(self, node: TreeNode) -> str:
        item = node.item
        lang = self._lang
        # English words only in the English UI: glosses, English titles and notes follow the language.
        english = lang is Language.EN
        if isinstance(item, GoalArea):
            return tooltip(item.sentence, item.title_en if english else "")
        if isinstance(item, Indicator):
            return tooltip(figure_name(item, lang), item.sentence.text, self._review_note(item))
        if isinstance(item, DerivedIndicator):
            explanation = editorial_text(item.explanation, item.explanation_en, lang)
            return tooltip(figure_name(item, lang), f"{item.formula}: {explanation}", self._review_note(item))
        if isinstance(item, Quote):
            return tooltip(item.text, item.speaker)
        if isinstance(item, Entity):
            return tooltip(item.name, "、".join(item.roles), editorial_text(item.note, item.note_en, lang))
        if isinstance(item, Section):
            return tooltip(item.title, item.title_en if english else "")
        if node.kind is NodeKind.OVERVIEW:
            return tooltip(self._report.metadata.title, source_citation(self._report, lang))
        if node.kind is NodeKind.SOURCE:
            return tooltip(source_citation(self._report, lang))
        return ""

    def _review_note(self, item: Indicator | DerivedIndicator) -> str:
        return unreviewed_label(self._lang) if is_unreviewed(item) else ""


class HitFilterProxy(QSortFilterProxyModel):
    """Shows only nodes with search hits (and, by recursive filtering, their parents) when enabled."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._enabled = False
        self.setRecursiveFilteringEnabled(True)

    def set_enabled(self, enabled: bool) -> None:
        self.beginFilterChange()
        self._enabled = enabled
        self.endFilterChange()

    def is_enabled(self) -> bool:
        return self._enabled

    def refresh(self) -> None:
        """Re-apply the filter after the hit counts changed."""
        if self._enabled:
            self.beginFilterChange()
            self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: ModelIndex) -> bool:
        if not self._enabled:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        return bool(index.data(HIT_COUNT_ROLE))
