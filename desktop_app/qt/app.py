"""Starting the window: the QApplication, fonts, translations, style, settings and error handling."""

from __future__ import annotations

import logging
import os
import sys
import time
import traceback
from types import TracebackType

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, Qt, QTimer, QTranslator, Slot
from PySide6.QtGui import QFont, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop_app.appinfo import APP_ID, APP_NAME, ORGANIZATION_DOMAIN, ORGANIZATION_NAME
from desktop_app.core.language import Language
from desktop_app.core.loader import DatasetError, load_report
from desktop_app.core.model import Report
from desktop_app.core.presentation import fill, report_title
from desktop_app.core.resources import resource_path
from desktop_app.qt.fonts import register_bundled_fonts, ui_font_family
from desktop_app.qt.logging_setup import configure_logging, log_file
from desktop_app.qt.main_window import MainWindow
from desktop_app.qt.platform_check import xcb_problem
from desktop_app.qt.settings import Settings, open_settings
from desktop_app.qt.workers import collection_held

log = logging.getLogger(__name__)
TRANSLATION_PREFIX = "report_viewer"


def create_application(argv: list[str] | None = None) -> QApplication:
    """The application object with names, icon, bundled fonts and the style sheet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or [sys.argv[0]])
    # Setting the icon, font and style sheet walks every widget there is, calling Python overrides.
    with collection_held():
        app.setApplicationName(APP_NAME)
        app.setOrganizationName(ORGANIZATION_NAME)
        app.setOrganizationDomain(ORGANIZATION_DOMAIN)
        QGuiApplication.setDesktopFileName(APP_ID)
        icon = resource_path("icons/report-viewer.svg")
        if icon.exists():
            app.setWindowIcon(QIcon(str(icon)))
        register_bundled_fonts()
        font = QFont(ui_font_family())
        font.setPointSize(max(app.font().pointSize(), 10))
        app.setFont(font)
        style = resource_path("styles/app.qss")
        if style.exists():
            app.setStyleSheet(style.read_text(encoding="utf-8"))
    return app


def resolve_language(chosen: Language | None) -> Language:
    """The UI language: the reader's choice, else the system locale's (Chinese or English).

    This is the one place where Qt's locale becomes a :class:`Language`.
    """
    if chosen is not None:
        return chosen
    return Language.ZH if QLocale.system().language() == QLocale.Language.Chinese else Language.EN


class Translations(QObject):
    """Installs the app's and Qt's own translators for one language, replacing earlier ones."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self._app = app
        self._installed: list[QTranslator] = []

    def install(self, language: Language) -> list[str]:
        """Install translations for ``language``; returns the catalogues that loaded."""
        self.remove()
        loaded: list[str] = []
        # English too: the source strings are English, but only a catalogue gives "%n figure(s)" its
        # plural forms ("1 figure", "2 figures"); the English one holds those strings only.
        ours = QTranslator(self._app)
        if ours.load(f"{TRANSLATION_PREFIX}_{language.qt_name}", str(resource_path("translations"))):
            loaded.append(TRANSLATION_PREFIX)
            self._installed.append(ours)
        if language is not Language.EN:  # Qt's own strings are English already
            qt = QTranslator(self._app)
            qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
            if qt.load(f"qtbase_{language.qt_name}", qt_folder):
                loaded.append("qtbase")
                self._installed.append(qt)
        for translator in self._installed:
            self._app.installTranslator(translator)
        return loaded

    def remove(self) -> None:
        """Remove the translators installed (the source strings show as written)."""
        for translator in self._installed:
            self._app.removeTranslator(translator)
            translator.deleteLater()
        self._installed = []


_error_boxes: list[QMessageBox] = []  # open error dialogs without a parent, kept alive until closed


def show_error_dialog(kind: type[BaseException], value: BaseException, details: str) -> QMessageBox:
    """A non-modal dialog about an unexpected error, over the active window."""
    box = QMessageBox(QApplication.activeWindow())
    box.setObjectName("errorBox")
    box.setIcon(QMessageBox.Icon.Critical)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setWindowModality(Qt.WindowModality.NonModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowTitle(QApplication.translate("ErrorHandler", "Unexpected error"))
    message = str(value)[:300] or kind.__name__
    box.setText(fill(QApplication.translate("ErrorHandler", "Something went wrong: %1"), message))
    written = log_file()
    if written is not None:
        box.setInformativeText(
            fill(QApplication.translate("ErrorHandler", "Details were written to %1"), str(written))
        )
    box.setDetailedText(details)
    if box.parent() is None:
        _error_boxes.append(box)
        box.finished.connect(lambda _result: _error_boxes.remove(box) if box in _error_boxes else None)
    box.show()
    return box


def handle_unexpected_error(
    kind: type[BaseException], value: BaseException, tb: TracebackType | None
) -> None:
    """``sys.excepthook`` of the window: log the traceback and show a dialog; never vanish."""
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    log.error("unexpected error", exc_info=(kind, value, tb))
    details = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(details)
    if QApplication.instance() is not None:
        show_error_dialog(kind, value, details)


def install_error_handler() -> None:
    """Route unexpected errors (also those raised in slots) to :func:`handle_unexpected_error`."""
    sys.excepthook = handle_unexpected_error


class Application(QObject):
    """Owns the main window; rebuilds it when the reader switches the UI language."""

    def __init__(
        self, app: QApplication, report: Report, settings: Settings, path: str | None = None
    ) -> None:
        """The window on ``report``, read from ``path`` when it came from a file (not the bundled one)."""
        super().__init__(app)
        self._app = app
        self._settings = settings
        self._translations = Translations(app)
        self._language = resolve_language(settings.language())
        self._translations.install(self._language)
        self.window = self._make_window(report)
        if path is not None:  # a file named on the command line: in the library only if it is an entry
            self.window.library_controller().set_current_file(path, report_title(report, self._language))

    @property
    def language(self) -> Language:
        return self._language

    def _make_window(self, report: Report) -> MainWindow:
        window = MainWindow(report, self._settings, self._language)
        window.language_change_requested.connect(self._on_window_language_change_requested)
        return window

    @Slot(object)
    def _on_window_language_change_requested(self, chosen: Language | None) -> None:
        language = resolve_language(chosen)
        if language is self._language:
            return
        old = self.window
        old.save_settings()
        self._language = language
        self._translations.install(language)
        self.window = self._make_window(old.report)
        self.window.library_controller().take_over(old.library_controller())
        self.window.show()
        old.close()
        old.deleteLater()


def _peak_rss_kb() -> int | None:
    try:
        import resource  # Unix only: the window must import on Windows too
    except ImportError:  # pragma: no cover - Windows
        return None
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


class StartupProbe(QObject):
    """For benchmarks: print when the window first paints and when its charts first paint, then quit.

    Enabled by the environment variable ``REPORT_VIEWER_STARTUP_PROBE=1``; prints
    ``painted <unix time>``, ``painted_cpu <CPU seconds>``, ``charts <unix time>`` and
    ``maxrss_kb <peak RSS>`` (on Unix).
    """

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        window.first_painted.connect(self._on_window_first_painted)
        window.charts_ready.connect(self._on_window_charts_ready)

    @Slot()
    def _on_window_first_painted(self) -> None:
        print(f"painted {time.time():.6f}", flush=True)
        print(f"painted_cpu {time.process_time():.6f}", flush=True)

    @Slot()
    def _on_window_charts_ready(self) -> None:
        panel = self._window.chart_panel()
        if panel is not None:
            panel.repaint()  # paint synchronously so the time includes drawing the charts
        print(f"charts {time.time():.6f}", flush=True)
        rss = _peak_rss_kb()
        if rss is not None:
            print(f"maxrss_kb {rss}", flush=True)
        QTimer.singleShot(0, QApplication.quit)


def run_gui(path: str | None) -> int:
    """Open the window on the bundled report or on ``path``; returns the exit status."""
    problem = xcb_problem()
    if problem is not None:  # say so now: Qt itself would abort with a core dump
        sys.stderr.write(problem + "\n")
        return 1
    app = create_application(sys.argv[:1])
    configure_logging()
    install_error_handler()
    settings = open_settings(ORGANIZATION_NAME, APP_NAME)
    error: DatasetError | None = None
    try:
        report = load_report(path, trust_bundled=True)
    except DatasetError as exc:  # show the problem over the bundled report rather than exit
        error, report = exc, load_report(trust_bundled=True)
    controller = Application(app, report, settings, path if error is None else None)
    if os.environ.get("REPORT_VIEWER_STARTUP_PROBE") == "1":
        StartupProbe(controller.window)
    controller.window.show()
    if error is not None:
        controller.window.show_load_error(error)
    return app.exec()
