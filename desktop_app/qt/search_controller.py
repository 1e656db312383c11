"""Routes search hits to the rest of the window; the main window only connects it.

Selecting a hit selects its node in the tree and shows its span in the source view; every search
updates the tree's hit counts (by the core's one counting rule) and says in the status bar which
hit of how many is shown and what it belongs to. While a search shows results, the results get
most of the left column; Esc gives the space back to the tree.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QSplitter, QTreeView

from desktop_app.core.language import Language
from desktop_app.core.model import GoalArea, Report
from desktop_app.core.presentation import fill
from desktop_app.core.search.hits import HitPlaces, hit_counts
from desktop_app.core.search.types import Hit, NodeKind
from desktop_app.qt.models.tree import GoalTreeModel, HitFilterProxy
from desktop_app.qt.models.tree import NodeKind as TreeNodeKind
from desktop_app.qt.widgets.search_panel import SearchPanel, SearchScope
from desktop_app.qt.widgets.source_view import SourceView

if TYPE_CHECKING:
    from desktop_app.core.search.index import SearchIndex

__all__ = ["RESULTS_SHARE", "Navigator", "SearchController"]

RESULTS_SHARE: Final = 0.65
"""The share of the left column the search panel gets while it shows results."""

_NO_MAXIMUM: Final = 16_777_215  # QWIDGETSIZE_MAX, which PySide6 does not export


class Navigator(Protocol):
    """What the controller needs from the window: selecting places in the tree."""

    def select_path(self, path: str) -> bool: ...

    def select_item(self, item_id: str) -> bool: ...

    def current_path(self) -> str: ...


def _build_index(report: Report) -> SearchIndex:
    # Imported here: the index costs ~0.4 s of imports (pypinyin, OpenCC), paid at the first search.
    from desktop_app.core.search.index import SearchIndex

    return SearchIndex.build(report)


class SearchController(QObject):
    """Connects the search panel to the tree, the source view, the status bar and the left column.

    Signals:
        status_message(str): a message for the status bar.
    """

    status_message = Signal(str)

    def __init__(
        self,
        panel: SearchPanel,
        tree: QTreeView,
        source: SourceView,
        column: QSplitter,
        navigator: Navigator,
        parent: QObject | None = None,
    ) -> None:
        """Connect the panel.

        Args:
            panel: the search panel (first widget of ``column``).
            tree: the goal tree (a view over a :class:`HitFilterProxy` over a :class:`GoalTreeModel`).
            source: the source view.
            column: the vertical splitter holding the panel above the tree.
            navigator: selects places in the tree (the main window).
            parent: the owning object.
        """
        super().__init__(parent)
        self._panel = panel
        self._tree = tree
        self._source = source
        self._column = column
        self._navigator = navigator
        self._places: HitPlaces | None = None
        self._return_path: str | None = None
        panel.hit_selected.connect(self._on_panel_hit_selected)
        panel.hits_changed.connect(self._on_panel_hits_changed)
        panel.cleared.connect(self._on_panel_cleared)
        panel.filter_toggled.connect(self._on_panel_filter_toggled)
        panel.results_shown.connect(self._on_panel_results_shown)
        panel.field().textEdited.connect(self._on_field_text_edited)
        self._on_panel_results_shown(False)

    def set_report(self, report: Report, lang: Language) -> None:
        """Search ``report`` from now on (call after the tree shows it).

        A search of this report ends; a search of the library goes on (its hits open reports).
        """
        if self._panel.scope() is SearchScope.REPORT:
            self._panel.clear()
        self._return_path = None
        self._places = HitPlaces(report, lang)
        self._panel.set_source(
            lambda: _build_index(report),
            self._places,
            lang,
            lambda: self._goal_members(report),
        )

    # --- the tree ----------------------------------------------------------------------------

    def _proxy(self) -> HitFilterProxy:
        proxy = self._tree.model()
        assert isinstance(proxy, HitFilterProxy)
        return proxy

    def _tree_model(self) -> GoalTreeModel:
        model = self._proxy().sourceModel()
        assert isinstance(model, GoalTreeModel)
        return model

    def _goal_members(self, report: Report) -> set[str] | None:
        """The ids in the goal area the reader is in, or None outside every goal area."""
        node = self._tree_model().node(self._proxy().mapToSource(self._tree.currentIndex()))
        while node is not None and node.parent is not None and node.kind is not TreeNodeKind.GOAL:
            node = node.parent
        if node is None or not isinstance(node.item, GoalArea):
            return None
        return {node.item.id, *(item.id for item in report.for_goal(node.item.id))}

    def _select(self, hit: Hit) -> None:
        navigator = self._navigator
        if hit.node_kind is NodeKind.PARAGRAPH:
            navigator.select_path("source")
        elif hit.node_kind is NodeKind.GOAL_AREA:
            navigator.select_path(f"goal/{hit.node_id}")
        elif hit.node_kind is NodeKind.SECTION:
            navigator.select_path(f"section/{hit.node_id}") or navigator.select_path("overview")
        else:
            navigator.select_item(hit.node_id)

    # --- slots -------------------------------------------------------------------------------

    @Slot(str)
    def _on_field_text_edited(self, _text: str) -> None:
        if self._return_path is None:
            self._return_path = self._navigator.current_path()

    def show_hit(self, hit: Hit) -> None:
        """Select a hit of the report shown: its node in the tree, its span in the source text."""
        self._select(hit)
        if hit.span is not None:
            self._source.show_span(hit.span)

    @Slot(object)
    def _on_panel_hit_selected(self, hit: Hit) -> None:
        if self._return_path is None:
            self._return_path = self._navigator.current_path()
        self.show_hit(hit)
        if self._places is not None:
            self.status_message.emit(
                fill(
                    self.tr("Hit %1 of %2: %3"),
                    self._panel.current_number(),
                    self._panel.total_text(),
                    self._places.describe(hit),
                )
            )

    @Slot(object)
    def _on_panel_hits_changed(self, hits: list[Hit]) -> None:
        if not hits:
            self._source.clear_highlight()  # a search that finds nothing shows nothing found
        counts: dict[str, int] | None = None  # no search of this report shown: figure counts
        if self._panel.scope() is SearchScope.REPORT and self._panel.field().text().strip():
            counts = hit_counts(hits, self._places) if self._places is not None else {}
        self._tree_model().set_hit_counts(counts)
        self._proxy().refresh()

    @Slot()
    def _on_panel_cleared(self) -> None:
        self._tree_model().set_hit_counts(None)
        self._proxy().refresh()
        self._source.clear_highlight()
        if self._return_path:
            self._navigator.select_path(self._return_path)
        self._return_path = None

    @Slot(bool)
    def _on_panel_filter_toggled(self, enabled: bool) -> None:
        path = self._navigator.current_path()
        self._proxy().set_enabled(enabled)
        if enabled:
            self._tree.expandAll()
        else:
            self._tree.collapseAll()
        if path:
            self._navigator.select_path(path)

    @Slot(bool)
    def _on_panel_results_shown(self, shown: bool) -> None:
        """Give the results most of the column; without results, fit the panel, with no gap."""
        panel = self._panel
        total = sum(self._column.sizes())
        if not shown:
            # Field, filter row and any message, now and after a restored splitter state: the tree
            # gets the rest.
            height = panel.compact_height()
            panel.setMaximumHeight(height)
            if total > height:
                self._column.setSizes([height, total - height])
            return
        panel.setMaximumHeight(_NO_MAXIMUM)
        if total > 0 and self._column.sizes()[0] < total * RESULTS_SHARE:
            share = int(total * RESULTS_SHARE)
            self._column.setSizes([share, total - share])
