"""The window's place on the screen and its panes: sized, restored, collapsed and reset.

The rules (what fits, what share each pane gets) are in :mod:`desktop_app.qt.window_layout`; this
object applies them to a window and its three splitters, owns View › Goal tree, Source text and
Reset layout, and saves and restores the layout through the typed settings.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDockWidget, QMainWindow, QSplitter, QToolBar

from desktop_app.qt.actions import make_action
from desktop_app.qt.settings import Settings
from desktop_app.qt.window_layout import (
    FRAME_ALLOWANCE,
    centre_pane_sizes,
    fit_to_screens,
    initial_geometry,
    main_pane_sizes,
    middle_is_squeezed,
    side_dock_width,
)

__all__ = ["PaneLayout"]

_TREE, _MIDDLE, _SOURCE = 0, 1, 2  # the panes of the main splitter


class PaneLayout(QObject):
    """Places ``window`` and shares its width among the panes of ``main`` (tree | centre | source).

    Args:
        window: the main window.
        settings: where the layout is saved.
        main: the horizontal splitter: tree column, detail and charts, source text.
        others: further splitters whose sizes are saved (the centre and the left column).
    """

    def __init__(self, window: QMainWindow, settings: Settings, main: QSplitter, *others: QSplitter) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._main = main
        self._centre = others[0] if others else None
        self._splitters = [main, *others]
        main.setCollapsible(_MIDDLE, False)  # the tree and the source text may be collapsed
        main.splitterMoved.connect(self._on_main_splitter_moved)
        self.tree_action = make_action(self, "actionShowTree", self.tr("Goal &tree"), self._on_pane_toggled)
        self.source_action = make_action(
            self, "actionShowSourcePane", self.tr("Source te&xt"), self._on_pane_toggled
        )
        for action in (self.tree_action, self.source_action):
            action.setCheckable(True)
            action.setChecked(True)
        self.reset_action = make_action(self, "actionResetLayout", self.tr("Reset &layout"), self.reset)
        self._side_docks: list[QDockWidget] = []
        # Fitted once the window's resizes have been laid out (many resize events make one fit).
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)
        self._refit.timeout.connect(self._fit_side_docks)

    def actions(self) -> list[QAction]:
        return [self.tree_action, self.source_action, self.reset_action]

    def keep_middle_beside(self, dock: QDockWidget) -> None:
        """When ``dock`` (a side dock: the library) squeezes the middle pane, make room.

        Checked when the dock is shown and whenever the window is resized. The dock then takes
        :func:`side_dock_width` and the panes share the rest in the default proportions: at 1024×600
        the library, tree, middle and source text all stay usable (before, the library's 325 px
        left the middle 165), and so after a large window is made small.
        """
        dock.visibilityChanged.connect(self._on_side_dock_visibility_changed)
        if not self._side_docks:
            self._window.installEventFilter(self)
        self._side_docks.append(dock)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.Resize and self._side_docks:
            self._refit.start()
        return False

    def fit_beside(self, dock: QDockWidget) -> None:
        """Make room for the middle pane now if ``dock`` squeezes it (see :meth:`keep_middle_beside`)."""
        if not dock.isVisible() or dock.isFloating() or not middle_is_squeezed(self._main.sizes()):
            return
        self._window.resizeDocks([dock], [side_dock_width(self._window.width())], Qt.Orientation.Horizontal)
        layout = self._window.layout()
        if layout is not None:
            layout.activate()  # the splitter's new width, now
        self._main.setSizes(main_pane_sizes(self._main.width()))
        self._on_main_splitter_moved()

    def restore(self) -> None:
        """Place the window on today's screens and restore the saved pane sizes that are usable."""
        self._place_on_screen()
        state = self._settings.window_state()
        if state is not None:
            self._window.restoreState(state)
        self._apply_defaults()
        for splitter in self._splitters:
            sizes = self._settings.splitter_sizes(splitter.objectName(), splitter.count())
            if sizes is not None:
                splitter.setSizes(sizes)
        self._on_main_splitter_moved()

    def save(self) -> None:
        self._settings.set_geometry(self._window.saveGeometry())
        self._settings.set_window_state(self._window.saveState())
        for splitter in self._splitters:
            self._settings.set_splitter_sizes(splitter.objectName(), splitter.sizes())

    @Slot()
    def reset(self) -> None:
        """View › Reset layout: every pane and toolbar shown, in the default proportions."""
        self._settings.clear_layout()
        for toolbar in self._window.findChildren(QToolBar):
            toolbar.show()
        self._apply_defaults()
        self._on_main_splitter_moved()

    def show_pane(self, index: int, shown: bool) -> None:
        """Collapse a side pane of the main splitter, or give it back its default share."""
        sizes = self._main.sizes()
        if (sizes[index] > 0) == shown:
            return
        if shown:
            wanted = main_pane_sizes(sum(sizes))[index]
            sizes[_MIDDLE] -= wanted
            sizes[index] = wanted
        else:
            sizes[_MIDDLE] += sizes[index]
            sizes[index] = 0
        self._main.setSizes(sizes)

    def _place_on_screen(self) -> None:
        """The saved geometry moved and shrunk onto today's screens, else sized to the screen."""
        window = self._window
        geometry = self._settings.geometry()
        if geometry is not None and window.restoreGeometry(geometry):
            if not (window.isMaximized() or window.isFullScreen()):
                screens = [s.availableGeometry() for s in QGuiApplication.screens()]
                window.setGeometry(fit_to_screens(window.geometry(), screens, FRAME_ALLOWANCE))
        else:
            screen = window.screen() or QGuiApplication.primaryScreen()
            window.setGeometry(initial_geometry(screen.availableGeometry(), FRAME_ALLOWANCE))

    def _apply_defaults(self) -> None:
        """Pane sizes in proportion to the window (before any saved sizes are applied)."""
        shown = self._main.isVisible()
        self._main.setSizes(main_pane_sizes(self._main.width() if shown else self._window.width()))
        if self._centre is not None:
            height = self._centre.height() if shown else self._window.height()
            self._centre.setSizes(centre_pane_sizes(height))

    @Slot()
    def fit_centre(self) -> None:
        """Share the centre's height again (detail over charts) once a dock below has taken its part.

        Run after the layout has settled: a dock shown below (the term trends) left the detail pane
        its 68 px minimum at 1024×600 while the charts kept 214.
        """
        QTimer.singleShot(0, self, self._fit_centre_now)

    def _fit_centre_now(self) -> None:
        centre = self._centre
        if centre is None or not centre.isVisible():
            return
        sizes = centre.sizes()
        if sizes[0] < 0.3 * sum(sizes):
            centre.setSizes(centre_pane_sizes(sum(sizes)))

    @Slot(bool)
    def _on_side_dock_visibility_changed(self, visible: bool) -> None:
        dock = self.sender()
        if visible and isinstance(dock, QDockWidget):
            # After the dock has been laid out: its width and the splitter's are known then.
            QTimer.singleShot(0, self, lambda: self.fit_beside(dock))

    @Slot()
    def _fit_side_docks(self) -> None:
        for dock in self._side_docks:
            self.fit_beside(dock)

    @Slot()
    def _on_pane_toggled(self) -> None:
        self.show_pane(_TREE, self.tree_action.isChecked())
        self.show_pane(_SOURCE, self.source_action.isChecked())

    @Slot()
    def _on_main_splitter_moved(self) -> None:
        sizes = self._main.sizes()
        self.tree_action.setChecked(sizes[_TREE] > 0)
        self.source_action.setChecked(sizes[_SOURCE] > 0)
