"""The window's message boxes: About, a dataset that cannot be opened, settings not saved.

Each is plain text (dataset strings are never read as markup) and opened without blocking, so
the window stays usable and tests need no timers to close them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.appinfo import __version__
from desktop_app.core.dataset_errors import DatasetError
from desktop_app.core.language import Language
from desktop_app.core.model import Report
from desktop_app.core.presentation import fill, source_citation, visible_text

__all__ = ["about_box", "load_error_box", "settings_error_box"]

_DETAILS_SHOWN = 1500  # characters of the problem list in the box; all of them under "Show Details"
# Strings are translated with QCoreApplication.translate("Dialogs", …) written out at each call:
# lupdate finds only literal calls.


def _box(parent: QWidget | None, name: str, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(parent)
    box.setObjectName(name)
    box.setIcon(icon)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowTitle(title)
    box.setText(text)
    return box


def about_box(parent: QWidget, report: Report, language: Language) -> QMessageBox:
    """Help › About: the app and its version, the data's source and the licences (window-modal)."""
    box = _box(
        parent,
        "aboutBox",
        QMessageBox.Icon.Information,
        QCoreApplication.translate("Dialogs", "About Report Viewer"),
        fill(QCoreApplication.translate("Dialogs", "Report Viewer %1"), __version__),
    )
    lines = [
        QCoreApplication.translate("Dialogs", "Read, search, chart and print a government work report."),
        "",
        fill(QCoreApplication.translate("Dialogs", "Data source: %1"), source_citation(report, language)),
        "",
        QCoreApplication.translate("Dialogs", "Code licence: MIT."),
        QCoreApplication.translate("Dialogs", "Font: Noto Sans CJK SC (subset), SIL Open Font License 1.1."),
        QCoreApplication.translate("Dialogs", "Qt for Python (LGPLv3) and pyqtgraph (MIT)."),
    ]
    box.setInformativeText("\n".join(lines))
    box.open()
    return box


def load_error_box(parent: QWidget, error: DatasetError, language: Language) -> QMessageBox:
    """A dataset could not be opened: every problem the loader found, in the interface's language."""
    box = _box(
        parent,
        "loadErrorBox",
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Cannot open dataset"),
        QCoreApplication.translate(
            "Dialogs", "The dataset could not be opened. The current report stays open."
        ),
    )
    described = visible_text(error.describe(language))  # dataset text shown, controls never obeyed
    box.setInformativeText(described[:_DETAILS_SHOWN])
    box.setDetailedText(described)
    box.open()
    return box


def settings_error_box(problem: str) -> QMessageBox:
    """The settings could not be written; a box of its own, which outlives the closing window."""
    box = _box(
        None,
        "settingsErrorBox",
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("Dialogs", "Settings not saved"),
        QCoreApplication.translate("Dialogs", "The window's layout and your choices could not be saved."),
    )
    box.setInformativeText(problem)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.show()
    return box
