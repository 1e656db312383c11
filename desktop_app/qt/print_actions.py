"""File › Print, Print preview, Export PDF/CSV, and what they cover and on which paper.

The choice "the selected goal area" is resolved here, once per command, into a
:class:`~desktop_app.core.scope.SummaryScope` handed to the print controller. The controller (and
with it Qt's print support) is imported at the first command, not at start-up.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.qt.actions import choice_actions, make_action
from desktop_app.qt.settings import PAGE_SIZES, PrintScopeChoice, Settings

if TYPE_CHECKING:
    from desktop_app.core.scope import SummaryScope

__all__ = ["PrintActions", "PrintPlace"]


class PrintPlace(Protocol):
    """What printing needs from the window: the report (as loaded) and the goal area selected."""

    @property
    def report(self) -> Report: ...

    def current_goal_id(self) -> str | None: ...


class PrintActions(QObject):
    """The print and export actions of a window, with their scope and paper-size choices.

    Signals:
        status_message(str): a message for the status bar (pages printed, file saved).
    """

    status_message = Signal(str)

    def __init__(self, window: QWidget, settings: Settings, place: PrintPlace) -> None:
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._place = place
        self._controller: Any = None
        keys = QKeySequence.StandardKey
        self.print_action = make_action(self, "actionPrint", self.tr("&Print…"), self._on_print, keys.Print)
        self.preview_action = make_action(
            self, "actionPrintPreview", self.tr("Print pre&view…"), self._on_preview, "Ctrl+Shift+P"
        )
        self.export_pdf_action = make_action(
            self, "actionExportPdf", self.tr("Export &PDF…"), self._on_export_pdf, "Ctrl+E"
        )
        self.export_csv_action = make_action(
            self, "actionExportCsv", self.tr("Export &CSV…"), self._on_export_csv, "Ctrl+Shift+E"
        )
        self._scope_actions = choice_actions(
            self,
            "actionPrintScope",
            str(settings.print_scope()),
            (
                (PrintScopeChoice.SELECTED, self.tr("Selected &goal area (else the whole report)")),
                (PrintScopeChoice.ALL, self.tr("&Whole report")),
                (PrintScopeChoice.FIGURES, self.tr("&Figures only (tables)")),
            ),
        )
        self._scope_actions.triggered.connect(
            lambda action: settings.set_print_scope(PrintScopeChoice(action.data()))
        )
        self._paper_actions = choice_actions(
            self, "actionPageSize", settings.page_size(), ((size, size) for size in PAGE_SIZES)
        )
        self._paper_actions.triggered.connect(lambda action: settings.set_page_size(action.data()))
        # Language names in their own language, as View › Language writes them.
        self._document_language_actions = choice_actions(
            self,
            "actionDocumentLanguage",
            settings.document_language(),
            ((Language.ZH, "中文"), (Language.EN, "English")),
        )
        self._document_language_actions.triggered.connect(
            lambda action: settings.set_document_language(Language.from_tag(action.data()))
        )

    def add_to_menu(self, menu: QMenu) -> None:
        """The commands, then the submenus of what they cover, the paper size and the document's language."""
        menu.addActions(
            [self.print_action, self.preview_action, self.export_pdf_action, self.export_csv_action]
        )
        scope_menu = menu.addMenu(self.tr("Print and export &covers"))
        scope_menu.setObjectName("menuPrintScope")
        scope_menu.addActions(self._scope_actions.actions())
        paper_menu = menu.addMenu(self.tr("Paper si&ze"))
        paper_menu.setObjectName("menuPageSize")
        paper_menu.addActions(self._paper_actions.actions())
        language_menu = menu.addMenu(self.tr("Document &language"))
        language_menu.setObjectName("menuDocumentLanguage")
        language_menu.addActions(self._document_language_actions.actions())

    def print_scope(self) -> str:
        """The scope the commands use now: a goal-area id, ``"all"`` or ``"figures"``."""
        choice = self._settings.print_scope()
        if choice is PrintScopeChoice.SELECTED:
            return self._place.current_goal_id() or str(PrintScopeChoice.ALL)
        return str(choice)

    def page_size(self) -> str:
        """The paper size chosen in File › Paper size (``"A4"`` or ``"Letter"``)."""
        return self._settings.page_size()

    def _printing(self) -> tuple[Any, SummaryScope]:
        """The print controller set to the chosen paper, and the chosen scope resolved once."""
        from desktop_app.core.scope import resolve_scope  # with the printing: not at start-up

        if self._controller is None:
            printing = importlib.import_module("desktop_app.qt.printing")
            self._controller = printing.PrintController(self._window)
            self._controller.status_message.connect(self.status_message)
        self._controller.set_page_size(self.page_size())
        self._controller.document_language = self._settings.document_language()
        report = self._place.report
        # Unreviewed figures are printed only while the window shows them, and marked (issue 14).
        scope = resolve_scope(
            report,
            self.print_scope(),
            self._controller.document_language,
            include_unreviewed=self._settings.show_unreviewed(),
        )
        return self._controller, scope

    @Slot()
    def _on_print(self) -> None:
        controller, scope = self._printing()
        controller.print_report(self._place.report, scope)

    @Slot()
    def _on_preview(self) -> None:
        controller, scope = self._printing()
        controller.preview_report(self._place.report, scope)

    @Slot()
    def _on_export_pdf(self) -> None:
        controller, scope = self._printing()
        controller.export_pdf(self._place.report, scope)

    @Slot()
    def _on_export_csv(self) -> None:
        controller, scope = self._printing()
        controller.export_csv(self._place.report, scope)
