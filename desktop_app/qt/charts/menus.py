"""The export menu every chart offers, from its button and its context menu."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

__all__ = ["ExportContextMenu", "export_button", "export_menu", "open_export_menu"]


def export_menu(parent: QWidget, request: Callable[[str], None]) -> QMenu:
    """A menu with Export PNG… and Export SVG…, calling ``request("png")`` or ``request("svg")``."""
    menu = QMenu(parent)
    menu.setObjectName("chartContextMenu")
    png = menu.addAction(QCoreApplication.translate("ChartPanel", "Export PNG…"))
    png.setObjectName("actionExportPng")
    png.triggered.connect(lambda: request("png"))
    svg = menu.addAction(QCoreApplication.translate("ChartPanel", "Export SVG…"))
    svg.setObjectName("actionExportSvg")
    svg.triggered.connect(lambda: request("svg"))
    return menu


def export_button(text: str, request: Callable[[str], None], tool_tip: str = "") -> QToolButton:
    """A chart's export button: ``text``, and a click opens :func:`export_menu`.

    Every chart's button is made here (the goal-area charts' 导出…, the Targets & outcomes view's
    导出图表). Its ``exportMenu`` property gives it room for the menu's arrow after the text in
    ``resources/styles/app.qss``: left to the style, the arrow of a button whose menu opens on a
    click is drawn in its corner over the text's last character.
    """
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tool_tip)
    button.setProperty("exportMenu", True)
    button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
    button.setMenu(export_menu(button, request))
    return button


def open_export_menu(menu: QMenu, event: QContextMenuEvent) -> None:
    """Show a chart's context menu where the reader asked for it, then free it."""
    menu.exec(event.globalPos())
    menu.deleteLater()
    event.accept()


class ExportContextMenu:
    """Mixin for a chart widget whose context menu is the export menu.

    Put it before the Qt base class (``class Chart(ExportContextMenu, QWidget)``); the class
    declares ``export_requested = Signal(str)``, which the menu's actions emit.
    """

    export_requested: Any  # a Signal(str) of the widget class

    def context_menu(self) -> QMenu:
        """The context menu: Export PNG… and Export SVG… (a chart's button opens the same)."""
        return export_menu(cast(QWidget, self), self.export_requested.emit)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        open_export_menu(self.context_menu(), event)
