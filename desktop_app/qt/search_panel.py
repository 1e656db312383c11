"""Search as you type: the search field, scope, result list with context, and stepping through hits.

The panel only finds and lists hits; the main window decides what selecting a
hit means (select its node in the tree, highlight it in the source view).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QKeySequence, QPainter, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_app.core.presentation import visible_text

if TYPE_CHECKING:
    # The search core pulls in pypinyin and OpenCC (~0.4 s): it is imported at the first search.
    from desktop_app.core.search import Hit, SearchIndex

DEBOUNCE_MS = 120
CONTEXT_WIDTH = 14
MAX_LISTED = 2000
ModelIndex = QModelIndex | QPersistentModelIndex


class Scope:
    EVERYTHING = "all"
    INDICATORS = "indicators"
    QUOTES = "quotes"
    ARTICLE = "article"
    GOAL = "goal"


# Values of desktop_app.core.search.NodeKind (a StrEnum, so they compare equal to these strings).
_SCOPE_KINDS = {
    Scope.INDICATORS: {"indicator", "derived"},
    Scope.QUOTES: {"quote"},
    Scope.ARTICLE: {"paragraph"},
}


@dataclass(frozen=True, slots=True)
class ResultRow:
    """A row of the result list: a group header (``hit`` is None) or one hit."""

    group: str
    hit: Hit | None
    number: int = 0  # 1-based position among the hits
    count: int = 0  # hits in the group (headers only)


def context(hit: Hit, width: int) -> tuple[str, str, str]:
    from desktop_app.core.search import context as search_context

    return search_context(hit, width)


class SearchResultsModel(QAbstractListModel):
    """Hits grouped under headers (goal area or section), each hit with context."""

    HIT_ROLE = Qt.ItemDataRole.UserRole + 1
    CONTEXT_ROLE = Qt.ItemDataRole.UserRole + 2
    HEADER_ROLE = Qt.ItemDataRole.UserRole + 3

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []
        self._hit_rows: list[int] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self._hit_rows = [n for n, row in enumerate(rows) if row.hit is not None]
        self.endResetModel()

    def hit_count(self) -> int:
        return len(self._hit_rows)

    def row_of_hit(self, number: int) -> int:
        """The list row of the ``number``-th hit (0-based)."""
        return self._hit_rows[number]

    def hit_number(self, row: int) -> int | None:
        if 0 <= row < len(self._rows) and self._rows[row].hit is not None:
            return self._rows[row].number - 1
        return None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].hit is None:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            if row.hit is None:
                return f"{visible_text(row.group, 60)} ({row.count})"
            before, match, after = context(row.hit, CONTEXT_WIDTH)
            return visible_text(f"{before}【{match}】{after}".replace("\n", " "))
        if role == self.CONTEXT_ROLE and row.hit is not None:
            before, match, after = context(row.hit, CONTEXT_WIDTH)
            return tuple(visible_text(part.replace("\n", " "), 200) for part in (before, match, after))
        if role == self.HIT_ROLE:
            return row.hit
        if role == self.HEADER_ROLE:
            return row.hit is None
        if role == Qt.ItemDataRole.AccessibleTextRole and row.hit is not None:
            return visible_text(context(row.hit, CONTEXT_WIDTH)[1])
        return None


class _ResultDelegate(QStyledItemDelegate):
    """Draws a hit as context · match · context with the match emphasised; never as HTML."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        parts = index.data(SearchResultsModel.CONTEXT_ROLE)
        if not parts:
            header = QStyleOptionViewItem(option)
            self.initStyleOption(header, index)
            header.font.setBold(True)
            style = header.widget.style() if header.widget else None
            if style is not None:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, header, painter, header.widget)
            return
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.text = ""
        style = item.widget.style() if item.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, item, painter, item.widget)
        painter.save()
        rect: QRect = option.rect.adjusted(18, 0, -4, 0)
        x = rect.left()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        normal = palette.highlightedText().color() if selected else palette.text().color()
        bold = QFont(option.font)
        bold.setBold(True)
        for number, text in enumerate(parts):
            font = bold if number == 1 else option.font
            painter.setFont(font)
            painter.setPen(normal if number != 1 or selected else Qt.GlobalColor.darkRed)
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
            room = rect.right() - x
            if room <= 0:
                break
            shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, room) if width > room else text
            painter.drawText(
                QRect(x, rect.top(), room, rect.height()), int(Qt.AlignmentFlag.AlignVCenter), shown
            )
            x += metrics.horizontalAdvance(shown)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        return QSize(size.width(), max(size.height(), 22))


class SearchPanel(QWidget):
    """Search field, scope, filter toggle, "i / N" and the result list.

    Signals:
        hit_selected(object): the current Hit changed (None when the search was cleared).
        hits_changed(object): the full list of Hits for the current query (for tree hit counts).
        cleared(): Esc or an emptied field ended the search.
        filter_toggled(bool): the reader asked the tree to show only matching nodes.
    """

    hit_selected = Signal(object)
    hits_changed = Signal(object)
    cleared = Signal()
    filter_toggled = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self._index: SearchIndex | None = None
        self._index_factory: Callable[[], SearchIndex] | None = None
        self._group_of: Callable[[Hit], str] = lambda hit: str(hit.node_kind)
        self._goal_members: Callable[[], set[str] | None] = lambda: None
        self._hits: list[Hit] = []
        self._current = -1
        self._truncated = False

        self._field = QLineEdit()
        self._field.setObjectName("searchField")
        self._field.setAccessibleName(self.tr("Search the report"))
        self._field.setPlaceholderText(self.tr("Search: 临淄, linzi, lz, 2504, 84% …"))
        self._field.setClearButtonEnabled(True)
        self._field.installEventFilter(self)
        self._scope = QComboBox()
        self._scope.setObjectName("searchScope")
        self._scope.setAccessibleName(self.tr("Search scope"))
        for label, value in (
            (self.tr("Everything"), Scope.EVERYTHING),
            (self.tr("Figures"), Scope.INDICATORS),
            (self.tr("Quotes"), Scope.QUOTES),
            (self.tr("Article text"), Scope.ARTICLE),
            (self.tr("Current goal area"), Scope.GOAL),
        ):
            self._scope.addItem(label, value)
        self._filter = QCheckBox(self.tr("Filter tree"))
        self._filter.setObjectName("searchFilterTree")
        self._position = QLabel()
        self._position.setObjectName("searchPosition")
        self._position.setTextFormat(Qt.TextFormat.PlainText)
        self._message = QLabel()
        self._message.setObjectName("searchMessage")
        self._message.setTextFormat(Qt.TextFormat.PlainText)
        self._message.setWordWrap(True)
        self._message.hide()

        self._model = SearchResultsModel(self)
        self._list = QListView()
        self._list.setObjectName("searchResults")
        self._list.setAccessibleName(self.tr("Search results"))
        self._list.setModel(self._model)
        self._list.setItemDelegate(_ResultDelegate(self._list))
        self._list.setUniformItemSizes(True)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._list.hide()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.run_search)
        self._field.textChanged.connect(self._on_field_text_changed)
        self._scope.currentIndexChanged.connect(self._on_scope_changed)
        self._filter.toggled.connect(self.filter_toggled)

        for keys, slot in (
            (QKeySequence.StandardKey.FindNext, self.next_hit),
            (QKeySequence.StandardKey.FindPrevious, self.previous_hit),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        row = QHBoxLayout()
        row.addWidget(self._scope, 1)
        row.addWidget(self._filter)
        row.addWidget(self._position)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._field)
        layout.addLayout(row)
        layout.addWidget(self._message)
        layout.addWidget(self._list, 1)

    # --- configuration by the main window ---------------------------------------------------

    def set_index_factory(
        self,
        factory: Callable[[], SearchIndex],
        group_of: Callable[[Hit], str],
        goal_members: Callable[[], set[str] | None],
    ) -> None:
        """How to build the index (lazily, at the first search), group hits and find the goal's ids."""
        self._index = None
        self._index_factory = factory
        self._group_of = group_of
        self._goal_members = goal_members
        if self._field.text():
            self.run_search()

    # --- public API -------------------------------------------------------------------------

    def field(self) -> QLineEdit:
        return self._field

    def result_list(self) -> QListView:
        return self._list

    def results_model(self) -> SearchResultsModel:
        return self._model

    def hits(self) -> list[Hit]:
        return list(self._hits)

    def current_hit(self) -> Hit | None:
        return self._hits[self._current] if 0 <= self._current < len(self._hits) else None

    def position_text(self) -> str:
        return self._position.text()

    def message_text(self) -> str:
        return self._message.text() if self._message.isVisibleTo(self) else ""

    def set_scope(self, scope: str) -> None:
        self._scope.setCurrentIndex(max(self._scope.findData(scope), 0))

    def index(self) -> SearchIndex | None:
        if self._index is None and self._index_factory is not None:
            self._index = self._index_factory()
        return self._index

    @Slot()
    def run_search(self) -> None:
        """Search now (the field's debounce timer calls this)."""
        self._timer.stop()
        query = self._field.text().strip()
        index = self.index()
        if not query or index is None:
            self._show_hits([], "")
            return
        # A limit keeps a huge corpus responsive; the count then reads "2000+".
        found = index.search(query, limit=MAX_LISTED + 1)
        self._truncated = len(found) > MAX_LISTED
        hits = self._in_scope(found[:MAX_LISTED])
        message = ""
        if not hits:
            suggestions = index.suggest(query)
            message = self.tr("No results for “%1”.").replace("%1", query)
            if suggestions:
                message += " " + self.tr("Try: %1").replace("%1", ", ".join(suggestions))
        self._show_hits(hits, message)

    @Slot()
    def next_hit(self) -> None:
        self._step(1)

    @Slot()
    def previous_hit(self) -> None:
        self._step(-1)

    @Slot()
    def clear(self) -> None:
        """End the search: empty field, no results; the main window restores the reader's place."""
        self._timer.stop()
        had_query = bool(self._field.text())
        self._field.blockSignals(True)
        self._field.clear()
        self._field.blockSignals(False)
        self._show_hits([], "")
        if had_query:
            self.cleared.emit()

    # --- internals --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._field and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if self._timer.isActive():
                    self.run_search()
                self._step(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if key == Qt.Key.Key_Down and self._model.hit_count():
                self._list.setFocus()
                return True
        return super().eventFilter(watched, event)

    @Slot(str)
    def _on_field_text_changed(self, text: str) -> None:
        if not text.strip():
            self._show_hits([], "")
            self.cleared.emit()
            return
        self._timer.start()

    @Slot(int)
    def _on_scope_changed(self, _index: int) -> None:
        if self._field.text().strip():
            self.run_search()

    def _in_scope(self, hits: Sequence[Hit]) -> list[Hit]:
        scope = self._scope.currentData()
        if scope in _SCOPE_KINDS:
            kinds = _SCOPE_KINDS[scope]
            return [h for h in hits if h.node_kind in kinds]
        if scope == Scope.GOAL:
            members = self._goal_members()
            return [h for h in hits if members is None or h.node_id in members]
        return list(hits)

    def _show_hits(self, hits: list[Hit], message: str) -> None:
        self._hits = hits
        self._current = -1
        rows: list[ResultRow] = []
        groups: dict[str, list[Hit]] = {}
        for hit in hits[:MAX_LISTED]:
            groups.setdefault(self._group_of(hit), []).append(hit)
        number = 0
        order: dict[int, int] = {}
        for group, members in groups.items():
            rows.append(ResultRow(group, None, count=len(members)))
            for hit in members:
                number += 1
                order[id(hit)] = number
                rows.append(ResultRow(group, hit, number=number))
        # Stepping follows the list as shown (grouped), so "i / N" matches what the reader sees.
        self._hits = [row.hit for row in rows if row.hit is not None]
        self._model.set_rows(rows)
        self._list.setVisible(bool(hits))
        self._message.setText(message)
        self._message.setVisible(bool(message))
        self._update_position()
        self.hits_changed.emit(list(hits))

    def _step(self, delta: int) -> None:
        if not self._hits:
            return
        self._current = (
            (self._current + delta) % len(self._hits)
            if self._current >= 0
            else (0 if delta > 0 else len(self._hits) - 1)
        )
        row = self._model.row_of_hit(self._current)
        self._list.setCurrentIndex(self._model.index(row, 0))
        self._list.scrollTo(self._model.index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        number = self._model.hit_number(current.row())
        if number is None:
            return
        self._current = number
        self._update_position()
        self.hit_selected.emit(self._hits[number])

    def _update_position(self) -> None:
        total = f"{len(self._hits)}+" if self._truncated else str(len(self._hits))
        if not self._field.text().strip():
            self._position.setText("")
        elif self._current >= 0:
            self._position.setText(f"{self._current + 1} / {total}")
        else:
            self._position.setText(f"{total}")
